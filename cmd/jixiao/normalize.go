package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"github.com/jixiao/jixiao/normalize"
)

func runNormalize(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("normalize", flag.ContinueOnError)
	format := fs.String("format", "text", "输出格式：text 或 json")
	year := fs.Int("year", 0, "预算年度，用于解析“年底前”等期限")
	if ok, status := parseFlags(fs, args, stdout, stderr); !ok {
		return status
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "jixiao normalize: --format 只能是 text 或 json，而不是 %q\n", *format)
		return 2
	}
	ctx := normalize.Context{Year: *year}
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false) // ≥ and < stay as written
	emit := func(text string) error {
		t := normalize.Value(text, ctx)
		if *format == "json" {
			return enc.Encode(struct {
				Text   string           `json:"text"`
				Target normalize.Target `json:"target"`
			}{text, t})
		}
		if _, err := fmt.Fprintf(out, "%s\t", text); err != nil {
			return err
		}
		return enc.Encode(t)
	}
	if fs.NArg() > 0 {
		for _, v := range fs.Args() {
			if err := emit(v); err != nil {
				fmt.Fprintf(stderr, "jixiao normalize: %v\n", err)
				return 1
			}
		}
		return 0
	}
	sc := bufio.NewScanner(stdin)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		if err := emit(sc.Text()); err != nil {
			fmt.Fprintf(stderr, "jixiao normalize: %v\n", err)
			return 1
		}
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintf(stderr, "jixiao normalize: %v\n", err)
		return 1
	}
	return 0
}

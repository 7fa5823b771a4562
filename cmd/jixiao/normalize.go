package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"

	"github.com/jixiao/jixiao/normalize"
	"github.com/jixiao/jixiao/output"
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
	tw := output.NewTargetWriter(out, *format == "json")
	emit := func(text string) error { return tw.Write(text, normalize.Value(text, ctx)) }
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

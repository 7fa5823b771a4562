package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/jixiao/jixiao/output"
)

func runStats(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("stats", flag.ContinueOnError)
	db := fs.String("db", "jixiao.db", "数据库文件")
	format := fs.String("format", "text", "输出格式：text 或 json")
	if ok, status := parseFlags(fs, args, stdout, stderr); !ok {
		return status
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "jixiao stats: --format 只能是 text 或 json，而不是 %q\n", *format)
		return 2
	}
	st := openReadOnly("stats", *db, stderr)
	if st == nil {
		return 1
	}
	defer st.Close()
	s, err := st.Stats(context.Background())
	if err != nil {
		fmt.Fprintf(stderr, "jixiao stats: %v\n", err)
		return 1
	}
	if *format == "json" {
		if err := output.WriteJSON(stdout, s); err != nil {
			fmt.Fprintf(stderr, "jixiao stats: %v\n", err)
			return 1
		}
		return 0
	}
	output.WriteStats(stdout, s)
	return 0
}

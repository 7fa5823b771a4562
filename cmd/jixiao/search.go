package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/output"
)

func runSearch(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("search", flag.ContinueOnError)
	db := fs.String("db", "jixiao.db", "数据库文件")
	format := fs.String("format", "table", "输出格式：table、json 或 csv")
	limit := fs.Int("limit", 20, "最多显示多少条结果（0 为不限）")
	if ok, status := parseFlags(fs, args, stdout, stderr); !ok {
		return status
	}
	if !slices.Contains([]string{"table", "json", "csv"}, *format) {
		fmt.Fprintf(stderr, "jixiao search: --format 只能是 table、json 或 csv，而不是 %q\n", *format)
		return 2
	}
	q := strings.Join(fs.Args(), " ")
	if strings.TrimSpace(q) == "" {
		fmt.Fprintln(stderr, "jixiao search: 请给出要搜索的词，例如 jixiao search 满意度")
		return 2
	}
	st := openReadOnly("search", *db, stderr)
	if st == nil {
		return 1
	}
	defer st.Close()
	seg, err := corpus.LoadSegmenter("")
	if err != nil {
		fmt.Fprintf(stderr, "jixiao search: 无法加载分词词典：%v\n", err)
		return 1
	}
	n := *limit
	if n <= 0 {
		n = math.MaxInt32 // --limit 0: every hit
	}
	res, err := st.SearchPage(context.Background(), seg, q, 0, n)
	if err != nil {
		fmt.Fprintf(stderr, "jixiao search: %v\n", err)
		return 1
	}
	if len(res.Hits) == 0 {
		fmt.Fprintf(stderr, "没有找到含“%s”的项目、目标或指标\n", q)
		if *format == "table" {
			return 1
		}
	}
	if err := output.Write(stdout, corpus.HitsTable(res.Hits), *format); err != nil {
		fmt.Fprintf(stderr, "jixiao search: %v\n", err)
		return 1
	}
	switch {
	case *format == "table" && len(res.Hits) > 0:
		fmt.Fprintln(stdout, countNote(res.Total, len(res.Hits)))
	case len(res.Hits) < res.Total:
		fmt.Fprintln(stderr, countNote(res.Total, len(res.Hits)))
	}
	return 0
}

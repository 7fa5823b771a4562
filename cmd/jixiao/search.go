package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/jixiao/jixiao/corpus"
)

func runSearch(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("search", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", "jixiao.db", "SQLite database")
	format := fs.String("format", "table", "output format: table, json or csv")
	limit := fs.Int("limit", 20, "at most this many hits")
	if err := fs.Parse(args); err != nil {
		return 2
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
	hits, err := st.Search(context.Background(), seg, q, *limit)
	if err != nil {
		fmt.Fprintf(stderr, "jixiao search: %v\n", err)
		return 1
	}
	if len(hits) == 0 && *format == "table" {
		fmt.Fprintf(stderr, "没有找到“%s”\n", q)
		return 1
	}
	if err := corpus.HitsTable(hits).Write(stdout, *format); err != nil {
		fmt.Fprintf(stderr, "jixiao search: %v\n", err)
		return 1
	}
	return 0
}

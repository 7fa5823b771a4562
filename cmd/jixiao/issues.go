package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/jixiao/jixiao/corpus"
)

func runIssues(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("issues", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", "jixiao.db", "SQLite database")
	out := outputFlags(fs)
	f := filterFlags(fs, false)
	summary := fs.Bool("summary", false, "count findings per department instead of listing them")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	filter, err := f.filter()
	if err == nil {
		err = out.check()
	}
	if err == nil && fs.NArg() > 0 {
		err = fmt.Errorf("多余的参数 %q", fs.Args())
	}
	if err != nil {
		fmt.Fprintf(stderr, "jixiao issues: %v\n", err)
		return 2
	}
	st := openReadOnly("issues", *db, stderr)
	if st == nil {
		return 1
	}
	defer st.Close()
	ctx := context.Background()
	list, err := st.Issues(ctx, filter)
	var sum, failed *corpus.Table
	if err == nil {
		sum, err = st.IssueSummary(ctx, filter)
	}
	if err == nil {
		failed, err = st.FailedFiles(ctx)
	}
	if err != nil {
		fmt.Fprintf(stderr, "jixiao issues: %v\n", err)
		return 1
	}
	switch {
	case *out.format == "xlsx":
		// A workbook to send back: the findings, the counts, the unreadable files.
		return out.write("issues", stdout, stderr, list, sum, failed)
	case *summary:
		return out.write("issues", stdout, stderr, sum)
	}
	return out.write("issues", stdout, stderr, list)
}

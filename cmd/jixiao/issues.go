package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/rules"
)

func runIssues(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("issues", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", "jixiao.db", "数据库文件")
	out := outputFlags(fs)
	f := filterFlags(fs, false)
	summary := fs.Bool("summary", false, "按部门统计审核发现数，而不逐条列出")
	perDept := fs.String("per-department", "", "在此文件夹中为每个部门写一个工作簿，可直接发回")
	if ok, status := parseFlags(fs, args, stdout, stderr); !ok {
		return status
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
	if *perDept != "" {
		return writePerDepartment(ctx, st, filter, *perDept, stdout, stderr)
	}
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
	shown := list
	if *summary {
		shown = sum
	}
	if *out.format == "table" && len(shown.Rows) == 0 {
		fmt.Fprintln(stderr, notFound("审核发现", filter))
		return 0
	}
	limitNote(stderr, len(shown.Rows), filter.Limit)
	switch {
	case *out.format == "xlsx":
		// A workbook to send back: the findings, the counts, the unreadable files.
		return out.write("issues", stdout, stderr, list, sum, failed)
	case *summary:
		return out.write("issues", stdout, stderr, sum)
	}
	return out.write("issues", stdout, stderr, list)
}

// writePerDepartment writes, for each department with findings, a workbook
// of its findings and of the rules they cite, named by its code and name,
// ready to send back.
func writePerDepartment(ctx context.Context, st *corpus.Store, filter corpus.Filter, dir string, stdout, stderr io.Writer) int {
	depts, err := st.IssueSummary(ctx, filter)
	if err != nil {
		fmt.Fprintf(stderr, "jixiao issues: %v\n", err)
		return 1
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fmt.Fprintf(stderr, "jixiao issues: 无法创建文件夹 %s：%v\n", dir, err)
		return 1
	}
	for _, row := range depts.Rows {
		code, _ := row[0].(string)
		name, _ := row[1].(string)
		f := filter
		f.Department = code
		if code == "" {
			f.Department = name
		}
		list, err := st.Issues(ctx, f)
		if err != nil {
			fmt.Fprintf(stderr, "jixiao issues: %v\n", err)
			return 1
		}
		path := filepath.Join(dir, fileName(strings.TrimSpace(code+"-"+name), "未知部门")+"-审核发现.xlsx")
		xlsx := "xlsx"
		out := &output{format: &xlsx, out: &path}
		if status := out.write("issues", stdout, stderr, list, citedRules(list)); status != 0 {
			return status
		}
	}
	return 0
}

// citedRules lists the rules findings cite, with their documentation, so a
// department can read what each finding asks of it.
func citedRules(findings *corpus.Table) *corpus.Table {
	col := -1
	for i, c := range findings.Columns {
		if c.Key == "rule" {
			col = i
		}
	}
	t := &corpus.Table{Name: "规则说明", Columns: []corpus.Column{{Key: "rule", Title: "规则"}, {Key: "title", Title: "标题"}, {Key: "doc", Title: "说明"}}}
	seen := map[string]bool{}
	for _, row := range findings.Rows {
		id, _ := row[col].(string)
		if r := rules.Lookup(id); r != nil && !seen[id] {
			seen[id] = true
			t.Rows = append(t.Rows, []any{r.ID, r.Title, strings.TrimSpace(r.Doc)})
		}
	}
	sort.Slice(t.Rows, func(i, j int) bool { return t.Rows[i][0].(string) < t.Rows[j][0].(string) })
	return t
}

// fileName makes s safe as a file name, or gives fallback for "".
func fileName(s, fallback string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < ' ' {
			return '_'
		}
		return r
	}, strings.Trim(s, "- "))
	if s == "" {
		return fallback
	}
	return s
}

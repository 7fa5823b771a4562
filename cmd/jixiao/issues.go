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
	"time"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/output"
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
	letter := fs.Bool("letter", false, "与 --per-department 同用：另为每个部门写一份 Word 审核意见（.docx）")
	year := fs.Int("year", 0, "预算年度（默认全部年度）")
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
	if err == nil && *letter && *perDept == "" {
		err = fmt.Errorf("--letter 要与 --per-department 文件夹 同用")
	}
	if err != nil {
		fmt.Fprintf(stderr, "jixiao issues: %v\n", err)
		return 2
	}
	filter.Year = *year
	st := openReadOnly("issues", *db, stderr)
	if st == nil {
		return 1
	}
	defer st.Close()
	ctx := context.Background()
	if *perDept != "" {
		return writePerDepartment(ctx, st, filter, *perDept, *letter, stdout, stderr)
	}
	// Each form reads only what it shows: the summary is one grouped
	// query, not the list of every finding.
	var tables []*corpus.Table
	switch {
	case *out.format == "xlsx":
		// A workbook to send back: the findings, the counts, the unreadable files.
		tables, err = issueTables(ctx, st, filter, true, true, true)
	case *summary:
		tables, err = issueTables(ctx, st, filter, false, true, false)
	default:
		tables, err = issueTables(ctx, st, filter, true, false, false)
	}
	if err != nil {
		fmt.Fprintf(stderr, "jixiao issues: %v\n", err)
		return 1
	}
	if *out.format != "json" {
		for _, t := range tables {
			chineseFields(t)
		}
	}
	if *out.format == "table" && len(tables[0].Rows) == 0 {
		fmt.Fprintln(stderr, notFound("审核发现", filter))
		return 0
	}
	limitNote(stderr, len(tables[0].Rows), filter.Limit)
	return out.write("issues", stdout, stderr, tables...)
}

// issueTables reads the findings list, the summary and the unreadable
// files, as asked, in that order.
func issueTables(ctx context.Context, st *corpus.Store, f corpus.Filter, list, sum, failed bool) ([]*corpus.Table, error) {
	var out []*corpus.Table
	for _, q := range []struct {
		want bool
		read func() (*corpus.Table, error)
	}{
		{list, func() (*corpus.Table, error) { return st.Issues(ctx, f) }},
		{sum, func() (*corpus.Table, error) { return st.IssueSummary(ctx, f) }},
		{failed, func() (*corpus.Table, error) { return st.FailedFiles(ctx) }},
	} {
		if !q.want {
			continue
		}
		t, err := q.read()
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, nil
}

// chineseFields writes a findings list's field column as the forms
// label the fields (budget → 预算数); JSON keeps report/v1's names.
func chineseFields(t *corpus.Table) {
	col := -1
	for i, c := range t.Columns {
		if c.Key == "field" {
			col = i
		}
	}
	if col < 0 {
		return
	}
	for _, r := range t.Rows {
		if s, ok := r[col].(string); ok {
			r[col] = output.FieldName(s)
		}
	}
}

// writePerDepartment writes, for each current submission with findings,
// a workbook of its findings and of the rules they cite, named by the
// department's code and name and the year, ready to send back, and with
// letter its 审核意见 as a Word document beside it. It prints one line.
func writePerDepartment(ctx context.Context, st *corpus.Store, filter corpus.Filter, dir string, letter bool, stdout, stderr io.Writer) int {
	subs, err := st.Submissions(ctx, "", filter.Year)
	if err != nil {
		fmt.Fprintf(stderr, "jixiao issues: %v\n", err)
		return 1
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fmt.Fprintf(stderr, "jixiao issues: 无法创建文件夹 %s：%v\n", dir, err)
		return 1
	}
	now := time.Now()
	depts, files, clean := 0, 0, 0
	total := map[string]int{}
	for _, sub := range subs {
		if sub.ReplacedBy != 0 || !matchesDepartment(filter.Department, sub) {
			continue
		}
		f := filter
		f.Department, f.Year = sub.DepartmentCode, sub.Year
		if sub.DepartmentCode == "" {
			f.Department = sub.DepartmentName
		}
		list, err := st.Issues(ctx, f)
		if err != nil {
			fmt.Fprintf(stderr, "jixiao issues: %v\n", err)
			return 1
		}
		if len(list.Rows) == 0 {
			clean++
			continue
		}
		name := corpus.BaseName(sub.File)
		if note := sub.Note(); note != "" {
			name += "（" + note + "）"
		}
		sb := &output.SendBack{DepartmentCode: sub.DepartmentCode, DepartmentName: sub.DepartmentName,
			Year: sub.Year, Date: now, Files: []string{name}, Findings: list, Rules: citedRules(list)}
		stem := filepath.Join(dir, fileName(strings.TrimSpace(sub.DepartmentCode+"-"+sub.DepartmentName), "未知部门"))
		if sub.Year != 0 {
			stem += fmt.Sprintf("-%d", sub.Year)
		}
		if err := writeOutFile(stem+"-审核意见.xlsx", func(w io.Writer) error { return output.WriteSendBackXLSX(w, sb) }); err != nil {
			fmt.Fprintf(stderr, "jixiao issues: %v\n", err)
			return 1
		}
		files++
		if letter {
			if err := writeOutFile(stem+"-审核意见.docx", func(w io.Writer) error { return output.WriteLetter(w, sb) }); err != nil {
				fmt.Fprintf(stderr, "jixiao issues: %v\n", err)
				return 1
			}
			files++
		}
		depts++
		for k, n := range sb.Counts() {
			total[k] += n
		}
	}
	fmt.Fprintf(stdout, "已在 %s 写入 %d 个部门的审核意见（%d 个文件）：错误 %d 条，警告 %d 条，提示 %d 条", dir, depts, files,
		total["错误"], total["警告"], total["提示"])
	if clean > 0 {
		fmt.Fprintf(stdout, "；另有 %d 个部门没有审核发现", clean)
	}
	fmt.Fprintln(stdout)
	return 0
}

// matchesDepartment applies --dept to a submission as Filter does: a code
// exactly, else part of the name.
func matchesDepartment(dept string, sub *corpus.Submission) bool {
	switch {
	case dept == "":
		return true
	case sub.DepartmentCode == dept:
		return true
	}
	return !isDigits(dept) && strings.Contains(sub.DepartmentName, dept)
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// writeOutFile writes name through write, removing a partial file on error.
func writeOutFile(name string, write func(io.Writer) error) error {
	f, err := os.Create(name)
	if err != nil {
		return fmt.Errorf("无法写入 %s：%w", name, err)
	}
	err = write(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(name)
		return fmt.Errorf("无法写入 %s：%w", name, err)
	}
	return nil
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

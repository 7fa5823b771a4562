package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/jixiao/jixiao/corpus"
)

func runStatus(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("status", flag.ContinueOnError)
	db := fs.String("db", "jixiao.db", "数据库文件")
	format := fs.String("format", "text", "输出格式：text、csv、json 或 xlsx")
	outFile := fs.String("out", "", "写入此文件，而不是显示在屏幕上")
	year := fs.Int("year", 0, "预算年度（默认最近的年度）")
	dept := fs.String("dept", "", "只看这个部门（编码）：列出它的每次报送，重新报送时对比前后的审核发现")
	if ok, status := parseFlags(fs, args, stdout, stderr); !ok {
		return status
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "jixiao status: 多余的参数 %q\n", fs.Args())
		return 2
	}
	tableFormat := *format
	if tableFormat == "text" {
		tableFormat = "table"
	}
	out := &outputFlagSet{format: &tableFormat, out: outFile}
	if err := out.check(); err != nil {
		fmt.Fprintf(stderr, "jixiao status: %v\n", strings.Replace(err.Error(), "table、", "text、", 1))
		return 2
	}
	st := openReadOnly("status", *db, stderr)
	if st == nil {
		return 1
	}
	defer st.Close()
	ctx := context.Background()
	if *dept != "" {
		return departmentHistory(ctx, st, *dept, *year, out, stdout, stderr)
	}
	s, err := st.Status(ctx, *year)
	if err != nil {
		fmt.Fprintf(stderr, "jixiao status: %v\n", err)
		return 1
	}
	if len(s.Rows) == 0 {
		fmt.Fprintln(stderr, "jixiao status: 没有找到报送记录，也没有部门名单（先 jixiao ingest 导入报告，jixiao roster import 导入名单）")
		return 1
	}
	if tableFormat == "table" && *outFile == "" {
		var parts []string
		for _, k := range corpus.Statuses {
			parts = append(parts, fmt.Sprintf("%s %d", k, s.Counts[k]))
		}
		fmt.Fprintf(stdout, "%d 年度：%d 个部门，%s\n\n", s.Year, len(s.Rows), strings.Join(parts, "，"))
	}
	return out.write("status", stdout, stderr, s.Table())
}

// departmentHistory lists a department's submissions and, for each
// resubmission, the findings fixed, still open and new.
func departmentHistory(ctx context.Context, st *corpus.Store, dept string, year int, out *outputFlagSet, stdout, stderr io.Writer) int {
	subs, err := st.Submissions(ctx, dept, year)
	if err != nil {
		fmt.Fprintf(stderr, "jixiao status: %v\n", err)
		return 1
	}
	if len(subs) == 0 {
		fmt.Fprintf(stderr, "jixiao status: 没有找到部门 %s 的报送记录\n", dept)
		return 1
	}
	re, err := st.Resubmissions(ctx, dept, year)
	if err != nil {
		fmt.Fprintf(stderr, "jixiao status: %v\n", err)
		return 1
	}
	t := &corpus.Table{Name: "报送记录", Columns: []corpus.Column{
		{Key: "year", Title: "年度"}, {Key: "department_code", Title: "部门编码"}, {Key: "department_name", Title: "部门名称"},
		{Key: "state", Title: "状态"}, {Key: "file", Title: "文件"}, {Key: "note", Title: "备注"}, {Key: "received_at", Title: "报送时间"},
	}}
	for _, s := range subs {
		state := "当前"
		if s.ReplacedBy != 0 {
			state = "已被替换"
		}
		t.Rows = append(t.Rows, []any{int64(s.Year), s.DepartmentCode, s.DepartmentName, state, corpus.BaseName(s.File), s.Note(), s.ReceivedAt})
	}
	tables := []*corpus.Table{t}
	for _, r := range re {
		rt := r.Table()
		rt.Name = fmt.Sprintf("%d年重新报送对比", r.Current.Year)
		tables = append(tables, rt)
	}
	if *out.format != "table" || *out.out != "" {
		if *out.format == "xlsx" || len(tables) == 1 {
			return out.write("status", stdout, stderr, tables...)
		}
		// csv and json carry one table: the comparison when there is one.
		return out.write("status", stdout, stderr, tables[len(tables)-1])
	}
	if status := out.write("status", stdout, stderr, t); status != 0 {
		return status
	}
	for i, r := range re {
		fmt.Fprintf(stdout, "\n%d 年重新报送：%s 替换了 %s；审核发现 已改正 %d 条，仍存在 %d 条，新出现 %d 条\n",
			r.Current.Year, corpus.BaseName(r.Current.File), corpus.BaseName(r.Earlier.File),
			r.Counts[corpus.FindingFixed], r.Counts[corpus.FindingOpen], r.Counts[corpus.FindingNew])
		if status := out.write("status", stdout, stderr, tables[i+1]); status != 0 {
			return status
		}
	}
	return 0
}

package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"sort"

	"github.com/jixiao/jixiao/output"
	"github.com/jixiao/jixiao/report"
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
	fmt.Fprintf(stdout, "文档      %d（读取失败 %d）\n", s.Documents, s.Failed)
	for _, k := range sortedKeys(s.Formats) {
		name := k
		if name == "" {
			name = "未识别"
		}
		fmt.Fprintf(stdout, "  %-8s%d\n", name, s.Formats[k])
	}
	fmt.Fprintf(stdout, "报告      %d（每份计一次；另有 %d 个文件是同一报告的其他格式", s.Submissions, s.Copies)
	if s.Replaced > 0 {
		fmt.Fprintf(stdout, "，%d 份已被重新报送替换", s.Replaced)
	}
	fmt.Fprintln(stdout, "）")
	fmt.Fprintf(stdout, "部门      %d\n", s.Departments)
	fmt.Fprintf(stdout, "项目      %d\n", s.Projects)
	fmt.Fprintf(stdout, "指标      %d", s.Indicators)
	switch {
	case s.DeptIndicators > 0 && s.MidIndicators > 0:
		fmt.Fprintf(stdout, "（其中部门整体 %d，中长期 %d）", s.DeptIndicators, s.MidIndicators)
	case s.DeptIndicators > 0:
		fmt.Fprintf(stdout, "（其中部门整体 %d）", s.DeptIndicators)
	case s.MidIndicators > 0:
		fmt.Fprintf(stdout, "（其中中长期 %d）", s.MidIndicators)
	}
	fmt.Fprintln(stdout)
	if n := s.Kinds[report.KindSelfEvaluation]; n > 0 {
		fmt.Fprintf(stdout, "自评表    %d\n", n)
	}
	fmt.Fprintf(stdout, "审核发现  %d（错误 %d，警告 %d，提示 %d）\n", s.Findings,
		s.Severities["error"], s.Severities["warning"], s.Severities["info"])
	if s.DuplicateGroups > 0 {
		fmt.Fprintf(stdout, "多文件报送 %d 份（同一报告存为多个文件，只计一次；见视图 v_submissions）\n", s.DuplicateGroups)
	}
	return 0
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

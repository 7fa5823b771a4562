package output

import (
	"fmt"
	"io"
	"maps"
	"slices"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/report"
)

// WriteStats prints a store's counts as `jixiao stats` shows them: files
// by format, reports counted once, departments, projects, indicators and
// findings by severity.
func WriteStats(w io.Writer, s *corpus.Stats) {
	fmt.Fprintf(w, "文档      %d（读取失败 %d）\n", s.Documents, s.Failed)
	for _, k := range slices.Sorted(maps.Keys(s.Formats)) {
		name := k
		if name == "" {
			name = "未识别"
		}
		fmt.Fprintf(w, "  %-8s%d\n", name, s.Formats[k])
	}
	fmt.Fprintf(w, "报告      %d（每份计一次；另有 %d 个文件是同一报告的其他格式", s.Submissions, s.Copies)
	if s.Replaced > 0 {
		fmt.Fprintf(w, "，%d 份已被重新报送替换", s.Replaced)
	}
	fmt.Fprintln(w, "）")
	fmt.Fprintf(w, "部门      %d\n", s.Departments)
	fmt.Fprintf(w, "项目      %d\n", s.Projects)
	fmt.Fprintf(w, "指标      %d", s.Indicators)
	switch {
	case s.DeptIndicators > 0 && s.MidIndicators > 0:
		fmt.Fprintf(w, "（其中部门整体 %d，中长期 %d）", s.DeptIndicators, s.MidIndicators)
	case s.DeptIndicators > 0:
		fmt.Fprintf(w, "（其中部门整体 %d）", s.DeptIndicators)
	case s.MidIndicators > 0:
		fmt.Fprintf(w, "（其中中长期 %d）", s.MidIndicators)
	}
	fmt.Fprintln(w)
	if n := s.Kinds[report.KindSelfEvaluation]; n > 0 {
		fmt.Fprintf(w, "自评表    %d\n", n)
	}
	fmt.Fprintf(w, "审核发现  %d（错误 %d，警告 %d，提示 %d）\n", s.Findings,
		s.Severities["error"], s.Severities["warning"], s.Severities["info"])
	if s.DuplicateGroups > 0 {
		fmt.Fprintf(w, "多文件报送 %d 份（同一报告存为多个文件，只计一次；见视图 v_submissions）\n", s.DuplicateGroups)
	}
}

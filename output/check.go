package output

import (
	"fmt"
	"io"

	"github.com/jixiao/jixiao/report"
	"github.com/jixiao/jixiao/rules"
)

// WriteCheckTotals ends a check of several files or a folder with what
// a reviewer asks first: how many files were read, how many refused, and
// the findings by severity. other counts the files in folders that were
// not taken for reports.
func WriteCheckTotals(w io.Writer, reports []*rules.Checked, refused, other int) {
	count := map[rules.Severity]int{}
	total := 0
	for _, c := range reports {
		for _, f := range c.Findings {
			count[f.Severity]++
			total++
		}
	}
	fmt.Fprintf(w, "\n汇总：读取报告 %d 份，无法读取 %d 个文件", len(reports), refused)
	if other > 0 {
		fmt.Fprintf(w, "，另有 %d 个不是 .docx/.pdf 的文件未读取", other)
	}
	fmt.Fprintf(w, "\n      审核发现 %d 条：%s %d，%s %d，%s %d\n", total,
		rules.Error.Name(), count[rules.Error], rules.Warning.Name(), count[rules.Warning], rules.Info.Name(), count[rules.Info])
}

// WriteExplain prints how a file was read: each title and table with the
// role it was given, which cell or column went to which field, and what
// could not be mapped. name is the file as the command shows it.
func WriteExplain(w io.Writer, rep *report.Report, name string) {
	fmt.Fprintf(w, "== %s 的读取过程\n", name)
	for _, line := range rep.Trace {
		fmt.Fprintln(w, line)
	}
	fmt.Fprintf(w, "结果：%d 个项目，%d 个项目指标，%d 个部门整体指标，%d 处未识别\n\n",
		len(rep.Projects), countIndicators(rep), len(rep.DepartmentIndicators), len(rep.Unmapped))
}

func countIndicators(rep *report.Report) int {
	n := 0
	for _, p := range rep.Projects {
		n += len(p.Indicators)
	}
	return n
}

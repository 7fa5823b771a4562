package output

import (
	"fmt"
	"io"
	"strings"

	"github.com/jixiao/jixiao/normalize"
	"github.com/jixiao/jixiao/report"
	"github.com/jixiao/jixiao/rules"
)

// WriteSummary prints a checked report as a readable Chinese summary,
// findings grouped by project.
func WriteSummary(w io.Writer, c *rules.Checked) {
	rep := c.Report
	fmt.Fprintf(w, "== %s ==\n", rep.Source.Path)
	layout := map[report.Layout]string{report.LayoutHebei: "河北版式", report.LayoutSplit: "指标性质/指标值/度量单位分列版式"}[rep.Layout]
	fmt.Fprintf(w, "部门：%s %s（预算年度 %d，%s）\n", rep.Department.Code, rep.Department.Name, rep.Year, layout)
	fmt.Fprintf(w, "总体绩效目标：%s\n", clip(rep.OverallGoal, 60))
	for _, f := range rep.OverallTargets {
		fmt.Fprintf(w, "  · %s %s → %s\n", f.Name, f.Text, describeTarget(f.Target))
	}
	fmt.Fprintf(w, "分项绩效目标：%d 项\n", len(rep.SubGoals))
	for _, g := range rep.SubGoals {
		fmt.Fprintf(w, "  %d. %s\n", g.No, g.Title)
		for _, f := range g.Targets {
			fmt.Fprintf(w, "     · %s %s → %s\n", f.Name, f.Text, describeTarget(f.Target))
		}
	}
	fmt.Fprintf(w, "工作保障措施：%d 项\n", len(rep.Measures))
	if rep.Kind == report.KindSelfEvaluation {
		fmt.Fprintln(w, "表类：绩效自评表")
	}
	if len(rep.DepartmentIndicators) > 0 {
		fmt.Fprintf(w, "部门整体绩效指标：%d 个\n", len(rep.DepartmentIndicators))
		writeIndicators(w, rep.DepartmentIndicators)
	}
	owner := c.FindingProjects()
	fmt.Fprintf(w, "项目：%d 个\n", len(rep.Projects))
	for i, p := range rep.Projects {
		fmt.Fprintf(w, "\n  %d. %s  %s\n", p.Seq, p.Code, p.Name)
		fmt.Fprintf(w, "     预算数 %s %s（财政资金 %s，其他资金 %s）\n", orDash(p.Budget.Total), p.AmountUnit, orDash(p.Budget.Fiscal), orDash(p.Budget.Other))
		var plan []string
		for _, c := range p.SpendingPlan {
			plan = append(plan, c.Period+" "+orDash(c.Value))
		}
		fmt.Fprintf(w, "     支出计划：%s\n", strings.Join(plan, " · "))
		fmt.Fprintf(w, "     绩效指标：%d 个\n", len(p.Indicators))
		writeIndicators(w, p.Indicators)
		writeFindings(w, c, owner, i)
	}
	writeFindings(w, c, owner, -1)
}

func writeIndicators(w io.Writer, inds []report.Indicator) {
	for i, ind := range inds {
		value := ind.Value
		if ind.Nature != "" || ind.Unit != "" {
			value = strings.TrimSpace(ind.Nature + " " + ind.Value + " " + ind.Unit)
		}
		fmt.Fprintf(w, "     %2d %s/%s/%s：%s → %s\n", i+1, ind.Level1, ind.Level2, ind.Level3, value, describeTarget(ind.Target))
	}
}

// writeFindings prints the findings of project i (-1: those of the report
// as a whole) as 文件 第2页 表1 第6行 第2列：[severity] message (ID).
func writeFindings(w io.Writer, c *rules.Checked, owner []int, i int) {
	var lines []string
	for k, f := range c.Findings {
		if owner[k] != i {
			continue
		}
		// The file as the report names it, also where the finding points
		// at no cell.
		pos := f.Location.Pos
		pos.File = c.Report.Source.Path
		lines = append(lines, fmt.Sprintf("%s：[%s] %s (%s)", pos.Place(), f.Severity.Name(), f.Message, f.Rule))
	}
	if len(lines) == 0 {
		return
	}
	if i < 0 {
		fmt.Fprintf(w, "\n报告整体的审核发现：%d 条\n", len(lines))
	} else {
		fmt.Fprintf(w, "     审核发现：%d 条\n", len(lines))
	}
	for _, l := range lines {
		fmt.Fprintf(w, "     %s\n", l)
	}
}

// describeTarget writes a target the way a reviewer reads it: the one
// Chinese rendering of normalize, shared with the web and rule messages.
func describeTarget(t normalize.Target) string { return t.Chinese() }

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

package rules

import "github.com/jixiao/jixiao/report"

var s109 = &Rule{
	ID:       "S109",
	Title:    "缺少部门整体绩效目标",
	Severity: Info,
	Doc: `检查报告是否有第一部分“部门整体绩效目标”：一、总体绩效目标，或二、分项绩效目标。

为什么：部门整体绩效目标说明部门全年要达到的目的，项目目标应服务于它；没有整体目标，就无法判断项目是否与部门职责相关。只报送项目表的报告（如预算系统导出的表格）可能本来就没有这一部分，所以只作提示。

如何修改：按模板补写第一部分。

示例：报告只有若干“项目支出绩效目标表” → 提示“报告缺少部门整体绩效目标”。`,
	Check: func(p *Pass) {
		rep := p.Report
		if len(rep.Projects) == 0 || rep.OverallGoal != "" || len(rep.SubGoals) > 0 {
			return
		}
		p.Reportf(report.Location{Field: "overall_goal"}, "报告缺少第一部分“部门整体绩效目标”（总体绩效目标和分项绩效目标），应按模板补写")
	},
}

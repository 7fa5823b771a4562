package rules

import "github.com/jixiao/jixiao/report"

var y1001 = &Rule{
	ID:       "Y1001",
	Title:    "指标描述或确定依据照抄指标名称",
	Severity: Warning,
	Doc: `检查“绩效指标描述”和“指标值确定依据”是否与三级指标名称一字不差。

为什么：描述应说明指标的含义和计算口径，确定依据应说明目标值从何而来（计划标准、行业标准、历史标准等）；照抄名称等于没有填写，是财政审核中最常见的退回原因之一。

如何修改：描述写清指标反映什么、如何计算；确定依据填“计划标准/行业标准/历史标准/其他标准”，并可注明数据来源。

示例：三级指标“大楼设施维修维护率”，描述和确定依据也都是“大楼设施维修维护率” → 报告“绩效指标描述、指标值确定依据照抄了指标名称”。`,
	Check: func(p *Pass) {
		p.eachIndicator(func(pr *report.Project, j int, ind *report.Indicator) {
			if ind.Level3 == "" {
				return
			}
			desc := ind.Description == ind.Level3
			basis := ind.Basis == ind.Level3
			switch {
			case desc && basis:
				p.Reportf(indicatorAt(pr, j, "description"), "绩效指标描述和指标值确定依据都照抄了指标名称“%s”；描述应说明指标含义和口径，依据应填计划标准、行业标准、历史标准或其他标准", ind.Level3)
			case desc:
				p.Reportf(indicatorAt(pr, j, "description"), "绩效指标描述照抄了指标名称“%s”，应说明指标含义和计算口径", ind.Level3)
			case basis:
				p.Reportf(indicatorAt(pr, j, "basis"), "指标值确定依据照抄了指标名称“%s”，应填计划标准、行业标准、历史标准或其他标准", ind.Level3)
			}
		})
	},
}

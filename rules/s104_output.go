package rules

import "github.com/jixiao/jixiao/report"

var s104 = &Rule{
	ID:       "S104",
	Title:    "缺少产出指标",
	Severity: report.Error,
	Doc: `检查有绩效指标的项目是否至少有一个产出指标（数量、质量、时效）。

为什么：产出指标反映资金投入后提供的公共产品和服务，是绩效目标的核心。

如何修改：增加一级指标“产出指标”及其数量、质量、时效二级指标。

示例：只有效益指标和满意度指标 → 报告“项目缺少产出指标”。`,
	Check: func(p *Pass) {
		checkCategory(p, kindOutput, "产出指标", "如“数量指标：车辆购置数量 =5辆”")
	},
}

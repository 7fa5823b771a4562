package rules

import "github.com/jixiao/jixiao/report"

var s105 = &Rule{
	ID:       "S105",
	Title:    "缺少效益指标",
	Severity: report.Error,
	Doc: `检查有绩效指标的项目是否至少有一个效益指标（经济、社会、生态效益或可持续影响；也称效果指标）。

为什么：效益指标反映项目实施带来的影响，是判断资金是否值得投入的依据。

如何修改：增加一级指标“效益指标”及相应二级、三级指标。

示例：只有产出指标和满意度指标 → 报告“项目缺少效益指标”。`,
	Check: func(p *Pass) {
		checkCategory(p, kindBenefit, "效益指标", "如“社会效益指标：政策知晓率 ≥90%”")
	},
}

package rules

import "github.com/jixiao/jixiao/report"

var l1102 = &Rule{
	ID:       "L1102",
	Title:    "一级或二级指标名称不规范",
	Severity: Warning,
	Doc: `检查一级指标是否为产出指标、成本指标、效益指标（效果指标）、满意度指标之一，二级指标是否为数量、质量、时效、成本（经济/社会/生态环境成本）、经济/社会/生态效益、可持续影响、服务对象满意度之一。

为什么：指标体系按财预〔2021〕101号指引的分类汇总和评价，自创的类别无法归类。

如何修改：改用规范的一级、二级指标名称。

示例：一级指标“工作指标” → 报告“一级指标‘工作指标’不是规范名称”。`,
	Check: func(p *Pass) {
		p.eachIndicator(func(pr *report.Project, j int, ind *report.Indicator) {
			if ind.Level1 != "" && p.kindOf(1, ind.Level1) == kindUnknown {
				p.Reportf(indicatorAt(pr, j, "level1"), "一级指标“%s”不是规范名称，应为产出指标、成本指标、效益指标或满意度指标", ind.Level1)
			} else if ind.Level2 != "" && p.kindOf(2, ind.Level2) == kindUnknown {
				p.Reportf(indicatorAt(pr, j, "level2"), "二级指标“%s”不是规范名称，应为数量、质量、时效、成本、经济/社会/生态效益、可持续影响或服务对象满意度指标", ind.Level2)
			}
		})
	},
}

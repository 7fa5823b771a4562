package rules

import "github.com/jixiao/jixiao/report"

var y1004 = &Rule{
	ID:       "Y1004",
	Title:    "三级指标名称与指标值相同",
	Severity: Warning,
	Doc: `检查三级指标名称是否与其指标值相同。

为什么：名称与值相同说明把目标值填进了名称栏（如名称和值都是“控制在预算内”），指标本身没有名字，也没有可考核的目标。

如何修改：名称写考核什么（如“项目总成本”），指标值写目标（如“≤99万元”）。

示例：三级指标“控制在预算内”、指标值“控制在预算内” → 报告“三级指标名称与指标值相同”。`,
	Check: func(p *Pass) {
		p.eachIndicator(func(pr *report.Project, j int, ind *report.Indicator) {
			if ind.Level3 != "" && (ind.Level3 == ind.Value || ind.Level3 == valueText(ind)) {
				p.Reportf(indicatorAt(pr, j, "level3"), "三级指标名称与指标值都是“%s”；名称应写考核什么，指标值写目标", ind.Level3)
			}
		})
	},
}

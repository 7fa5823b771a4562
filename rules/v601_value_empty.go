package rules

import "github.com/jixiao/jixiao/report"

var v601 = &Rule{
	ID:       "V601",
	Title:    "指标值为空",
	Severity: Error,
	Doc: `检查每个绩效指标是否填写了指标值（分列版式中“指标性质、指标值、度量单位”三栏都为空也算空）。

为什么：没有指标值的指标无法考核，等于没有设定目标。

如何修改：填写可考核的目标值，如“≥95%”“=12次”“2025年12月底前”。

示例：三级指标“受益人次”的指标值为空 → 报告“指标‘受益人次’未填写指标值”。`,
	Check: func(p *Pass) {
		p.eachIndicator(func(pr *report.Project, j int, ind *report.Indicator) {
			if valueText(ind) == "" && ind.Level3 != "" {
				p.Reportf(indicatorAt(pr, j, "value"), "指标“%s”未填写指标值，应填写可考核的目标值，如“≥95%%”", ind.Level3)
			}
		})
	},
}

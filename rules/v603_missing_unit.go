package rules

import (
	"github.com/jixiao/jixiao/normalize"
	"github.com/jixiao/jixiao/report"
)

var v603 = &Rule{
	ID:       "V603",
	Title:    "定量指标缺少计量单位",
	Severity: Warning,
	Doc: `检查数值型指标值是否带有计量单位（%、个、次、辆、万元、天……），分列版式看“度量单位”栏。目标为0（如“安全事故发生率 0”）时不检查。

为什么：没有单位的“≥90”可以是90%、90个或90分，年终无法判断是否完成。

如何修改：补上单位，如“≥90%”；分列版式在“度量单位”栏填写。

示例：指标“会议保障服务质量”的指标值“≥90” → 报告“指标值‘≥90’缺少计量单位”。`,
	Check: func(p *Pass) {
		p.eachIndicator(func(pr *report.Project, j int, ind *report.Indicator) {
			t := ind.Target
			if !quantified(t) || t.Unit != "" || t.Kind == normalize.Numeric && t.Value.IsZero() {
				return // zero is zero in any unit
			}
			field := "value"
			if _, ok := ind.Cols["unit"]; ok {
				field = "unit"
			}
			hint := "如“%”“个”“次”“万元”"
			if isRate(ind.Level3) {
				hint = "“" + ind.Level3 + "”应为“%”"
			}
			p.Reportf(indicatorAt(pr, j, field), "指标“%s”的指标值“%s”缺少计量单位，应补上单位（%s）", ind.Level3, valueText(ind), hint)
		})
	},
}

package rules

import (
	"github.com/jixiao/jixiao/normalize"
)

var k702 = &Rule{
	ID:       "K702",
	Title:    "成本上限超过预算数",
	Severity: Error,
	Doc: `检查以总额（元、千元、万元、百万元、亿元等）表示的成本指标上限是否超过项目预算数（按表头金额单位换算后比较）。单位成本（元/人、万元/辆）不检查。

为什么：成本上限高于预算数，说明金额或单位填错（常见把“元”写成“万元”），成本约束形同虚设。

如何修改：核对金额和单位，使总成本上限不超过预算数。

示例：预算数600.00万元，成本指标“≤650万元” → 报告“成本上限650万元超过预算数600.00万元”。`,
	Check: func(p *Pass) {
		for i := range p.Report.Projects {
			pr := &p.Report.Projects[i]
			total, blank, ok := p.amount(pr.Budget.Total)
			if !ok || blank {
				continue
			}
			for j := range pr.Indicators {
				ind := &pr.Indicators[j]
				t := ind.Target
				if !isCost(ind) || t.Kind != normalize.Numeric || t.Op == ">=" || t.Op == ">" {
					continue
				}
				v, ok := inAmountUnit(t, amountUnit(pr))
				if !ok || !v.Sub(total).GreaterThan(cent) {
					continue
				}
				p.Reportf(indicatorAt(pr, j, "value"), "成本指标“%s”的上限“%s”（合%s%s）超过预算数%s%s，应核对金额和单位",
					ind.Level3, valueText(ind), v.StringFixed(2), amountUnit(pr), pr.Budget.Total, amountUnit(pr))
			}
		}
	},
}

package rules

import (
	"github.com/shopspring/decimal"
)

var p503 = &Rule{
	ID:       "P503",
	Title:    "资金支出计划末期不是100%",
	Severity: Error,
	Doc: `检查资金支出计划最后一个节点（通常是12月底）的累计比例是否为100%。

为什么：年度预算应在年内支出完毕，末期不足100%意味着计划结转或沉淀资金，超过100%则不可能。

如何修改：把最后一个节点改为100%；确需跨年支出的，应在资金用途中说明并按规定办理。

示例：12月底90% → 报告“资金支出计划末期‘12月底’为90%，应为100%”。`,
	Check: func(p *Pass) {
		for i := range p.Report.Projects {
			pr := &p.Report.Projects[i]
			n := len(pr.SpendingPlan)
			if n == 0 {
				continue
			}
			last := pr.SpendingPlan[n-1]
			v, ok := p.percent(last.Value)
			if !ok || !v.LessThan(hundred) {
				continue // blanks are P501's, unreadable and >100% P504's
			}
			p.Reportf(checkpointAt(pr, n), "资金支出计划末期“%s”为%s，累计支出比例应为100%%", last.Period, last.Value)
		}
	},
}

var hundred = decimal.NewFromInt(100)

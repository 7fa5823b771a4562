package rules

import "github.com/shopspring/decimal"

var p502 = &Rule{
	ID:       "P502",
	Title:    "资金支出计划累计比例递减",
	Severity: Error,
	Doc: `检查资金支出计划各节点的比例是否逐期不减。支出计划填的是截至各时点的累计支出比例，后一节点不能小于前一节点。

为什么：累计比例下降意味着已支出的资金“退回”，说明填成了当期比例或录错，执行监控将失去依据。

如何修改：改为累计比例，如 25%、50%、75%、100%。

示例：3月底15%、6月底60%、10月底50%、12月底100% → 报告“‘10月底’50%小于前一节点‘6月底’60%”。`,
	Check: func(p *Pass) {
		for i := range p.Report.Projects {
			pr := &p.Report.Projects[i]
			prev, prevAt := "", -1
			var pv decimal.Decimal // prev read, kept rather than read twice
			for k, c := range pr.SpendingPlan {
				v, ok := p.percent(c.Value)
				if !ok {
					continue
				}
				if prevAt >= 0 && v.LessThan(pv) {
					p.Reportf(checkpointAt(pr, k+1), "资金支出计划“%s”%s小于前一节点“%s”%s；应填截至各时点的累计比例，逐期不减",
						c.Period, c.Value, pr.SpendingPlan[prevAt].Period, prev)
				}
				prev, prevAt, pv = c.Value, k, v
			}
		}
	},
}

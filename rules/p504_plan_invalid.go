package rules

import (
	"github.com/shopspring/decimal"
)

var p504 = &Rule{
	ID:       "P504",
	Title:    "资金支出计划比例无法识别或超出0–100%",
	Severity: Error,
	Doc: `检查资金支出计划各节点是否为0%到100%之间的百分比。

为什么：比例写成金额、文字或超过100%，都无法据以监控执行进度。

如何修改：填写累计支出比例，如“50%”；若原表填的是金额，换算为占预算数的百分比。

示例：6月底“120%” → 报告“资金支出计划‘6月底’120%超出0–100%”；6月底“过半” → 报告“不是百分比”。`,
	Check: func(p *Pass) {
		for i := range p.Report.Projects {
			pr := &p.Report.Projects[i]
			for k, c := range pr.SpendingPlan {
				if c.Value == "" {
					continue
				}
				v, ok := p.percent(c.Value)
				switch {
				case !ok:
					p.Reportf(checkpointAt(pr, k+1), "资金支出计划“%s”的“%s”不是百分比，应填写累计支出比例，如“50%%”", c.Period, c.Value)
				case v.LessThan(decimal.Zero) || v.GreaterThan(hundred):
					p.Reportf(checkpointAt(pr, k+1), "资金支出计划“%s”的%s超出0–100%%，应填写累计支出比例", c.Period, c.Value)
				}
			}
		}
	},
}

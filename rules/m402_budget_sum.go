package rules

import "github.com/jixiao/jixiao/report"

var m402 = &Rule{
	ID:       "M402",
	Title:    "预算数不等于财政资金与其他资金之和",
	Severity: Error,
	Doc: `检查预算数是否等于“其中：财政资金”加“其他资金”（空白按0计）。

为什么：三者不平说明金额录错，绩效目标将与批复的预算不符，是退回修改的常见原因。

如何修改：按预算批复核对三个金额，使 预算数 = 财政资金 + 其他资金。

示例：预算数86.29、财政资金87.29、其他资金空 → 报告“预算数86.29不等于财政资金87.29与其他资金0之和87.29”。`,
	Check: func(p *Pass) {
		for i := range p.Report.Projects {
			pr := &p.Report.Projects[i]
			total, tb, ok1 := p.amount(pr.Budget.Total)
			fiscal, fb, ok2 := p.amount(pr.Budget.Fiscal)
			other, _, ok3 := p.amount(pr.Budget.Other)
			if !ok1 || !ok2 || !ok3 || tb || fb && pr.Budget.Other == "" {
				continue // unreadable or missing amounts are M401's and S101's
			}
			sum := fiscal.Add(other)
			if total.Sub(sum).Abs().LessThan(cent) {
				continue
			}
			p.Reportf(projectAt(pr, report.FieldTotal), "预算数%s不等于财政资金%s与其他资金%s之和%s（%s），应核对金额",
				pr.Budget.Total, orZero(pr.Budget.Fiscal), orZero(pr.Budget.Other), sum.StringFixed(2), amountUnit(pr))
		}
	},
}

func orZero(s string) string {
	if s == "" {
		return "0"
	}
	return s
}

package rules

import (
	"github.com/jixiao/jixiao/report"
	"github.com/shopspring/decimal"
)

var m403 = &Rule{
	ID:       "M403",
	Title:    "预算数为零或负数",
	Severity: Warning,
	Doc: `检查预算数是否大于0。

为什么：预算数为0或负数的项目没有资金，不需要填报绩效目标，或是金额漏填、填错了单位。

如何修改：填写批复的预算金额；确无资金的项目不必报送绩效目标表。

示例：预算数“0.00” → 报告“预算数0.00不大于0”。`,
	Check: func(p *Pass) {
		for i := range p.Report.Projects {
			pr := &p.Report.Projects[i]
			total, blank, ok := p.amount(pr.Budget.Total)
			if !ok || blank || total.GreaterThan(decimal.Zero) {
				continue
			}
			p.Reportf(projectAt(pr, report.FieldTotal), "预算数“%s”不大于0，应填写批复的预算金额（%s）", pr.Budget.Total, amountUnit(pr))
		}
	},
}

// cent is the tolerance of amount comparisons: amounts are written to two
// decimals.
var cent = decimal.New(5, -3)

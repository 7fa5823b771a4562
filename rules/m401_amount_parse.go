package rules

import "github.com/jixiao/jixiao/report"

var m401 = &Rule{
	ID:       "M401",
	Title:    "金额无法识别",
	Severity: Error,
	Doc: `检查预算数、财政资金、其他资金是否为数字（可带千分位逗号；单位在表头“单位：万元”中声明）。

为什么：金额写成文字或混入其他字符，就无法核对合计，也无法导入预算系统比对。

如何修改：只填数字，如“600.00”；没有的金额留空或填0。

示例：预算数“六百万” → 报告“预算数‘六百万’不是数字”。`,
	Check: func(p *Pass) {
		for i := range p.Report.Projects {
			pr := &p.Report.Projects[i]
			for _, f := range []struct {
				at          report.Field
				label, text string
			}{
				{report.FieldTotal, "预算数", pr.Budget.Total},
				{report.FieldFiscal, "财政资金", pr.Budget.Fiscal},
				{report.FieldOther, "其他资金", pr.Budget.Other},
			} {
				if _, _, ok := p.amount(f.text); !ok {
					p.Reportf(projectAt(pr, f.at), "%s“%s”不是数字，应填写金额（单位%s），如“600.00”", f.label, f.text, amountUnit(pr))
				}
			}
		}
	},
}

// amountUnit is the unit the project's amounts are in, 万元 when the table
// does not say.
func amountUnit(pr *report.Project) string {
	if pr.AmountUnit != "" {
		return pr.AmountUnit
	}
	return "万元"
}

package rules

import (
	"github.com/jixiao/jixiao/normalize"
	"github.com/jixiao/jixiao/report"
)

var d801 = &Rule{
	ID:       "D801",
	Title:    "时效指标没有期限",
	Severity: Warning,
	Doc: `检查时效指标的指标值是否给出了完成期限（“2025年12月底前”）、时长（“≤30天”）或及时率（“≥95%”），而不是“及时”“按时”“不超期完成项目”之类的文字。

为什么：没有日期或时长的时效目标无法核验；“不超期”本身就要求先有一个期限。

如何修改：写出具体期限或时长，如“2025年12月底前完成”“≤15个工作日”。

示例：“完成时限”的指标值“不超期完成项目” → 报告“时效指标没有给出期限”。`,
	Check: func(p *Pass) {
		p.eachIndicator(func(pr *report.Project, j int, ind *report.Indicator) {
			if p.kindOf(2, ind.Level2) != kindTime || ind.Target.Kind != normalize.Qualitative {
				return
			}
			p.Reportf(indicatorAt(pr, j, "value"), "时效指标“%s”的指标值“%s”没有给出日期或时长，应写明期限，如“%d年12月底前”或“≤30天”", ind.Level3, valueText(ind), yearOr(p.Year))
		})
	},
}

func yearOr(y int) int {
	if y > 0 {
		return y
	}
	return 2025
}

package rules

import (
	"github.com/jixiao/jixiao/normalize"
	"github.com/jixiao/jixiao/report"
)

var v602 = &Rule{
	ID:       "V602",
	Title:    "指标值无法识别",
	Severity: Warning,
	Doc: `检查指标值能否读成数值比较、区间、与预算等的比较、期限或定性等级之一（见 report/v1 的 target）。

为什么：无法识别的指标值往往含糊（如“按要求”），或把几项内容写在一格里，年终无法判断是否完成。

如何修改：写成“运算符+数值+单位”（“≥95%”“≤5辆”），期限写成“2025年12月底前”，定性写成“好/较好/一般”等。

示例：指标值“按上级要求” → 报告“指标值‘按上级要求’无法识别”。`,
	Check: func(p *Pass) {
		p.eachIndicator(func(pr *report.Project, j int, ind *report.Indicator) {
			if ind.Target.Kind == normalize.Unparsed && valueText(ind) != "" && !isPlaceholder(valueText(ind)) {
				p.Reportf(indicatorAt(pr, j, "value"), "指标“%s”的指标值“%s”无法识别，应写成“≥95%%”“≤5辆”“2025年12月底前”或“好/较好”等形式", ind.Level3, valueText(ind))
			}
		})
	},
}

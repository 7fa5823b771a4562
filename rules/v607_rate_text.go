package rules

import (
	"strings"

	"github.com/jixiao/jixiao/normalize"
	"github.com/jixiao/jixiao/report"
)

var v607 = &Rule{
	ID:       "V607",
	Title:    "比率类指标使用了文字值",
	Severity: Warning,
	Doc: `检查名称以“率”结尾的指标（完成率、合格率、及时率……），其指标值是否写成了文字（“好”“及时”“有效”）。

为什么：比率指标应有百分比目标，文字值无法计算是否达成。

如何修改：写成百分比，如“≥95%”“=100%”。

示例：“维修及时率”的指标值“及时” → 报告“比率指标应填写百分比”。`,
	Check: func(p *Pass) {
		p.eachIndicator(func(pr *report.Project, j int, ind *report.Indicator) {
			if strings.HasSuffix(ind.Level3, "率") && ind.Target.Kind == normalize.Qualitative {
				p.Reportf(indicatorAt(pr, j, "value"), "指标“%s”是比率，指标值“%s”却是文字，应填写百分比，如“≥95%%”", ind.Level3, valueText(ind))
			}
		})
	},
}

package rules

import (
	"strings"

	"github.com/jixiao/jixiao/normalize"
	"github.com/jixiao/jixiao/report"
)

var v608 = &Rule{
	ID:       "V608",
	Title:    "产出指标使用了模糊的趋势词",
	Severity: Warning,
	Doc: `检查产出指标的指标值是否只是“提高”“改善”“有效”“明显”“持续”“进一步”之类的趋势词，没有可核验的数量、质量标准或期限。

为什么：产出指标要能在年终核对是否完成；“有所提高”无论结果如何都可以说达成，审计和财政评审都把它列为常见问题。

如何修改：写出具体的目标值，如“≥95%”“=12次”“2025年10月底前”。

示例：“设备运行情况”的指标值“有效改善” → 报告“产出指标的指标值是模糊的趋势词”。`,
	Check: func(p *Pass) {
		p.eachIndicator(func(pr *report.Project, j int, ind *report.Indicator) {
			if p.kindOf(1, ind.Level1) != kindOutput || ind.Target.Kind != normalize.Qualitative {
				return
			}
			if w := vagueWord(valueText(ind)); w != "" {
				p.Reportf(indicatorAt(pr, j, "value"), "产出指标“%s”的指标值“%s”只是趋势词“%s”，无法核验；应写出具体目标值，如“≥95%%”或完成期限", ind.Level3, valueText(ind), w)
			}
		})
	},
}

var vagueWords = []string{"提高", "提升", "改善", "增强", "有效", "明显", "显著", "持续", "进一步", "逐步", "稳步", "加强", "促进"}

func vagueWord(s string) string {
	for _, w := range vagueWords {
		if strings.Contains(s, w) {
			return w
		}
	}
	return ""
}

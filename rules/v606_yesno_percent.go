package rules

import (
	"strings"

	"github.com/jixiao/jixiao/normalize"
	"github.com/jixiao/jixiao/report"
)

var v606 = &Rule{
	ID:       "V606",
	Title:    "“是否”类指标使用了百分比",
	Severity: Warning,
	Doc: `检查名称为“……是否实现/是否达标”等是非问题的指标，其指标值是否写成了百分比或数值区间。

为什么：是非问题的答案只有“是/否”（或“实现/达标”），“≥90%”无从考核，说明指标名称或指标值有一处写错。

如何修改：指标值改为“是”“实现”“达标”；或把指标改为比率指标，如“安全生产目标实现率 ≥90%”。

示例：“安全生产维稳控制目标是否实现”的指标值“≥90%” → 报告“是非类指标不应使用百分比”。`,
	Check: func(p *Pass) {
		p.eachIndicator(func(pr *report.Project, j int, ind *report.Indicator) {
			if !strings.Contains(ind.Level3, "是否") {
				return
			}
			t := ind.Target
			if t.Kind == normalize.Numeric || t.Kind == normalize.Range {
				p.Reportf(indicatorAt(pr, j, "value"), "指标“%s”是是非问题，指标值“%s”却是数值；应填“是”“实现”“达标”，或把指标改为比率指标（如“……实现率 ≥90%%”）", ind.Level3, valueText(ind))
			}
		})
	},
}

package rules

import (
	"strconv"

	"github.com/jixiao/jixiao/normalize"
	"github.com/jixiao/jixiao/report"
)

var d802 = &Rule{
	ID:       "D802",
	Title:    "期限不在预算年度内",
	Severity: Warning,
	Doc: `检查期限类指标值（“2024年12月底前”“2023.07-2024.01”）的日期是否落在预算年度内。预算年度取配置文件的 year，否则取报告的年度。

为什么：年度绩效目标考核的是当年的产出，期限在上一年多为沿用旧表，期限在以后年度则本年无法考核。

如何修改：改为本年度内的期限；跨年度项目写本年度应完成的阶段目标。

示例：2025年度报告中“2024年12月底前” → 报告“期限2024-12-31不在预算年度2025年内”。`,
	Check: func(p *Pass) {
		if p.Year <= 0 {
			return
		}
		p.eachIndicator(func(pr *report.Project, j int, ind *report.Indicator) {
			t := ind.Target
			if t.Kind != normalize.Deadline || len(t.Date) < 4 {
				return
			}
			y, err := strconv.Atoi(t.Date[:4])
			if err != nil || y == p.Year {
				return
			}
			p.Reportf(indicatorAt(pr, j, "value"), "指标“%s”的期限“%s”（%s）不在预算年度%d年内，应为本年度内的日期", ind.Level3, valueText(ind), t.Date, p.Year)
		})
	},
}

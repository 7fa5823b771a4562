package rules

import (
	"fmt"

	"github.com/jixiao/jixiao/report"
)

var c203 = &Rule{
	ID:       "C203",
	Title:    "项目编码年度与预算年度不符",
	Severity: Warning,
	Doc: `检查项目编码第7–8位（预算年度后两位）是否与预算年度一致。预算年度取配置文件的 year；未配置时取报告的年度（多数项目编码或标题中的年份）。

为什么：年度不符多为沿用上年项目编码或抄错，导致项目与本年度预算对不上。

如何修改：使用本年度预算系统中的项目编码。

示例：2025年度报告中编码“13073024P000895100013”（24年）→ 报告“项目编码年度24与预算年度2025不符”。`,
	Check: func(p *Pass) {
		if p.Year <= 0 {
			return
		}
		want := fmt.Sprintf("%02d", p.Year%100)
		for i := range p.Report.Projects {
			pr := &p.Report.Projects[i]
			if codeRegion(pr.Code) == "" || len(pr.Code) < 8 {
				continue
			}
			if yy := pr.Code[6:8]; yy != want {
				p.Reportf(projectAt(pr, report.FieldCode), "项目编码“%s”的年度位为%s，与预算年度%d不符，应为%s", pr.Code, yy, p.Year, want)
			}
		}
	},
}

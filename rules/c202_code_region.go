package rules

import "github.com/jixiao/jixiao/report"

var c202 = &Rule{
	ID:       "C202",
	Title:    "项目编码区划代码与本县不符",
	Severity: Error,
	Doc: `检查项目编码前6位（行政区划代码，GB/T 2260）是否为本县的代码。本县代码取配置文件的 region_code；未配置时取本报告多数项目编码的前6位（多数不明确时不检查）。

为什么：区划代码错误说明编码录错或从其他地区的材料复制而来，项目将无法与本县预算对应。

如何修改：核对预算系统中的项目编码，改为本县区划代码开头的编码。

示例：本县为130730（怀来县），项目编码“13073125P822276682770”以130731开头 → 报告“项目编码区划代码130731与本县130730不符”。`,
	Check: func(p *Pass) {
		if p.Region == "" {
			return
		}
		for i := range p.Report.Projects {
			pr := &p.Report.Projects[i]
			if r := codeRegion(pr.Code); r != "" && r != p.Region {
				p.Reportf(projectAt(pr, report.FieldCode), "项目编码“%s”的区划代码%s与本县%s不符，应以%s开头", pr.Code, r, p.Region, p.Region)
			}
		}
	},
}

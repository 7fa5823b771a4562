package rules

import "github.com/jixiao/jixiao/report"

var c204 = &Rule{
	ID:       "C204",
	Title:    "项目编码在报告内重复",
	Severity: Error,
	Doc: `检查同一份报告中是否有两个项目使用同一个项目编码。

为什么：项目编码唯一标识一个预算项目；重复说明复制表格后未改编码，或同一项目填报了两次。

如何修改：核对各项目的编码，改为各自在预算系统中的编码；同一项目只保留一张表。

示例：第1个和第3个项目编码都是“13073025P000895100013” → 在第3个项目处报告“与第1个项目编码重复”。`,
	Check: func(p *Pass) {
		first := map[string]*report.Project{}
		for i := range p.Report.Projects {
			pr := &p.Report.Projects[i]
			if pr.Code == "" {
				continue
			}
			if q, dup := first[pr.Code]; dup {
				p.Reportf(projectAt(pr, report.FieldCode), "项目编码“%s”与第%d个项目“%s”重复，每个项目应有自己的编码", pr.Code, q.Seq, projectLabel(q))
				continue
			}
			first[pr.Code] = pr
		}
	},
}

package rules

import "github.com/jixiao/jixiao/report"

var b1302 = &Rule{
	ID:       "B1302",
	Title:    "同一项目编码在不同报告中名称不同",
	Severity: Error,
	Doc: `在一批报告中，检查同一个项目编码是否在两份报告中对应不同的项目名称。

为什么：项目编码唯一标识一个预算项目；名称不同说明其中一份复制了别人的编码，或项目被改名后未同步，两份目标都无法与预算对应。

如何修改：核对预算系统，改正编码或名称。

示例：a.docx 中“13073025P000895100013 机关大楼运行经费”，b.docx 中同一编码为“公车购置” → 在 b.docx 报告“与 a.docx 的名称不同”。`,
	Batch: func(b *BatchPass) {
		repeatedCodes(b.Docs, func(first *BatchDoc, firstName string, d *BatchDoc, pr *BatchProject) {
			if trimStray(firstName) == trimStray(pr.Name) {
				return
			}
			b.Reportf(d, report.Location{Project: pr.Code, Field: "name"}, "项目编码“%s”在%s中名称为“%s”，此处为“%s”；同一编码应是同一项目，应核对编码或名称",
				pr.Code, first.Path, firstName, pr.Name)
		})
	},
}

// repeatedCodes calls f for each project whose code an earlier report of
// docs already used, with that first report and the name it gave.
func repeatedCodes(docs []BatchDoc, f func(first *BatchDoc, firstName string, d *BatchDoc, pr *BatchProject)) {
	type owner struct {
		d    *BatchDoc
		name string
	}
	n := 0
	for _, d := range docs {
		n += len(d.Projects)
	}
	seen := make(map[string]owner, n)
	for di := range docs {
		d := &docs[di]
		for i := range d.Projects {
			pr := &d.Projects[i]
			if pr.Code == "" {
				continue
			}
			o, ok := seen[pr.Code]
			if !ok {
				seen[pr.Code] = owner{d, pr.Name}
				continue
			}
			if o.d != d {
				f(o.d, o.name, d, pr)
			}
		}
	}
}

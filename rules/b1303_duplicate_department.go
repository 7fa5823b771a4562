package rules

import "github.com/jixiao/jixiao/report"

var b1303 = &Rule{
	ID:       "B1303",
	Title:    "同一部门重复报送",
	Severity: Warning,
	Doc: `在一批报告中，检查是否有两份报告来自同一单位（单位编码和名称相同），或是同一个文件（内容摘要 sha256 相同）。

为什么：重复报送会使项目和金额重复计算；常见于修改稿和原稿一起报送，或 .docx 与 .pdf 各报一份。

如何修改：确认以哪一份为准，撤回另一份。

示例：a.docx 与 a-修改稿.docx 都是“430001怀来县机关事务服务中心” → 在后一份报告“与 a.docx 是同一单位”。`,
	Batch: func(b *BatchPass) {
		byDept := map[string]*BatchDoc{}
		bySum := map[string]*BatchDoc{}
		for i := range b.Docs {
			doc := &b.Docs[i]
			if s := doc.SHA256; s != "" {
				if o, dup := bySum[s]; dup {
					b.Reportf(doc, report.Location{Field: "source"}, "本报告与%s内容完全相同，是重复报送，应撤回其中一份", o.Path)
					continue
				}
				bySum[s] = doc
			}
			d := doc.Department
			if d.Code == "" && d.Name == "" {
				continue
			}
			key := d.Code + "\x00" + d.Name
			if o, dup := byDept[key]; dup {
				b.Reportf(doc, report.Location{Field: "department"}, "本报告与%s都来自单位“%s%s”，是重复报送，应确认以哪一份为准", o.Path, d.Code, d.Name)
				continue
			}
			byDept[key] = doc
		}
	},
}

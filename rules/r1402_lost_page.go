package rules

import (
	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/report"
)

var r1402 = &Rule{
	ID:       "R1402",
	Title:    "页面无法读取",
	Severity: Error,
	Doc: `列出 PDF 中无法读取的页面：文件的其余页面照常读入，这些页面的内容没有读入。

为什么：一页损坏（常见于拼接、截断或转换出错的 PDF）时，整份报告不应因此被拒绝，但缺了这一页，其中的项目或指标就没有被审核，审核结论也就不完整。

如何修改：打开原文件核对该页；重新从原始文档导出 PDF，或提交 .docx 后重新导入。

示例：第3页的内容流已损坏 → 报告“第 3 页无法读取：文件已损坏或格式不正确，该页内容未读入，请核对原文件或重新导出 PDF”。`,
	Check: func(p *Pass) {
		for _, l := range p.Report.Lost {
			p.Reportf(report.Location{Pos: extract.Pos{Page: l.Page}}, "第 %d 页无法读取：%s，该页内容未读入，请核对原文件或重新导出 PDF", l.Page, l.Reason)
		}
	},
}

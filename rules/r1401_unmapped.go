package rules

import "github.com/jixiao/jixiao/report"

var r1401 = &Rule{
	ID:       "R1401",
	Title:    "未识别的栏目或表格",
	Severity: report.Info,
	Doc: `列出读取时看作栏目标签、却对应不到任何字段的单元格（如“资金性质：”），以及看起来像绩效指标表、却读不出指标行的表格。

为什么：各省、各预算系统的表样不同，程序按栏目名称和同义词读取；读不懂的栏目不会被悄悄丢掉，而是在这里列出，审核人员可以对照原表核实，必要时在 jixiao.toml 的 [labels] 中为字段补充同义词。

如何修改：核对该单元格：若是绩效目标表的必填栏目，请按标准表样填写栏目名称；若只是补充信息，可忽略本提示。

示例：信息表中有“资金性质：”一栏 → 提示“未识别的栏目“资金性质：”，其内容未读入任何字段”。`,
	Check: func(p *Pass) {
		for _, u := range p.Report.Unmapped {
			p.Reportf(u.Location, "未识别的%s“%s”，其内容未读入任何字段，请核对原表", u.What, u.Text)
		}
	},
}

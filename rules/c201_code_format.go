package rules

import "github.com/jixiao/jixiao/report"

var c201 = &Rule{
	ID:       "C201",
	Title:    "项目编码格式错误",
	Severity: Error,
	Doc: `检查项目编码是否为21位：6位行政区划代码 + 2位预算年度 + “P” + 12位数字或大写字母，即 ^\d{6}\d{2}P[0-9A-Z]{12}$。

为什么：项目编码是预算一体化系统中项目的唯一标识，格式错误的编码无法与预算数据对应。

如何修改：从预算管理一体化系统中复制项目编码，不要手工录入或截断。

示例：“13073025P0008951” 只有16位 → 报告“项目编码‘13073025P0008951’格式错误”。`,
	Check: func(p *Pass) {
		for i := range p.Report.Projects {
			pr := &p.Report.Projects[i]
			if pr.Code == "" || codeFormat.MatchString(pr.Code) {
				continue
			}
			p.Reportf(projectAt(pr, report.FieldCode), "项目编码“%s”格式错误（%d位），应为21位：6位区划代码+2位年度+P+12位数字或大写字母，如13073025P000895100013",
				pr.Code, len([]rune(pr.Code)))
		}
	},
}

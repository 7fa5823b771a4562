package rules

import (
	"strconv"

	"github.com/jixiao/jixiao/report"
)

var s101 = &Rule{
	ID:       "S101",
	Title:    "项目必填信息缺失",
	Severity: Error,
	Doc: `检查每个项目支出绩效目标表是否填写了项目名称、预算数、财政资金（或其他资金）和绩效目标；表中有“项目编码”栏目的（这类表样三者俱全），或有“资金用途”“资金支出计划”栏目的，也检查项目编码、资金用途和资金支出计划是否填写（许多省份的表样没有这些栏目，不作要求）。

为什么：这些是审核的基础信息，缺一项就无法核对金额、进度与目标，财预〔2020〕10号要求绩效目标表要素完整。

如何修改：在信息表对应单元格中补填；没有其他资金的可空着，但财政资金与其他资金不能都空。

示例：“资金用途”一栏为空 → 报告“项目未填写资金用途”。`,
	Check: checkRequired,
}

func checkRequired(p *Pass) {
	for i := range p.Report.Projects {
		pr := &p.Report.Projects[i]
		miss := func(at report.Field, label string) {
			p.Reportf(projectAt(pr, at), "项目“%s”未填写%s", projectLabel(pr), label)
		}
		// 项目编码, 资金用途 and 资金支出计划 are asked only of forms
		// that carry them (the templates with a 项目编码 carry all
		// three): the forms of many provinces print none.
		_, hasCode := pr.At[report.KeyOf(report.FieldCode)]
		_, hasPurpose := pr.At[report.KeyOf(report.FieldPurpose)]
		hasPurpose = hasPurpose || hasCode
		if pr.Code == "" && hasCode {
			miss(report.FieldCode, "项目编码")
		}
		if pr.Name == "" {
			miss(report.FieldName, "项目名称")
		}
		if pr.Budget.Total == "" {
			miss(report.FieldTotal, "预算数")
		}
		if pr.Budget.Fiscal == "" && pr.Budget.Other == "" {
			miss(report.FieldFiscal, "财政资金（其中：财政资金与其他资金均为空）")
		}
		if pr.Purpose == "" && hasPurpose {
			miss(report.FieldPurpose, "资金用途")
		}
		if len(pr.SpendingPlan) == 0 && (hasPlan(pr) || hasCode) {
			miss(report.FieldPlan, "资金支出计划")
		}
		if pr.Goal == "" {
			miss(report.FieldGoal, "绩效目标")
		}
	}
}

// projectLabel names a project in messages: its name, else its code, else
// its sequence number.
func projectLabel(pr *report.Project) string {
	switch {
	case pr.Name != "":
		return pr.Name
	case pr.Code != "":
		return pr.Code
	}
	return "第" + strconv.Itoa(pr.Seq) + "个项目"
}

// hasPlan tells a form with a 资金支出计划 row.
func hasPlan(pr *report.Project) bool {
	_, ok := pr.At[report.KeyOf(report.FieldPlan)]
	return ok || len(pr.SpendingPlan) > 0
}

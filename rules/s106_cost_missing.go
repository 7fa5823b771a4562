package rules

import "github.com/jixiao/jixiao/report"

var s106 = &Rule{
	ID:       "S106",
	Title:    "缺少成本指标",
	Severity: report.Error,
	Doc: `检查有绩效指标的项目是否有成本指标：2021年指引的一级指标“成本指标”（经济成本、社会成本、生态环境成本），或旧版式产出指标下的二级指标“成本指标”，两种写法都接受。

为什么：成本指标约束资金使用的经济性，是预算绩效管理“花钱必问效”的基础。

如何修改：增加成本指标，写明金额上限，如“经济成本指标：项目总成本 ≤600万元”。

示例：产出指标下只有数量、质量、时效 → 报告“项目缺少成本指标”。`,
	Check: func(p *Pass) {
		checkCategory(p, kindCost, "成本指标", "如“项目总成本 ≤预算数（写明金额）”")
	},
}

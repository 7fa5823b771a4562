package rules

import (
	"github.com/jixiao/jixiao/normalize"
	"github.com/jixiao/jixiao/report"
)

var k701 = &Rule{
	ID:       "K701",
	Title:    "成本指标的指标值不是金额",
	Severity: Warning,
	Doc: `检查成本指标（产出指标下的二级“成本指标”，或一级“成本指标”下的经济成本指标）的指标值是否为金额，如“≤600万元”“≤2000元/人”。社会成本、生态环境成本常以“无”或文字描述影响，不检查。

为什么：“小于预算”“控制在预算内”“≥90%”不是成本目标——任何项目都不应超预算，这样写等于没有设定成本约束；财预〔2021〕101号要求成本指标反映单位成本或总成本的金额。

如何修改：写出成本金额上限（总成本或单位成本），如“项目总成本 ≤600万元”“单车购置成本 ≤18万元/辆”。

示例：“项目费用”的指标值“小于预算” → 报告“成本指标的指标值‘小于预算’不是金额”。`,
	Check: func(p *Pass) {
		p.eachIndicator(func(pr *report.Project, j int, ind *report.Indicator) {
			if !isMoneyCost(ind) || valueText(ind) == "" || !hasTarget(ind.Target) {
				return
			}
			t := ind.Target
			if quantified(t) && isMoneyUnit(t.Unit) {
				return
			}
			why := "不是金额"
			switch {
			case t.Kind == normalize.Reference && t.Ref == "budget":
				why = "只是与预算比较，没有给出成本金额"
			case t.Kind == normalize.Qualitative:
				why = "是文字，不是金额"
			case quantified(t) && t.Unit == "%":
				why = "是百分比，不是金额"
			}
			p.Reportf(indicatorAt(pr, j, "value"), "成本指标“%s”的指标值“%s”%s；应写出成本金额上限，如“≤%s%s”", ind.Level3, valueText(ind), why, orDash(pr.Budget.Total), amountUnit(pr))
		})
	},
}

func orDash(s string) string {
	if s == "" {
		return "…"
	}
	return s
}

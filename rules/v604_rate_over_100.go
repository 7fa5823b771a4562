package rules

import (
	"github.com/jixiao/jixiao/normalize"
)

var v604 = &Rule{
	ID:       "V604",
	Title:    "比率目标超过100%",
	Severity: Error,
	Doc: `检查百分比（或“…率”指标的无单位数值）目标是否超过100%：“≥105%”“大于100%”“120%”都无法实现。增长率、提高率等可以超过100%的指标不检查。

为什么：完成率、合格率、及时率最多100%，超过100%的目标不可能达成，年终自评必然失分，也说明目标设定随意。

如何修改：改为不超过100%的目标，如“≥95%”；要求全部完成的写“=100%”。

示例：分项绩效目标中“工作完成及时率大于100%”→ 报告“目标‘大于100%’超过100%，无法实现”。`,
	Check: func(p *Pass) {
		rep := p.Report
		for i := range rep.Projects {
			pr := &rep.Projects[i]
			for j := range pr.Indicators {
				ind := &pr.Indicators[j]
				if overHundred(ind.Level3, ind.Target) {
					p.Reportf(indicatorAt(pr, j, "value"), "指标“%s”的目标“%s”超过100%%，无法实现；应不超过100%%，如“≥95%%”或“=100%%”", ind.Level3, valueText(ind))
				}
			}
		}
		for _, f := range rep.OverallTargets {
			if overHundred(f.Name, f.Target) {
				loc := rep.OverallGoalAt
				loc.Field = "overall_goal"
				p.Reportf(loc, "总体绩效目标中“%s%s”超过100%%，无法实现；应不超过100%%", f.Name, f.Text)
			}
		}
		for k := range rep.SubGoals {
			g := &rep.SubGoals[k]
			for _, f := range g.Targets {
				if overHundred(f.Name, f.Target) {
					p.Reportf(subGoalAt(rep, g, "indicators"), "分项绩效目标%d中“%s%s”超过100%%，无法实现；应不超过100%%", g.No, f.Name, f.Text)
				}
			}
		}
	},
}

// overHundred says whether target t of the indicator called name asks for
// more than 100%.
func overHundred(name string, t normalize.Target) bool {
	if isGrowth(name) {
		return false
	}
	percent := t.Unit == "%" || t.Unit == "" && isRate(name)
	if !percent {
		return false
	}
	switch t.Kind {
	case normalize.Numeric:
		switch t.Op {
		case ">":
			return t.Value.GreaterThanOrEqual(hundred)
		case ">=", "=", "":
			return t.Value.GreaterThan(hundred)
		}
	case normalize.Range:
		return t.Lower.GreaterThan(hundred)
	}
	return false
}

package rules

import (
	"github.com/jixiao/jixiao/normalize"
	"github.com/jixiao/jixiao/report"
)

var v605 = &Rule{
	ID:       "V605",
	Title:    "“≥100%”应写作“=100%”",
	Severity: Info,
	Doc: `检查项目指标和部门分项、总体目标中的百分比目标是否写成“≥100%”“100%以上”“不低于100%”。

为什么：比率最多100%，“≥100%”实际只能等于100%，写法不严谨，也常是把“≥90%”之类改错的结果。

如何修改：要求全部完成的写“=100%”或“100%”。

示例：“任务完成率 ≥100%” → 报告“应写作‘=100%’”。`,
	Check: func(p *Pass) {
		p.eachIndicator(func(pr *report.Project, j int, ind *report.Indicator) {
			if geHundred(ind.Level3, ind.Target) {
				p.Reportf(indicatorAt(pr, j, "value"), "指标“%s”的目标“%s”实际只能等于100%%，应写作“=100%%”", ind.Level3, valueText(ind))
			}
		})
		rep := p.Report
		for _, f := range rep.OverallTargets {
			if geHundred(f.Name, f.Target) {
				loc := rep.OverallGoalAt
				loc.Field = "overall_goal"
				p.Reportf(loc, "总体绩效目标中“%s%s”实际只能等于100%%，应写作“%s100%%”", f.Name, f.Text, f.Name)
			}
		}
		for k := range rep.SubGoals {
			g := &rep.SubGoals[k]
			for _, f := range g.Targets {
				if geHundred(f.Name, f.Target) {
					p.Reportf(subGoalAt(rep, g, "indicators"), "分项绩效目标%d中“%s%s”实际只能等于100%%，应写作“%s100%%”", g.No, f.Name, f.Text, f.Name)
				}
			}
		}
	},
}

// geHundred says whether a rate's target is written ≥100%.
func geHundred(name string, t normalize.Target) bool {
	return t.Kind == normalize.Numeric && t.Op == ">=" && t.Unit == "%" && t.Value.Equal(hundred) && !isGrowth(name)
}

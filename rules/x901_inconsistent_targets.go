package rules

import (
	"strings"

	"github.com/jixiao/jixiao/normalize"
)

var x901 = &Rule{
	ID:       "X901",
	Title:    "同一指标在报告中目标不一致",
	Severity: Warning,
	Doc: `检查部门整体绩效目标中，同一指标（如服务对象满意度）在“一、总体绩效目标”中的目标值是否与“二、分项绩效目标”中的某个目标值一致。名称相同即视为同一指标，含“满意度”的指标视为同一指标。只比较数值和单位，不比较“以上/大于”。各分项之间不比较：不同分项可以对不同任务设不同目标。

为什么：同一部门对同一指标给出两个标准（总体80%以上、分项90%以上），年终自评时无法确定按哪个考核。

如何修改：统一为同一个目标值，通常以分项中更具体的标准为准。

示例：总体目标“服务对象满意度80%以上”，分项目标“服务对象满意度90%以上” → 报告“总体目标80%与分项目标90%不一致”。`,
	Check: func(p *Pass) {
		rep := p.Report
		for _, f := range rep.OverallTargets {
			key := metricKey(f.Name)
			if key == "" || f.Target.Kind != normalize.Numeric {
				continue
			}
			// The sub-goals' targets of the metric; different sub-goals
			// may set different targets for different tasks, so only the
			// overall goal is held to them. A report has few overall
			// targets: looking through the sub-goals for each costs less
			// than a map of them.
			var first *normalize.Found
			no, agrees := 0, false
			for k := range rep.SubGoals {
				g := &rep.SubGoals[k]
				for i := range g.Targets {
					s := &g.Targets[i]
					if s.Target.Kind != normalize.Numeric || metricKey(s.Name) != key {
						continue
					}
					if first == nil {
						first, no = s, g.No
					}
					agrees = agrees || sameAmount(s.Target, f.Target)
				}
			}
			if first == nil || agrees {
				continue
			}
			loc := rep.OverallGoalAt
			loc.Field = "overall_goal"
			p.Reportf(loc, "总体绩效目标中“%s%s”与分项绩效目标%d中的“%s%s”不一致，应统一目标值", f.Name, f.Text, no, first.Name, first.Text)
		}
	},
}

// metricKey names the metric a mined target is about; every 满意度 counts
// as one metric.
func metricKey(name string) string {
	if strings.Contains(name, "满意") {
		return "满意度"
	}
	return strings.TrimSpace(name)
}

// sameAmount compares two numeric targets on their base: 10万人次 and
// 100000人次 are the same amount.
func sameAmount(a, b normalize.Target) bool {
	av, au, ok1 := a.Magnitude()
	bv, bu, ok2 := b.Magnitude()
	return ok1 && ok2 && av.Equal(bv) && au == bu
}

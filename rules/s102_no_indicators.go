package rules

var s102 = &Rule{
	ID:       "S102",
	Title:    "项目没有绩效指标",
	Severity: Error,
	Doc: `检查每个项目是否至少有一行绩效指标。

为什么：没有指标，绩效目标就无法量化，也无法开展监控和年终自评。

如何修改：按“一级指标—二级指标—三级指标—指标值—指标值确定依据”补填指标表。

示例：项目信息表后没有指标表，或指标表只有表头 → 报告“项目没有绩效指标”。`,
	Check: func(p *Pass) {
		for i := range p.Report.Projects {
			pr := &p.Report.Projects[i]
			if len(pr.Indicators) == 0 {
				p.Reportf(projectPart(pr, "indicators"), "项目“%s”没有绩效指标，应至少填写产出、效益、满意度和成本指标", projectLabel(pr))
			}
		}
	},
}

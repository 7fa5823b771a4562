package rules

var s103 = &Rule{
	ID:       "S103",
	Title:    "缺少满意度指标",
	Severity: Error,
	Doc: `检查有绩效指标的项目是否至少有一个满意度指标（一级指标“满意度指标”，或二级指标“服务对象满意度”）。

为什么：财预〔2021〕101号指引要求设置满意度指标，反映服务对象或社会公众的认可程度。

如何修改：增加一级指标“满意度指标”、二级指标“服务对象满意度指标”，如“服务对象满意度 ≥90%”。

示例：指标只有产出指标和效益指标 → 报告“项目缺少满意度指标”。`,
	Check: func(p *Pass) {
		checkCategory(p, kindSatisfaction, "满意度指标", "如“服务对象满意度 ≥90%”")
	},
}

// checkCategory reports the projects with indicators but none of kind k.
func checkCategory(p *Pass, k kind, label, example string) {
	for i := range p.Report.Projects {
		pr := &p.Report.Projects[i]
		if len(pr.Indicators) == 0 {
			continue
		}
		found := false
		for j := range pr.Indicators {
			ind := &pr.Indicators[j]
			l1, l2 := p.kindOf(1, ind.Level1), p.kindOf(2, ind.Level2)
			switch k {
			case kindCost:
				found = l1 == kindCost || l2 == kindCost
			case kindSatisfaction:
				found = l1 == kindSatisfaction || l2 == kindSatisfaction
			case kindBenefit:
				found = l1 == kindBenefit || l1 == kindUnknown && l2 == kindBenefit
			case kindOutput:
				found = l1 == kindOutput || l1 == kindUnknown && (l2 == kindQuantity || l2 == kindQuality || l2 == kindTime)
			}
			if found {
				break
			}
		}
		if !found {
			p.Reportf(projectPart(pr, "indicators"), "项目“%s”缺少%s，应至少设置一个%s", projectLabel(pr), label, example)
		}
	}
}

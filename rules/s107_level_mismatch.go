package rules

import "github.com/jixiao/jixiao/report"

var s107 = &Rule{
	ID:       "S107",
	Title:    "二级指标不属于所在一级指标",
	Severity: Warning,
	Doc: `检查二级指标是否属于它所在的一级指标：产出指标下为数量、质量、时效（旧版式还有成本）；成本指标下为经济成本、社会成本、生态环境成本；效益指标下为经济效益、社会效益、生态效益、可持续影响；满意度指标下为服务对象满意度。

为什么：指标体系错位会使汇总统计和年终自评的分类口径出错，常见于复制粘贴或合并单元格错行。

如何修改：把指标移到正确的一级指标下，或更正二级指标名称。

示例：一级“效益指标”下的二级“数量指标” → 报告“二级指标‘数量指标’不属于一级指标‘效益指标’”。`,
	Check: func(p *Pass) {
		p.eachIndicator(func(pr *report.Project, j int, ind *report.Indicator) {
			l1, l2 := p.kindOf(1, ind.Level1), p.kindOf(2, ind.Level2)
			if l1 == kindUnknown || l2 == kindUnknown || belongs(l1, l2) {
				return
			}
			p.Reportf(indicatorAt(pr, j, "level2"), "二级指标“%s”不属于一级指标“%s”，应放在%s下",
				ind.Level2, ind.Level1, kindName[parentOf(l2)])
		})
	},
}

func belongs(l1, l2 kind) bool {
	switch l1 {
	case kindOutput:
		return l2 == kindQuantity || l2 == kindQuality || l2 == kindTime || l2 == kindCost
	case kindCost:
		return l2 == kindCost
	case kindBenefit:
		return l2 == kindBenefit
	case kindSatisfaction:
		return l2 == kindSatisfaction
	}
	return true
}

func parentOf(l2 kind) kind {
	switch l2 {
	case kindQuantity, kindQuality, kindTime:
		return kindOutput
	}
	return l2
}

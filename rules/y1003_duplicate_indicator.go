package rules

import "github.com/jixiao/jixiao/report"

var y1003 = &Rule{
	ID:       "Y1003",
	Title:    "同一三级指标在项目中重复",
	Severity: Warning,
	Doc: `检查同一项目中是否有两个三级指标名称相同。

为什么：重复的指标多是复制行后忘了改名，既重复考核又遗漏了本应设置的指标。

如何修改：把重复的一行改为实际要考核的指标，或删去。

示例：质量指标和社会效益指标下都是“保障人员权益” → 在第二次出现处报告“与第2个指标重复”。`,
	Check: func(p *Pass) {
		for i := range p.Report.Projects {
			pr := &p.Report.Projects[i]
			for j := range pr.Indicators {
				name := pr.Indicators[j].Level3
				if name == "" || isPlaceholder(name) {
					continue
				}
				// A project has a few dozen indicators at most: looking
				// back costs less than a map per project.
				if k := firstNamed(pr.Indicators[:j], name); k >= 0 {
					p.Reportf(indicatorAt(pr, j, "level3"), "三级指标“%s”与第%d个指标（%s）重复，应改为实际要考核的指标或删去", name, k+1, pr.Indicators[k].Level2)
				}
			}
		}
	},
}

// firstNamed is the index of the first of inds named name, -1 if none is.
func firstNamed(inds []report.Indicator, name string) int {
	for k := range inds {
		if inds[k].Level3 == name {
			return k
		}
	}
	return -1
}

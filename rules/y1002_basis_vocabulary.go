package rules

import (
	"strings"

	"github.com/jixiao/jixiao/report"
)

var y1002 = &Rule{
	ID:       "Y1002",
	Title:    "指标值确定依据不在规定范围",
	Severity: Warning,
	Doc: `检查“指标值确定依据”是否为规定的依据之一（默认：计划标准、行业标准、历史标准、其他标准；可在配置文件 bases 中修改），允许在依据后注明来源，如“行业标准：GB/T …”。依据照抄指标名称的由 Y1001 报告，这里不重复。

为什么：确定依据说明目标值为何合理，是审核“适当性”的依据；财政部门确认的依据范围之外的写法无法审核。

如何修改：填写规定的依据之一，必要时在其后注明数据来源。

示例：依据“根据工作需要” → 报告“指标值确定依据‘根据工作需要’不在规定范围”。`,
	Check: func(p *Pass) {
		if len(p.Config.Bases) == 0 {
			return
		}
		p.eachIndicator(func(pr *report.Project, j int, ind *report.Indicator) {
			if _, ok := ind.Cols["basis"]; !ok || ind.Level3 == "" || ind.Basis == ind.Level3 {
				return
			}
			if ind.Basis == "" {
				p.Reportf(indicatorAt(pr, j, "basis"), "指标“%s”未填写指标值确定依据，应填%s之一", ind.Level3, strings.Join(p.Config.Bases, "、"))
				return
			}
			if !acceptedBasis(ind.Basis, p.Config.Bases) {
				p.Reportf(indicatorAt(pr, j, "basis"), "指标“%s”的指标值确定依据“%s”不在规定范围，应填%s之一", ind.Level3, ind.Basis, strings.Join(p.Config.Bases, "、"))
			}
		})
	},
}

func acceptedBasis(basis string, bases []string) bool {
	for _, b := range bases {
		if strings.HasPrefix(basis, b) {
			return true
		}
	}
	return false
}

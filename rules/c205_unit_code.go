package rules

import (
	"regexp"

	"github.com/jixiao/jixiao/report"
)

var c205 = &Rule{
	ID:       "C205",
	Title:    "单位编码格式错误",
	Severity: Warning,
	Doc: `检查项目表头的单位编码是否为6位数字（3位部门代码 + 3位单位代码），如“430001怀来县机关事务服务中心”。

为什么：单位编码用于把项目归到预算单位，格式错误会使报告无法按部门汇总。

如何修改：按预算系统中的单位编码填写表头，编码与单位名称之间不要加其他字符。

示例：表头“43001怀来县机关事务服务中心”只有5位 → 报告“单位编码‘43001’应为6位数字”。`,
	Check: func(p *Pass) {
		for i := range p.Report.Projects {
			pr := &p.Report.Projects[i]
			if pr.DepartmentCode == "" || unitCode.MatchString(pr.DepartmentCode) {
				continue
			}
			p.Reportf(projectAt(pr, report.FieldDepartmentCode), "单位编码“%s”应为6位数字（3位部门代码+3位单位代码）", pr.DepartmentCode)
		}
	},
}

var unitCode = regexp.MustCompile(`^\d{6}$`)

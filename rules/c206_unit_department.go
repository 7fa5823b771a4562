package rules

import "github.com/jixiao/jixiao/report"

var c206 = &Rule{
	ID:       "C206",
	Title:    "项目所属部门与报告部门不符",
	Severity: Warning,
	Doc: `检查每个项目表头单位编码的前3位（部门代码）是否与本报告的部门（多数项目的单位编码）相同。同一部门下属单位（后3位不同）不算不符。

为什么：部门报告中混入其他部门的项目，多是拼接文件时带入了别人的表格，会使两个部门的项目和金额都算错。

如何修改：删去不属于本部门的项目，交由所属部门报送；或更正表头单位编码。

示例：报告部门430001，某项目表头“401001怀来县教育和体育局” → 报告“项目所属部门401与报告部门430不符”。`,
	Check: func(p *Pass) {
		dept := p.Report.Department.Code
		if len(dept) < 3 {
			return
		}
		for i := range p.Report.Projects {
			pr := &p.Report.Projects[i]
			if len(pr.DepartmentCode) < 3 || pr.DepartmentCode[:3] == dept[:3] {
				continue
			}
			p.Reportf(projectAt(pr, report.FieldDepartmentCode), "项目表头单位“%s%s”的部门代码%s与本报告部门“%s%s”（%s）不符，应由所属部门报送或更正单位编码",
				pr.DepartmentCode, pr.DepartmentName, pr.DepartmentCode[:3], dept, p.Report.Department.Name, dept[:3])
		}
	},
}

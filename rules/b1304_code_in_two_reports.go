package rules

var b1304 = &Rule{
	ID:       "B1304",
	Title:    "同一项目编码出现在不同单位的报告中",
	Severity: Warning,
	Doc: `在一批报告中，检查同一个项目编码（名称也相同）是否出现在两个不同单位的报告里。同一单位重复报送由 B1303 报告，名称不同由 B1302 报告。

为什么：一个预算项目只属于一个单位；两个单位都报同一项目，会重复计算资金，或说明一方套用了另一方的表格。

如何修改：确认项目归属，由归属单位报送。

示例：单位430001和430002的报告都有“13073025P000895100013 机关大楼运行经费” → 在后一份报告该项目处报告。`,
	Batch: func(b *BatchPass) {
		repeatedCodes(b.Docs, func(first *BatchDoc, firstName string, d *BatchDoc, pr *BatchProject) {
			if trimStray(firstName) != trimStray(pr.Name) || sameDepartment(first, d) {
				return
			}
			b.Reportf(d, pr.codeAt(), "项目“%s %s”也出现在%s（单位%s%s）中，一个项目只应由一个单位报送",
				pr.Code, pr.Name, first.Path, first.Department.Code, first.Department.Name)
		})
	},
}

func sameDepartment(a, b *BatchDoc) bool {
	if a.SHA256 != "" && a.SHA256 == b.SHA256 {
		return true
	}
	return a.Department.Code+a.Department.Name != "" && a.Department == b.Department
}

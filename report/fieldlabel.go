package report

// fieldLabels are the report/v1 field names a finding's Location.Field
// carries, as the forms label them, for everything users read: text
// output, workbooks, letters and pages.
var fieldLabels = map[string]string{
	"code": "项目编码", "name": "项目名称", "title": "项目标题",
	"budget": "预算数", "budget.total": "预算数", "budget.fiscal": "财政资金", "budget.other": "其他资金",
	"purpose": "资金用途", "spending_plan": "资金支出计划", "goal": "绩效目标", "mid_term_goal": "中期目标",
	"department": "单位名称", "department_code": "单位编码", "overall_goal": "总体绩效目标",
	"indicators": "绩效指标", "sub_goal": "分项绩效目标", "measures": "保障措施",
	"source": "文件", "year": "预算年度",
	"level1": "一级指标", "level2": "二级指标", "level3": "三级指标", "description": "绩效指标描述",
	"nature": "指标性质", "value": "指标值", "unit": "度量单位", "basis": "指标值确定依据",
	"weight": "权重", "actual": "实际完成值", "score": "得分", "deviation": "偏差原因", "mid_term": "中期指标值",
}

// FieldLabel is a finding's field as the forms label it (budget.total →
// 预算数), or "" for a name it does not know.
func FieldLabel(field string) string { return fieldLabels[field] }

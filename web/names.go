package web

// fieldNames are the report/v1 field names a finding's field carries (see
// report.Location.Field and rules), as the forms label them. A field not
// listed shows as 其他.
var fieldNames = map[string]string{
	"code": "项目编码", "name": "项目名称", "title": "项目名称",
	"budget": "预算", "budget.total": "预算数", "budget.fiscal": "财政资金", "budget.other": "其他资金",
	"purpose": "资金用途", "spending_plan": "资金支出计划", "goal": "绩效目标", "mid_term_goal": "中期目标",
	"department": "部门", "department_code": "部门编码", "overall_goal": "总体绩效目标",
	"indicators": "绩效指标", "sub_goal": "分项绩效目标", "measures": "保障措施", "year": "年度",
	"source": "文件", "level1": "一级指标", "level2": "二级指标", "level3": "三级指标",
	"description": "指标描述", "nature": "指标性质", "value": "指标值", "unit": "度量单位",
	"basis": "指标值确定依据", "weight": "权重", "actual": "实际完成值", "score": "得分",
	"deviation": "偏差原因", "mid_term": "中期指标值",
}

// fieldName is a finding's field in Chinese.
func fieldName(f string) string {
	if f == "" {
		return ""
	}
	if n, ok := fieldNames[f]; ok {
		return n
	}
	return "其他"
}

// severityNames are the severities in Chinese.
var severityNames = map[string]string{"error": "错误", "warning": "警告", "info": "提示"}

// statusNames name a document's status and format on the overview.
var statusNames = map[string]string{"ok": "已读取", "failed": "无法读取", "docx": "Word", "pdf": "PDF", "": "未识别格式"}

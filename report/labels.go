package report

import (
	"regexp"
	"strings"
	"unicode"
)

// maxLabel is more bytes than any label has; longer cells are values, and
// canon does not spend time on them.
const maxLabel = 96

// canon reduces a label cell to the form the synonym tables use: no white
// space, no leading 其中, no trailing colon, no bracketed unit. Cells too
// long to be labels give "".
func canon(s string) string {
	if len(s) > maxLabel {
		return ""
	}
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
	for _, p := range []string{"其中：", "其中:", "其中"} {
		s = strings.TrimPrefix(s, p)
	}
	s = trimUnitSuffix(s)
	return strings.TrimRight(s, "：:")
}

// trimUnitSuffix drops a bracketed unit at the end of a label:
// 资金支出计划（%）, 预算数(万元).
func trimUnitSuffix(s string) string {
	if !strings.HasSuffix(s, "）") && !strings.HasSuffix(s, ")") {
		return s
	}
	open := max(strings.LastIndex(s, "（"), strings.LastIndex(s, "("))
	if open < 0 {
		return s
	}
	inner := strings.TrimRight(s[open:], "）)")
	inner = strings.TrimLeft(inner, "（(")
	switch inner {
	case "%", "％", "万元", "元", "千元", "百分比":
		return s[:open]
	}
	return s
}

// Info-table fields by their labels.
var infoLabels = map[string]string{
	"项目编码": "code", "项目代码": "code", "项目编号": "code",
	"项目名称": "name",
	"预算数":  "total", "预算金额": "total", "年度预算数": "total", "项目预算数": "total",
	"预算总额": "total", "资金总额": "total", "年度资金总额": "total", "项目资金总额": "total",
	"财政资金": "fiscal", "财政拨款": "fiscal", "本级财政资金": "fiscal", "财政拨款资金": "fiscal",
	"其他资金": "other", "其他来源资金": "other", "其他来源": "other",
	"资金用途": "purpose", "项目资金用途": "purpose", "主要用途": "purpose",
	"绩效目标": "goal", "年度绩效目标": "goal", "项目绩效目标": "goal", "年度目标": "goal",
	"主管部门及代码": "department", "主管部门": "department", "预算单位": "department",
	"实施单位": "department", "单位名称": "department",
	// Block labels: they head rows whose content the reader knows.
	"预算规模及资金用途": "budget_block", "预算规模": "budget_block", "资金情况": "budget_block",
	"资金支出计划": "plan", "资金支出进度计划": "plan", "支出进度计划": "plan", "资金支出进度": "plan",
}

func infoLabel(cell string) string {
	return infoLabels[canon(cell)]
}

// Indicator-table columns by their headers.
var columnLabels = map[string]string{
	"一级指标":   "level1",
	"二级指标":   "level2",
	"三级指标":   "level3",
	"绩效指标描述": "description", "指标描述": "description", "指标内容": "description",
	"指标性质": "nature", "计算符号": "nature", "指标值性质": "nature",
	"指标值": "value", "目标值": "value", "当年预期实现值": "value", "年度指标值": "value",
	"预期目标值": "value", "绩效指标值": "value", "指标值（包含数字及文字描述）": "value",
	"度量单位": "unit", "计量单位": "unit",
	"指标值确定依据": "basis", "指标值设定依据": "basis", "指标值设定依据及数据来源": "basis",
	"绩效标准": "basis", "确定依据": "basis", "指标值确定依据及数据来源": "basis",
	"权重": "weight", "分值": "weight", "指标权重": "weight", "权重（%）": "weight",
}

func columnLabel(cell string) string {
	return columnLabels[canon(cell)]
}

// isIndicatorHeader tells a header row of the indicator table.
func isIndicatorHeader(cells []string) bool {
	var l1, l2 bool
	for _, c := range cells {
		switch columnLabel(c) {
		case "level1":
			l1 = true
		case "level2":
			l2 = true
		}
	}
	return l1 && l2
}

var (
	// 1.]怀财字【2025】7号 机关大楼运行经费绩效目标表
	projectHeading = regexp.MustCompile(`^\s*(?:\d+\s*[.．、]\s*)?(.*(?:绩效目标表|绩效目标申报表|绩效目标批复表))\s*$`)
	// 430001怀来县机关事务服务中心 / 单位名称：430001 怀来县机关事务服务中心
	unitLine = regexp.MustCompile(`^(?:(?:预算)?单位(?:名称)?[：:]\s*)?(\d{6})\s*(\S.*?)\s*$`)
	// 单位：万元 / 金额单位：万元
	amountUnit = regexp.MustCompile(`(?:金额)?单位[：:]\s*(万元|元|千元|亿元)`)

	overallHeading  = regexp.MustCompile(`^\s*[一二三四五六七八九十]+\s*[、.．]\s*(?:部门)?(?:整体|总体)绩效目标\s*$`)
	subGoalsHeading = regexp.MustCompile(`^\s*[一二三四五六七八九十]+\s*[、.．]\s*分项绩效目标\s*$`)
	measuresHeading = regexp.MustCompile(`^\s*[一二三四五六七八九十]+\s*[、.．]\s*(?:工作)?保障措施\s*$`)
	partHeading     = regexp.MustCompile(`^\s*第[一二三四五六七八九十]+部分`)
	numberedItem    = regexp.MustCompile(`^\s*(\d+)\s*[.．、]\s*(.*)$`)
	measureItem     = regexp.MustCompile(`^\s*[（(]\s*([一二三四五六七八九十]+)\s*[)）]\s*(.*)$`)
	goalField       = regexp.MustCompile(`^\s*(?:绩效目标|年度目标|目标)\s*[：:]\s*(.*)$`)
	indicatorField  = regexp.MustCompile(`^\s*(?:绩效指标|指标)\s*[：:]\s*(.*)$`)
	periodLike      = regexp.MustCompile(`^(?:\d{1,2}\s*月(?:底|末|份)?|第?[一二三四1-4]\s*季度(?:末)?|上半年|下半年|全年|年底|年末)$`)
)

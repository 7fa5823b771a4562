package rules

import (
	"strings"

	"github.com/jixiao/jixiao/normalize"
	"github.com/jixiao/jixiao/report"
)

var s108 = &Rule{
	ID:       "S108",
	Title:    "空白或占位指标行",
	Severity: Warning,
	Doc: `检查指标行是否缺少三级指标名称，三级指标或指标值是否只是占位内容：“不涉及”“无”“暂无”“/”“—”，或模板未替换的星号（如“(≥**株)”）。

为什么：占位行看似填写了指标，实际没有可考核的内容；模板星号说明表格是照模板复制后未填写。

社会成本、生态环境成本指标的指标值“无”表示没有负面影响，不算占位。

如何修改：删除不适用的指标行，或填写实际的三级指标和指标值。

示例：三级指标“苗木成活率”、指标值“(≥**株)” → 报告“指标值‘(≥**株)’是模板占位内容”。`,
	Check: func(p *Pass) {
		p.eachIndicator(func(pr *report.Project, j int, ind *report.Indicator) {
			if ind.Level3 == "" {
				p.Reportf(indicatorAt(pr, j, "level3"), "“%s”下有一行指标没有三级指标名称（指标值“%s”），应填写考核什么或删除该行", ind.Level2, valueText(ind))
				return
			}
			if isPlaceholder(ind.Level3) {
				p.Reportf(indicatorAt(pr, j, "level3"), "三级指标“%s”是占位内容，应填写具体指标或删除该行", ind.Level3)
				return
			}
			if v := valueText(ind); isPlaceholder(v) && !(isCost(ind) && !isMoneyCost(ind)) {
				p.Reportf(indicatorAt(pr, j, "value"), "指标“%s”的指标值“%s”是占位内容，应填写可考核的目标值或删除该行", ind.Level3, v)
			}
		})
	},
}

var placeholders = map[string]bool{
	"不涉及": true, "无": true, "暂无": true, "/": true, "／": true, "—": true, "——": true, "-": true,
	"--": true, "略": true, "空": true, "待定": true, "无此项": true, "不适用": true,
}

// longestPlaceholder is the length in bytes of the longest placeholder: a
// longer text, as most names and values are, is none, without the lookup.
var longestPlaceholder = func() (n int) {
	for p := range placeholders {
		n = max(n, len(p))
	}
	return n
}()

func isPlaceholder(s string) bool {
	s = normalize.TrimSpace(s)
	return len(s) <= longestPlaceholder && placeholders[s] || hasTemplateStars(s)
}

// hasTemplateStars says whether s holds one of the template's unfilled
// marks: **, ＊＊, XX or ××. One look at each byte, where four
// strings.Contains would scan s four times.
func hasTemplateStars(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		switch s[i] {
		case '*', 'X':
			if s[i+1] == s[i] {
				return true
			}
		case 0xEF: // ＊ is EF BC 8A
			if strings.HasPrefix(s[i:], "＊＊") {
				return true
			}
		case 0xC3: // × is C3 97
			if strings.HasPrefix(s[i:], "××") {
				return true
			}
		}
	}
	return false
}

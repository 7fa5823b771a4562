package rules

import (
	"strings"
	"unicode/utf8"

	"github.com/jixiao/jixiao/normalize"
	"github.com/jixiao/jixiao/report"
)

var t301 = &Rule{
	ID:       "T301",
	Title:    "名称中有多余标点或不成对的括号",
	Severity: Warning,
	Doc: `检查项目名称、项目标题和三级指标名称的开头或结尾是否有多余的标点（如开头的“]”“】”“，”），以及括号是否成对。

为什么：这类字符多是从其他文件复制或格式转换留下的残余（如“]怀财字【2025】7号”），会让项目名称与预算系统中的名称对不上。

如何修改：删去多余的字符，使名称与预算系统中的项目名称一致。

示例：项目名称“]怀财字【2025】7号 机关大楼运行经费” → 报告“项目名称开头有多余的‘]’”。`,
	Check: func(p *Pass) {
		for i := range p.Report.Projects {
			pr := &p.Report.Projects[i]
			if why := strayPunct(pr.Name); why != "" {
				p.Reportf(projectAt(pr, report.FieldName), "项目名称“%s”%s，应删去", pr.Name, why)
			} else if why := strayPunct(pr.Title); why != "" {
				p.Reportf(projectPart(pr, "title"), "项目标题“%s”%s，应删去", pr.Title, why)
			}
			for j := range pr.Indicators {
				ind := &pr.Indicators[j]
				if why := strayPunct(ind.Level3); why != "" {
					p.Reportf(indicatorAt(pr, j, "level3"), "三级指标“%s”%s，应删去", ind.Level3, why)
				}
			}
		}
	},
}

const (
	badLeading  = "]】)）}｝,，.。、;；:：!！?？》>"
	badTrailing = "[【(（{｛,，、;；《<"
)

// strayPunct says what is stray in a name, "" when nothing is: a sign that
// cannot open or close a name, or a bracket left unpaired (normalize.Clean
// is where brackets are paired).
func strayPunct(s string) string {
	s = normalize.TrimSpace(s)
	if s == "" {
		return ""
	}
	if first, _ := utf8.DecodeRuneInString(s); strings.ContainsRune(badLeading, first) {
		return "开头有多余的“" + string(first) + "”"
	}
	if last, _ := utf8.DecodeLastRuneInString(s); strings.ContainsRune(badTrailing, last) {
		return "结尾有多余的“" + string(last) + "”"
	}
	if b := normalize.StrayBracket(s); b != "" {
		return "有不成对的“" + b + "”"
	}
	return ""
}

// trimStray drops stray punctuation and spaces from both ends of a name.
func trimStray(s string) string {
	s = normalize.TrimSpace(s)
	s = strings.TrimLeft(s, badLeading+" ")
	return strings.TrimRight(s, badTrailing+" ")
}

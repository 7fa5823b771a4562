package rules

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/jixiao/jixiao/normalize"
	"github.com/jixiao/jixiao/report"
)

var y1005 = &Rule{
	ID:       "Y1005",
	Title:    "绩效目标照抄资金用途",
	Severity: Warning,
	Doc: `检查项目的绩效目标是否与资金用途相同（忽略开头的序号“1.”和结尾标点）。

为什么：资金用途说钱花在哪里，绩效目标说花了钱要达到什么效果；照抄资金用途说明没有设定目标。

如何修改：写出预期达到的产出和效果，尽量量化，如“全年保障大楼设施正常运行，维修响应时间不超过24小时，服务对象满意度达到90%以上”。

示例：资金用途“通过该项目，保障相关人员权益”，绩效目标“1.通过该项目，保障相关人员权益” → 报告“绩效目标照抄资金用途”。`,
	Check: func(p *Pass) {
		for i := range p.Report.Projects {
			pr := &p.Report.Projects[i]
			g, u := bareText(pr.Goal), bareText(pr.Purpose)
			if g == "" || g != u {
				continue
			}
			p.Reportf(projectAt(pr, report.FieldGoal), "绩效目标“%s”照抄了资金用途，应写出预期达到的产出和效果", pr.Goal)
		}
	},
}

var itemNumber = regexp.MustCompile(`^\s*(?:[0-9０-９]+[.．、)）]|[（(][0-9０-９一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)\s*`)

// itemNumberStart is every rune an itemNumber can begin with once s is
// trimmed.
const itemNumberStart = "0123456789０１２３４５６７８９（(一二三四五六七八九十"

// bareText drops a leading item number and trailing punctuation.
func bareText(s string) string {
	s = normalize.TrimSpace(s)
	// Most goals start with no number: only a first rune itemNumber can
	// begin with is worth its regexp.
	if r, _ := utf8.DecodeRuneInString(s); strings.ContainsRune(itemNumberStart, r) {
		s = itemNumber.ReplaceAllString(s, "")
	}
	return strings.TrimRight(s, "。.;；，, ")
}

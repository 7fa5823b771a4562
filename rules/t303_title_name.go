package rules

import (
	"regexp"
	"strings"

	"github.com/jixiao/jixiao/normalize"
	"github.com/jixiao/jixiao/report"
)

var t303 = &Rule{
	ID:       "T303",
	Title:    "表格标题与项目名称不一致",
	Severity: Info,
	Doc: `检查项目表格上方的标题（“N.××绩效目标表”，去掉“绩效目标表”“项目支出绩效目标申报表”等表名后）是否与信息表中的项目名称一致（忽略首尾多余标点和空格；一方包含另一方的，如标题写资金名称、项目名称括注资金名称，视为一致）。

为什么：标题和名称不一致，多是复制上一个项目的表格后只改了一处，容易把目标和项目对错。

如何修改：使标题与项目名称一致。

示例：标题“公车购置绩效目标表”，项目名称“机关大楼运行经费” → 报告“标题与项目名称不一致”。`,
	Check: func(p *Pass) {
		for i := range p.Report.Projects {
			pr := &p.Report.Projects[i]
			// A generic heading (2026年项目支出绩效目标申报表) names no project.
			title := normalize.TrimSpace(dropYear(report.TitleName(pr.Title)))
			t, n := normalize.DropSpace(trimStray(title)), normalize.DropSpace(trimStray(dropYear(pr.Name)))
			// A heading naming the fund a project's name qualifies
			// (学生资助补助经费（中等职业学校…补助资金）) agrees with it.
			if t == "" || n == "" || strings.Contains(n, t) || strings.Contains(t, n) {
				continue
			}
			p.Reportf(projectPart(pr, "title"), "表格标题“%s”与项目名称“%s”不一致，应核对是否对应同一项目", pr.Title, pr.Name)
		}
	},
}

var yearPrefix = regexp.MustCompile(`^(?:20\d{2}\s*年度?)`)

// dropYear drops the year that begins s (2026年, 2026 年度).
func dropYear(s string) string {
	if !strings.HasPrefix(s, "20") { // what yearPrefix asks first, without its cost
		return s
	}
	return yearPrefix.ReplaceAllString(s, "")
}

package output

import (
	"fmt"
	"io"
	"strings"

	docx "github.com/fumiama/go-docx"
)

// letterColumns are the columns of a letter's findings tables, one table
// per project.
var letterColumns = []string{"序号", "严重程度", "问题说明", "三级指标", "栏目", "位置", "规则"}

// letterWidths are the columns' widths in twips (1/20 pt); they add up to
// the text width of an A4 page with Word's default margins.
var letterWidths = []int64{600, 900, 3800, 1300, 900, 1100, 700}

// WriteLetter writes a department's 审核意见 as a Word document: the title,
// unit, year, date and files, a summary, the findings as one table per
// project with their places, and the rules cited. It is written with
// github.com/fumiama/go-docx (AGPL-3.0; see README, 许可).
func WriteLetter(w io.Writer, sb *SendBack) error {
	d := docx.New().WithDefaultTheme().WithA4Page()
	title := d.AddParagraph().Justification("center")
	title.AddText("预算绩效目标审核意见").Bold().Size("36")
	unit := strings.TrimSpace(sb.DepartmentCode + " " + sb.DepartmentName)
	for _, kv := range [][2]string{
		{"单位", unit},
		{"年度", strings.TrimSuffix(letterYear(sb.Year), "度")},
		{"审核日期", sb.Date.Format("2006年1月2日")},
		{"文件", strings.Join(sb.Files, "；")},
	} {
		p := d.AddParagraph()
		p.AddText(kv[0] + "：").Bold()
		p.AddText(kv[1])
	}
	rows := sb.Rows()
	groups := groupByProject(rows)
	d.AddParagraph().AddText(fmt.Sprintf("经审核，贵单位报送的%s预算绩效目标表共有审核发现 %d 条（%s），涉及 %d 个项目。"+
		"“错误”须修改后重新报送，“警告”请核实并修改，“提示”供参考。各条所在位置见下表，所引规则的说明附后。",
		letterYear(sb.Year), len(rows), strings.TrimSuffix(strings.SplitN(sb.CountLine(), "，共", 2)[0], "，"), len(groups)))
	for i, g := range groups {
		d.AddParagraph().AddText(fmt.Sprintf("%s、%s（%d 条）", chineseOrdinal(i+1), g.title, len(g.rows))).Bold()
		t := d.AddTableTwips(make([]int64, len(g.rows)+1), letterWidths, 0, nil)
		for c, h := range letterColumns {
			cell := t.TableRows[0].TableCells[c]
			cell.Shade("clear", "auto", "DDEBF7")
			cell.AddParagraph().AddText(h).Bold()
		}
		for r, row := range g.rows {
			// sendBackColumns: project_code, project_name, severity, rule,
			// message, indicator, indicator_name, field, location, file.
			vals := []string{fmt.Sprint(r + 1), cellText(row[2]), cellText(row[4]), cellText(row[6]), cellText(row[7]), cellText(row[8]), cellText(row[3])}
			for c, v := range vals {
				t.TableRows[r+1].TableCells[c].AddParagraph().AddText(v)
			}
		}
	}
	if len(sb.Rules.Rows) > 0 {
		d.AddParagraph().AddText("附：所引审核规则").Bold()
		for _, r := range sb.Rules.Rows {
			p := d.AddParagraph()
			p.AddText(fmt.Sprintf("%s %s：", cellText(r[0]), cellText(r[1]))).Bold()
			p.AddText(firstParagraph(cellText(r[2])))
		}
	}
	_, err := d.WriteTo(w)
	return err
}

type projectGroup struct {
	title string
	rows  [][]any
}

// groupByProject groups findings rows (sendBackColumns) by project, in
// the order projects first appear; findings on no project form 报告整体.
func groupByProject(rows [][]any) []projectGroup {
	var out []projectGroup
	index := map[string]int{}
	for _, r := range rows {
		code, name := cellText(r[0]), cellText(r[1])
		key := code + "\x00" + name
		i, ok := index[key]
		if !ok {
			title := strings.TrimSpace(code + " " + name)
			if title == "" {
				title = "报告整体"
			}
			i = len(out)
			index[key] = i
			out = append(out, projectGroup{title: title})
		}
		out[i].rows = append(out[i].rows, r)
	}
	return out
}

// firstParagraph is a rule's documentation up to its first blank line:
// what it checks.
func firstParagraph(s string) string {
	p, _, _ := strings.Cut(strings.TrimSpace(s), "\n\n")
	return p
}

// letterYear is the year as the letter says it: 2025年度.
func letterYear(y int) string {
	if y == 0 {
		return "年度未知的"
	}
	return fmt.Sprintf("%d年度", y)
}

// chineseOrdinal numbers the project headings 一、二、… as Chinese
// documents do, in digits past 99.
func chineseOrdinal(n int) string {
	digits := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n < 10:
		return digits[n]
	case n < 20:
		return "十" + digits[n-10]
	case n < 100:
		return digits[n/10] + "十" + digits[n%10]
	}
	return fmt.Sprint(n)
}

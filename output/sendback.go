package output

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/rivo/uniseg"
	"github.com/xuri/excelize/v2"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/report"
)

// FieldName is a finding's field as the forms label it (budget → 预算数);
// a name it does not know stays as it is.
func FieldName(f string) string {
	if n := report.FieldLabel(f); n != "" {
		return n
	}
	return f
}

// SendBack is what goes back to one department: its findings for a year
// and the rules they cite.
type SendBack struct {
	DepartmentCode, DepartmentName string
	Year                           int
	Date                           time.Time     // the review date
	Files                          []string      // the files reviewed, by name, with 另有 PDF 版本 where so
	Findings                       *corpus.Table // as corpus.Store.Issues returns them
	Rules                          *corpus.Table // the rules cited: 规则, 标题, 说明
}

// Counts counts the findings by Chinese severity name (错误, 警告, 提示).
func (sb *SendBack) Counts() map[string]int {
	m := map[string]int{}
	col := column(sb.Findings, "severity")
	for _, r := range sb.Findings.Rows {
		if s, ok := r[col].(string); ok {
			m[corpus.SeverityName(s)]++
		}
	}
	return m
}

// CountLine is the counts as the title block and the letter say them.
func (sb *SendBack) CountLine() string {
	c := sb.Counts()
	return fmt.Sprintf("错误 %d 条，警告 %d 条，提示 %d 条，共 %d 条", c["错误"], c["警告"], c["提示"], len(sb.Findings.Rows))
}

func column(t *corpus.Table, key string) int {
	for i, c := range t.Columns {
		if c.Key == key {
			return i
		}
	}
	return -1
}

// sendBackColumns are the findings' columns a department reads, in order;
// the department is in the title, the file is named by its base name.
var sendBackColumns = []corpus.Column{
	{Key: "project_code", Title: "项目编码"}, {Key: "project_name", Title: "项目名称"}, {Key: "severity", Title: "严重程度"},
	{Key: "rule", Title: "规则"}, {Key: "message", Title: "问题说明"}, {Key: "indicator", Title: "指标序号"},
	{Key: "indicator_name", Title: "三级指标"}, {Key: "field", Title: "栏目"}, {Key: "location", Title: "位置"}, {Key: "file", Title: "文件"},
}

// Rows are the findings as the department reads them: sendBackColumns,
// fields in Chinese, files by name.
func (sb *SendBack) Rows() [][]any {
	idx := make([]int, len(sendBackColumns))
	for i, c := range sendBackColumns {
		idx[i] = column(sb.Findings, c.Key)
	}
	out := make([][]any, 0, len(sb.Findings.Rows))
	for _, r := range sb.Findings.Rows {
		row := make([]any, len(idx))
		for i, j := range idx {
			if j < 0 {
				continue
			}
			row[i] = r[j]
			switch s, _ := r[j].(string); sendBackColumns[i].Key {
			case "field":
				row[i] = FieldName(s)
			case "file":
				row[i] = corpus.BaseName(s)
			case "severity":
				row[i] = corpus.SeverityName(s)
			}
		}
		out = append(out, row)
	}
	return out
}

// The send-back workbook's layout: the title block, then the header row.
const (
	sendBackSheet     = "审核发现"
	sendBackRulesName = "规则说明"
	sendBackHeaderRow = 7
)

// WriteSendBackXLSX writes the workbook a clerk mails to the department
// as it is: a title block (单位, 年度, 审核日期, files, counts by
// severity), the findings with a frozen, filtered header row in wrapped
// text, printed A4 landscape fitted to the page width with the header row
// repeated on every page, and the rules cited on their own sheet.
func WriteSendBackXLSX(w io.Writer, sb *SendBack) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sendBackSheet); err != nil {
		return err
	}
	styles, err := newSendBackStyles(f)
	if err != nil {
		return err
	}
	rows := sb.Rows()
	last, _ := excelize.ColumnNumberToName(len(sendBackColumns))
	title := [][2]string{
		{"单位", strings.TrimSpace(sb.DepartmentCode + " " + sb.DepartmentName)},
		{"年度", yearText(sb.Year)},
		{"审核日期", sb.Date.Format("2006年1月2日")},
		{"文件", strings.Join(sb.Files, "；")},
		{"审核发现", sb.CountLine()},
	}
	set := func(cell string, v any, style int) error {
		if err := f.SetCellValue(sendBackSheet, cell, v); err != nil {
			return err
		}
		return f.SetCellStyle(sendBackSheet, cell, cell, style)
	}
	if err := set("A1", "预算绩效目标审核意见", styles.title); err != nil {
		return err
	}
	if err := f.MergeCell(sendBackSheet, "A1", last+"1"); err != nil {
		return err
	}
	for i, kv := range title {
		r := i + 2
		if err := set(fmt.Sprintf("A%d", r), kv[0], styles.label); err != nil {
			return err
		}
		if err := set(fmt.Sprintf("B%d", r), kv[1], styles.wrap); err != nil {
			return err
		}
		if err := f.MergeCell(sendBackSheet, fmt.Sprintf("B%d", r), fmt.Sprintf("%s%d", last, r)); err != nil {
			return err
		}
	}
	widths := make([]int, len(sendBackColumns))
	for i, c := range sendBackColumns {
		cell, _ := excelize.CoordinatesToCellName(i+1, sendBackHeaderRow)
		if err := set(cell, c.Title, styles.header); err != nil {
			return err
		}
		widths[i] = uniseg.StringWidth(c.Title)
	}
	for r, row := range rows {
		for i, v := range row {
			cell, _ := excelize.CoordinatesToCellName(i+1, sendBackHeaderRow+1+r)
			if err := set(cell, v, styles.wrap); err != nil {
				return err
			}
			widths[i] = max(widths[i], uniseg.StringWidth(cellText(v)))
		}
	}
	for i, wd := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		// Wide enough for the text, at most 50 characters: longer text wraps.
		if err := f.SetColWidth(sendBackSheet, col, col, float64(min(max(wd, 8), 50)+2)); err != nil {
			return err
		}
	}
	if err := f.SetPanes(sendBackSheet, &excelize.Panes{Freeze: true, YSplit: sendBackHeaderRow,
		TopLeftCell: fmt.Sprintf("A%d", sendBackHeaderRow+1), ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if err := f.AutoFilter(sendBackSheet, fmt.Sprintf("A%d:%s%d", sendBackHeaderRow, last, sendBackHeaderRow+max(len(rows), 1)), nil); err != nil {
		return err
	}
	if err := printSetup(f, sendBackSheet, fmt.Sprintf("$%d:$%d", sendBackHeaderRow, sendBackHeaderRow)); err != nil {
		return err
	}
	if err := writeRulesSheet(f, sb.Rules, styles); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

type sendBackStyles struct{ title, label, header, wrap int }

func newSendBackStyles(f *excelize.File) (*sendBackStyles, error) {
	var s sendBackStyles
	var err error
	border := []excelize.Border{{Type: "left", Style: 1, Color: "999999"}, {Type: "right", Style: 1, Color: "999999"},
		{Type: "top", Style: 1, Color: "999999"}, {Type: "bottom", Style: 1, Color: "999999"}}
	for _, x := range []struct {
		dst   *int
		style *excelize.Style
	}{
		{&s.title, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 16}, Alignment: &excelize.Alignment{Horizontal: "center"}}},
		{&s.label, &excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{Vertical: "top"}}},
		{&s.header, &excelize.Style{Font: &excelize.Font{Bold: true}, Border: border,
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "center", Horizontal: "center"}}},
		{&s.wrap, &excelize.Style{Border: border, NumFmt: 49, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
	} {
		if *x.dst, err = f.NewStyle(x.style); err != nil {
			return nil, err
		}
	}
	return &s, nil
}

// printSetup prints sheet on A4 landscape, fitted to one page wide and
// as many pages tall as it takes, repeating titleRows on every page.
func printSetup(f *excelize.File, sheet, titleRows string) error {
	a4, landscape, one, tall := 9, "landscape", 1, 0
	yes := true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &yes}); err != nil {
		return err
	}
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape,
		FitToWidth: &one, FitToHeight: &tall}); err != nil {
		return err
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles",
		RefersTo: fmt.Sprintf("'%s'!%s", sheet, titleRows), Scope: sheet})
}

func writeRulesSheet(f *excelize.File, rules *corpus.Table, s *sendBackStyles) error {
	if _, err := f.NewSheet(sendBackRulesName); err != nil {
		return err
	}
	for i, c := range rules.Columns {
		cell, _ := excelize.CoordinatesToCellName(i+1, 1)
		if err := f.SetCellValue(sendBackRulesName, cell, c.Title); err != nil {
			return err
		}
		if err := f.SetCellStyle(sendBackRulesName, cell, cell, s.header); err != nil {
			return err
		}
	}
	for r, row := range rules.Rows {
		for i, v := range row {
			cell, _ := excelize.CoordinatesToCellName(i+1, r+2)
			if err := f.SetCellValue(sendBackRulesName, cell, v); err != nil {
				return err
			}
			if err := f.SetCellStyle(sendBackRulesName, cell, cell, s.wrap); err != nil {
				return err
			}
		}
	}
	for i, wd := range []float64{10, 28, 100} {
		if i < len(rules.Columns) {
			col, _ := excelize.ColumnNumberToName(i + 1)
			if err := f.SetColWidth(sendBackRulesName, col, col, wd); err != nil {
				return err
			}
		}
	}
	if err := f.SetPanes(sendBackRulesName, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	return printSetup(f, sendBackRulesName, "$1:$1")
}

func yearText(y int) string {
	if y == 0 {
		return "未知"
	}
	return fmt.Sprintf("%d年", y)
}

package main

import (
	"archive/zip"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/jixiao/jixiao/extract"
	_ "github.com/jixiao/jixiao/extract/formats"
)

// TestIssuesPerDepartment ingests the seed report as .docx and .pdf and
// writes the send-back workbook and letter: one line of output with the
// total; the workbook's title block, Chinese fields, file names without
// folders, wrap, frozen and filtered header, A4 landscape fit to width with
// the header repeated, and the rules cited on their own sheet; the letter
// read back with our own reader, its tables holding the findings.
func TestIssuesPerDepartment(t *testing.T) {
	needFTS5(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "j.db")
	abs, _ := filepath.Abs(filepath.Join("..", "..", "testdata", "seed"))
	runCmd("ingest", "--db", db, filepath.Join(abs, "seed.docx"), filepath.Join(abs, "seed.pdf"))
	out := filepath.Join(dir, "发回")
	status, stdout, stderr := runCmd("issues", "--db", db, "--per-department", out, "--letter")
	if status != 0 {
		t.Fatalf("status %d: %s", status, stderr)
	}
	if strings.Count(stdout, "\n") != 1 || !strings.Contains(stdout, "1 个部门的审核意见（2 个文件）") {
		t.Errorf("output %q, want one line with the total", stdout)
	}
	_, csvOut, _ := runCmd("issues", "--db", db, "--format", "csv")
	findings := strings.Count(strings.TrimSpace(csvOut), "\n") // rows below the header
	stem := filepath.Join(out, "430001-怀来县机关事务服务中心-2025-审核意见")
	f, err := excelize.OpenFile(stem + ".xlsx")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := f.GetSheetName(0)
	cell := func(c string) string { v, _ := f.GetCellValue(sheet, c); return v }
	if cell("A1") != "预算绩效目标审核意见" || cell("B2") != "430001 怀来县机关事务服务中心" || cell("B3") != "2025年" ||
		!strings.HasSuffix(cell("B4"), "日") || cell("B5") != "seed.docx（另有 PDF 版本）" || !strings.HasPrefix(cell("B6"), "错误 ") {
		t.Errorf("title block: %q %q %q %q %q %q", cell("A1"), cell("B2"), cell("B3"), cell("B4"), cell("B5"), cell("B6"))
	}
	rows, _ := f.GetRows(sheet)
	if len(rows) != 7+findings {
		t.Fatalf("%d rows, want the title block, the header and %d findings", len(rows), findings)
	}
	head := rows[6]
	if strings.Join(head, ",") != "项目编码,项目名称,严重程度,规则,问题说明,指标序号,三级指标,栏目,位置,文件" {
		t.Errorf("header %v", head)
	}
	english := map[string]bool{"budget": true, "goal": true, "value": true, "basis": true, "description": true, "indicators": true}
	for _, r := range rows[7:] {
		if len(r) < 10 || english[r[7]] || r[9] != "seed.docx" || strings.ContainsAny(r[4], `/\`) && strings.Contains(r[4], abs) {
			t.Errorf("row %q: field in English, or a path", r)
			break
		}
	}
	if rows[7][2] != "警告" && rows[7][2] != "错误" && rows[7][2] != "提示" {
		t.Errorf("severity %q not in Chinese", rows[7][2])
	}
	if xml := sheetXML(t, stem+".xlsx", "xl/worksheets/sheet1.xml"); !strings.Contains(xml, `<autoFilter ref="$A$7:$J$`+strconv.Itoa(7+findings)+`"`) {
		t.Errorf("no autofilter on the header row A7:J%d", 7+findings)
	}
	panes, _ := f.GetPanes(sheet)
	if !panes.Freeze || panes.YSplit != 7 {
		t.Errorf("panes %+v, want frozen below row 7", panes)
	}
	layout, err := f.GetPageLayout(sheet)
	if err != nil || layout.Size == nil || *layout.Size != 9 || layout.Orientation == nil || *layout.Orientation != "landscape" ||
		layout.FitToWidth == nil || *layout.FitToWidth != 1 || layout.FitToHeight == nil || *layout.FitToHeight != 0 {
		t.Errorf("page layout %+v %v, want A4 (9) landscape, 1 page wide", layout, err)
	}
	if props, _ := f.GetSheetProps(sheet); props.FitToPage == nil || !*props.FitToPage {
		t.Error("sheet not fitted to the page")
	}
	titles := false
	for _, n := range f.GetDefinedName() {
		titles = titles || n.Name == "_xlnm.Print_Titles" && n.Scope == sheet && strings.HasSuffix(n.RefersTo, "!$7:$7")
	}
	if !titles {
		t.Errorf("no repeated header row: defined names %+v", f.GetDefinedName())
	}
	style, _ := f.GetCellStyle(sheet, "E8")
	if s, err := f.GetStyle(style); err != nil || s.Alignment == nil || !s.Alignment.WrapText {
		t.Errorf("message cell not wrapped: %+v %v", s, err)
	}
	ruleRows, _ := f.GetRows("规则说明")
	cited := map[string]bool{}
	for _, r := range rows[7:] {
		cited[r[3]] = true
	}
	if len(ruleRows) != len(cited)+1 || ruleRows[0][0] != "规则" {
		t.Errorf("规则说明: %d rows for %d rules cited", len(ruleRows), len(cited))
	}
	for _, r := range ruleRows[1:] {
		if !cited[r[0]] || len(r) < 3 || r[2] == "" {
			t.Errorf("rule row %v: not cited or without documentation", r)
		}
	}

	// The letter, read back with our own .docx reader.
	doc, err := extract.Open(stem + ".docx")
	if err != nil {
		t.Fatal(err)
	}
	var paras []string
	var tables []*extract.Table
	for _, b := range doc.Blocks {
		if b.Para != nil {
			paras = append(paras, b.Para.Text)
		}
		if b.Table != nil {
			tables = append(tables, b.Table)
		}
	}
	text := strings.Join(paras, "\n")
	for _, want := range []string{"预算绩效目标审核意见", "单位：430001 怀来县机关事务服务中心", "年度：2025年", "文件：seed.docx（另有 PDF 版本）",
		"审核发现 " + strconv.Itoa(findings) + " 条", "附：所引审核规则"} {
		if !strings.Contains(text, want) {
			t.Errorf("letter lacks %q:\n%s", want, text)
		}
	}
	var got [][]string
	for _, tb := range tables {
		if tb.Grid[0][2].Text != "问题说明" {
			t.Errorf("table header %q", tb.Grid[0][2].Text)
		}
		for r := 1; r < tb.Rows; r++ {
			got = append(got, []string{tb.Grid[r][1].Text, tb.Grid[r][2].Text, tb.Grid[r][5].Text, tb.Grid[r][6].Text})
		}
	}
	// The workbook's findings in order: severity, message, place, rule.
	if len(got) != findings {
		t.Fatalf("letter tables hold %d findings, want %d", len(got), findings)
	}
	for i, r := range rows[7:] {
		want := []string{r[2], r[4], r[8], r[3]}
		if strings.Join(got[i], "|") != strings.Join(want, "|") {
			t.Errorf("letter row %d = %q, workbook %q", i+1, got[i], want)
		}
	}
}

// sheetXML returns a part of an .xlsx as text.
func sheetXML(t *testing.T, path, part string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name == part {
			r, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			b, err := io.ReadAll(r)
			if err != nil {
				t.Fatal(err)
			}
			return string(b)
		}
	}
	t.Fatalf("%s has no %s", path, part)
	return ""
}

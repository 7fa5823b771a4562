package report_test

import (
	"errors"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/extract"
	_ "github.com/jixiao/jixiao/extract/formats"
	"github.com/jixiao/jixiao/report"
)

var tableNo int

// grid builds a table from rows of cells: "<" widens the cell on its left,
// "^" continues the cell above (a vertical merge).
func grid(rows ...[]string) *extract.Table {
	var raw []extract.RawRow
	for _, row := range rows {
		var rr extract.RawRow
		for _, c := range row {
			switch c {
			case "<":
				rr.Cells[len(rr.Cells)-1].Span++
			case "^":
				rr.Cells = append(rr.Cells, extract.RawCell{Span: 1, VMerge: extract.MergeContinue})
			default:
				rr.Cells = append(rr.Cells, extract.RawCell{Span: 1, VMerge: extract.MergeRestart, Blocks: []extract.Block{{Para: &extract.Paragraph{Text: c}}}})
			}
		}
		raw = append(raw, rr)
	}
	t := extract.BuildTable(raw)
	tableNo++
	t.Pos.Table = tableNo
	for _, c := range t.Cells {
		c.Pos = extract.Pos{Table: tableNo, Row: c.Row, Col: c.Col}
	}
	return t
}

func para(s string) extract.Block { return extract.Block{Para: &extract.Paragraph{Text: s}} }
func tab(t *extract.Table) extract.Block {
	return extract.Block{Table: t}
}

func read(t *testing.T, blocks ...extract.Block) *report.Report {
	t.Helper()
	rep, err := report.Read(&extract.Document{Path: "v.docx", Format: extract.DOCX, Blocks: blocks})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// TestVariants reads a report in a layout unlike the seed's: labels and
// values in one cell, synonyms, the plan as period/value pairs, blank
// level-1 cells meaning "as above", a weight column, an extra column and a
// total row.
func TestVariants(t *testing.T) {
	rep := read(t,
		para("（一）2026年社区养老服务补助项目绩效目标申报表"),
		para("单位名称：201003 某某县民政局　　金额单位：元"),
		tab(grid(
			[]string{"项目编码：13073026P00012345678X", "<", "项目名称：社区养老服务补助", "<"},
			[]string{"资金情况", "年度资金总额", "120000", "其中：财政拨款", "100000", "其他资金", "20000"},
			[]string{"资金用途", "补助社区养老服务站运营", "<", "<", "<", "<", "<"},
			[]string{"资金支出进度计划（%）", "一季度", "20%", "上半年", "50%", "全年", "100%"},
			[]string{"年度目标", "运营养老服务站 12 个", "<", "<", "<", "<", "<"},
		)),
		tab(grid(
			[]string{"一级指标", "二级指标", "三级指标", "指标解释", "目标值", "权重", "指标值设定依据及数据来源"},
			[]string{"产出指标", "数量指标", "服务站数量", "运营的服务站", "≥12个", "30", "计划标准"},
			[]string{"", "质量指标", "服务合格率", "", "≥95%", "30", "行业标准"},
			[]string{"满意度指标", "服务对象满意度指标", "老人满意度", "", "90%以上", "40", "历史标准"},
			[]string{"合计", "", "", "", "", "100", ""},
		)),
	)
	if len(rep.Projects) != 1 {
		t.Fatalf("%d projects", len(rep.Projects))
	}
	p := rep.Projects[0]
	checks := []struct{ field, got, want string }{
		{"title", p.Title, "（一）2026年社区养老服务补助项目绩效目标申报表"},
		{"department", p.DepartmentCode + " " + p.DepartmentName, "201003 某某县民政局"},
		{"amount unit", p.AmountUnit, "元"},
		{"code", p.Code, "13073026P00012345678X"},
		{"name", p.Name, "社区养老服务补助"},
		{"budget", p.Budget.Total + "/" + p.Budget.Fiscal + "/" + p.Budget.Other, "120000/100000/20000"},
		{"purpose", p.Purpose, "补助社区养老服务站运营"},
		{"goal", p.GoalLabel + ":" + p.Goal, "年度目标:运营养老服务站 12 个"},
		{"layout", string(rep.Layout), "hebei"},
		{"year", strconv.Itoa(rep.Year), "2026"},
	}
	var plan []string
	for _, c := range p.SpendingPlan {
		plan = append(plan, c.Period+"="+c.Value)
	}
	checks = append(checks, struct{ field, got, want string }{"plan", strings.Join(plan, " "), "一季度=20% 上半年=50% 全年=100%"})
	var inds []string
	for _, in := range p.Indicators {
		inds = append(inds, strings.Join([]string{in.Level1, in.Level2, in.Level3, in.Value, in.Weight, in.Basis, in.Extra["指标解释"]}, "|"))
	}
	checks = append(checks, struct{ field, got, want string }{"indicators", strings.Join(inds, "\n"),
		"产出指标|数量指标|服务站数量|≥12个|30|计划标准|运营的服务站\n产出指标|质量指标|服务合格率|≥95%|30|行业标准|\n满意度指标|服务对象满意度指标|老人满意度|90%以上|40|历史标准|"})
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
		}
	}
	if at := p.At[report.KeyOf(report.FieldTotal)]; at.Row != 2 || at.Col != 3 {
		t.Errorf("budget.total read at %+v, want row 2 col 3", at)
	}
}

// TestProjectsWithoutHeadings: each info table with a 项目编码 starts a
// project when there is no heading to say so.
func TestProjectsWithoutHeadings(t *testing.T) {
	info := func(code, name string) extract.Block {
		return tab(grid([]string{"项目编码", code, "项目名称", name}, []string{"预算数", "10", "其中：财政资金", "10"}))
	}
	rep := read(t, info("13073025P000000000001", "甲"), info("13073025P000000000002", "乙"))
	if len(rep.Projects) != 2 || rep.Projects[1].Name != "乙" || rep.Projects[1].Seq != 2 {
		t.Errorf("projects %+v", rep.Projects)
	}
}

// TestPlanValuesUnderPeriods: a two-row plan keeps blanks, each value under
// its own period even when the columns are merged differently.
func TestPlanValuesUnderPeriods(t *testing.T) {
	rep := read(t, para("1.甲项目绩效目标表"), tab(grid(
		[]string{"项目编码", "13073025P000000000001", "<", "项目名称", "甲"},
		[]string{"资金支出计划（%）", "3月底", "6月底", "10月底", "12月底"},
		[]string{"^", "", "30%", "", "100%"},
	)))
	var plan []string
	for _, c := range rep.Projects[0].SpendingPlan {
		plan = append(plan, c.Period+"="+c.Value)
	}
	if got := strings.Join(plan, " "); got != "3月底= 6月底=30% 10月底= 12月底=100%" {
		t.Errorf("plan %q", got)
	}
}

// TestMinistryTemplate reads the layout of the Ministry of Finance's
// 项目支出绩效目标申报表: the department in the table, medium-term and annual
// amounts side by side, and the annual goal under its column header.
func TestMinistryTemplate(t *testing.T) {
	rep := read(t,
		para("2026年项目支出绩效目标申报表"),
		tab(grid(
			[]string{"项目名称", "社区养老服务补助", "<", "<", "<"},
			[]string{"主管部门及代码", "[201]某某县民政局", "<", "实施单位", "某某县养老服务中心"},
			[]string{"项目编码", "13073026P00012345678X", "<", "<", "<"},
			[]string{"项目资金（万元）", "中期资金总额：", "500", "年度资金总额：", "120"},
			[]string{"^", "其中：财政拨款", "400", "其中：财政拨款", "100"},
			[]string{"^", "其他资金", "100", "其他资金", "20"},
			[]string{"总体目标", "中期目标", "<", "年度目标", "<"},
			[]string{"^", "三年内覆盖全县", "<", "运营养老服务站 12 个", "<"},
		)),
	)
	p := rep.Projects[0]
	got := strings.Join([]string{p.DepartmentCode, p.DepartmentName, p.Code, p.Budget.Total, p.Budget.Fiscal, p.Budget.Other, p.Goal}, "|")
	want := "201|某某县民政局|13073026P00012345678X|120|100|20|运营养老服务站 12 个"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// nest puts tables into one cell of a frame table, with paragraphs between
// them, the way some templates wrap a whole report.
func nest(blocks ...extract.Block) *extract.Table {
	t := extract.BuildTable([]extract.RawRow{{Cells: []extract.RawCell{{Span: 1, Blocks: blocks}}}})
	tableNo++
	t.Pos.Table = tableNo
	return t
}

// TestNestedTables: a report inside a one-cell frame reads as if the frame
// were not there, and an indicator table nested in a cell of the info
// table is read too.
func TestNestedTables(t *testing.T) {
	info := grid(
		[]string{"项目编码", "13073025P000000000001", "项目名称", "甲"},
		[]string{"预算数", "10", "其中：财政资金", "10"},
		[]string{"绩效指标", "<", "<", "<"},
	)
	indicators := grid(
		[]string{"一级指标", "二级指标", "三级指标", "指标值"},
		[]string{"产出指标", "数量指标", "数量", "≥5辆"},
	)
	// The indicator table sits in the 绩效指标 row's cell.
	cell := info.At(3, 1)
	cell.Blocks = append(cell.Blocks, extract.Block{Table: indicators})
	rep := read(t, tab(nest(para("1.甲项目绩效目标表"), tab(info), para("2.乙项目绩效目标表"),
		tab(grid([]string{"项目编码", "13073025P000000000002", "项目名称", "乙"})))))
	var got []string
	for _, p := range rep.Projects {
		got = append(got, p.Title+":"+p.Code+":"+p.Name)
		for _, in := range p.Indicators {
			got = append(got, in.Level3+"="+in.Value)
		}
	}
	if want := "甲项目绩效目标表:13073025P000000000001:甲 数量=≥5辆 乙项目绩效目标表:13073025P000000000002:乙"; strings.Join(got, " ") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, " "), want)
	}
}

// TestChromiumPDF reads a report printed to PDF by Chromium from
// testdata/producers/chromium.html: another producer than LibreOffice, whose
// ToUnicode maps write Kangxi radicals (⼀, ⽬) for the ideographs drawn.
func TestChromiumPDF(t *testing.T) {
	rep := readFile(t, filepath.Join("..", "testdata", "producers", "chromium.pdf"))
	if len(rep.Projects) != 1 {
		t.Fatalf("%d projects", len(rep.Projects))
	}
	p := rep.Projects[0]
	var inds []string
	for _, in := range p.Indicators {
		inds = append(inds, in.Level1+"/"+in.Level2+"/"+in.Level3+"="+in.Value)
	}
	var plan []string
	for _, c := range p.SpendingPlan {
		plan = append(plan, c.Period+"="+c.Value)
	}
	got := strings.Join([]string{rep.Department.Code, rep.Department.Name, p.Title, p.Code, p.Name,
		p.Budget.Total + "/" + p.Budget.Fiscal + "/" + p.Budget.Other, strings.Join(plan, " "), p.Goal, strings.Join(inds, " ")}, "\n")
	want := strings.Join([]string{"430001", "怀来县机关事务服务中心", "机关大楼运行经费绩效目标表", "13073025P000895100013", "机关大楼运行经费",
		"600.00/600.00/", "3月底=24% 6月底=50% 10月底=75% 12月底=100%", "1.通过开展机关大楼运行经费项目，保障政府大楼内外正常运行",
		"产出指标/数量指标/大楼设施维修维护率=≥90百分比 产出指标/成本指标/项目费用=小于预算 满意度指标/服务对象满意度指标/服务满意度=≥90%"}, "\n")
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if !strings.HasPrefix(rep.OverallGoal, "加强党对机关事务工作的集中统一领导") {
		t.Errorf("overall goal %q", rep.OverallGoal)
	}
}

// TestTableNotFound: a project whose table labels stand in running text (a
// PDF table drawn without rules) is refused, not read as a project with
// every field missing.
func TestTableNotFound(t *testing.T) {
	_, err := report.Read(&extract.Document{Path: "b.pdf", Blocks: []extract.Block{
		para("1.机关大楼运行经费绩效目标表"),
		para("项目编码    13073025P000895100013    项目名称    机关大楼运行经费"),
		para("一级指标    二级指标    三级指标    指标值"),
	}})
	if !errors.Is(err, report.ErrTableNotFound) {
		t.Fatalf("error %v, want ErrTableNotFound", err)
	}
	if _, err := report.Read(mustOpen(t, filepath.Join("..", "testdata", "bad", "borderless-table.pdf"))); !errors.Is(err, report.ErrTableNotFound) {
		t.Errorf("borderless-table.pdf: %v, want ErrTableNotFound", err)
	}
}

func mustOpen(t *testing.T, path string) *extract.Document {
	t.Helper()
	doc, err := extract.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestNameFromHeading: a form with no 项目名称 label is named by its
// heading without its number and form kind; a heading of a year and a
// form kind names none.
func TestNameFromHeading(t *testing.T) {
	form := func() extract.Block {
		return tab(grid(
			[]string{"绩效目标", "保障困难群众基本生活", "<"},
			[]string{"一级指标", "三级指标", "指标值"},
			[]string{"产出指标", "救助覆盖率", "100%"},
		))
	}
	for heading, want := range map[string]string{
		"1、某财社〔2024〕12号困难群众救助补助资金绩效目标表": "某财社〔2024〕12号困难群众救助补助资金",
		"2024年项目支出绩效目标申报表":              "",
	} {
		rep := read(t, para(heading), form())
		if len(rep.Projects) != 1 || rep.Projects[0].Name != want {
			t.Errorf("%s: projects %+v, want one named %q", heading, rep.Projects, want)
		}
	}
}

// TestWrappedTitle: a title a PDF wrapped onto two lines still starts the
// form, and the lines under it (预算单位, 金额单位) are the form's.
func TestWrappedTitle(t *testing.T) {
	rep := read(t,
		para("2024年某某镇污水管网改造项目支出绩效目标"),
		para("审批表"),
		para("预算单位：某某镇人民政府"),
		para("金额单位：万元"),
		tab(grid(
			[]string{"项目名称", "某某镇污水管网改造项目", "<"},
			[]string{"一级指标", "三级指标", "指标值"},
			[]string{"产出指标", "改造管网长度", "≥3公里"},
		)),
	)
	if len(rep.Projects) != 1 {
		t.Fatalf("%d projects", len(rep.Projects))
	}
	p := rep.Projects[0]
	got := strings.Join([]string{p.Title, p.DepartmentName, p.AmountUnit, strconv.Itoa(rep.Year)}, "|")
	if want := "2024年某某镇污水管网改造项目支出绩效目标审批表|某某镇人民政府|万元|2024"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

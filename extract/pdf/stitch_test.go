package pdf

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/extract"
)

// TestPDFPageCut reads tables that a page break cuts, printed by
// LibreOffice (testdata/producers/page-cut*.pdf, see testdata/README.md)
// and drawn here, and checks the rows on either side of the break: apart
// when the break falls between whole rows, one row when it cut a row in
// two. Rows are given from column 2 on: column 1 holds the 一级指标, a cell
// merged down across the break whose empty part on the new page the report
// reader fills in.
func TestPDFPageCut(t *testing.T) {
	// Columns 65 pt wide: four Han characters at 10.5 pt leave a little
	// more than one character's room, as 12 pt text does in the 72 pt
	// columns of the LibreOffice files.
	xs := []float64{84, 149, 214, 279}
	// shortCells ends a page with a header and a row whose third cell has
	// two lines and the others one.
	shortCells := func() *pdfDraw {
		return (&pdfDraw{}).grid(xs, []float64{700, 680, 648}).
			row(xs, 686, "一级指标", "二级指标", "指标值").
			row(xs, 666, "产出指标", "数量指标", "反映培训人").
			row(xs, 652, "", "", "次的情况")
	}
	// rest starts a page with text, the rest of the third cell of the row
	// that the break cut, and ends the table with a row of its own.
	rest := func(text string) *pdfDraw {
		return (&pdfDraw{}).grid(xs, []float64{740, 726, 706}).
			row(xs, 730, "", "", text).
			row(xs, 712, "成本指标", "经济成本", "≤10万元")
	}
	for _, tc := range []struct {
		name  string
		file  string     // a file in ../../testdata/producers, or
		pages []*pdfDraw // pages drawn here
		table int        // the table to look at, 1-based
		rows  int        // its rows
		want  map[int]string
	}{
		{
			name:  "LibreOffice 12 pt, the break between whole rows",
			file:  "page-cut-12pt.pdf",
			table: 2, rows: 7,
			want: map[int]string{
				2: "数量指标 | 培训人次 | 培训人次 | 不少于1178人次 | 计划标准",
				3: "质量指标 | 资料归档合格率 | 资料归档合格率 | 不低于95% | 计划标准",
				4: "时效指标 | 保障水电及时供应 | 保障水电及时供应 | ≥90百分比 | 保障水电及时供应",
			},
		},
		{
			name:  "LibreOffice 12 pt, a description cut by the break",
			file:  "page-cut-split-12pt.pdf",
			table: 2, rows: 7,
			want: map[int]string{
				2: "数量指标 | 培训人次 | 培训人次 | 不少于1178人次 | 计划标准",
				3: "质量指标 | 资料归档合格率 | 反映培训资料的归档情况：培训通知、签到表、课件、照片和考核结果在培训结束后十个工作日内" +
					"整理成册，由专人按年度装订归档，归档资料齐全、内容真实、编号连续，可随时查阅 | 不低于95% | 计划标准",
				4: "时效指标 | 保障水电及时供应 | 保障水电及时供应 | ≥90百分比 | 保障水电及时供应",
			},
		},
		{
			// Every cell of the second row sits under a full line, but a
			// line of Han characters would have fitted under 数量指标.
			name: "whole rows, the short cells of the first leave room under their text",
			pages: []*pdfDraw{
				shortCells(),
				(&pdfDraw{}).grid(xs, []float64{740, 720, 700}).
					row(xs, 726, "成本指标", "经济成本", "≤10万元").
					row(xs, 706, "效益指标", "社会效益", "明显提高"),
			},
			table: 1, rows: 4,
			want: map[int]string{2: "数量指标 | 反映培训人次的情况", 3: "经济成本 | ≤10万元", 4: "社会效益 | 明显提高"},
		},
		{
			name:  "a tall cell cut by the break, the others ended above it",
			pages: []*pdfDraw{shortCells(), rest("及其变化")},
			table: 1, rows: 3,
			want: map[int]string{2: "数量指标 | 反映培训人次的情况及其变化", 3: "经济成本 | ≤10万元"},
		},
		{
			name: "a tall cell cut by two breaks",
			pages: []*pdfDraw{
				shortCells(),
				(&pdfDraw{}).grid(xs, []float64{740, 712}).
					row(xs, 726, "", "", "及其变化情").
					row(xs, 716, "", "", "况的说明"),
				rest("和分析"),
			},
			table: 1, rows: 3,
			want: map[int]string{2: "数量指标 | 反映培训人次的情况及其变化情况的说明和分析", 3: "经济成本 | ≤10万元"},
		},
		{
			// Digits are set in a taller line: 98% did not fit under 大于等于
			// though a line of Han characters would have.
			name: "a value cut before its digits, a line short of the row's end",
			pages: []*pdfDraw{
				(&pdfDraw{}).grid(xs, []float64{700, 680, 648}).
					row(xs, 686, "一级指标", "二级指标", "指标值").
					row(xs, 666, "时效指标", "问题处置及", "大于等于").
					row(xs, 652, "", "时率"),
				rest("98%"),
			},
			table: 1, rows: 3,
			want: map[int]string{2: "问题处置及时率 | 大于等于98%", 3: "经济成本 | ≤10万元"},
		},
		{
			// Single lines that each fill their cell, at the same depth: the
			// rules and the room tell nothing, the labels do.
			name: "rows of single full lines, labels found apart in another table",
			pages: []*pdfDraw{
				(&pdfDraw{}).grid(xs, []float64{760, 740, 720, 700, 680}).
					row(xs, 746, "一级指标", "二级指标", "指标值").
					row(xs, 726, "产出指标", "数量指标", "不少于百人").
					row(xs, 706, "产出指标", "质量指标", "不低于九成").
					row(xs, 686, "产出指标", "时效指标", "年底前完成").
					text(89.5, 660, "2.第二个项目").
					grid(xs, []float64{640, 620, 600}).
					row(xs, 626, "一级指标", "二级指标", "指标值").
					row(xs, 606, "产出指标", "数量指标", "不少于百人"),
				(&pdfDraw{}).grid(xs, []float64{740, 720}).
					row(xs, 726, "产出指标", "质量指标", "不低于九成"),
			},
			table: 2, rows: 3,
			want: map[int]string{2: "数量指标 | 不少于百人", 3: "质量指标 | 不低于九成"},
		},
		{
			// 服务满意度 is a label of its own elsewhere, but 指标, under the
			// header repeated on the new page, is only the rest of this one.
			name: "a label cut after a word that is a label too, under a repeated header",
			pages: []*pdfDraw{
				(&pdfDraw{}).grid(xs, []float64{760, 740, 720, 700}).
					row(xs, 746, "一级指标", "二级指标", "三级指标").
					row(xs, 726, "效益指标", "社会效益", "服务满意度").
					row(xs, 706, "产出指标", "数量指标", "培训人次").
					text(89.5, 680, "2.第二个项目").
					grid(xs, []float64{660, 640, 620}).
					row(xs, 646, "一级指标", "二级指标", "三级指标").
					row(xs, 626, "满意度指标", "服务满意度", "满意度"),
				(&pdfDraw{}).grid(xs, []float64{740, 720, 706, 686}).
					row(xs, 726, "一级指标", "二级指标", "三级指标").
					row(xs, 710, "", "指标").
					row(xs, 692, "成本指标", "经济成本", "项目成本"),
			},
			table: 2, rows: 3,
			want: map[int]string{2: "服务满意度指标 | 满意度", 3: "经济成本 | 项目成本"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var doc *extract.Document
			if tc.file != "" {
				var err error
				if doc, err = extract.Open(filepath.Join("..", "..", "testdata", "producers", tc.file)); err != nil {
					t.Fatal(err)
				}
			} else {
				doc = mustReadPDF(t, tc.pages...)
			}
			var tables []*extract.Table
			for _, b := range doc.Blocks {
				if b.Table != nil {
					tables = append(tables, b.Table)
				}
			}
			if len(tables) < tc.table {
				t.Fatalf("%d tables, want table %d:\n%q", len(tables), tc.table, blockTexts(doc))
			}
			tbl := tables[tc.table-1]
			if tbl.Rows != tc.rows {
				t.Errorf("%d rows, want %d", tbl.Rows, tc.rows)
			}
			for r, want := range tc.want {
				var got []string
				for c := 2; c <= tbl.Cols; c++ {
					if cell := tbl.At(r, c); cell != nil && (c == 2 || tbl.At(r, c-1) != cell) {
						got = append(got, cell.Text)
					}
				}
				if g := strings.Join(got, " | "); g != want {
					t.Errorf("row %d:\ngot  %s\nwant %s", r, g, want)
				}
			}
		})
	}
}

// TestPDFStitchMergedDown keeps a label merged down across a page break
// whole (预算规模 | 及资金用途) when the document shows that label whole
// elsewhere, and leaves other cells under a full line alone; at two breaks
// too, where its lower part is found twice, both times at the top of a
// page.
func TestPDFStitchMergedDown(t *testing.T) {
	xs := []float64{84, 146, 300}
	// first shows the label whole, then ends the page with a table whose
	// row the break cuts after 预算规模.
	first := func() *pdfDraw {
		return (&pdfDraw{}).grid(xs, []float64{700, 660}).
			text(89.5, 686, "预算规模").text(89.5, 672, "及资金用途").text(151.5, 686, "甲").
			grid(xs, []float64{600, 580}).
			text(89.5, 586, "预算规模").text(151.5, 586, "乙")
	}
	// rest starts a page with the rest of the label, beside value.
	rest := func(value string) *pdfDraw {
		return (&pdfDraw{}).grid(xs, []float64{740, 720}).
			text(89.5, 726, "及资金用途").text(151.5, 726, value)
	}
	for _, tc := range []struct {
		name  string
		pages []*pdfDraw
		want  []string
	}{
		{
			name:  "one break",
			pages: []*pdfDraw{first(), rest("丙")},
			want: []string{
				"table 1x2: r1c1 1x1 预算规模及资金用途 | r1c2 1x1 甲",
				"table 2x2: r1c1 2x1 预算规模及资金用途 | r1c2 1x1 乙 | r2c2 1x1 丙",
			},
		},
		{
			// 及资金用途, under the header repeated on the new page, stands
			// clear of the break in its part of the table, yet is only the
			// rest of the label above it.
			name: "one break, under a repeated header",
			pages: []*pdfDraw{
				(&pdfDraw{}).grid(xs, []float64{700, 660}).
					text(89.5, 686, "预算规模").text(89.5, 672, "及资金用途").text(151.5, 686, "甲").
					grid(xs, []float64{600, 580, 560}).
					row(xs, 586, "项目名称", "内容").
					row(xs, 566, "预算规模", "乙"),
				(&pdfDraw{}).grid(xs, []float64{740, 720, 700, 680}).
					row(xs, 726, "项目名称", "内容").
					row(xs, 706, "及资金用途", "丙").
					row(xs, 686, "其他", "丁"),
			},
			want: []string{
				"table 1x2: r1c1 1x1 预算规模及资金用途 | r1c2 1x1 甲",
				"table 4x2: r1c1 1x1 项目名称 | r1c2 1x1 内容 | r2c1 2x1 预算规模及资金用途 | r2c2 1x1 乙 | " +
					"r3c2 1x1 丙 | r4c1 1x1 其他 | r4c2 1x1 丁",
			},
		},
		{
			// 预算规模 fills its line, but a line of Han characters would
			// have fitted under it, as 乙 goes two lines further down: the
			// break did not cut it.
			name: "a label with room under it",
			pages: []*pdfDraw{
				(&pdfDraw{}).grid(xs, []float64{700, 660}).
					text(89.5, 686, "预算规模").text(89.5, 672, "及资金用途").text(151.5, 686, "甲").
					grid(xs, []float64{600, 550}).
					row(xs, 586, "预算规模", "乙").
					row(xs, 572, "", "其二").
					row(xs, 558, "", "其三"),
				rest("丙"),
			},
			want: []string{
				"table 1x2: r1c1 1x1 预算规模及资金用途 | r1c2 1x1 甲",
				"table 2x2: r1c1 1x1 预算规模 | r1c2 1x1 乙其二其三 | r2c1 1x1 及资金用途 | r2c2 1x1 丙",
			},
		},
		{
			name: "two breaks",
			pages: []*pdfDraw{
				first(),
				rest("丙").
					text(89.5, 690, "表间的段落。").
					grid(xs, []float64{600, 580}).
					text(89.5, 586, "预算规模").text(151.5, 586, "丁"),
				rest("戊"),
			},
			want: []string{
				"table 1x2: r1c1 1x1 预算规模及资金用途 | r1c2 1x1 甲",
				"table 2x2: r1c1 2x1 预算规模及资金用途 | r1c2 1x1 乙 | r2c2 1x1 丙",
				"表间的段落。",
				"table 2x2: r1c1 2x1 预算规模及资金用途 | r1c2 1x1 丁 | r2c2 1x1 戊",
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := blockTexts(mustReadPDF(t, tc.pages...)); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
}

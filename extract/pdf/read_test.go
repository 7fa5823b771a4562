package pdf

import (
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/jixiao/jixiao/extract"
)

// Tests of the PDF layout: text joining, tables, stitching, running
// headers, on PDFs written by pdf_build_test.go and on the seed files.

func TestPDFParagraphs(t *testing.T) {
	long := strings.Repeat("预算绩效管理工作", 5) // 40 Han characters: a full line from 90 to 510
	d := &pdfDraw{}
	d.text(90, 700, "1.]怀财字【2025】7号 机关大楼运行经费绩效目标表")
	d.text(90, 680, long).text(90, 664, long).text(90, 648, "到位。")
	d.text(90, 632, "（二）加强支出管理。")
	// A Latin paragraph wrapped at a space and a line ending short.
	d.text(90, 616, "Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi pi rho")
	d.text(90, 600, "consectetur adipiscing elit.")
	doc := mustReadPDF(t, d)
	want := []string{
		"1.]怀财字【2025】7号 机关大楼运行经费绩效目标表",
		long + long + "到位。",
		"（二）加强支出管理。",
		"Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi pi rho consectetur adipiscing elit.",
	}
	if got := blockTexts(doc); !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

// TestPDFFieldLine reads a borderless header row, two cells drawn on one
// line, as one paragraph of two fields, with a field's wrapped rest.
func TestPDFFieldLine(t *testing.T) {
	long := strings.Repeat("预算绩效管理工作", 5)
	d := &pdfDraw{}
	d.text(90, 700, long).text(90, 684, long)
	d.text(90, 660, "430001怀来县机关事务服务中心").text(306, 662, "单位：万元")
	d.text(90, 630, "407002怀来县自然资源和规划局第2所属单").text(306, 632, "单位：万元")
	d.text(90, 616, "位")
	doc := mustReadPDF(t, d)
	want := []string{
		long + long,
		"430001怀来县机关事务服务中心    单位：万元",
		"407002怀来县自然资源和规划局第2所属单位    单位：万元",
	}
	if got := blockTexts(doc); !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

func TestPDFTableSpans(t *testing.T) {
	xs := []float64{80, 160, 240, 320, 400}
	ys := []float64{700, 680, 660, 640}
	d := &pdfDraw{}
	// Row 1 (0-based) has no rule between columns 0 and 1; column 3 has
	// no rule between rows 1 and 2.
	d.grid(xs, ys, "v 1 1", "h 2 3")
	d.text(85, 686, "项目编码").text(165, 686, "二").text(245, 686, "三").text(325, 686, "四")
	d.text(85, 666, "预算规模").text(245, 666, "600.00").text(325, 666, "合并")
	d.text(85, 646, "甲").text(165, 646, "乙").text(245, 646, "丙")
	doc := mustReadPDF(t, d)
	want := []string{"table 3x4: r1c1 1x1 项目编码 | r1c2 1x1 二 | r1c3 1x1 三 | r1c4 1x1 四 | " +
		"r2c1 1x2 预算规模 | r2c3 1x1 600.00 | r2c4 2x1 合并 | r3c1 1x1 甲 | r3c2 1x1 乙 | r3c3 1x1 丙"}
	if got := blockTexts(doc); !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
	tbl := doc.Blocks[0].Table
	c := tbl.At(2, 4)
	if c.Pos.Page != 1 || c.Pos.Table != 1 || c.Pos.Row != 2 || c.Pos.Col != 4 || c.Pos.BBox != (extract.Rect{X0: 320, Y0: 640, X1: 400, Y1: 680}) {
		t.Errorf("merged cell at %+v", c.Pos)
	}
	if tbl.At(3, 4) != c {
		t.Errorf("slot r3c4 is not the merged cell")
	}
}

// TestPDFRulesFromRects reads a table drawn with thin filled rectangles,
// in pieces that do not quite meet, as the table it is.
func TestPDFRulesFromRects(t *testing.T) {
	d := &pdfDraw{}
	for _, y := range []float64{700, 680, 660} {
		d.raw("80 " + ftoa(y-0.4) + " 150 0.8 re f 151 " + ftoa(y-0.4) + " 89 0.8 re f\n")
	}
	for _, x := range []float64{80, 160, 240} {
		d.raw(ftoa(x-0.4) + " 659.6 0.8 40.8 re f\n")
	}
	d.text(85, 686, "一").text(165, 686, "二").text(85, 666, "三").text(165, 666, "四")
	doc := mustReadPDF(t, d)
	want := []string{"table 2x2: r1c1 1x1 一 | r1c2 1x1 二 | r2c1 1x1 三 | r2c2 1x1 四"}
	if got := blockTexts(doc); !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

// TestPDFCellWrap joins a cell's wrapped lines: a code too long for its
// cell with no space, Han text with none either.
func TestPDFCellWrap(t *testing.T) {
	d := &pdfDraw{}
	d.grid([]float64{80, 160, 240}, []float64{700, 660})
	d.text(85.5, 688, "13073025P00089").text(85.5, 674, "5100013")
	d.text(165.5, 688, "服务对象满意").text(165.5, 674, "度")
	doc := mustReadPDF(t, d)
	want := []string{"table 1x2: r1c1 1x1 13073025P000895100013 | r1c2 1x1 服务对象满意度"}
	if got := blockTexts(doc); !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

// TestPDFStitch joins a table broken across two pages: the 续表 caption
// and the header row repeated on the second page are dropped, and the row
// the break split (服务对象满 | 意度) is one row again.
func TestPDFStitch(t *testing.T) {
	xs := []float64{84, 156, 228, 300}
	p1 := &pdfDraw{}
	p1.text(90, 720, "绩效指标表")
	p1.grid(xs, []float64{700, 680, 660, 640})
	p1.text(90, 686, "一级指标").text(162, 686, "二级指标").text(234, 686, "指标值")
	p1.text(90, 666, "产出指标").text(162, 666, "数量指标").text(234, 666, "≥90%")
	p1.text(90, 646, "满意度指标").text(162, 646, "服务对象满").text(234, 646, "≥95%")
	p2 := &pdfDraw{}
	p2.text(90, 745, "续表")
	p2.grid(xs, []float64{740, 720, 705, 685})
	p2.text(90, 726, "一级指标").text(162, 726, "二级指标").text(234, 726, "指标值")
	p2.text(162, 709, "意度")
	p2.text(90, 691, "成本指标").text(162, 691, "经济成本").text(234, 691, "≤10万元")
	p2.text(90, 660, "表后的段落。")
	doc := mustReadPDF(t, p1, p2)
	want := []string{
		"绩效指标表",
		"table 4x3: r1c1 1x1 一级指标 | r1c2 1x1 二级指标 | r1c3 1x1 指标值 | " +
			"r2c1 1x1 产出指标 | r2c2 1x1 数量指标 | r2c3 1x1 ≥90% | " +
			"r3c1 1x1 满意度指标 | r3c2 1x1 服务对象满意度 | r3c3 1x1 ≥95% | " +
			"r4c1 1x1 成本指标 | r4c2 1x1 经济成本 | r4c3 1x1 ≤10万元",
		"表后的段落。",
	}
	if got := blockTexts(doc); !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
	tbl := doc.Blocks[1].Table
	if c := tbl.At(4, 1); c.Pos.Page != 2 || c.Pos.Row != 4 {
		t.Errorf("row 4 at %+v, want page 2", c.Pos)
	}
	if c := tbl.At(3, 2); c.Pos.Page != 1 {
		t.Errorf("the split cell at %+v, want page 1 where it starts", c.Pos)
	}
}

func TestPDFRunningHeaders(t *testing.T) {
	long := strings.Repeat("预算绩效管理工作", 5)
	var pages []*pdfDraw
	for i := 1; i <= 3; i++ {
		d := &pdfDraw{}
		d.text(90, 760, "怀来县财政局预算绩效目标")
		d.text(90, 700, long).text(90, 684, "第"+string(rune('0'+i))+"页的正文。")
		d.text(290, 40, "- "+string(rune('0'+i))+" -")
		pages = append(pages, d)
	}
	doc := mustReadPDF(t, pages...)
	want := []string{long + "第1页的正文。", long + "第2页的正文。", long + "第3页的正文。"}
	if got := blockTexts(doc); !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

func ftoa(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// checkPositions checks that paragraphs and cells carry a page and a box
// on the page, and cells their table, row and column.
func checkPositions(t *testing.T, doc *extract.Document) {
	t.Helper()
	box := func(what string, p extract.Pos) {
		r := p.BBox
		if p.Page < 1 || p.Page > doc.Pages || r.X0 >= r.X1 || r.Y0 >= r.Y1 || r.X0 < 0 || r.Y0 < 0 || r.X1 > 1000 || r.Y1 > 1000 {
			t.Errorf("%s: bad position %+v", what, p)
		}
	}
	for _, b := range doc.Blocks {
		if b.Para != nil {
			box("para "+b.Para.Text, b.Para.Pos)
			continue
		}
		tbl := b.Table
		box("table", tbl.Pos)
		for _, c := range tbl.Cells {
			box("cell "+c.Text, c.Pos)
			if c.Pos.Table != tbl.Pos.Table || c.Pos.Row != c.Row || c.Pos.Col != c.Col {
				t.Errorf("cell %q at %+v in table %d", c.Text, c.Pos, tbl.Pos.Table)
			}
		}
	}
}

// TestHasRuneError holds hasRuneError to strings.ContainsRune over every
// lead byte, alone and before continuation bytes at the edges of their
// ranges.
func TestHasRuneError(t *testing.T) {
	edges := []byte{0x00, 0x7f, 0x80, 0x9f, 0xa0, 0xbc, 0xbd, 0xbe, 0xbf, 0xc0, 0xff}
	for c := range 256 {
		ss := []string{string([]byte{byte(c)}), "a" + string([]byte{byte(c)})}
		for _, b1 := range edges {
			for _, b2 := range edges {
				ss = append(ss, string([]byte{byte(c), b1, b2}))
			}
		}
		for _, s := range ss {
			if got, want := hasRuneError(s), strings.ContainsRune(s, utf8.RuneError); got != want {
				t.Errorf("hasRuneError(%q) = %v, want %v", s, got, want)
			}
		}
	}
}

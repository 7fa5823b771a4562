package pdf

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestPDFPredefinedCMaps reads fonts with no ToUnicode map that use the
// predefined Chinese CMaps, and CID widths from W and DW.
func TestPDFPredefinedCMaps(t *testing.T) {
	cid := func(enc string) string {
		return "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /" + enc +
			" /DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light" +
			" /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /DW 1000 /W [1 95 500] >>] >>"
	}
	gbk, err := simplifiedchinese.GBK.NewEncoder().String("预算数600万元")
	if err != nil {
		t.Fatal(err)
	}
	content := fmt.Sprintf("BT /U 10 Tf 1 0 0 1 90 700 Tm <%s> Tj ET\n", utf16Hex("单位：万元 A1")) +
		fmt.Sprintf("BT /U 10 Tf 1 0 0 1 90 680 Tm <%s> Tj ET\n", utf16Hex("𠀀字")) +
		fmt.Sprintf("BT /G 10 Tf 1 0 0 1 90 660 Tm <%x> Tj ET\n", gbk) +
		// ASCII in GBK-EUC-H is half an em wide (CIDs 1–95 in W): the
		// glyph after ABCD at 110 follows with no gap, the one at 113
		// after a word space.
		fmt.Sprintf("BT /G 10 Tf 1 0 0 1 90 640 Tm <41424344> Tj ET BT /F1 10 Tf 1 0 0 1 110 640 Tm <%s> Tj ET\n", utf16Hex("完")) +
		fmt.Sprintf("BT /G 10 Tf 1 0 0 1 90 620 Tm <41424344> Tj ET BT /F1 10 Tf 1 0 0 1 113 620 Tm <%s> Tj ET\n", utf16Hex("Z"))
	f := newPDF(content).withFont("U", cid("UniGB-UCS2-H")).withFont("G", cid("GBK-EUC-H"))
	doc, err := readPDFBytes(t, "cmaps.pdf", f.bytes())
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"单位：万元 A1", "𠀀字", "预算数600万元", "ABCD完", "ABCD Z"}
	if got := blockTexts(doc); !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

// TestPDFSimpleFonts reads simple fonts: a standard encoding with
// /Differences, and widths from /Widths.
func TestPDFSimpleFonts(t *testing.T) {
	font := "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 32 /LastChar 126 /Widths [" +
		strings.Repeat("500 ", 95) + "] /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [65 /uni4E2D /u6587 /space] >> >>"
	content := "BT /H 10 Tf 1 0 0 1 90 700 Tm (ABCxyz \\223q\\224) Tj ET\n"
	doc, err := readPDFBytes(t, "simple.pdf", newPDF(content).withFont("H", font).bytes())
	if err != nil {
		t.Fatal(err)
	}
	if got, want := blockTexts(doc), []string{"中文 xyz “q”"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestPDFTransforms applies the CTM, a Form XObject's matrix and the
// page's /Rotate to positions.
func TestPDFTransforms(t *testing.T) {
	text := func(s string) string { return fmt.Sprintf("BT /F1 10 Tf 1 0 0 1 0 0 Tm <%s> Tj ET", utf16Hex(s)) }
	form := streamObj("/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Matrix [1 0 0 1 100 600] /Resources << /Font << /F1 3 0 R >> >>", text("表单"))
	f := newPDF("q 2 0 0 2 50 700 cm " + text("放大") + " Q /Fm1 Do")
	n := f.add(form)
	for i, o := range f.objs {
		if strings.Contains(o, "/Type /Page ") {
			f.objs[i] = strings.Replace(o, "/Resources << ", fmt.Sprintf("/Resources << /XObject << /Fm1 %d 0 R >> ", n), 1)
		}
	}
	doc, err := readPDFBytes(t, "cm.pdf", f.bytes())
	if err != nil {
		t.Fatal(err)
	}
	if got := blockTexts(doc); !reflect.DeepEqual(got, []string{"放大", "表单"}) {
		t.Fatalf("got %q", got)
	}
	if b := doc.Blocks[0].Para.Pos.BBox; b.X0 != 50 || b.X1 != 90 || b.Y0 != 697 || b.Y1 != 717 {
		t.Errorf("scaled text at %+v", b)
	}
	if b := doc.Blocks[1].Para.Pos.BBox; b.X0 != 100 || b.X1 != 120 {
		t.Errorf("form text at %+v", b)
	}

	// A landscape page stored upright and turned by /Rotate 90: the text
	// is drawn turned the other way, so that it reads upright.
	r := newPDF("BT /F1 10 Tf 0 1 -1 0 300 100 Tm <" + utf16Hex("横向页面") + "> Tj ET").withPageEntry("/Rotate 90")
	doc, err = readPDFBytes(t, "rotated.pdf", r.bytes())
	if err != nil {
		t.Fatal(err)
	}
	if got := blockTexts(doc); !reflect.DeepEqual(got, []string{"横向页面"}) {
		t.Errorf("rotated page: got %q", got)
	}
	if b := doc.Blocks[0].Para.Pos.BBox; b.X0 < 290 || b.X1 > 310 || b.Y0 < 99 || b.Y1 > 141 {
		t.Errorf("rotated page: text at %+v, want user space near x 300, y 100..140", b)
	}
}

func TestUnifyRadicals(t *testing.T) {
	for in, want := range map[string]string{
		"⼀、总体绩效⽬标": "一、总体绩效目标",
		"机关⼤楼运⾏经费": "机关大楼运行经费",
		"≥90%":     "≥90%",
		"":         "",
	} {
		if got := unifyRadicals(in); got != want {
			t.Errorf("unifyRadicals(%q) = %q, want %q", in, got, want)
		}
	}
}

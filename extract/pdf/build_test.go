package pdf

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/jixiao/jixiao/extract"
)

// This file writes small PDFs by hand for the tests: pages of text and
// rules in one font whose codes are the UTF-16 of the text (Identity-H
// with an identity ToUnicode map), so that tests can draw Chinese.

// pdfDraw builds the content stream of one page.
type pdfDraw struct{ b strings.Builder }

// text draws s with its first glyph's origin at x, y, size 10.5, Han
// characters one em wide and ASCII half an em.
func (d *pdfDraw) text(x, y float64, s string) *pdfDraw {
	fmt.Fprintf(&d.b, "BT /F1 10.5 Tf 1 0 0 1 %g %g Tm <%s> Tj ET\n", x, y, utf16Hex(s))
	return d
}

// row draws texts in the columns whose left edges are xs, 5.5 pt in from
// the edge, on baseline y; an empty text leaves its column blank.
func (d *pdfDraw) row(xs []float64, y float64, texts ...string) *pdfDraw {
	for c, s := range texts {
		if s != "" {
			d.text(xs[c]+5.5, y, s)
		}
	}
	return d
}

// hline and vline stroke table rules.
func (d *pdfDraw) hline(x0, x1, y float64) *pdfDraw {
	fmt.Fprintf(&d.b, "0.5 w %g %g m %g %g l S\n", x0, y, x1, y)
	return d
}

func (d *pdfDraw) vline(x, y0, y1 float64) *pdfDraw {
	fmt.Fprintf(&d.b, "0.5 w %g %g m %g %g l S\n", x, y0, x, y1)
	return d
}

// raw appends content as written.
func (d *pdfDraw) raw(s string) *pdfDraw {
	d.b.WriteString(s)
	return d
}

// grid draws the rules of a table with column edges xs and row edges ys
// (top to bottom); skip lists interior rule pieces to leave out, as
// "v c r" (the vertical at xs[c] beside row r) or "h r c" (the
// horizontal at ys[r] above column c).
func (d *pdfDraw) grid(xs, ys []float64, skip ...string) *pdfDraw {
	omit := map[string]bool{}
	for _, s := range skip {
		omit[s] = true
	}
	for r := 0; r < len(ys); r++ {
		for c := 0; c+1 < len(xs); c++ {
			if !omit[fmt.Sprintf("h %d %d", r, c)] {
				d.hline(xs[c], xs[c+1], ys[r])
			}
		}
	}
	for c := 0; c < len(xs); c++ {
		for r := 0; r+1 < len(ys); r++ {
			if !omit[fmt.Sprintf("v %d %d", c, r)] {
				d.vline(xs[c], ys[r+1], ys[r])
			}
		}
	}
	return d
}

func utf16Hex(s string) string {
	var b strings.Builder
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	return b.String()
}

// pdfFile is a PDF under construction: numbered objects and a trailer.
type pdfFile struct {
	objs    []string // objs[i] is object i+1
	header  string
	trailer string // extra trailer entries
}

func (f *pdfFile) add(obj string) int {
	f.objs = append(f.objs, obj)
	return len(f.objs)
}

func streamObj(dict, data string) string {
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

// bytes writes the file with a correct cross-reference table.
func (f *pdfFile) bytes() []byte {
	var b bytes.Buffer
	if f.header == "" {
		f.header = "%PDF-1.7\n"
	}
	b.WriteString(f.header)
	offs := make([]int, len(f.objs))
	for i, o := range f.objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(f.objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R %s >>\nstartxref\n%d\n%%%%EOF\n", len(f.objs)+1, f.trailer, xref)
	return b.Bytes()
}

// newPDF lays out pages (content streams) on US Letter pages with the
// test font as /F1.
func newPDF(pages ...string) *pdfFile {
	f := &pdfFile{}
	f.add("<< /Type /Catalog /Pages 2 0 R >>")
	f.add("") // the page tree, filled in below
	font := f.add("<< /Type /Font /Subtype /Type0 /BaseFont /TestCJK /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 5 0 R >>")
	f.add("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestCJK /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 /W [32 [333] 33 126 500] >>")
	f.add(streamObj("", "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"+
		"1 begincodespacerange <0000> <FFFF> endcodespacerange\n"+
		"1 beginbfrange <0000> <FFFF> <0000> endbfrange\nendcmap CMapName currentdict /CMap defineresource pop end end"))
	var kids []string
	for _, content := range pages {
		c := f.add(streamObj("", content))
		p := f.add(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R /Resources << /Font << /F1 %d 0 R >> >> >>", c, font))
		kids = append(kids, fmt.Sprintf("%d 0 R", p))
	}
	f.objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids))
	return f
}

// readPDFBytes reads data as the file name.
func readPDFBytes(t testing.TB, name string, data []byte) (*extract.Document, error) {
	t.Helper()
	return Read(bytes.NewReader(data), int64(len(data)), name)
}

// mustReadPDF reads pages built with pdfDraw.
func mustReadPDF(t testing.TB, pages ...*pdfDraw) *extract.Document {
	t.Helper()
	var contents []string
	for _, p := range pages {
		contents = append(contents, p.b.String())
	}
	doc, err := readPDFBytes(t, "test.pdf", newPDF(contents...).bytes())
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// blockTexts lists a document's paragraphs and tables as text, a table as
// its rows of cells "r1c1 2x1 text".
func blockTexts(doc *extract.Document) []string {
	var out []string
	for _, b := range doc.Blocks {
		if b.Para != nil {
			out = append(out, b.Para.Text)
			continue
		}
		var cells []string
		for _, c := range b.Table.Cells {
			cells = append(cells, fmt.Sprintf("r%dc%d %dx%d %s", c.Row, c.Col, c.RowSpan, c.ColSpan, c.Text))
		}
		out = append(out, fmt.Sprintf("table %dx%d: %s", b.Table.Rows, b.Table.Cols, strings.Join(cells, " | ")))
	}
	return out
}

// withFont adds font dictionary dict to every page as resource name.
func (f *pdfFile) withFont(name, dict string) *pdfFile {
	n := f.add(dict)
	for i, o := range f.objs {
		if strings.Contains(o, "/Type /Page ") {
			f.objs[i] = strings.Replace(o, "/Font << ", fmt.Sprintf("/Font << /%s %d 0 R ", name, n), 1)
		}
	}
	return f
}

// withPageEntry adds entry (such as "/Rotate 90") to every page.
func (f *pdfFile) withPageEntry(entry string) *pdfFile {
	for i, o := range f.objs {
		if strings.Contains(o, "/Type /Page ") {
			f.objs[i] = strings.Replace(o, "/Type /Page ", "/Type /Page "+entry+" ", 1)
		}
	}
	return f
}

package docx

import (
	"encoding/binary"
	"errors"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jixiao/jixiao/extract"
)

// Hostile .docx files, built in memory: each is a few kilobytes to a few
// hundred once zipped, as the ones a few lines of Python made for the
// issue "never dies, never hangs".

// nestedTables is n tables, each in the only cell of the one before.
func nestedTables(n int) string {
	return strings.Repeat(`<w:tbl><w:tr><w:tc>`, n) + p("deep") + strings.Repeat(`</w:tc></w:tr></w:tbl>`, n)
}

// nestedBoxes is n text boxes, each in a paragraph of the one before, in
// the three ways Word writes a text box.
func nestedBoxes(n int, kind string) string {
	var open, close string
	switch kind {
	case "vml":
		open = `<w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent>`
		close = `</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>`
	case "dml":
		open = `<w:p><w:r><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>`
		close = `</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r></w:p>`
	case "mc":
		open = `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>`
		close = `</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict/></mc:Fallback></mc:AlternateContent></w:r></w:p>`
	}
	return strings.Repeat(open, n) + p("deep") + strings.Repeat(close, n)
}

// spanRows is rows rows of one cell spanning span grid columns.
func spanRows(rows, span int) string {
	row := `<w:tr>` + tc(`<w:gridSpan w:val="`+strconv.Itoa(span)+`"/>`, `<w:p/>`) + `</w:tr>`
	return `<w:tbl>` + strings.Repeat(row, rows) + `</w:tbl>`
}

// wideRow is a first row of cells cells each spanning span columns, then
// rows-1 rows of one cell continuing a vertical merge: every row is padded
// to the width of the first.
func wideRow(cells, span, rows int) string {
	first := `<w:tr>` + strings.Repeat(tc(`<w:gridSpan w:val="`+strconv.Itoa(span)+`"/>`+vStart, `<w:p/>`), cells) + `</w:tr>`
	next := `<w:tr>` + tc(`<w:gridSpan w:val="`+strconv.Itoa(span)+`"/>`+vCont, `<w:p/>`) + `</w:tr>`
	return `<w:tbl>` + first + strings.Repeat(next, rows-1) + `</w:tbl>`
}

// manyCells is one row of n empty cells.
func manyCells(n int) string { return tbl(tr(manyCellsRow(n))) }

// manyParas is n empty paragraphs.
func manyParas(n int) string { return strings.Repeat(`<w:p/>`, n) }

// nestedElements is n nested elements of a kind the reader reads through.
func nestedElements(n int, open, close string) string {
	return `<w:p>` + strings.Repeat(open, n) + `<w:r><w:t>x</w:t></w:r>` + strings.Repeat(close, n) + `</w:p>`
}

// TestDOCXHostile reads each hostile file: the reader refuses it with its
// own error, or reads it, within a bound on the memory it allocates (the
// bounds are about twice what was measured) and in far less time than the
// minutes these files took, or the crash they caused, before the limits.
func TestDOCXHostile(t *testing.T) {
	tests := []struct {
		name     string
		body     string
		want     error // nil: read
		maxAlloc int   // MiB allocated while reading
	}{
		{"300k nested tables", nestedTables(300_000), extract.ErrTooDeep, 4},
		{"nested tables at the limit", nestedTables(extract.MaxDOCXNesting), nil, 4},
		{"nested tables past the limit", nestedTables(extract.MaxDOCXNesting + 1), extract.ErrTooDeep, 4},
		{"100k nested vml text boxes", nestedBoxes(100_000, "vml"), extract.ErrTooDeep, 4},
		{"100k nested dml text boxes", nestedBoxes(100_000, "dml"), extract.ErrTooDeep, 4},
		{"100k nested mc text boxes", nestedBoxes(100_000, "mc"), extract.ErrTooDeep, 4},
		{"nested text boxes at the limit", nestedBoxes(extract.MaxDOCXNesting, "mc"), nil, 4},
		{"200k nested content controls", nestedElements(200_000, `<w:sdt><w:sdtContent>`, `</w:sdtContent></w:sdt>`), extract.ErrTooDeep, 4},
		{"200k nested hyperlinks", nestedElements(200_000, `<w:hyperlink>`, `</w:hyperlink>`), extract.ErrTooDeep, 4},
		{"200k rows of gridSpan 1000", spanRows(200_000, 1000), extract.ErrTooManyCells, 8},
		{"1000 rows of a 1000-column merge", wideRow(1, 1000, 1000), extract.ErrTooManyCells, 8},
		{"1000 cells of gridSpan 1000", wideRow(1000, 1000, 1000), extract.ErrTooManyCells, 4},
		{"a row of 200k cells", manyCells(200_000), extract.ErrTooManyCells, 4},
		{"tables past the document's cells", strings.Repeat(spanRows(199, 1000), 6), extract.ErrTooManyCells, 40},
		{"2M empty paragraphs", manyParas(2_000_000), extract.ErrTooManyElements, 320},
		{"paragraphs at the limit", manyParas(extract.MaxDOCXElements), nil, 320},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := makeDOCX(t, tt.body, nil)
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			start := time.Now()
			doc, err := readBytes(t, "hostile.docx", data)
			elapsed := time.Since(start)
			runtime.ReadMemStats(&after)
			alloc := (after.TotalAlloc - before.TotalAlloc) >> 20
			t.Logf("%d KB zipped: %v, %d MiB allocated, %v", len(data)>>10, elapsed.Round(time.Millisecond), alloc, err)
			if tt.want == nil {
				if err != nil {
					t.Fatal(err)
				}
				if doc == nil || len(doc.Blocks) == 0 {
					t.Fatal("nothing read")
				}
			} else {
				if !errors.Is(err, tt.want) || !errors.Is(err, extract.ErrTooComplex) || errors.Is(err, extract.ErrMalformed) {
					t.Fatalf("error %v, want %v alone", err, tt.want)
				}
				if msg := err.Error(); !strings.Contains(msg, "hostile.docx") || strings.Contains(msg, "\n") {
					t.Errorf("error %q should be one line naming the file", msg)
				}
			}
			if alloc > uint64(tt.maxAlloc) {
				t.Errorf("%d MiB allocated, want at most %d", alloc, tt.maxAlloc)
			}
			// Not a timing test: a generous bound that only a return of
			// the quadratic or unbounded work can pass.
			if elapsed > 10*time.Second {
				t.Errorf("took %v", elapsed)
			}
		})
	}
}

// TestDOCXNestedBoxesOrder: the paragraphs of text boxes nested in one
// another come after the paragraph anchoring them, outermost first, and
// in a table cell they stay in the cell.
func TestDOCXNestedBoxesOrder(t *testing.T) {
	for _, kind := range []string{"vml", "dml", "mc"} {
		doc := mustRead(t, nestedBoxes(3, kind)+p("after"))
		var texts []string
		for _, b := range doc.Blocks {
			texts = append(texts, b.Para.Text)
		}
		if got := strings.Join(texts, "|"); got != "|||deep|after" {
			t.Errorf("%s: paragraphs %q", kind, got)
		}
		doc = mustRead(t, tbl(tr(tc(noProps, nestedBoxes(2, kind)+p("after")))))
		c := firstTable(t, doc).Cells[0]
		if len(c.Blocks) != 4 || c.Text != "\n\ndeep\nafter" {
			t.Errorf("%s: cell of %d blocks, text %q", kind, len(c.Blocks), c.Text)
		}
	}
}

// TestDOCXRowOfManyCells: the columns of a wide row are counted as cells
// are read (once recounted for every cell, quadratic in the row), and an
// hMerge still continues the cell on its left.
func TestDOCXRowOfManyCells(t *testing.T) {
	hm := `<w:hMerge/>`
	doc := mustRead(t, tbl(tr(tc(span2, p("a")), tc(hm, p("b")), tc(noProps, p("c"))), tr(manyCellsRow(extract.MaxDOCXTableCols-3))))
	tb := firstTable(t, doc)
	if tb.Cols != extract.MaxDOCXTableCols-3 || tb.Cells[0].ColSpan != 3 || tb.Cells[1].Col != 4 || tb.Cells[0].Text != "a\nb" {
		t.Errorf("%d columns; first cells %+v %+v", tb.Cols, *tb.Cells[0], *tb.Cells[1])
	}
	_, err := readBytes(t, "wide.docx", makeDOCX(t, tbl(tr(`<w:trPr><w:gridBefore w:val="2"/></w:trPr>`+manyCellsRow(extract.MaxDOCXTableCols-1))), nil))
	if !errors.Is(err, extract.ErrTooManyCells) {
		t.Errorf("a row of %d columns after 2 skipped: %v", extract.MaxDOCXTableCols-1, err)
	}
}

// TestDOCXPartBombs: the parts decoded whole are refused past
// MaxDOCXPartTags, before each of their elements becomes a struct (2
// million empty styles took 31 s and 1.3 GB).
func TestDOCXPartBombs(t *testing.T) {
	rels := `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="s" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
		`<Relationship Id="n" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>`
	body := `<w:p><w:pPr><w:pStyle w:val="T"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:p>`
	const n = 2_000_000
	tests := []struct {
		name, part, content string
	}{
		{"styles", "word/styles.xml", `<styles xmlns="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` + strings.Repeat(`<style/>`, n) + `</styles>`},
		{"abstract numbering", "word/numbering.xml", `<w:numbering ` + wNS + `>` + strings.Repeat(`<w:abstractNum/>`, n) + `</w:numbering>`},
		{"numbering", "word/numbering.xml", `<w:numbering ` + wNS + `>` + strings.Repeat(`<w:num/>`, n) + `</w:numbering>`},
		{"relationships", "word/_rels/document.xml.rels", rels + strings.Repeat(`<Relationship/>`, n) + `</Relationships>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			extra := map[string]string{"word/_rels/document.xml.rels": rels + `</Relationships>`, tt.part: tt.content}
			data := makeDOCX(t, body, extra)
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			_, err := readBytes(t, "part.docx", data)
			runtime.ReadMemStats(&after)
			alloc := (after.TotalAlloc - before.TotalAlloc) >> 20
			t.Logf("%d KB zipped: %d MiB allocated, %v", len(data)>>10, alloc, err)
			var e *extract.Error
			if !errors.Is(err, extract.ErrTooManyElements) || !errors.As(err, &e) || e.Part != tt.part {
				t.Fatalf("error %v, want ErrTooManyElements in %s", err, tt.part)
			}
			// Reading the part whole costs about 2 bytes per byte of it
			// (io.ReadAll); decoding it cost a hundred.
			if limit := uint64(3*len(tt.content)) >> 20; alloc > limit {
				t.Errorf("%d MiB allocated, want at most %d", alloc, limit)
			}
		})
	}
}

func manyCellsRow(n int) string { return strings.Repeat(`<w:tc><w:p/></w:tc>`, n) }

// TestDeclaredSizeLie: a part that declares 60 MiB in the zip directory
// but holds a few hundred bytes does not make the reader allocate the 60
// MiB: a declared size is believed only as far as deflate can inflate.
func TestDeclaredSizeLie(t *testing.T) {
	data := makeDOCX(t, p("小"), nil)
	name := []byte("word/document.xml")
	// The central directory entry: signature PK\x01\x02, the uncompressed
	// size at offset 24, the name at offset 46.
	patched := 0
	for i := 0; i+46+len(name) <= len(data); i++ {
		if string(data[i:i+4]) == "PK\x01\x02" && string(data[i+46:i+46+len(name)]) == string(name) {
			binary.LittleEndian.PutUint32(data[i+24:], 60<<20)
			patched++
		}
	}
	if patched != 1 {
		t.Fatalf("patched %d directory entries, want 1", patched)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := readBytes(t, "lie.docx", data)
	runtime.ReadMemStats(&after)
	if err == nil {
		t.Error("a part shorter than declared read without an error")
	}
	if alloc := (after.TotalAlloc - before.TotalAlloc) >> 20; alloc > 4 {
		t.Errorf("%d MiB allocated for a few hundred bytes declaring 60 MiB", alloc)
	}
}

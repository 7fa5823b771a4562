package docx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/extract"
)

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml"`

// makeDOCX builds a .docx around body (the inside of w:body). extra adds
// parts by name; a part named "-" + name removes a default one.
func makeDOCX(t testing.TB, body string, extra map[string]string) []byte {
	t.Helper()
	parts := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
		"_rels/.rels":         `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/document.xml":   `<?xml version="1.0"?><w:document ` + wNS + `><w:body>` + body + `</w:body></w:document>`,
	}
	for k, v := range extra {
		if strings.HasPrefix(k, "-") {
			delete(parts, k[1:])
			continue
		}
		parts[k] = v
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, content := range parts {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, content)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func readBytes(t testing.TB, name string, data []byte) (*extract.Document, error) {
	t.Helper()
	return extract.Read(bytes.NewReader(data), int64(len(data)), name)
}

func mustRead(t testing.TB, body string) *extract.Document {
	t.Helper()
	doc, err := readBytes(t, "t.docx", makeDOCX(t, body, nil))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func p(text string) string {
	return `<w:p><w:r><w:t xml:space="preserve">` + text + `</w:t></w:r></w:p>`
}

func tc(props, content string) string {
	return `<w:tc><w:tcPr>` + props + `</w:tcPr>` + content + `</w:tc>`
}

const (
	span2   = `<w:gridSpan w:val="2"/>`
	span3   = `<w:gridSpan w:val="3"/>`
	vStart  = `<w:vMerge w:val="restart"/>`
	vCont   = `<w:vMerge/>`
	noProps = ``
)

func tbl(rows ...string) string {
	return `<w:tbl><w:tblPr/>` + strings.Join(rows, "") + `</w:tbl>`
}

func tr(cells ...string) string { return `<w:tr>` + strings.Join(cells, "") + `</w:tr>` }

// layout draws a table's grid: one line a row, each slot the text of the
// cell covering it ("." for an uncovered slot).
func layout(t *extract.Table) string {
	var b strings.Builder
	for _, row := range t.Grid {
		for i, c := range row {
			if i > 0 {
				b.WriteByte('|')
			}
			if c == nil {
				b.WriteByte('.')
			} else {
				b.WriteString(c.Text)
			}
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func firstTable(t *testing.T, doc *extract.Document) *extract.Table {
	t.Helper()
	for _, b := range doc.Blocks {
		if b.Table != nil {
			return b.Table
		}
	}
	t.Fatal("no table")
	return nil
}

func TestDOCXGrid(t *testing.T) {
	tests := []struct {
		name  string
		body  string
		want  string // layout
		cells int
	}{
		{"plain", tbl(tr(tc(noProps, p("a")), tc(noProps, p("b"))), tr(tc(noProps, p("c")), tc(noProps, p("d")))),
			"a|b\nc|d\n", 4},
		{"horizontal merge", tbl(tr(tc(span2, p("ab")), tc(noProps, p("c"))), tr(tc(noProps, p("d")), tc(noProps, p("e")), tc(noProps, p("f")))),
			"ab|ab|c\nd|e|f\n", 5},
		{"vertical merge", tbl(tr(tc(vStart, p("a")), tc(noProps, p("b"))), tr(tc(vCont, `<w:p/>`), tc(noProps, p("c"))), tr(tc(vCont, `<w:p/>`), tc(noProps, p("d")))),
			"a|b\na|c\na|d\n", 4},
		{"combined merge", tbl(tr(tc(span2+vStart, p("X")), tc(noProps, p("b"))), tr(tc(span2+vCont, `<w:p/>`), tc(noProps, p("c")))),
			"X|X|b\nX|X|c\n", 3},
		{"continuation text kept", tbl(tr(tc(vStart, p("a"))), tr(tc(vCont, p("more")))),
			"a\nmore\na\nmore\n", 1},
		{"ragged rows", tbl(tr(tc(noProps, p("a")), tc(noProps, p("b")), tc(noProps, p("c"))), tr(tc(noProps, p("d")))),
			"a|b|c\nd|.|.\n", 4},
		{"gridBefore and gridAfter", tbl(
			`<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>`+tc(noProps, p("b"))+tc(noProps, p("c"))+`</w:tr>`,
			`<w:tr><w:trPr><w:gridAfter w:val="2"/></w:trPr>`+tc(noProps, p("d"))+`</w:tr>`),
			".|b|c\nd|.|.\n", 3},
		{"content control around a cell", tbl(tr(tc(noProps, p("a")), `<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>`+tc(noProps, p("b"))+`</w:sdtContent></w:sdt>`, tc(noProps, p("c")))),
			"a|b|c\n", 3},
		{"content control around a row", tbl(`<w:sdt><w:sdtPr/><w:sdtContent>`+tr(tc(noProps, p("a")))+`</w:sdtContent></w:sdt>`, tr(tc(noProps, p("b")))),
			"a\nb\n", 2},
		{"legacy hMerge", tbl(tr(tc(`<w:hMerge w:val="restart"/>`, p("a")), tc(`<w:hMerge/>`, `<w:p/>`), tc(noProps, p("c")))),
			"a|a|c\n", 2},
		{"deleted row dropped", tbl(tr(tc(noProps, p("a"))), `<w:tr><w:trPr><w:del w:id="1" w:author="x"/></w:trPr>`+tc(noProps, p("gone"))+`</w:tr>`, tr(tc(noProps, p("b")))),
			"a\nb\n", 2},
		{"tblGrid wider than rows", `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>` + tr(tc(noProps, p("a"))) + `</w:tbl>`,
			"a|.|.\n", 1},
		{"continue with nothing above starts a cell", tbl(tr(tc(vCont, p("orphan")))),
			"orphan\n", 1},
		{"continue under a different span starts a cell", tbl(tr(tc(span2, p("wide"))), tr(tc(vCont, p("x")), tc(noProps, p("y")))),
			"wide|wide\nx|y\n", 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tab := firstTable(t, mustRead(t, tt.body))
			if got := layout(tab); got != tt.want {
				t.Errorf("layout:\n%s\nwant:\n%s", got, tt.want)
			}
			if len(tab.Cells) != tt.cells {
				t.Errorf("%d distinct cells, want %d", len(tab.Cells), tt.cells)
			}
			for _, c := range tab.Cells {
				if tab.At(c.Row, c.Col) != c {
					t.Errorf("cell %q not at its own r%d c%d", c.Text, c.Row, c.Col)
				}
				if c.Pos.Table != 1 || c.Pos.Row != c.Row || c.Pos.Col != c.Col {
					t.Errorf("cell %q has position %v", c.Text, c.Pos)
				}
			}
		})
	}
}

func TestDOCXSpans(t *testing.T) {
	body := tbl(tr(tc(span2+vStart, p("X")), tc(noProps, p("b"))), tr(tc(span2+vCont, `<w:p/>`), tc(noProps, p("c"))))
	tab := firstTable(t, mustRead(t, body))
	x := tab.At(2, 2)
	if x.Text != "X" || x.Row != 1 || x.Col != 1 || x.RowSpan != 2 || x.ColSpan != 2 {
		t.Errorf("merged cell = %+v, want X at r1 c1 spanning 2x2", *x)
	}
	if got := tab.RowCells(2); len(got) != 2 || got[0] != x || got[1].Text != "c" {
		t.Errorf("RowCells(2) = %v", got)
	}
}

func TestDOCXNestedTable(t *testing.T) {
	body := tbl(tr(tc(noProps, p("outer")+tbl(tr(tc(noProps, p("in1")), tc(noProps, p("in2"))))+p("after")), tc(noProps, p("b")))) + tbl(tr(tc(noProps, p("second"))))
	doc := mustRead(t, body)
	outer := firstTable(t, doc)
	c := outer.At(1, 1)
	if c.Text != "outer\nafter" {
		t.Errorf("outer cell text %q", c.Text)
	}
	if len(c.Tables()) != 1 {
		t.Fatalf("%d nested tables, want 1", len(c.Tables()))
	}
	var order []string
	for _, b := range c.Blocks {
		if b.Para != nil {
			order = append(order, b.Para.Text)
		} else {
			order = append(order, "table")
		}
	}
	if strings.Join(order, " ") != "outer table after" {
		t.Errorf("cell content in order %q, want outer, the table, after", order)
	}
	in := c.Tables()[0]
	if layout(in) != "in1|in2\n" || in.Parent != c || in.Pos.Table != 2 {
		t.Errorf("nested table %q parent %v number %d", layout(in), in.Parent, in.Pos.Table)
	}
	if second := doc.Blocks[1].Table; second == nil || second.Pos.Table != 3 {
		t.Errorf("the table after a nested one should be number 3")
	}
}

// TestDOCXText covers the markup a docx object model loses: the text Word
// shows must all be there, in order, and nothing it hides.
func TestDOCXText(t *testing.T) {
	r := func(s string) string { return `<w:r><w:t>` + s + `</w:t></w:r>` }
	tests := []struct {
		name, para, want string
	}{
		{"runs", r("预算") + r("绩效"), "预算绩效"},
		{"content control", r("a") + `<w:sdt><w:sdtPr><w:text/></w:sdtPr><w:sdtContent>` + r("b") + `</w:sdtContent></w:sdt>` + r("c"), "abc"},
		{"tracked insertion and deletion", r("a") + `<w:ins w:id="1">` + r("new") + `</w:ins><w:del w:id="2"><w:r><w:delText>old</w:delText></w:r></w:del>` + r("z"), "anewz"},
		{"smart tag", `<w:smartTag w:uri="x" w:element="date">` + r("2025年") + `</w:smartTag>` + r("底"), "2025年底"},
		{"simple field", r("第") + `<w:fldSimple w:instr="PAGE">` + r("3") + `</w:fldSimple>` + r("页"), "第3页"},
		{"complex field shows its result only", r("共") + `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> NUMPAGES </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` + r("5") + `<w:r><w:fldChar w:fldCharType="end"/></w:r>` + r("页"), "共5页"},
		{"hyperlink of several runs", `<w:hyperlink r:id="link1">` + r("财政") + r("局") + `</w:hyperlink>`, "财政局"},
		{"tab and break", `<w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:br w:type="page"/></w:r>`, "a\tb\nc"},
		{"symbol font", `<w:r><w:sym w:font="Symbol" w:char="F0B3"/></w:r>` + r("90%"), "≥90%"},
		{"moved text read once", `<w:moveFrom>` + r("x") + `</w:moveFrom><w:moveTo>` + r("x") + `</w:moveTo>`, "x"},
		{"ruby base without its guide", `<w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>jì xiào</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>绩效</w:t></w:r></w:rubyBase></w:ruby></w:r>` + r("目标"), "绩效目标"},
		{"hidden text left out", r("可见") + `<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>` + `<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>也可见</w:t></w:r>`, "可见也可见"},
		{"proofing marks and bookmarks ignored", `<w:proofErr w:type="spellStart"/><w:bookmarkStart w:id="0" w:name="_Toc1"/>` + r("目标") + `<w:bookmarkEnd w:id="0"/>`, "目标"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := mustRead(t, `<w:p>`+tt.para+`</w:p>`)
			if len(doc.Blocks) != 1 || doc.Blocks[0].Para == nil {
				t.Fatalf("blocks %+v", doc.Blocks)
			}
			if got := doc.Blocks[0].Para.Text; got != tt.want {
				t.Errorf("text %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDOCXBodyWrappers(t *testing.T) {
	body := p("one") + `<w:sdt><w:sdtPr/><w:sdtContent>` + p("two") + tbl(tr(tc(noProps, p("cell")))) + `</w:sdtContent></w:sdt>` +
		`<w:customXml w:element="x">` + p("three") + `</w:customXml>` +
		`<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>` + p("box") + `</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent>` + p("box") + `</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`
	doc := mustRead(t, body)
	var got []string
	for _, b := range doc.Blocks {
		if b.Para != nil {
			got = append(got, fmt.Sprintf("p%d:%s", b.Para.Pos.Para, b.Para.Text))
		} else {
			got = append(got, "table")
		}
	}
	want := "p1:one p2:two table p3:three p4: p5:box"
	if strings.Join(got, " ") != want {
		t.Errorf("blocks %q, want %q", strings.Join(got, " "), want)
	}
}

func TestDOCXStylesAndLists(t *testing.T) {
	styles := `<?xml version="1.0"?><w:styles ` + wNS + `>
<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/></w:style>
<w:style w:type="paragraph" w:styleId="Custom"><w:name w:val="My Title"/><w:basedOn w:val="2"/></w:style>
<w:style w:type="paragraph" w:styleId="Out"><w:name w:val="x"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
</w:styles>`
	numbering := `<?xml version="1.0"?><w:numbering ` + wNS + `>
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl></w:abstractNum>
<w:num w:numId="7"><w:abstractNumId w:val="0"/></w:num></w:numbering>`
	docRels := `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="styles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="num" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
<Relationship Id="img" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/missing.png"/></Relationships>`
	list := func(lvl int, text string) string {
		return fmt.Sprintf(`<w:p><w:pPr><w:numPr><w:ilvl w:val="%d"/><w:numId w:val="7"/></w:numPr></w:pPr><w:r><w:t>%s</w:t></w:r></w:p>`, lvl, text)
	}
	body := `<w:p><w:pPr><w:pStyle w:val="Custom"/></w:pPr><w:r><w:t>h</w:t></w:r></w:p>` +
		`<w:p><w:pPr><w:pStyle w:val="Out"/></w:pPr><w:r><w:t>o</w:t></w:r></w:p>` +
		list(0, "总体") + list(1, "a") + list(1, "b") + list(0, "分项") + list(1, "c") +
		`<w:p><w:r><w:drawing><wp:inline xmlns:wp="x"><a:blip xmlns:a="y" r:embed="img"/></wp:inline></w:drawing><w:t>after image</w:t></w:r></w:p>`
	data := makeDOCX(t, body, map[string]string{"word/_rels/document.xml.rels": docRels, "word/styles.xml": styles, "word/numbering.xml": numbering})
	doc, err := readBytes(t, "s.docx", data)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range doc.Blocks {
		pa := b.Para
		label := ""
		if pa.List != nil {
			label = pa.List.Label
		}
		got = append(got, fmt.Sprintf("h%d[%s]%s", pa.Heading, label, pa.Text))
	}
	want := "h2[]h h1[]o h0[一、]总体 h0[一.1]a h0[一.2]b h0[二、]分项 h0[二.1]c h0[]after image"
	if strings.Join(got, " ") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, " "), want)
	}
}

func TestDOCXRelationshipIDs(t *testing.T) {
	// Relationship ids need not start with rId; the main part may live
	// elsewhere than word/document.xml.
	rels := `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="R7f3a" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/doc/main.xml"/></Relationships>`
	data := makeDOCX(t, "", map[string]string{
		"_rels/.rels":        rels,
		"-word/document.xml": "",
		"doc/main.xml":       `<w:document ` + wNS + `><w:body>` + p("found") + `</w:body></w:document>`,
	})
	doc, err := readBytes(t, "r.docx", data)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Blocks[0].Para.Text != "found" {
		t.Errorf("text %q", doc.Blocks[0].Para.Text)
	}
}

// TestBadInput: every bad file gives one clear line naming the file, never
// a panic.
func TestBadInput(t *testing.T) {
	good := makeDOCX(t, p("x"), nil)
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"empty", nil, extract.ErrEmpty},
		{"text file", []byte("项目编码,项目名称\n"), extract.ErrUnknownFormat},
		{"legacy word", []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 an old .doc"), extract.ErrLegacyFormat},
		{"not a zip", []byte("PK\x03\x04 but nothing else"), extract.ErrMalformed},
		{"truncated docx", good[:len(good)/2], extract.ErrMalformed},
		{"zip without a document", makeDOCX(t, "", map[string]string{"-word/document.xml": "", "-_rels/.rels": ""}), extract.ErrUnknownFormat},
		{"broken xml", makeDOCX(t, `<w:p><w:r><w:t>x</w:r></w:p>`, nil), extract.ErrMalformed},
		{"zip bomb", zipBomb(t), extract.ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name := "bad-" + strings.ReplaceAll(tt.name, " ", "-") + ".docx"
			_, err := readBytes(t, name, tt.data)
			if !errors.Is(err, tt.want) {
				t.Fatalf("error %v, want %v", err, tt.want)
			}
			msg := err.Error()
			if !strings.Contains(msg, name) || strings.Contains(msg, "\n") {
				t.Errorf("error %q should be one line naming %s", msg, name)
			}
		})
	}
}

// zipBomb makes a .docx whose document.xml inflates to 1 GiB.
func zipBomb(t testing.TB) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestSpeed)
	})
	w, err := zw.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(w, `<w:document `+wNS+`><w:body><w:p><w:r><w:t>`)
	chunk := bytes.Repeat([]byte("a"), 1<<20)
	for range 1024 {
		w.Write(chunk)
	}
	io.WriteString(w, `</w:t></w:r></w:p></w:body></w:document>`)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// FuzzDOCX feeds document bodies to the reader: whatever the XML, it
// returns a Document or an error of a known kind, never panics, and every
// table's grid is consistent and within the limits.
func FuzzDOCX(f *testing.F) {
	f.Add(tbl(tr(tc(span2+vStart, p("a"))), tr(tc(vCont, ""))))
	f.Add(`<w:sdt><w:sdtContent>` + p("x") + `</w:sdtContent></w:sdt>`)
	f.Add(`<w:p><w:pPr><w:numPr><w:ilvl w:val="99"/><w:numId w:val="1"/></w:numPr></w:pPr></w:p>`)
	f.Add(nestedTables(extract.MaxDOCXNesting + 1))
	f.Add(nestedBoxes(3, "mc") + nestedBoxes(2, "vml"))
	f.Add(wideRow(3, 400, 3))
	f.Add(tbl(tr(`<w:trPr><w:gridBefore w:val="999"/></w:trPr>` + tc(`<w:gridSpan w:val="99999"/><w:hMerge/>`, p("a")))))
	f.Fuzz(func(t *testing.T, body string) {
		data := makeDOCX(t, body, nil)
		doc, err := readBytes(t, "f.docx", data)
		if err != nil {
			if !errors.Is(err, extract.ErrMalformed) && !errors.Is(err, extract.ErrTooComplex) && !errors.Is(err, extract.ErrTooLarge) {
				t.Fatalf("error of no known kind: %v", err)
			}
			if strings.Contains(err.Error(), "parser panic") {
				t.Fatalf("panic reached by input: %v", err)
			}
			return
		}
		slots := 0
		var check func(bs []extract.Block, depth int)
		check = func(bs []extract.Block, depth int) {
			for _, b := range bs {
				tb := b.Table
				if tb == nil {
					continue
				}
				if depth > extract.MaxDOCXNesting || tb.Cols > max(extract.MaxDOCXTableCols, extract.MaxSpan) || tb.Rows*tb.Cols > extract.MaxDOCXTableSlots {
					t.Fatalf("table %d: %dx%d at depth %d", tb.Pos.Table, tb.Rows, tb.Cols, depth)
				}
				slots += tb.Rows * tb.Cols
				if len(tb.Grid) != tb.Rows {
					t.Fatalf("table %d: %d grid rows, Rows %d", tb.Pos.Table, len(tb.Grid), tb.Rows)
				}
				for _, line := range tb.Grid {
					if len(line) != tb.Cols {
						t.Fatalf("table %d: a grid row of %d, Cols %d", tb.Pos.Table, len(line), tb.Cols)
					}
				}
				for _, c := range tb.Cells {
					if tb.At(c.Row, c.Col) != c {
						t.Fatalf("cell not at its position")
					}
					check(c.Blocks, depth+1)
				}
			}
		}
		check(doc.Blocks, 1)
		if slots > extract.MaxDOCXSlots {
			t.Fatalf("%d grid slots", slots)
		}
	})
}

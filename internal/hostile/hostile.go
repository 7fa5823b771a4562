// Package hostile builds the hostile files of the robustness issue, each a
// few kilobytes, for the tests that feed them to check and ingest: files
// that overflowed the stack, exhausted memory or never finished before the
// readers were bounded and reading was isolated. They are built here
// rather than kept in testdata so a reader sees how each is made.
package hostile

import (
	"archive/zip"
	"bytes"
	"compress/zlib"
	"fmt"
	"strings"
)

// Files returns every hostile file by name.
func Files() map[string][]byte {
	return map[string][]byte{
		"nested-tables.docx":  DOCX(nest(300_000, "<w:tbl><w:tr><w:tc>", "<w:p/></w:tc></w:tr></w:tbl>")),
		"span-rows.docx":      DOCX(spanRows(2000, 40, 1000)),
		"span-square.docx":    DOCX(spanRows(1, 1000, 1000)),
		"nested-boxes.docx":   DOCX(nest(100_000, `<w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent>`, `</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>`)),
		"objstm-self.pdf":     ObjStmSelf(),
		"objstm-open-hex.pdf": ObjStmOpenHex(65 << 20),
		"glyph-pile.pdf":      GlyphPile(20, 900_000),
		"truncated.pdf":       []byte("%PDF-1.7\n1 0 obj\n<< /Type /Catalog"),
		"zip-not-docx.docx":   zipOf(map[string]string{"hello.txt": "not a report"}),
		"empty.pdf":           {},
		"control\nchars.docx": DOCX(`<w:p><w:r><w:t>x</w:t></w:r></w:p>`),
	}
}

// nest opens n levels and closes them.
func nest(n int, open, close string) string {
	return strings.Repeat(open, n) + strings.Repeat(close, n)
}

// spanRows is rows of cells each spanning span grid columns.
func spanRows(rows, cells, span int) string {
	cell := fmt.Sprintf(`<w:tc><w:tcPr><w:gridSpan w:val="%d"/><w:vMerge w:val="restart"/></w:tcPr><w:p/></w:tc>`, span)
	row := "<w:tr>" + strings.Repeat(cell, cells) + "</w:tr>"
	return "<w:tbl>" + strings.Repeat(row, rows) + "</w:tbl>"
}

// DOCX wraps body XML in a minimal WordprocessingML package.
func DOCX(body string) []byte {
	return zipOf(map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"_rels/.rels":         `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/document.xml": `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:v="urn:schemas-microsoft-com:vml"><w:body>` +
			body + `</w:body></w:document>`,
	})
}

func zipOf(parts map[string]string) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for name, data := range parts {
		w, _ := zw.Create(name)
		w.Write([]byte(data))
	}
	zw.Close()
	return b.Bytes()
}

func deflate(data []byte) []byte {
	var z bytes.Buffer
	w, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
	w.Write(data)
	w.Close()
	return z.Bytes()
}

// pdf writes objects 1… with a cross-reference table; objs[i] is the body
// of object i+1.
func pdf(objs ...string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.5\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, x)
	return b.Bytes()
}

func stream(dict string, data []byte) string {
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

// ObjStmSelf is a PDF whose cross-reference stream puts the catalog in
// object stream 4, and object 4 in itself.
func ObjStmSelf() []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.5\n")
	objStm := "4 0 1 10 "
	body := "<< /Type /ObjStm /N 2 /First 9 >> << /Type /Catalog /Pages 2 0 R >>"
	data := objStm + body
	off4 := b.Len()
	fmt.Fprintf(&b, "4 0 obj\n<< /Type /ObjStm /N 2 /First %d /Length %d >>\nstream\n%s\nendstream\nendobj\n", len(objStm), len(data), data)
	// Cross-reference stream: 0 free; 1 in stream 4; 4 in stream 4 (itself).
	rows := [][3]int{{0, 0, 0}, {2, 4, 1}, {0, 0, 0}, {0, 0, 0}, {2, 4, 0}, {1, 0, 0}}
	off5 := b.Len()
	rows[5] = [3]int{1, off5, 0}
	var x []byte
	for _, r := range rows {
		x = append(x, byte(r[0]), byte(r[1]>>8), byte(r[1]), byte(r[2]))
	}
	_ = off4
	fmt.Fprintf(&b, "5 0 obj\n<< /Type /XRef /Size 6 /W [1 2 1] /Root 1 0 R /Length %d >>\nstream\n%s\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", len(x), x, off5)
	return b.Bytes()
}

// ObjStmOpenHex is a PDF whose object stream holds a hex string never
// closed, padded to pad bytes (deflated to a few kilobytes).
func ObjStmOpenHex(pad int) []byte {
	data := append([]byte("1 0 <"), bytes.Repeat([]byte("0"), pad)...)
	return pdf(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		stream("/Filter /FlateDecode", deflate([]byte("BT /F1 10 Tf 72 700 Td (x) Tj ET"))),
		"6 0 R",
		stream("/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode", deflate(data)),
	)
}

// GlyphPile is a PDF of pages pages, each drawing glyphs glyphs at zero
// horizontal scale (0 Tz) from one shared content stream.
func GlyphPile(pages, glyphs int) []byte {
	kids := make([]string, pages)
	objs := []string{"<< /Type /Catalog /Pages 2 0 R >>", "", "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
		stream("/Filter /FlateDecode", deflate([]byte("BT /F1 10 Tf 0 Tz 72 700 Td ("+strings.Repeat("A", glyphs)+") Tj ET")))}
	for i := range pages {
		kids[i] = fmt.Sprintf("%d 0 R", len(objs)+1)
		objs = append(objs, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 3 0 R >> >> >>")
	}
	objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), pages)
	return pdf(objs...)
}

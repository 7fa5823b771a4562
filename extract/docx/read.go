package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"unicode"

	"github.com/jixiao/jixiao/extract"
)

// BUG(docx): Hidden text (w:vanish on a run) is left out, as Word does not
// show it; text hidden through its style is read.
// BUG(docx): Tracked changes are read as if accepted: inserted text is kept,
// deleted text and deleted rows are dropped.
// BUG(docx): Text boxes are read after the paragraph that anchors them, and
// only their main (mc:Choice) rendering; footnotes, comments, headers and
// footers are not read.
// BUG(docx): A document past one of the limits of limits.go (tables or
// text boxes nested 64 deep, 1,000 grid columns, 200,000 cells in a table,
// 500,000 paragraphs and cells) is refused whole, not read up to the limit.
// BUG(docx): List labels are rendered for decimal, Chinese and letter
// formats; picture bullets and rarer formats render as "".

// MaxPartSize caps the decompressed size of each part read from a .docx, so
// a zip bomb fails early instead of filling memory.
const MaxPartSize = 64 << 20

func init() {
	extract.Register(extract.DOCX, isZip, func(r io.ReaderAt, size int64, path string, _ extract.Options) (*extract.Document, error) {
		return Read(r, size, path)
	})
}

// isZip tells a zip archive, which is taken for a .docx: Read checks
// further, and refuses one that is not with extract.ErrMalformed.
func isZip(head []byte) bool { return bytes.HasPrefix(head, []byte("PK\x03\x04")) }

// Read reads the .docx in r (size bytes) into a Document; name names the
// file in errors and positions. A file that cannot be read returns an
// *extract.Error wrapping ErrMalformed, ErrTooLarge or ErrTooComplex, and
// is never read in part. Unlike extract.Read, Read does not recover a
// panic or set Document.SHA256.
func Read(r io.ReaderAt, size int64, name string) (*extract.Document, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		if errors.Is(err, zip.ErrFormat) {
			return nil, &extract.Error{Path: name, Err: fmt.Errorf("%w: not a .docx (not a zip archive, or a truncated one): %v", extract.ErrMalformed, err)}
		}
		return nil, &extract.Error{Path: name, Err: err}
	}
	pkg := &docxPackage{zr: zr, name: name}
	main, err := pkg.mainPart()
	if err != nil {
		return nil, err
	}
	rd := &docxReader{doc: &extract.Document{Path: name, Format: extract.DOCX}, usedStyles: map[string]bool{}}
	f, err := pkg.open(main)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if err := rd.readDocument(f); err != nil {
		if !errors.Is(err, extract.ErrTooLarge) && !errors.Is(err, extract.ErrTooComplex) {
			err = fmt.Errorf("%w: %v", extract.ErrMalformed, err)
		}
		return nil, &extract.Error{Path: name, Part: main, Err: err}
	}
	// Styles and numbering are read after the body, and only as far as the
	// body uses them: a template's styles.xml is often ten times the size
	// of the text.
	var styles styleMap
	if len(rd.usedStyles) > 0 {
		data, err := pkg.related(main, "/styles")
		if err != nil {
			return nil, err
		}
		styles = parseStyles(data, rd.usedStyles)
	}
	var num *numbering
	if rd.lists || styles.haveLists() {
		data, err := pkg.related(main, "/numbering")
		if err != nil {
			return nil, err
		}
		if data != nil {
			num = parseNumbering(data)
		}
	}
	resolveParagraphs(rd.doc.Blocks, styles, num)
	return rd.doc, nil
}

type docxPackage struct {
	zr   *zip.Reader
	name string
}

func (p *docxPackage) file(name string) *zip.File {
	for _, f := range p.zr.File {
		if f.Name == name {
			return f
		}
	}
	return nil
}

// open returns the named part as a stream that fails with ErrTooLarge past
// MaxPartSize.
func (p *docxPackage) open(name string) (io.ReadCloser, error) {
	f := p.file(name)
	if f == nil {
		return nil, &extract.Error{Path: p.name, Part: name, Err: fmt.Errorf("%w: part missing", extract.ErrMalformed)}
	}
	rc, err := f.Open()
	if err != nil {
		return nil, &extract.Error{Path: p.name, Part: name, Err: fmt.Errorf("%w: %v", extract.ErrMalformed, err)}
	}
	return &cappedReader{rc: rc, left: MaxPartSize, part: name}, nil
}

func (p *docxPackage) readAll(name string) ([]byte, error) {
	rc, err := p.open(name)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	data, err := io.ReadAll(rc)
	if err == nil {
		err = partTags(data)
	}
	if err != nil {
		return nil, &extract.Error{Path: p.name, Part: name, Err: err}
	}
	return data, nil
}

type cappedReader struct {
	rc   io.ReadCloser
	left int64
	part string
}

func (c *cappedReader) Read(b []byte) (int, error) {
	if c.left <= 0 {
		return 0, fmt.Errorf("%w: decompresses to more than %d MiB", extract.ErrTooLarge, MaxPartSize>>20)
	}
	if int64(len(b)) > c.left {
		b = b[:c.left]
	}
	n, err := c.rc.Read(b)
	c.left -= int64(n)
	return n, err
}

func (c *cappedReader) Close() error { return c.rc.Close() }

type relationship struct {
	Type   string `xml:"Type,attr"`
	Target string `xml:"Target,attr"`
	Mode   string `xml:"TargetMode,attr"`
}

// rels returns the relationships of part ("" for the package).
func (p *docxPackage) rels(part string) ([]relationship, error) {
	dir, base := path.Split(part)
	name := dir + "_rels/" + base + ".rels"
	if p.file(name) == nil {
		return nil, nil
	}
	data, err := p.readAll(name)
	if err != nil {
		return nil, err
	}
	var v struct {
		Rels []relationship `xml:"Relationship"`
	}
	if err := xml.Unmarshal(data, &v); err != nil {
		return nil, &extract.Error{Path: p.name, Part: name, Err: fmt.Errorf("%w: %v", extract.ErrMalformed, err)}
	}
	return v.Rels, nil
}

// mainPart finds the main document part through the package relationships,
// whatever their ids look like.
func (p *docxPackage) mainPart() (string, error) {
	rels, err := p.rels("")
	if err != nil {
		return "", err
	}
	for _, r := range rels {
		if strings.HasSuffix(r.Type, "/officeDocument") && r.Mode != "External" {
			t := strings.TrimPrefix(r.Target, "/")
			if p.file(t) != nil {
				return t, nil
			}
		}
	}
	if p.file("word/document.xml") != nil {
		return "word/document.xml", nil
	}
	return "", &extract.Error{Path: p.name, Err: fmt.Errorf("%w: a zip archive without a Word document in it", extract.ErrUnknownFormat)}
}

// related reads the first part related to from with a type ending in
// typeSuffix; nil when there is none.
func (p *docxPackage) related(from, typeSuffix string) ([]byte, error) {
	rels, err := p.rels(from)
	if err != nil {
		return nil, err
	}
	for _, r := range rels {
		if strings.HasSuffix(r.Type, typeSuffix) && r.Mode != "External" {
			t := r.Target
			if strings.HasPrefix(t, "/") {
				t = t[1:]
			} else {
				t = path.Join(path.Dir(from), t)
			}
			if p.file(t) == nil {
				return nil, nil
			}
			return p.readAll(t)
		}
	}
	return nil, nil
}

// docxReader walks word/document.xml once, token by token.
type docxReader struct {
	d          *xml.Decoder
	doc        *extract.Document
	open       []string        // local names of the elements open, innermost last
	usedStyles map[string]bool // paragraph style ids the body uses
	lists      bool            // whether any paragraph has list numbering
	paras      int             // body paragraphs so far
	tables     int             // tables so far, nested ones included
	budget     budget          // what the document has used of the limits
}

// next returns the next token. It reads raw tokens, which spares the
// namespace bookkeeping of xml.Decoder.Token (a third of the reading time),
// and checks the nesting itself: elements are matched by local name, which
// is all the reader looks at.
func (rd *docxReader) next() (xml.Token, error) {
	tok, err := rd.d.RawToken()
	if err != nil {
		if err == io.EOF && len(rd.open) > 0 {
			return nil, fmt.Errorf("unexpected end of file inside <%s>", rd.open[len(rd.open)-1])
		}
		return nil, err
	}
	switch t := tok.(type) {
	case xml.StartElement:
		if len(rd.open) >= extract.MaxDOCXElementDepth {
			line, _ := rd.d.InputPos()
			return nil, fmt.Errorf("line %d: %w: elements nested more than %d deep", line, extract.ErrTooDeep, extract.MaxDOCXElementDepth)
		}
		rd.open = append(rd.open, t.Name.Local)
	case xml.EndElement:
		n := len(rd.open)
		if n == 0 || rd.open[n-1] != t.Name.Local {
			want := "nothing"
			if n > 0 {
				want = "<" + rd.open[n-1] + ">"
			}
			line, _ := rd.d.InputPos()
			return nil, fmt.Errorf("line %d: </%s> closes %s", line, t.Name.Local, want)
		}
		rd.open = rd.open[:n-1]
	}
	return tok, nil
}

// skip reads past the end of the element just started.
func (rd *docxReader) skip() error {
	for depth := 1; depth > 0; {
		tok, err := rd.next()
		if err != nil {
			return err
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	return nil
}

func (rd *docxReader) readDocument(r io.Reader) error {
	rd.d = xml.NewDecoder(r)
	for {
		tok, err := rd.next()
		if err == io.EOF {
			return fmt.Errorf("no w:body element")
		}
		if err != nil {
			return err
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "body" {
			return rd.blocks(func(b extract.Block) { rd.doc.Blocks = append(rd.doc.Blocks, b) }, nil)
		}
	}
}

// blocks reads block-level content up to the end of the enclosing element,
// calling emit for each paragraph and table. cell is the cell being read,
// nil in the body.
func (rd *docxReader) blocks(emit func(extract.Block), cell *cellPos) error {
	// Content controls, custom XML and tracked insertions wrap content
	// Word shows: read through them. Anything else unknown (sdtPr, del,
	// moveFrom, sectPr, bookmarks, altChunk …) is skipped.
	return rd.children(func(se xml.StartElement) error {
		switch se.Name.Local {
		case "p":
			return rd.paragraph(cell, emit)
		case "tbl":
			tb, err := rd.table()
			if err != nil {
				return err
			}
			emit(extract.Block{Table: tb})
			return nil
		}
		return rd.skip()
	}, "sdt", "sdtContent", "customXml", "ins", "moveTo")
}

// cellPos is where a paragraph being read sits in a table.
type cellPos struct{ table, row, col int }

// paragraph reads w:p. It emits the paragraph before reading it, so that
// the text boxes anchored in it, emitted as they are read, follow it:
// handing them up level by level instead made nested text boxes quadratic.
func (rd *docxReader) paragraph(cell *cellPos, emit func(extract.Block)) error {
	if err := rd.budget.element(); err != nil {
		return err
	}
	p := &extract.Paragraph{}
	emit(extract.Block{Para: p})
	if cell == nil {
		rd.paras++
		p.Pos = extract.Pos{File: rd.doc.Path, Para: rd.paras}
	} else {
		p.Pos = extract.Pos{File: rd.doc.Path, Table: cell.table, Row: cell.row, Col: cell.col}
	}
	var text strings.Builder
	outline := -1
	if err := rd.inline(&text, emit, cell, func(se xml.StartElement) error {
		return rd.paraProps(p, &outline)
	}); err != nil {
		return err
	}
	p.Text = text.String()
	p.Heading = -1 // resolved with the styles, see resolveParagraphs
	if outline >= 0 {
		p.Heading = 0
		if outline < 9 {
			p.Heading = outline + 1
		}
	}
	if p.Style != "" {
		rd.usedStyles[p.Style] = true
	}
	if p.List != nil {
		rd.lists = true
	}
	return nil
}

// paraProps reads w:pPr.
func (rd *docxReader) paraProps(p *extract.Paragraph, outline *int) error {
	return rd.children(func(se xml.StartElement) error {
		switch se.Name.Local {
		case "pStyle":
			p.Style = attr(se, "val")
		case "outlineLvl":
			if n, err := strconv.Atoi(attr(se, "val")); err == nil {
				*outline = n
			}
		case "numPr":
			li := &extract.ListItem{}
			err := rd.children(func(se xml.StartElement) error {
				switch se.Name.Local {
				case "numId":
					li.NumID = attr(se, "val")
				case "ilvl":
					li.Level, _ = strconv.Atoi(attr(se, "val"))
				}
				return rd.skip()
			})
			if li.NumID != "" && li.NumID != "0" {
				p.List = li
			}
			return err
		}
		return rd.skip()
	})
}

// inline reads the content of a paragraph up to its end, writing the text
// Word shows into text and emitting the blocks of its text boxes. pPr is
// handed to props.
func (rd *docxReader) inline(text *strings.Builder, emit func(extract.Block), cell *cellPos, props func(xml.StartElement) error) error {
	// Hyperlinks, smart tags, content controls, insertions, simple fields
	// and equations wrap text Word shows; deletions, moves away, proofing
	// marks, bookmarks and comment ranges are skipped.
	return rd.children(func(se xml.StartElement) error {
		switch se.Name.Local {
		case "pPr":
			if props != nil {
				return props(se)
			}
		case "r":
			return rd.run(text, emit, cell)
		}
		return rd.skip()
	}, "hyperlink", "smartTag", "customXml", "sdt", "sdtContent", "ins", "moveTo", "fldSimple", "bdo", "dir", "oMath", "oMathPara")
}

// run reads w:r (or m:r in an equation).
func (rd *docxReader) run(text *strings.Builder, emit func(extract.Block), cell *cellPos) error {
	hidden := false
	return rd.children(func(se xml.StartElement) error {
		if hidden && se.Name.Local != "rPr" {
			// Hidden text (w:vanish) is not shown, so it is not read; its
			// element is still walked to its end.
			var discard strings.Builder
			if se.Name.Local == "t" {
				return rd.charData(&discard)
			}
			return rd.skip()
		}
		switch se.Name.Local {
		case "rPr":
			return rd.children(func(se xml.StartElement) error {
				if se.Name.Local == "vanish" {
					v := attr(se, "val")
					hidden = v == "" || v == "1" || v == "true" || v == "on"
				}
				return rd.skip()
			})
		case "t":
			return rd.charData(text)
		case "tab", "ptab":
			text.WriteByte('\t')
		case "br":
			if typ := attr(se, "type"); typ == "" || typ == "textWrapping" {
				text.WriteByte('\n')
			}
		case "cr":
			text.WriteByte('\n')
		case "noBreakHyphen":
			text.WriteByte('-')
		case "sym":
			if n, err := strconv.ParseUint(attr(se, "char"), 16, 32); err == nil {
				text.WriteRune(symbolRune(attr(se, "font"), rune(n)))
			}
		case "drawing", "pict", "object", "AlternateContent":
			return rd.textBoxes(emit, cell)
		case "ruby":
			// A phonetic guide: the base text is the text; the guide
			// above it (w:rt) is not.
			return rd.children(func(se xml.StartElement) error {
				if se.Name.Local == "rubyBase" {
					return rd.inline(text, emit, cell, nil)
				}
				return rd.skip()
			})
		}
		return rd.skip()
	})
}

// charData appends the character data of the current element.
func (rd *docxReader) charData(text *strings.Builder) error {
	for {
		tok, err := rd.next()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.CharData:
			text.Write(t)
		case xml.EndElement:
			return nil
		case xml.StartElement:
			if err := rd.skip(); err != nil {
				return err
			}
		}
	}
}

// textBoxes looks through a drawing for text boxes (w:txbxContent) and reads
// their paragraphs. Of an mc:AlternateContent only the first choice is
// read: the fallback repeats the same text.
func (rd *docxReader) textBoxes(emit func(extract.Block), cell *cellPos) error {
	depth := 1
	for depth > 0 {
		tok, err := rd.next()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			depth--
		case xml.StartElement:
			switch t.Name.Local {
			case "txbxContent":
				if err := rd.budget.enter("text box"); err != nil {
					return err
				}
				if err := rd.blocks(emit, cell); err != nil {
					return err
				}
				rd.budget.leave()
			case "Fallback":
				if err := rd.skip(); err != nil {
					return err
				}
			default:
				depth++
			}
		}
	}
	return nil
}

// table reads w:tbl.
func (rd *docxReader) table() (*extract.Table, error) {
	if err := rd.budget.enter("table"); err != nil {
		return nil, err
	}
	defer rd.budget.leave()
	if err := rd.budget.element(); err != nil {
		return nil, err
	}
	rd.tables++
	idx := rd.tables
	var rows []extract.RawRow
	gridCols, width := 0, 0
	// cols is the width BuildTable and the w:tblGrid make the table.
	cols := func() int {
		if gridCols > width && gridCols <= extract.MaxSpan {
			return gridCols
		}
		return width
	}
	err := rd.children(func(se xml.StartElement) error {
		switch se.Name.Local {
		case "tblGrid":
			return rd.children(func(se xml.StartElement) error {
				if se.Name.Local == "gridCol" {
					gridCols++
				}
				return rd.skip()
			})
		case "tr":
			row, w, deleted, err := rd.row(idx, len(rows)+1)
			if err != nil {
				return err
			}
			if !deleted {
				rows = append(rows, row)
				width = max(width, w)
			}
			return rd.budget.grid(idx, len(rows), cols())
		}
		return rd.skip()
	}, "sdt", "sdtContent", "customXml", "ins", "moveTo")
	if err != nil {
		return nil, err
	}
	if err := rd.budget.grid(idx, len(rows), cols()); err != nil {
		return nil, err
	}
	rd.budget.add(len(rows), cols())
	t := extract.BuildTable(rows)
	if gridCols > t.Cols && gridCols <= extract.MaxSpan {
		for r := range t.Grid {
			t.Grid[r] = append(t.Grid[r], make([]*extract.Cell, gridCols-len(t.Grid[r]))...)
		}
		t.Cols = gridCols
	}
	t.Pos = extract.Pos{File: rd.doc.Path, Table: idx}
	for _, c := range t.Cells {
		c.Pos = extract.Pos{File: rd.doc.Path, Table: idx, Row: c.Row, Col: c.Col}
		for _, nt := range c.Tables() {
			nt.Parent = c
		}
	}
	return t, nil
}

// children calls f for each child element of the current element, reading
// through wrapper elements (content controls and the like) as if they were
// not there. f must consume the element it is given (Skip it at least).
func (rd *docxReader) children(f func(xml.StartElement) error, wrappers ...string) error {
	for {
		tok, err := rd.next()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			return nil
		case xml.StartElement:
			if isOneOf(t.Name.Local, wrappers) {
				err = rd.children(f, wrappers...)
			} else {
				err = f(t)
			}
			if err != nil {
				return err
			}
		}
	}
}

func isOneOf(s string, list []string) bool {
	for _, x := range list {
		if s == x {
			return true
		}
	}
	return false
}

// row reads w:tr; width is its width in grid columns, as BuildTable will
// lay it out, and deleted reports a row removed by a tracked change.
func (rd *docxReader) row(table, rowNo int) (row extract.RawRow, width int, deleted bool, err error) {
	if err := rd.budget.element(); err != nil {
		return row, 0, false, err
	}
	spans := 0 // grid columns of the cells so far, as written
	laid := 0  // the same, as BuildTable lays them out
	err = rd.children(func(se xml.StartElement) error {
		switch se.Name.Local {
		case "trPr", "tblPrEx":
			return rd.children(func(se xml.StartElement) error {
				switch se.Name.Local {
				case "gridBefore":
					row.Before, _ = strconv.Atoi(attr(se, "val"))
				case "gridAfter":
					row.After, _ = strconv.Atoi(attr(se, "val"))
				case "del":
					deleted = true
				}
				return rd.skip()
			})
		case "tc":
			col := row.Before + 1 + spans
			c, hmerge, err := rd.cell(&cellPos{table: table, row: rowNo, col: col})
			if err != nil {
				return err
			}
			spans += max(c.Span, 1)
			if hmerge && len(row.Cells) > 0 {
				// A legacy horizontal merge (w:hMerge) continues the cell
				// on its left.
				prev := &row.Cells[len(row.Cells)-1]
				laid -= prev.Width()
				prev.Join(c)
				laid += prev.Width()
			} else {
				laid += c.Width()
				row.Cells = append(row.Cells, c)
			}
			return rowWidth(table, rowNo, laid)
		}
		return rd.skip()
	}, "sdt", "sdtContent", "customXml", "ins", "moveTo")
	width = row.Width()
	if err == nil {
		err = rowWidth(table, rowNo, width)
	}
	return row, width, deleted, err
}

// cell reads w:tc.
func (rd *docxReader) cell(pos *cellPos) (c extract.RawCell, hmerge bool, err error) {
	if err := rd.budget.element(); err != nil {
		return c, false, err
	}
	c.Span = 1
	emit := func(b extract.Block) { c.Blocks = append(c.Blocks, b) }
	err = rd.children(func(se xml.StartElement) error {
		switch se.Name.Local {
		case "tcPr":
			return rd.children(func(se xml.StartElement) error {
				switch se.Name.Local {
				case "gridSpan":
					if n, err := strconv.Atoi(attr(se, "val")); err == nil && n > 0 {
						c.Span = n
					}
				case "vMerge":
					if attr(se, "val") == "restart" {
						c.VMerge = extract.MergeRestart
					} else {
						c.VMerge = extract.MergeContinue
					}
				case "hMerge":
					hmerge = attr(se, "val") != "restart"
				}
				return rd.skip()
			})
		case "p":
			return rd.paragraph(pos, emit)
		case "tbl":
			t, err := rd.table()
			if err != nil {
				return err
			}
			emit(extract.Block{Table: t})
			return nil
		}
		return rd.skip()
	}, "sdt", "sdtContent", "customXml", "ins", "moveTo")
	return c, hmerge, err
}

func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// symbolRune maps a w:sym character to Unicode. Word stores symbol-font
// glyphs in the private use area (F020–F0FF); for the Symbol font the
// comparison and math signs budget tables use are mapped, other glyphs are
// kept as written.
func symbolRune(font string, r rune) rune {
	code := r
	if code >= 0xF000 && code <= 0xF0FF {
		code -= 0xF000
	}
	if strings.EqualFold(font, "Symbol") {
		if u, ok := symbolFont[code]; ok {
			return u
		}
		if code >= 0x20 && code < 0x7F && !unicode.IsLetter(code) {
			return code // Symbol's digits and punctuation are ASCII's
		}
	}
	return r
}

var symbolFont = map[rune]rune{
	0xA3: '≤', 0xB3: '≥', 0xB9: '≠', 0xBB: '≈', 0xB1: '±', 0xB4: '×', 0xB8: '÷',
	0xB0: '°', 0xA5: '∞', 0xD7: '⋅', 0xAE: '→', 0xAC: '←', 0xD6: '√', 0xE5: '∑',
}

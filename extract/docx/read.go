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
	"sync"
	"unicode"
	"unicode/utf8"

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
	// Parts are inflated by klauspost/compress, faster than compress/flate.
	// A file read without error reads the same: Deflate fixes the bytes a
	// part decodes to, as far as it decodes. A file that fails once a part
	// was inflated is read again with compress/flate, so that its error
	// (which may name an input offset, read ahead differently by the two)
	// is the one it always had; one that fails before (not a zip, no main
	// part) would fail alike.
	inflated := false
	doc, err := read(r, size, name, func(r io.Reader) io.ReadCloser {
		inflated = true
		return newInflater(r)
	})
	if err == nil || !inflated {
		return doc, err
	}
	return read(r, size, name, nil)
}

// read is Read, inflating Deflate parts with inflate (nil: compress/flate,
// as archive/zip does).
func read(r io.ReaderAt, size int64, name string, inflate zip.Decompressor) (*extract.Document, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		if errors.Is(err, zip.ErrFormat) {
			return nil, &extract.Error{Path: name, Err: fmt.Errorf("%w: not a .docx (not a zip archive, or a truncated one): %v", extract.ErrMalformed, err)}
		}
		return nil, &extract.Error{Path: name, Err: err}
	}
	if inflate != nil {
		zr.RegisterDecompressor(zip.Deflate, inflate)
	}
	rd := newReader(&extract.Document{Path: name, Format: extract.DOCX})
	defer rd.release()
	pkg := &docxPackage{zr: zr, name: name, buf: &rd.part, z: &rd.z}
	main, err := pkg.mainPart()
	if err != nil {
		return nil, err
	}
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
		if styles, err = pkg.styles(main, rd.usedStyles); err != nil {
			return nil, err
		}
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
	buf  *[]byte       // what readAll reads into, kept from part to part
	z    *xmlTokenizer // what rels reads with

	// The relationships rels read last, of part relsOf: the main part's
	// are looked up for its styles and again for its numbering.
	relsOf   string
	relsLast []relationship
	relsRead bool
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

// readAll reads the named part whole. The bytes are valid until the next
// call: they are read into the same buffer each time, sized from the
// part's declared size, believed up to what its compressed bytes can
// inflate to (deflate expands at most 1032 times), so that a few hundred
// bytes claiming 60 MiB do not get them.
func (p *docxPackage) readAll(name string) ([]byte, error) {
	rc, err := p.open(name)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	data := (*p.buf)[:0]
	f := p.file(name)
	if size := min(f.UncompressedSize64, f.CompressedSize64*1032+1024); size < MaxPartSize && uint64(cap(data)) <= size {
		data = make([]byte, 0, size+1) // +1: room to read the end
	}
	for {
		if len(data) == cap(data) {
			data = append(make([]byte, 0, 2*cap(data)+512), data...)
		}
		n, rerr := rc.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if rerr == io.EOF {
			break
		}
		if rerr != nil {
			err = rerr
			break
		}
	}
	*p.buf = data
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
	if p.relsRead && p.relsOf == part {
		return p.relsLast, nil
	}
	dir, base := path.Split(part)
	name := dir + "_rels/" + base + ".rels"
	if p.file(name) == nil {
		return nil, nil
	}
	data, err := p.readAll(name)
	if err != nil {
		return nil, err
	}
	rels, err := parseRels(p.z, data)
	if err != nil {
		return nil, &extract.Error{Path: p.name, Part: name, Err: fmt.Errorf("%w: %v", extract.ErrMalformed, err)}
	}
	p.relsOf, p.relsLast, p.relsRead = part, rels, true
	return rels, nil
}

// parseRels reads a relationships part as xml.Unmarshal reads it into
// struct{ Rels []relationship `xml:"Relationship"` }, refusing what it
// refuses (FuzzRels), with z: the children of the root element named
// Relationship, in any namespace, each attribute read by its local name
// (the last of a name wins); elements must close by the exact name they
// open with, and nothing after the root is read. It spares the two
// relationship parts of a report a hundred allocations each.
func parseRels(z *xmlTokenizer, data []byte) ([]relationship, error) {
	z.reset(bytes.NewReader(data))
	var rels []relationship
	var open []byte // prefixed names of the elements open, each after a 0
	var name []byte // of the end just read
	for depth := 0; ; {
		k, err := z.next()
		if err == io.EOF && depth > 0 {
			err = &xml.SyntaxError{Msg: "unexpected EOF", Line: z.line(z.pos)}
		}
		if err != nil {
			return nil, err // io.EOF too: there is no root
		}
		switch k {
		case tokStart:
			if depth == 1 && string(z.name) == "Relationship" {
				var r relationship
				for i, a := range z.attrs {
					switch string(a.name) {
					case "Type":
						r.Type = string(z.attrValue(i))
					case "Target":
						r.Target = string(z.attrValue(i))
					case "TargetMode":
						r.Mode = string(z.attrValue(i))
					}
				}
				rels = append(rels, r)
			}
			depth++
			open = appendPrefixed(append(open, 0), z.space, z.name)
		case tokEnd:
			top := bytes.LastIndexByte(open, 0)
			if name = appendPrefixed(name[:0], z.space, z.name); string(name) != string(open[top+1:]) {
				return nil, &xml.SyntaxError{Msg: "element <" + string(open[top+1:]) + "> closed by </" + string(name) + ">", Line: z.line(z.pos)}
			}
			open = open[:top]
			if depth--; depth == 0 {
				return rels, nil // nothing after the root is read
			}
		}
	}
}

func appendPrefixed(b, space, local []byte) []byte {
	if len(space) > 0 {
		b = append(append(b, space...), ':')
	}
	return append(b, local...)
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
	name, err := p.relatedName(from, typeSuffix)
	if name == "" || err != nil {
		return nil, err
	}
	return p.readAll(name)
}

// relatedName names the first part related to from with a type ending in
// typeSuffix; "" when there is none, or it is missing.
func (p *docxPackage) relatedName(from, typeSuffix string) (string, error) {
	rels, err := p.rels(from)
	if err != nil {
		return "", err
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
				return "", nil
			}
			return t, nil
		}
	}
	return "", nil
}

// styles reads the styles of main that the styles in used inherit from
// (parseStyles). A styles part stored as one read before is not read again
// (rawStyleCache).
func (p *docxPackage) styles(main string, used map[string]bool) (styleMap, error) {
	name, err := p.relatedName(main, "/styles")
	if err != nil {
		return nil, err
	}
	if name == "" {
		return parseStyles(nil, used), nil
	}
	key, keyed, buf := rawStyleKey(p.file(name), *p.buf)
	*p.buf = buf[:0]
	if keyed {
		if ix := rawStyleCache.get(key); ix != nil && ix.elems != nil {
			return indexedStyles(ix, nil, used), nil
		}
	}
	data, err := p.readAll(name)
	if err != nil {
		return nil, err
	}
	ix := cachedStyleIndex(data)
	if keyed && len(data) <= styleCacheMaxPart {
		ix = rawStyleCache.put(key, ix)
	}
	return indexedStyles(ix, data, used), nil
}

// docxReader walks word/document.xml once, token by token. Readers are
// pooled (readers): their buffers outlive the document, and the
// Document holds no slice of them.
type docxReader struct {
	z          xmlTokenizer
	doc        *extract.Document
	open       []byte            // local names of the elements open, end to end, innermost last
	openAt     []int             // where each of them starts in open
	text       []byte            // text of the paragraphs being read, outermost first (see paragraph)
	part       []byte            // the part docxPackage.readAll read last
	slabs      slabs             // the document's paragraphs and first blocks
	texts      []byte            // texts of the paragraphs read, not yet strings (flushTexts)
	pending    []pendingText     // the paragraphs whose texts they are
	rows       []extract.RawRow  // rows of the tables being read, outermost first
	cells      []extract.RawCell // cells of those rows
	names      map[string]string // style and list ids, so that each is a string once
	usedStyles map[string]bool   // paragraph style ids the body uses
	lists      bool              // whether any paragraph has list numbering
	paras      int               // body paragraphs so far
	tables     int               // tables so far, nested ones included
	budget     budget            // what the document has used of the limits
}

var readers = sync.Pool{New: func() any {
	return &docxReader{names: map[string]string{}, usedStyles: map[string]bool{}}
}}

func newReader(doc *extract.Document) *docxReader {
	rd := readers.Get().(*docxReader)
	clear(rd.names)
	clear(rd.usedStyles)
	*rd = docxReader{z: rd.z, doc: doc, open: rd.open[:0], openAt: rd.openAt[:0], text: rd.text[:0], part: rd.part[:0], names: rd.names, usedStyles: rd.usedStyles,
		texts: rd.texts[:0], pending: rd.pending[:0], rows: rd.rows[:0], cells: rd.cells[:0]}
	return rd
}

// release returns rd to the pool, unless a hostile document grew its
// buffers far past what reports need.
func (rd *docxReader) release() {
	rd.doc, rd.z.r, rd.z.err, rd.z.rerr, rd.z.other = nil, nil, nil, nil, nil
	// Pooled, rd must not keep the document from the collector.
	rd.slabs = slabs{}
	clear(rd.pending[:cap(rd.pending)])
	clear(rd.rows[:cap(rd.rows)])
	clear(rd.cells[:cap(rd.cells)])
	if cap(rd.z.buf) > 4*windowSize || cap(rd.text) > 1<<20 || cap(rd.texts) > 1<<20 || cap(rd.cells) > 1<<16 || cap(rd.rows) > 1<<16 || cap(rd.pending) > 1<<16 || cap(rd.part) > 4<<20 || cap(rd.z.decoded) > 1<<20 || cap(rd.z.value) > 1<<20 || cap(rd.z.attrs) > 1<<16 || len(rd.names) > 10_000 || len(rd.usedStyles) > 10_000 {
		return
	}
	readers.Put(rd)
}

// intern returns b as a string, the same string for the same bytes.
func (rd *docxReader) intern(b []byte) string {
	if s, ok := rd.names[string(b)]; ok {
		return s
	}
	s := string(b)
	rd.names[s] = s
	return s
}

// next returns the next token, which is in rd.z. It checks the nesting
// itself: elements are matched by local name, which is all the reader
// looks at.
func (rd *docxReader) next() (tokKind, error) {
	k, err := rd.z.next()
	if err != nil {
		if err == io.EOF && len(rd.openAt) > 0 {
			return 0, fmt.Errorf("unexpected end of file inside <%s>", rd.open[rd.openAt[len(rd.openAt)-1]:])
		}
		return 0, err
	}
	switch k {
	case tokStart:
		if len(rd.openAt) >= extract.MaxDOCXElementDepth {
			return 0, fmt.Errorf("line %d: %w: elements nested more than %d deep", rd.z.line(rd.z.pos), extract.ErrTooDeep, extract.MaxDOCXElementDepth)
		}
		rd.openAt = append(rd.openAt, len(rd.open))
		rd.open = append(rd.open, rd.z.name...)
	case tokEnd:
		n := len(rd.openAt)
		if n == 0 || string(rd.open[rd.openAt[n-1]:]) != string(rd.z.name) {
			want := "nothing"
			if n > 0 {
				want = "<" + string(rd.open[rd.openAt[n-1]:]) + ">"
			}
			return 0, fmt.Errorf("line %d: </%s> closes %s", rd.z.line(rd.z.pos), rd.z.name, want)
		}
		rd.open = rd.open[:rd.openAt[n-1]]
		rd.openAt = rd.openAt[:n-1]
	}
	return k, nil
}

// skip reads past the end of the element just started.
func (rd *docxReader) skip() error {
	for depth := 1; depth > 0; {
		k, err := rd.next()
		if err != nil {
			return err
		}
		switch k {
		case tokStart:
			depth++
		case tokEnd:
			depth--
		}
	}
	return nil
}

// child reads to the start of the next child element of the current
// element, reading through the elements in wrappers (content controls and
// the like) as if they were not there; it returns false at the current
// element's end. depth counts the wrappers open, 0 to begin with. The
// caller must consume the child (skip it at least).
func (rd *docxReader) child(wrappers wrapperSet, depth *int) (bool, error) {
	for {
		k, err := rd.next()
		if err != nil {
			return false, err
		}
		switch k {
		case tokEnd:
			if *depth == 0 {
				return false, nil
			}
			*depth--
		case tokStart:
			if !wrappers.has(rd.z.name) {
				return true, nil
			}
			*depth++
		}
	}
}

// wrapperSet names the elements child reads through.
type wrapperSet uint8

const (
	noWrappers wrapperSet = iota
	// Content controls, custom XML and tracked insertions wrap content
	// Word shows: block and table content is read through them. Anything
	// else unknown (sdtPr, del, moveFrom, sectPr, bookmarks, altChunk …)
	// is skipped.
	blockWrappers
	// Hyperlinks, smart tags, content controls, insertions, simple fields
	// and equations wrap text Word shows; deletions, moves away, proofing
	// marks, bookmarks and comment ranges are skipped.
	inlineWrappers
)

// has reports whether name is one of the set's. A switch, which the
// compiler makes a search by length and bytes, where a loop compared
// name with each of a list's names.
func (w wrapperSet) has(name []byte) bool {
	switch w {
	case blockWrappers:
		switch string(name) {
		case "sdt", "sdtContent", "customXml", "ins", "moveTo":
			return true
		}
	case inlineWrappers:
		switch string(name) {
		case "hyperlink", "smartTag", "customXml", "sdt", "sdtContent", "ins", "moveTo", "fldSimple", "bdo", "dir", "oMath", "oMathPara":
			return true
		}
	}
	return false
}

func (rd *docxReader) readDocument(r io.Reader) error {
	rd.z.reset(r)
	for {
		k, err := rd.next()
		if err == io.EOF {
			return fmt.Errorf("no w:body element")
		}
		if err != nil {
			return err
		}
		if k == tokStart && string(rd.z.name) == "body" {
			err := rd.blocks(&rd.doc.Blocks, nil)
			rd.flushTexts()
			return err
		}
	}
}

// blocks reads block-level content up to the end of the enclosing element,
// appending each paragraph and table to dst. cell is the cell being read,
// nil in the body.
func (rd *docxReader) blocks(dst *[]extract.Block, cell *cellPos) error {
	for depth := 0; ; {
		ok, err := rd.child(blockWrappers, &depth)
		if !ok {
			return err
		}
		switch string(rd.z.name) {
		case "p":
			err = rd.paragraph(cell, dst)
		case "tbl":
			var tb *extract.Table
			if tb, err = rd.table(); err == nil {
				rd.slabs.appendBlock(dst, extract.Block{Table: tb})
			}
		default:
			err = rd.skip()
		}
		if err != nil {
			return err
		}
	}
}

// pendingText is a paragraph whose text ends at end in rd.texts.
type pendingText struct {
	p   *extract.Paragraph
	end int
}

// flushTexts gives the paragraphs read since the last flush their texts,
// cut from one string: one allocation for them all instead of one each.
// It must run before anything reads the texts: building a table (the
// texts of its cells), joining cells, and the end of the document.
func (rd *docxReader) flushTexts() {
	if len(rd.pending) == 0 {
		return
	}
	all, start := string(rd.texts), 0
	for i, pt := range rd.pending {
		pt.p.Text = all[start:pt.end]
		start = pt.end
		rd.pending[i] = pendingText{}
	}
	rd.texts, rd.pending = rd.texts[:0], rd.pending[:0]
}

// slabs hands out a document's paragraphs, and the slices of blocks of
// its cells, from arrays of slabSize: a few allocations instead of one a
// paragraph and one a cell. Nothing handed out is handed out again, and a
// reader starts each document with new slabs, the Document keeping them.
type slabs struct {
	paras  []extract.Paragraph
	blocks []extract.Block
}

const slabSize = 64

func (s *slabs) paragraph() *extract.Paragraph {
	if len(s.paras) == 0 {
		s.paras = make([]extract.Paragraph, slabSize)
	}
	p := &s.paras[0]
	s.paras = s.paras[1:]
	return p
}

// appendBlock appends b to *dst. A first block gets a slice of capacity 1
// from the slab (most cells hold one paragraph); appending to it again
// moves it out, as appending to any full slice does.
func (s *slabs) appendBlock(dst *[]extract.Block, b extract.Block) {
	if cap(*dst) > 0 {
		*dst = append(*dst, b)
		return
	}
	if len(s.blocks) == 0 {
		s.blocks = make([]extract.Block, slabSize)
	}
	s.blocks[0] = b
	*dst = s.blocks[0:1:1]
	s.blocks = s.blocks[1:]
}

// cellPos is where a paragraph being read sits in a table.
type cellPos struct{ table, row, col int }

// paragraph reads w:p. It appends the paragraph to dst before reading it,
// so that the text boxes anchored in it, appended as they are read, follow
// it: handing them up level by level instead made nested text boxes
// quadratic. Its text is gathered at the end of rd.text, after the text so
// far of the paragraphs it sits in (a text box's paragraph sits in the
// paragraph anchoring it), and cut off when it is read.
func (rd *docxReader) paragraph(cell *cellPos, dst *[]extract.Block) error {
	if err := rd.budget.element(); err != nil {
		return err
	}
	p := rd.slabs.paragraph()
	rd.slabs.appendBlock(dst, extract.Block{Para: p})
	if cell == nil {
		rd.paras++
		p.Pos = extract.Pos{File: rd.doc.Path, Para: rd.paras}
	} else {
		p.Pos = extract.Pos{File: rd.doc.Path, Table: cell.table, Row: cell.row, Col: cell.col}
	}
	start := len(rd.text)
	outline := -1
	if err := rd.inline(p, &outline, dst, cell); err != nil {
		return err
	}
	rd.texts = append(rd.texts, rd.text[start:]...)
	rd.pending = append(rd.pending, pendingText{p, len(rd.texts)})
	rd.text = rd.text[:start]
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
	for depth := 0; ; {
		ok, err := rd.child(noWrappers, &depth)
		if !ok {
			return err
		}
		switch string(rd.z.name) {
		case "pStyle":
			p.Style = rd.intern(rd.z.attr("val"))
		case "outlineLvl":
			if n, err := strconv.Atoi(string(rd.z.attr("val"))); err == nil {
				*outline = n
			}
		case "numPr":
			li := &extract.ListItem{}
			for depth := 0; ; {
				ok, err := rd.child(noWrappers, &depth)
				if !ok {
					if err != nil {
						return err
					}
					break
				}
				switch string(rd.z.name) {
				case "numId":
					li.NumID = rd.intern(rd.z.attr("val"))
				case "ilvl":
					li.Level, _ = strconv.Atoi(string(rd.z.attr("val")))
				}
				if err := rd.skip(); err != nil {
					return err
				}
			}
			if li.NumID != "" && li.NumID != "0" {
				p.List = li
			}
			continue
		}
		if err := rd.skip(); err != nil {
			return err
		}
	}
}

// inline reads the content of a paragraph up to its end, appending the
// text Word shows to rd.text and the blocks of its text boxes to dst. Its
// w:pPr is read into p, unless p is nil (the base text of a phonetic guide).
func (rd *docxReader) inline(p *extract.Paragraph, outline *int, dst *[]extract.Block, cell *cellPos) error {
	for depth := 0; ; {
		ok, err := rd.child(inlineWrappers, &depth)
		if !ok {
			return err
		}
		switch string(rd.z.name) {
		case "pPr":
			if p != nil {
				err = rd.paraProps(p, outline)
			} else {
				err = rd.skip()
			}
		case "r":
			err = rd.run(dst, cell)
		default:
			err = rd.skip()
		}
		if err != nil {
			return err
		}
	}
}

// run reads w:r (or m:r in an equation).
func (rd *docxReader) run(dst *[]extract.Block, cell *cellPos) error {
	hidden := false
	for depth := 0; ; {
		ok, err := rd.child(noWrappers, &depth)
		if !ok {
			return err
		}
		name := rd.z.name
		if hidden && string(name) != "rPr" {
			// Hidden text (w:vanish) is not shown, so it is not read; its
			// element is still walked to its end.
			if string(name) == "t" {
				err = rd.charData(false)
			} else {
				err = rd.skip()
			}
			if err != nil {
				return err
			}
			continue
		}
		consumed := true
		switch string(name) {
		case "rPr":
			err = rd.runProps(&hidden)
		case "t":
			err = rd.charData(true)
		case "drawing", "pict", "object", "AlternateContent":
			err = rd.textBoxes(dst, cell)
		case "ruby":
			err = rd.ruby(dst, cell)
		default:
			consumed = false
			rd.runChar(name)
		}
		if err == nil && !consumed {
			err = rd.skip()
		}
		if err != nil {
			return err
		}
	}
}

// runChar appends the text of the run element just started, of local name
// name, that stands for a character.
func (rd *docxReader) runChar(name []byte) {
	switch string(name) {
	case "tab", "ptab":
		rd.text = append(rd.text, '\t')
	case "br":
		if typ := rd.z.attr("type"); len(typ) == 0 || string(typ) == "textWrapping" {
			rd.text = append(rd.text, '\n')
		}
	case "cr":
		rd.text = append(rd.text, '\n')
	case "noBreakHyphen":
		rd.text = append(rd.text, '-')
	case "sym":
		if n, err := strconv.ParseUint(string(rd.z.attr("char")), 16, 32); err == nil {
			rd.text = utf8.AppendRune(rd.text, symbolRune(string(rd.z.attr("font")), rune(n)))
		}
	}
}

// runProps reads w:rPr for w:vanish.
func (rd *docxReader) runProps(hidden *bool) error {
	for depth := 0; ; {
		ok, err := rd.child(noWrappers, &depth)
		if !ok {
			return err
		}
		if string(rd.z.name) == "vanish" {
			v := string(rd.z.attr("val"))
			*hidden = v == "" || v == "1" || v == "true" || v == "on"
		}
		if err := rd.skip(); err != nil {
			return err
		}
	}
}

// ruby reads a phonetic guide: the base text is the text; the guide above
// it (w:rt) is not.
func (rd *docxReader) ruby(dst *[]extract.Block, cell *cellPos) error {
	for depth := 0; ; {
		ok, err := rd.child(noWrappers, &depth)
		if !ok {
			return err
		}
		if string(rd.z.name) == "rubyBase" {
			err = rd.inline(nil, nil, dst, cell)
		} else {
			err = rd.skip()
		}
		if err != nil {
			return err
		}
	}
}

// charData reads the character data of the current element, appending it
// to rd.text when keep is set.
func (rd *docxReader) charData(keep bool) error {
	for {
		k, err := rd.next()
		if err != nil {
			return err
		}
		switch k {
		case tokText:
			if keep {
				rd.text = append(rd.text, rd.z.text...)
			}
		case tokEnd:
			return nil
		case tokStart:
			if err := rd.skip(); err != nil {
				return err
			}
		}
	}
}

// textBoxes looks through a drawing for text boxes (w:txbxContent) and reads
// their paragraphs. Of an mc:AlternateContent only the first choice is
// read: the fallback repeats the same text.
func (rd *docxReader) textBoxes(dst *[]extract.Block, cell *cellPos) error {
	depth := 1
	for depth > 0 {
		k, err := rd.next()
		if err != nil {
			return err
		}
		switch k {
		case tokEnd:
			depth--
		case tokStart:
			switch string(rd.z.name) {
			case "txbxContent":
				if err := rd.budget.enter("text box"); err != nil {
					return err
				}
				if err := rd.blocks(dst, cell); err != nil {
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
	// The rows and cells are read onto rd.rows and rd.cells, after those
	// of the tables around, and taken off once the table is built.
	rowsStart, cellsStart := len(rd.rows), len(rd.cells)
	gridCols, width := 0, 0
	// cols is the width BuildTable and the w:tblGrid make the table.
	cols := func() int {
		if gridCols > width && gridCols <= extract.MaxSpan {
			return gridCols
		}
		return width
	}
	for depth := 0; ; {
		ok, err := rd.child(blockWrappers, &depth)
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
		switch string(rd.z.name) {
		case "tblGrid":
			err = rd.tableGrid(&gridCols)
		case "tr":
			row, w, deleted, rerr := rd.row(idx, len(rd.rows)-rowsStart+1)
			if rerr != nil {
				return nil, rerr
			}
			if !deleted {
				rd.rows = append(rd.rows, row)
				width = max(width, w)
			}
			err = rd.budget.grid(idx, len(rd.rows)-rowsStart, cols())
		default:
			err = rd.skip()
		}
		if err != nil {
			return nil, err
		}
	}
	rows := rd.rows[rowsStart:]
	if err := rd.budget.grid(idx, len(rows), cols()); err != nil {
		return nil, err
	}
	rd.budget.add(len(rows), cols())
	rd.flushTexts()
	t := extract.BuildTable(rows) // keeps neither rows nor their cells
	clear(rows)
	clear(rd.cells[cellsStart:])
	rd.rows, rd.cells = rd.rows[:rowsStart], rd.cells[:cellsStart]
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

// tableGrid reads w:tblGrid, counting its columns into cols.
func (rd *docxReader) tableGrid(cols *int) error {
	for depth := 0; ; {
		ok, err := rd.child(noWrappers, &depth)
		if !ok {
			return err
		}
		if string(rd.z.name) == "gridCol" {
			*cols++
		}
		if err := rd.skip(); err != nil {
			return err
		}
	}
}

// row reads w:tr; width is its width in grid columns, as BuildTable will
// lay it out, and deleted reports a row removed by a tracked change.
func (rd *docxReader) row(table, rowNo int) (row extract.RawRow, width int, deleted bool, err error) {
	if err := rd.budget.element(); err != nil {
		return row, 0, false, err
	}
	spans := 0 // grid columns of the cells so far, as written
	laid := 0  // the same, as BuildTable lays them out
	start := len(rd.cells)
	for depth := 0; ; {
		var ok bool
		if ok, err = rd.child(blockWrappers, &depth); !ok {
			break
		}
		switch string(rd.z.name) {
		case "trPr", "tblPrEx":
			err = rd.rowProps(&row, &deleted)
		case "tc":
			col := row.Before + 1 + spans
			var c extract.RawCell
			var hmerge bool
			c, hmerge, err = rd.cell(&cellPos{table: table, row: rowNo, col: col})
			if err != nil {
				break
			}
			spans += max(c.Span, 1)
			if hmerge && len(rd.cells) > start {
				// A legacy horizontal merge (w:hMerge) continues the cell
				// on its left. Join reads the texts.
				rd.flushTexts()
				prev := &rd.cells[len(rd.cells)-1]
				laid -= prev.Width()
				prev.Join(c)
				laid += prev.Width()
			} else {
				laid += c.Width()
				rd.cells = append(rd.cells, c)
			}
			err = rowWidth(table, rowNo, laid)
		default:
			err = rd.skip()
		}
		if err != nil {
			break
		}
	}
	row.Cells = rd.cells[start:len(rd.cells):len(rd.cells)]
	width = row.Width()
	if err == nil {
		err = rowWidth(table, rowNo, width)
	}
	if deleted {
		clear(row.Cells)
		rd.cells = rd.cells[:start]
	}
	return row, width, deleted, err
}

// rowProps reads w:trPr or w:tblPrEx.
func (rd *docxReader) rowProps(row *extract.RawRow, deleted *bool) error {
	for depth := 0; ; {
		ok, err := rd.child(noWrappers, &depth)
		if !ok {
			return err
		}
		switch string(rd.z.name) {
		case "gridBefore":
			row.Before, _ = strconv.Atoi(string(rd.z.attr("val")))
		case "gridAfter":
			row.After, _ = strconv.Atoi(string(rd.z.attr("val")))
		case "del":
			*deleted = true
		}
		if err := rd.skip(); err != nil {
			return err
		}
	}
}

// cell reads w:tc.
func (rd *docxReader) cell(pos *cellPos) (c extract.RawCell, hmerge bool, err error) {
	if err := rd.budget.element(); err != nil {
		return c, false, err
	}
	c.Span = 1
	for depth := 0; ; {
		var ok bool
		if ok, err = rd.child(blockWrappers, &depth); !ok {
			return c, hmerge, err
		}
		switch string(rd.z.name) {
		case "tcPr":
			err = rd.cellProps(&c, &hmerge)
		case "p":
			err = rd.paragraph(pos, &c.Blocks)
		case "tbl":
			var t *extract.Table
			if t, err = rd.table(); err == nil {
				rd.slabs.appendBlock(&c.Blocks, extract.Block{Table: t})
			}
		default:
			err = rd.skip()
		}
		if err != nil {
			return c, hmerge, err
		}
	}
}

// cellProps reads w:tcPr.
func (rd *docxReader) cellProps(c *extract.RawCell, hmerge *bool) error {
	for depth := 0; ; {
		ok, err := rd.child(noWrappers, &depth)
		if !ok {
			return err
		}
		switch string(rd.z.name) {
		case "gridSpan":
			if n, err := strconv.Atoi(string(rd.z.attr("val"))); err == nil && n > 0 {
				c.Span = n
			}
		case "vMerge":
			if string(rd.z.attr("val")) == "restart" {
				c.VMerge = extract.MergeRestart
			} else {
				c.VMerge = extract.MergeContinue
			}
		case "hMerge":
			*hmerge = string(rd.z.attr("val")) != "restart"
		}
		if err := rd.skip(); err != nil {
			return err
		}
	}
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

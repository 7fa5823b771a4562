package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	pdflib "github.com/ledongthuc/pdf"

	"github.com/jixiao/jixiao/extract"
)

// Limits of one file.
const (
	maxPDFBytes     = 1 << 30   // larger files are refused with ErrTooLarge
	maxInMemory     = 64 << 20  // files up to this size are read into memory first
	maxContentBytes = 512 << 20 // decoded content streams of all pages
	maxPageNodes    = 4 * extract.MaxPDFPages
)

func init() { extract.Register(extract.PDF, isPDF, read) }

// isPDF tells a PDF: %PDF- in the first kilobyte, where readers look for
// it, after whatever junk a mail gateway put before it. A zip archive is
// never one, even with %PDF- inside (a .docx quoting it), so that the
// order formats register in does not matter.
func isPDF(head []byte) bool {
	return !bytes.HasPrefix(head, []byte("PK\x03\x04")) && bytes.Contains(head, []byte("%PDF-"))
}

// Read reads the PDF in r (size bytes) into a Document. path names the
// file in errors and positions. It reads no page by OCR; extract.Read
// with Options does.
//
// Pages that fail to read are left out and reported in the returned
// extract.ErrorList (one *extract.Error per page, Part "page N") along
// with a Document of the other pages. A file that cannot be read at all
// returns a nil Document and an *extract.Error wrapping ErrEmpty,
// ErrEncrypted, ErrNoTextLayer, ErrMalformed or ErrTooLarge.
func Read(r io.ReaderAt, size int64, path string) (doc *extract.Document, err error) {
	return read(r, size, path, extract.Options{})
}

// read is Read with the options of o (OCR of scanned pages); extract.Read
// calls it.
func read(r io.ReaderAt, size int64, path string, o extract.Options) (doc *extract.Document, err error) {
	defer func() {
		if x := recover(); x != nil {
			rethrowBug(x)
			doc, err = nil, &extract.Error{Path: path, Err: fmt.Errorf("%w: %v", extract.ErrMalformed, x)}
		}
	}()
	d, err := openPDF(r, size)
	if err != nil {
		return nil, &extract.Error{Path: path, Err: err}
	}
	pages, err := d.pages()
	if err != nil && errors.Is(err, extract.ErrMalformed) && d.data != nil && !d.rebuilt {
		// Cross-references that point at the wrong bytes show only now.
		if d, err = openRebuilt(d.data); err == nil {
			pages, err = d.pages()
		}
	}
	if err != nil {
		return nil, &extract.Error{Path: path, Err: err}
	}
	contents := make([]*pageContent, len(pages))
	var errs extract.ErrorList
	glyphs, images, unknown := 0, 0, 0
	for i, p := range pages {
		pc, err := d.interpretPage(p)
		if err != nil {
			e := extract.PageError(path, i+1, err)
			if errors.Is(err, extract.ErrTooLarge) {
				return nil, e
			}
			errs = append(errs, e)
		}
		contents[i] = pc
		if glyphs += len(pc.glyphs); glyphs > maxGlyphsDoc {
			return nil, extract.PageError(path, i+1, fmt.Errorf("%w: more than %d glyphs in the file", extract.ErrTooLarge, maxGlyphsDoc))
		}
		images += pc.images
		for _, g := range pc.glyphs {
			if hasRuneError(g.text) {
				unknown++
			}
		}
	}
	if wantsOCR(o.OCR, glyphs, images) {
		if o.OCR.Started != nil {
			o.OCR.Started()
		}
		return ocrDocument(path, d, pages, contents, o.OCR, images)
	}
	// Glyphs whose font maps them to no character read as U+FFFD. A few
	// are a symbol font's bullets; many mean the text itself is lost, and
	// a report read from it would carry wrong values.
	if glyphs > 0 && unknown*100 > glyphs {
		return nil, &extract.Error{Path: path, Err: fmt.Errorf("%w (%d of %d glyphs)", extract.ErrUndecodable, unknown, glyphs)}
	}
	if glyphs == 0 {
		if len(errs) > 0 {
			return nil, errs
		}
		return nil, &extract.Error{Path: path, Err: fmt.Errorf("%w (pages: %d, images: %d)", extract.ErrNoTextLayer, len(pages), images)}
	}
	doc = layoutDocument(path, contents)
	if len(errs) > 0 {
		doc.Lost = errs
		return doc, errs
	}
	return doc, nil
}

// pdfDoc is one open PDF file and what is shared by its pages.
type pdfDoc struct {
	r            *pdflib.Reader
	fonts        map[valueKey]*pdfFont   // by the font dictionary
	res          map[valueKey]*resources // by the resource dictionary
	ops          int
	contentBytes int64
	data         []byte // the file, when it is in memory
	rebuilt      bool   // read from the file rebuildPDF wrote, or rebuilding failed: not to try again

	// lex holds the content lexer's storage for each Form XObject depth,
	// reused from stream to stream; names are shared by all depths.
	lex   [maxFormDepth + 1]contentState
	names map[string]string

	glyphHint int    // glyphs on the page read last
	raw       []byte // the file as the library reads it, when it is in memory and not encrypted
	scratch   []byte // the data of the stream read last by scratchStream
}

// lexState returns the content lexer's storage for Form XObject depth
// depth.
func (d *pdfDoc) lexState(depth int) *contentState {
	if d.names == nil {
		d.names = make(map[string]string)
	}
	st := &d.lex[min(depth, maxFormDepth)]
	st.names = d.names
	return st
}

// openPDF checks the file's header and size and opens it with the library.
// A file in memory that the library cannot read as it is (encrypted,
// damaged cross-references, filters it lacks) is rebuilt first.
func openPDF(r io.ReaderAt, size int64) (*pdfDoc, error) {
	switch {
	case size <= 0:
		return nil, extract.ErrEmpty
	case size > maxPDFBytes:
		return nil, fmt.Errorf("%w: %d MiB is more than the %d MiB a PDF may have", extract.ErrTooLarge, size>>20, maxPDFBytes>>20)
	}
	head := make([]byte, min(size, 1024))
	r.ReadAt(head, 0)
	start := bytes.Index(head, []byte("%PDF-"))
	if start < 0 {
		return nil, fmt.Errorf("%w: not a PDF file (no %%PDF- header)", extract.ErrMalformed)
	}
	if start > 0 { // junk before the header: offsets count from %PDF
		r = io.NewSectionReader(r, int64(start), size-int64(start))
		size -= int64(start)
	}
	if size > maxInMemory {
		size = endOfPDF(r, size)
		if err := checkObjectStreamsAt(r, size); err != nil {
			return nil, err
		}
		if err := checkXref(r, size); err != nil {
			return nil, err
		}
		return openLib(r, size, nil)
	}
	data := make([]byte, size)
	if n, err := r.ReadAt(data, 0); int64(n) != size {
		return nil, fmt.Errorf("%w: reading: %v", extract.ErrMalformed, err)
	}
	data = data[:trimAfterEOF(data)]
	size = int64(len(data))
	rebuilt := false
	if needsRebuild(data) {
		d, err := openRebuilt(data)
		if err == nil || errors.Is(err, extract.ErrEncrypted) || isLimit(err) {
			return d, err
		}
		// What our rebuild cannot read, the library may.
		rebuilt = true
	}
	if err := checkObjectStreams(data); err != nil {
		return nil, err
	}
	err := checkXref(bytes.NewReader(data), size)
	if errors.Is(err, errXrefOffsets) && !rebuilt {
		return openRebuilt(data)
	}
	if err != nil && !errors.Is(err, errXrefOffsets) {
		return nil, err
	}
	d, err := openLib(bytes.NewReader(data), size, data)
	if errors.Is(err, extract.ErrMalformed) && !rebuilt {
		return openRebuilt(data)
	}
	if d != nil {
		d.data, d.rebuilt = data, rebuilt
	}
	return d, err
}

// needsRebuild tells a file the library would misread: an encrypted one
// (the library lacks AES-256 and short RC4 keys, and its object streams
// could not be checked) or one with a filter the library lacks.
func needsRebuild(data []byte) bool {
	// One pass from slash to slash rather than a pass over the file for
	// each name, this running on every file; where slashes come thick
	// (uncompressed content), the library's SIMD search of each name is
	// the faster.
	for i, slashes := 0, 0; ; slashes++ {
		if slashes > 256+i>>5 {
			return containsAny(data[i:], "/Encrypt", "/LZWDecode", "/RunLengthDecode")
		}
		j := bytes.IndexByte(data[i:], '/')
		if j < 0 {
			return false
		}
		i += j + 1
		if rest := data[i:]; bytes.HasPrefix(rest, []byte("Encrypt")) || bytes.HasPrefix(rest, []byte("LZWDecode")) ||
			bytes.HasPrefix(rest, []byte("RunLengthDecode")) {
			return true
		}
	}
}

func containsAny(b []byte, subs ...string) bool {
	for _, s := range subs {
		if bytes.Contains(b, []byte(s)) {
			return true
		}
	}
	return false
}

// openRebuilt opens data rebuilt by rebuildPDF.
func openRebuilt(data []byte) (*pdfDoc, error) {
	clean, err := rebuildPDF(data)
	if err != nil {
		return nil, err
	}
	d, err := openLib(bytes.NewReader(clean), int64(len(clean)), clean)
	if d != nil {
		d.rebuilt = true
	}
	return d, err
}

// openLib opens the file in r with the library; raw is the file's bytes
// when r reads them from memory, nil otherwise.
func openLib(r io.ReaderAt, size int64, raw []byte) (*pdfDoc, error) {
	pr, err := newLibReader(headerPatch{r}, size)
	if err != nil {
		return nil, err
	}
	d := &pdfDoc{r: pr, fonts: make(map[valueKey]*pdfFont), res: make(map[valueKey]*resources)}
	if pr.Trailer().Key("Encrypt").Kind() == pdflib.Null { // else the library decrypts the streams
		d.raw = raw
	}
	return d, nil
}

// endOfPDF returns the size of the file up to its last %%EOF and the line
// end after it, or size when there is none in the last MiB. Bytes after
// the last %%EOF (left by uploaders and mail gateways) hide the end of the
// file from the library; viewers ignore them.
func endOfPDF(r io.ReaderAt, size int64) int64 {
	tailLen := min(size, 1<<20)
	tail := make([]byte, tailLen)
	n, _ := r.ReadAt(tail, size-tailLen)
	return size - tailLen + int64(trimAfterEOF(tail[:n]))
}

// trimAfterEOF returns the length of b up to its last %%EOF and the line
// end after it, or len(b) when it has none.
func trimAfterEOF(b []byte) int {
	i := bytes.LastIndex(b[max(0, len(b)-1<<20):], []byte("%%EOF"))
	if i < 0 {
		return len(b)
	}
	end := max(0, len(b)-1<<20) + i + len("%%EOF")
	if end < len(b) && b[end] == '\r' {
		end++
	}
	if end < len(b) && b[end] == '\n' {
		end++
	}
	return end
}

// headerPatch presents the file with a "%PDF-1.7" first line: the library
// refuses any other version, %PDF-2.0 included, and a version followed by
// anything but a line end. The bytes it hides are the version number and
// the space of a "%PDF-1.4 %âãÏÓ" first line, which only comment.
type headerPatch struct{ r io.ReaderAt }

const patchedHeader = "%PDF-1.7\n"

func (h headerPatch) ReadAt(p []byte, off int64) (int, error) {
	n, err := h.r.ReadAt(p, off)
	for i := 0; i < n; i++ {
		if o := off + int64(i); o < int64(len(patchedHeader)) {
			p[i] = patchedHeader[o]
		} else {
			break
		}
	}
	return n, err
}

// newLibReader opens the file with ledongthuc/pdf, turning its panics and
// its encryption errors into ours.
func newLibReader(r io.ReaderAt, size int64) (pr *pdflib.Reader, err error) {
	defer recoverTo(&err)
	pr, err = pdflib.NewReader(r, size)
	if err != nil {
		msg := err.Error()
		switch {
		case errors.Is(err, pdflib.ErrInvalidPassword):
			return nil, extract.ErrEncrypted
		case strings.Contains(msg, "256-bit"), strings.Contains(msg, "V=5"), strings.Contains(msg, "R=5"), strings.Contains(msg, "R=6"):
			return nil, fmt.Errorf("%w (AES-256 encryption is not supported)", extract.ErrEncrypted)
		case strings.Contains(msg, "encrypt"):
			return nil, fmt.Errorf("%w (%v)", extract.ErrEncrypted, err)
		}
		return nil, fmt.Errorf("%w: %s", extract.ErrMalformed, strings.TrimPrefix(msg, "malformed PDF: "))
	}
	// The library derives the keys of RC4 keys shorter than 88 bits
	// wrongly (it does not cut the object key to n+5 bytes) and would
	// decode garbage.
	if enc := pr.Trailer().Key("Encrypt"); enc.Kind() == pdflib.Dict {
		if n := enc.Key("Length").Int64(); enc.Key("V").Int64() != 4 && (n == 0 || n < 88) {
			return nil, fmt.Errorf("%w (RC4 encryption with a %d-bit key is not supported)", extract.ErrEncrypted, max(n, 40))
		}
	}
	return pr, nil
}

// pageRef is a page with its inherited attributes resolved.
type pageRef struct {
	v      pdflib.Value
	res    pdflib.Value
	resKey valueKey   // of res
	box    [4]float64 // crop box in user space: x0 y0 x1 y1
	rotate int        // 0, 90, 180 or 270
}

// pages walks the page tree. It does not use the library's Page, which
// walks the tree from the root for every page and loops on a cyclic tree.
func (d *pdfDoc) pages() (out []pageRef, err error) {
	defer recoverTo(&err)
	root := d.r.Trailer().Key("Root").Key("Pages")
	if root.Kind() != pdflib.Dict {
		return nil, fmt.Errorf("%w: no page tree", extract.ErrMalformed)
	}
	nodes := 0
	var walk func(n pdflib.Value, inh pageRef, depth int) error
	walk = func(n pdflib.Value, inh pageRef, depth int) error {
		if nodes++; nodes > maxPageNodes || depth > 64 {
			return fmt.Errorf("%w: page tree too deep or cyclic", extract.ErrMalformed)
		}
		if r := n.Key("Resources"); r.Kind() == pdflib.Dict {
			inh.res, inh.resKey = r, dictKey(n, r)
		}
		if b, ok := readBox(n.Key("MediaBox")); ok {
			inh.box = b
		}
		if b, ok := readBox(n.Key("CropBox")); ok {
			inh.box = intersectBox(inh.box, b)
		}
		if r := n.Key("Rotate"); r.Kind() == pdflib.Integer {
			inh.rotate = ((int(r.Int64())%360 + 360) % 360) / 90 * 90
		}
		kids := n.Key("Kids")
		if n.Key("Type").Name() == "Pages" || kids.Kind() == pdflib.Array {
			for i := 0; i < kids.Len(); i++ {
				if err := walk(kids.Index(i), inh, depth+1); err != nil {
					return err
				}
			}
			return nil
		}
		if len(out) >= extract.MaxPDFPages {
			return fmt.Errorf("%w: more than %d", extract.ErrTooManyPages, extract.MaxPDFPages)
		}
		inh.v = n
		out = append(out, inh)
		return nil
	}
	err = walk(root, pageRef{box: [4]float64{0, 0, 612, 792}, resKey: valueKey{s: pdflib.Value{}.String()}}, 0)
	if len(out) == 0 && err == nil {
		err = fmt.Errorf("%w: no pages", extract.ErrMalformed)
	}
	return out, err
}

func readBox(v pdflib.Value) ([4]float64, bool) {
	if v.Kind() != pdflib.Array || v.Len() != 4 {
		return [4]float64{}, false
	}
	var b [4]float64
	for i := range b {
		b[i] = v.Index(i).Float64()
	}
	b[0], b[2] = fmin(b[0], b[2]), fmax(b[0], b[2])
	b[1], b[3] = fmin(b[1], b[3]), fmax(b[1], b[3])
	if b[2]-b[0] < 1 || b[3]-b[1] < 1 || b[2]-b[0] > 1e5 || b[3]-b[1] > 1e5 {
		return [4]float64{}, false
	}
	return b, true
}

func intersectBox(a, b [4]float64) [4]float64 {
	c := [4]float64{fmax(a[0], b[0]), fmax(a[1], b[1]), fmin(a[2], b[2]), fmin(a[3], b[3])}
	if c[2]-c[0] < 1 || c[3]-c[1] < 1 {
		return a
	}
	return c
}

// displayMatrix maps user space to display space: the crop box's corner
// to the origin, turned by the page's /Rotate.
func displayMatrix(box [4]float64, rotate int) (m matrix, w, h float64) {
	x0, y0, x1, y1 := box[0], box[1], box[2], box[3]
	switch rotate {
	case 90:
		return matrix{0, -1, 1, 0, -y0, x1}, y1 - y0, x1 - x0
	case 180:
		return matrix{-1, 0, 0, -1, x1, y1}, x1 - x0, y1 - y0
	case 270:
		return matrix{0, 1, -1, 0, y1, -x0}, y1 - y0, x1 - x0
	}
	return matrix{1, 0, 0, 1, -x0, -y0}, x1 - x0, y1 - y0
}

func (m matrix) invert() matrix {
	det := m[0]*m[3] - m[1]*m[2]
	if det == 0 {
		return identity
	}
	a, b, c, d := m[3]/det, -m[1]/det, -m[2]/det, m[0]/det
	return matrix{a, b, c, d, -(m[4]*a + m[5]*c), -(m[4]*b + m[5]*d)}
}

// interpretPage runs the content of page p as it is shown. When most of
// its text runs sideways there (a landscape table on a portrait page, or a
// /Rotate that turns upright text over), the page is read the way its
// text runs instead: the turn that shows the most text upright wins.
func (d *pdfDoc) interpretPage(p pageRef) (*pageContent, error) {
	pc, err := d.interpretTurned(p, p.rotate)
	if err != nil || pc.sideways <= len(pc.glyphs) {
		return pc, err
	}
	for _, turn := range []int{90, 180, 270} {
		alt, err := d.interpretTurned(p, (p.rotate+turn)%360)
		if err == nil && len(alt.glyphs) > len(pc.glyphs) {
			pc = alt
		}
	}
	return pc, nil
}

// interpretTurned runs the content of page p shown turned by rotate.
func (d *pdfDoc) interpretTurned(p pageRef, rotate int) (pc *pageContent, err error) {
	base, w, h := displayMatrix(p.box, rotate)
	pc = &pageContent{width: w, height: h, toUser: base.invert()}
	defer recoverTo(&err)
	contents := p.v.Key("Contents")
	if contents.Kind() != pdflib.Stream && contents.Kind() != pdflib.Array {
		return pc, nil // a blank page
	}
	in := &interp{doc: d, out: pc, gs: gstate{ctm: base, th: 1, lineWidth: 1}}
	err = in.run(contents, d.resources(p.res, p.resKey))
	if len(pc.glyphs) > 0 {
		d.glyphHint = min(len(pc.glyphs), maxGlyphsPage)
	}
	// Room made from the page before is not kept past what this one
	// needs: pages held until layout count against the document's glyph
	// limit by their glyphs, not their room.
	if cap(pc.glyphs) > 2*len(pc.glyphs)+64 {
		pc.glyphs = append([]glyph(nil), pc.glyphs...)
	}
	if err == nil && pc.errText != "" {
		err = fmt.Errorf("%w: %s", extract.ErrMalformed, pc.errText)
	}
	return pc, err
}

// resources is a resource dictionary with the fonts and XObjects looked up
// so far.
type resources struct {
	v     pdflib.Value
	fonts map[string]*pdfFont
	// Its /Font and /XObject dictionaries, once resolved: the library
	// parses an indirect one anew at every lookup.
	fontDict, xobjDict pdflib.Value
	fontRead, xobjRead bool
	// The font looked up last: a page sets the same font over and over.
	lastName string
	last     *pdfFont
}

// resources returns the shared lookup state of resource dictionary v,
// whose dictKey is key: pages usually share one.
func (d *pdfDoc) resources(v pdflib.Value, key valueKey) *resources {
	if r, ok := d.res[key]; ok {
		return r
	}
	r := &resources{v: v, fonts: make(map[string]*pdfFont)}
	d.res[key] = r
	return r
}

// font returns the font called name in res, parsed once per document.
func (d *pdfDoc) font(res *resources, name string) *pdfFont {
	if res.last != nil && name == res.lastName {
		return res.last
	}
	f, ok := res.fonts[name]
	if !ok {
		f = d.loadFont(res, name)
	}
	res.lastName, res.last = name, f
	return f
}

// loadFont parses the font called name in res, or finds it parsed under
// another resource dictionary.
func (d *pdfDoc) loadFont(res *resources, name string) (f *pdfFont) {
	defer func() {
		if x := recover(); x != nil {
			rethrowBug(x)
			f = defaultFont
		}
		res.fonts[name] = f
	}()
	fonts := res.fontDictionary()
	fv := fonts.Key(name)
	if fv.Kind() != pdflib.Dict {
		return defaultFont
	}
	key := dictKey(fonts, fv)
	if f, ok := d.fonts[key]; ok {
		return f
	}
	f, _ = loadFontWith(fv, d.scratchStream)
	d.fonts[key] = f
	return f
}

// fontDictionary returns the /Font dictionary of r.
func (r *resources) fontDictionary() pdflib.Value {
	if !r.fontRead {
		r.fontDict = r.v.Key("Font")
		r.fontRead = true
	}
	return r.fontDict
}

// xobject returns the XObject called name in r.
func (r *resources) xobject(name string) pdflib.Value {
	if !r.xobjRead {
		r.xobjDict = r.v.Key("XObject")
		r.xobjRead = true
	}
	return r.xobjDict.Key(name)
}

func isLimit(err error) bool { return errors.Is(err, extract.ErrTooLarge) }

// hasRuneError is strings.ContainsRune(s, utf8.RuneError): whether s holds
// U+FFFD or a byte that is no part of UTF-8. A glyph's text is mostly one
// character, told by decoding it once.
func hasRuneError(s string) bool {
	if r, n := utf8.DecodeRuneInString(s); n == len(s) {
		return n > 0 && r == utf8.RuneError
	}
	return strings.ContainsRune(s, utf8.RuneError)
}

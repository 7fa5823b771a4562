package pdf

import (
	"bytes"
	"fmt"
	"io"
	"math"

	"github.com/jixiao/jixiao/extract"
)

// ledongthuc/pdf trusts the numbers of a file's cross-reference sections:
// an object number of four billion makes it allocate a table of that many
// entries, and a /Prev that points back at an earlier section makes it read
// the chain forever. Neither is a panic we could recover from, so
// checkXref walks the chain first, with bounds.

const (
	maxXrefObjects  = 1 << 23 // object numbers a file may use
	maxColumns      = 1 << 20 // bytes in a row of a PNG predictor
	maxXrefSections = 1000    // sections in the /Prev chain
	xrefWindow      = 1 << 20 // bytes read at each section
)

// errXrefOffsets says that the cross-reference sections point at bytes
// that are not the objects they name: the file is rebuilt by scanning.
var errXrefOffsets = fmt.Errorf("%w: the cross-reference table points at the wrong bytes", extract.ErrMalformed)

// xrefEntry is an object's entry in the newest section that has it.
type xrefEntry struct {
	inStream bool
	off      int64 // offset in the file, or the number of its object stream
}

// checkXref walks the cross-reference sections from startxref along /Prev
// and refuses a file whose object numbers, entry widths or chain would
// overwhelm the library, or whose object streams lie inside object
// streams (the library resolves such a stream by resolving itself, until
// the stack overflows, which no recover catches). Entries that point at
// the wrong bytes give errXrefOffsets. What it cannot parse it leaves to
// the library, which reports malformed files itself.
func checkXref(r io.ReaderAt, size int64) error {
	tailLen := min(size, 1024)
	tail := make([]byte, tailLen)
	n, _ := r.ReadAt(tail, size-tailLen)
	tail = tail[:n]
	i := bytes.LastIndex(tail, []byte("startxref"))
	if i < 0 {
		return nil
	}
	l := &psLexer{b: tail[i+len("startxref"):]}
	t := l.next()
	if t.kind != psNum {
		return nil
	}
	off := int64(t.num)
	seen := map[int64]bool{}
	entries := map[int]xrefEntry{}
	for k := 0; off > 0 && off < size; k++ {
		if seen[off] || k >= maxXrefSections {
			return fmt.Errorf("%w: the cross-reference sections form a loop", extract.ErrMalformed)
		}
		seen[off] = true
		win := make([]byte, min(size-off, xrefWindow))
		n, _ := r.ReadAt(win, off)
		next, err := checkXrefSection(win[:n], entries)
		if err != nil {
			return err
		}
		off = next
	}
	return checkEntries(r, size, entries)
}

// checkEntries checks that each object stream is a plain object and each
// plain object is where its entry says.
func checkEntries(r io.ReaderAt, size int64, entries map[int]xrefEntry) error {
	// Every object stream is checked before any offset: a file whose
	// offsets are wrong may still go to the library, when our rebuild
	// failed.
	for _, e := range entries {
		if e.inStream {
			if s, ok := entries[int(e.off)]; ok && s.inStream {
				return fmt.Errorf("%w: object stream %d lies inside an object stream", extract.ErrMalformed, e.off)
			}
		}
	}
	head := make([]byte, 64)
	for num, e := range entries {
		if e.inStream {
			continue
		}
		if e.off <= 0 || e.off >= size {
			return errXrefOffsets
		}
		n, _ := r.ReadAt(head, e.off)
		if headerNum(head[:n]) != num {
			return errXrefOffsets
		}
	}
	return nil
}

// checkXrefSection checks one section (a table with its trailer, or an
// xref stream) adding its entries to entries where a newer section has
// not, and returns the offset of the previous one, 0 for none.
func checkXrefSection(b []byte, entries map[int]xrefEntry) (prev int64, err error) {
	l := &psLexer{b: b}
	start := l.skipSpace() // the library, too, reads a section that startxref puts a line end early
	t := l.next()
	var stm *rawObject
	if t.kind == psKeyword && t.s == "xref" {
		for {
			t = l.next()
			if t.kind != psNum {
				break
			}
			count := l.next()
			if count.kind != psNum || t.num < 0 || count.num < 0 || t.num+count.num > maxXrefObjects {
				return 0, xrefTooLarge()
			}
			for e := 0; e < int(count.num); e++ {
				off, _, typ := l.next(), l.next(), l.next()
				if typ.kind == psEOF {
					return 0, nil // a table past the window: the library will see
				}
				if _, ok := entries[int(t.num)+e]; !ok && typ.s == "n" && off.kind == psNum {
					entries[int(t.num)+e] = xrefEntry{off: int64(off.num)}
				}
			}
		}
		if t.kind != psKeyword || t.s != "trailer" {
			return 0, nil
		}
	} else {
		// "N G obj" and the stream's dictionary.
		_, _, n, ok := objHeader(b[start:])
		if !ok {
			return 0, nil
		}
		l.pos = start + n
		stm, _ = readObjectAt(b, start)
		// The library reads /Length bytes, up to the end of the file,
		// past an endstream that comes sooner: the entries it sees there
		// count too.
		if stm != nil && stm.stream != nil {
			if n := stm.val.key("Length"); n != nil && n.kind == pdfNum && n.num > 0 && n.num == math.Trunc(n.num) {
				if end := stm.streamAt + int(min(n.num, float64(len(b)))); end > stm.streamAt+len(stm.stream) {
					stm.stream = b[stm.streamAt:min(end, len(b))]
				}
			}
		}
	}
	d := readDictTokens(l)
	if err := checkDecodeParms(d); err != nil {
		return 0, err
	}
	if sz := d["Size"]; len(sz) == 1 && sz[0].num > maxXrefObjects {
		return 0, xrefTooLarge()
	}
	for _, x := range d["W"] {
		if x.num < 0 || x.num > 8 {
			return 0, fmt.Errorf("%w: cross-reference stream entries of width %v", extract.ErrMalformed, x.num)
		}
	}
	idx := d["Index"]
	for k := 0; k+1 < len(idx); k += 2 {
		if idx[k].num < 0 || idx[k+1].num < 0 || idx[k].num+idx[k+1].num > maxXrefObjects {
			return 0, xrefTooLarge()
		}
	}
	if stm != nil {
		xrefStreamEntries(stm, entries)
	}
	if p := d["Prev"]; len(p) == 1 && p[0].kind == psNum {
		return int64(p[0].num), nil
	}
	return 0, nil
}

// xrefStreamEntries adds the entries of cross-reference stream o.
func xrefStreamEntries(o *rawObject, entries map[int]xrefEntry) {
	data := o.stream
	parms := o.val.key("DecodeParms")
	for i, f := range o.val.key("Filter").names() {
		p := parms
		if parms != nil && parms.kind == pdfArr && i < len(parms.arr) {
			p = parms.arr[i]
		}
		var err error
		if data, err = decodeFilter(f, p, data, maxStreamBytes); err != nil {
			return
		}
	}
	var w [3]int
	ws := o.val.key("W")
	if ws == nil || ws.kind != pdfArr || len(ws.arr) != 3 {
		return
	}
	for i, x := range ws.arr {
		if w[i] = x.int(); w[i] < 0 || w[i] > 8 {
			return
		}
	}
	idx := []int{0, o.val.key("Size").int()}
	if v := o.val.key("Index"); v != nil && v.kind == pdfArr {
		idx = idx[:0]
		for _, x := range v.arr {
			idx = append(idx, x.int())
		}
	}
	field := func(b []byte, def int64) int64 {
		if len(b) == 0 {
			return def
		}
		var x int64
		for _, c := range b {
			x = x<<8 | int64(c)
		}
		return x
	}
	row := w[0] + w[1] + w[2]
	if row == 0 {
		return
	}
	for k := 0; k+1 < len(idx); k += 2 {
		for j := 0; j < idx[k+1] && len(data) >= row; j++ {
			num := idx[k] + j
			typ := field(data[:w[0]], 1)
			f2 := field(data[w[0]:w[0]+w[1]], 0)
			data = data[row:]
			if _, ok := entries[num]; ok || num >= maxXrefObjects || typ == 0 || typ > 2 {
				continue
			}
			entries[num] = xrefEntry{inStream: typ == 2, off: f2}
		}
	}
}

func xrefTooLarge() error {
	return fmt.Errorf("%w: the cross-reference table numbers more than %d objects", extract.ErrTooLarge, maxXrefObjects)
}

// readDictTokens reads a dictionary at l's position into its keys, those
// of nested dictionaries included (such as /DecodeParms /Columns), and the
// number tokens of their values (a value that is an array gives its
// numbers).
func readDictTokens(l *psLexer) map[string][]psToken {
	d := map[string][]psToken{}
	if l.next().kind != psDictOpen {
		return d
	}
	key := ""
	for depth := 0; ; {
		t := l.next()
		switch t.kind {
		case psEOF:
			return d
		case psDictOpen:
			depth++
		case psDictClose:
			if depth == 0 {
				return d
			}
			depth--
		case psName:
			key = t.s
			d[key] = d[key][:0]
		case psNum:
			if key != "" {
				d[key] = append(d[key], t)
			}
		case psKeyword:
			if t.s == "stream" || t.s == "endobj" {
				return d
			}
		}
	}
}

// checkDecodeParms refuses a predictor row width the library would
// allocate without bound.
func checkDecodeParms(d map[string][]psToken) error {
	if c := d["Columns"]; len(c) == 1 && c[0].num > maxColumns {
		return fmt.Errorf("%w: a stream predictor of %v columns", extract.ErrTooLarge, c[0].num)
	}
	return nil
}

// checkObjectStreams looks at the object streams of an in-memory file
// (their dictionaries are plain text; only their data is compressed) for
// what the library cannot survive: a count /N it would read that many
// times, data that ends in an open hex string, which its lexer reads
// forever, and an /Extends chain that comes back to itself, which it
// follows forever. Encrypted files are rebuilt instead (rebuild.go).
func checkObjectStreams(data []byte) error {
	g := objStmGraph{}
	for off := 0; ; {
		i := bytes.Index(data[off:], []byte("/ObjStm"))
		if i < 0 {
			return g.check()
		}
		at := off + i
		off = at + len("/ObjStm")
		end, err := checkObjStm(data, at, g)
		if err != nil {
			return err
		}
		// Each object is read once, however many /ObjStm it holds.
		off = max(off, end)
	}
}

// checkObjectStreamsAt is checkObjectStreams for a file too large to hold
// in memory: it reads it in windows, and each object stream on its own.
func checkObjectStreamsAt(r io.ReaderAt, size int64) error {
	const window = 8 << 20
	g := objStmGraph{}
	buf := make([]byte, window+16)
	for off := int64(0); off < size; off += window {
		n, _ := r.ReadAt(buf, off)
		for i := 0; ; {
			k := bytes.Index(buf[i:n], []byte("/ObjStm"))
			if k < 0 {
				break
			}
			i += k + len("/ObjStm")
			at := off + int64(i) - int64(len("/ObjStm"))
			if at >= off+window {
				break // the next window sees it
			}
			// The stream's dictionary and its data, as far as the
			// limit of one stream.
			from := max(0, at-4096)
			part := make([]byte, min(size-from, 8192))
			m, _ := r.ReadAt(part, from)
			if o, _ := objStmAt(part[:m], int(at-from)); o != nil {
				length := int64(1 << 20) // an indirect /Length: a MiB
				if l := o.val.key("Length"); l != nil && l.kind == pdfNum {
					length = min(int64(l.num), maxStreamBytes)
				}
				part = make([]byte, min(size-from, 8192+length+64))
				m, _ = r.ReadAt(part, from)
			}
			end, err := checkObjStm(part[:m], int(at-from), g)
			if err != nil {
				return err
			}
			i = max(i, int(from-off)+end)
		}
	}
	return g.check()
}

// objStmGraph maps an object stream's number to the one it extends.
type objStmGraph map[int]int

func (g objStmGraph) check() error {
	for start := range g {
		at := start
		for steps := 0; steps <= len(g); steps++ {
			next, ok := g[at]
			if !ok {
				break
			}
			if next == start {
				return fmt.Errorf("%w: object stream %d extends itself", extract.ErrMalformed, start)
			}
			at = next
		}
	}
	return nil
}

// checkObjStm checks the object stream whose /ObjStm is at data[at:],
// and returns the offset where the object that holds it ends.
func checkObjStm(data []byte, at int, g objStmGraph) (int, error) {
	o, end := objStmAt(data, at)
	if o == nil {
		return end, nil
	}
	if n := o.val.key("N"); n != nil && n.num > maxXrefObjects {
		return end, xrefTooLarge()
	}
	if ext := o.val.key("Extends"); ext != nil && ext.kind == pdfRef {
		g[o.num] = ext.ref[0]
	} else if n, ok := extendsAt(data, at); ok {
		g[o.num] = n
	}
	if o.stream == nil {
		return end, nil
	}
	data = o.stream
	parms := o.val.key("DecodeParms")
	for i, f := range o.val.key("Filter").names() {
		p := parms
		if parms != nil && parms.kind == pdfArr && i < len(parms.arr) {
			p = parms.arr[i]
		}
		if c := p.key("Columns"); c != nil && c.num > maxColumns {
			return end, fmt.Errorf("%w: a stream predictor of %v columns", extract.ErrTooLarge, c.num)
		}
		var err error
		if data, err = decodeFilter(f, p, data, maxStreamBytes); err != nil {
			if isLimit(err) {
				return end, err
			}
			if data == nil {
				return end, nil // the library will report it
			}
		}
	}
	if openHexAtEnd(data) {
		return end, fmt.Errorf("%w: an object stream ends inside a hex string", extract.ErrMalformed)
	}
	return end, nil
}

// objStmAt reads the object whose dictionary holds the /ObjStm at
// data[at:], nil if it is not an object stream, and the offset where the
// object read ends (at, when there is none).
func objStmAt(data []byte, at int) (*rawObject, int) {
	head := lastHeaderBefore(data, max(0, at-4096), at)
	if head < 0 {
		return nil, at
	}
	o, end := readObjectAt(data, head)
	if o == nil || o.val.key("Type").str() != "ObjStm" {
		return nil, max(at, end)
	}
	return o, max(at, end)
}

// extendsAt returns the /Extends of the object stream whose /ObjStm is at
// data[at:] as the library reads it: from the dictionary's tokens, where
// ours may have stopped at a stray token (/N ]) the library skips.
func extendsAt(data []byte, at int) (int, bool) {
	head := lastHeaderBefore(data, max(0, at-4096), at)
	if head < 0 {
		return 0, false
	}
	_, _, n, _ := objHeader(data[head:])
	l := &psLexer{b: data[head+n : min(len(data), at+4096)]}
	if ext := readDictTokens(l)["Extends"]; len(ext) > 0 {
		return int(ext[0].num), true
	}
	return 0, false
}

// openHexAtEnd reports whether data ends in a hex string that is never
// closed: a '<' followed by nothing but hex digits and white space.
func openHexAtEnd(data []byte) bool {
	i := len(data)
	for i > 0 && (unhexDigit(data[i-1]) >= 0 || isPSSpace(data[i-1])) {
		i--
	}
	return i > 0 && data[i-1] == '<' && (i < 2 || data[i-2] != '<')
}

package extract

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"regexp"
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

// checkXref walks the cross-reference sections from startxref along /Prev
// and refuses a file whose object numbers, entry widths or chain would
// overwhelm the library. What it cannot parse it leaves to the library,
// which reports malformed files itself.
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
	for k := 0; off > 0 && off < size; k++ {
		if seen[off] || k >= maxXrefSections {
			return fmt.Errorf("%w: the cross-reference sections form a loop", ErrMalformed)
		}
		seen[off] = true
		win := make([]byte, min(size-off, xrefWindow))
		n, _ := r.ReadAt(win, off)
		next, err := checkXrefSection(win[:n])
		if err != nil {
			return err
		}
		off = next
	}
	return nil
}

// checkXrefSection checks one section (a table with its trailer, or an
// xref stream's dictionary) and returns the offset of the previous one,
// 0 for none.
func checkXrefSection(b []byte) (prev int64, err error) {
	l := &psLexer{b: b}
	t := l.next()
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
			for e := 0; e < 3*int(count.num); e++ {
				if l.next().kind == psEOF {
					return 0, nil // a table past the window: the library will see
				}
			}
		}
		if t.kind != psKeyword || t.s != "trailer" {
			return 0, nil
		}
	} else {
		// "N G obj" and the stream's dictionary.
		if t.kind != psNum || l.next().kind != psNum {
			return 0, nil
		}
		if t = l.next(); t.kind != psKeyword || t.s != "obj" {
			return 0, nil
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
			return 0, fmt.Errorf("%w: cross-reference stream entries of width %v", ErrMalformed, x.num)
		}
	}
	idx := d["Index"]
	for k := 0; k+1 < len(idx); k += 2 {
		if idx[k].num < 0 || idx[k+1].num < 0 || idx[k].num+idx[k+1].num > maxXrefObjects {
			return 0, xrefTooLarge()
		}
	}
	if p := d["Prev"]; len(p) == 1 && p[0].kind == psNum {
		return int64(p[0].num), nil
	}
	return 0, nil
}

func xrefTooLarge() error {
	return fmt.Errorf("%w: the cross-reference table numbers more than %d objects", ErrTooLarge, maxXrefObjects)
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
		return fmt.Errorf("%w: a stream predictor of %v columns", ErrTooLarge, c[0].num)
	}
	return nil
}

// objHeader finds the "N G obj" that opens an object.
var objHeader = regexp.MustCompile(`\d+\s+\d+\s+obj\b`)

// checkObjectStreams looks at the object streams of an in-memory file
// (their dictionaries are plain text; only their data is compressed) for
// the two things the library cannot survive: a count /N it would read that
// many times, and data that ends in an open hex string, which its lexer
// reads forever. Streams it cannot decode (encrypted ones) are left alone.
func checkObjectStreams(data []byte) error {
	for off := 0; ; {
		i := bytes.Index(data[off:], []byte("/ObjStm"))
		if i < 0 {
			return nil
		}
		at := off + i
		off = at + len("/ObjStm")
		from := max(0, at-4096)
		heads := objHeader.FindAllIndex(data[from:at], -1)
		if heads == nil {
			continue
		}
		l := &psLexer{b: data[from+heads[len(heads)-1][1] : min(len(data), at+4096)]}
		d := readDictTokens(l)
		if n := d["N"]; len(n) == 1 && n[0].num > maxXrefObjects {
			return xrefTooLarge()
		}
		if err := checkDecodeParms(d); err != nil {
			return err
		}
		// The data runs from the line end after "stream" to "endstream".
		if t := l.next(); t.kind != psKeyword || t.s != "stream" {
			continue
		}
		rest := l.b[l.pos:]
		if len(rest) > 0 && rest[0] == '\r' {
			rest = rest[1:]
		}
		if len(rest) > 0 && rest[0] == '\n' {
			rest = rest[1:]
		}
		start := from + heads[len(heads)-1][1] + (len(l.b) - len(rest))
		end := bytes.Index(data[start:], []byte("endstream"))
		if end < 0 {
			continue
		}
		if openHexAtEnd(inflate(data[start:start+end], maxStreamBytes)) {
			return fmt.Errorf("%w: an object stream ends inside a hex string", ErrMalformed)
		}
	}
}

// inflate decodes zlib data, as much as decodes, up to limit bytes.
func inflate(b []byte, limit int64) []byte {
	zr, err := zlib.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil
	}
	out, _ := io.ReadAll(io.LimitReader(zr, limit))
	return out
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

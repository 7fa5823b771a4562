package pdf

import (
	"bytes"
)

// A small PDF object parser of our own, for the guard and the rebuild
// (rebuild.go), which must read objects before or instead of the
// library: a file the library cannot open is scanned object by object.

type pdfKind uint8

const (
	pdfNull pdfKind = iota
	pdfNum
	pdfStr
	pdfName
	pdfArr
	pdfDict
	pdfRef
	pdfOther // a keyword such as true or false
)

// pdfVal is a parsed PDF value with the span of the bytes it was read
// from, so that a rewrite can replace it in place.
type pdfVal struct {
	kind       pdfKind
	num        float64
	s          string // string bytes, name or keyword
	arr        []*pdfVal
	dict       map[string]*pdfVal
	ref        [2]int // object number and generation of a pdfRef
	start, end int    // byte offsets in the parsed text
}

// key returns the value of key in dictionary v, nil if there is none.
func (v *pdfVal) key(k string) *pdfVal {
	if v == nil || v.kind != pdfDict {
		return nil
	}
	return v.dict[k]
}

func (v *pdfVal) int() int {
	if v == nil || v.kind != pdfNum {
		return 0
	}
	return int(v.num)
}

// names returns v as a list of names: a name, or the names in an array.
func (v *pdfVal) names() []string {
	switch {
	case v == nil:
	case v.kind == pdfName:
		return []string{v.s}
	case v.kind == pdfArr:
		var out []string
		for _, x := range v.arr {
			out = append(out, x.s)
		}
		return out
	}
	return nil
}

// maxParseDepth bounds the nesting of arrays and dictionaries.
const maxParseDepth = 64

// skipSpace moves past white space and comments and returns the offset of
// the next token.
func (l *psLexer) skipSpace() int {
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		if isPSSpace(c) {
			l.pos++
		} else if c == '%' {
			for l.pos < len(l.b) && l.b[l.pos] != '\n' && l.b[l.pos] != '\r' {
				l.pos++
			}
		} else {
			break
		}
	}
	return l.pos
}

// parseValue reads one value at l's position. It returns nil at the end
// of the text or at a token that ends an object (endobj, stream, a
// closing bracket).
func parseValue(l *psLexer, depth int) *pdfVal {
	start := l.skipSpace()
	t := l.next()
	v := &pdfVal{start: start}
	switch t.kind {
	case psEOF, psArrayClose, psDictClose:
		l.pos = start
		return nil
	case psNum:
		v.kind, v.num = pdfNum, t.num
		// "N G R" is a reference.
		save := l.pos
		g := l.next()
		if g.kind == psNum {
			if r := l.next(); r.kind == psKeyword && r.s == "R" {
				v.kind, v.ref = pdfRef, [2]int{int(t.num), int(g.num)}
				v.end = l.pos
				return v
			}
		}
		l.pos = save
	case psString:
		v.kind, v.s = pdfStr, t.s
	case psName:
		v.kind, v.s = pdfName, t.s
	case psKeyword:
		switch t.s {
		case "endobj", "stream", "obj", "endstream", "xref", "trailer", "startxref":
			// Keywords no value holds: an unclosed value ends here.
			l.pos = start
			return nil
		}
		v.kind, v.s = pdfOther, t.s
		if t.s == "null" {
			v.kind = pdfNull
		}
	case psArrayOpen:
		v.kind = pdfArr
		for depth < maxParseDepth {
			x := parseValue(l, depth+1)
			if x == nil {
				break
			}
			v.arr = append(v.arr, x)
		}
		l.skipSpace()
		if l.pos < len(l.b) && l.b[l.pos] == ']' {
			l.pos++
		}
	case psDictOpen:
		v.kind, v.dict = pdfDict, map[string]*pdfVal{}
		for depth < maxParseDepth {
			k := parseValue(l, depth+1)
			if k == nil {
				break
			}
			if k.kind != pdfName {
				continue
			}
			x := parseValue(l, depth+1)
			if x == nil {
				break
			}
			v.dict[k.s] = x
		}
		l.skipSpace()
		if l.pos+1 < len(l.b) && l.b[l.pos] == '>' && l.b[l.pos+1] == '>' {
			l.pos += 2
		}
	}
	v.end = l.pos
	return v
}

// rawObject is one indirect object as it is written in the file.
type rawObject struct {
	num, gen int
	at       int     // offset of its "N G obj" (of its object stream for one inside one)
	body     []byte  // the text of its value
	val      *pdfVal // the parsed value; spans are offsets in body
	stream   []byte  // a stream's data, still encoded
	streamAt int     // offset of the stream's data in the file
	inStream bool    // read out of an object stream
}

// readObjectAt reads the object whose "N G obj" is at data[at:], and
// returns it with the offset where scanning may go on.
func readObjectAt(data []byte, at int) (*rawObject, int) {
	num, gen, n, ok := objHeader(data[at:])
	if !ok {
		return nil, at + 1
	}
	bodyStart := at + n
	l := &psLexer{b: data[bodyStart:]}
	val := parseValue(l, 0)
	if val == nil {
		return nil, bodyStart
	}
	o := &rawObject{num: num, gen: gen, at: at, val: val}
	o.body = data[bodyStart : bodyStart+val.end]
	end := bodyStart + l.pos
	kw := l.skipSpace()
	if t := l.next(); val.kind == pdfDict && t.kind == psKeyword && t.s == "stream" {
		s := bodyStart + l.pos
		if s < len(data) && data[s] == '\r' {
			s++
		}
		if s < len(data) && data[s] == '\n' {
			s++
		}
		o.streamAt = s
		o.stream, end = streamData(data, s, val.key("Length"))
	} else if t.kind == psKeyword && t.s == "endobj" {
		end = bodyStart + l.pos
	} else {
		end = bodyStart + kw
	}
	return o, end
}

// streamData returns the stream data starting at data[s:]: /Length bytes
// when "endstream" follows them, or else everything up to the next
// "endstream" (a /Length that is wrong, or an indirect one).
func streamData(data []byte, s int, length *pdfVal) ([]byte, int) {
	if length != nil && length.kind == pdfNum && endsStream(data, s, length.int()) {
		return data[s : s+length.int()], s + length.int()
	}
	e := bytes.Index(data[s:], []byte("endstream"))
	if e < 0 {
		return data[s:], len(data)
	}
	d := data[s : s+e]
	// The end of line before endstream is not part of the data.
	if bytes.HasSuffix(d, []byte("\r\n")) {
		d = d[:len(d)-2]
	} else if bytes.HasSuffix(d, []byte("\n")) || bytes.HasSuffix(d, []byte("\r")) {
		d = d[:len(d)-1]
	}
	return d, s + e + len("endstream")
}

// endsStream tells whether n bytes of stream data from data[s:] are
// followed by "endstream", as a right /Length is.
func endsStream(data []byte, s, n int) bool {
	if n < 0 || s+n > len(data) {
		return false
	}
	rest := bytes.TrimLeft(data[s+n:min(len(data), s+n+32)], " \t\r\n\f\x00")
	return bytes.HasPrefix(rest, []byte("endstream"))
}

// isTokenStart reports whether a token may start at data[i]: at the start
// of the file or after white space or a delimiter.
func isTokenStart(data []byte, i int) bool {
	return i == 0 || isPSSpace(data[i-1]) || isPSDelim(data[i-1])
}

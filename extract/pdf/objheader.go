package pdf

import "bytes"

// The "N G obj" that opens an indirect object is read here and nowhere
// else, the way the library reads it: two integer tokens, the first of 32
// bits and the second of 16, and the keyword obj, with white space and
// comments before and between them. The guard must see every header the
// library sees: a comment inside the header of an xref stream once hid an
// object stream that lay inside itself, and the library overflowed the
// stack resolving it.

// maxHeaderBack is how far before its "obj" headerBefore looks for the
// start of a header: comments and white space included.
const maxHeaderBack = 1024

// objHeader reads the header b starts with, after white space and
// comments. It returns the object's number and generation and the length
// of what it read, up to the end of "obj"; ok is false when b starts with
// no header.
func objHeader(b []byte) (num, gen, n int, ok bool) {
	l := psLexer{b: b}
	var v [2]int64
	for k := range v {
		start := l.skipSpace()
		for l.pos < len(b) && !isPSSpace(b[l.pos]) && !isPSDelim(b[l.pos]) {
			l.pos++
		}
		x, isInt := headerInt(b[start:l.pos])
		if !isInt || k == 0 && x > 1<<32-1 || k == 1 && x > 1<<16-1 {
			return 0, 0, 0, false
		}
		v[k] = x
	}
	i := l.skipSpace()
	if !bytes.HasPrefix(b[i:], []byte("obj")) || i+3 < len(b) && !isPSSpace(b[i+3]) && !isPSDelim(b[i+3]) {
		return 0, 0, 0, false
	}
	return int(v[0]), int(v[1]), i + 3, true
}

// headerInt reads word as the library reads an integer (a sign, then
// digits), and says whether it is a whole number that is not negative.
// A value past 32 bits counts as none: it is no header's.
func headerInt(word []byte) (int64, bool) {
	neg := false
	if len(word) > 0 && (word[0] == '+' || word[0] == '-') {
		neg = word[0] == '-'
		word = word[1:]
	}
	if len(word) == 0 {
		return 0, false
	}
	var x int64
	for _, c := range word {
		if c < '0' || c > '9' {
			return 0, false
		}
		if x = x*10 + int64(c-'0'); x > 1<<32 {
			return 0, false
		}
	}
	if neg && x != 0 {
		return 0, false
	}
	return x, true
}

// headerNum returns the object number of the header b starts with, -1
// when it starts with none.
func headerNum(b []byte) int {
	num, _, _, ok := objHeader(b)
	if !ok {
		return -1
	}
	return num
}

// headerBefore returns the offset of the header that ends with the "obj"
// at data[k:], -1 when that "obj" ends none. It looks back as far as
// from, and takes the earliest start whose header reads up to this
// "obj": in "5 0 %7 0\n obj" the header is 5's, 7's is in a comment.
func headerBefore(data []byte, from, k int) int {
	// The number before "obj" ends with white space: a comment, too,
	// ends with a line end.
	if k < 1 || !isPSSpace(data[k-1]) || k+3 < len(data) && !isPSSpace(data[k+3]) && !isPSDelim(data[k+3]) {
		return -1
	}
	for p := max(0, from); p < k; p++ {
		c := data[p]
		if (c >= '0' && c <= '9' || c == '+' || c == '-') && isTokenStart(data, p) {
			if _, _, n, ok := objHeader(data[p : k+3]); ok && p+n == k+3 {
				return p
			}
		}
	}
	return -1
}

// lastHeaderBefore returns the offset of the last header that ends
// between from and at, -1 for none.
func lastHeaderBefore(data []byte, from, at int) int {
	for end := at; end > from; {
		k := bytes.LastIndex(data[from:end], []byte("obj"))
		if k < 0 {
			return -1
		}
		k += from
		if h := headerBefore(data, max(from, k-maxHeaderBack), k); h >= 0 {
			return h
		}
		end = k
	}
	return -1
}

package pdf

import (
	"bytes"
	"strconv"
	"strings"
)

// This file splits PostScript-like text into tokens: the CMaps of fonts
// and the content streams of pages. The content lexer is ours rather than
// pdf.Interpret because that one loops forever on a hex string left open
// at the end of a stream, and cannot skip the binary data of inline images.

// psTokKind is the kind of a PostScript token.
type psTokKind uint8

const (
	psEOF psTokKind = iota
	psNum
	psString // literal or hex string, raw bytes
	psName   // without the slash
	psKeyword
	psArrayOpen
	psArrayClose
	psDictOpen
	psDictClose
)

type psToken struct {
	kind psTokKind
	op   opCode // of a keyword
	s    string
	num  float64
}

// psLexer splits a CMap into tokens. It never fails: malformed input
// produces keywords that the parser ignores.
type psLexer struct {
	b   []byte
	pos int

	// names, when set, holds the names read so far, so that a name that
	// recurs (a content stream sets the same few fonts and marked-content
	// tags again and again) costs no new string.
	names    map[string]string
	lastName string // the name read last, most often the next one too
	buf      []byte // scratch for the bytes of a string token
	// arena holds the elements of the top-level arrays read since the last
	// resetArena, for a caller done with its arrays at each operator.
	arena []operand
	reuse bool // read top-level arrays into arena
}

func isPSSpace(c byte) bool { return psClass[c] == psSpaceClass }

func isPSDelim(c byte) bool { return psClass[c] == psDelimClass }

// Byte classes: one table lookup tells the lexer's loops where a token
// ends, rather than a comparison with each of sixteen bytes.
const (
	psRegular = iota
	psSpaceClass
	psDelimClass
)

var psClass = func() (t [256]uint8) {
	for _, c := range []byte(" \n\r\t\f\x00") {
		t[c] = psSpaceClass
	}
	for _, c := range []byte("()<>[]{}/%") {
		t[c] = psDelimClass
	}
	return t
}()

// psNumStart holds the bytes a number starts with: a digit, a point or a
// sign.
var psNumStart = func() (t [256]bool) {
	for _, c := range []byte("0123456789.+-") {
		t[c] = true
	}
	return t
}()

func (l *psLexer) next() psToken {
	// The position is kept in a local, stored back as a token ends: the
	// loops over bytes then keep it in a register rather than in l.
	b, pos := l.b, l.pos
	for pos < len(b) {
		c := b[pos]
		if psClass[c] == psSpaceClass {
			pos++
		} else if c == '%' {
			for pos < len(b) && b[pos] != '\n' && b[pos] != '\r' {
				pos++
			}
		} else {
			break
		}
	}
	if pos >= len(b) {
		l.pos = pos
		return psToken{kind: psEOF}
	}
	c := b[pos]
	pos++
	l.pos = pos
	switch c {
	case '[', '{':
		return psToken{kind: psArrayOpen}
	case ']', '}':
		return psToken{kind: psArrayClose}
	case '<':
		if pos < len(b) && b[pos] == '<' {
			l.pos++
			return psToken{kind: psDictOpen}
		}
		return l.hexString()
	case '>':
		if pos < len(b) && b[pos] == '>' {
			l.pos++
		}
		return psToken{kind: psDictClose}
	case '(':
		return l.literalString()
	case ')':
		return psToken{kind: psKeyword, s: ")"}
	case '/':
		end := pos
		for end < len(b) && psClass[b[end]] == psRegular {
			end++
		}
		l.pos = end
		return psToken{kind: psName, s: l.name(b[pos:end])}
	}
	start := pos - 1
	if psNumStart[c] {
		if f, end, ok := scanNumber(b, start); ok {
			l.pos = end
			return psToken{kind: psNum, num: f}
		}
	}
	for pos < len(b) && psClass[b[pos]] == psRegular {
		pos++
	}
	l.pos = pos
	s, op := keyword(b[start:pos])
	return psToken{kind: psKeyword, op: op, s: s}
}

// keyword returns word as a string, a shared one when it is a known
// keyword, and its opCode. Operators, all of them short, are looked up in
// a small table by their bytes rather than hashed.
func keyword(word []byte) (string, opCode) {
	if len(word) <= 3 {
		if p := packWord(word); shortPacked[shortKey(p)] == p {
			return shortKeywords[shortKey(p)], shortOps[shortKey(p)]
		}
	}
	if k, ok := psKeywords[string(word)]; ok {
		return k, opNone
	}
	return string(word), opNone
}

// shortKey is the slot in shortKeywords of a word of at most 3 bytes,
// packed: a multiplicative hash, whose top bits are the slot (the
// factor is one that gives every keyword a slot of its own).
func shortKey(p uint32) int { return int(p * 0xd8f16adf >> (32 - shortKeyBits)) }

// shortKeywords holds the keywords of at most 3 bytes, each in its
// shortKey slot (one that collides with another stays in psKeywords), and
// shortPacked their bytes packed, for a comparison of two integers.
const shortKeyBits = 10

var shortKeywords, shortPacked = func() (t [1 << shortKeyBits]string, p [1 << shortKeyBits]uint32) {
	for k := range psKeywords {
		if len(k) <= 3 {
			if i := shortKey(packWord([]byte(k))); t[i] == "" {
				t[i], p[i] = k, packWord([]byte(k))
			}
		}
	}
	return t, p
}()

// shortOps holds the opCode of the keyword in each slot of shortKeywords.
var shortOps = func() (t [1 << shortKeyBits]opCode) {
	for k, op := range opCodes {
		if i := shortKey(packWord([]byte(k))); shortKeywords[i] == k {
			t[i] = op
		}
	}
	return t
}()

// packWord packs a word of at most 3 bytes, and its length, into an
// integer that no other such word packs into; a longer word packs into 0.
func packWord(w []byte) uint32 {
	switch len(w) {
	case 1:
		return 1<<8 | uint32(w[0])
	case 2:
		return 2<<16 | uint32(w[0])<<8 | uint32(w[1])
	case 3:
		return 3<<24 | uint32(w[0])<<16 | uint32(w[1])<<8 | uint32(w[2])
	}
	return 0
}

// name returns the text of name bytes w, interned when l interns names.
func (l *psLexer) name(w []byte) string {
	if l.names == nil {
		return string(w)
	}
	if string(w) == l.lastName {
		return l.lastName
	}
	s, ok := l.names[string(w)]
	if !ok {
		s = string(w)
		if len(l.names) < maxInternedNames {
			l.names[s] = s
		}
	}
	l.lastName = s
	return s
}

// maxInternedNames bounds the names a lexer keeps: a hostile stream of
// distinct names must not grow the table without end.
const maxInternedNames = 4096

// psKeywords are the operators of content streams and the keywords of
// CMaps and object syntax, so that reading one costs no new string.
var psKeywords = func() map[string]string {
	m := map[string]string{}
	for _, k := range strings.Fields(`b B b* B* BDC BI BMC BT BX c cm CS cs d d0 d1 Do DP EI EMC ET EX
		f F f* G g gs h i ID j J K k l m M MP n q Q re RG rg ri s S SC sc SCN scn sh T* Tc Td TD Tf
		TJ Tj TL Tm Tr Ts Tw Tz v w W W* y ' " true false null obj endobj stream endstream R xref
		trailer startxref begincodespacerange endcodespacerange beginbfchar endbfchar
		beginbfrange endbfrange begincidrange endcidrange begincidchar endcidchar
		beginnotdefrange endnotdefrange beginnotdefchar endnotdefchar usecmap begincmap endcmap
		def dict begin end findresource defineresource pop currentdict CMapName CIDSystemInfo`) {
		m[k] = k
	}
	return m
}()

// pow10 holds the powers of ten that are exact in a float64.
var pow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15}

// scanNumber reads the token at b[i:], up to the next white space or
// delimiter, as a number — digits with a sign and a point at most, no
// exponent, no Inf or NaN (1.2.3 is not one) — and returns its value and
// end; ok is false when the token is no number. The digits, point and
// sign are read in the pass that finds the token's end. A number of at
// most 15 digits is an exact integer over an exact power of ten, whose
// quotient the division rounds correctly: the same float64 that
// ParseFloat returns, without its general conversion.
func scanNumber(b []byte, i int) (f float64, end int, ok bool) {
	var m uint64
	digits, frac := 0, -1
	neg := false
	j := i
	if j < len(b) && (b[j] == '+' || b[j] == '-') {
		neg = b[j] == '-'
		j++
	}
	for ; j < len(b); j++ {
		c := b[j]
		switch {
		case c >= '0' && c <= '9':
			m = m*10 + uint64(c-'0')
			digits++
			if frac >= 0 {
				frac++
			}
			continue
		case c == '.':
			if frac >= 0 {
				return 0, 0, false
			}
			frac = 0
			continue
		case psClass[c] == psRegular:
			return 0, 0, false
		}
		break
	}
	switch {
	case digits == 0:
		return 0, 0, false
	case digits > 15:
		f, err := strconv.ParseFloat(string(b[i:j]), 64)
		return f, j, err == nil
	}
	f = float64(m)
	if frac > 0 {
		f /= pow10[frac]
	}
	if neg {
		f = -f
	}
	return f, j, true
}

func (l *psLexer) hexString() psToken {
	out := l.buf[:0]
	// Pairs of hex digits, nearly all a content stream's hex strings hold,
	// first; the loop after them takes white space, an odd digit and the
	// end.
	for b := l.b; l.pos+1 < len(b); l.pos += 2 {
		h, lo := hexValue[b[l.pos]], hexValue[b[l.pos+1]]
		if h < 0 || lo < 0 {
			break
		}
		out = append(out, byte(h)<<4|byte(lo))
	}
	hi := -1
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		if c == '>' {
			break
		}
		v := int(hexValue[c])
		if v < 0 {
			continue
		}
		if hi < 0 {
			hi = v
		} else {
			out = append(out, byte(hi<<4|v))
			hi = -1
		}
	}
	if hi >= 0 {
		out = append(out, byte(hi<<4))
	}
	l.keepBuf(out)
	return psToken{kind: psString, s: string(out)}
}

// hexValue is unhexDigit of every byte.
var hexValue = func() (t [256]int8) {
	for c := range t {
		t[c] = int8(unhexDigit(byte(c)))
	}
	return t
}()

func unhexDigit(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c-'a') + 10
	case 'A' <= c && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

func (l *psLexer) literalString() psToken {
	out := l.buf[:0]
	depth := 1
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				l.keepBuf(out)
				return psToken{kind: psString, s: string(out)}
			}
		case '\\':
			if l.pos >= len(l.b) {
				continue
			}
			c = l.b[l.pos]
			l.pos++
			switch c {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r', '\n':
				continue
			default:
				if '0' <= c && c <= '7' {
					v := int(c - '0')
					for i := 0; i < 2 && l.pos < len(l.b) && '0' <= l.b[l.pos] && l.b[l.pos] <= '7'; i++ {
						v = v*8 + int(l.b[l.pos]-'0')
						l.pos++
					}
					c = byte(v)
				}
			}
		}
		out = append(out, c)
	}
	l.keepBuf(out)
	return psToken{kind: psString, s: string(out)}
}

// operand is an operand of a content-stream operator.
type operand struct {
	psToken
	arr []operand // the elements of an array operand (kind psArrayOpen)
}

// Content stream limits.
const (
	maxOperands   = 64      // operands waiting for their operator
	maxArrayElems = 1 << 16 // elements in one array operand
	maxNesting    = 32
)

// contentState is what the runs of content streams reuse from one stream
// to the next: the names read and the storage of operands.
type contentState struct {
	data  []byte // the decoded content
	names map[string]string
	args  []operand
	arena []operand
	buf   []byte
}

// run runs the operators of content stream data through in.op, with their
// operands (called directly, not through a func value: there is one per
// operator). Dictionaries (marked-content properties) are skipped, inline
// images are passed as the operator "BI" with no operands and their data
// skipped. The operands, arrays included, are in.op's only until it
// returns: their storage is used again for the next operator.
func (st *contentState) run(data []byte, in *interp, res *resources) {
	if st.names == nil {
		st.names = make(map[string]string)
	}
	l := &psLexer{b: data, names: st.names, buf: st.buf, arena: st.arena[:0], reuse: true}
	args := st.args[:0]
	defer func() { st.args, st.arena, st.buf = args[:0], l.arena[:0], l.buf[:0] }()
	for {
		t := l.next()
		switch t.kind {
		case psEOF:
			return
		case psKeyword:
			switch t.op {
			case opInlineImage:
				skipInlineImage(l)
			case opNone:
				switch t.s {
				case "true", "false", "null":
					args = pushOperand(args, operand{psToken: t})
					continue
				}
			}
			in.op(t.op, args, res)
			args = args[:0]
			l.resetArena()
		case psArrayOpen:
			args = pushOperand(args, readArray(l, 0))
		case psDictOpen:
			skipDict(l, 0)
			args = pushOperand(args, operand{psToken: psToken{kind: psDictOpen}})
		case psArrayClose, psDictClose:
			// stray: ignore
		default:
			args = pushOperand(args, operand{psToken: t})
		}
	}
}

// maxArena bounds the operands the arena holds before it starts anew: a
// run of arrays with no operator must not grow it without end (the arrays
// read before stay where they are, as long as they are operands).
const maxArena = 1 << 16

// resetArena makes the arena's storage free for the next operator's
// arrays.
func (l *psLexer) resetArena() {
	if cap(l.arena) > 4*maxArena {
		l.arena = nil
	}
	l.arena = l.arena[:0]
}

// pushOperand adds an operand, dropping the oldest of a run too long for
// any operator: garbage, not content.
func pushOperand(args []operand, o operand) []operand {
	if len(args) >= maxOperands {
		copy(args, args[1:])
		args = args[:len(args)-1]
	}
	return append(args, o)
}

func readArray(l *psLexer, depth int) operand {
	arr := operand{psToken: psToken{kind: psArrayOpen}}
	if l.reuse && depth == 0 {
		return l.readArenaArray()
	}
	for {
		t := l.next()
		switch t.kind {
		case psEOF, psArrayClose:
			return arr
		case psArrayOpen:
			if depth < maxNesting {
				sub := readArray(l, depth+1)
				if len(arr.arr) < maxArrayElems {
					arr.arr = append(arr.arr, sub)
				}
			}
		case psDictOpen:
			skipDict(l, depth+1)
		case psDictClose:
		default:
			if len(arr.arr) < maxArrayElems {
				arr.arr = append(arr.arr, operand{psToken: t})
			}
		}
	}
}

// readArenaArray reads a top-level array as readArray does, its elements
// into the lexer's arena.
func (l *psLexer) readArenaArray() operand {
	if len(l.arena) > maxArena {
		l.arena = make([]operand, 0, 64)
	}
	start := len(l.arena)
	for {
		t := l.next()
		switch t.kind {
		case psEOF, psArrayClose:
			elems := l.arena[start:len(l.arena):len(l.arena)]
			if len(elems) == 0 {
				elems = nil
			}
			return operand{psToken: psToken{kind: psArrayOpen}, arr: elems}
		case psArrayOpen:
			if maxNesting > 0 {
				sub := readArray(l, 1)
				if len(l.arena)-start < maxArrayElems {
					l.arena = append(l.arena, sub)
				}
			}
		case psDictOpen:
			skipDict(l, 1)
		case psDictClose:
		default:
			if len(l.arena)-start < maxArrayElems {
				l.arena = append(l.arena, operand{psToken: t})
			}
		}
	}
}

func skipDict(l *psLexer, depth int) {
	for {
		switch t := l.next(); t.kind {
		case psEOF, psDictClose:
			return
		case psDictOpen:
			if depth < maxNesting {
				skipDict(l, depth+1)
			}
		}
	}
}

// skipInlineImage skips the parameters and data of an inline image, up to
// and including EI: the data ends at the first "EI" between white space
// (an /L or /Length parameter, where given, says where to look).
func skipInlineImage(l *psLexer) {
	length := -1
	for {
		t := l.next()
		if t.kind == psEOF {
			return
		}
		if t.kind == psName && (t.s == "L" || t.s == "Length") {
			if n := l.next(); n.kind == psNum && n.num >= 0 {
				length = int(n.num)
			}
			continue
		}
		if t.kind == psKeyword && t.s == "ID" {
			break
		}
	}
	l.pos++ // the single white-space byte after ID
	if length >= 0 && l.pos+length <= len(l.b) {
		l.pos += length
	}
	for l.pos < len(l.b) {
		i := bytes.Index(l.b[l.pos:], []byte("EI"))
		if i < 0 {
			l.pos = len(l.b)
			return
		}
		at := l.pos + i
		l.pos = at + 2
		if (at == 0 || isPSSpace(l.b[at-1])) && (l.pos == len(l.b) || isPSSpace(l.b[l.pos]) || isPSDelim(l.b[l.pos])) {
			return
		}
	}
}

// keepBuf keeps b as the scratch for the next string token unless it grew
// too large to hold on to.
func (l *psLexer) keepBuf(b []byte) {
	if cap(b) <= 1<<20 {
		l.buf = b[:0]
	}
}

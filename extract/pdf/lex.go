package pdf

import (
	"bytes"
	"strconv"
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
	s    string
	num  float64
}

// psLexer splits a CMap into tokens. It never fails: malformed input
// produces keywords that the parser ignores.
type psLexer struct {
	b   []byte
	pos int
}

func isPSSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isPSDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

func (l *psLexer) next() psToken {
	b := l.b
	for l.pos < len(b) {
		c := b[l.pos]
		if isPSSpace(c) {
			l.pos++
		} else if c == '%' {
			for l.pos < len(b) && b[l.pos] != '\n' && b[l.pos] != '\r' {
				l.pos++
			}
		} else {
			break
		}
	}
	if l.pos >= len(b) {
		return psToken{kind: psEOF}
	}
	c := b[l.pos]
	l.pos++
	switch c {
	case '[', '{':
		return psToken{kind: psArrayOpen}
	case ']', '}':
		return psToken{kind: psArrayClose}
	case '<':
		if l.pos < len(b) && b[l.pos] == '<' {
			l.pos++
			return psToken{kind: psDictOpen}
		}
		return l.hexString()
	case '>':
		if l.pos < len(b) && b[l.pos] == '>' {
			l.pos++
		}
		return psToken{kind: psDictClose}
	case '(':
		return l.literalString()
	case ')':
		return psToken{kind: psKeyword, s: ")"}
	case '/':
		start := l.pos
		for l.pos < len(b) && !isPSSpace(b[l.pos]) && !isPSDelim(b[l.pos]) {
			l.pos++
		}
		return psToken{kind: psName, s: string(b[start:l.pos])}
	}
	start := l.pos - 1
	for l.pos < len(b) && !isPSSpace(b[l.pos]) && !isPSDelim(b[l.pos]) {
		l.pos++
	}
	word := string(b[start:l.pos])
	if isNumber(word) {
		if f, err := strconv.ParseFloat(word, 64); err == nil {
			return psToken{kind: psNum, num: f}
		}
	}
	return psToken{kind: psKeyword, s: word}
}

// isNumber reports whether word is written as a PDF number: digits with a
// sign and a point at most, no exponent, no Inf or NaN.
func isNumber(word string) bool {
	digits := false
	for i := 0; i < len(word); i++ {
		switch c := word[i]; {
		case c >= '0' && c <= '9':
			digits = true
		case c == '.' || (c == '+' || c == '-') && i == 0:
		default:
			return false
		}
	}
	return digits
}

func (l *psLexer) hexString() psToken {
	var out []byte
	hi := -1
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		if c == '>' {
			break
		}
		v := unhexDigit(c)
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
	return psToken{kind: psString, s: string(out)}
}

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
	var out []byte
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

// contentOps runs the operators of content stream data through fn, with
// their operands. Dictionaries (marked-content properties) are skipped,
// inline images are passed as the operator "BI" with no operands and their
// data skipped.
func contentOps(data []byte, fn func(op string, args []operand)) {
	l := &psLexer{b: data}
	var args []operand
	for {
		t := l.next()
		switch t.kind {
		case psEOF:
			return
		case psKeyword:
			switch t.s {
			case "BI":
				skipInlineImage(l)
			case "true", "false", "null":
				args = pushOperand(args, operand{psToken: t})
				continue
			}
			fn(t.s, args)
			args = args[:0]
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

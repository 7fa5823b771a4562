package docx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// xmlTokenizer splits a part into the tokens encoding/xml's RawToken
// returns, accepting and refusing the same input, but without allocating
// for each token: names, attribute values and character data are slices of
// a window over the stream, valid until the next call of next, and only
// text holding references or carriage returns is decoded, into a buffer
// kept from token to token. RawToken cost the .docx reader two thirds of
// its time and most of its allocations (a string for each name and
// attribute, a slice of attributes for each element).
//
// The part is streamed, not read whole: the window holds the token being
// read, so a part of millions of tiny elements (see TestDOCXHostile) costs
// the window and not its size. A token longer than the window grows it,
// up to the part's size cap.
//
// Processing instructions (the XML declaration among them) and directives
// (<!DOCTYPE …>) are handed to encoding/xml itself, reading from the same
// window: a part has one or two, and encoding/xml's checks of the
// declared version and encoding are then exactly its own.
//
// Elements are not matched with their ends here (RawToken does not match
// them either); docxReader.next does, by local name.
type xmlTokenizer struct {
	r        io.Reader
	buf      []byte // the window: buf[pos:end] is read and not yet tokenized
	pos, end int
	rerr     error // what r returned last, io.EOF at the end; nil while it may give more
	lines    int   // newlines in the bytes dropped from the window
	err      error // the error returned, returned again by every later call

	kind      tokKind
	space     []byte    // prefix of a start or end element's name
	name      []byte    // local name of a start or end element
	attrs     []xmlAttr // attributes of a start element
	text      []byte    // character data (decoded), or a comment
	other     xml.Token // a processing instruction or directive
	selfClose bool      // the start just returned was <a/>: its end is next

	decoded []byte // decoded text
	value   []byte // decoded attribute value
}

type tokKind uint8

const (
	tokStart tokKind = iota + 1
	tokEnd
	tokText // character data or a CDATA section
	tokComment
	tokProcInst // the XML declaration too
	tokDirective
)

type xmlAttr struct {
	space, name []byte
	raw         []byte // the value as written, between its quotes
	plain       bool   // raw has no reference or carriage return to decode
}

// windowSize is the window's size to start with; real parts have no token
// near as long.
const windowSize = 32 << 10

// errShort asks for more of the stream than the window holds.
var errShort = errors.New("short window")

// errDelegate asks for the token to be read by encoding/xml.
var errDelegate = errors.New("delegate")

func (z *xmlTokenizer) reset(r io.Reader) {
	if z.buf == nil {
		z.buf = make([]byte, windowSize)
	}
	*z = xmlTokenizer{r: r, buf: z.buf, attrs: z.attrs[:0], decoded: z.decoded[:0], value: z.value[:0]}
}

// next reads the next token into z and returns its kind; the error is
// io.EOF at the end of the stream, a *xml.SyntaxError for malformed XML,
// or the stream's own error.
func (z *xmlTokenizer) next() (tokKind, error) {
	if z.err != nil {
		return 0, z.err
	}
	z.attrs = z.attrs[:0]
	z.other = nil
	if z.selfClose {
		z.selfClose = false
		z.kind = tokEnd
		return tokEnd, nil
	}
	for {
		n, err := z.scan(z.buf[z.pos:z.end], z.rerr != nil)
		switch err {
		case nil:
			z.pos += n
			return z.kind, nil
		case errShort:
			z.fill()
			continue
		case errDelegate:
			err = z.delegate()
			if err == nil {
				return z.kind, nil
			}
		}
		z.err = err
		return 0, err
	}
}

// fill moves the unread bytes to the start of the window, grows it when
// they fill it, and reads until it is full or the stream ends. Reading
// until full keeps the rescans of a token cut by the window's end rare
// whatever the sizes the stream returns.
func (z *xmlTokenizer) fill() {
	if z.pos > 0 {
		z.lines += bytes.Count(z.buf[:z.pos], []byte{'\n'})
		z.end = copy(z.buf, z.buf[z.pos:z.end])
		z.pos = 0
	}
	if z.end == len(z.buf) {
		z.buf = append(z.buf, make([]byte, len(z.buf))...)
	}
	for empty := 0; z.end < len(z.buf) && z.rerr == nil; {
		n, err := z.r.Read(z.buf[z.end:])
		z.end += n
		if err != nil {
			z.rerr = err
		} else if n == 0 {
			if empty++; empty == 100 {
				z.rerr = io.ErrNoProgress
			}
		}
	}
}

// line is the line of the window's byte at i (counting from 1), for errors.
func (z *xmlTokenizer) line(i int) int {
	return 1 + z.lines + bytes.Count(z.buf[:i], []byte{'\n'})
}

// syntaxError is a *xml.SyntaxError at byte i of the window.
func (z *xmlTokenizer) syntaxError(i int, msg string) error {
	return &xml.SyntaxError{Msg: msg, Line: z.line(i)}
}

// short is what running out of b (from z.pos) at i means: wait for more,
// or, at the end of the stream, the stream's error (io.EOF, inside a
// token, is a syntax error as encoding/xml has it).
func (z *xmlTokenizer) short(atEOF bool, i int) (int, error) {
	if !atEOF {
		return 0, errShort
	}
	if z.rerr == io.EOF {
		return 0, z.syntaxError(z.pos+i, "unexpected EOF")
	}
	return 0, z.rerr
}

// scan reads one token from b, the unread bytes of the window, returning
// the bytes it took; errShort asks for more.
func (z *xmlTokenizer) scan(b []byte, atEOF bool) (int, error) {
	if len(b) == 0 {
		if atEOF {
			return 0, z.rerr
		}
		return 0, errShort
	}
	if b[0] != '<' {
		return z.scanText(b, atEOF)
	}
	if len(b) < 3 {
		return z.short(atEOF, len(b))
	}
	switch b[1] {
	case '/':
		return z.scanEnd(b, atEOF)
	case '?':
		return 0, errDelegate
	case '!':
		switch b[2] {
		case '-':
			if len(b) < 4 {
				return z.short(atEOF, len(b))
			}
			if b[3] != '-' {
				return 0, z.syntaxError(z.pos+3, "invalid sequence <!- not part of <!--")
			}
			return z.scanComment(b, atEOF)
		case '[':
			for i := range len("CDATA[") {
				if 3+i == len(b) {
					return z.short(atEOF, len(b))
				}
				if b[3+i] != "CDATA["[i] {
					return 0, z.syntaxError(z.pos+3+i, "invalid <![ sequence")
				}
			}
			return z.scanCDATA(b, atEOF)
		}
		return 0, errDelegate
	}
	return z.scanStart(b, atEOF)
}

func (z *xmlTokenizer) scanText(b []byte, atEOF bool) (int, error) {
	n := bytes.IndexByte(b, '<')
	if n < 0 {
		if !atEOF {
			return 0, errShort
		}
		n = len(b)
	}
	text := b[:n]
	decode, err := z.checkChars(text, modeText)
	if err != nil {
		return 0, err
	}
	if decode {
		z.decoded = decodeChars(z.decoded[:0], text, true)
		text = z.decoded
	}
	z.kind, z.text = tokText, text
	return n, nil
}

func (z *xmlTokenizer) scanCDATA(b []byte, atEOF bool) (int, error) {
	const open = len("<![CDATA[")
	n := bytes.Index(b[open:], []byte("]]>"))
	if n < 0 {
		if !atEOF {
			return 0, errShort
		}
		if z.rerr == io.EOF {
			return 0, z.syntaxError(z.pos+len(b), "unexpected EOF in CDATA section")
		}
		return 0, z.rerr
	}
	text := b[open : open+n]
	decode, err := z.checkChars(text, modeCDATA)
	if err != nil {
		return 0, err
	}
	if decode {
		z.decoded = decodeChars(z.decoded[:0], text, false)
		text = z.decoded
	}
	z.kind, z.text = tokText, text
	return open + n + len("]]>"), nil
}

// scanComment reads <!-- … -->, where "--" may not appear but in the end.
func (z *xmlTokenizer) scanComment(b []byte, atEOF bool) (int, error) {
	const open = len("<!--")
	n := bytes.Index(b[open:], []byte("--"))
	if n < 0 || open+n+2 == len(b) {
		return z.short(atEOF, len(b))
	}
	if b[open+n+2] != '>' {
		return 0, z.syntaxError(z.pos+open+n+2, `invalid sequence "--" not allowed in comments`)
	}
	z.kind, z.text = tokComment, b[open:open+n]
	return open + n + len("-->"), nil
}

func (z *xmlTokenizer) scanEnd(b []byte, atEOF bool) (int, error) {
	i, space, local, err := z.scanName(b, 2, atEOF, "expected element name after </")
	if err != nil {
		return 0, err
	}
	i = skipSpace(b, i)
	if i == len(b) {
		return z.short(atEOF, i)
	}
	if b[i] != '>' {
		return 0, z.syntaxError(z.pos+i, "invalid characters between </"+string(local)+" and >")
	}
	z.kind, z.space, z.name = tokEnd, space, local
	return i + 1, nil
}

func (z *xmlTokenizer) scanStart(b []byte, atEOF bool) (int, error) {
	z.attrs = z.attrs[:0] // of a scan cut short by the window's end
	i, space, local, err := z.scanName(b, 1, atEOF, "expected element name after <")
	if err != nil {
		return 0, err
	}
	for {
		i = skipSpace(b, i)
		if i == len(b) {
			return z.short(atEOF, i)
		}
		switch b[i] {
		case '/':
			if i+1 == len(b) {
				return z.short(atEOF, i+1)
			}
			if b[i+1] != '>' {
				return 0, z.syntaxError(z.pos+i+1, "expected /> in element")
			}
			z.kind, z.space, z.name, z.selfClose = tokStart, space, local, true
			return i + 2, nil
		case '>':
			z.kind, z.space, z.name = tokStart, space, local
			return i + 1, nil
		}
		var a xmlAttr
		i, a.space, a.name, err = z.scanName(b, i, atEOF, "expected attribute name in element")
		if err != nil {
			return 0, err
		}
		i = skipSpace(b, i)
		if i == len(b) {
			return z.short(atEOF, i)
		}
		if b[i] != '=' {
			return 0, z.syntaxError(z.pos+i, "attribute name without = in element")
		}
		i = skipSpace(b, i+1)
		if i == len(b) {
			return z.short(atEOF, i)
		}
		q := b[i]
		if q != '"' && q != '\'' {
			return 0, z.syntaxError(z.pos+i, "unquoted or missing attribute value in element")
		}
		i++
		n := bytes.IndexByte(b[i:], q)
		if n < 0 {
			if lt := bytes.IndexByte(b[i:], '<'); lt >= 0 {
				// encoding/xml stops there: no need to wait for the quote.
				return 0, z.syntaxError(z.pos+i+lt, "unescaped < inside quoted string")
			}
			return z.short(atEOF, len(b))
		}
		a.raw = b[i : i+n]
		decode, err := z.checkChars(a.raw, modeAttr)
		if err != nil {
			return 0, err
		}
		a.plain = !decode
		z.attrs = append(z.attrs, a)
		i += n + 1
	}
}

// scanName reads the name at b[i:], split at its colon as encoding/xml
// splits it; missing is the error when there is none. One pass over the
// name finds its end and its colons: it runs through the ASCII name bytes
// and stops only at the rest.
func (z *xmlTokenizer) scanName(b []byte, i int, atEOF bool, missing string) (end int, space, local []byte, err error) {
	j, colon, colons := i, -1, 0
	for {
		for j < len(b) && nameClass[b[j]] == nameASCII {
			j++
		}
		if j == len(b) || nameClass[b[j]] == 0 {
			break
		}
		if b[j] == ':' {
			if colons++; colons == 1 {
				colon = j - i
			}
		}
		j++
	}
	if j == len(b) {
		_, err = z.short(atEOF, j)
		return 0, nil, nil, err
	}
	name := b[i:j]
	if len(name) == 0 {
		return 0, nil, nil, z.syntaxError(z.pos+j, missing)
	}
	if colons > 1 {
		return 0, nil, nil, z.syntaxError(z.pos+j, missing)
	}
	if !validName(name) {
		return 0, nil, nil, z.syntaxError(z.pos+j, "invalid XML name: "+string(name))
	}
	local = name
	if colon > 0 && colon < len(name)-1 {
		space, local = name[:colon], name[colon+1:]
	}
	return j, space, local, nil
}

// validName reports whether a run of name bytes is an XML name. ASCII
// names are checked here; the rare others by encoding/xml, whose tables of
// name characters are not exported.
func validName(name []byte) bool {
	for _, c := range name {
		if c >= utf8.RuneSelf {
			var b bytes.Buffer
			b.WriteByte('<')
			b.Write(name)
			b.WriteString("/>")
			_, err := xml.NewDecoder(&b).RawToken()
			return err == nil
		}
	}
	return validASCIIName(name)
}

// validASCIIName is validName of a name all of ASCII name bytes: one that
// does not start with a digit, '.' or '-'.
func validASCIIName(name []byte) bool {
	c := name[0]
	return !('0' <= c && c <= '9' || c == '.' || c == '-')
}

// isNameByte holds the bytes a name runs on, as encoding/xml delimits it:
// ASCII letters, digits and _:.- and every byte of a multi-byte character.
var isNameByte = func() (t [256]bool) {
	for c := range 256 {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
			c == '_' || c == ':' || c == '.' || c == '-' || c >= utf8.RuneSelf
	}
	return t
}()

// nameClass classes the bytes of isNameByte for scanName: 0 for the bytes
// that end a name, else one of these.
const (
	nameASCII uint8 = 1 + iota // but the colon
	nameOther                  // the colon, a byte of a multi-byte character
)

var nameClass = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case !isNameByte[c]:
		case c == ':' || c >= utf8.RuneSelf:
			t[c] = nameOther
		default:
			t[c] = nameASCII
		}
	}
	return t
}()

func skipSpace(b []byte, i int) int {
	for i < len(b) && isXMLSpace[b[i]] {
		i++
	}
	return i
}

// isXMLSpace holds XML's white space: one lookup, where the byte that
// ends a run (most often the first) took four comparisons.
var isXMLSpace = [256]bool{' ': true, '\n': true, '\t': true, '\r': true}

type charMode uint8

const (
	modeText  charMode = iota // character data: references; ]]> refused
	modeAttr                  // an attribute value: references; < refused
	modeCDATA                 // a CDATA section: no references
)

// Classes of ASCII bytes in character data.
const (
	ccPlain = iota
	ccControl
	ccCR
	ccAmp
	ccLess
	ccGreater
)

var charClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range 0x20 {
		t[c] = ccControl
	}
	t['\t'], t['\n'] = ccPlain, ccPlain
	t['\r'], t['&'], t['<'], t['>'] = ccCR, ccAmp, ccLess, ccGreater
	return t
}()

// checkChars checks character data, an attribute value or a CDATA section
// as written (s lies in the window) the way encoding/xml does: valid UTF-8
// of XML characters, and well-formed references. decode reports a
// reference or carriage return to decode (decodeChars).
func (z *xmlTokenizer) checkChars(s []byte, mode charMode) (decode bool, err error) {
	at := func(i int) int { return z.pos + (cap(z.buf[z.pos:]) - cap(s)) + i }
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			// A three-byte character (all of Chinese text, and its
			// full-width punctuation) is valid, and an XML character,
			// when its lead byte needs no narrower range of the second
			// than 80-BF, as E0 and ED do, and it is not U+FFFE or U+FFFF:
			// that much is told without decoding it.
			if i+2 < len(s) && 0xe1 <= c && c <= 0xef && c != 0xed && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80 &&
				(c != 0xef || s[i+1] != 0xbf || s[i+2] < 0xbe) {
				i += 3
				continue
			}
			r, size := utf8.DecodeRune(s[i:])
			if r == utf8.RuneError && size == 1 {
				return false, z.syntaxError(at(i), "invalid UTF-8")
			}
			if r == 0xFFFE || r == 0xFFFF {
				return false, z.syntaxError(at(i), fmt.Sprintf("illegal character code %U", r))
			}
			i += size
			continue
		}
		switch charClass[c] {
		case ccControl:
			return false, z.syntaxError(at(i), fmt.Sprintf("illegal character code %U", rune(c)))
		case ccCR:
			decode = true
		case ccAmp:
			if mode == modeCDATA {
				break
			}
			n, r, ok := parseRef(s[i:])
			if !ok {
				return false, z.syntaxError(at(i), "invalid character entity "+refText(s[i:]))
			}
			if !isXMLChar(r) {
				return false, z.syntaxError(at(i), fmt.Sprintf("illegal character code %U", r))
			}
			decode = true
			i += n
			continue
		case ccLess:
			if mode == modeAttr {
				return false, z.syntaxError(at(i), "unescaped < inside quoted string")
			}
		case ccGreater:
			if mode == modeText && i >= 2 && s[i-1] == ']' && s[i-2] == ']' {
				return false, z.syntaxError(at(i), "unescaped ]]> not in CDATA section")
			}
		}
		i++
	}
	return decode, nil
}

// parseRef reads the reference at the start of s (s[0] is '&'): one of the
// five predefined entities or a character reference, with its semicolon.
// A character reference to a surrogate stands for U+FFFD, as in
// encoding/xml (string(rune)).
func parseRef(s []byte) (n int, r rune, ok bool) {
	if len(s) > 1 && s[1] == '#' {
		i, base := 2, rune(10)
		if i < len(s) && s[i] == 'x' {
			i, base = 3, 16
		}
		start := i
		for ; i < len(s); i++ {
			d := digitValue(s[i])
			if d >= base {
				break
			}
			if r = r*base + d; r > utf8.MaxRune {
				return 0, 0, false
			}
		}
		if i == start || i == len(s) || s[i] != ';' {
			return 0, 0, false
		}
		if 0xD800 <= r && r <= 0xDFFF {
			r = utf8.RuneError
		}
		return i + 1, r, true
	}
	for _, e := range entities {
		if len(s) > len(e.name) && string(s[1:1+len(e.name)]) == e.name {
			return 1 + len(e.name), e.r, true
		}
	}
	return 0, 0, false
}

var entities = [...]struct {
	name string // with its semicolon
	r    rune
}{{"lt;", '<'}, {"gt;", '>'}, {"amp;", '&'}, {"apos;", '\''}, {"quot;", '"'}}

func digitValue(c byte) rune {
	switch {
	case '0' <= c && c <= '9':
		return rune(c - '0')
	case 'a' <= c && c <= 'f':
		return rune(c-'a') + 10
	case 'A' <= c && c <= 'F':
		return rune(c-'A') + 10
	}
	return 36
}

// refText is the bad reference at the start of s, for its error.
func refText(s []byte) string {
	n := 1
	for n < len(s) && n < 32 && s[n] != ';' && (isNameByte[s[n]] || s[n] == '#') {
		n++
	}
	if n < len(s) && s[n] == ';' {
		return string(s[:n+1])
	}
	return string(s[:n]) + " (no semicolon)"
}

// isXMLChar reports whether r is in the Char production of XML 1.0.
func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= utf8.MaxRune
}

// decodeChars appends s, checked by checkChars, to dst with its references
// replaced (when refs is set) and its line ends normalized: "\r\n" and a
// lone "\r" as written become "\n"; a "\r" written as a reference stays.
func decodeChars(dst, s []byte, refs bool) []byte {
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c == '\r':
			dst = append(dst, '\n')
			if i++; i < len(s) && s[i] == '\n' {
				i++
			}
		case c == '&' && refs:
			n, r, _ := parseRef(s[i:])
			dst = utf8.AppendRune(dst, r)
			i += n
		default:
			j := i + 1
			for j < len(s) && s[j] != '\r' && (s[j] != '&' || !refs) {
				j++
			}
			dst = append(dst, s[i:j]...)
			i = j
		}
	}
	return dst
}

// attr returns the decoded value of the current start element's first
// attribute of local name local; nil when it has none. The value is valid
// until the next call of attr or next.
func (z *xmlTokenizer) attr(local string) []byte {
	for i := range z.attrs {
		if string(z.attrs[i].name) == local {
			return z.attrValue(i)
		}
	}
	return nil
}

// attrValue returns the decoded value of attribute i, valid until the
// next call of attr, attrValue or next.
func (z *xmlTokenizer) attrValue(i int) []byte {
	a := &z.attrs[i]
	if a.plain {
		return a.raw
	}
	z.value = decodeChars(z.value[:0], a.raw, true)
	return z.value
}

// delegate has encoding/xml read the processing instruction or directive
// starting at z.pos, from the window and the stream after it.
func (z *xmlTokenizer) delegate() error {
	line := z.line(z.pos)
	tok, err := xml.NewDecoder(windowReader{z}).RawToken()
	if err != nil {
		var se *xml.SyntaxError
		if errors.As(err, &se) {
			se.Line += line - 1
		}
		return err
	}
	z.other = xml.CopyToken(tok)
	z.kind = tokDirective
	if _, ok := tok.(xml.ProcInst); ok {
		z.kind = tokProcInst
	}
	return nil
}

// windowReader reads the window and then the stream, byte by byte, so
// that encoding/xml takes from it no more than its token.
type windowReader struct{ z *xmlTokenizer }

func (w windowReader) ReadByte() (byte, error) {
	z := w.z
	if z.pos == z.end {
		if z.rerr != nil {
			return 0, z.rerr
		}
		z.fill()
		if z.pos == z.end {
			return 0, z.rerr
		}
	}
	z.pos++
	return z.buf[z.pos-1], nil
}

func (w windowReader) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	c, err := w.ReadByte()
	if err != nil {
		return 0, err
	}
	p[0] = c
	return 1, nil
}

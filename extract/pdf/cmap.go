package pdf

import (
	"sort"
	"unicode/utf16"
	"unicode/utf8"
)

// latin1 holds the strings of the runes below 256, which fonts map most
// of their codes to: a font need not make 256 strings of its own.
var latin1 = func() (t [256]string) {
	for i := range t {
		t[i] = string(rune(i))
	}
	return t
}()

// runeString is string(r), shared for runes below 256.
func runeString(r rune) string {
	if r >= 0 && r < 256 {
		return latin1[r]
	}
	return string(r)
}

// This file reads CMaps: the ToUnicode maps of fonts (code → text) and
// embedded CID encodings (code → CID). ledongthuc/pdf has a CMap reader of
// its own, but it re-parses the map at every font change and cannot map
// codes to CIDs, so we parse the PostScript subset here, once per font.

// codeRange is a codespace range: codes of n bytes between lo and hi.
type codeRange struct {
	n      int
	lo, hi uint32
}

// uniRange maps the codes lo..hi to consecutive text starting at dst, or
// to the strings of dsts one by one.
type uniRange struct {
	lo, hi uint32
	dst    []rune
	dsts   []string
}

// cidRange maps the codes lo..hi to consecutive CIDs from cid.
type cidRange struct {
	lo, hi, cid uint32
}

// cmap is a parsed CMap. A ToUnicode CMap fills chars and ranges; an
// encoding CMap fills cids.
type cmap struct {
	space []codeRange
	// The bfchar entries: codes below 256 (all a simple font has) in an
	// array, the others in a map, each made at its first entry.
	low     *[256]charEntry
	chars   map[uint32]string
	ranges  []uniRange
	cids    []cidRange // sorted by lo
	useCMap string     // name of a predefined CMap this one builds on
}

// charEntry is a bfchar entry's text, if set.
type charEntry struct {
	s   string
	set bool
}

// setChar maps code to text s.
func (m *cmap) setChar(code uint32, s string) {
	if code < 256 {
		if m.low == nil {
			m.low = new([256]charEntry)
		}
		m.low[code] = charEntry{s, true}
		return
	}
	if m.chars == nil {
		m.chars = make(map[uint32]string)
	}
	m.chars[code] = s
}

// cmap size limits: a hostile file must not make us build huge maps.
const (
	maxCMapEntries = 1 << 17
	maxCMapCodes   = 1 << 16 // codes in one bfrange with an array destination
)

// parseCMap reads the operators of a CMap that matter for text extraction
// and ignores everything else.
func parseCMap(data []byte) *cmap {
	m := &cmap{}
	l := &psLexer{b: data}
	var operands []psToken
	entries := 0
	for {
		t := l.next()
		switch t.kind {
		case psEOF:
			sort.Slice(m.cids, func(i, j int) bool { return m.cids[i].lo < m.cids[j].lo })
			return m
		case psArrayOpen:
			// Collect an array operand (bfrange destinations) as one token
			// list: strings only are of use.
			arr := psToken{kind: psArrayOpen}
			var parts []string
			for {
				u := l.next()
				if u.kind == psEOF || u.kind == psArrayClose {
					break
				}
				if u.kind == psString {
					parts = append(parts, u.s)
				}
			}
			arr.s = joinParts(parts)
			operands = append(operands, arr)
			continue
		case psKeyword:
		default:
			operands = append(operands, t)
			if len(operands) > 3*maxCMapEntries {
				operands = operands[:0]
			}
			continue
		}
		switch t.s {
		case "endcodespacerange":
			for i := 0; i+1 < len(operands); i += 2 {
				lo, hi := operands[i], operands[i+1]
				if lo.kind != psString || hi.kind != psString || len(lo.s) == 0 || len(lo.s) > 4 || len(lo.s) != len(hi.s) {
					continue
				}
				m.space = append(m.space, codeRange{n: len(lo.s), lo: codeOf(lo.s), hi: codeOf(hi.s)})
			}
		case "endbfchar":
			for i := 0; i+1 < len(operands) && entries < maxCMapEntries; i += 2 {
				src, dst := operands[i], operands[i+1]
				if src.kind != psString || len(src.s) > 4 {
					continue
				}
				switch dst.kind {
				case psString:
					m.setChar(codeOf(src.s), utf16BE(dst.s))
				case psName:
					m.setChar(codeOf(src.s), glyphNameText(dst.s))
				}
				entries++
			}
		case "endbfrange":
			for i := 0; i+2 < len(operands) && entries < maxCMapEntries; i += 3 {
				lo, hi, dst := operands[i], operands[i+1], operands[i+2]
				if lo.kind != psString || hi.kind != psString || len(lo.s) > 4 || len(hi.s) > 4 {
					continue
				}
				r := uniRange{lo: codeOf(lo.s), hi: codeOf(hi.s)}
				if r.hi < r.lo {
					continue
				}
				switch dst.kind {
				case psString:
					r.dst = []rune(utf16BE(dst.s))
					if len(r.dst) == 0 {
						continue
					}
				case psArrayOpen:
					r.dsts = splitParts(dst.s)
					if n := uint32(len(r.dsts)); n == 0 || r.hi-r.lo >= n {
						if n == 0 {
							continue
						}
						r.hi = r.lo + n - 1
					}
					for k, s := range r.dsts {
						r.dsts[k] = utf16BE(s)
					}
				default:
					continue
				}
				m.ranges = append(m.ranges, r)
				entries++
			}
		case "endcidrange":
			for i := 0; i+2 < len(operands) && entries < maxCMapEntries; i += 3 {
				lo, hi, cid := operands[i], operands[i+1], operands[i+2]
				if lo.kind != psString || hi.kind != psString || cid.kind != psNum || len(lo.s) > 4 {
					continue
				}
				r := cidRange{lo: codeOf(lo.s), hi: codeOf(hi.s), cid: uint32(max(cid.num, 0))}
				if r.hi >= r.lo {
					m.cids = append(m.cids, r)
					entries++
				}
			}
		case "endcidchar":
			for i := 0; i+1 < len(operands) && entries < maxCMapEntries; i += 2 {
				src, cid := operands[i], operands[i+1]
				if src.kind != psString || cid.kind != psNum || len(src.s) > 4 {
					continue
				}
				c := codeOf(src.s)
				m.cids = append(m.cids, cidRange{lo: c, hi: c, cid: uint32(max(cid.num, 0))})
				entries++
			}
		case "usecmap":
			if n := len(operands); n > 0 && operands[n-1].kind == psName {
				m.useCMap = operands[n-1].s
			}
		}
		operands = operands[:0]
	}
}

// joinParts and splitParts carry the strings of an array operand in one
// token; the separator cannot occur in a 4-byte code's destination because
// it is encoded with a length prefix.
func joinParts(parts []string) string {
	var b []byte
	for _, p := range parts {
		if len(p) > 255 {
			p = p[:255]
		}
		b = append(b, byte(len(p)))
		b = append(b, p...)
	}
	return string(b)
}

func splitParts(s string) []string {
	var out []string
	for len(s) > 0 {
		n := int(s[0])
		s = s[1:]
		if n > len(s) {
			n = len(s)
		}
		out = append(out, s[:n])
		s = s[n:]
	}
	return out
}

func codeOf(s string) uint32 {
	var c uint32
	for i := 0; i < len(s) && i < 4; i++ {
		c = c<<8 | uint32(s[i])
	}
	return c
}

// utf16BE decodes a ToUnicode destination: big-endian UTF-16. A lone odd
// byte is taken as Latin-1, as some producers write one-byte destinations.
func utf16BE(s string) string {
	switch len(s) {
	case 1:
		return runeString(rune(s[0]))
	case 2: // one UTF-16 unit: a lone surrogate decodes as U+FFFD
		r := rune(s[0])<<8 | rune(s[1])
		if utf16.IsSurrogate(r) {
			r = utf8.RuneError
		}
		return runeString(r)
	}
	u := make([]uint16, 0, len(s)/2)
	for i := 0; i+1 < len(s); i += 2 {
		u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
	}
	return string(utf16.Decode(u))
}

// lookup returns the text of code in a ToUnicode map and whether the map
// has it, Kangxi radicals read as the ideographs they draw (see
// unifyRadicals).
func (m *cmap) lookup(code uint32) (string, bool) {
	s, ok := m.lookupRaw(code)
	return unifyRadicals(s), ok
}

func (m *cmap) lookupRaw(code uint32) (string, bool) {
	if code < 256 {
		if m.low != nil && m.low[code].set {
			return m.low[code].s, true
		}
	} else if s, ok := m.chars[code]; ok {
		return s, true
	}
	for i := len(m.ranges) - 1; i >= 0; i-- {
		r := &m.ranges[i]
		if code < r.lo || code > r.hi {
			continue
		}
		off := code - r.lo
		if r.dsts != nil {
			return r.dsts[off], true
		}
		// The last UTF-16 unit of the destination is incremented.
		if len(r.dst) == 1 {
			return runeString(r.dst[0] + rune(off)), true
		}
		d := make([]rune, len(r.dst))
		copy(d, r.dst)
		d[len(d)-1] += rune(off)
		return string(d), true
	}
	return "", false
}

// cid returns the CID of code in an encoding CMap.
func (m *cmap) cid(code uint32) (uint32, bool) {
	i := sort.Search(len(m.cids), func(i int) bool { return m.cids[i].hi >= code })
	for ; i < len(m.cids) && m.cids[i].lo <= code; i++ {
		if code <= m.cids[i].hi {
			return m.cids[i].cid + code - m.cids[i].lo, true
		}
	}
	return 0, false
}

// nextCode splits the first code off s by the codespace ranges, falling
// back to n bytes when no range matches (as the PDF spec prescribes for
// invalid codes, roughly).
func nextCode(space []codeRange, s string, fallback int) (code uint32, n int) {
	for _, r := range space {
		if r.n > len(s) {
			continue
		}
		c := codeOf(s[:r.n])
		if c >= r.lo && c <= r.hi && byteWiseIn(r, s[:r.n]) {
			return c, r.n
		}
	}
	if fallback > len(s) {
		fallback = len(s)
	}
	if fallback < 1 {
		fallback = 1
	}
	return codeOf(s[:fallback]), fallback
}

// byteWiseIn checks each byte of a code against the bytes of the range
// bounds: codespace ranges are rectangles, not intervals.
func byteWiseIn(r codeRange, s string) bool {
	for i := 0; i < r.n; i++ {
		shift := uint(8 * (r.n - 1 - i))
		lo, hi := byte(r.lo>>shift), byte(r.hi>>shift)
		if s[i] < lo || s[i] > hi {
			return false
		}
	}
	return true
}

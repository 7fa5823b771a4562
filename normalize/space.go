package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The reader and the rules trim every cell, name and value of a report,
// and most begin and end with a Chinese character, where strings.TrimSpace
// and unicode.IsSpace decode the rune and search the Unicode tables. A rune
// can be white space only if its UTF-8 form begins with one of few bytes,
// so a look at those bytes settles most texts.

// spaceLeads marks each byte the UTF-8 form of a white-space rune
// (unicode.IsSpace) begins with: the ASCII spaces, C2 (U+0085, U+00A0),
// E1, E2, E3.
var spaceLeads = func() (leads [256]bool) {
	var buf [utf8.UTFMax]byte
	mark := func(lo, hi, stride uint32) {
		for r := lo; r <= hi; r += stride {
			utf8.EncodeRune(buf[:], rune(r))
			leads[buf[0]] = true
		}
	}
	for _, rg := range unicode.White_Space.R16 {
		mark(uint32(rg.Lo), uint32(rg.Hi), uint32(rg.Stride))
	}
	for _, rg := range unicode.White_Space.R32 {
		mark(rg.Lo, rg.Hi, rg.Stride)
	}
	return leads
}()

// TrimSpace is strings.TrimSpace(s), which it calls only when s begins or
// ends with white space; it decodes a first or last rune only when that
// may be white space (E3 also begins 。、【】).
func TrimSpace(s string) string {
	if s == "" {
		return s
	}
	if spaceLeads[s[0]] {
		if r, _ := utf8.DecodeRuneInString(s); unicode.IsSpace(r) {
			return strings.TrimSpace(s)
		}
	}
	if spaceLeads[lastLead(s)] {
		if r, _ := utf8.DecodeLastRuneInString(s); unicode.IsSpace(r) {
			return strings.TrimSpace(s)
		}
	}
	return s
}

// lastLead is the byte the last rune of s (not empty) begins with; for a
// broken UTF-8 ending, a byte no rune begins with.
func lastLead(s string) byte {
	for i := len(s) - 1; i >= 0 && i >= len(s)-utf8.UTFMax; i-- {
		if utf8.RuneStart(s[i]) {
			return s[i]
		}
	}
	return s[len(s)-1]
}

// HasSpace says whether s holds white space; only where a byte may begin
// a white-space rune does it decode.
func HasSpace(s string) bool {
	for i := 0; i < len(s); i++ {
		if spaceLeads[s[i]] {
			return strings.IndexFunc(s[i:], unicode.IsSpace) >= 0
		}
	}
	return false
}

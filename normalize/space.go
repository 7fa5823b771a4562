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

// spaceStarts holds the white-space runes (unicode.IsSpace): the ASCII
// spaces and a few beginning with C2, E1, E2 and E3 80.
var spaceStarts = func() (rs RuneStarts) {
	for _, rg := range unicode.White_Space.R16 {
		rs.AddRange(rune(rg.Lo), rune(rg.Hi), rune(rg.Stride))
	}
	for _, rg := range unicode.White_Space.R32 {
		rs.AddRange(rune(rg.Lo), rune(rg.Hi), rune(rg.Stride))
	}
	return rs
}()

// TrimSpace is strings.TrimSpace(s), which it calls only when s begins or
// ends with white space; it decodes a first or last rune only when that
// may be white space.
func TrimSpace(s string) string {
	if s == "" {
		return s
	}
	if spaceStarts.At(s, 0) {
		if r, _ := utf8.DecodeRuneInString(s); unicode.IsSpace(r) {
			return strings.TrimSpace(s)
		}
	}
	if spaceStarts.At(s, lastStart(s)) {
		if r, _ := utf8.DecodeLastRuneInString(s); unicode.IsSpace(r) {
			return strings.TrimSpace(s)
		}
	}
	return s
}

// lastStart is where the last rune of s (not empty) begins; for a broken
// UTF-8 ending, where it would.
func lastStart(s string) int {
	for i := len(s) - 1; i >= 0 && i >= len(s)-utf8.UTFMax; i-- {
		if utf8.RuneStart(s[i]) {
			return i
		}
	}
	return len(s) - 1
}

// HasSpace says whether s holds white space; only where a white-space
// rune may begin does it decode.
func HasSpace(s string) bool {
	for i := 0; i < len(s); i++ {
		if spaceStarts.At(s, i) {
			return strings.IndexFunc(s[i:], unicode.IsSpace) >= 0
		}
	}
	return false
}

// DropSpace is s without its white space (so 7号 机关 and 7号机关 compare
// equal), and s itself, not a copy, when it holds none, as most texts.
func DropSpace(s string) string {
	if !HasSpace(s) {
		return s
	}
	return strings.Join(strings.Fields(s), "")
}

package normalize

import (
	"testing"
	"unicode"

	"golang.org/x/text/width"
)

// foldRuneByTables is foldRune before its Chinese-character path: the
// map, then the width tables, then unicode.IsSpace, for every rune.
func foldRuneByTables(r rune) rune {
	if r < 0x80 {
		if r == '\t' || r == '\r' || r == '\n' || r == '\v' || r == '\f' {
			return ' '
		}
		return r
	}
	if m, ok := tradNumeral[r]; ok {
		return m
	}
	p := width.LookupRune(r)
	if k := p.Kind(); k == width.EastAsianFullwidth || k == width.EastAsianHalfwidth {
		if f := p.Folded(); f != 0 && f < 0x3000 {
			return f
		}
	}
	if unicode.IsSpace(r) {
		return ' '
	}
	return r
}

// TestFoldRune: foldRune maps every rune as the tables do.
func TestFoldRune(t *testing.T) {
	for r := rune(-1); r <= unicode.MaxRune+1; r++ {
		if got, want := foldRune(r), foldRuneByTables(r); got != want {
			t.Fatalf("foldRune(%U) = %U, the tables say %U", r, got, want)
		}
	}
}

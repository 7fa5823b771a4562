package rules

import (
	"strings"
	"testing"
	"unicode"
)

// TestTrimSpace: trimSpace and hasSpace agree with strings.TrimSpace and
// unicode.IsSpace around every white-space rune, its neighbours, CJK and
// broken UTF-8.
func TestTrimSpace(t *testing.T) {
	ends := []string{"", "a", "中", "、", "【", "，", "\u00a1", "\u1681", "\u2060", "\u3001", "\xe2\x80", "\xc2", "\x80", "\xff"}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if unicode.IsSpace(r) {
			ends = append(ends, string(r), string(r)+"中", "中"+string(r))
		}
	}
	for _, a := range ends {
		for _, b := range ends {
			for _, mid := range []string{"", "中", " ", "x y", "\u3000"} {
				s := a + mid + b
				if got, want := trimSpace(s), strings.TrimSpace(s); got != want {
					t.Errorf("trimSpace(%q) = %q, want %q", s, got, want)
				}
				if got, want := hasSpace(s), strings.IndexFunc(s, unicode.IsSpace) >= 0; got != want {
					t.Errorf("hasSpace(%q) = %v, want %v", s, got, want)
				}
			}
		}
	}
}

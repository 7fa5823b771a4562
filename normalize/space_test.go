package normalize

import (
	"strings"
	"testing"
	"unicode"
	"unsafe"

	"github.com/jixiao/jixiao/internal/textmix"
)

// TestTrimSpace: TrimSpace and HasSpace agree with strings.TrimSpace and
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
				if got, want := TrimSpace(s), strings.TrimSpace(s); got != want {
					t.Errorf("TrimSpace(%q) = %q, want %q", s, got, want)
				}
				if got, want := HasSpace(s), strings.IndexFunc(s, unicode.IsSpace) >= 0; got != want {
					t.Errorf("HasSpace(%q) = %v, want %v", s, got, want)
				}
			}
		}
	}
}

// TestTrimSpaceMixes: TrimSpace is strings.TrimSpace on texts mixing
// white space, Chinese, a rune beyond three bytes and broken UTF-8.
func TestTrimSpaceMixes(t *testing.T) {
	parts := []string{" ", "\t", "\n", "\v", "\f", "\r", "\u0085", "\u00a0", "\u1680", "\u2000", "\u200a", "\u2028",
		"\u2029", "\u202f", "\u205f", "\u3000", "\u3001", "甲", "a", "\xff", "\xe3\x80", "\uFFFD", "𠀀"}
	for s := range textmix.Texts(1, parts, 6, 300000) {
		if got, want := TrimSpace(s), strings.TrimSpace(s); got != want {
			t.Fatalf("TrimSpace(%q) = %q, strings.TrimSpace gives %q", s, got, want)
		}
	}
}

// TestDropSpace: DropSpace is strings.Fields joined, on white space of
// every kind, Chinese and broken UTF-8, and s itself when it holds none.
func TestDropSpace(t *testing.T) {
	parts := []string{" ", "\t", "\n", "\u0085", "\u00a0", "\u1680", "\u2000", "\u2028", "\u3000", "\u200b", "甲", "a", "≥",
		"\xff", "\xe3\x80", "\xe4\xb8"}
	for s := range textmix.Texts(13, parts, 6, 100000) {
		got, want := DropSpace(s), strings.Join(strings.Fields(s), "")
		if got != want {
			t.Fatalf("DropSpace(%q) = %q, want %q", s, got, want)
		}
		if !HasSpace(s) && unsafe.StringData(got) != unsafe.StringData(s) {
			t.Fatalf("DropSpace(%q) copied a text without white space", s)
		}
	}
}

package rules

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestBadRuneSets: the sets strayPunct looks a name's ends up in hold
// what strings.ContainsRune finds in badLeading and badTrailing, for
// every rune and for the U+FFFD a broken end decodes as.
func TestBadRuneSets(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if got, want := badLeadingRunes[r], strings.ContainsRune(badLeading, r); got != want {
			t.Fatalf("badLeadingRunes[%q] = %v, strings.ContainsRune says %v", r, got, want)
		}
		if got, want := badTrailingRunes[r], strings.ContainsRune(badTrailing, r); got != want {
			t.Fatalf("badTrailingRunes[%q] = %v, strings.ContainsRune says %v", r, got, want)
		}
	}
}

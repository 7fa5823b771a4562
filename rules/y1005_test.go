package rules

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestItemNumberStart: itemNumberStart holds every rune an item number
// (itemNumber) can begin with and no other, so that bareText, which asks
// it before the regexp, drops every number the regexp drops.
func TestItemNumberStart(t *testing.T) {
	for r := rune(0); r <= 0xFFFF; r++ {
		if !utf8.ValidRune(r) || strings.TrimSpace(string(r)) == "" {
			continue
		}
		can := false
		for _, rest := range []string{"、", ".", ")", "1)", "1、", "一)", "）", "1）"} {
			can = can || itemNumber.MatchString(string(r)+rest)
		}
		if in := strings.ContainsRune(itemNumberStart, r); in != can {
			t.Errorf("%q: in itemNumberStart %v, begins an item number %v", r, in, can)
		}
	}
}

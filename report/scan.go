package report

import (
	"strings"
)

// Small scans the reader runs instead of regexps, or sooner than the
// strings functions they equal: each text of a form is asked many
// questions, and most of the answers are no.

// regexpSpace is the white space \s matches.
const regexpSpace = "\t\n\f\r "

// lineRest is what \s*(.*)$ reads of s: s after its white space, when no
// line break follows (. matches none).
func lineRest(s string) (string, bool) {
	s = strings.TrimLeft(s, regexpSpace)
	if strings.Contains(s, "\n") {
		return "", false
	}
	return s, true
}

// cutAnyPrefix is s after the first of prefixes it starts with.
func cutAnyPrefix(s string, prefixes ...string) (string, bool) {
	for _, p := range prefixes {
		if rest, ok := strings.CutPrefix(s, p); ok {
			return rest, true
		}
	}
	return s, false
}

// cutColon is s after a colon it starts with, half- or full-width.
func cutColon(s string) (string, bool) {
	if rest, ok := strings.CutPrefix(s, ":"); ok {
		return rest, true
	}
	return strings.CutPrefix(s, "：")
}

// trimOneSuffix is s without the first of words that ends it.
func trimOneSuffix(s string, words []string) string {
	for _, w := range words {
		if strings.HasSuffix(s, w) {
			return s[:len(s)-len(w)]
		}
	}
	return s
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

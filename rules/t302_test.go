package rules

import (
	"fmt"
	"strings"
	"testing"
	"unicode"
)

// TestResidue holds residue, which looks for the marks only when one of
// their first characters is there, to its definition: the first mark in
// residueMarks' order, else the first control or private-use character.
func TestResidue(t *testing.T) {
	plain := func(s string) string {
		for _, m := range residueMarks {
			if strings.Contains(s, m) {
				return m
			}
		}
		for _, r := range s {
			if unicode.IsControl(r) || unicode.Is(unicode.Co, r) {
				return fmt.Sprintf("U+%04X", r)
			}
		}
		return ""
	}
	for in, want := range map[string]string{
		"机关大楼运行经费":                        "",
		"[bookmark: _Toc123]用于公车购置":       "[bookmark",
		"见 PAGEREF _Toc1 \\h 与 HYPERLINK": "HYPERLINK", // the first in residueMarks' order, not in the text
		"bookmark:x":                      "bookmark:",
		"MERGEFORMAT":                     "MERGEFORMAT",
		"满意度\u0007≥90%":                   "U+0007",
		"满意度\ue000\u0085":                 "U+E000",
		"满意度\u0085 _Toc":                  "_Toc",
		"替换字符\ufffd":                      "\ufffd",
		"坏字节\xff\xfe":                     "",
		"坏字节\xff\x01":                     "U+0001",
		"Hello Mr. Babbage_\\":            "",
		"\\* MERGEFORMAT":                 "MERGEFORMAT",
		"\\* x":                           "\\* ",
		"\U000F0000":                      "U+F0000",
	} {
		if got := residue(in); got != want {
			t.Errorf("residue(%q) = %q, want %q", in, got, want)
		}
		if got := plain(in); got != want {
			t.Errorf("by definition, residue(%q) = %q, want %q", in, got, want)
		}
	}
	// Every rune between CJK and fullwidth punctuation: mayHoldResidue
	// skips texts by their bytes.
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if in := "中" + string(r) + "，"; residue(in) != plain(in) {
			t.Fatalf("residue(%q) = %q, by definition %q", in, residue(in), plain(in))
		}
	}
}

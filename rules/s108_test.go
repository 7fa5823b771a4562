package rules

import (
	"strings"
	"testing"

	"github.com/jixiao/jixiao/internal/textmix"
)

// TestHasTemplateStars: hasTemplateStars finds what the four
// strings.Contains it stands for find, on texts of the marks, their
// halves, their bytes and Chinese.
func TestHasTemplateStars(t *testing.T) {
	pieces := []string{"*", "X", "x", "＊", "×", "株", "，", "（", "≥", "90", "\xef", "\xc3", "\xbc\x8a", "\x97", "\xef\xbc"}
	for s := range textmix.Texts(7, pieces, 8, 200000) {
		want := strings.Contains(s, "**") || strings.Contains(s, "＊＊") || strings.Contains(s, "XX") || strings.Contains(s, "××")
		if got := hasTemplateStars(s); got != want {
			t.Fatalf("hasTemplateStars(%q) = %v, strings.Contains says %v", s, got, want)
		}
	}
}

package rules

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestHasTemplateStars: hasTemplateStars finds what the four
// strings.Contains it stands for find, on texts of the marks, their
// halves, their bytes and Chinese.
func TestHasTemplateStars(t *testing.T) {
	pieces := []string{"*", "X", "x", "＊", "×", "株", "，", "（", "≥", "90", "\xef", "\xc3", "\xbc\x8a", "\x97", "\xef\xbc"}
	rng := rand.New(rand.NewPCG(7, 8))
	for n := 0; n < 200000; n++ {
		var b strings.Builder
		for k := rng.IntN(8); k >= 0; k-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		want := strings.Contains(s, "**") || strings.Contains(s, "＊＊") || strings.Contains(s, "XX") || strings.Contains(s, "××")
		if got := hasTemplateStars(s); got != want {
			t.Fatalf("hasTemplateStars(%q) = %v, strings.Contains says %v", s, got, want)
		}
	}
}

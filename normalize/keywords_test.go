package normalize

import (
	"strings"
	"testing"
)

// TestKeywords: In agrees with a search word by word, wherever the word
// sits, after runes that share its first bytes, and for ASCII words.
func TestKeywords(t *testing.T) {
	lists := [][]string{{"增长", "同比"}, {"合格率", "满意"}, {"PM2.5", "X"}, {"中"}}
	texts := []string{"", "增", "增长", "年增长率", "同", "比同", "合格", "验收合格率", "不满意率", "满", "PM2", "pm2.5浓度", "≤PM2.5", "XX", "丮", "乀", "中", "a中", "\xe4\xb8", "\xe4"}
	for _, words := range lists {
		k := NewKeywords(words...)
		for _, s := range texts {
			want := false
			for _, w := range words {
				want = want || strings.Contains(s, w)
			}
			if got := k.In(s); got != want {
				t.Errorf("%q in %q = %v, want %v", words, s, got, want)
			}
		}
	}
}

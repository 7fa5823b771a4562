package rules

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestKeywords: in agrees with a search word by word, wherever the word
// sits, after runes that share its first bytes, and for ASCII words.
func TestKeywords(t *testing.T) {
	lists := [][]string{{"增长", "同比"}, {"合格率", "满意"}, {"PM2.5", "X"}, {"中"}}
	texts := []string{"", "增", "增长", "年增长率", "同", "比同", "合格", "验收合格率", "不满意率", "满", "PM2", "pm2.5浓度", "≤PM2.5", "XX", "丮", "乀", "中", "a中", "\xe4\xb8", "\xe4"}
	for _, words := range lists {
		k := newKeywords(words...)
		for _, s := range texts {
			want := false
			for _, w := range words {
				want = want || strings.Contains(s, w)
			}
			if got := k.in(s); got != want {
				t.Errorf("%q in %q = %v, want %v", words, s, got, want)
			}
		}
	}
}

// TestKeywordsMixed: in agrees with a search word by word on texts made
// of the rules' own keywords, their halves and runes near them.
func TestKeywordsMixed(t *testing.T) {
	lists := []*keywords{lowerBetter, higherBetter, growthWords}
	for _, ck := range classKeywords {
		lists = append(lists, ck.words)
	}
	var pieces []string
	for _, k := range lists {
		for _, w := range k.words {
			r := []rune(w)
			pieces = append(pieces, w, string(r[:1]), string(r[len(r)-1:]), string(r[0]+1), w[:len(w)-1])
		}
	}
	rng := rand.New(rand.NewPCG(9, 10))
	for n := 0; n < 100000; n++ {
		var b strings.Builder
		for k := rng.IntN(6); k >= 0; k-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		for _, k := range lists {
			want := false
			for _, w := range k.words {
				want = want || strings.Contains(s, w)
			}
			if got := k.in(s); got != want {
				t.Fatalf("%q in %q = %v, want %v", k.words, s, got, want)
			}
		}
	}
}

// TestFormLabels: the forms' labels level1Kind and level2Kind know by
// heart are classified as their keywords say.
func TestFormLabels(t *testing.T) {
	for _, l := range []string{"产出指标", "效益指标", "效果指标", "满意度指标", "成本指标"} {
		if got, want := level1Kind(l), searchLevel1(l); got != want {
			t.Errorf("level1Kind(%q) = %v, its keywords say %v", l, got, want)
		}
	}
	for _, l := range []string{"数量指标", "质量指标", "时效指标", "成本指标", "经济成本指标", "社会成本指标", "生态环境成本指标",
		"经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标", "服务对象满意度指标", "满意度指标"} {
		if got, want := level2Kind(l), searchLevel2(l); got != want {
			t.Errorf("level2Kind(%q) = %v, its keywords say %v", l, got, want)
		}
	}
}

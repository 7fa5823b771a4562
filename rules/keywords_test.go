package rules

import (
	"strings"
	"testing"

	"github.com/jixiao/jixiao/internal/textmix"
	"github.com/jixiao/jixiao/normalize"
)

// TestKeywordsMixed: In agrees with a search word by word on texts made
// of the rules' own keywords, their halves and runes near them.
func TestKeywordsMixed(t *testing.T) {
	lists := []*normalize.Keywords{lowerBetter, higherBetter, growthWords}
	for _, ck := range classKeywords {
		lists = append(lists, ck.words)
	}
	var pieces []string
	for _, k := range lists {
		for _, w := range k.Words() {
			r := []rune(w)
			pieces = append(pieces, w, string(r[:1]), string(r[len(r)-1:]), string(r[0]+1), w[:len(w)-1])
		}
	}
	for s := range textmix.Texts(9, pieces, 6, 100000) {
		for _, k := range lists {
			want := false
			for _, w := range k.Words() {
				want = want || strings.Contains(s, w)
			}
			if got := k.In(s); got != want {
				t.Fatalf("%q in %q = %v, want %v", k.Words(), s, got, want)
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

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

package rules

import "strings"

// keywords is a list of words a text is searched for, as the rules judge
// indicator names (越小越好, 增长率, 及时 …). Most names hold none of the
// words, and a search word by word costs a strings.Index per word on every
// indicator; in instead looks once at each rune of the text and tries the
// words only where one may begin.
type keywords struct {
	words []string
	first [16]uint64 // bit r%1024 is set when some word begins with rune r
}

func newKeywords(words ...string) *keywords {
	k := &keywords{words: words}
	for _, w := range words {
		for _, r := range w {
			k.first[r>>6&15] |= 1 << (r & 63)
			break
		}
	}
	return k
}

// in says whether s contains any of the words.
func (k *keywords) in(s string) bool {
	for i, r := range s {
		if k.first[r>>6&15]&(1<<(r&63)) == 0 {
			continue
		}
		for _, w := range k.words {
			if strings.HasPrefix(s[i:], w) {
				return true
			}
		}
	}
	return false
}

package rules

import "unicode/utf8"

// keywords is a list of words a text is searched for, as the rules judge
// indicator names (越小越好, 增长率, 及时 …). Most names hold none of the
// words, and a search word by word costs a strings.Index per word on every
// indicator; in instead looks once at each byte of the text and tries the
// words only where one may begin.
type keywords struct {
	words []string
	first runeStarts // the words' first runes
}

func newKeywords(words ...string) *keywords {
	k := &keywords{words: words}
	for _, w := range words {
		if w == "" {
			panic("rules: an empty keyword") // in compares last bytes
		}
		r, _ := utf8.DecodeRuneInString(w)
		k.first.add(r)
	}
	return k
}

// in says whether s contains any of the words.
func (k *keywords) in(s string) bool {
	for i := 0; i < len(s); i++ {
		if !k.first.at(s, i) {
			continue
		}
		// The word's last byte is compared first: where a rune of the
		// set may begin, most words still differ, and one byte tells.
		for _, w := range k.words {
			if j := i + len(w); j <= len(s) && s[j-1] == w[len(w)-1] && s[i:j] == w {
				return true
			}
		}
	}
	return false
}

package normalize

import "unicode/utf8"

// Keywords is a list of words a text is searched for, as the reader
// judges labels (中期, 年度 …) and the rules judge indicator names (越小越好,
// 增长率, 及时 …). Most texts hold none of the words, and a search word by
// word costs a strings.Index per word on every text; In instead looks once
// at each byte of the text and tries the words only where one may begin.
type Keywords struct {
	words []string
	first RuneStarts // the words' first runes
}

// NewKeywords is a list of words, none of them empty.
func NewKeywords(words ...string) *Keywords {
	k := &Keywords{words: words}
	for _, w := range words {
		if w == "" {
			panic("normalize: an empty keyword") // In compares last bytes
		}
		r, _ := utf8.DecodeRuneInString(w)
		k.first.Add(r)
	}
	return k
}

// In says whether s contains any of the words.
func (k *Keywords) In(s string) bool {
	for i := 0; i < len(s); i++ {
		if !k.first.At(s, i) {
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

// Words are the words k looks for.
func (k *Keywords) Words() []string { return k.words }

// RuneStarts is a set of runes looked up by the first two bytes of their
// UTF-8 form, which tells without decoding that no rune of the set begins
// at most bytes of a text: for each first byte, a bit for each second
// byte (its low six bits). A set holding a one-byte rune matches that byte
// whatever follows. A rune outside the set may match too; a match only
// says where to look.
type RuneStarts [256]uint64

// Add adds r.
func (rs *RuneStarts) Add(r rune) {
	var buf [utf8.UTFMax]byte
	if utf8.EncodeRune(buf[:], r) == 1 {
		rs[buf[0]] = ^uint64(0)
	} else {
		rs[buf[0]] |= 1 << (buf[1] & 63)
	}
}

// AddRange adds the runes lo through hi, stride apart.
func (rs *RuneStarts) AddRange(lo, hi, stride rune) {
	for r := lo; r <= hi; r += stride {
		rs.Add(r)
		if stride == 1 && r >= 0x800 {
			r |= 63 // the next 63 runes begin with the same two bytes
		}
	}
}

// At says whether a rune of the set may begin at byte i of s.
func (rs *RuneStarts) At(s string, i int) bool {
	bits := rs[s[i]]
	return bits != 0 && (i+1 == len(s) || bits&(1<<(s[i+1]&63)) != 0)
}

package normalize

import (
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// tradNumeral maps traditional and variant characters that occur in numbers,
// units and operators to the simplified form the readers match. Every entry
// maps one rune to one rune, so offsets in the folded text are offsets in the
// original.
var tradNumeral = map[rune]rune{
	'萬': '万', '億': '亿', '兩': '两', '倆': '两', '俩': '两', '點': '点',
	'負': '负', '個': '个', '陸': '陆', '貳': '贰', '參': '叁', '幾': '几',
	'對': '对', '雙': '双', '圓': '圆', '塊': '块', '餘': '余', '≧': '≥',
	'≦': '≤', '⩾': '≥', '⩽': '≤', '〜': '~', '∼': '~', '－': '-', '—': '-',
	'–': '-', '‐': '-', '−': '-', '﹣': '-', '％': '%', '﹪': '%', '＜': '<',
	'＞': '>', '＝': '=', '\u3000': ' ', '\u00a0': ' ', '圜': '圆', '貮': '贰', '弍': '贰',
}

// hanLo and hanHi bound the CJK Unified Ideographs, most runes a report
// holds.
const hanLo, hanHi = 0x4E00, 0x9FFF

// tradHan marks the runes of tradNumeral among the CJK Unified
// Ideographs, a bit each.
var tradHan = func() (bits [(hanHi - hanLo + 64) / 64]uint64) {
	for r := range tradNumeral {
		if r >= hanLo && r <= hanHi {
			bits[(r-hanLo)/64] |= 1 << ((r - hanLo) % 64)
		}
	}
	return bits
}()

// foldRune maps one rune to the form the readers match: full-width forms to
// ASCII, traditional numeral characters to simplified ones, comparison
// variants to ≥ and ≤, every space to ' '.
func foldRune(r rune) rune {
	if r < 0x80 {
		if r == '\t' || r == '\r' || r == '\n' || r == '\v' || r == '\f' {
			return ' '
		}
		return r
	}
	if r >= hanLo && r <= hanHi {
		// A Chinese character: wide, not white space, and folded only
		// if a traditional numeral, told by a bit rather than the map.
		if tradHan[(r-hanLo)/64]&(1<<((r-hanLo)%64)) != 0 {
			return tradNumeral[r]
		}
		return r
	}
	if m, ok := tradNumeral[r]; ok {
		return m
	}
	p := width.LookupRune(r)
	if k := p.Kind(); k == width.EastAsianFullwidth || k == width.EastAsianHalfwidth {
		if f := p.Folded(); f != 0 && f < 0x3000 {
			return f
		}
	}
	if unicode.IsSpace(r) {
		return ' '
	}
	return r
}

// Narrow folds s rune by rune as the readers match it: full-width digits,
// letters and signs to ASCII (４.１７％ → 4.17%), variant numeral and
// comparison characters to the common ones, every space to ' '. It keeps
// the length of s in runes.
func Narrow(s string) string { return strings.Map(foldRune, s) }

// foldRunes returns s as folded runes and as its original runes; both have
// the same length, so an offset into one is an offset into the other.
func foldRunes(s string) (folded, orig []rune) {
	orig = []rune(s)
	folded = make([]rune, len(orig))
	for i, r := range orig {
		folded[i] = foldRune(r)
	}
	return folded, orig
}

// compact drops the spaces from r, returning the kept runes and, for each,
// its index in r.
func compact(r []rune) (out []rune, index []int) {
	out = make([]rune, 0, len(r))
	index = make([]int, 0, len(r))
	for i, c := range r {
		if c == ' ' {
			continue
		}
		out = append(out, c)
		index = append(index, i)
	}
	return out, index
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isASCIILetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

// hasPrefixAt reports whether r[i:] begins with w.
func hasPrefixAt(r []rune, i int, w string) bool {
	for _, c := range w {
		if i >= len(r) || r[i] != c {
			return false
		}
		i++
	}
	return true
}

// A lexicon finds the longest of a set of words at an offset.
type lexicon struct {
	byFirst map[rune][][]rune // longest first
	value   map[string]string // what each word means, for lexicons that carry one
}

func newLexicon(words ...string) *lexicon {
	l := &lexicon{byFirst: map[rune][][]rune{}}
	for _, w := range words {
		r := []rune(w)
		if len(r) == 0 {
			continue
		}
		l.byFirst[r[0]] = append(l.byFirst[r[0]], r)
	}
	for _, ws := range l.byFirst {
		sortLongestFirst(ws)
	}
	return l
}

// newLexiconMap builds a lexicon whose words carry a meaning.
func newLexiconMap(m map[string]string) *lexicon {
	words := make([]string, 0, len(m))
	for w := range m {
		words = append(words, w)
	}
	l := newLexicon(words...)
	l.value = m
	return l
}

func sortLongestFirst(ws [][]rune) {
	for i := 1; i < len(ws); i++ {
		for j := i; j > 0 && len(ws[j]) > len(ws[j-1]); j-- {
			ws[j], ws[j-1] = ws[j-1], ws[j]
		}
	}
}

// at returns the longest word of l that r[i:] begins with and the offset
// after it; "" and i when none does.
func (l *lexicon) at(r []rune, i int) (string, int) {
	if i >= len(r) {
		return "", i
	}
	for _, w := range l.byFirst[r[i]] {
		if i+len(w) <= len(r) && equalRunes(r[i:i+len(w)], w) {
			return string(w), i + len(w)
		}
	}
	return "", i
}

// has reports whether a word of l begins at r[i:].
func (l *lexicon) has(r []rune, i int) bool {
	w, _ := l.at(r, i)
	return w != ""
}

func equalRunes(a, b []rune) bool {
	for k := range a {
		if a[k] != b[k] {
			return false
		}
	}
	return true
}

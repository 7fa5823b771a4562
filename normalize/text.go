package normalize

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// A Change is one edit Clean made to a text.
type Change struct {
	Kind string // "space", "width", "bracket" or "residue"
	Pos  int    // byte offset in the text given to Clean
	From string // as written
	To   string // as cleaned; "" for a removal
}

// Fold applies report/v1's rule for text fields: leading and trailing white
// space trimmed, inner runs of white space folded to one space, line breaks
// removed. A run of white space holding a line break next to a Chinese
// character or punctuation (加强支出管理。\n通过优化) goes entirely, since
// Chinese puts no space between words; between two Latin words it becomes
// one space.
func Fold(s string) string {
	if !needsFold(s) {
		return s
	}
	out, _ := fold(s, false)
	return out
}

// needsFold tells whether fold would change s: most cells hold no white
// space at all, and Fold returns them as they are, without a copy. Invalid
// UTF-8 needs folding too, since fold writes U+FFFD for each bad byte.
func needsFold(s string) bool {
	return HasSpace(s) || !utf8.ValidString(s)
}

// plainRune3 says whether s[i:] begins with a valid three-byte rune from
// U+3001 to U+FFFF, save the surrogates: the Chinese characters and
// punctuation most texts are made of, none of them white space (U+3000 is
// the last). Leads E3 to EF take any continuation bytes but ED, whose
// second byte above 9F would encode a surrogate; it is left to the decoder.
func plainRune3(s string, i int) bool {
	if i+2 >= len(s) {
		return false
	}
	c, c1, c2 := s[i], s[i+1], s[i+2]
	return c >= 0xE3 && c <= 0xEF && c != 0xED &&
		c1&0xC0 == 0x80 && c2&0xC0 == 0x80 &&
		!(c == 0xE3 && c1 == 0x80 && c2 == 0x80)
}

// fold is Fold, with the runs of white space it changed when record is set.
// It walks s by rune, as []rune(s) would (a bad byte reads as U+FFFD).
func fold(s string, record bool) (string, []Change) {
	var b strings.Builder
	b.Grow(len(s))
	var changes []Change
	prev := utf8.RuneError // the rune before a run of white space
	for i := 0; i < len(s); {
		// A plain Chinese rune is copied as its bytes, without decoding
		// it and searching unicode's tables; prev is decoded by hand.
		if plainRune3(s, i) {
			b.WriteString(s[i : i+3])
			prev = rune(s[i]&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
			i += 3
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			b.WriteRune(r)
			prev = r
			i += n
			continue
		}
		j := i
		lineBreak := false
		next := utf8.RuneError // the rune after the run
		for j < len(s) {
			c, m := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsSpace(c) {
				next = c
				break
			}
			if c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\v' || c == '\f' {
				lineBreak = true
			}
			j += m
		}
		to := ""
		if i > 0 && j < len(s) && !(lineBreak && (isWide(prev) || isWide(next))) {
			to = " "
		}
		b.WriteString(to)
		// White space is valid UTF-8, so s[i:j] is the run as written.
		if record && s[i:j] != to {
			changes = append(changes, Change{Kind: "space", Pos: i, From: s[i:j], To: to})
		}
		i = j
	}
	return b.String(), changes
}

// isWide reports whether r is a Chinese character or a wide (CJK) sign,
// which takes no space before or after it.
func isWide(r rune) bool {
	if isHan(r) {
		return true
	}
	k := width.LookupRune(r).Kind()
	return k == width.EastAsianWide || k == width.EastAsianFullwidth
}

// Clean returns s cleaned for matching and display, with every change it
// made, so that a caller can report them rather than edit silently:
//   - residue of document conversion removed ([bookmark: _Toc123]);
//   - stray brackets removed: a closing one with no opening one (the ] of
//     ]怀财字【2025】7号) and an opening one never closed;
//   - full-width letters, digits and signs folded to ASCII (９０％ → 90%),
//     with the ideographic space; Chinese punctuation (，。（）) is kept;
//   - white space folded as Fold does.
func Clean(s string) (string, []Change) {
	var changes []Change
	r := []rune(s)
	offs := byteOffsets(s)
	keep := make([]bool, len(r))
	for i := range keep {
		keep[i] = true
	}
	// Conversion residue.
	for i := 0; i < len(r); i++ {
		if r[i] == '[' && hasPrefixAt(r, i+1, "bookmark:") {
			j := i
			for j < len(r) && r[j] != ']' {
				j++
			}
			if j < len(r) {
				for k := i; k <= j; k++ {
					keep[k] = false
				}
				changes = append(changes, Change{Kind: "residue", Pos: offs[i], From: string(r[i : j+1])})
				i = j
			}
		}
	}
	// Stray brackets.
	strayBrackets(s, func(pos int, c rune) {
		keep[sort.SearchInts(offs, pos)] = false
		changes = append(changes, Change{Kind: "bracket", Pos: pos, From: string(c)})
	})
	// Full-width forms, then white space; positions are in s.
	var b strings.Builder
	var pos []int // byte offset in s of each byte written to b
	for i := 0; i < len(r); {
		if !keep[i] {
			i++
			continue
		}
		if halfOf(r[i]) != 0 {
			j := i
			var to []rune
			for j < len(r) && keep[j] && halfOf(r[j]) != 0 {
				to = append(to, halfOf(r[j]))
				j++
			}
			if string(r[i:j]) != string(to) {
				changes = append(changes, Change{Kind: "width", Pos: offs[i], From: string(r[i:j]), To: string(to)})
			}
			for k, c := range to {
				for range len(string(c)) {
					pos = append(pos, offs[i+k])
				}
			}
			b.WriteString(string(to))
			i = j
			continue
		}
		for range len(string(r[i])) {
			pos = append(pos, offs[i])
		}
		b.WriteRune(r[i])
		i++
	}
	out, spaces := fold(b.String(), true)
	for _, c := range spaces {
		c.Pos = pos[c.Pos]
		changes = append(changes, c)
	}
	sortChanges(changes)
	return out, changes
}

// StrayBracket returns the unpaired bracket Clean would drop first (the
// one nearest the start), "" when every bracket of s pairs. It skips the
// rest of Clean's work, for rules that ask only this of every name.
func StrayBracket(s string) string {
	first, at := "", -1
	strayBrackets(s, func(pos int, c rune) {
		if at < 0 || pos < at {
			first, at = string(c), pos
		}
	})
	return first
}

// strayBrackets calls stray with the byte offset and the bracket of each
// bracket of s that pairs with none: the closing ones as they come, then
// the opening ones left open. Conversion residue ([bookmark: _Toc123]),
// which Clean removes, is not looked into.
func strayBrackets(s string, stray func(pos int, c rune)) {
	type open struct {
		pos int
		c   rune
	}
	var buf [8]open
	stack := buf[:0]
	for i := 0; i < len(s); {
		// A byte no bracket begins with is passed by itself: the walk
		// reaches every byte a rune can begin with, as a walk rune by
		// rune does, and a continuation byte begins no bracket.
		if !bracketStarts.At(s, i) {
			i++
			continue
		}
		c, n := utf8.DecodeRuneInString(s[i:])
		if c == '[' && strings.HasPrefix(s[i+1:], "bookmark:") {
			if j := strings.IndexByte(s[i:], ']'); j >= 0 {
				i += j + 1
				continue
			}
		}
		if _, ok := bracketPairs[c]; ok {
			stack = append(stack, open{i, c})
		} else if opener, ok := closingOf[c]; ok {
			if k := len(stack); k > 0 && stack[k-1].c == opener {
				stack = stack[:k-1]
			} else {
				stray(i, c)
			}
		}
		i += n
	}
	for _, o := range stack {
		stray(o.pos, o.c)
	}
}

var bracketPairs = map[rune]rune{'(': ')', '（': '）', '[': ']', '【': '】', '《': '》', '〔': '〕', '{': '}', '「': '」', '『': '』'}

// bracketStarts holds the brackets, opening and closing. Most of a
// Chinese text's bytes begin none of them, and strayBrackets passes those
// without decoding a rune or looking it up in the maps.
var bracketStarts = func() (rs RuneStarts) {
	for o, c := range bracketPairs {
		rs.Add(o)
		rs.Add(c)
	}
	return rs
}()

var closingOf = func() map[rune]rune {
	m := map[rune]rune{}
	for o, c := range bracketPairs {
		m[c] = o
	}
	return m
}()

// halfOf returns the ASCII form of a full-width letter, digit or sign, or
// of the ideographic space; 0 for anything else, Chinese punctuation
// included.
func halfOf(r rune) rune {
	if r == '\u3000' {
		return ' '
	}
	if r < 0xFF01 || r > 0xFF5E {
		return 0
	}
	if strings.ContainsRune("，。；：（）！？【】《》、", r) {
		return 0
	}
	f := width.LookupRune(r).Folded()
	if f == 0 || f >= 0x80 {
		return 0
	}
	return f
}

func sortChanges(c []Change) {
	for i := 1; i < len(c); i++ {
		for j := i; j > 0 && c[j].Pos < c[j-1].Pos; j-- {
			c[j], c[j-1] = c[j-1], c[j]
		}
	}
}

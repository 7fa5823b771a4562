package normalize

import (
	"strings"
)

// recoverPanics turns a panic inside an exported reader into an Unparsed
// reading, so that one odd cell never stops a batch; fuzz tests turn it off
// to see the panic.
var recoverPanics = true

// A cell is a value prepared for reading.
type cell struct {
	text  string // as written, white space folded, without template residue, basis and final punctuation
	basis string // 计划标准 from 90%(计划标准)
	c     []rune // folded, without spaces
	corig []rune // the original rune of each of c
}

// trailingPunct may end a value cell without meaning anything.
const trailingPunct = "。.,，;；!！、 :："

// prepare folds and trims a value cell: final punctuation, a basis in
// brackets at the end (90%(计划标准)), template residue at the start
// ((≥**株)>=17600株), a 定性/定量 marker.
func prepare(text string) cell {
	r, orig := foldRunes(text)
	lo, hi := 0, len(r)
	trim := func() {
		for lo < hi && r[lo] == ' ' {
			lo++
		}
		for hi > lo && strings.ContainsRune(trailingPunct, r[hi-1]) {
			hi--
		}
	}
	trim()
	var cl cell
	// A basis in brackets at the end.
	if hi > lo && r[hi-1] == ')' {
		if open := lastIndex(r[lo:hi], '('); open >= 0 {
			inner := strings.TrimSpace(string(orig[lo+open+1 : hi-1]))
			if n := len([]rune(inner)); n >= 2 && n <= 10 && strings.HasSuffix(inner, "标准") {
				cl.basis = inner
				hi = lo + open
				trim()
			}
		}
	}
	// Template residue before the value: (≥**株), (≥**%).
	for lo < hi && (r[lo] == '(' || r[lo] == '[' || r[lo] == '【') {
		close := -1
		for k := lo + 1; k < hi; k++ {
			if r[k] == ')' || r[k] == ']' || r[k] == '】' {
				close = k
				break
			}
		}
		if close < 0 || !containsRune(r[lo:close], '*') || close+1 >= hi {
			break
		}
		lo = close + 1
		trim()
	}
	// A nature marker joined to the value: 定性有效.
	if hi-lo > 2 && (hasPrefixAt(r[:hi], lo, "定性") || hasPrefixAt(r[:hi], lo, "定量")) {
		lo += 2
		for lo < hi && (r[lo] == ':' || r[lo] == ' ') {
			lo++
		}
	}
	cl.text = Fold(string(orig[lo:hi]))
	c, idx := compact(r[lo:hi])
	cl.c = c
	cl.corig = make([]rune, len(idx))
	for k, i := range idx {
		cl.corig[k] = orig[lo+i]
	}
	return cl
}

func lastIndex(r []rune, c rune) int {
	for i := len(r) - 1; i >= 0; i-- {
		if r[i] == c {
			return i
		}
	}
	return -1
}

func containsRune(r []rune, c rune) bool {
	for _, x := range r {
		if x == c {
			return true
		}
	}
	return false
}

// Value reads one indicator value cell as written (≥90百分比, 不低于95%,
// 2025年12月底前, 控制在预算内, 好) into a Target; see report/v1 for the
// kinds. It never fails: what it cannot read is Unparsed, with the text.
// ctx.Year dates deadlines that give no year (年底前, 12月31日前).
func Value(text string, ctx Context) (t Target) {
	defer func() {
		if e := recover(); e != nil && recoverPanics {
			t = Target{Kind: Unparsed, Text: Fold(text)}
		}
	}()
	cl := prepare(text)
	t = cl.read(ctx)
	t.Basis = cl.basis
	return t
}

func (cl cell) read(ctx Context) Target {
	c := cl.c
	if len(c) == 0 {
		return Target{Kind: Unparsed, Text: cl.text}
	}
	s := string(c)
	if t, ok := reference(c, s); ok {
		return t
	}
	if t, ok := deadline(c, ctx.Year); ok {
		t.Text = cl.text
		return t
	}
	pr := newPhraseReader(c, cl.corig)
	if t, end, ok := pr.toleranceAt(0); ok && end == len(c) {
		return t
	}
	if t, end, ok := pr.rangeAt(0); ok && end == len(c) {
		return t
	}
	if p, ok := pr.at(0); ok {
		if p.end == len(c) {
			return p.target()
		}
		if t, ok := unitAsWritten(c, p); ok {
			return t
		}
	}
	if t, ok := frequency(c); ok {
		return t
	}
	if lv := level(s); lv != "" {
		return Target{Kind: Qualitative, Level: lv}
	}
	if t, ok := undatedDeadline(s); ok {
		t.Text = cl.text
		return t
	}
	if t, ok := sentenceValue(pr); ok {
		return t
	}
	words := false
	for _, ch := range c {
		if isDigit(ch) || strings.ContainsRune("%≥≤<>=*", ch) {
			return Target{Kind: Unparsed, Text: cl.text}
		}
		words = words || isHan(ch) || isASCIILetter(ch)
	}
	if !words {
		return Target{Kind: Unparsed, Text: cl.text} // -, /, ——: a placeholder
	}
	return Target{Kind: Qualitative, Text: cl.text}
}

// unitAsWritten reads the rest of a cell after a number as its unit when
// the unit lexicon does not know it (≥3个村庄, 80M): a few letters or Han
// characters, before any 以上/以内.
func unitAsWritten(c []rune, p phrase) (Target, bool) {
	if p.percent || p.comparative {
		return Target{}, false
	}
	rest := c[p.numEnd:]
	op, explicit := p.op, p.explicit
	if p.weak {
		explicit = false
	}
	// A comparison word at the very end.
	for k := 1; k < len(rest); k++ {
		if w, e := suffixOps.at(rest, k); w != "" && e == len(rest) && suffixOps.value[w] != "=" {
			if !explicit {
				op, explicit = suffixOps.value[w], true
			}
			rest = rest[:k]
			break
		}
	}
	if len(rest) == 0 || len(rest) > 8 {
		return Target{}, false
	}
	for _, ch := range rest {
		if !(isHan(ch) || isASCIILetter(ch) || ch == '/' || ch == '²' || ch == '³' || ch == '·') || isNumeralChar(ch) && ch != '万' && ch != '亿' {
			return Target{}, false
		}
	}
	unit := string(rest)
	if u, ok := asciiUnitCase[unit]; ok {
		unit = u
	}
	return Target{Kind: Numeric, Op: op, Value: p.val, Unit: unit, Approx: p.approx}, true
}

// sentenceValue reads a cell that is a sentence around one value
// (辖区企业满意率达95%以上, 按合同10.5万元): the one value phrase it holds,
// which must end it.
func sentenceValue(pr *phraseReader) (Target, bool) {
	fs := findQuantities(pr)
	if len(fs) != 1 || fs[0].end != len(pr.r) {
		return Target{}, false
	}
	return fs[0].t, true
}

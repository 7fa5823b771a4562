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
	// residueUnit is the unit a template placeholder before the value
	// states: % from (≥**%)>=85.
	residueUnit string
	c           []rune // folded, without spaces
	corig       []rune // the original rune of each of c
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
		if star := lastIndex(r[lo:close], '*'); star >= 0 {
			cl.residueUnit = strings.TrimSpace(string(r[lo+star+1 : close]))
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
	mixedFractions(r[lo:hi])
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
	if t.Kind == Unparsed || t.Kind == Qualitative || t.Kind == Numeric && t.Text != "" {
		if v, note, ok := splitNote(text); ok {
			if t2 := Value(v, ctx); t2.Kind != Unparsed && t2.Kind != Qualitative && t2.Text == "" || t2.Kind == Deadline {
				t = t2
				if u := unitName(note); t.Kind == Numeric && t.Unit == "" && isUnit(u) {
					t.Unit = u // 100（万元）: the unit in brackets
				} else {
					t.Note = note
				}
			}
		}
	}
	if u := unitName(cl.residueUnit); t.Kind == Numeric && t.Unit == "" && isUnit(u) {
		t.Unit = u // (≥**%)>=85: the placeholder states the unit the value leaves out
	}
	return withBase(t)
}

// isUnit reports whether u is one unit of measure as a whole: %, 万元, 人次.
func isUnit(u string) bool {
	if u == "%" || u == "‰" {
		return true
	}
	r := []rune(u)
	got, end := readUnit(r, 0)
	return got != "" && end == len(r)
}

// splitNote splits a bracketed remark off the end of a value cell:
// ≥90%（含） → ≥90%, 含. ok is false when the cell ends in no bracket or the
// bracket holds nothing, a number or more than a short remark.
func splitNote(text string) (value, note string, ok bool) {
	r, orig := foldRunes(text)
	hi := len(r)
	for hi > 0 && (r[hi-1] == ' ' || strings.ContainsRune("。.,，;；", r[hi-1])) {
		hi--
	}
	if hi == 0 || r[hi-1] != ')' && r[hi-1] != ']' && r[hi-1] != '】' {
		return "", "", false
	}
	open := -1
	for k := hi - 2; k >= 0; k-- {
		if r[k] == '(' || r[k] == '[' || r[k] == '【' {
			open = k
			break
		}
	}
	if open <= 0 {
		return "", "", false
	}
	inner := strings.TrimSpace(string(orig[open+1 : hi-1]))
	n := len([]rune(inner))
	if n == 0 || n > 16 {
		return "", "", false
	}
	for _, ch := range r[open+1 : hi-1] {
		if isDigit(ch) {
			return "", "", false
		}
	}
	return string(orig[:open]), inner, true
}

// mixedFractions marks a whole number and a fraction written apart
// (1 3/5) as one number, by turning the space between them into 又 (one
// rune for one, so offsets still map back), before spaces are dropped and
// the two would run together as 13/5.
func mixedFractions(r []rune) {
	for i := 0; i < len(r); i++ {
		if !isDigit(r[i]) || i > 0 && (isDigit(r[i-1]) || r[i-1] == '.' || r[i-1] == '/') {
			continue
		}
		j := i
		for j < len(r) && isDigit(r[j]) {
			j++
		}
		k := j
		for k < len(r) && r[k] == ' ' {
			k++
		}
		if k == j || k == len(r) || !isDigit(r[k]) {
			i = j
			continue
		}
		m := k
		for m < len(r) && isDigit(r[m]) {
			m++
		}
		if at(r, m) != '/' || !isDigit(at(r, m+1)) {
			i = j
			continue
		}
		e := m + 1
		for e < len(r) && isDigit(r[e]) {
			e++
		}
		if at(r, e) == '.' || at(r, e) == '/' {
			i = j
			continue
		}
		r[j] = '又'
		i = e
	}
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
			if t, ok := firstQuantity(pr); ok {
				t.Text = cl.text
				return t
			}
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

// firstQuantity reads a sentence that holds values among other words
// (严格按照预算标准1000元/人给补助对象兑付补助) as its first quantity with a
// unit or a percentage, with the comparison words around it.
func firstQuantity(pr *phraseReader) (Target, bool) {
	for _, q := range findQuantities(pr) {
		if q.hasUnit || q.percent {
			return q.t, true
		}
	}
	return Target{}, false
}

package report

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/jixiao/jixiao/normalize"
)

// maxLabel is more bytes than any label has; longer cells are values, and
// foldLabel does not spend time on them.
const maxLabel = 96

// label is a cell's text read as a label the way a person reads it.
type label struct {
	key  string // folded: 项目资金 from "*项目资金（万元）："
	unit string // a bracketed amount unit: 万元
	mid  bool   // of a medium- or long-term group: 中期指标值, 二级指标（长期）

	// What the reader asks of the key, worked out with it (a label is
	// kept in memory): annualInfo, midColumn and periodLike match it.
	annual, midCol, period bool
}

var (
	// Markers before a label: *联系人, ★, 指标1：, 其中：, 1.、（一）.
	labelMarker = regexp.MustCompile(`^(?:[*★※☆●◆■▲#]+|指标\d+:|其中:?|\d{1,2}[.、]|\([一二三四五六七八九十\d]+\))`)
	// A score after a label: 项目资金预算执行10分, 成本指标（0-20）分.
	scoreSuffix = regexp.MustCompile(`\d+(?:-\d+)?分$`)
)

// foldLabel reduces a cell to its label: width-folded (full-width brackets
// and colons to ASCII), white space and line breaks gone, markers dropped,
// a trailing colon and bracketed qualifiers (或计划水平, 文字, 90分)
// dropped, a bracketed amount unit kept apart. Cells too long to be labels
// give an empty key.
func foldLabel(s string) label { return factsOf(s).label }

// facts is what a text is as a label: its folded label, and the fields
// the declarations give it as an info label and as a column header. The
// reader asks them of a cell many times over; they are worked out once.
type facts struct {
	label label
	info  Field             // the declared info field; NoField when none or when the label holds a value (a colon)
	cols  []columnCandidate // the declared column fields, the surest first; shared, not to be modified
	// asInfo tells a label infoField looks up: not empty, and no label
	// and value in one cell (a colon), which is for cutLabel.
	asInfo bool
}

// The facts of every short text seen, for the life of the process.
var known = memo[string, *facts]{max: 1 << 14, keep: strings.Clone}

var noFacts = &facts{}

// factsOf returns the facts of s, shared: callers do not modify them.
func factsOf(s string) *facts {
	if len(s) > maxLabel {
		return noFacts
	}
	return known.get(s, readFacts)
}

func readFacts(s string) *facts {
	lb := fold(s)
	f := &facts{label: lb}
	if lb.key == "" {
		return f
	}
	f.cols = columnsOf(lb.key)
	if f.asInfo = !strings.Contains(lb.key, ":"); f.asInfo {
		f.info = infoOf(lb.key)
	}
	return f
}

func fold(s string) label {
	s = normalize.DropSpace(normalize.Narrow(s))
	var lb label
	for mayStartMarker(s) {
		m := labelMarker.FindStringIndex(s)
		if m == nil || m[1] == 0 {
			break
		}
		s = s[m[1]:]
	}
	for {
		before := s
		s = strings.TrimRight(s, ":")
		if strings.HasSuffix(s, "分") { // as a score does (scoreSuffix)
			if m := scoreSuffix.FindStringIndex(s); m != nil {
				s = s[:m[0]]
			}
		}
		if strings.HasSuffix(s, ")") {
			if open := strings.LastIndex(s, "("); open > 0 {
				lb.qualify(s[open+1 : len(s)-1])
				s = s[:open]
			}
		}
		if s == before {
			break
		}
	}
	// A qualifier inside the label: 部门（单位）名称, 项目（资金）名称.
	for {
		open := strings.Index(s, "(")
		end := strings.Index(s, ")")
		if open <= 0 || end < open {
			break
		}
		lb.qualify(s[open+1 : end])
		s = s[:open] + s[end+1:]
	}
	lb.key = s
	lb.mid = lb.mid || midTermWords.In(s)
	lb.annual = annualInfo.In(s)
	lb.midCol = midColumn.In(s)
	// Each of periodLike's periods says 月, 季度 or 年.
	lb.period = periodRunes.In(s) && periodLike.MatchString(s)
	return lb
}

// markerStarts are how labelMarker's markers begin: most labels have none
// and are not matched against it.
var markerStarts = []string{"*", "★", "※", "☆", "●", "◆", "■", "▲", "#", "指标", "其中", "("}

// mayStartMarker tells a text labelMarker may match.
func mayStartMarker(s string) bool {
	if s != "" && isDigit(s[0]) {
		return true
	}
	for _, m := range markerStarts {
		if strings.HasPrefix(s, m) {
			return true
		}
	}
	return false
}

// midTerm tells a label of a medium- or long-term group: 中期指标值,
// 二级指标（长期）.
func (lb label) midTerm() bool { return lb.mid }

// qualify notes what a bracketed qualifier says: an amount unit, or a
// medium-term group.
func (lb *label) qualify(inner string) {
	// 资金情况（单位：万元）
	inner = strings.TrimPrefix(strings.TrimPrefix(inner, "单位:"), "金额单位:")
	switch {
	case isAmountUnit(inner):
		lb.unit = inner
	case midTermWords.In(inner):
		lb.mid = true
	}
}

func isAmountUnit(s string) bool { return slices.Contains(amountUnits, s) }

// amountUnits are the units an amount is declared in (单位：万元).
var amountUnits = []string{"万元", "元", "千元", "亿元"}

// labeler matches folded labels against the declarations of fields.go and
// the synonyms a user added in jixiao.toml.
type labeler struct {
	info map[string]Field
	cols map[string]Field
	*slots
	// the user named level columns, which may say neither 级 nor 指标
	userLevels bool
}

var defaultInfo = func() map[string]Field {
	m := map[string]Field{}
	for f, labels := range infoSynonyms {
		for _, l := range labels {
			m[l] = f
		}
	}
	return m
}()

// newLabeler adds the user's synonyms (by field) to the declared ones.
func newLabeler(extra map[Field][]string) *labeler {
	lb := &labeler{info: map[string]Field{}, cols: map[string]Field{}, slots: slotPool.Get().(*slots)}
	for f, labels := range extra {
		for _, l := range labels {
			key := foldLabel(l).key
			if f.isColumn() {
				lb.cols[key] = f
				lb.userLevels = lb.userLevels || f == ColLevel1 || f == ColLevel2 || f == ColLevel3
			} else {
				lb.info[key] = f
			}
		}
	}
	return lb
}

// infoField tells which info field a label cell names, NoField when none.
func (lb *labeler) infoField(text string) (Field, label) { return lb.infoFieldOf(lb.facts(text)) }

// infoFieldOf is infoField of the text k are the facts of.
func (lb *labeler) infoFieldOf(k *facts) (Field, label) {
	if !k.asInfo {
		// A label and its value in one cell is for cutLabel.
		return NoField, k.label
	}
	if f, ok := lb.info[k.label.key]; ok {
		return f, k.label
	}
	return k.info, k.label
}

// facts returns the facts of text, from the labeler's slots when it was
// asked lately: a document asks of its cells over and over, and a slot
// answers sooner than the process's large map.
func (lb *labeler) facts(text string) *facts {
	if len(text) > maxLabel {
		return noFacts
	}
	r := &lb.recent[textSlot(text)]
	if r.facts != nil && r.text == text {
		return r.facts
	}
	k := factsOf(text)
	r.text, r.facts = text, k
	return k
}

// recentSlots, a power of two, is a few times the texts of a form.
const (
	recentBits  = 9
	recentSlots = 1 << recentBits
)

// slots keep what a labeler found of the texts it was asked lately, each
// in the slot textSlot picks: a document asks of the same texts over and
// over, and a slot is found sooner than a map hashes the text. A slot's
// text is compared in full, so another text there is a miss, never a
// wrong answer; and what they keep holds for any document, so one
// document's reading hands them to the next (slotPool) rather than make
// 32 KB anew.
type slots struct {
	recent [recentSlots]recentFacts // facts, from factsOf
	// normalize.Fold of short texts: an indicator table repeats its
	// level names, natures and units row after row, and a merged cell is
	// read in every row it covers.
	folded [recentSlots]foldedText
}

var slotPool = sync.Pool{New: func() any { return new(slots) }}

// release hands the labeler's slots on to the next document's; the
// labeler is not used after.
func (lb *labeler) release() {
	slotPool.Put(lb.slots)
	lb.slots = nil
}

type recentFacts struct {
	text  string
	facts *facts
}

type foldedText struct {
	text, folded string
	set          bool
}

// fold is normalize.Fold(text), from the labeler's slots when text was
// folded lately.
func (lb *labeler) fold(text string) string {
	if len(text) > maxLabel {
		return normalize.Fold(text)
	}
	r := &lb.folded[textSlot(text)]
	if r.set && r.text == text {
		return r.folded
	}
	*r = foldedText{text, normalize.Fold(text), true}
	return r.folded
}

// label is the folded label of text, foldLabel from the labeler's memory.
func (lb *labeler) label(text string) label { return lb.facts(text).label }

// infoOf is the info field the declarations give a folded label.
func infoOf(key string) Field {
	if f, ok := defaultInfo[key]; ok {
		return f
	}
	if !keywordCandidate(key) {
		return NoField
	}
	for _, k := range infoKeywords {
		if k.match(key) {
			return k.field
		}
	}
	return NoField
}

// columnFields lists the indicator-table fields a header may name, the
// surest first.
// The candidates are shared: callers do not modify them.
func (lb *labeler) columnFields(text string) ([]columnCandidate, label) {
	return lb.columnFieldsOf(lb.facts(text))
}

// columnFieldsOf is columnFields of the text k are the facts of.
func (lb *labeler) columnFieldsOf(k *facts) ([]columnCandidate, label) {
	l := k.label
	if l.key == "" {
		return nil, l
	}
	if f, ok := lb.cols[l.key]; ok {
		return []columnCandidate{{f, 4}}, l
	}
	return k.cols, l
}

// columnsOf lists the fields the declarations give a folded header.
func columnsOf(key string) []columnCandidate {
	if c, ok := columnSynonyms[key]; ok {
		return c
	}
	if earlierYears.In(key) {
		// 上年度实际水平: last year's, no field of this year's form.
		return nil
	}
	if !keywordCandidate(key) {
		return nil
	}
	for _, k := range columnKeywords {
		if k.match(key) {
			return []columnCandidate{{k.field, 1}}
		}
	}
	return nil
}

// The runes a text is searched for as words, one pass over its bytes,
// where strings.ContainsAny decodes each rune of the text and looks for
// it among runes beyond ASCII (TestWordsAsContainsAny).
var (
	periodRunes = runeWords("月季年")
	valueSigns  = runeWords("%≥≤<>=")
	valueMarks  = runeWords("0123456789，。；、,.;%")
	clauseMarks = runeWords("，。；：:")
)

// runeWords is the runes of s as words.
func runeWords(s string) *normalize.Keywords {
	var list []string
	for _, r := range s {
		list = append(list, string(r))
	}
	return normalize.NewKeywords(list...)
}

// keywordCandidate tells a key the keyword rules may read as a label: short,
// and not a value (100%, ≥90, 1座).
func keywordCandidate(key string) bool {
	if utf8.RuneCountInString(key) > 16 || valueSigns.In(key) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(key)
	return r < '0' || r > '9'
}

// column is the surest field a header names.
func (lb *labeler) column(text string) Field {
	if c, _ := lb.columnFields(text); len(c) > 0 {
		return c[0].field
	}
	return NoField
}

// isLabel tells a cell that is a label of the info part rather than a
// value.
func (lb *labeler) isLabel(text string) bool {
	f, _ := lb.infoField(text)
	return f != NoField
}

// looksLikeLabel tells a short text without digits that ends in a colon: a
// label the declarations do not know (资金性质：).
func looksLikeLabel(text string) bool {
	if t := normalize.TrimSpace(text); len(t) > 12*utf8.UTFMax || utf8.RuneCountInString(t) > 12 {
		// Narrow keeps the runes, and which of them are spaces: a long
		// cell is no label, and is not narrowed to see so. More than 48
		// bytes are more than 12 runes, without counting them.
		return false
	}
	t := strings.TrimSpace(normalize.Narrow(text))
	if t == "" || utf8.RuneCountInString(t) > 12 || strings.ContainsAny(t, "0123456789%") {
		return false
	}
	return strings.HasSuffix(t, ":")
}

// looksLikeHeader tells a short text without digits or sentence
// punctuation: a column header (年初设定目标) rather than a value.
func looksLikeHeader(text string) bool {
	t := normalize.TrimSpace(text)
	return t != "" && utf8.RuneCountInString(t) <= 10 && !valueMarks.In(t)
}

// textSlot picks text's slot of recent from its length and its first and
// last eight bytes, which a hash of the whole text costs more than.
func textSlot(text string) int {
	h := uint64(len(text))
	if len(text) >= 8 {
		h ^= load64(text) ^ load64(text[len(text)-8:])*0xFF51AFD7ED558CCD
	} else {
		for i := 0; i < len(text); i++ {
			h = h<<8 | uint64(text[i])
		}
	}
	return int((h * 0x9E3779B97F4A7C15) >> (64 - recentBits))
}

// load64 is the first eight bytes of s, little-endian.
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

package normalize

import (
	"strings"
)

// Found is one target mined from prose.
type Found struct {
	Name   string // the indicator in front of the value, as written: 服务对象满意度
	Text   string // the value as written: 90%以上
	Target Target
}

// A Quantity is a value phrase found in running text: a number with its
// unit and the comparison words around it (大于90%, 90%以上, 在20和30之间).
type Quantity struct {
	Start, End int    // byte offsets of Text in the scanned string
	Text       string // as written
	Target     Target // Numeric or Range
}

// A quantity is a value phrase found by findQuantities, in rune offsets of
// the phrase reader's runes.
type quantity struct {
	start, end int
	t          Target
	percent    bool
	hasUnit    bool
}

// findQuantities finds the value phrases in pr's runes (compacted, folded):
// numbers with a unit, a percentage or a comparison, and ranges. Dates,
// ordinals (第3) and web addresses are stepped over.
func findQuantities(pr *phraseReader) []quantity {
	r := pr.r
	var out []quantity
	for i := 0; i < len(r); {
		if e := urlEnd(r, i); e > i {
			i = e
			continue
		}
		if isDigit(r[i]) || isNumeralChar(r[i]) {
			// A date or a period (2023.07, 2025年第三季度) is no
			// quantity; only one beginning with a numeral is stepped
			// over, and periodAt is asked of those alone.
			if p, ok := periodAt(r, i, 0); ok && p.end > i {
				i = p.end
				continue
			}
		}
		if i > 0 && (isDigit(r[i]) || isNumeralChar(r[i]) || r[i] == '.') && (r[i-1] == '第' || isDigit(r[i-1]) || isNumeralChar(r[i-1]) || r[i-1] == '.') {
			i++
			continue
		}
		q, ok := pr.quantityAt(i)
		if !ok {
			i++
			continue
		}
		q.t = withBase(q.t)
		out = append(out, q)
		i = q.end
	}
	return out
}

// quantityAt reads a value phrase at i that is worth reporting: a range, a
// tolerance, or a number with a unit, a percentage or a written comparison.
// A one-character Chinese numeral (一, 三) is too often part of a word
// (一次性, 三公经费) to count unless a comparison, a period word, a
// percentage or money makes it one.
func (pr *phraseReader) quantityAt(i int) (quantity, bool) {
	if t, end, ok := pr.toleranceAt(i); ok {
		return quantity{start: i, end: end, t: t, percent: t.Unit == "%", hasUnit: t.Unit != ""}, true
	}
	if t, end, ok := pr.rangeAt(i); ok {
		return quantity{start: i, end: end, t: t, percent: t.Unit == "%", hasUnit: t.Unit != ""}, true
	}
	p, ok := pr.at(i)
	if !ok {
		return quantity{}, false
	}
	if !(p.percent || p.unit != "" || p.explicit) {
		return quantity{}, false
	}
	if p.chinese && !p.explicit && !p.period && !p.percent && !isMoney(p.unit) && p.numEnd-p.numStart == 1 {
		return quantity{}, false
	}
	return quantity{start: p.start, end: p.end, t: p.target(), percent: p.percent, hasUnit: p.unit != ""}, true
}

// isMoney reports whether unit is an amount of money: 元, 万元, 亿元.
func isMoney(unit string) bool {
	u := []rune(unit)
	for len(u) > 1 && (u[0] == '万' || u[0] == '亿' || u[0] == '千' || u[0] == '百') {
		u = u[1:]
	}
	return len(u) > 0 && (u[0] == '元' || u[0] == '块')
}

// urlEnd returns the end of a web address starting at i, or i.
func urlEnd(r []rune, i int) int {
	if !hasPrefixAt(r, i, "http://") && !hasPrefixAt(r, i, "https://") && !hasPrefixAt(r, i, "www.") {
		return i
	}
	j := i
	for j < len(r) && r[j] < 0x80 && r[j] != ' ' {
		j++
	}
	return j
}

// prepareScan folds s and drops its spaces for the phrase reader; idx maps the
// reader's runes back to runes of s, and offs runes of s to byte offsets.
func prepareScan(s string) (pr *phraseReader, idx, offs []int) {
	folded, orig := foldRunes(s)
	c, idx := compact(folded)
	corig := make([]rune, len(idx))
	for k, i := range idx {
		corig[k] = orig[i]
	}
	return newPhraseReader(c, corig), idx, byteOffsets(s)
}

// Quantities finds the value phrases in s: numbers with a unit, a
// percentage or a comparison word, and ranges (大于90%, 90%以上, 10-20人,
// 在20和30之间, 1000万元, 百分之五).
func Quantities(s string) (out []Quantity) {
	defer func() {
		if e := recover(); e != nil && recoverPanics {
			out = nil
		}
	}()
	pr, idx, offs := prepareScan(s)
	for _, q := range findQuantities(pr) {
		a, b := offs[idx[q.start]], offs[idx[q.end-1]+1]
		out = append(out, Quantity{Start: a, End: b, Text: s[a:b], Target: q.t})
	}
	return out
}

// leadWords begin a clause before the indicator they act on; a name never
// starts with one (保持故障排除率100% names 故障排除率).
var leadWords = newLexicon("保持", "保证", "确保", "提升", "提高", "实现", "力争", "争取", "做到", "使", "让",
	"将", "把", "维持", "促进", "推动", "全面", "进一步", "并且", "并", "且", "同时", "其中", "以及", "和",
	"及", "要求", "力求", "达到", "完成", "开展", "组织", "举办", "确定", "坚持", "努力", "切实",
	"年度", "全年", "本年度", "年内", "每年", "当年", "加强", "严格", "有效", "持续", "稳定", "不断")

// linkWords sit between an indicator and its value without belonging to
// either: 满意度为90%, 满意度均达到90%.
var linkWords = newLexicon("为", "是", "均", "都", "要", "应", "须", "需", "必须", "需要", "在", "保持在",
	"稳定在", "维持在", "均为", "要求", "确保", "力争", "平均", "总体", "整体", "将")

// placeBeforeNai are what comes before 内 in a place or time that may open a
// name: 管辖区内, 县域内, 年度内.
const placeBeforeNei = "区县市镇村域度围期辖园校馆所院司楼"

// metricEnds are the last characters of an indicator measured in percent:
// 率, 满意度, 比例, 占比 ….
const metricEnds = "率度比例重值数量面额性"

// Scan finds the targets written into prose such as a 绩效指标 paragraph
// (服务对象满意度90%以上；故障排除率100%): each value phrase with the
// indicator named in front of it. The name is found by rule, not by word
// segmentation: back from the value to a clause boundary, without the verbs
// and places that open a clause (保持, 确保, 管辖区内). A percentage needs a
// name that ends like a measure (率, 度, 比例); a value followed by a
// comparison (实际支出100%小于等于预算支出) is one side of a statement, not a
// target.
func Scan(prose string, ctx Context) (found []Found) {
	defer func() {
		if e := recover(); e != nil && recoverPanics {
			found = nil
		}
	}()
	pr, idx, offs := prepareScan(prose)
	c := pr.r // the folded text without spaces, as the reader sees it
	span := func(a, b int) string { return prose[offs[idx[a]]:offs[idx[b-1]+1]] }
	prev := 0
	for _, q := range findQuantities(pr) {
		floor := prev
		prev = q.end
		if w, _ := prefixOpLex.at(c, q.end); w != "" {
			continue // 100%小于等于预算支出: the left side of a comparison
		}
		if w, _ := refOps.at(c, q.end); w != "" && w != "在" && w != "与" && w != "同" {
			continue
		}
		if !q.percent && q.hasUnit && isHan(at(c, q.end)) {
			continue // 3个项目建设任务: a count qualifying a noun
		}
		a, b := nameBefore(c, floor, q.start)
		if b-a < 2 {
			continue
		}
		name := c[a:b]
		if w, e := leadWords.at(c, a); w != "" && e == b {
			continue // 实现3个: a verb, no indicator
		}
		if q.percent && !strings.ContainsRune(metricEnds, name[len(name)-1]) {
			continue
		}
		if !q.percent && !q.hasUnit && !strings.ContainsRune(metricEnds+"分", name[len(name)-1]) {
			continue
		}
		found = append(found, Found{Name: span(a, b), Text: span(q.start, q.end), Target: q.t})
	}
	return found
}

// nameBefore finds the indicator name that ends where a value phrase starts
// (at end), no further back than floor: the run of Han characters back to a
// clause boundary, without the link words before the value and the lead
// words and places that open the clause.
func nameBefore(c []rune, floor, end int) (int, int) {
	b := end
	// Link words between name and value (满意度为90%).
	for {
		moved := false
		for k := max(floor, b-3); k < b; k++ {
			if w, e := linkWords.at(c, k); w != "" && e == b && b-k < b-floor {
				b = k
				moved = true
				break
			}
		}
		if !moved {
			break
		}
	}
	a := b
	for a > floor && (isHan(c[a-1]) || isASCIILetter(c[a-1])) && !strings.ContainsRune("，。；：、", c[a-1]) {
		a--
	}
	for {
		moved := false
		if w, e := leadWords.at(c, a); w != "" && b-e >= 2 {
			a = e
			moved = true
		}
		for k := a + 1; k < a+7 && k < b-2; k++ {
			if c[k] == '内' && strings.ContainsRune(placeBeforeNei, c[k-1]) {
				a = k + 1
				moved = true
				break
			}
		}
		if !moved {
			break
		}
	}
	return a, b
}

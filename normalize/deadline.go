package normalize

import (
	"fmt"
	"strings"
	"time"
)

// A period is a date or span read from text; its end is what a deadline
// means. Year is 0 when the text gives none and the context knows none.
type period struct {
	year, month, day int  // day 0: the end of the month; month 0: the end of the year
	fromMonth        int  // the first month the period covers; 0: the month itself (a day or month), or January for a year
	fromDay          int  // the first day, when a day is written
	span             bool // a word that names a stretch of time (全年, 上半年, 一季度), not a point
	start, end       int  // rune offsets
}

// isoStart writes the first day of p as an ISO date, or --MM-DD when the
// year is unknown.
func (p period) isoStart() string {
	m, d := p.fromMonth, 1
	switch {
	case p.fromDay > 0:
		m, d = p.month, p.fromDay
	case m == 0 && p.month != 0 && !p.span:
		m = p.month
	case m == 0:
		m = 1
	}
	if p.year == 0 {
		return fmt.Sprintf("--%02d-%02d", m, d)
	}
	return fmt.Sprintf("%04d-%02d-%02d", p.year, m, d)
}

// iso writes the last day of p as an ISO date, or as --MM-DD when the year
// is unknown (February then ends on the 28th).
func (p period) iso() string {
	m := p.month
	if m == 0 {
		m = 12
	}
	d := p.day
	if d == 0 {
		y := p.year
		if y == 0 {
			y = 2001
		}
		d = time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	}
	if p.year == 0 {
		return fmt.Sprintf("--%02d-%02d", m, d)
	}
	return fmt.Sprintf("%04d-%02d-%02d", p.year, m, d)
}

// smallInt reads a whole number from 1 to 9999 at i, in Arabic or Chinese
// numerals, with the count of its digits as written.
func smallInt(r []rune, i int) (v, end, digits int, ok bool) {
	j := i
	for j < len(r) && isDigit(r[j]) {
		v = v*10 + int(r[j]-'0')
		j++
	}
	if j > i {
		if j-i > 4 {
			return 0, i, 0, false
		}
		return v, j, j - i, true
	}
	// 二〇二五: digit by digit.
	for j < len(r) && isCNDigit(r[j]) && r[j] != '两' && j-i < 4 {
		v = v*10 + int(cnDigit[r[j]])
		j++
	}
	if j-i == 4 {
		return v, j, 4, true
	}
	// 十二, 三十一, 九.
	v, j = 0, i
	if isCNDigit(at(r, j)) && !isZero(at(r, j)) {
		v = int(cnDigit[r[j]])
		j++
	}
	if at(r, j) == '十' {
		if j == i {
			v = 1
		}
		v *= 10
		j++
		if isCNDigit(at(r, j)) && !isZero(at(r, j)) {
			v += int(cnDigit[r[j]])
			j++
		}
	} else if at(r, j) == '廿' && j == i {
		v = 20
		j++
		if isCNDigit(at(r, j)) {
			v += int(cnDigit[r[j]])
			j++
		}
	}
	if j == i || v == 0 {
		return 0, i, 0, false
	}
	return v, j, j - i, true
}

var quarterEnds = map[int]int{1: 3, 2: 6, 3: 9, 4: 12}

// yearWords name the end of the current year: 年底前 with the report's year.
var yearWords = newLexicon("年底", "年末", "年内", "年度内", "本年度", "本年", "当年", "全年", "今年", "年终", "本年底")

// halfWords name parts of the current year by the month they end in.
var halfWords = newLexiconMap(map[string]string{
	"上半年": "6", "下半年": "12", "前三季度": "9", "年中": "6", "前半年": "6", "后半年": "12",
})

// halfStarts are the months the parts of a year named by halfWords begin
// in; 年中 is a point, not a part.
var halfStarts = map[string]int{"上半年": 1, "下半年": 7, "前三季度": 1, "前半年": 1, "后半年": 7}

// wholeYearWords name the whole of a year, not its end.
var wholeYearWords = map[string]bool{"全年": true, "年度": true, "全年度": true}

// periodAt reads a date or period at i: 2025年12月底, 12月31日, 2023.07,
// 二〇二五年, 2025年第一季度, 一季度, 上半年, 年底. year is the context's year,
// used when the text gives none.
func periodAt(r []rune, i, year int) (period, bool) {
	p := period{start: i, year: year}
	// 2023.07, 2023-07-15, 2025/12/31: a four-digit year and a month.
	if y, j, nd, ok := smallInt(r, i); ok && nd == 4 && isDigit(at(r, i)) && y >= 1900 && y <= 2100 {
		if sep := at(r, j); sep == '.' || sep == '-' || sep == '/' {
			if m, k, _, ok := smallInt(r, j+1); ok && isDigit(at(r, j+1)) && m >= 1 && m <= 12 {
				p.year, p.month, p.end = y, m, k
				if at(r, k) == sep {
					if d, e, _, ok := smallInt(r, k+1); ok && d >= 1 && d <= 31 && isDigit(at(r, k+1)) {
						p.day, p.fromDay, p.end = d, d, e
					}
				}
				return p, true
			}
		}
	}
	j := i
	hasYear := false
	if y, k, nd, ok := smallInt(r, i); ok && nd == 4 && y >= 1900 && y <= 2100 && at(r, k) == '年' {
		p.year, j, hasYear = y, k+1, true
		if at(r, j) == '度' {
			j++
		}
	}
	if at(r, j) == '第' && (isCNDigit(at(r, j+1)) || isDigit(at(r, j+1))) {
		j++
	}
	if q, k, _, ok := smallInt(r, j); ok && q >= 1 && q <= 4 && hasPrefixAt(r, k, "季度") {
		p.month, p.end = quarterEnds[q], k+2
		p.fromMonth, p.span = quarterEnds[q]-2, true
		if c := at(r, p.end); c == '末' || c == '底' {
			p.end++
			p.span = false
		}
		return p, true
	}
	if w, k := halfWords.at(r, j); w != "" {
		fmt.Sscan(halfWords.value[w], &p.month)
		p.fromMonth = halfStarts[w]
		p.span = p.fromMonth != 0
		p.end = k
		return p, true
	}
	if m, k, _, ok := smallInt(r, j); ok && m >= 1 && m <= 12 && at(r, k) == '月' {
		p.month, p.end = m, k+1
		if d, e, _, ok := smallInt(r, p.end); ok && d >= 1 && d <= 31 && (at(r, e) == '日' || at(r, e) == '号') {
			p.day, p.fromDay, p.end = d, d, e+1
		} else if c := at(r, p.end); c == '底' || c == '末' || c == '份' {
			p.end++
		}
		return p, true
	}
	if hasYear {
		p.end = j
		if w, k := yearWords.at(r, j); w != "" {
			p.end = k
			p.span = wholeYearWords[w]
		} else if c := at(r, j); c == '底' || c == '末' || c == '内' {
			p.end++
		}
		return p, true
	}
	if w, k := yearWords.at(r, i); w != "" {
		p.end = k
		p.span = wholeYearWords[w]
		return p, true
	}
	return period{}, false
}

// deadlineLeads may come before the date of a deadline.
var deadlineLeads = newLexicon("于", "在", "截至", "截止", "截止到", "至", "计划", "计划于", "预计", "预计于",
	"力争", "力争于", "确保", "确保于", "争取", "争取于", "按期", "按期于", "应于", "须于", "需于", "要求",
	"完成时间", "完成时限", "时限", "期限", "每年", "到", "于每年")

// noDateDeadlines are phrases of a deadline set by another document: 在项目计划完成时间内完成.
var noDateDeadlines = []string{"时间内", "期限内", "工期内", "时限内", "期内完成", "合同期内", "规定时间", "计划时间"}

// spanSeps join the two ends of a period: 2023.07-2024.01,
// 2020年1月--2020年11月, 2025年1月至6月.
var spanSeps = newLexicon("--", "-", "~", "至", "到", "—", "——", "－")

// deadline reads c (compacted folded runes) as a deadline: one period, or a
// span of two, with lead and trailing words but no other number. A span of
// two (2023.07-2024.01) or a word naming a stretch of time (全年, 上半年,
// 2025年第一季度) standing alone is a Period, from its first day to its
// last; with words after it (上半年完成) it is the deadline its end sets.
func deadline(c []rune, year int) (Target, bool) {
	i := 0
	if _, e := deadlineLeads.at(c, 0); e > 0 {
		if _, ok := periodAt(c, e, year); ok {
			i = e
		}
	}
	p, ok := periodAt(c, i, year)
	if !ok {
		return Target{}, false
	}
	end := p.end
	first, spanned := p, p.span
	// A span: the second period ends it, in the first one's year if it gives none.
	if _, k := spanSeps.at(c, end); k > end {
		if q, ok := periodAt(c, k, p.year); ok {
			p, end, spanned = q, q.end, true
		}
	}
	// What follows must be words (前, 底前, 完成, 到位), not another number.
	for _, ch := range c[end:] {
		if isDigit(ch) || isNumeralChar(ch) && ch != '一' || ch == '%' {
			return Target{}, false
		}
	}
	// 2021年完成保鲜库钢构主体安装、封顶: what is to be done by then may be long.
	if len(c)-end > 12 && !(hasPrefixAt(c, end, "完成") && len(c)-end <= 40) {
		return Target{}, false
	}
	if spanned && end == len(c) && i == 0 {
		return Target{Kind: Period, From: first.isoStart(), To: p.iso()}, true
	}
	return Target{Kind: Deadline, Date: p.iso()}, true
}

// undatedDeadline reads a deadline given by another schedule (在项目计划完成时间内完成).
func undatedDeadline(s string) (Target, bool) {
	for _, w := range noDateDeadlines {
		if strings.Contains(s, w) {
			return Target{Kind: Deadline}, true
		}
	}
	return Target{}, false
}

package normalize

import (
	"github.com/shopspring/decimal"
)

// cnDigit holds the Chinese digits, lower case and 大写. 两 is a digit but
// never part of a digit string (两两 is not 22).
var cnDigit = map[rune]int64{
	'零': 0, '〇': 0, '一': 1, '壹': 1, '幺': 1, '二': 2, '贰': 2, '两': 2,
	'三': 3, '叁': 3, '四': 4, '肆': 4, '五': 5, '伍': 5, '六': 6, '陆': 6,
	'七': 7, '柒': 7, '八': 8, '捌': 8, '九': 9, '玖': 9,
}

// cnSmall holds the units inside a section; 廿 and 卅 are a digit and 十 at once.
var cnSmall = map[rune]int64{'十': 10, '拾': 10, '百': 100, '佰': 100, '千': 1000, '仟': 1000}

// cnBig holds the units that close a section. 兆 is 10^12, as Recognizers-Text
// and the 万进 system read it in modern text.
var cnBig = map[rune]int64{'万': 1e4, '亿': 1e8, '兆': 1e12}

// ambiguousAlone are 大写 digits that, standing alone, are far more often a
// word (队伍, 陆地, 收拾, 放肆) than a number.
var ambiguousAlone = map[rune]bool{'肆': true, '伍': true, '陆': true, '拾': true, '佰': true, '仟': true}

func isCNDigit(r rune) bool { _, ok := cnDigit[r]; return ok }

func isZero(r rune) bool { return r == '零' || r == '〇' }

// isNumeralStart reports whether a number may begin with r.
func isNumeralStart(r rune) bool {
	if isDigit(r) || isCNDigit(r) {
		return true
	}
	switch r {
	case '十', '拾', '百', '佰', '千', '仟', '廿', '卅', '半':
		return true
	}
	return false
}

var (
	dZero = decimal.Zero
	dOne  = decimal.NewFromInt(1)
	dTen  = decimal.NewFromInt(10)
)

// A reader reads numbers out of folded runes.
type reader struct {
	r      []rune // folded (see foldRune)
	orig   []rune // as written, same length as r
	limit  int    // read no further than this offset
	spaces bool   // spaces may separate the parts of one number (一百 五 十 二)
	mult   bool   // fold the multipliers k, M and 打 into the value, as plain numbers read
	strict bool   // cn2an strict: standard Chinese numerals only, no Arabic digits
	scan   bool   // finding numbers in prose: reject a lone 伍, 陆, 拾 …
}

func newReader(r, orig []rune) *reader {
	return &reader{r: r, orig: orig, limit: len(r)}
}

// A number is one number read by a reader.
type number struct {
	start, end int             // rune offsets, end exclusive
	val        decimal.Decimal // the value, multipliers applied
	chinese    bool            // written at least partly in Chinese numerals
	approx     bool            // 多, 余 or 几 inside (十余万)
	fraction   bool            // a fraction: 三分之一, 3/5
	bigTail    int             // offset of a trailing 万/亿 run that may belong to the unit; -1 if none
	decimal    bool            // has a fractional part as written
}

func (rd *reader) at(i int) rune {
	if i < 0 || i >= rd.limit {
		return 0
	}
	return rd.r[i]
}

// skip returns the offset of the next non-space rune from i when spaces may
// separate parts of a number, else i.
func (rd *reader) skip(i int) int {
	if !rd.spaces {
		return i
	}
	for i < rd.limit && rd.r[i] == ' ' {
		i++
	}
	return i
}

// signAt reports whether the rune at i is a minus sign (not a dash between
// two numbers, nor one of a run of dashes).
func (rd *reader) signAt(i int) bool {
	c := rd.at(i)
	if c == '负' {
		return true
	}
	if c != '-' && c != '+' {
		return false
	}
	if i > 0 {
		p := rd.r[i-1]
		if isDigit(p) || p == '-' || p == '+' || p == '.' || p == '%' || isASCIILetter(p) || isCNDigit(p) || cnSmall[p] != 0 || cnBig[p] != 0 {
			return false
		}
	}
	n := rd.at(i + 1)
	return isDigit(n) || n == '.' && isDigit(rd.at(i+2))
}

// read reads a number starting exactly at i. skip > i reports a span that
// looked like a number but must not be read as one (二三十, an approximate
// count), which a scanner should step over.
func (rd *reader) read(i int) (n number, ok bool, skip int) {
	neg := false
	j := i
	if rd.signAt(i) {
		if rd.r[i] == '-' && rd.strict {
			return n, false, i
		}
		neg = rd.r[i] == '-' || rd.r[i] == '负'
		j = i + 1
		if rd.r[i] == '负' {
			j = rd.skip(j)
		}
	}
	n, ok, skip = rd.unsigned(j)
	if !ok {
		return n, false, skip
	}
	n.start = i
	// 分之: the number read is a denominator.
	if k := rd.fracMark(n.end); k > n.end {
		sub := *rd
		sub.scan = false // 萬分之肆: a lone 肆 is a numerator here
		num, ok2, _ := sub.read(rd.skip(k))
		if ok2 && !num.fraction && !num.val.IsZero() && !n.val.IsZero() {
			n.val = num.val.Div(n.val)
			n.end = num.end
			n.fraction = true
			n.bigTail = -1 // 一万分之三: the 万 is the denominator's, not a unit's
			n.chinese = n.chinese || num.chinese
		}
	}
	// 又: a whole number and a fraction.
	if k := rd.skip(n.end); rd.at(k) == '又' && !n.fraction {
		f, ok2, _ := rd.read(rd.skip(k + 1))
		if ok2 && f.fraction {
			n.val = n.val.Add(f.val)
			n.end = f.end
			n.fraction = true
			n.bigTail = -1
		}
	}
	if neg {
		n.val = n.val.Neg()
	}
	return n, true, n.end
}

// fracMark returns the offset after 分之 at i (spaces allowed), or i.
func (rd *reader) fracMark(i int) int {
	k := rd.skip(i)
	if rd.at(k) != '分' {
		return i
	}
	k = rd.skip(k + 1)
	if rd.at(k) != '之' {
		return i
	}
	return k + 1
}

func (rd *reader) unsigned(i int) (number, bool, int) {
	c := rd.at(i)
	switch {
	case c == '.' && isDigit(rd.at(i+1)) && !isDigit(rd.at(i-1)) && rd.at(i-1) != '.':
		if rd.strict {
			return number{}, false, i
		}
		return rd.arabic(i)
	case isDigit(c):
		if rd.strict {
			return number{}, false, i
		}
		// Arabic digits followed by Chinese units are one number: 5万4千6百.
		e := i
		for e < rd.limit && (isDigit(rd.r[e]) || rd.r[e] == '.' || rd.r[e] == ',') {
			e++
		}
		if k := rd.skip(e); k < rd.limit && (cnSmall[rd.r[k]] != 0 && !percentMarks.has(rd.r[:rd.limit], k) || cnBig[rd.r[k]] != 0 || (rd.r[k] == '余' || rd.r[k] == '多' || rd.r[k] == '几') && cnBig[rd.at(rd.skip(k+1))] != 0) {
			if n, ok, s := rd.chinese(i); ok {
				return n, ok, s
			}
		}
		return rd.arabic(i)
	case isNumeralStart(c):
		return rd.chinese(i)
	}
	return number{}, false, i
}

// arabicToken reads digits with thousands separators and a decimal part.
func (rd *reader) arabicToken(i int) (v decimal.Decimal, end int, dec bool) {
	j := i
	buf := make([]byte, 0, 24)
	for j < rd.limit && isDigit(rd.r[j]) {
		buf = append(buf, byte(rd.r[j]))
		j++
	}
	// Thousands separators: a comma and exactly three digits, no space after
	// the comma; a full-width comma only between full-width digits.
	for rd.at(j) == ',' && isDigit(rd.at(j+1)) && isDigit(rd.at(j+2)) && isDigit(rd.at(j+3)) && !isDigit(rd.at(j+4)) && len(buf) > 0 {
		if rd.orig != nil && rd.orig[j] == '，' && !(isFullDigit(rd.orig[j-1]) && isFullDigit(rd.orig[j+1])) {
			break
		}
		buf = append(buf, byte(rd.r[j+1]), byte(rd.r[j+2]), byte(rd.r[j+3]))
		j += 4
	}
	// A dotted chain (2222.2222.22222, 2025.12.31) has no decimals.
	chained := i >= 2 && rd.r[i-1] == '.' && isDigit(rd.r[i-2])
	if rd.at(j) == '.' && isDigit(rd.at(j+1)) && !chained {
		k := j + 1
		for k < rd.limit && isDigit(rd.r[k]) {
			k++
		}
		if !(rd.at(k) == '.' && isDigit(rd.at(k+1))) {
			buf = append(buf, '.')
			for _, d := range rd.r[j+1 : k] {
				buf = append(buf, byte(d))
			}
			j = k
			dec = true
		}
	}
	if len(buf) == 0 {
		return dZero, i, false
	}
	if buf[0] == '.' {
		buf = append([]byte{'0'}, buf...)
	}
	v, err := decimal.NewFromString(string(buf))
	if err != nil {
		return dZero, i, false
	}
	return v, j, dec
}

func isFullDigit(r rune) bool { return r >= '０' && r <= '９' }

// arabic reads a number written in Arabic digits only, with its exponent,
// power, slash fraction and multiplier.
func (rd *reader) arabic(i int) (number, bool, int) {
	v, j, dec := rd.arabicToken(i)
	if j == i {
		return number{}, false, i
	}
	n := number{start: i, end: j, val: v, bigTail: -1, decimal: dec}
	// Exponent: 2e5, 2.7890e-1.
	if c := rd.at(j); (c == 'e' || c == 'E') && !isASCIILetter(rd.at(j-1)) {
		k := j + 1
		if rd.at(k) == '-' || rd.at(k) == '+' {
			k++
		}
		if isDigit(rd.at(k)) && !rd.strict {
			e, ek, _ := rd.arabicToken(k)
			if !isASCIILetter(rd.at(ek)) && e.IsInteger() && e.Abs().LessThan(decimal.NewFromInt(400)) {
				if rd.at(j+1) == '-' {
					e = e.Neg()
				}
				n.val = n.val.Shift(int32(e.IntPart()))
				n.end = ek
				return n, true, n.end
			}
		}
	}
	// Power: 2^5, 1.1^+23, 2^-1, -1.1^--23.
	if rd.at(j) == '^' {
		k := j + 1
		neg := false
		for rd.at(k) == '-' || rd.at(k) == '+' {
			if rd.at(k) == '-' {
				neg = !neg
			}
			k++
		}
		if isDigit(rd.at(k)) {
			e, ek, edec := rd.arabicToken(k)
			if !edec && e.LessThan(decimal.NewFromInt(400)) {
				p, err := n.val.PowInt32(int32(e.IntPart()))
				if err == nil {
					if neg {
						if p.IsZero() {
							return number{}, false, i
						}
						p = dOne.Div(p)
					}
					n.val = p
					n.end = ek
					return n, true, n.end
				}
			}
		}
	}
	// Slash fraction: 3/5, and with a whole part before a space: 1 3/5.
	if rd.at(j) == '/' && isDigit(rd.at(j+1)) && !dec {
		d, dk, ddec := rd.arabicToken(j + 1)
		if !ddec && !d.IsZero() && rd.at(dk) != '/' && rd.at(dk) != '.' {
			n.val = v.Div(d)
			n.end = dk
			n.fraction = true
			return n, true, n.end
		}
	}
	if rd.spaces && !dec && rd.at(j) == ' ' {
		k := rd.skip(j)
		if isDigit(rd.at(k)) {
			num, nk, ndec := rd.arabicToken(k)
			if !ndec && rd.at(nk) == '/' && isDigit(rd.at(nk+1)) {
				d, dk, ddec := rd.arabicToken(nk + 1)
				if !ddec && !d.IsZero() {
					n.val = v.Add(num.Div(d))
					n.end = dk
					n.fraction = true
					return n, true, n.end
				}
			}
		}
	}
	rd.multiplier(&n)
	return n, true, n.end
}

// multiplier applies a k (thousand), and in the plain-number model an M
// (million) or 打 (dozen), written after a number.
func (rd *reader) multiplier(n *number) {
	k := rd.skip(n.end)
	c := rd.at(k)
	switch {
	case (c == 'k' || c == 'K') && !isASCIILetter(rd.at(k+1)) && k == n.end:
		n.val = n.val.Mul(decimal.NewFromInt(1000))
		n.end = k + 1
	case rd.mult && c == 'M' && !isASCIILetter(rd.at(k+1)):
		n.val = n.val.Mul(decimal.NewFromInt(1e6))
		n.end = k + 1
	case rd.mult && c == '打':
		n.val = n.val.Mul(decimal.NewFromInt(12))
		n.end = k + 1
	}
}

// A group is the value of the sections closed by one big unit, with the
// scale it was closed at (亿 after 万 closes at 10^12).
type group struct {
	val   decimal.Decimal
	scale int64
}

// chinese reads a Chinese numeral, which may carry Arabic coefficients
// (5万4千6百, 1,100.9亿) and a decimal part (两千万点五五四四).
func (rd *reader) chinese(i int) (number, bool, int) {
	if n, ok, skip, isSeq := rd.digitString(i); isSeq {
		return n, ok, skip
	}
	var (
		groups     []group
		section    = dZero
		coef       = dZero
		hasCoef    bool
		coefArabic bool
		coefDec    bool
		lastSmall  int64
		lastBig    int64
		afterBig   bool
		zero       bool
		anyUnit    bool
		prevBig    bool
		tokens     int
		end        = i
		approx     bool
		chinese    bool
		bigRun     = -1
		bigBefore  bool // a big unit before the trailing run
		frac       = dZero
		done       bool
		singleRune rune
		abbrev     bool
	)
	j := i
	for !done {
		k := j
		if tokens > 0 {
			k = rd.skip(j)
		}
		if k >= rd.limit {
			break
		}
		c := rd.r[k]
		next := k + 1
		isBig := false
		switch {
		case c == '半' && tokens == 0 && !rd.strict:
			nk := rd.skip(k + 1)
			if cnSmall[rd.at(nk)] == 0 && cnBig[rd.at(nk)] == 0 {
				return number{}, false, i
			}
			coef, hasCoef = decimal.NewFromFloat(0.5), true
			chinese = true // 半百
		case isZero(c):
			if hasCoef {
				done = true
				continue
			}
			zero = true
			chinese = true
		case isCNDigit(c):
			if hasCoef {
				done = true
				continue
			}
			coef, hasCoef, coefArabic = decimal.NewFromInt(cnDigit[c]), true, false
			chinese = true
		case isDigit(c):
			if hasCoef || rd.strict || tokens > 0 && !anyUnit && !zero {
				done = true
				continue
			}
			v, e, dec := rd.arabicToken(k)
			if e == k {
				done = true
				continue
			}
			coef, hasCoef, coefArabic, coefDec = v, true, true, dec
			next = e
		case c == '廿' || c == '卅':
			if hasCoef || lastSmall != 0 && lastSmall <= 10 {
				done = true
				continue
			}
			v := int64(20)
			if c == '卅' {
				v = 30
			}
			section = section.Add(decimal.NewFromInt(v))
			lastSmall, anyUnit, zero, afterBig = 10, true, false, false
			chinese = true
		case cnSmall[c] != 0:
			u := cnSmall[c]
			if w, _ := percentMarks.at(rd.r[:rd.limit], k); w != "" {
				done = true // 90百分比: the unit, not 百
				continue
			}
			if lastSmall != 0 && u >= lastSmall {
				done = true
				continue
			}
			m := coef
			if !hasCoef {
				switch {
				case u == 10 && (tokens == 0 || zero || afterBig || lastSmall == 100 && !rd.strict):
					m = dOne // 十一, 一千零十, 一百十一
				case zero:
					m = dOne
				case tokens == 0 && !rd.strict && isCNDigit(rd.at(rd.skip(k+1))) && !isZero(rd.at(rd.skip(k+1))):
					m = dOne // 百三, 千三
				default:
					done = true
					continue
				}
			}
			if !hasCoef || !coefArabic {
				chinese = true
			}
			section = section.Add(m.Mul(decimal.NewFromInt(u)))
			lastSmall, hasCoef, zero, anyUnit, afterBig = u, false, false, true, false
			if coefDec {
				done = true
			}
		case cnBig[c] != 0:
			u := cnBig[c]
			if !hasCoef && section.IsZero() && !prevBig {
				done = true
				continue
			}
			if lastBig != 0 && !prevBig {
				bigBefore = true
			}
			v := section
			if hasCoef {
				v = v.Add(coef)
			}
			// Pop the groups this unit multiplies: those of smaller scale, and
			// when units follow each other (万万, 万亿) the last one as well.
			sum := v
			scale := u
			for len(groups) > 0 {
				g := groups[len(groups)-1]
				if g.scale < u || prevBig && v.IsZero() && g.scale <= u {
					sum = sum.Add(g.val)
					if g.scale*u > scale {
						scale = g.scale * u
					}
					groups = groups[:len(groups)-1]
					if prevBig && v.IsZero() {
						break
					}
					continue
				}
				break
			}
			groups = append(groups, group{sum.Mul(decimal.NewFromInt(u)), scale})
			section, hasCoef, coefArabic, lastSmall, zero = dZero, false, false, 0, false
			lastBig, afterBig, anyUnit = u, true, true
			isBig = true
			if !prevBig {
				bigRun = k
			}
			if coefDec && cnBig[rd.at(rd.skip(k+1))] == 0 {
				done = true // 10.1万 ends the number; 4.78万亿 goes on
			}
		case (c == '多' || c == '余' || c == '几') && tokens > 0 && !rd.strict:
			nk := rd.skip(k + 1)
			if cnBig[rd.at(nk)] == 0 && !(c == '几' && cnSmall[rd.at(nk)] != 0) {
				done = true
				continue
			}
			approx = true
			prevBig = false
			j = nk
			tokens++
			continue
		case c == '点':
			s := rd.skip(k + 1)
			d, e := rd.cnDecimals(s)
			if e == s || tokens == 0 {
				done = true
				continue
			}
			if !anyUnit {
				// 三点五万: the decimal is a coefficient.
				base := coef
				coef, hasCoef, coefDec, coefArabic = base.Add(d), true, true, true
			} else {
				frac = d
				done = true
			}
			next = e
		default:
			done = true
			continue
		}
		if tokens == 0 {
			singleRune = c
		} else {
			singleRune = 0
		}
		prevBig = isBig
		if !isBig {
			if cnBig[c] == 0 {
				bigRun = -1
			}
		}
		tokens++
		j = next
		end = next
	}
	if tokens == 0 || !hasCoef && !anyUnit && !zero {
		return number{}, false, i
	}
	if rd.scan && tokens == 1 && ambiguousAlone[singleRune] {
		return number{}, false, i
	}
	total := dZero
	for _, g := range groups {
		total = total.Add(g.val)
	}
	total = total.Add(section)
	if hasCoef {
		switch {
		case coefArabic || coefDec:
			total = total.Add(coef)
		case afterBig && !zero && lastBig > 0:
			total = total.Add(coef.Mul(decimal.NewFromInt(lastBig / 10)))
			abbrev = true
		case lastSmall > 10 && !zero:
			total = total.Add(coef.Mul(decimal.NewFromInt(lastSmall / 10)))
			abbrev = true
		default:
			total = total.Add(coef)
		}
	}
	if abbrev && rd.strict {
		return number{}, false, i
	}
	total = total.Add(frac)
	n := number{start: i, end: end, val: total, chinese: chinese, approx: approx, bigTail: -1, decimal: coefDec || !frac.IsZero()}
	if bigRun >= 0 && !bigBefore && prevBig {
		n.bigTail = bigRun
	}
	rd.multiplier(&n)
	return n, true, n.end
}

// cnDecimals reads the digits after 点: Chinese or Arabic, at least one.
func (rd *reader) cnDecimals(i int) (decimal.Decimal, int) {
	buf := []byte("0.")
	j := i
	for j < rd.limit {
		c := rd.r[j]
		switch {
		case isDigit(c):
			buf = append(buf, byte(c))
		case isCNDigit(c) && c != '两':
			buf = append(buf, byte('0'+cnDigit[c]))
		case c == ' ' && rd.spaces && j+1 < rd.limit && (isCNDigit(rd.r[j+1]) || rd.r[j+1] == ' '):
		default:
			goto out
		}
		j++
	}
out:
	if len(buf) == 2 {
		return dZero, i
	}
	v, err := decimal.NewFromString(string(buf))
	if err != nil {
		return dZero, i
	}
	return v, j
}

// digitString reads a string of two or more Chinese digits written digit by
// digit (二〇二五, 一七二零点一, 九九). isSeq is false when i does not begin
// one. A digit string directly followed by a unit (二三十, 三五万) is an
// approximate count, not a number: ok is false and skip is past it.
func (rd *reader) digitString(i int) (n number, ok bool, skip int, isSeq bool) {
	j := i
	buf := make([]byte, 0, 8)
	for {
		k := j
		if len(buf) > 0 {
			k = rd.skip(j)
		}
		c := rd.at(k)
		if !isCNDigit(c) || c == '两' || len(buf) == 0 && isZero(c) {
			break
		}
		buf = append(buf, byte('0'+cnDigit[c]))
		j = k + 1
	}
	if len(buf) < 2 {
		return number{}, false, i, false
	}
	k := rd.skip(j)
	if c := rd.at(k); cnSmall[c] != 0 || cnBig[c] != 0 || c == '廿' {
		return number{}, false, k + 1, true
	}
	if rd.strict {
		return number{}, false, i, true
	}
	end := j
	if rd.at(k) == '点' {
		if d, e := rd.cnDecimals(rd.skip(k + 1)); e > k+1 {
			buf = append(buf, []byte(d.String()[1:])...)
			end = e
		}
	}
	v, err := decimal.NewFromString(string(buf))
	if err != nil {
		return number{}, false, i, true
	}
	n = number{start: i, end: end, val: v, chinese: true, bigTail: -1}
	return n, true, end, true
}

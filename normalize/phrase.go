package normalize

import (
	"github.com/shopspring/decimal"
)

// A phrase is one value phrase read from compacted folded runes: period and
// comparison words, a number, its unit, comparison words after it.
type phrase struct {
	start, end       int // rune offsets of the whole phrase
	numStart, numEnd int // rune offsets of the number
	op               string
	explicit         bool // the op is written, not the implicit "="
	weak             bool // the written op is a weak word (达到, 控制在)
	val              decimal.Decimal
	unit             string
	percent          bool // the unit is a percentage sign or word
	approx           bool // 多, 余, 左右
	chinese          bool // the number is written in Chinese numerals
	period           bool // begins with a period word (每年)
	comparative      bool // 比 X 大
}

// A phraseReader reads value phrases from compacted folded runes.
type phraseReader struct {
	r  []rune
	rd *reader
	// The readings of the last two offsets asked for: a value is tried as a
	// tolerance, a range and a number, each reading the same first phrase.
	cache [2]struct {
		i  int
		ok bool
		p  phrase
	}
	next int
}

func newPhraseReader(r, orig []rune) *phraseReader {
	rd := newReader(r, orig)
	pr := &phraseReader{r: r, rd: rd}
	pr.cache[0].i, pr.cache[1].i = -1, -1
	return pr
}

// at reads a value phrase beginning exactly at i.
func (pr *phraseReader) at(i int) (phrase, bool) {
	for _, c := range pr.cache {
		if c.i == i {
			return c.p, c.ok
		}
	}
	p, ok := pr.read(i)
	c := &pr.cache[pr.next]
	c.i, c.p, c.ok = i, p, ok
	pr.next = 1 - pr.next
	return p, ok
}

func (pr *phraseReader) read(i int) (phrase, bool) {
	r := pr.r
	p := phrase{start: i, op: "="}
	j := i
	if w, e := periodWords.at(r, j); w != "" {
		j = e
		p.period = true
	}
	if w, e := prefixOpLex.at(r, j); w != "" {
		ow := prefixOps[w]
		p.op, p.explicit, p.weak = ow.op, true, ow.weak
		p.approx = ow.weak && ow.op == "=" // 约, 大约
		j = e
	} else if at(r, j) == '比' {
		p.comparative = true
		j++
	}
	// A currency sign or name before the amount.
	currency := false
	if c := at(r, j); c == '¥' || c == '￥' {
		currency = true
		j++
	} else if hasPrefixAt(r, j, "人民币") && (isDigit(at(r, j+3)) || isCNDigit(at(r, j+3))) {
		currency = true
		j += 3
	}
	// 半成 (5 %), 半折 and 打对折 (50 %).
	if c := at(r, j); c == '半' && (at(r, j+1) == '成' || at(r, j+1) == '折') || c == '对' && at(r, j+1) == '折' && at(r, j-1) == '打' {
		p.val = decimal.NewFromInt(50)
		if at(r, j+1) == '成' {
			p.val = decimal.NewFromInt(5)
		}
		p.numStart, p.numEnd, p.end = j, j+1, j+2
		p.unit, p.percent, p.chinese = "%", true, true
		return pr.after(p), true
	}
	// 百分之九十, 千分之五, 百分之百.
	if w, e := percentPrefixes.at(r, j); w != "" && !(j > 0 && isNumeralChar(at(r, j-1))) {
		den, _ := decimal.NewFromString(percentPrefixes.value[w])
		if at(r, e) == '百' && w == "百分之" && !isNumeralChar(at(r, e+1)) {
			p.numStart, p.numEnd, p.end = j, e+1, e+1
			p.val, p.unit, p.percent, p.chinese = decimal.NewFromInt(100), "%", true, true
			return pr.after(p), true
		}
		n, ok, _ := pr.rd.read(e)
		if !ok || n.fraction {
			return phrase{}, false
		}
		p.numStart, p.numEnd = j, n.end
		p.val = n.val.Mul(decimal.NewFromInt(100)).Div(den)
		p.unit, p.percent, p.chinese = "%", true, n.chinese
		p.end = n.end
		return pr.after(p), true
	}
	n, ok, _ := pr.rd.read(j)
	if !ok {
		return phrase{}, false
	}
	p.numStart, p.chinese, p.approx = j, n.chinese, p.approx || n.approx
	// A percentage sign after the whole number (七十五万个百分点).
	if w, e := percentMarks.at(r, n.end); w != "" {
		p.val, p.unit, p.percent, p.numEnd, p.end = n.val, percentMarks.value[w], true, n.end, e
		return pr.after(p), true
	}
	if k, v, ok := tenths(r, n); ok {
		p.val, p.unit, p.percent, p.numEnd, p.end = v, "%", true, n.end, k
		return pr.after(p), true
	}
	// A trailing 万 or 亿 belongs to the unit when one follows (1000万元),
	// as budget tables write amounts: value 1000, unit 万元.
	if n.bigTail >= 0 {
		sub := *pr.rd
		sub.limit = n.bigTail
		if m, ok2, _ := sub.read(j); ok2 && m.end == n.bigTail {
			if u, _ := readUnit(r, n.bigTail); u != "" {
				n = m
			}
		}
	}
	p.val, p.numEnd, p.end = n.val, n.end, n.end
	k := n.end
	// 多/余 between the number and its unit: 五百多个, 500余人.
	if c := at(r, k); c == '多' || c == '余' {
		if u, _ := readUnit(r, k+1); u != "" || !isHan(at(r, k+1)) {
			p.approx = true
			if !p.explicit {
				p.op, p.explicit = ">", true
			}
			k++
		}
	}
	if u, e := readUnit(r, k); u != "" {
		p.unit = u
		k = e
		if u == "元" || u == "块" || u == "圆" {
			p.val, k = pr.rd.jiaoFen(p.val, k)
			p.unit = "元"
		}
	} else if currency {
		p.unit = "元"
	}
	if currency && p.unit == "" {
		p.unit = "元"
	}
	p.end = k
	return pr.after(p), true
}

// tenths reads 成 and 折 after a number as tenths: 九成 → 90 %, 三成半 →
// 35 %, 七成六 → 76 %, 75折 → 75 %, 9.9折 → 99 %.
func tenths(r []rune, n number) (end int, v decimal.Decimal, ok bool) {
	c := at(r, n.end)
	if c != '成' && c != '折' {
		return 0, v, false
	}
	if n.val.IsNegative() || n.val.GreaterThan(decimal.NewFromInt(100)) {
		return 0, v, false
	}
	v = n.val
	if c == '折' && v.GreaterThanOrEqual(dTen) {
		if v.Equal(dTen) {
			return 0, v, false // 十折 is no discount at all
		}
		return n.end + 1, v, true // 75折
	}
	if c == '成' && v.GreaterThan(dTen) {
		return 0, v, false
	}
	v = v.Mul(dTen)
	end = n.end + 1
	if at(r, end) == '半' {
		v = v.Add(decimal.NewFromInt(5))
		end++
	} else if d := at(r, end); isCNDigit(d) && d != '两' && !isNumeralChar(at(r, end+1)) && c == '成' {
		v = v.Add(decimal.NewFromInt(cnDigit[d]))
		end++
	}
	return end, v, true
}

// after reads what may follow a number and its unit: a suffix comparison
// (以上, 以内), the close of 比 X 大.
func (pr *phraseReader) after(p phrase) phrase {
	r := pr.r
	if p.comparative {
		if op, ok := comparatives[at(r, p.end)]; ok {
			p.op, p.explicit = op, true
			p.end++
			return p
		}
		p.comparative = false
		p.start++ // 比 without its close is not part of the phrase
	}
	if w, e := suffixOps.at(r, p.end); w != "" {
		op := suffixOps.value[w]
		switch {
		case op == "=":
			p.approx = true
		case !p.explicit || p.weak || p.approx:
			p.op, p.explicit = op, true
		}
		p.end = e
	}
	return p
}

// target is the Target a phrase reads as.
func (p phrase) target() Target {
	return Target{Kind: Numeric, Op: p.op, Value: p.val, Unit: p.unit, Approx: p.approx}
}

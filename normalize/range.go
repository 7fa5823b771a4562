package normalize

import (
	"github.com/shopspring/decimal"
)

// rangeSeps join the two ends of a range: 90%-95%, 80～100万元, 一千到一千五百.
var rangeSeps = newLexicon("-", "~", "至", "到", "—", "--")

// betweenJoins join the two ends inside 在 … 之间.
var betweenJoins = newLexicon("和", "与", "及", "-", "~", "至", "到", "、")

// betweenLeads and betweenEnds frame a range: 在20和30之间, 10000与20000间.
var (
	betweenLeads = newLexicon("在", "介于", "位于", "处于")
	betweenEnds  = newLexicon("之间", "间", "中间", "范围内", "区间")
)

// boundJoins join two one-sided bounds into a range: 大于10小于20, 大于100
// 并且小于300, 1000以上，1500以下.
var boundJoins = newLexicon("并且", "而且", "且", "同时", "的同时", "并", "和", "与", ",", "、", "但", "但是", ";")

// rangeAt reads a range at i.
func (pr *phraseReader) rangeAt(i int) (Target, int, bool) {
	r := pr.r
	// 在20和30之间.
	j := i
	if _, e := betweenLeads.at(r, i); e > i {
		j = e
	}
	if at(r, j) == '第' {
		j++ // 在第十和第十五之间
	}
	if p1, ok := pr.at(j); ok && !p1.explicit {
		k := p1.end
		if at(r, k) == '第' {
			k++
		}
		if _, e := betweenJoins.at(r, k); e > k {
			if at(r, e) == '第' {
				e++
			}
			if p2, ok := pr.at(e); ok && !p2.explicit {
				if _, e2 := betweenEnds.at(r, p2.numEnd); e2 > p2.numEnd && p2.unit == "间" {
					p2.unit, p2.end = "", p2.numEnd // 10000与20000间: 间 closes the range
				}
				if _, e2 := betweenEnds.at(r, p2.end); e2 > p2.end {
					if t, ok := rangeOf(p1, p2, true, true); ok {
						return t, e2, true
					}
				}
			}
		}
	}
	p1, ok := pr.at(i)
	if !ok {
		return Target{}, i, false
	}
	// 90%-95%: two numbers, no comparison.
	if !p1.explicit && !p1.period {
		if _, e := rangeSeps.at(r, p1.end); e > p1.end {
			if p2, ok := pr.at(e); ok && !p2.explicit && !p2.val.IsNegative() && !p1.val.IsNegative() && p1.val.LessThanOrEqual(p2.val) {
				if t, ok := rangeOf(p1, p2, true, true); ok {
					return t, p2.end, true
				}
			}
		}
	}
	// 大于10小于20: two bounds, one each way.
	if p1.explicit && p1.op != "=" {
		k := p1.end
		if _, e := boundJoins.at(r, k); e > k {
			k = e
		}
		if p2, ok := pr.at(k); ok && p2.explicit && p2.op != "=" && lowerOp(p1.op) != lowerOp(p2.op) {
			lo, hi := p1, p2
			if !lowerOp(p1.op) {
				lo, hi = p2, p1
			}
			if t, ok := rangeOf(lo, hi, lo.op == ">=", hi.op == "<="); ok && lo.val.LessThanOrEqual(hi.val) {
				return t, p2.end, true
			}
		}
	}
	return Target{}, i, false
}

func lowerOp(op string) bool { return op == ">" || op == ">=" }

// rangeOf makes a range of two phrases; their units must agree where both
// give one.
func rangeOf(lo, hi phrase, loIn, hiIn bool) (Target, bool) {
	unit := hi.unit
	if unit == "" {
		unit = lo.unit
	} else if lo.unit != "" && lo.unit != hi.unit {
		return Target{}, false
	}
	return Target{Kind: Range, Lower: lo.val, Upper: hi.val, Unit: unit, LowerInclusive: loIn, UpperInclusive: hiIn}, true
}

// toleranceAt reads a value with a tolerance at i: ±3%以内, 正负5%, 100±5.
func (pr *phraseReader) toleranceAt(i int) (Target, int, bool) {
	r := pr.r
	if at(r, i) == '±' || hasPrefixAt(r, i, "正负") {
		k := i + 1
		if at(r, i) != '±' {
			k = i + 2
		}
		if p, ok := pr.at(k); ok && !p.explicit || ok && p.op == "<=" {
			return Target{Kind: Numeric, Op: "=", Value: decimal.Zero, Unit: p.unit, Tolerance: p.val}, p.end, true
		}
		return Target{}, i, false
	}
	p1, ok := pr.at(i)
	if !ok || p1.explicit || at(r, p1.end) != '±' {
		return Target{}, i, false
	}
	p2, ok := pr.at(p1.end + 1)
	if !ok || p2.explicit && p2.op != "<=" {
		return Target{}, i, false
	}
	unit := p1.unit
	if unit == "" {
		unit = p2.unit
	}
	return Target{Kind: Numeric, Op: "=", Value: p1.val, Unit: unit, Tolerance: p2.val}, p2.end, true
}

package normalize

import (
	"strings"
)

// KindNames are the kinds of a target as reviewers read them, for every
// place that shows one (the CLI, the web, exports).
var KindNames = map[Kind]string{
	Numeric: "数值", Range: "区间", Reference: "参照（如预算数）", Deadline: "期限",
	Period: "期间", Qualitative: "定性", Unparsed: "无法解析",
}

// OpSign is an operator as Chinese messages write it: >= → ≥.
func OpSign(op string) string {
	if s, ok := opSigns[op]; ok {
		return s
	}
	return op
}

var opSigns = map[string]string{">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "="}

// refNames are the references as reviewers name them.
var refNames = map[string]string{
	"budget": "预算数", "last_year": "上年值", "plan": "计划值", "contract": "合同金额",
	"procurement_price": "政府采购价格", "market_price": "市场价格", "standard": "标准",
}

// RefName is a reference as reviewers name it: budget → 预算数.
func RefName(ref string) string {
	if s, ok := refNames[ref]; ok {
		return s
	}
	return ref
}

// deltaWords write the bound on a change: 不超过3%.
var deltaWords = map[string]string{"<=": "不超过", ">=": "不低于", "<": "不到", ">": "超过"}

// Chinese writes t as a reviewer reads it, for messages and listings:
// ≥90%, =100%, 80～100万元, ≤预算数, 较上年值提高10%, 截止2025-12-31,
// 2020-01-01至2020-11-30, 定性：好. A base and a note follow in brackets:
// ≥10万人次（合100000人次）, 100%（合格率）.
func (t Target) Chinese() string {
	var b strings.Builder
	switch t.Kind {
	case Numeric:
		switch {
		case t.Approx && t.Op == "=":
			b.WriteString("约")
		case t.Approx:
			b.WriteString(OpSign(t.Op) + "约")
		default:
			b.WriteString(OpSign(t.Op))
		}
		b.WriteString(t.Value.String() + t.Unit)
		if !t.Tolerance.IsZero() {
			b.WriteString("±" + t.Tolerance.String() + t.Unit)
		}
		if t.Base != nil {
			b.WriteString("（合" + t.Base.Value.String() + t.Base.Unit + "）")
		}
	case Range:
		b.WriteString(t.Lower.String() + "～" + t.Upper.String() + t.Unit)
		if t.Base != nil {
			b.WriteString("（合" + t.Base.Lower.String() + "～" + t.Base.Upper.String() + t.Base.Unit + "）")
		}
	case Reference:
		switch d := t.Delta; {
		case d != nil && (t.Op == ">" || t.Op == "<"):
			verb := "提高"
			if t.Op == "<" {
				verb = "下降"
			}
			b.WriteString("较" + RefName(t.Ref) + verb + deltaWords[d.Op] + d.Value.String() + d.Unit)
		default:
			b.WriteString(OpSign(t.Op) + RefName(t.Ref))
		}
	case Deadline:
		if t.Date == "" {
			b.WriteString("按计划期限")
		} else {
			b.WriteString("截止" + t.Date)
		}
	case Period:
		b.WriteString(t.From + "至" + t.To)
	case Qualitative:
		b.WriteString("定性")
		if t.Level != "" {
			b.WriteString("：" + t.Level)
		}
	default:
		b.WriteString("无法解析")
	}
	if t.Note != "" {
		b.WriteString("（" + t.Note + "）")
	}
	return b.String()
}

// String writes t in plain notation, for logs and tests: >= 90 %,
// [80, 100] 万元, < budget, > last_year +10 %, by 2025-12-31,
// 2020-01-01..2020-11-30, qualitative 好. A base follows as (= 100000 人次),
// a note as [合格率].
func (t Target) String() string {
	var b strings.Builder
	word := func(s string) {
		if s == "" {
			return
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s)
	}
	switch t.Kind {
	case Numeric:
		if t.Approx {
			word("~")
		}
		word(t.Op)
		word(t.Value.String())
		if !t.Tolerance.IsZero() {
			word("± " + t.Tolerance.String())
		}
		word(t.Unit)
		if t.Base != nil {
			word("(= " + strings.TrimSpace(t.Base.Value.String()+" "+t.Base.Unit) + ")")
		}
	case Range:
		lo, hi := "(", ")"
		if t.LowerInclusive {
			lo = "["
		}
		if t.UpperInclusive {
			hi = "]"
		}
		word(lo + t.Lower.String() + ", " + t.Upper.String() + hi)
		word(t.Unit)
		if t.Base != nil {
			word("(= " + strings.TrimSpace("["+t.Base.Lower.String()+", "+t.Base.Upper.String()+"] "+t.Base.Unit) + ")")
		}
	case Reference:
		word(t.Op)
		word(t.Ref)
		if d := t.Delta; d != nil {
			sign := "+"
			if t.Op == "<" {
				sign = "-"
			}
			word(d.Op)
			word(sign + d.Value.String())
			word(d.Unit)
		}
	case Deadline:
		word("by")
		word(t.Date)
		if t.Date == "" {
			word("(no date)")
		}
	case Period:
		word(t.From + ".." + t.To)
	case Qualitative:
		word("qualitative")
		if t.Level != "" {
			word(t.Level)
		} else {
			word(t.Text)
		}
	default:
		word("unparsed")
		word(t.Text)
	}
	if t.Note != "" {
		word("[" + t.Note + "]")
	}
	return b.String()
}

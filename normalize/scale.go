package normalize

import (
	"strings"

	"github.com/shopspring/decimal"
)

// scaleWords are the words a unit may start with that multiply its amount
// (万人次, 亿元, 百万元), longest first where one is the start of another.
// 打 is a dozen.
var scaleWords = []struct {
	word  string
	scale decimal.Decimal
}{
	{"万亿", decimal.New(1, 12)},
	{"千万", decimal.New(1, 7)},
	{"百万", decimal.New(1, 6)},
	{"亿", decimal.New(1, 8)},
	{"万", decimal.New(1, 4)},
	{"千", decimal.New(1, 3)},
	{"百", decimal.New(1, 2)},
	{"十", decimal.New(1, 1)},
	{"打", decimal.NewFromInt(12)},
}

// notScaled are units that start with 千, 百 or 十 but name a unit of
// their own: 千米 is a kilometre, not a thousand 米 to be compared as 米.
var notScaled = []string{"千米", "千克", "千瓦", "千伏", "千卡", "千兆", "千字", "百分", "十分"}

// Scale splits a unit into its scale and the unscaled unit: 万人次 → 10000
// 人次, 亿元 → 10^8 元, 万 → 10000 "". ok is false when the unit starts with
// no scale word (人次, %, 千米).
func Scale(unit string) (scale decimal.Decimal, rest string, ok bool) {
	for _, w := range notScaled {
		if strings.HasPrefix(unit, w) {
			return decimal.Decimal{}, unit, false
		}
	}
	for _, s := range scaleWords {
		if strings.HasPrefix(unit, s.word) {
			rest := unit[len(s.word):]
			if strings.HasPrefix(rest, "分之") {
				return decimal.Decimal{}, unit, false
			}
			scale := s.scale
			// 万万 (10^8), 十万, 百亿: scale words one after another multiply.
			for {
				switch {
				case strings.HasPrefix(rest, "万"):
					scale, rest = scale.Mul(decimal.New(1, 4)), rest[len("万"):]
					continue
				case strings.HasPrefix(rest, "亿"):
					scale, rest = scale.Mul(decimal.New(1, 8)), rest[len("亿"):]
					continue
				}
				break
			}
			return scale, rest, true
		}
	}
	return decimal.Decimal{}, unit, false
}

// withBase sets t.Base where t is numeric or a range in a scaled unit.
func withBase(t Target) Target {
	if t.Kind != Numeric && t.Kind != Range {
		return t
	}
	scale, rest, ok := Scale(t.Unit)
	if !ok {
		t.Base = nil
		return t
	}
	b := &Base{Unit: rest}
	if t.Kind == Numeric {
		b.Value = t.Value.Mul(scale)
	} else {
		b.Lower, b.Upper = t.Lower.Mul(scale), t.Upper.Mul(scale)
	}
	t.Base = b
	return t
}

// Magnitude is a numeric target's amount for comparison across reports:
// its base when its unit is scaled, else its value, with the unit it is
// in. ok is false for other kinds.
func (t Target) Magnitude() (v decimal.Decimal, unit string, ok bool) {
	if t.Kind != Numeric {
		return decimal.Decimal{}, "", false
	}
	if scale, rest, ok := Scale(t.Unit); ok {
		return t.Value.Mul(scale), rest, true
	}
	return t.Value, t.Unit, true
}

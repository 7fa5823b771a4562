package corpus

import (
	"strings"

	"github.com/jixiao/jixiao/normalize"
	"github.com/shopspring/decimal"
)

// fenPer is how many 分 one unit of money is.
var fenPer = map[string]int64{
	"元":  100,
	"千元": 100_000,
	"万元": 1_000_000,
	"亿元": 10_000_000_000,
}

// maxFen bounds a stored amount (about 9.2e16 元 would overflow int64 分
// at 9.2e18; a county budget is nowhere near 1e15 分).
var maxFen = decimal.New(1, 15)

// fen reads an amount as written in a project's info table ("6716.11",
// "1,200.5", "４.１７", "600万元") in the project's amount unit and returns
// it in 分, exactly; ok is false for a blank, a text that is no plain
// amount, an unknown unit, an amount finer than 1 分 or out of range. The
// text as written stays beside it in the database: this is a reading for
// sums, not a replacement.
func fen(text, unit string) (int64, bool) {
	s := normalize.Narrow(strings.TrimSpace(text))
	u := strings.TrimSpace(unit)
	for _, suffix := range []string{"亿元", "万元", "千元", "元"} {
		if strings.HasSuffix(s, suffix) {
			s, u = strings.TrimSuffix(s, suffix), suffix
			break
		}
	}
	per, known := fenPer[u]
	s = strings.ReplaceAll(strings.ReplaceAll(s, ",", ""), " ", "")
	if !known || s == "" {
		return 0, false
	}
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r == '.' || r == '-') {
			return 0, false // decimal.NewFromString would also take 1e3
		}
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return 0, false
	}
	d = d.Mul(decimal.NewFromInt(per))
	if !d.IsInteger() || d.Abs().GreaterThan(maxFen) {
		return 0, false
	}
	return d.IntPart(), true
}

// fenArg is fen as a column value: NULL when not read.
func fenArg(text, unit string) any {
	if v, ok := fen(text, unit); ok {
		return v
	}
	return nil
}

package normalize

import (
	"errors"
	"strings"

	"github.com/shopspring/decimal"
)

// ErrNotNumber is returned by ParseChineseNumber for text that is not one
// whole number.
var ErrNotNumber = errors.New("normalize: not a number")

// ParseChineseNumber reads s, all of it, as one number written in Chinese
// numerals (一千二百, 壹拾壹元整, 二〇二五, 负零点五), as cn2an does. strict
// accepts only the standard written form: no digit-by-digit strings (一一),
// no abbreviations (三万五), no Arabic digits. Otherwise digit strings,
// abbreviations and Arabic digits mixed with Chinese units (10.1万, 1万600)
// are read too. Amounts in 元/圆 with 角 and 分 read as yuan.
func ParseChineseNumber(s string, strict bool) (v decimal.Decimal, err error) {
	defer func() {
		if e := recover(); e != nil && recoverPanics {
			v, err = decimal.Zero, ErrNotNumber
		}
	}()
	s = strings.TrimSpace(s)
	folded, orig := foldRunes(s)
	// 元整, 圆正: the 整 only says there are no 角 and 分.
	if n := len(folded); n >= 2 && (folded[n-1] == '整' || folded[n-1] == '正') && (folded[n-2] == '元' || folded[n-2] == '圆') {
		folded, orig = folded[:n-1], orig[:n-1]
	}
	rd := newReader(folded, orig)
	rd.strict = strict
	n, ok, _ := rd.read(0)
	if !ok {
		return decimal.Zero, ErrNotNumber
	}
	v, end := n.val, n.end
	if c := rd.at(end); c == '元' || c == '圆' {
		end++
		v, end = rd.jiaoFen(v, end)
	}
	if end != len(folded) {
		return decimal.Zero, ErrNotNumber
	}
	return v, nil
}

// jiaoFen adds the 角 (毛) and 分 written after an amount in 元 at i.
func (rd *reader) jiaoFen(v decimal.Decimal, i int) (decimal.Decimal, int) {
	sub := *rd
	sub.mult = false
	sub.spaces = false
	for _, u := range []struct {
		marks string
		shift int32
	}{{"角毛", -1}, {"分", -2}} {
		n, ok, _ := sub.unsigned(i)
		if !ok || n.decimal || n.val.GreaterThanOrEqual(dTen) || !strings.ContainsRune(u.marks, rd.at(n.end)) {
			continue
		}
		v = v.Add(n.val.Shift(u.shift))
		i = n.end + 1
	}
	if c := rd.at(i); (c == '整' || c == '正') && rd.at(i-1) == '元' || c == '整' && rd.at(i-1) == '圆' {
		i++ // 元整: no 角 and 分
	}
	return v, i
}

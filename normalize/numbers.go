package normalize

import (
	"github.com/shopspring/decimal"
)

// A Number is a number found in text by Numbers.
type Number struct {
	Start, End int    // byte offsets of Text in the scanned string
	Text       string // as written
	Value      decimal.Decimal
}

// wordAfterDigit are what makes a lone numeral before them part of a word:
// 一切, 一看, 四川, 十足, 两两.
var wordAfterDigit = newLexicon("切", "看", "川", "足", "两")

// notPlainAfter mark a number as part of another kind of quantity: foreign
// money (一美元), a discount (一折), a percentage (二%).
var notPlainAfter = newLexicon("美元", "美刀", "美金", "欧元", "日元", "英镑", "港元", "港币", "台币", "折", "%")

// Numbers finds the plain numbers in s, as a number recognizer does:
// Arabic (1,050,000, 2.5e3, 3/5), Chinese (一百零一万一千, 四万万, 二〇二五),
// mixed (5万4千6百) and fractions (五分之一). Multipliers are applied
// (2.3万 → 23000, 40k → 40000), and the number of a percentage is returned
// without it (百分之五 → 5). Money in foreign currencies and discounts (一折)
// are not plain numbers.
func Numbers(s string) (out []Number) {
	defer func() {
		if e := recover(); e != nil && recoverPanics {
			out = nil
		}
	}()
	folded, orig := foldRunes(s)
	rd := newReader(folded, orig)
	rd.spaces, rd.mult, rd.scan = true, true, true
	offs := byteOffsets(s)
	for i := 0; i < len(folded); {
		if folded[i] == '百' && rd.fracMark(i+1) > i+1 && (i == 0 || !isNumeralChar(folded[i-1])) {
			i = rd.fracMark(i + 1) // 百分之: a percentage sign, not a denominator
			continue
		}
		if i > 0 && (isNumeralChar(folded[i-1]) || isDigit(folded[i-1])) && !rd.signAt(i) {
			// Never start inside a number a previous step stepped over.
			if isNumeralChar(folded[i]) || isDigit(folded[i]) {
				i++
				continue
			}
		}
		n, ok, skip := rd.read(i)
		if !ok {
			if skip > i {
				i = skip
			} else {
				i++
			}
			continue
		}
		next := rd.skip(n.end)
		if w, _ := notPlainAfter.at(folded, next); w != "" {
			i = n.end
			continue
		}
		if w, _ := wordAfterDigit.at(folded, next); w != "" && n.end-n.start == 1 {
			i = next + 1
			continue
		}
		out = append(out, Number{Start: offs[n.start], End: offs[n.end], Text: s[offs[n.start]:offs[n.end]], Value: n.val})
		i = n.end
	}
	return out
}

func isNumeralChar(r rune) bool {
	return isCNDigit(r) || cnSmall[r] != 0 || cnBig[r] != 0 || r == '廿' || r == '卅'
}

// byteOffsets maps the rune offsets of []rune(s) to byte offsets in s, with
// one entry past the end. An invalid byte is one rune (U+FFFD) of one byte.
func byteOffsets(s string) []int {
	offs := make([]int, 0, len(s)+1)
	for b := range s {
		offs = append(offs, b)
	}
	return append(offs, len(s))
}

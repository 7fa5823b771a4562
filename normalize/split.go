package normalize

import "strings"

// Split reads the three cells of a split layout as one value: 指标性质 (≥ ≤
// = > < 定性 定量 …), 指标值 and 度量单位 (百分比, %, 辆 …):
// ("≥", "90", "%") → >= 90 %; ("定性", "小于预算", "") → reference < budget;
// ("定性", "2025年9月底前", "") → deadline. An operator or unit written
// inside the value cell itself wins over the nature and unit cells.
func Split(nature, value, unit string, ctx Context) (t Target) {
	defer func() {
		if e := recover(); e != nil && recoverPanics {
			t = Target{Kind: Unparsed, Text: Fold(value)}
		}
	}()
	nr, _ := foldRunes(nature)
	nc, _ := compact(nr)
	op := ""
	if w, e := prefixOpLex.at(nc, 0); w != "" && e == len(nc) {
		op = w
	} else if w, e := suffixOps.at(nc, 0); w != "" && e == len(nc) && suffixOps.value[w] != "=" {
		op = suffixOps.value[w] // a nature cell saying 以上
	}
	u := unitName(Fold(unit))
	v := strings.TrimSpace(value)
	vr, _ := foldRunes(v)
	vc, _ := compact(vr)
	if len(vc) == 0 {
		return Target{Kind: Unparsed, Text: ""}
	}
	text := v
	if u != "" && !strings.HasSuffix(string(vc), string(compactString(u))) && endsInNumber(vc) {
		text += u
	}
	if op != "" {
		if w, _ := prefixOpLex.at(vc, 0); w == "" {
			text = op + text
		}
	}
	return Value(text, ctx)
}

func compactString(s string) []rune {
	r, _ := foldRunes(s)
	c, _ := compact(r)
	return c
}

// endsInNumber reports whether a value cell ends in its number, so that the
// unit cell completes it (90 + % → 90%, not 90% + %).
func endsInNumber(c []rune) bool {
	if len(c) == 0 {
		return false
	}
	last := c[len(c)-1]
	return isDigit(last) || isNumeralChar(last)
}

package normalize

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"
)

var fuzzSeeds = []string{
	"≥90百分比", "≥ 90 %", "不低于95%", "90%以上", "2025年12月底前", "控制在预算内", "小于预算", "好",
	"(≥**株)>=17600株", "90%-95%", "80～100万元", "±3%以内", "一千二百万元", "壹拾壹元整", "百分之九十",
	"2023.07-2024.01", "在20和30之间", "大于10小于20", "1 3/5", "2^-1", "-1.1^--23", "十 余 万",
	"四千五百六十九万八千三百一十一亿", "负３分之负一百五十七", "三百 五 又 三 分之 一", "2222.2222.22222.222",
	"保持管辖区内故障排除率100%；服务对象满意度90%以上。", "保证节能宣传工作每年度至少1次，节能工作上报率100%。",
	"1,050,000,000", "4.78万亿", "10.1万零100", "零点零零一", "廿二", "九成", "三成半", "打对折", "..--9", "",
}

// fuzzCheck runs check on s with panics let through, and fails when it
// panics, reports a problem, or takes more than a second, which no input
// of fuzzing size needs: that is an endless loop.
func fuzzCheck(t *testing.T, s string, check func(string) error) {
	recoverPanics = false
	defer func() { recoverPanics = true }()
	done := make(chan error, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- fmt.Errorf("panic: %v", p)
			}
		}()
		done <- check(s)
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("%q: %v", s, err)
		}
	case <-time.After(time.Second):
		t.Fatalf("%q: no result within a second", s)
	}
}

// FuzzValue: Value and Split never panic nor loop, and always give a target
// that marshals and reads back to the same JSON.
func FuzzValue(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { fuzzCheck(t, s, checkValue) })
}

func checkValue(s string) error {
	for _, got := range []Target{Value(s, Context{Year: 2025}), Split("≥", s, "%", Context{})} {
		data, err := got.MarshalJSON()
		if err != nil {
			return err
		}
		if !json.Valid(data) {
			return fmt.Errorf("invalid JSON %s", data)
		}
		var back Target
		if err := back.UnmarshalJSON(data); err != nil {
			return fmt.Errorf("%s: %v", data, err)
		}
		if again, _ := back.MarshalJSON(); string(again) != string(data) {
			return fmt.Errorf("round trip %s → %s", data, again)
		}
	}
	return nil
}

// FuzzScan: Scan, Quantities, Numbers and Clean never panic nor loop,
// what they report is a piece of the text, and StrayBracket finds the
// bracket Clean drops first.
func FuzzScan(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { fuzzCheck(t, s, checkScan) })
}

func checkScan(s string) error {
	for _, fd := range Scan(s, Context{}) {
		if !strings.Contains(s, fd.Text) || !strings.Contains(s, fd.Name) {
			return fmt.Errorf("found %q %q, not in the text", fd.Name, fd.Text)
		}
	}
	for _, q := range Quantities(s) {
		if q.Start < 0 || q.End > len(s) || q.Start > q.End || s[q.Start:q.End] != q.Text {
			return fmt.Errorf("quantity %+v does not slice the text", q)
		}
	}
	for _, n := range Numbers(s) {
		if n.Start < 0 || n.End > len(s) || n.Start > n.End || s[n.Start:n.End] != n.Text {
			return fmt.Errorf("number %+v does not slice the text", n)
		}
	}
	_, changes := Clean(s)
	for _, c := range changes {
		if c.Pos < 0 || c.Pos > len(s) || !strings.HasPrefix(s[c.Pos:], c.From) && c.Kind != "space" {
			return fmt.Errorf("change %+v not at its position", c)
		}
	}
	if got, want := StrayBracket(s), firstBracket(s); got != want {
		return fmt.Errorf("StrayBracket = %q, Clean drops %q first", got, want)
	}
	return nil
}

// FuzzParseChineseNumber: no panic nor loop; what strict mode reads,
// normal mode reads the same.
func FuzzParseChineseNumber(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { fuzzCheck(t, s, checkParse) })
}

func checkParse(s string) error {
	v, err := ParseChineseNumber(s, true)
	w, err2 := ParseChineseNumber(s, false)
	if err == nil && (err2 != nil || !v.Equal(w)) {
		return fmt.Errorf("strict %v, normal %v %v", v, w, err2)
	}
	return nil
}

// FuzzBase: every numeric or range target Value, Split and Quantities give
// has a base exactly when its unit starts with a scale word, and the base
// is the value times that scale, in the unit without it.
func FuzzBase(f *testing.F) {
	for _, s := range append(fuzzSeeds, "10万人次", "四十万", "十打", "≤50万元", "80～100万元", "5千元", "3百万元", "10万万", "2千米") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { fuzzCheck(t, s, checkBase) })
}

func checkBase(s string) error {
	targets := []Target{Value(s, Context{}), Split("≥", s, "万元", Context{})}
	for _, q := range Quantities(s) {
		targets = append(targets, q.Target)
	}
	for _, t := range targets {
		if err := baseHolds(t); err != nil {
			b, _ := t.MarshalJSON()
			return fmt.Errorf("%s: %v", b, err)
		}
	}
	return nil
}

func baseHolds(t Target) error {
	scale, rest, scaled := Scale(t.Unit)
	switch {
	case t.Kind != Numeric && t.Kind != Range:
		if t.Base != nil {
			return fmt.Errorf("base on a %s target", t.Kind)
		}
	case !scaled:
		if t.Base != nil {
			return fmt.Errorf("base without a scale word in the unit")
		}
	case t.Base == nil:
		return fmt.Errorf("no base, unit %q is scaled", t.Unit)
	case t.Base.Unit != rest:
		return fmt.Errorf("base unit %q, want %q", t.Base.Unit, rest)
	case t.Kind == Numeric && !t.Base.Value.Equal(t.Value.Mul(scale)):
		return fmt.Errorf("base %s, want %s × %s", t.Base.Value, t.Value, scale)
	case t.Kind == Range && (!t.Base.Lower.Equal(t.Lower.Mul(scale)) || !t.Base.Upper.Equal(t.Upper.Mul(scale))):
		return fmt.Errorf("base [%s, %s], want [%s, %s] × %s", t.Base.Lower, t.Base.Upper, t.Lower, t.Upper, scale)
	}
	return nil
}

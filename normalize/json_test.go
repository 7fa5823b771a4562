package normalize

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/shopspring/decimal"
)

func TestMarshalJSON(t *testing.T) {
	d := decimal.RequireFromString
	for _, c := range []struct {
		t    Target
		want string
	}{
		{Target{Kind: Numeric, Op: ">=", Value: d("90"), Unit: "%"}, `{"kind":"numeric","op":">=","value":90,"unit":"%"}`},
		{Target{Kind: Numeric, Op: "=", Value: d("4.17")}, `{"kind":"numeric","op":"=","value":4.17,"unit":""}`},
		{Target{Kind: Numeric, Op: "<=", Value: d("1346.0088"), Unit: "万元"}, `{"kind":"numeric","op":"<=","value":1346.0088,"unit":"万元"}`},
		{Target{Kind: Numeric, Op: "=", Value: d("0.000000000000001")}, `{"kind":"numeric","op":"=","value":0.000000000000001,"unit":""}`},
		{Target{Kind: Range, Lower: d("80"), Upper: d("100"), Unit: "万元", LowerInclusive: true, UpperInclusive: true},
			`{"kind":"range","lower":80,"upper":100,"unit":"万元","lower_inclusive":true,"upper_inclusive":true}`},
		{Target{Kind: Reference, Op: "<", Ref: "budget"}, `{"kind":"reference","op":"<","ref":"budget"}`},
		{Target{Kind: Deadline, Date: "2025-12-31", Text: "2025年12月底前"}, `{"kind":"deadline","date":"2025-12-31","text":"2025年12月底前"}`},
		{Target{Kind: Qualitative, Level: "好", Text: "好"}, `{"kind":"qualitative","level":"好"}`},
		{Target{Kind: Qualitative, Text: "有效建立"}, `{"kind":"qualitative","text":"有效建立"}`},
		{Target{Kind: Unparsed, Text: "≥**%"}, `{"kind":"unparsed","text":"≥**%"}`},
		{Target{Kind: Numeric, Op: "=", Value: d("0"), Unit: "%", Tolerance: d("3"), Basis: "计划标准"},
			`{"kind":"numeric","op":"=","value":0,"unit":"%","tolerance":3,"basis":"计划标准"}`},
	} {
		got, err := json.Marshal(c.t)
		if err != nil {
			t.Errorf("%+v: %v", c.t, err)
			continue
		}
		// json.Marshal escapes < and > as \u003c, \u003e; compare decoded.
		var g, w any
		json.Unmarshal(got, &g)
		json.Unmarshal([]byte(c.want), &w)
		if !reflect.DeepEqual(g, w) {
			t.Errorf("json.Marshal\n got %s\nwant %s", got, c.want)
		}
		direct, _ := c.t.MarshalJSON()
		if string(direct) != c.want {
			t.Errorf("MarshalJSON\n got %s\nwant %s", direct, c.want)
		}
		var back Target
		if err := json.Unmarshal(direct, &back); err != nil {
			t.Errorf("%s: %v", direct, err)
			continue
		}
		again, _ := back.MarshalJSON()
		if string(again) != c.want {
			t.Errorf("round trip of %s gives %s", c.want, again)
		}
	}
	if _, err := (Target{Kind: "bogus"}).MarshalJSON(); err == nil {
		t.Error("unknown kind marshals")
	}
}

func TestFoundJSON(t *testing.T) {
	f := Found{Name: "服务对象满意度", Text: "90%以上", Target: Value("90%以上", Context{})}
	got, _ := f.MarshalJSON()
	want := `{"name":"服务对象满意度","text":"90%以上","target":{"kind":"numeric","op":">=","value":90,"unit":"%"}}`
	if string(got) != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
	var back Found
	if err := json.Unmarshal(got, &back); err != nil || back.Name != f.Name || !back.Target.Value.Equal(f.Target.Value) {
		t.Errorf("round trip: %+v %v", back, err)
	}
}

package corpus

import (
	"context"
	"testing"

	"github.com/jixiao/jixiao/normalize"
	"github.com/jixiao/jixiao/report"
)

// baseFixture stores one report whose 培训 indicators are written in
// different scales (10万人次, 50000人次, 8000人次) beside amounts in 万元 and
// 元, for the tests that query on the base.
func baseFixture(t testing.TB, s *Store) {
	t.Helper()
	ind := func(level3, value string) report.Indicator {
		return report.Indicator{Level1: "产出指标", Level2: "数量指标", Level3: level3, Value: value,
			Target: normalize.Value(value, normalize.Context{})}
	}
	rep := &report.Report{Schema: "report/v1", Kind: "target", Year: 2025,
		Department: report.Department{Code: "430001", Name: "某某县人力资源和社会保障局"},
		Projects: []report.Project{{Seq: 1, Code: "13073025P000895100099", Name: "职业技能培训补助",
			Indicators: []report.Indicator{
				ind("培训人次", "10万人次"), ind("参加培训人数", "≥50000人次"), ind("培训场次人次", "8000人次"),
				ind("接待人次", "20万人次"), ind("培训补助成本", "≤50万元"), ind("人均补助", "600000元"),
				ind("合格率", "100%（合格率）"), ind("参训人数增长", "较上年提高10%"), ind("实施期限", "2020年1月--2020年11月"),
			}}}}
	sr := toStore(rep)
	d := &Doc{SHA256: "b0", Path: "base.docx", Format: "docx", Report: sr, Index: NewIndex(sr, segmenter(t))}
	if _, err := s.Put(context.Background(), d, false); err != nil {
		t.Fatal(err)
	}
}

// TestQueryOnBase: a unit in the filter compares like for like, on the
// amount in the unscaled unit.
func TestQueryOnBase(t *testing.T) {
	s := openTemp(t)
	baseFixture(t, s)
	f10k, f30, f500k := 10000.0, 30.0, 500000.0
	for _, tc := range []struct {
		name string
		f    Filter
		want []string
	}{
		{"人次 at least 10000", Filter{Level3: "培训", Unit: "人次", Min: &f10k}, []string{"培训人次", "参加培训人数"}},
		{"万人次 at least 1 is 10000 人次", Filter{Level3: "培训", Unit: "万人次", Min: func() *float64 { v := 1.0; return &v }()}, []string{"培训人次", "参加培训人数"}},
		{"人次 at most 10000", Filter{Unit: "人次", Max: &f10k}, []string{"培训场次人次"}},
		{"元 at least 500000", Filter{Unit: "元", Min: &f500k}, []string{"培训补助成本", "人均补助"}},
		{"万元 at most 30", Filter{Unit: "万元", Max: &f30}, nil},
		{"level3 alone", Filter{Level3: "人次"}, []string{"培训人次", "培训场次人次", "接待人次"}},
	} {
		tab, err := s.Indicators(context.Background(), tc.f)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range tab.Rows {
			got = append(got, r[7].(string))
		}
		if len(got) != len(tc.want) || len(got) > 0 && !equalStrings(got, tc.want) {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
	counts(t, s, map[string]int{
		"SELECT count(*) FROM indicators WHERE target_base = '100000' AND base_unit = '人次' AND base_num = 100000": 1,
		"SELECT count(*) FROM indicators WHERE note = '合格率'":                                                      1,
		"SELECT count(*) FROM indicators WHERE delta = '10' AND delta_unit = '%' AND ref = 'last_year'":           1,
		"SELECT count(*) FROM indicators WHERE period_from = '2020-01-01' AND period_to = '2020-11-30'":           1,
		"SELECT count(*) FROM v_indicators WHERE base_unit = '元' AND base_num >= 500000":                          2,
	})
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

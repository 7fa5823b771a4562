package normalize

import "testing"

// TestRenderings holds the two renderings of a target, Chinese for
// reviewers and String for logs, to one reading per kind.
func TestRenderings(t *testing.T) {
	for _, c := range []struct{ in, chinese, plain string }{
		{"≥90%", "≥90%", ">= 90 %"},
		{"100%", "=100%", "= 100 %"},
		{"10万人次", "=10万人次（合100000人次）", "= 10 万人次 (= 100000 人次)"},
		{"80～100万元", "80～100万元（合800000～1000000元）", "[80, 100] 万元 (= [800000, 1000000] 元)"},
		{"约90%", "约90%", "~ = 90 %"},
		{"±3%", "=0%±3%", "= 0 ± 3 %"},
		{"小于预算", "<预算数", "< budget"},
		{"较上年提高10%", "较上年值提高10%", "> last_year +10 %"},
		{"同比下降不超过3%", "较上年值下降不超过3%", "< last_year <= -3 %"},
		{"2025年12月底前", "截止2025-12-31", "by 2025-12-31"},
		{"在项目计划完成时间内完成", "按计划期限", "by (no date)"},
		{"2020年1月--2020年11月", "2020-01-01至2020-11-30", "2020-01-01..2020-11-30"},
		{"好", "定性：好", "qualitative 好"},
		{"有所提高", "定性", "qualitative 有所提高"},
		{"100%（合格率）", "=100%（合格率）", "= 100 % [合格率]"},
		{"——", "无法解析", "unparsed ——"},
	} {
		got := Value(c.in, Context{})
		if s := got.Chinese(); s != c.chinese {
			t.Errorf("%q: Chinese %q, want %q", c.in, s, c.chinese)
		}
		if s := got.String(); s != c.plain {
			t.Errorf("%q: String %q, want %q", c.in, s, c.plain)
		}
	}
	if OpSign(">=") != "≥" || RefName("budget") != "预算数" || KindNames[Numeric] != "数值" {
		t.Error("names")
	}
}

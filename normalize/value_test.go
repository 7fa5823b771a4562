package normalize

import (
	"testing"
)

// valueCases are indicator values as written with their report/v1
// reading, one group per feature Value must read.
var valueCases = []struct {
	group, in string
	year      int
	want      string
}{
	{"symbol", "≥90%", 0, `{"kind":"numeric","op":">=","value":90,"unit":"%"}`},
	{"symbol", "≤5辆", 0, `{"kind":"numeric","op":"<=","value":5,"unit":"辆"}`},
	{"symbol", "=12次", 0, `{"kind":"numeric","op":"=","value":12,"unit":"次"}`},
	{"symbol", ">92%", 0, `{"kind":"numeric","op":">","value":92,"unit":"%"}`},
	{"symbol", "<5%", 0, `{"kind":"numeric","op":"<","value":5,"unit":"%"}`},
	{"symbol", "＞90％", 0, `{"kind":"numeric","op":">","value":90,"unit":"%"}`},
	{"symbol", "＜5％", 0, `{"kind":"numeric","op":"<","value":5,"unit":"%"}`},
	{"symbol", "＝100％", 0, `{"kind":"numeric","op":"=","value":100,"unit":"%"}`},
	{"symbol", "≧90%", 0, `{"kind":"numeric","op":">=","value":90,"unit":"%"}`},
	{"symbol", "≦5%", 0, `{"kind":"numeric","op":"<=","value":5,"unit":"%"}`},
	{"symbol", ">=500人", 0, `{"kind":"numeric","op":">=","value":500,"unit":"人"}`},
	{"symbol", "<=3次", 0, `{"kind":"numeric","op":"<=","value":3,"unit":"次"}`},
	{"word", "大于90%", 0, `{"kind":"numeric","op":">","value":90,"unit":"%"}`},
	{"word", "大于等于80%", 0, `{"kind":"numeric","op":">=","value":80,"unit":"%"}`},
	{"word", "不低于95%", 0, `{"kind":"numeric","op":">=","value":95,"unit":"%"}`},
	{"word", "不少于3次", 0, `{"kind":"numeric","op":">=","value":3,"unit":"次"}`},
	{"word", "不超过5天", 0, `{"kind":"numeric","op":"<=","value":5,"unit":"天"}`},
	{"word", "不高于2%", 0, `{"kind":"numeric","op":"<=","value":2,"unit":"%"}`},
	{"word", "至少1次", 0, `{"kind":"numeric","op":">=","value":1,"unit":"次"}`},
	{"word", "最多2次", 0, `{"kind":"numeric","op":"<=","value":2,"unit":"次"}`},
	{"word", "达到90%", 0, `{"kind":"numeric","op":">=","value":90,"unit":"%"}`},
	{"word", "90%以上", 0, `{"kind":"numeric","op":">=","value":90,"unit":"%"}`},
	{"word", "5%以下", 0, `{"kind":"numeric","op":"<=","value":5,"unit":"%"}`},
	{"word", "3个工作日以内", 0, `{"kind":"numeric","op":"<=","value":3,"unit":"个工作日"}`},
	{"word", "控制在5%以内", 0, `{"kind":"numeric","op":"<=","value":5,"unit":"%"}`},
	{"word", "达到90%以上", 0, `{"kind":"numeric","op":">=","value":90,"unit":"%"}`},
	{"word", "5天内", 0, `{"kind":"numeric","op":"<=","value":5,"unit":"天"}`},
	{"word", "约50人", 0, `{"kind":"numeric","op":"=","value":50,"unit":"人","approx":true}`},
	{"word", "500人左右", 0, `{"kind":"numeric","op":"=","value":500,"unit":"人","approx":true}`},
	{"bare", "100%", 0, `{"kind":"numeric","op":"=","value":100,"unit":"%"}`},
	{"bare", "10辆", 0, `{"kind":"numeric","op":"=","value":10,"unit":"辆"}`},
	{"bare", "85", 0, `{"kind":"numeric","op":"=","value":85,"unit":""}`},
	{"bare", "4.17", 0, `{"kind":"numeric","op":"=","value":4.17,"unit":""}`},
	{"bare", "1346.0088万元", 0, `{"kind":"numeric","op":"=","value":1346.0088,"unit":"万元","base":{"value":13460088,"unit":"元"}}`},
	{"percent", "≥90百分比", 0, `{"kind":"numeric","op":">=","value":90,"unit":"%"}`},
	{"percent", "百分之九十", 0, `{"kind":"numeric","op":"=","value":90,"unit":"%"}`},
	{"percent", "不低于百分之九十五", 0, `{"kind":"numeric","op":">=","value":95,"unit":"%"}`},
	{"percent", "3个百分点", 0, `{"kind":"numeric","op":"=","value":3,"unit":"个百分点"}`},
	{"percent", "千分之五", 0, `{"kind":"numeric","op":"=","value":0.5,"unit":"%"}`},
	{"percent", "九成以上", 0, `{"kind":"numeric","op":">=","value":90,"unit":"%"}`},
	{"chinese", "九十", 0, `{"kind":"numeric","op":"=","value":90,"unit":""}`},
	{"chinese", "≥九十%", 0, `{"kind":"numeric","op":">=","value":90,"unit":"%"}`},
	{"chinese", "一千二百人", 0, `{"kind":"numeric","op":"=","value":1200,"unit":"人"}`},
	{"chinese", "两辆", 0, `{"kind":"numeric","op":"=","value":2,"unit":"辆"}`},
	{"chinese", "≤五十九台", 0, `{"kind":"numeric","op":"<=","value":59,"unit":"台"}`},
	{"chinese", "五万元", 0, `{"kind":"numeric","op":"=","value":5,"unit":"万元","base":{"value":50000,"unit":"元"}}`},
	{"chinese", "一千二百万元", 0, `{"kind":"numeric","op":"=","value":1200,"unit":"万元","base":{"value":12000000,"unit":"元"}}`},
	{"chinese", "3亿元", 0, `{"kind":"numeric","op":"=","value":3,"unit":"亿元","base":{"value":300000000,"unit":"元"}}`},
	{"chinese", "壹佰贰拾元整", 0, `{"kind":"numeric","op":"=","value":120,"unit":"元"}`},
	{"chinese", "叁仟元", 0, `{"kind":"numeric","op":"=","value":3000,"unit":"元"}`},
	{"chinese", "二〇二五年", 0, `{"kind":"deadline","date":"2025-12-31","text":"二〇二五年"}`},
	{"width", "９０％", 0, `{"kind":"numeric","op":"=","value":90,"unit":"%"}`},
	{"width", "１，２００人", 0, `{"kind":"numeric","op":"=","value":1200,"unit":"人"}`},
	{"width", "1,200人", 0, `{"kind":"numeric","op":"=","value":1200,"unit":"人"}`},
	{"width", "≥１０００平方米", 0, `{"kind":"numeric","op":">=","value":1000,"unit":"平方米"}`},
	{"space", "≥ 90 %", 0, `{"kind":"numeric","op":">=","value":90,"unit":"%"}`},
	{"space", "≥ 90 百分比", 0, `{"kind":"numeric","op":">=","value":90,"unit":"%"}`},
	{"space", " 不低于 95% ", 0, `{"kind":"numeric","op":">=","value":95,"unit":"%"}`},
	{"unit", "≥3个工作日", 0, `{"kind":"numeric","op":">=","value":3,"unit":"个工作日"}`},
	{"unit", "≤2000平方米", 0, `{"kind":"numeric","op":"<=","value":2000,"unit":"平方米"}`},
	{"unit", "≥100公里", 0, `{"kind":"numeric","op":">=","value":100,"unit":"公里"}`},
	{"unit", "≥50人次", 0, `{"kind":"numeric","op":">=","value":50,"unit":"人次"}`},
	{"unit", "1次/月", 0, `{"kind":"numeric","op":"=","value":1,"unit":"次/月"}`},
	{"unit", "≥80M", 0, `{"kind":"numeric","op":">=","value":80,"unit":"m"}`},
	{"unit", "≥3个村庄", 0, `{"kind":"numeric","op":">=","value":3,"unit":"个村庄"}`},
	{"unit", "12座以上", 0, `{"kind":"numeric","op":">=","value":12,"unit":"座"}`},
	{"range", "90%-95%", 0, `{"kind":"range","lower":90,"upper":95,"unit":"%","lower_inclusive":true,"upper_inclusive":true}`},
	{"range", "80～100万元", 0, `{"kind":"range","lower":80,"upper":100,"unit":"万元","lower_inclusive":true,"upper_inclusive":true,"base":{"lower":800000,"upper":1000000,"unit":"元"}}`},
	{"range", "在90%至95%之间", 0, `{"kind":"range","lower":90,"upper":95,"unit":"%","lower_inclusive":true,"upper_inclusive":true}`},
	{"range", "3-5天", 0, `{"kind":"range","lower":3,"upper":5,"unit":"天","lower_inclusive":true,"upper_inclusive":true}`},
	{"range", "大于80%小于等于95%", 0, `{"kind":"range","lower":80,"upper":95,"unit":"%","lower_inclusive":false,"upper_inclusive":true}`},
	{"deadline", "2025年12月底前", 0, `{"kind":"deadline","date":"2025-12-31","text":"2025年12月底前"}`},
	{"deadline", "12月31日前", 2025, `{"kind":"deadline","date":"2025-12-31","text":"12月31日前"}`},
	{"deadline", "年底前", 2025, `{"kind":"deadline","date":"2025-12-31","text":"年底前"}`},
	{"deadline", "年底前完成", 0, `{"kind":"deadline","date":"--12-31","text":"年底前完成"}`},
	{"deadline", "一季度", 2025, `{"kind":"period","from":"2025-01-01","to":"2025-03-31","text":"一季度"}`},
	{"deadline", "2025年第三季度", 0, `{"kind":"period","from":"2025-07-01","to":"2025-09-30","text":"2025年第三季度"}`},
	{"deadline", "上半年", 2025, `{"kind":"period","from":"2025-01-01","to":"2025-06-30","text":"上半年"}`},
	{"deadline", "2023.07-2024.01", 0, `{"kind":"period","from":"2023-07-01","to":"2024-01-31","text":"2023.07-2024.01"}`},
	{"deadline", "6月底前完成", 2025, `{"kind":"deadline","date":"2025-06-30","text":"6月底前完成"}`},
	{"deadline", "2025年2月底前", 0, `{"kind":"deadline","date":"2025-02-28","text":"2025年2月底前"}`},
	{"deadline", "2024年2月底", 0, `{"kind":"deadline","date":"2024-02-29","text":"2024年2月底"}`},
	{"deadline", "二〇二五年十二月底前", 0, `{"kind":"deadline","date":"2025-12-31","text":"二〇二五年十二月底前"}`},
	{"deadline", "2025年9月30日前", 0, `{"kind":"deadline","date":"2025-09-30","text":"2025年9月30日前"}`},
	{"deadline", "在项目计划完成时间内完成", 0, `{"kind":"deadline","date":"","text":"在项目计划完成时间内完成"}`},
	{"tolerance", "±3%以内", 0, `{"kind":"numeric","op":"=","value":0,"unit":"%","tolerance":3}`},
	{"tolerance", "100±5", 0, `{"kind":"numeric","op":"=","value":100,"unit":"","tolerance":5}`},
	{"template", "(≥**株)>=17600株", 0, `{"kind":"numeric","op":">=","value":17600,"unit":"株"}`},
	{"template", "（≥**%）≥95%", 0, `{"kind":"numeric","op":">=","value":95,"unit":"%"}`},
	{"template", "≥**%", 0, `{"kind":"unparsed","text":"≥**%"}`},
	{"punct", "95%。", 0, `{"kind":"numeric","op":"=","value":95,"unit":"%"}`},
	{"punct", "≥90%；", 0, `{"kind":"numeric","op":">=","value":90,"unit":"%"}`},
	{"basis", "90%(计划标准)", 0, `{"kind":"numeric","op":"=","value":90,"unit":"%","basis":"计划标准"}`},
	{"basis", "≥95%（行业标准）", 0, `{"kind":"numeric","op":">=","value":95,"unit":"%","basis":"行业标准"}`},
	{"reference", "小于预算", 0, `{"kind":"reference","op":"<","ref":"budget"}`},
	{"reference", "小于等于预算数", 0, `{"kind":"reference","op":"<=","ref":"budget"}`},
	{"reference", "控制在预算内", 0, `{"kind":"reference","op":"<=","ref":"budget"}`},
	{"reference", "≤预算数", 0, `{"kind":"reference","op":"<=","ref":"budget"}`},
	{"reference", "不超预算", 0, `{"kind":"reference","op":"<=","ref":"budget"}`},
	{"reference", "小于等于预算资金", 0, `{"kind":"reference","op":"<=","ref":"budget"}`},
	{"reference", "在预算范围内", 0, `{"kind":"reference","op":"<=","ref":"budget"}`},
	{"reference", "不低于上年", 0, `{"kind":"reference","op":">=","ref":"last_year"}`},
	{"reference", "较上年有所提高", 0, `{"kind":"reference","op":">","ref":"last_year"}`},
	{"reference", "不低于计划数", 0, `{"kind":"reference","op":">=","ref":"plan"}`},
	{"qualitative", "好", 0, `{"kind":"qualitative","level":"好"}`},
	{"qualitative", "较好", 0, `{"kind":"qualitative","level":"较好"}`},
	{"qualitative", "优良", 0, `{"kind":"qualitative","level":"优良"}`},
	{"qualitative", "合格", 0, `{"kind":"qualitative","level":"合格"}`},
	{"qualitative", "不超期完成项目", 0, `{"kind":"qualitative","text":"不超期完成项目"}`},
	{"qualitative", "及时", 0, `{"kind":"qualitative","text":"及时"}`},
	{"qualitative", "有效建立", 0, `{"kind":"qualitative","text":"有效建立"}`},
	{"qualitative", "健全", 0, `{"kind":"qualitative","text":"健全"}`},
	{"qualitative", "定性有效", 0, `{"kind":"qualitative","text":"有效"}`},
	{"sentence", "辖区企业满意率达95%以上。", 0, `{"kind":"numeric","op":">=","value":95,"unit":"%"}`},
	{"sentence", "按合同10.5万元。", 0, `{"kind":"numeric","op":"=","value":10.5,"unit":"万元","base":{"value":105000,"unit":"元"}}`},
	{"unparsed", "", 0, `{"kind":"unparsed","text":""}`},
	{"unparsed", "≥", 0, `{"kind":"unparsed","text":"≥"}`},
	{"unparsed", "——", 0, `{"kind":"unparsed","text":"——"}`},
	{"unparsed", "/", 0, `{"kind":"unparsed","text":"/"}`},
	{"unparsed", "——", 0, `{"kind":"unparsed","text":"——"}`},
	{"unparsed", "/", 0, `{"kind":"unparsed","text":"/"}`},
}

func TestValue(t *testing.T) {
	for _, c := range valueCases {
		got, err := Value(c.in, Context{Year: c.year}).MarshalJSON()
		if err != nil {
			t.Errorf("%s: Value(%q): %v", c.group, c.in, err)
			continue
		}
		if string(got) != c.want {
			t.Errorf("%s: Value(%q)\n got %s\nwant %s", c.group, c.in, got, c.want)
		}
	}
}

func TestSplit(t *testing.T) {
	for _, c := range []struct{ nature, value, unit, want string }{
		{"≥", "90", "%", `{"kind":"numeric","op":">=","value":90,"unit":"%"}`},
		{"≥", "90", "百分比", `{"kind":"numeric","op":">=","value":90,"unit":"%"}`},
		{"≥", "90", "", `{"kind":"numeric","op":">=","value":90,"unit":""}`},
		{"≤", "5", "辆", `{"kind":"numeric","op":"<=","value":5,"unit":"辆"}`},
		{"=", "0", "%", `{"kind":"numeric","op":"=","value":0,"unit":"%"}`},
		{"≥", "≥90", "%", `{"kind":"numeric","op":">=","value":90,"unit":"%"}`},
		{"≥", "90%", "%", `{"kind":"numeric","op":">=","value":90,"unit":"%"}`},
		{"大于等于", "3", "年", `{"kind":"numeric","op":">=","value":3,"unit":"年"}`},
		{"≤", "368.1", "万元", `{"kind":"numeric","op":"<=","value":368.1,"unit":"万元","base":{"value":3681000,"unit":"元"}}`},
		{"定性", "小于预算", "", `{"kind":"reference","op":"<","ref":"budget"}`},
		{"定性", "2025年9月底前", "", `{"kind":"deadline","date":"2025-09-30","text":"2025年9月底前"}`},
		{"定性", "好", "", `{"kind":"qualitative","level":"好"}`},
		{"定性", "有效建立", "", `{"kind":"qualitative","text":"有效建立"}`},
		{"", "≥90%", "", `{"kind":"numeric","op":">=","value":90,"unit":"%"}`},
		{"≥", "", "%", `{"kind":"unparsed","text":""}`},
	} {
		got, _ := Split(c.nature, c.value, c.unit, Context{Year: 2025}).MarshalJSON()
		if string(got) != c.want {
			t.Errorf("Split(%q, %q, %q)\n got %s\nwant %s", c.nature, c.value, c.unit, got, c.want)
		}
	}
}

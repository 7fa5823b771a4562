package normalize

// levels are the grades a qualitative value may name; a value that is one of
// them reads as a level, any other text as a statement.
var levels = map[string]bool{
	"好": true, "较好": true, "很好": true, "良好": true, "一般": true, "差": true, "较差": true,
	"优": true, "优秀": true, "良": true, "中": true, "中等": true, "优良": true, "合格": true,
	"不合格": true, "达标": true, "高": true, "较高": true, "低": true, "较低": true,
	"满意": true, "较满意": true, "基本满意": true, "不满意": true, "非常满意": true,
	"显著": true, "较显著": true, "明显": true, "较明显": true, "优等": true, "甲级": true, "乙级": true,
	"A": true, "B": true, "C": true, "D": true, "A级": true, "B级": true, "AAA": true,
}

// levelSuffixes may follow a level without changing it: 好的, 良好等级.
var levelSuffixes = []string{"等级", "级", "的", "水平"}

// level returns the level s names, or "".
func level(s string) string {
	if levels[s] {
		return s
	}
	for _, suf := range levelSuffixes {
		if n := len(s) - len(suf); n > 0 && s[n:] == suf && levels[s[:n]] {
			return s[:n]
		}
	}
	return ""
}

// frequencies read 按月 and 每月一次 style values as a count per period.
var frequencies = newLexiconMap(map[string]string{
	"按月": "次/月", "按季": "次/季度", "按季度": "次/季度", "按年": "次/年", "按周": "次/周", "按日": "次/日",
	"按天": "次/天", "每月": "次/月", "每季": "次/季度", "每季度": "次/季度", "每年": "次/年", "每周": "次/周",
	"每日": "次/日", "每天": "次/天", "逐月": "次/月", "月度": "次/月", "季度": "次/季度",
})

// frequencyVerbs may follow a frequency: 按月安排, 按季度开展.
var frequencyVerbs = map[string]bool{
	"": true, "安排": true, "开展": true, "进行": true, "执行": true, "发放": true, "支付": true, "拨付": true,
	"报送": true, "上报": true, "检查": true, "巡查": true, "召开": true, "组织": true, "一次": true, "1次": true,
}

// frequency reads c as a count per period: 按月安排 → = 1 次/月.
func frequency(c []rune) (Target, bool) {
	w, e := frequencies.at(c, 0)
	if w == "" || !frequencyVerbs[string(c[e:])] {
		return Target{}, false
	}
	return Target{Kind: Numeric, Op: "=", Value: dOne, Unit: frequencies.value[w]}, true
}

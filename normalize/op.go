package normalize

// An opWord is a comparison written before a number.
type opWord struct {
	op   string // ">=", "<=", ">", "<", "="
	weak bool   // a following 以上/以内 says more (达到90%以上, 控制在5%以内)
}

var prefixOps = map[string]opWord{}

var prefixOpLex *lexicon

func init() {
	for op, words := range map[string][]string{
		">=": {"≥", ">=", "=>", "大于等于", "大于或等于", "大于或者等于", "大于或是等于", "高于或等于",
			"高于等于", "不低于", "不少于", "不小于", "不得低于", "不得少于", "不应低于", "不应少于",
			"至少", "最少", "最低", "起码", "不下于"},
		"<=": {"≤", "<=", "=<", "小于等于", "小于或等于", "小于或者等于", "小于或是等于", "低于或等于",
			"低于等于", "不超过", "不高于", "不大于", "不多于", "不得超过", "不得高于", "不应超过",
			"不应高于", "不超", "最多", "至多", "最高", "控制于", "不突破", "不超出"},
		">": {">", "大于", "高于", "超过", "多于", "超出", "超"},
		"<": {"<", "小于", "低于", "少于", "不足", "不到"},
		"=": {"=", "==", "等于"},
	} {
		for _, w := range words {
			prefixOps[w] = opWord{op: op}
		}
	}
	for w, op := range map[string]string{
		"达到": ">=", "达": ">=", "提高到": ">=", "提高至": ">=", "提升到": ">=", "提升至": ">=", "增加到": ">=",
		"增加至": ">=", "增长到": ">=", "增长至": ">=", "达到了": ">=", "保持在": ">=",
		"控制在": "<=", "降低到": "<=", "降低至": "<=", "下降到": "<=", "下降至": "<=", "减少到": "<=", "减少至": "<=",
		"压缩到": "<=", "压缩至": "<=", "控制到": "<=",
		"约": "=", "约为": "=", "大约": "=", "约合": "=",
	} {
		prefixOps[w] = opWord{op: op, weak: true}
	}
	words := make([]string, 0, len(prefixOps))
	for w := range prefixOps {
		words = append(words, w)
	}
	prefixOpLex = newLexicon(words...)
}

// suffixOps are comparisons written after a number and its unit. 以上, 以下
// and 以内 include the number, as Chinese legal and budget usage reads them.
var suffixOps = newLexiconMap(map[string]string{
	"以上": ">=", "及以上": ">=", "或以上": ">=", "或者以上": ">=", "以上(含)": ">=", "(含)以上": ">=",
	"以下": "<=", "及以下": "<=", "或以下": "<=", "或者以下": "<=", "以下(含)": "<=", "(含)以下": "<=",
	"以内": "<=", "之内": "<=", "内": "<=", "范围内": "<=", "以内(含)": "<=",
	"或更多": ">=", "或者更多": ">=", "及更多": ">=", "或更少": "<=", "或者更少": "<=",
	"之上": ">", "之下": "<", "以外": ">",
	"左右": "=", "上下": "=", "前后": "=",
})

// comparatives close 比 X …: 比三十大, 比 170 低.
var comparatives = map[rune]string{'大': ">", '多': ">", '高': ">", '强': ">", '长': ">", '小': "<", '少': "<", '低': "<", '短': "<"}

// periodWords may begin a value phrase: 每年度至少1次.
var periodWords = newLexicon("每年度", "每年", "每季度", "每季", "每月", "每周", "每日", "每天", "每学期",
	"每半年", "年均", "月均", "日均", "每人", "每户", "每次", "每批", "每期")

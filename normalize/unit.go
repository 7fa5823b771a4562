package normalize

import "strings"

// baseUnits are units of measure as budget reports write them after a
// number. A magnitude (万, 亿) may precede one and a per-unit (/月) follow.
var baseUnits = newLexicon(
	// money
	"元", "块", "圆", "人民币", "元人民币",
	// counts
	"个", "项", "件", "辆", "台", "套", "场", "场次", "次", "人次", "人", "名", "位",
	"户", "户次", "家", "所", "座", "处", "条", "篇", "份", "册", "本", "部", "张",
	"间", "栋", "幢", "株", "棵", "头", "只", "匹", "批", "批次", "期", "轮", "届",
	"门", "节", "课时", "学时", "类", "种", "宗", "起", "例", "单", "笔", "组", "支",
	"队", "站", "点", "个点", "盏", "根", "页", "卷", "床", "张床", "架次", "车次",
	"班次", "台次", "台套", "辆次", "人天", "人日", "人月", "个次", "期次", "亩次",
	"块次", "篇次", "册次", "份次", "万人次", "倍", "级", "星", "星级", "分", "个单位",
	"网点", "村", "个村", "镇", "个镇", "所学校", "家次", "户数",
	// time
	"年", "个月", "月", "周", "天", "日", "个工作日", "工作日", "小时", "分钟", "秒",
	"季度", "个季度", "学期", "个学期",
	// length, area, volume, mass
	"米", "公里", "千米", "延米", "厘米", "毫米", "平方米", "平米", "㎡", "平方公里",
	"平方千米", "公顷", "亩", "立方米", "立方", "方", "m³", "吨", "公斤", "千克", "克",
	"斤", "升", "毫升", "标方",
	// energy and power
	"千瓦", "千瓦时", "瓦", "兆瓦", "度", "伏", "千伏安",
	// ASCII
	"km", "m", "kg", "t", "MW", "kW", "kWh", "KW", "KM", "M", "KG", "cm", "mm", "g",
	"L", "GB", "TB", "MB", "Mbps", "M2", "m2", "PUE",
)

// magnitudes are the multipliers written before a unit: 万元, 亿元, 万人次.
var magnitudes = newLexicon("万亿", "百万", "千万", "万", "亿")

// perUnits are what may follow a slash or 每: 次/月, 元/人.
var perUnits = newLexicon("年", "月", "日", "天", "周", "季度", "季", "次", "人", "人次", "户", "亩",
	"平方米", "公里", "小时", "台", "辆", "车", "场", "个", "件", "批", "学期", "班", "床", "吨", "千米", "米")

// asciiUnitCase maps ASCII units written in capitals to their symbol.
var asciiUnitCase = map[string]string{"M": "m", "KM": "km", "KG": "kg", "CM": "cm", "MM": "mm", "M2": "m²", "m2": "m²", "KW": "kW"}

// readUnit reads a unit of measure at i: [magnitude] base [/per], or a bare
// magnitude (万). It returns "" and i when none is there.
func readUnit(r []rune, i int) (string, int) {
	mag, j := magnitudes.at(r, i)
	base, k := baseUnits.at(r, j)
	if base == "" {
		if mag == "" {
			return "", i
		}
		k = j
	}
	// An ASCII unit must not run on into a word (m in mobile).
	if base != "" && isASCIILetter([]rune(base)[0]) && isASCIILetter(at(r, k)) {
		if mag == "" {
			return "", i
		}
		base, k = "", j
	}
	if u, ok := asciiUnitCase[base]; ok {
		base = u
	}
	if base == "人民币" || base == "元人民币" {
		base = "元" // 4人民币, 8亿元人民币: an amount in 元
	}
	unit := mag + base
	if at(r, k) == '/' {
		if per, e := perUnits.at(r, k+1); per != "" {
			unit += "/" + per
			k = e
		}
	}
	return unit, k
}

func at(r []rune, i int) rune {
	if i < 0 || i >= len(r) {
		return 0
	}
	return r[i]
}

// percentMarks are the signs after a number that make it a percentage; the
// value is the unit the reading gets.
var percentMarks = newLexiconMap(map[string]string{
	"%": "%", "百分比": "%", "百分数": "%", "个百分点": "个百分点", "百分点": "百分点", "‰": "‰",
})

// percentPrefixes are the N分之 forms of a fraction that reads as a
// percentage: 百分之九十 → 90 %, 千分之五 → 0.5 %.
var percentPrefixes = newLexiconMap(map[string]string{
	"百分之": "100", "千分之": "1000", "万分之": "10000", "百万分之": "1000000",
	"千万分之": "10000000", "万万分之": "100000000", "百万万分之": "10000000000",
	"佰分之": "100", "仟分之": "1000",
})

// unitName maps the dictionary names budget systems export in a unit column
// to the unit (百分比 → %).
func unitName(u string) string {
	u = strings.TrimSpace(u)
	if v, ok := percentMarks.value[u]; ok && (v == "%" || v == "‰") {
		return v
	}
	if v, ok := asciiUnitCase[u]; ok {
		return v
	}
	return u
}

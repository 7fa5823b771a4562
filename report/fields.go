package report

import (
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/jixiao/jixiao/normalize"
)

// Field is a report/v1 field that a label cell or a column header of a form
// can carry. The forms of every province and budget system are described
// as data over these keys: the synonyms of each label, keyword patterns for
// labels not seen before, and block labels that head rows of other labels.
// One reader interprets them (info.go, indicators.go).
type Field uint8

const (
	NoField Field = iota

	// Info fields of a project (or of a department-level form).
	FieldCode
	FieldName
	FieldTotal  // 预算数 / 年度资金总额
	FieldFiscal // 其中：财政资金
	FieldOther  // 其他资金
	FieldPurpose
	FieldPlan // 资金支出计划 (periods and shares)
	FieldGoal
	FieldMidGoal // 中期目标 / 实施期目标 / 项目总目标
	FieldDepartment
	FieldDepartmentCode

	// BlockLabel heads rows whose own labels carry the fields (资金情况,
	// 绩效指标); its unit, if any, is the amount unit.
	BlockLabel
	// KnownLabel is a label the reader recognizes but maps to no field of
	// report/v1 (项目负责人, 联系电话, 审核意见): its value goes to the
	// project's extra.
	KnownLabel

	// Indicator-table columns.
	ColLevel1
	ColLevel2
	ColLevel3
	ColDescription
	ColNature
	ColValue
	ColUnit
	ColBasis
	ColWeight
	ColActual
	ColScore
	ColDeviation
	ColMidValue // the value of a 中期 / 长期 / 实施期 column group
)

var fieldNames = map[Field]string{
	FieldCode: "code", FieldName: "name", FieldTotal: "budget.total", FieldFiscal: "budget.fiscal",
	FieldOther: "budget.other", FieldPurpose: "purpose", FieldPlan: "spending_plan", FieldGoal: "goal",
	FieldMidGoal: "mid_term_goal", FieldDepartment: "department", FieldDepartmentCode: "department_code",
	BlockLabel: "block", KnownLabel: "extra",
	ColLevel1: "level1", ColLevel2: "level2", ColLevel3: "level3", ColDescription: "description",
	ColNature: "nature", ColValue: "value", ColUnit: "unit", ColBasis: "basis", ColWeight: "weight",
	ColActual: "actual", ColScore: "score", ColDeviation: "deviation", ColMidValue: "mid_term",
}

// String is the field's report/v1 name (budget.total, level3 …), the key of
// Project.At and Indicator.Cols and of [labels] in jixiao.toml.
func (f Field) String() string {
	if int(f) < len(fieldNameOf) && fieldNameOf[f] != "" {
		return fieldNameOf[f]
	}
	return "none"
}

// fieldNameOf is fieldNames by index: String is asked for every cell of an
// indicator row.
var fieldNameOf = func() (names [ColMidValue + 1]string) {
	for f, n := range fieldNames {
		names[f] = n
	}
	return names
}()

// Key says what a Project.At entry locates: a field of the project, or with
// Checkpoint one column of its spending plan.
type Key struct {
	Field      Field
	Checkpoint int // 1-based column of 资金支出计划 (with FieldPlan); 0 = the field as a whole
}

// KeyOf is the key of field f as a whole.
func KeyOf(f Field) Key { return Key{Field: f} }

// CheckpointKey is the key of the spending plan's nth column, from 1.
func CheckpointKey(n int) Key { return Key{Field: FieldPlan, Checkpoint: n} }

// String is the key as the reader's account and tests write it:
// budget.total, spending_plan.2.
func (k Key) String() string {
	if k.Checkpoint > 0 {
		return k.Field.String() + "." + strconv.Itoa(k.Checkpoint)
	}
	return k.Field.String()
}

// Name is the report/v1 field a location of the key names, the part of
// its String before the dot: budget, spending_plan.
func (k Key) Name() string {
	name, _, _ := strings.Cut(k.Field.String(), ".")
	return name
}

// ParseField reads a field by its report/v1 name; budget fields also go by
// their short names (total, fiscal, other).
func ParseField(name string) (Field, bool) {
	for f, n := range fieldNames {
		if n == name || n == "budget."+name {
			return f, f != BlockLabel && f != KnownLabel
		}
	}
	return NoField, false
}

// FieldNames lists the names ParseField takes, sorted.
func FieldNames() []string {
	var out []string
	for f, n := range fieldNames {
		if f != BlockLabel && f != KnownLabel {
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}

func departmentRankOf(key string) int {
	if r, ok := departmentRank[key]; ok {
		return r
	}
	return 3
}

func (f Field) isColumn() bool { return f >= ColLevel1 }

func (f Field) isAmount() bool { return f == FieldTotal || f == FieldFiscal || f == FieldOther }

// infoSynonyms are the labels of info fields as folded by foldLabel.
var infoSynonyms = map[Field][]string{
	FieldCode: {"项目编码", "项目代码", "项目编号", "项目识别码"},
	FieldName: {"项目名称", "资金名称", "专项名称", "专项资金名称", "转移支付名称", "转移支付项目名称", "项目资金名称", "资金项目名称",
		"项目支出名称"},
	FieldTotal: {"预算数", "预算金额", "年度预算数", "项目预算数", "预算总额", "资金总额", "年度资金总额", "项目资金总额",
		"年度金额", "年度预算", "当年年度预算", "项目总预算", "年度资金申请总额", "全年预算数", "年初预算数", "中期资金总额",
		"实施期资金总额", "项目总金额", "本年预算数", "年度预算金额", "总额", "年初预算", "调整后预算", "调整后预算数",
		"全年预算", "年度预算总额", "合计", "总计", "年度资金总额及构成", "资金总额及构成", "项目资金总额及构成"},
	FieldFiscal: {"财政资金", "财政拨款", "本级财政资金", "财政拨款资金", "当年财政拨款", "上级资金", "上级补助", "上级补助资金",
		"中央资金", "中央补助", "中央补助资金", "省级资金", "财政补助", "财政补助资金"},
	FieldOther:   {"其他资金", "其它资金", "其他来源资金", "其他来源", "地方资金", "自筹资金"},
	FieldPurpose: {"资金用途", "项目资金用途", "主要用途", "资金使用方向", "资金主要用途"},
	FieldPlan:    {"资金支出计划", "资金支出进度计划", "支出进度计划", "资金支出进度"},
	FieldGoal: {"绩效目标", "年度绩效目标", "项目绩效目标", "年度目标", "年度总体目标", "总体目标", "预期目标",
		"本年度绩效目标", "年度主要目标和成果", "年度绩效总目标", "当年绩效目标", "整体绩效目标", "部门整体绩效目标",
		"年度总目标", "年度预期目标", "年初设定目标", "年度设定目标", "设定目标"},
	FieldMidGoal: {"中期目标", "实施期目标", "实施期绩效目标", "长期目标", "项目总目标", "中长期目标", "总目标",
		"实施期总目标", "中期绩效目标", "长期绩效目标"},
	FieldDepartment: {"预算单位", "部门名称", "单位名称", "部门", "申报单位", "填报单位", "预算部门", "预算单位名称",
		"主管部门", "项目主管部门", "业务主管部门", "主管部门及代码", "主管部门及其编码", "主管部门及编码", "主管单位",
		"实施单位", "项目实施单位", "项目执行单位", "执行单位", "实施主体"},
	FieldDepartmentCode: {"部门编码", "单位编码", "部门代码", "单位代码", "预算单位编码", "预算单位代码", "部门预算编码",
		"单位预算编码", "预算编码", "部门预算代码"},
	BlockLabel: {"预算规模及资金用途", "预算规模", "资金情况", "项目资金", "项目金额", "资金来源", "项目资金预算执行",
		"绩效指标", "年度绩效指标", "基本信息", "项目基本信息", "绩效目标及指标", "年度绩效目标及指标"},
	KnownLabel: {"项目负责人", "项目负责人及电话", "项目负责人及联系电话", "联系人", "联系电话", "项目联系人",
		"项目属性", "项目期", "项目类别", "项目分类", "项目类型", "建设周期", "实施周期", "项目周期", "项目审批",
		"项目总体概况", "项目概况", "立项依据", "项目立项依据", "起止时间", "项目起止时间", "上年结转资金", "上年结转",
		"财政资金预算分类", "财政资金科目代码", "年度预算执行率", "执行率", "分值", "得分", "全年执行数", "预算执行数",
		"预算执行率", "执行数", "年度总体目标完成情况综述", "实际完成情况综述",
		"部门职能职责概述", "职能职责", "年度总体目标完成情况", "实际完成情况", "已实施情况", "未实施情况及原因",
		"中央主管部门", "省级财政部门", "省级主管部门", "市级财政部门", "市级主管部门", "县级财政部门",
		"县级主管部门", "区县财政部门", "区县主管部门", "其他需要说明事项", "其他说明事项", "说明事项",
		"备注", "总分", "合计得分", "自评得分"},
}

// departmentRank orders the labels naming a unit: the submitting unit (3,
// the default) before its supervising department before the one carrying
// the work out.
var departmentRank = map[string]int{
	"主管部门": 2, "项目主管部门": 2, "业务主管部门": 2, "主管部门及代码": 2, "主管部门及其编码": 2,
	"主管部门及编码": 2, "主管单位": 2,
	"实施单位": 1, "项目实施单位": 1, "项目执行单位": 1, "执行单位": 1, "实施主体": 1,
}

// columnSynonyms are the headers of indicator-table columns, with how sure
// each reading is: a header that may mean two things (指标内容: the
// indicator's name, or its description beside a 三级指标 column) is a
// candidate for both, and the table decides (assignColumns).
var columnSynonyms = map[string][]columnCandidate{}

type columnCandidate struct {
	field Field
	score int // 3 a synonym, 2 a synonym with another reading, 1 a keyword
}

func init() {
	add := func(f Field, score int, labels ...string) {
		for _, l := range labels {
			columnSynonyms[l] = append(columnSynonyms[l], columnCandidate{f, score})
		}
	}
	add(ColLevel1, 3, "一级指标", "一级目标", "绩效指标分类", "一级", "指标类别", "一级指标名称")
	add(ColLevel2, 3, "二级指标", "二级", "二级指标名称")
	add(ColLevel3, 3, "三级指标", "三级", "三级指标名称", "具体指标", "三级指标内容")
	add(ColLevel3, 2, "指标名称", "指标内容", "绩效指标", "指标")
	add(ColDescription, 3, "绩效指标描述", "指标描述", "指标说明描述")
	add(ColDescription, 2, "指标内容")
	add(ColNature, 3, "指标性质", "计算符号", "指标值性质", "运算符号", "符号", "指标方向")
	add(ColValue, 3, "指标值", "目标值", "当年预期实现值", "年度指标值", "预期目标值", "绩效指标值", "年度目标值",
		"计划水平", "绩效指标评价标准", "评价标准", "指标目标值", "本年指标值", "预期指标值", "指标值及单位",
		"目标值及单位", "指标值及计量单位", "年度目标值及单位", "年度数值", "指标数值", "目标数值")
	add(ColUnit, 3, "度量单位", "计量单位", "单位")
	add(ColBasis, 3, "指标值确定依据", "指标值设定依据", "指标值设定依据及数据来源", "绩效标准", "确定依据",
		"指标值确定依据及数据来源", "评价标准确定依据", "设定依据", "指标设定依据")
	add(ColWeight, 3, "权重", "分值", "指标权重", "权重分")
	add(ColActual, 3, "实际完成值", "实际值", "完成值", "全年实际完成值", "年度实际完成值", "实际完成情况", "实际完成")
	add(ColScore, 3, "得分", "自评得分", "指标得分", "实际得分")
	add(ColDeviation, 3, "偏差原因分析及改进措施", "偏差原因", "未完成原因分析", "未达到指标值原因", "偏差原因分析",
		"未完成原因和改进措施")
}

// A keywordRule reads labels no synonym list has: tried in order after the
// synonyms, each a lower score than a synonym.
type keywordRule struct {
	field Field
	re    *regexp.Regexp
	// need holds a word of every text re matches: a text with none is
	// not matched against re. Most labels match no rule, and a Contains
	// per word tells them sooner than the regexp (TestKeywordNeeds).
	need *normalize.Keywords
}

// match tells a key the rule reads.
func (k keywordRule) match(key string) bool { return k.need.In(key) && k.re.MatchString(key) }

var infoKeywords = []keywordRule{
	{KnownLabel, regexp.MustCompile(`(?:意见|电话|负责人|联系人|综述|盖章|执行数|执行率)$`), normalize.NewKeywords("意见", "电话", "负责人", "联系人", "综述", "盖章", "执行数", "执行率")},
	{BlockLabel, regexp.MustCompile(`(?:资金|基本)情况$`), normalize.NewKeywords("情况")},
	{KnownLabel, regexp.MustCompile(`情况$`), normalize.NewKeywords("情况")},
	{FieldName, regexp.MustCompile(`(?:项目|资金|专项|转移支付|支出)名称$`), normalize.NewKeywords("名称")},
	{FieldCode, regexp.MustCompile(`^项目(?:编码|代码)`), normalize.NewKeywords("项目编码", "项目代码")},
	{FieldDepartmentCode, regexp.MustCompile(`(?:部门|单位).*(?:编码|代码)$`), normalize.NewKeywords("编码", "代码")},
	{FieldFiscal, regexp.MustCompile(`^(?:当年|本级|上级|中央|省级|市级|县级)?财政(?:资金|补助|\p{Han}?款)`), normalize.NewKeywords("财政")},
	{FieldTotal, regexp.MustCompile(`(?:预算|资金|金额|投资|拨款).*(?:总额|总计|预算|预算数|金额|总数|申报数|安排数|下达数)$`), normalize.NewKeywords("总额", "总计", "预算", "金额", "数")},
	{FieldTotal, regexp.MustCompile(`.(?:总预算|预算数|预算金额|总投资|投资|投入|金额)$`), normalize.NewKeywords("预算", "投资", "投入", "金额")},
	{FieldMidGoal, regexp.MustCompile(`^(?:中期|长期|中长期|实施期|项目总).*目标$`), normalize.NewKeywords("目标")},
	{FieldGoal, regexp.MustCompile(`(?:年度|总体|绩效|设定|年初|预期).*目标$`), normalize.NewKeywords("目标")},
	{FieldDepartment, regexp.MustCompile(`(?:预算|申报|填报|编制)单位`), normalize.NewKeywords("单位")},
}

var columnKeywords = []keywordRule{
	{ColActual, regexp.MustCompile(`实际|完成值`), normalize.NewKeywords("实际", "完成值")},
	{ColDeviation, regexp.MustCompile(`原因`), normalize.NewKeywords("原因")},
	{ColBasis, regexp.MustCompile(`依据`), normalize.NewKeywords("依据")},
	{ColValue, regexp.MustCompile(`(?:指标值|目标值|实现值|计划水平|目标水平|数值)(?:及(?:计量|度量)?单位)?$`), normalize.NewKeywords("值", "水平")},
	{ColLevel3, regexp.MustCompile(`^(?:指标内容|指标名称)`), normalize.NewKeywords("指标内容", "指标名称")},
	{ColWeight, regexp.MustCompile(`权重|分值$`), normalize.NewKeywords("权重", "分值")},
	{ColScore, regexp.MustCompile(`得分$`), normalize.NewKeywords("得分")},
}

// The labels' word tests run on every new cell text a process sees: a
// search for the words (normalize.Keywords, one look at each byte) is
// many times quicker than a regexp alternation of them, which has no
// literal prefix to skip ahead by.

// earlierYears mark a column of an earlier year's level (上年度实际水平),
// which no field of this year's form takes.
var earlierYears = normalize.NewKeywords("上年", "去年", "历史", "以前", "往年")

// midTermWords mark a 中期 column group or goal beside the annual one.
var midTermWords = normalize.NewKeywords("中期", "长期", "实施期", "项目总")

// midColumn marks the medium-term column of amounts beside the annual one
// (中期资金总额 | 年度资金总额).
var midColumn = normalize.NewKeywords("中期", "长期", "实施期")

// annualInfo marks the annual reading of an info field where two compete
// (年度资金总额 beside 项目资金总额, 年度目标 beside 总体目标, 调整后预算数
// beside 年初预算数).
var annualInfo = normalize.NewKeywords("年度", "当年", "本年", "全年", "调整后")

// annualWords mark the reading of a value column group that is the target
// (预期2022年实现值 beside 2021年实际实现值, 优 beside 良, 中, 差).
var annualWords = regexp.MustCompile(`年度|当年|本年|全年|预期|计划|目标|^优$`)

// Package report reads the domain content of a performance-target report
// (绩效目标) out of an extract.Document: the department, the department-wide
// goals of part one, and for each budget project its info table and its
// indicator rows; a department-level form (部门整体支出绩效目标表) fills the
// report's own goal and indicators, a self-evaluation form (绩效自评表) the
// achieved values beside the targets.
//
// The forms of every province and budget system are described as data
// (fields.go): typed fields, the label synonyms of each, keyword rules for
// labels not seen before, block labels. One reader interprets them: a
// form's title (read.go), its info labels with the value to the right,
// below or in the same cell (info.go), its indicator table's header of one
// or two rows with each column given to one field (indicators.go), and the
// fields derived from the whole (derive.go). Labels are matched as a person
// reads them (labels.go). Nothing is dropped silently: other columns and
// labels go to extra, what looks like a label or an indicator table but
// maps to nothing to Report.Unmapped, and Options.Explain keeps an account
// of the reading.
//
// Text fields keep the text as written, folded as report/v1 says: trimmed,
// inner runs of white space folded to one space, line breaks removed.
// Cleaning is left to the rules, which report it.
package report

// BUG(report): A table nested in a cell of another table is read after the
// whole outer table, not at its row.
// BUG(report): Part one is found by its headings (一、总体绩效目标,
// 二、分项绩效目标, 三、工作保障措施 and their variants); without them the
// department-wide goals stay empty.
// BUG(report): A form starts at its title (a paragraph ending in 表 that
// names 绩效目标 or 绩效自评, or a table's first row across its width), at a
// table naming 项目编码 or 项目名称 again, or at a new 项目名称 cell of a
// listing; forms one after another with none of these read as one.
// BUG(report): Of competing readings of an info field the surest wins (the
// annual amount over a multi-year one, 年度目标 over 总体目标), else the
// first.
// BUG(report): Where values stand in one column per place (a town, a
// county) and no column is headed 指标值, the first place's is the value;
// the others are in extra.
// BUG(report): A department-level form's budget has no report/v1 field: it
// is kept in the report's extra.

import (
	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/normalize"
)

// Schema names the JSON form of Report.
const Schema = "report/v1"

// Report is one analysed report, in the shape of report/v1.
type Report struct {
	Schema         string            `json:"schema"`
	Kind           string            `json:"kind"` // KindTarget or KindSelfEvaluation
	Source         Source            `json:"source"`
	Department     Department        `json:"department"`
	Year           int               `json:"year"` // budget year, from the project codes or the text; 0 when unknown
	Layout         Layout            `json:"layout"`
	OverallGoal    string            `json:"overall_goal"`
	OverallTargets []normalize.Found `json:"overall_targets"`
	SubGoals       []SubGoal         `json:"sub_goals"`
	Measures       []Measure         `json:"measures"`
	Projects       []Project         `json:"projects"`
	// The indicator table of a department-level form (部门整体支出绩效目标表).
	DepartmentIndicators []Indicator       `json:"department_indicators"`
	Extra                map[string]string `json:"extra,omitempty"` // a department-level form's other labels and values
	// report/v1's findings come here, from the rules (rules.Checked).
	// Cells read by OCR with a confidence under UncertainBelow.
	Uncertain []Uncertain `json:"uncertain,omitempty"`

	// Where part one was read, for findings; not part of report/v1.
	OverallGoalAt Location `json:"-"`
	// Trace is the account of the reading, when Options.Explain asks for
	// it: each table's role and which cell went to which field.
	Trace []string `json:"-"`
	// Unmapped lists what the reader saw as a label or an indicator table
	// but could not map; rule R1401 reports each.
	Unmapped []Unmapped `json:"-"`
	// Lost lists the pages that could not be read, the rest of the file
	// being read; rule R1402 reports each.
	Lost []Lost `json:"-"`
}

// Layout is how a report's indicator tables set out the target value.
type Layout string

const (
	LayoutHebei Layout = "hebei" // the value and its unit in one 指标值 column
	LayoutSplit Layout = "split" // 指标性质, 指标值 and 度量单位 in columns of their own
)

// Lost is a page of the file that could not be read.
type Lost struct {
	Page   int    // from 1
	Reason string // Chinese, as Reason gives it
	Detail string // the error, in English, for the logs
}

// Report kinds.
const (
	KindTarget         = "target"          // 绩效目标表 / 申报表 / 批复表 / 设定表 / 区域绩效目标表
	KindSelfEvaluation = "self_evaluation" // 绩效自评表: targets beside what was achieved
)

// Unmapped is a cell or table the reader could not map.
type Unmapped struct {
	What     string // 栏目, 指标表 … in Chinese
	Text     string
	Location Location
}

// Source names the file a report was read from.
type Source struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
	Format string `json:"format"`
	Pages  int    `json:"pages"`         // 0 for .docx, which has no fixed pages
	OCR    bool   `json:"ocr,omitempty"` // read from page images by OCR: positions carry a confidence
}

// Department is the submitting unit: a 6-digit code and its name.
type Department struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

// SubGoal is one item of 二、分项绩效目标.
type SubGoal struct {
	No         int               `json:"no"`
	Title      string            `json:"title"`
	Goal       string            `json:"goal"`       // after 绩效目标：
	Indicators string            `json:"indicators"` // after 绩效指标：
	Targets    []normalize.Found `json:"targets"`    // mined from Indicators
	At         Location          `json:"-"`
}

// Measure is one item of 三、工作保障措施.
type Measure struct {
	No   string `json:"no"` // the Chinese ordinal as written: 一, 二 …
	Text string `json:"text"`
}

// Project is one 项目支出绩效目标表.
type Project struct {
	Seq            int          `json:"seq"`   // 1-based order in the report
	Title          string       `json:"title"` // the heading above the tables, without its number
	DepartmentCode string       `json:"department_code"`
	DepartmentName string       `json:"department_name"`
	AmountUnit     string       `json:"amount_unit"` // 万元, 元 … from 单位：万元
	Code           string       `json:"code"`        // 项目编码
	Name           string       `json:"name"`        // 项目名称
	Budget         Budget       `json:"budget"`
	Purpose        string       `json:"purpose"` // 资金用途
	SpendingPlan   []Checkpoint `json:"spending_plan"`
	Goal           string       `json:"goal"`          // 绩效目标 / 年度绩效目标 / 年度总体目标
	GoalLabel      string       `json:"goal_label"`    // the label the goal was found under
	MidTermGoal    string       `json:"mid_term_goal"` // 中期目标 / 实施期绩效目标 / 项目总目标
	Indicators     []Indicator  `json:"indicators"`
	// The indicator table of a 中长期 / 长期 / 实施期 block before the
	// annual one (长期绩效指标 | 一级指标 …, then 年度绩效指标 | …).
	MidTermIndicators []Indicator       `json:"mid_term_indicators,omitempty"`
	Extra             map[string]string `json:"extra,omitempty"` // other labels of the form and their values, by label
	At                map[Key]Location  `json:"-"`               // where each field was read: code, name, budget.total, spending_plan.2 …

	dept bool // read from a department-level form: moved to the report's fields
}

// Budget holds the amounts as written, in the project's AmountUnit.
type Budget struct {
	Total  string `json:"total"`  // 预算数
	Fiscal string `json:"fiscal"` // 其中：财政资金
	Other  string `json:"other"`  // 其他资金
}

// Checkpoint is one column of 资金支出计划（%）: a period and the share
// planned to be spent by then, as written ("" when blank).
type Checkpoint struct {
	Period string `json:"period"`
	Value  string `json:"value"`
}

// Indicator is one row of the indicator table.
type Indicator struct {
	Level1      string            `json:"level1"` // 一级指标, merged cells filled down
	Level2      string            `json:"level2"` // 二级指标
	Level3      string            `json:"level3"` // 三级指标
	Description string            `json:"description"`
	Nature      string            `json:"nature"`              // 指标性质 column of split layouts (≥ ≤ = 定性 …), else ""
	Value       string            `json:"value"`               // 指标值 as written
	Unit        string            `json:"unit"`                // 度量单位 column of split layouts, else ""
	Basis       string            `json:"basis"`               // 指标值确定依据 / 指标值设定依据
	Weight      string            `json:"weight"`              // 权重 / 分值 as written
	Actual      string            `json:"actual,omitempty"`    // 实际完成值 (self-evaluation)
	Score       string            `json:"score,omitempty"`     // 得分 (self-evaluation)
	Deviation   string            `json:"deviation,omitempty"` // 偏差原因分析及改进措施 (self-evaluation)
	MidTerm     *MidTerm          `json:"mid_term,omitempty"`  // the 中期 / 长期 / 实施期 column group's value
	Extra       map[string]string `json:"extra,omitempty"`     // other columns by their header
	Target      normalize.Target  `json:"target"`
	Location    Location          `json:"location"`
	Cols        map[string]int    `json:"-"` // grid column of each field ("value", "basis" …); shared by the rows of a table read alike: read only
}

// MidTerm is an indicator's value in a medium-term column group.
type MidTerm struct {
	Value  string           `json:"value"`
	Target normalize.Target `json:"target"`
}

// Location says where a reviewer must look; see report/v1. The report's
// logical address (project, indicator, sub-goal, field) comes first, then
// the position in the file: page, table, row, column and, for a cell read
// by OCR (see Source.OCR), the confidence. The position holds the file
// but no paragraph: report/v1 names pages and cells.
type Location struct {
	Project   string `json:"project,omitempty"`   // 项目编码
	Indicator int    `json:"indicator,omitempty"` // 1-based index in the project's indicators
	SubGoal   int    `json:"sub_goal,omitempty"`
	Field     string `json:"field,omitempty"`
	extract.Pos
}

package corpus

import "github.com/jixiao/jixiao/normalize"

// Report is a checked report as Put stores it: what was read from one file
// (report/v1 without its source, which is the Doc's) and the findings of
// the single-report rules on it. The pipeline fills it from a report and
// the rules' findings; corpus neither reads files nor runs rules.
type Report struct {
	Kind                 string // target, self_evaluation
	DepartmentCode       string
	DepartmentName       string
	Year                 int
	Layout               string            // hebei, split
	Extra                map[string]string // a department-level form's other labels
	OverallGoal          string
	SubGoals             []SubGoal
	Measures             []Measure
	DepartmentIndicators []Indicator
	Projects             []Project
	Findings             []Finding
}

// SubGoal is one item of 二、分项绩效目标.
type SubGoal struct {
	No                      int
	Title, Goal, Indicators string
}

// Measure is one item of 三、工作保障措施.
type Measure struct {
	No   string // the Chinese ordinal as written
	Text string
}

// Project is one project's form, its cells as written.
type Project struct {
	Seq                                    int // 1-based order in the report
	Code, Name, Title                      string
	DepartmentCode, DepartmentName         string
	AmountUnit                             string
	BudgetTotal, BudgetFiscal, BudgetOther string
	Purpose                                string
	SpendingPlan                           []Checkpoint
	Goal, GoalLabel, MidTermGoal           string
	Extra                                  map[string]string
	Indicators                             []Indicator
	MidTermIndicators                      []Indicator // of a 中长期 block before the annual table
}

// Indicator is one row of an indicator table: its cells as written, the
// normalizer's reading of the value, and where the row is.
type Indicator struct {
	Level1, Level2, Level3, Description string
	Nature, Value, Unit, Basis, Weight  string
	Actual, Score, Deviation            string // self-evaluation
	Target                              normalize.Target
	MidTerm                             *MidTerm
	Extra                               map[string]string
	Page, Table, Row                    int // 0 where unknown
}

// MidTerm is an indicator's value in a medium-term column group.
type MidTerm struct {
	Value  string
	Target normalize.Target
}

// Finding is what a rule found, as stored: where it points is the
// logical address (project code, 1-based indicator or sub-goal, field)
// and the cell (page, table, row, column; 0 where unknown).
type Finding struct {
	Rule               string
	Severity           string // error, warning or info
	Message            string // Chinese
	Project            string
	Indicator, SubGoal int
	Field              string
	Page, Table, Row   int
	Col                int
}

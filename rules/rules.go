// Package rules checks a Report the way a finance-bureau reviewer would:
// each rule a value with a stable ID, a title, a severity and Chinese
// documentation (what it checks, why, how to fix it, an example), one rule
// per file. Check returns the report with its findings, a Checked, which
// is what report/v1 writes.
//
// # Rule IDs
//
// IDs are grouped by area and never reused; a retired rule keeps its number.
//
//	S1xx  structure: required fields, indicator categories, levels, placeholders
//	C2xx  codes: 项目编码 format, region, year, uniqueness
//	T3xx  text: stray punctuation and conversion residue
//	M4xx  money: amounts parse and add up
//	P5xx  spending plan: 资金支出计划 checkpoints
//	V6xx  values: 指标值 empty, unparsed, unit, rate, polarity, vague
//	K7xx  cost: 成本指标 values
//	D8xx  time: 时效指标 deadlines
//	X9xx  consistency within one report
//	Y10xx copying: text repeated where content is expected
//	L11xx classification: indicator levels
//	W12xx weights
//	B13xx batch: across reports (CheckBatch)
//	O15xx OCR: cells of a scan read with a low confidence
//
// A single-report rule sees one Report and the Config; a batch rule sees
// every report of a batch as a BatchDoc, the few fields such rules need,
// which the corpus reads from its database without rebuilding reports.
//
// Rules read indicator values through Indicator.Target, the normalizer's
// reading, and never re-parse the cell; amounts (预算数) and percentages of
// the spending plan are parsed here with shopspring/decimal.
//
// Rules never open files or read flags or the environment: the caller
// loads a Config (LoadConfig, FindConfig; the file format is File) and
// passes it in.
//
// Each rule's test is testdata/rules/ID.txt: small reports in a compact
// text form with the findings they must draw written beside them (see
// case_test.go), at least one case that fires and one that does not.
// TestSeed lists what the seed report must draw; TestBench measures the
// planted defects of ../shared/bench-corpus.
package rules

// BUG(rules): the spending-plan rules (P502, P503) take 资金支出计划 as
// cumulative shares, as the Hebei template says; a layout that plans
// per-period shares reads as decreasing and not reaching 100%.

// BUG(rules): the region code without a config is a majority vote; a
// report whose codes split evenly between two regions gets no C202
// finding, and a county with few projects may vote wrongly. Set
// region_code in jixiao.toml.

// BUG(rules): L1101 (classification), V608 (vague words) and V609
// (polarity) judge names by keyword lists; names outside the lists are not
// judged, and an unusual name may be misjudged (they are warnings).

// BUG(rules): X901 compares the overall goal's mined targets with the
// sub-goals' by name; every 满意度 counts as one metric, other synonyms
// (故障排除率, 故障修复率) do not match.

// BUG(rules): Y1001 and Y1005 compare exact text; a description that only
// wraps the name (反映…情况) or a goal that lightly rewords 资金用途 passes.

// BUG(rules): K702 converts only plain money units (元, 千元, 万元, 亿元);
// a unit cost written without "/" (万元每辆) is taken as a total.

// BUG(rules): department totals (部门预算合计) and breakdowns are not
// checked: Report carries no department-level amounts yet.

// BUG(rules): B1303 knows a department by its code and name, so a
// resubmission under a corrected name is not seen as a duplicate.

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/jixiao/jixiao/report"
)

// Config tunes the rules; the zero value is not useful, start from Default.
type Config struct {
	Disabled   map[string]bool     // rule IDs turned off
	Severities map[string]Severity // rule ID → severity overriding the rule's own
	RegionCode string              // the county's 6-digit region code; "" = majority of the project codes
	Year       int                 // budget year; 0 = the report's own
	Bases      []string            // the accepted 指标值确定依据 vocabulary
	Reading    report.Options      // how reports are read: label synonyms added in [labels]
	// BudgetChange is the share, in percent, by which a project's budget
	// may change from last year before jixiao compare reports it.
	BudgetChange float64
}

// Default returns the configuration used when there is no config file.
func Default() Config {
	return Config{Bases: []string{"计划标准", "行业标准", "历史标准", "其他标准"}, BudgetChange: 20}
}

// Rule is one check. Exactly one of Check and Batch is set.
type Rule struct {
	ID       string   // stable, never reused: S101, C202 …
	Title    string   // short Chinese title
	Severity Severity // default severity; Config.Severities overrides it
	Doc      string   // Chinese documentation: 检查什么、为什么、如何修改、示例

	Check func(p *Pass)      // single-report rule
	Batch func(b *BatchPass) // cross-document rule
}

// all is every rule, ordered by area and number; each is declared in the
// file named for it.
var all = []*Rule{
	s101,
	s102,
	s103,
	s104,
	s105,
	s106,
	s107,
	s108,
	s109,
	c201,
	c202,
	c203,
	c204,
	c205,
	c206,
	t301,
	t302,
	t303,
	m401,
	m402,
	m403,
	p501,
	p502,
	p503,
	p504,
	v601,
	v602,
	v603,
	v604,
	v605,
	v606,
	v607,
	v608,
	v609,
	k701,
	k702,
	d801,
	d802,
	x901,
	y1001,
	y1002,
	y1003,
	y1004,
	y1005,
	l1101,
	l1102,
	w1201,
	b1301,
	b1302,
	b1303,
	b1304,
	r1401,
	r1402,
	o1501,
}

// byID finds a rule by its ID.
var byID = sync.OnceValue(func() map[string]*Rule {
	m := make(map[string]*Rule, len(all))
	for _, r := range all {
		m[r.ID] = r
	}
	return m
})

// All returns every rule, ordered by area and number.
func All() []*Rule { return slices.Clone(all) }

// Lookup returns the rule with the given ID (case-insensitive), or nil.
func Lookup(id string) *Rule {
	return byID()[strings.ToUpper(strings.TrimSpace(id))]
}

func (cfg Config) enabled(r *Rule) bool { return !cfg.Disabled[r.ID] }

// Severity is r's severity under cfg.
func (cfg Config) Severity(r *Rule) Severity {
	if s, ok := cfg.Severities[r.ID]; ok && s != "" {
		return s
	}
	return r.Severity
}

// Check runs every enabled single-report rule on rep and returns it with
// the findings, in reading order (part one, then project by project, cell
// by cell).
func Check(rep *report.Report, cfg Config) *Checked {
	c := &Checked{Report: rep, Findings: []Finding{}}
	if rep == nil {
		return c
	}
	// Reports draw a few findings per project: room for them at once
	// rather than growing the slice finding by finding.
	c.Findings = make([]Finding, 0, 4*len(rep.Projects)+8)
	region := cfg.RegionCode
	if region == "" {
		region = majorityRegion(rep)
	}
	year := cfg.Year
	if year == 0 {
		year = rep.Year
	}
	// One Pass for every rule, each run setting its own rule and severity:
	// a Pass per rule was 54 copies of the Config per report.
	p := &Pass{Report: rep, Config: cfg, Region: region, Year: year, findings: &c.Findings}
	for _, r := range all {
		if r.Check == nil || !cfg.enabled(r) {
			continue
		}
		p.rule, p.sev = r, cfg.Severity(r)
		run(r, &c.Findings, func() { r.Check(p) })
	}
	noteUncertain(rep, c.Findings)
	sortFindings(rep, c.Findings)
	return c
}

// sortFindings orders new findings the way a reviewer reads the report:
// part one first, then project by project, cell by cell; findings on one
// cell stay in rule order.
func sortFindings(rep *report.Report, fs []Finding) {
	seq := map[string]int{}
	for i, p := range rep.Projects {
		if _, dup := seq[p.Code]; !dup {
			seq[p.Code] = i + 1
		}
	}
	// Each finding's key once, rather than two in every comparison; the
	// findings move once, in that order.
	keys := make([][5]int, len(fs))
	order := make([]int, len(fs))
	for i := range fs {
		l := &fs[i].Location
		keys[i] = [5]int{0, l.SubGoal, l.Table, l.Row, l.Col}
		if l.Project != "" {
			keys[i][0] = seq[l.Project]
		}
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return slices.Compare(keys[a][:], keys[b][:]) })
	sorted := make([]Finding, len(fs))
	for i, j := range order {
		sorted[i] = fs[j]
	}
	copy(fs, sorted)
}

// run runs one rule; a rule that panics on an input nobody foresaw must
// not take the other rules, or the caller, down with it, so the panic
// becomes an info finding, in fs, asking for a bug report.
func run(r *Rule, fs *[]Finding, check func()) {
	defer func() {
		if e := recover(); e != nil {
			*fs = append(*fs, Finding{
				Rule: r.ID, Severity: Info,
				Message: fmt.Sprintf("规则%s在检查本报告时出现内部错误（%v），本报告未完成该项检查；请把报告文件反馈给开发人员", r.ID, e),
			})
		}
	}()
	check()
}

// Pass is what a single-report rule sees.
type Pass struct {
	Report *report.Report
	Config Config
	Region string // the county's region code: Config.RegionCode or the majority of the report's codes
	Year   int    // the budget year: Config.Year or the report's

	rule     *Rule
	sev      Severity
	findings *[]Finding // the report's, appended to

	// The readings of amounts and percentages so far, for the rules that
	// read the same cells (M401–M403, K702; P502–P504) and the projects
	// that repeat them (25%, 50% …) to read each once per report.
	amounts  map[string]amountReading
	percents map[string]percentReading
	kinds    map[levelLabel]kind // see kindOf
}

// eachIndicator calls f for every indicator of the report, with its
// project and 0-based index there.
func (p *Pass) eachIndicator(f func(pr *report.Project, j int, ind *report.Indicator)) {
	for i := range p.Report.Projects {
		pr := &p.Report.Projects[i]
		for j := range pr.Indicators {
			f(pr, j, &pr.Indicators[j])
		}
	}
}

// Reportf appends a finding at loc.
func (p *Pass) Reportf(loc report.Location, format string, args ...any) {
	*p.findings = append(*p.findings, Finding{
		Rule: p.rule.ID, Severity: p.sev, Message: fmt.Sprintf(format, args...), Location: loc,
	})
}

// projectAt locates field f of project p, at the cell it was read from
// when the reader recorded one.
func projectAt(p *report.Project, f report.Field) report.Location {
	return keyAt(p, report.KeyOf(f))
}

// checkpointAt locates the nth column (from 1) of p's spending plan.
func checkpointAt(p *report.Project, n int) report.Location {
	return keyAt(p, report.CheckpointKey(n))
}

// keyAt locates what key names in project p, at its cell when the reader
// recorded one; the location's Field is the report/v1 name (budget,
// spending_plan).
func keyAt(p *report.Project, key report.Key) report.Location {
	return fieldAt(p.At[key], p.Code, key)
}

// fieldAt is cell, where key was read in the project coded code, as a
// finding on that field of the project locates it.
func fieldAt(cell report.Location, code string, key report.Key) report.Location {
	cell.Project = code
	cell.Indicator, cell.SubGoal = 0, 0
	cell.Field = key.Name()
	return cell
}

// projectPart locates a part of project p that is read at no one cell:
// its title above the tables, its indicators as a whole.
func projectPart(p *report.Project, name string) report.Location {
	return report.Location{Project: p.Code, Field: name}
}

// indicatorAt locates field of indicator i (0-based) of project p, at its
// cell.
func indicatorAt(p *report.Project, i int, field string) report.Location {
	ind := &p.Indicators[i]
	loc := ind.Location
	loc.Project = p.Code
	loc.Indicator = i + 1
	loc.SubGoal = 0
	loc.Field = field
	loc.Col = 0
	if c, ok := ind.Cols[field]; ok {
		loc.Col = c
	}
	return loc
}

// subGoalAt locates a 分项绩效目标.
func subGoalAt(rep *report.Report, g *report.SubGoal, field string) report.Location {
	loc := g.At
	loc.SubGoal = g.No
	loc.Field = field
	return loc
}

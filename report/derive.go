package report

import (
	"strconv"
	"strings"

	"github.com/jixiao/jixiao/normalize"
)

// finish derives what needs the whole report: department-level forms moved
// to the report's own fields, names taken from headings, the department,
// the year, the layout and every target.
func (rd *reader) finish() {
	rd.flushPlan()
	rep := rd.rep
	projects := rep.Projects[:0]
	for _, p := range rep.Projects {
		if n := len(projects); n > 0 && continues(&projects[n-1], &p) {
			// The same title over the next page's table, which names
			// no project: the form goes on.
			prev := &projects[n-1]
			prev.Indicators = append(prev.Indicators, p.Indicators...)
			prev.MidTermIndicators = append(prev.MidTermIndicators, p.MidTermIndicators...)
			prev.Extra = addExtra(prev.Extra, p.Extra)
			continue
		}
		if !p.dept {
			p.Seq = len(projects) + 1
			projects = append(projects, p)
			continue
		}
		rep.DepartmentIndicators = append(rep.DepartmentIndicators, p.Indicators...)
		if rep.OverallGoal == "" {
			rep.OverallGoal = p.Goal
			rep.OverallGoalAt = p.At[KeyOf(FieldGoal)]
		}
		if p.DepartmentName != "" || p.DepartmentCode != "" {
			rep.Department = Department{Code: p.DepartmentCode, Name: p.DepartmentName}
		}
		// The department's budget has no report/v1 field: kept in extra.
		rep.Extra = addExtra(rep.Extra, p.Extra)
		rep.Extra = addExtra(rep.Extra, map[string]string{"预算数": p.Budget.Total, "财政资金": p.Budget.Fiscal, "其他资金": p.Budget.Other})
	}
	rep.Projects = projects
	for i := range rep.Projects {
		p := &rep.Projects[i]
		if p.Name == "" && p.Title != "" {
			// 1、邯财社〔2018〕126号提前下达…绩效目标表: a form named only
			// by its heading.
			p.Name = TitleName(p.Title)
		}
	}
	if rep.Department == (Department{}) {
		rep.Department = majorityDepartment(rep.Projects)
	}
	rep.Year = rd.budgetYear()
	ctx := normalize.Context{Year: rep.Year}
	for i := range rep.Projects {
		rd.targets(rep.Projects[i].Indicators, ctx)
		rd.targets(rep.Projects[i].MidTermIndicators, ctx)
	}
	rd.targets(rep.DepartmentIndicators, ctx)
	rep.OverallTargets = scanTargets(rep.OverallGoal, rep.Year)
	for i := range rep.SubGoals {
		rep.SubGoals[i].Targets = scanTargets(rep.SubGoals[i].Indicators, rep.Year)
	}
	nonNil(rep)
}

// continues tells a project read only from a table under its predecessor's
// title again: no code, no name, no budget, no goal of its own.
func continues(prev, p *Project) bool {
	return p.Title != "" && p.Title == prev.Title && p.dept == prev.dept && p.Code == "" && p.Name == "" &&
		p.Budget == (Budget{}) && p.Goal == "" && len(p.SpendingPlan) == 0
}

// addExtra adds src's non-empty values to m, made when nil.
func addExtra(m, src map[string]string) map[string]string {
	for k, v := range src {
		if v == "" {
			continue
		}
		if m == nil {
			m = map[string]string{}
		}
		m[k] = v
	}
	return m
}

// majorityDepartment is the unit most projects name.
func majorityDepartment(projects []Project) Department {
	counts := map[Department]int{}
	var best Department
	for _, p := range projects {
		if p.DepartmentName == "" {
			continue
		}
		d := Department{Code: p.DepartmentCode, Name: p.DepartmentName}
		counts[d]++
		if counts[d] > counts[best] {
			best = d
		}
	}
	return best
}

// targets reads each indicator's value, split or whole, and its
// medium-term value.
func (rd *reader) targets(inds []Indicator, ctx normalize.Context) {
	for j := range inds {
		ind := &inds[j]
		_, nature := ind.Cols["nature"]
		_, unit := ind.Cols["unit"]
		if nature || unit {
			rd.rep.Layout = LayoutSplit
			ind.Target = valueTarget(valueKey{nature: ind.Nature, value: ind.Value, unit: ind.Unit, split: true, year: ctx.Year})
		} else {
			ind.Target = valueTarget(valueKey{value: ind.Value, year: ctx.Year})
		}
		if ind.MidTerm != nil {
			ind.MidTerm.Target = valueTarget(valueKey{value: ind.MidTerm.Value, year: ctx.Year})
		}
	}
}

// TitleName is the project a form's heading names: the heading without its
// attachment number and its form kind (1、邯财社〔2018〕126号…绩效目标表 →
// 邯财社〔2018〕126号…); "" for a heading of only a year and a form kind
// (2023年项目支出绩效目标申报表).
func TitleName(title string) string {
	// Rule T303 asks this of every project's title: the regexps it was
	// written with are scans of the title's ends (TestTitleName compares).
	name := strings.TrimSpace(cutKindSuffix(cutTitleMarker(title)))
	if yearOnly(name) {
		return ""
	}
	return name
}

// cutTitleMarker is s without the attachment marker at its start (附件2：,
// 附表 3): what ^\s*(?:附件|附表)\s*\d*\s*[:：]?\s* matched.
func cutTitleMarker(s string) string {
	if rest, _, ok := titleMarker(s); ok {
		return rest
	}
	return s
}

// titleMarker reads the attachment marker at the start of s: what follows
// it, whether it ends in a colon (附件：, a reference to a form, as
// ^\s*(?:附件|附表)\s*\d*\s*[:：] matched), and whether s has one.
func titleMarker(s string) (rest string, colon, ok bool) {
	t := strings.TrimLeft(s, regexpSpace)
	rest, ok = cutAnyPrefix(t, "附件", "附表")
	if !ok {
		return s, false, false
	}
	rest = strings.TrimLeft(strings.TrimLeft(strings.TrimLeft(rest, regexpSpace), "0123456789"), regexpSpace)
	rest, colon = cutColon(rest)
	return strings.TrimLeft(rest, regexpSpace), colon, true
}

// The kind words ending a title, dropped when a project is named only by
// its heading, from the end back: 表, an act, the kind, 绩效 and a scope,
// as (?:项目支出|专项资金|部门整体支出|区域)?绩效(?:目标|自评|评价指标)(?:申报|审批|批复|设定|申请)?表?$
// matched them. No word of a part ends another, so at most one of them
// ends a text, and the match is found from the end.
var (
	kindActs   = []string{"申报", "审批", "批复", "设定", "申请"}
	kindKinds  = []string{"目标", "自评", "评价指标"}
	kindScopes = []string{"项目支出", "专项资金", "部门整体支出", "区域"}
)

// cutKindSuffix is s without the kind words at its end
// (项目支出绩效目标申报表).
func cutKindSuffix(s string) string {
	t := trimOneSuffix(strings.TrimSuffix(s, "表"), kindActs)
	u := trimOneSuffix(t, kindKinds)
	if len(u) == len(t) {
		return s
	}
	u, ok := strings.CutSuffix(u, "绩效")
	if !ok {
		return s
	}
	return trimOneSuffix(u, kindScopes)
}

// yearOnly tells a name that is only a year (2023年度), or nothing: what
// ^(?:\s*20\d{2}\s*年度?\s*)?$ matches.
func yearOnly(s string) bool {
	if s == "" {
		return true
	}
	t := strings.TrimLeft(s, regexpSpace)
	if !isYear(t) {
		return false
	}
	t = strings.TrimLeft(t[4:], regexpSpace)
	if !strings.HasPrefix(t, "年") {
		return false
	}
	t = strings.TrimPrefix(t[len("年"):], "度")
	return strings.TrimLeft(t, regexpSpace) == ""
}

// yearIn is the first year written in s as 2023年 or 【2023】, 0 when none:
// what (20\d{2})\s*年|【(20\d{2})】 found first.
func yearIn(s string) int {
	for i := 0; i < len(s); i++ {
		var digits string
		switch {
		case s[i] == '2' && isYear(s[i:]) && strings.HasPrefix(strings.TrimLeft(s[i+4:], regexpSpace), "年"):
			digits = s[i : i+4]
		case strings.HasPrefix(s[i:], "【") && isYear(s[i+len("【"):]) && strings.HasPrefix(s[i+len("【")+4:], "】"):
			digits = s[i+len("【") : i+len("【")+4]
		default:
			continue
		}
		y, _ := strconv.Atoi(digits)
		return y
	}
	return 0
}

// isYear tells a text that starts with 20 and two more digits.
func isYear(s string) bool {
	return len(s) >= 4 && s[0] == '2' && s[1] == '0' && isDigit(s[2]) && isDigit(s[3])
}

// budgetYear takes the year from the project codes' year digits (the
// majority), else from a title or year line (（2023年度）), else from a
// 20xx年 in the project titles.
func (rd *reader) budgetYear() int {
	rep := rd.rep
	votes := map[int]int{}
	for _, p := range rep.Projects {
		if len(p.Code) >= 8 {
			if yy, err := strconv.Atoi(p.Code[6:8]); err == nil {
				votes[2000+yy]++
			}
		}
	}
	best := 0
	for y, n := range votes {
		if n > votes[best] || n == votes[best] && y > best {
			best = y
		}
	}
	if best != 0 {
		return best
	}
	if rd.titleYear != 0 {
		return rd.titleYear
	}
	for _, p := range rep.Projects {
		if y := yearIn(p.Title); y > 0 {
			return y
		}
	}
	return 0
}

// nonNil gives every list an empty value, so JSON shows [] rather than null.
func nonNil(rep *Report) {
	if rep.OverallTargets == nil {
		rep.OverallTargets = []normalize.Found{}
	}
	if rep.SubGoals == nil {
		rep.SubGoals = []SubGoal{}
	}
	for i := range rep.SubGoals {
		if rep.SubGoals[i].Targets == nil {
			rep.SubGoals[i].Targets = []normalize.Found{}
		}
	}
	if rep.Measures == nil {
		rep.Measures = []Measure{}
	}
	if rep.Projects == nil {
		rep.Projects = []Project{}
	}
	for i := range rep.Projects {
		p := &rep.Projects[i]
		if p.SpendingPlan == nil {
			p.SpendingPlan = []Checkpoint{}
		}
		if p.Indicators == nil {
			p.Indicators = []Indicator{}
		}
	}
	if rep.DepartmentIndicators == nil {
		rep.DepartmentIndicators = []Indicator{}
	}
}

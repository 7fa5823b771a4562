package report

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/normalize"
)

// ErrNotReport says a document has none of the parts of a performance-target
// report.
var ErrNotReport = errors.New("not a performance-target report (no 绩效目标 section and no project table)")

// ErrTableNotFound says a project's table labels (项目编码, 一级指标) stand in
// running text rather than in a table: the tables could not be rebuilt (a
// PDF table drawn without rules), and reading on would report every field
// of the project as missing.
var ErrTableNotFound = errors.New("a project's table was not found: its labels are in running text")

// Read reads the report out of doc. It fails only when doc is no report at
// all; a report with missing parts reads as far as it goes, and the rules
// say what is missing.
func Read(doc *extract.Document) (*Report, error) {
	rd := &reader{
		rep: &Report{
			Schema: Schema,
			Source: Source{Path: doc.Path, SHA256: doc.SHA256, Format: string(doc.Format), Pages: doc.Pages},
			Layout: "hebei",
		},
		section: sectionNone,
	}
	rd.blocks(doc.Blocks)
	rd.finish()
	rep := rd.rep
	if rd.labelsInText {
		for _, p := range rep.Projects {
			if len(p.At) == 0 && len(p.Indicators) == 0 {
				return nil, fmt.Errorf("report: %s: %w (project %d %q)", doc.Path, ErrTableNotFound, p.Seq, p.Title)
			}
		}
	}
	if len(rep.Projects) == 0 && rep.OverallGoal == "" && len(rep.SubGoals) == 0 {
		return nil, fmt.Errorf("report: %s: %w", doc.Path, ErrNotReport)
	}
	return rep, nil
}

// blocks reads paragraphs and tables in order. A table used as a frame (one
// cell holding tables) is read as its content; tables nested in the cells
// of a real table are read after it.
func (rd *reader) blocks(bs []extract.Block) {
	for _, b := range bs {
		switch {
		case b.Para != nil:
			rd.paragraph(b.Para)
		case b.Table != nil && isFrame(b.Table):
			rd.blocks(b.Table.Cells[0].Blocks)
		case b.Table != nil:
			rd.table(b.Table)
			for _, c := range b.Table.Cells {
				for _, nt := range c.Tables() {
					rd.blocks([]extract.Block{{Table: nt}})
				}
			}
		}
	}
}

func isFrame(t *extract.Table) bool {
	return len(t.Cells) == 1 && len(t.Cells[0].Tables()) > 0
}

type section int

const (
	sectionNone section = iota
	sectionOverall
	sectionSubGoals
	sectionMeasures
	sectionProjects
)

type reader struct {
	rep     *Report
	section section
	// the field of part one that a continuation paragraph extends
	cont *string

	project *projectState
	// labelsInText is set when a paragraph of part two holds table labels
	// (项目编码, 一级指标 … 二级指标): a table that was not rebuilt.
	labelsInText bool
}

// projectState is what the reader keeps while reading one project's tables.
type projectState struct {
	p       *Project
	columns map[string]int // indicator field → grid column, once a header row is seen
	headers map[int]string // grid column → header text, for extra columns
	cols    int            // width of the table the columns belong to
	periods []extract.Cell // 资金支出计划 periods waiting for their values row
	plan    *extract.Cell  // the 资金支出计划 label cell
	midCols map[int]bool   // grid columns of medium-term (中期) amounts and goals
}

func (rd *reader) paragraph(p *extract.Paragraph) {
	text := p.Text
	if p.List != nil {
		text = p.List.Label + text
	}
	t := normalize.Fold(text)
	if t == "" {
		return
	}
	if m := projectHeading.FindStringSubmatch(t); m != nil {
		rd.startProject(m[1])
		return
	}
	if rd.section == sectionProjects || rd.project != nil {
		if strings.Contains(t, "项目编码") || strings.Contains(t, "一级指标") && strings.Contains(t, "二级指标") {
			rd.labelsInText = true
		}
		if code, name, unit, ok := headerLine(t); ok && rd.project != nil {
			rd.setHeader(code, name, unit)
		}
		return
	}
	switch {
	case overallHeading.MatchString(t):
		rd.section, rd.cont = sectionOverall, nil
		rd.rep.OverallGoalAt = locationOf(p.Pos)
		return
	case subGoalsHeading.MatchString(t):
		rd.section, rd.cont = sectionSubGoals, nil
		return
	case measuresHeading.MatchString(t):
		rd.section, rd.cont = sectionMeasures, nil
		return
	case partHeading.MatchString(t):
		rd.section, rd.cont = sectionNone, nil
		return
	}
	switch rd.section {
	case sectionOverall:
		rd.rep.OverallGoal = joinText(rd.rep.OverallGoal, t)
	case sectionSubGoals:
		rd.subGoal(t, p.Pos)
	case sectionMeasures:
		if m := measureItem.FindStringSubmatch(t); m != nil {
			rd.rep.Measures = append(rd.rep.Measures, Measure{No: m[1], Text: m[2]})
			rd.cont = &rd.rep.Measures[len(rd.rep.Measures)-1].Text
		} else if rd.cont != nil {
			*rd.cont = joinText(*rd.cont, t)
		}
	}
}

func (rd *reader) subGoal(t string, pos extract.Pos) {
	goals := rd.rep.SubGoals
	if m := numberedItem.FindStringSubmatch(t); m != nil {
		no, _ := strconv.Atoi(m[1])
		rd.rep.SubGoals = append(goals, SubGoal{No: no, Title: m[2], At: locationOf(pos)})
		rd.cont = &rd.rep.SubGoals[len(rd.rep.SubGoals)-1].Title
		return
	}
	if len(goals) == 0 {
		return
	}
	g := &rd.rep.SubGoals[len(goals)-1]
	if m := goalField.FindStringSubmatch(t); m != nil {
		g.Goal, rd.cont = m[1], &g.Goal
	} else if m := indicatorField.FindStringSubmatch(t); m != nil {
		g.Indicators, rd.cont = m[1], &g.Indicators
	} else if rd.cont != nil {
		*rd.cont = joinText(*rd.cont, t)
	}
}

// joinText appends a continuation line. Chinese text joins with nothing in
// between, as a wrapped line does.
func joinText(a, b string) string {
	if a == "" {
		return b
	}
	return a + b
}

func (rd *reader) startProject(title string) {
	rd.section = sectionProjects
	rd.flushPlan()
	rd.rep.Projects = append(rd.rep.Projects, Project{Seq: len(rd.rep.Projects) + 1, Title: title, At: map[string]Location{}})
	// Only the last project is ever written to, so a pointer into the
	// slice stays valid until the next append replaces the state.
	rd.project = &projectState{p: &rd.rep.Projects[len(rd.rep.Projects)-1], midCols: map[int]bool{}}
}

// flushPlan keeps 资金支出计划 periods whose values row never came.
func (rd *reader) flushPlan() {
	if rd.project != nil && rd.project.periods != nil {
		rd.planValues(nil, 0)
	}
}

// headerLine reads the line above a project's tables: the unit code and
// name, and the amount unit.
func headerLine(t string) (code, name, unit string, ok bool) {
	if m := amountUnit.FindStringSubmatchIndex(t); m != nil {
		unit = t[m[2]:m[3]]
		t = t[:m[0]] + " " + t[m[1]:]
		ok = true
	}
	t = strings.TrimSpace(t)
	if m := unitLine.FindStringSubmatch(t); m != nil {
		code, name, ok = m[1], normalize.Fold(m[2]), true
	}
	return code, name, unit, ok
}

func (rd *reader) setHeader(code, name, unit string) {
	p := rd.project.p
	if code != "" && p.DepartmentCode == "" {
		p.DepartmentCode, p.DepartmentName = code, name
	}
	if unit != "" && p.AmountUnit == "" {
		p.AmountUnit = unit
	}
}

func (rd *reader) table(t *extract.Table) {
	hasCode := tableHasLabel(t, "code")
	if rd.project == nil && rd.section != sectionProjects && !hasCode {
		// A table before any project heading is only read as the info
		// table of a report whose projects have no headings.
		return
	}
	if t.Rows == 1 && rd.project != nil {
		var parts []string
		for _, c := range t.RowCells(1) {
			parts = append(parts, normalize.Fold(c.Text))
		}
		if code, name, unit, ok := headerLine(strings.Join(parts, "  ")); ok && !hasCode {
			rd.setHeader(code, name, unit)
			return
		}
	}
	if rd.project == nil || (rd.project.p.Code != "" && hasCode) {
		rd.startProject("")
	}
	ps := rd.project
	if ps.columns != nil && ps.cols != t.Cols {
		// An indicator table continues only in a table of its width.
		ps.columns = nil
	}
	for r := 1; r <= t.Rows; r++ {
		cells := t.RowCells(r)
		texts := make([]string, len(cells))
		for i, c := range cells {
			texts[i] = c.Text
		}
		if isIndicatorHeader(texts) {
			ps.columns, ps.headers, ps.cols = map[string]int{}, map[int]string{}, t.Cols
			for c := 1; c <= t.Cols; c++ {
				cell := t.At(r, c)
				if cell == nil || cell.Col != c {
					continue
				}
				if f := columnLabel(cell.Text); f != "" {
					if _, dup := ps.columns[f]; !dup {
						ps.columns[f] = c
					}
				} else if h := normalize.Fold(cell.Text); h != "" {
					ps.headers[c] = h
				}
			}
			continue
		}
		if ps.columns != nil {
			rd.indicatorRow(t, r)
		} else {
			rd.infoRow(t, r)
		}
	}
}

func tableHasLabel(t *extract.Table, key string) bool {
	for _, c := range t.Cells {
		if infoLabel(c.Text) == key {
			return true
		}
	}
	return false
}

func locationOf(p extract.Pos) Location {
	return Location{Page: p.Page, Table: p.Table, Row: p.Row, Col: p.Col}
}

// infoRow reads one row of the info part of a project table.
func (rd *reader) infoRow(t *extract.Table, r int) {
	ps := rd.project
	var own []*extract.Cell
	var block *extract.Cell // a label cell reaching down from a row above
	for _, c := range t.RowCells(r) {
		if c.Row == r {
			own = append(own, c)
		} else if block == nil && infoLabel(c.Text) != "" {
			block = c
		}
	}
	if ps.periods != nil {
		if block != nil && block == ps.plan || len(own) > 0 && ps.plan != nil && ps.plan.Row+ps.plan.RowSpan <= r && infoLabel(own[0].Text) == "" {
			rd.planValues(t, r)
			return
		}
		rd.planValues(nil, r)
	}
	if block != nil && len(own) == 1 && infoLabel(own[0].Text) == "" && strings.Contains(canon(block.Text), "资金用途") {
		rd.setInfo("purpose", block, own[0])
		return
	}
	for i := 0; i < len(own); i++ {
		key := infoLabel(own[i].Text)
		switch key {
		case "":
			// A label and its value in one cell: 项目编码：13073025P…
			if label, value, ok := cutLabel(own[i].Text); ok {
				rd.setInfoText(label, own[i], value)
			}
			// The medium-term column of the Ministry's template
			// (中期资金总额, 中期目标) stands beside the annual one:
			// its column's amounts are not the year's budget.
			if strings.HasPrefix(canon(own[i].Text), "中期") {
				ps.midCols[own[i].Col] = true
			}
			continue
		case "budget_block":
			if strings.Contains(canon(own[i].Text), "资金用途") && own[i].RowSpan == 1 && i+1 < len(own) && infoLabel(own[i+1].Text) == "" {
				rd.setInfo("purpose", own[i], own[i+1])
				i++
			}
			continue
		case "plan":
			ps.plan = own[i]
			ps.periods = nil
			rest := own[i+1:]
			if pairs := periodPairs(rest); pairs != nil {
				for _, pr := range pairs {
					rd.addCheckpoint(pr[0], pr[1])
				}
				ps.plan = nil
				return
			}
			for _, c := range rest {
				ps.periods = append(ps.periods, *c)
			}
			return
		}
		hasValue := i+1 < len(own) && infoLabel(own[i+1].Text) == ""
		if ps.midCols[own[i].Col] {
			if hasValue {
				i++
			}
			continue
		}
		switch {
		case hasValue:
			rd.setInfo(key, own[i], own[i+1])
			i++
		case below(t, own[i]) != nil:
			// A column header over its value: 年度目标 above the goal.
			rd.setInfo(key, own[i], below(t, own[i]))
		default:
			rd.setInfo(key, own[i], nil)
		}
	}
}

// below returns the cell under label when it starts right below it and is
// no label itself.
func below(t *extract.Table, label *extract.Cell) *extract.Cell {
	r := label.Row + label.RowSpan
	c := t.At(r, label.Col)
	if c == nil || c.Row != r || c.Col != label.Col || infoLabel(c.Text) != "" {
		return nil
	}
	return c
}

// periodPairs reads a one-row plan written as period, value, period, value.
func periodPairs(cells []*extract.Cell) [][2]*extract.Cell {
	if len(cells) < 2 || len(cells)%2 != 0 {
		return nil
	}
	var out [][2]*extract.Cell
	for i := 0; i < len(cells); i += 2 {
		if !periodLike.MatchString(canon(cells[i].Text)) || periodLike.MatchString(canon(cells[i+1].Text)) {
			return nil
		}
		out = append(out, [2]*extract.Cell{cells[i], cells[i+1]})
	}
	return out
}

// planValues reads the values row under the periods of 资金支出计划: each
// value is the cell under its period's column, blank kept blank. With t nil
// the periods get no values (the table ended).
func (rd *reader) planValues(t *extract.Table, r int) {
	ps := rd.project
	for i := range ps.periods {
		per := &ps.periods[i]
		var v *extract.Cell
		if t != nil {
			v = t.At(r, per.Col)
		}
		rd.addCheckpoint(per, v)
	}
	ps.periods, ps.plan = nil, nil
}

func (rd *reader) addCheckpoint(period, value *extract.Cell) {
	p := rd.project.p
	cp := Checkpoint{Period: normalize.Fold(period.Text)}
	at := locationOf(period.Pos)
	if value != nil {
		cp.Value = normalize.Fold(value.Text)
		at = locationOf(value.Pos)
	}
	p.SpendingPlan = append(p.SpendingPlan, cp)
	p.At["spending_plan."+strconv.Itoa(len(p.SpendingPlan))] = at
}

// cutLabel splits a cell holding both a known label and its value.
func cutLabel(text string) (key, value string, ok bool) {
	i := strings.IndexAny(text, "：:")
	if i < 0 {
		return "", "", false
	}
	key = infoLabel(text[:i])
	if key == "" || key == "budget_block" || key == "plan" {
		return "", "", false
	}
	_, size := utf8.DecodeRuneInString(text[i:])
	return key, text[i+size:], true
}

// setInfo stores an info field from its value cell c (nil when the label
// has no value cell beside it).
func (rd *reader) setInfo(key string, label, c *extract.Cell) {
	if c == nil {
		rd.setInfoText(key, label, "")
		return
	}
	if rd.setInfoText(key, label, c.Text) {
		rd.project.p.At[atKey(key)] = locationOf(c.Pos)
	}
}

func atKey(key string) string {
	switch key {
	case "total", "fiscal", "other":
		return "budget." + key
	}
	return key
}

// setInfoText stores an info field read from the cell label (or beside
// it) and reports whether it did: the first reading of a field wins.
func (rd *reader) setInfoText(key string, label *extract.Cell, value string) bool {
	p := rd.project.p
	text, at := normalize.Fold(value), locationOf(label.Pos)
	var dst *string
	switch key {
	case "code":
		dst = &p.Code
	case "name":
		dst = &p.Name
	case "total":
		dst = &p.Budget.Total
	case "fiscal":
		dst = &p.Budget.Fiscal
	case "other":
		dst = &p.Budget.Other
	case "purpose":
		dst = &p.Purpose
	case "department":
		// [201]某某县民政局, 201003 某某县民政局: a unit named in the
		// table stands in for a missing header line.
		if m := unitInTable.FindStringSubmatch(text); m != nil && p.DepartmentCode == "" {
			p.DepartmentCode, p.DepartmentName = m[1], m[2]
			p.At["department"] = at
			return true
		}
		return false
	case "goal":
		dst = &p.Goal
		if p.GoalLabel == "" {
			p.GoalLabel = canon(label.Text)
		}
	default:
		return false
	}
	if _, seen := p.At[atKey(key)]; seen && *dst != "" {
		return false
	}
	*dst = text
	p.At[atKey(key)] = at
	return true
}

// indicatorRow reads one row of an indicator table.
func (rd *reader) indicatorRow(t *extract.Table, r int) {
	ps := rd.project
	p := ps.p
	used := map[*extract.Cell]bool{}
	get := func(field string) (string, *extract.Cell) {
		col, ok := ps.columns[field]
		if !ok {
			return "", nil
		}
		c := t.At(r, col)
		if c == nil || used[c] && c.RowSpan == 1 {
			return "", c
		}
		used[c] = true
		return normalize.Fold(c.Text), c
	}
	ind := Indicator{Cols: map[string]int{}}
	fields := []struct {
		name string
		dst  *string
	}{
		{"level1", &ind.Level1}, {"level2", &ind.Level2}, {"level3", &ind.Level3},
		{"description", &ind.Description}, {"nature", &ind.Nature}, {"value", &ind.Value},
		{"unit", &ind.Unit}, {"basis", &ind.Basis}, {"weight", &ind.Weight},
	}
	var first *extract.Cell
	empty := true
	for _, f := range fields {
		text, c := get(f.name)
		*f.dst = text
		if c != nil {
			ind.Cols[f.name] = ps.columns[f.name]
			if first == nil {
				first = c
			}
		}
		if text != "" && f.name != "level1" && f.name != "level2" {
			empty = false
		}
	}
	cols := make([]int, 0, len(ps.headers))
	for c := range ps.headers {
		cols = append(cols, c)
	}
	sort.Ints(cols)
	for _, c := range cols {
		cell := t.At(r, c)
		if cell == nil || used[cell] {
			continue
		}
		if text := normalize.Fold(cell.Text); text != "" {
			if ind.Extra == nil {
				ind.Extra = map[string]string{}
			}
			ind.Extra[ps.headers[c]] = text
		}
	}
	if empty || isTotalRow(ind.Level1) {
		return
	}
	if n := len(p.Indicators); n > 0 {
		prev := p.Indicators[n-1]
		if ind.Level1 == "" {
			ind.Level1 = prev.Level1
		}
		if ind.Level2 == "" && ind.Level1 == prev.Level1 {
			ind.Level2 = prev.Level2
		}
	}
	ind.Location = Location{Table: t.Pos.Table, Row: r}
	if first != nil {
		ind.Location.Page = first.Pos.Page
	}
	// A row's page is that of its level-3 cell where it has one: merged
	// level-1 cells may start on an earlier page.
	if col, ok := ps.columns["level3"]; ok {
		if c := t.At(r, col); c != nil && c.Pos.Page > 0 {
			ind.Location.Page = c.Pos.Page
		}
	}
	p.Indicators = append(p.Indicators, ind)
}

var unitInTable = regexp.MustCompile(`^[\[［【(（]?(\d{3,6})[\]］】)）]?\s*[-－—:：]?\s*(\S.*)$`)

var totalRow = regexp.MustCompile(`^(?:合计|总计|小计)$`)

func isTotalRow(level1 string) bool { return totalRow.MatchString(canon(level1)) }

// finish derives what needs the whole report: the department, the year,
// the layout and every target.
func (rd *reader) finish() {
	rd.flushPlan()
	rep := rd.rep
	codes := map[string]int{}
	var best string
	for _, p := range rep.Projects {
		if p.DepartmentCode == "" {
			continue
		}
		k := p.DepartmentCode + "\x00" + p.DepartmentName
		codes[k]++
		if codes[k] > codes[best] {
			best = k
		}
	}
	if best != "" {
		code, name, _ := strings.Cut(best, "\x00")
		rep.Department = Department{Code: code, Name: name}
	}
	rep.Year = budgetYear(rep)
	ctx := normalize.Context{Year: rep.Year}
	for i := range rep.Projects {
		p := &rep.Projects[i]
		for j := range p.Indicators {
			ind := &p.Indicators[j]
			if _, split := ind.Cols["nature"]; split {
				rep.Layout = "split"
			}
			if _, split := ind.Cols["unit"]; split {
				rep.Layout = "split"
			}
			if rep.Layout == "split" {
				ind.Target = normalize.Split(ind.Nature, ind.Value, ind.Unit, ctx)
			} else {
				ind.Target = normalize.Value(ind.Value, ctx)
			}
			// A zero needs no unit to be exact: 安全事故发生率 "0" is 0 %.
			if t := &ind.Target; t.Kind == normalize.Numeric && t.Unit == "" && t.Value.IsZero() && strings.HasSuffix(ind.Level3, "率") {
				t.Unit = "%"
			}
		}
	}
	rep.OverallTargets = normalize.Scan(rep.OverallGoal, ctx)
	for i := range rep.SubGoals {
		rep.SubGoals[i].Targets = normalize.Scan(rep.SubGoals[i].Indicators, ctx)
	}
	nonNil(rep)
}

var yearInText = regexp.MustCompile(`(20\d{2})\s*年|【(20\d{2})】`)

// budgetYear takes the year from the project codes' year digits (the
// majority), else from a 20xx年 in the project titles.
func budgetYear(rep *Report) int {
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
	for _, p := range rep.Projects {
		if m := yearInText.FindStringSubmatch(p.Title); m != nil {
			y, _ := strconv.Atoi(m[1] + m[2])
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
	if rep.Findings == nil {
		rep.Findings = []Finding{}
	}
}

package corpus

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/jixiao/jixiao/normalize"
)

// CompareOptions selects what Compare sets side by side.
type CompareOptions struct {
	Department   string  // department code, or part of its name; "" for every department
	From, To     int     // budget years: last year and this year
	BudgetChange float64 // a budget change beyond this share, in percent, is reported
}

// ProjectLink is a project of one year and its counterpart of the other:
// the same 项目编码, else the same code but for its year digits (positions
// 7–8 of a 21-character code, 25 in 13073025P…), else the same name in
// the same department.
type ProjectLink struct {
	DepartmentCode, DepartmentName string
	From, To                       *YearProject // nil: no counterpart that year
	By                             string       // how they were linked: 项目编码, 编码（年度除外）, 项目名称; "" when one is nil
}

// YearProject is a project as one year's report holds it.
type YearProject struct {
	ID         int64
	Code       string
	Name       string
	File       string // the report's file name
	Unit       string // amount unit as written
	Budget     string // 预算数 as written
	BudgetFen  *int64 // 预算数 in 分; nil when not read
	indicators []yearIndicator
}

type yearIndicator struct {
	seq                   int
	level1, level3, value string
	kind, op, baseUnit    string
	baseNum               *float64
	page, tbl, row        int
	place                 string // page, tbl and row as positionSQL writes them
}

// Change is a year-over-year finding: a target lowered, an indicator
// dropped, a budget changed beyond the share allowed. It points at this
// year's cell (Page, Table, Row of the indicator row; for a dropped
// indicator, last year's row, since this year has none).
type Change struct {
	Kind           string // target_lowered, indicator_dropped, budget_changed
	Name           string // 目标值降低, 指标删减, 预算变化
	DepartmentCode string
	ProjectCode    string
	ProjectName    string
	Indicator      int    // 1-based in the project, 0 for a budget
	Level3         string // 三级指标
	Field          string // value, indicators, budget
	Year           int    // the year the place is in
	File           string
	Page, Table    int
	Row            int
	Place          string // Page, Table and Row for people: 第3页 表2 第4行
	Last, This     string // as written
	Message        string // Chinese
}

// Comparison is what Compare found.
type Comparison struct {
	Options CompareOptions
	Links   []ProjectLink
	Changes []Change
}

// Compare sets the projects of the reports that count for From and To
// side by side and reports the targets lowered, the indicators dropped and
// the budgets changed by more than BudgetChange percent. A target is
// lowered when, in the same unit (compared on the base: 万人次 and 人次
// alike), a floor (≥, >) went down or a ceiling (≤, <) went up; indicators
// pair by 三级指标 within a linked project.
func (s *Store) Compare(ctx context.Context, o CompareOptions) (*Comparison, error) {
	if o.From == 0 || o.To == 0 || o.From == o.To {
		return nil, fmt.Errorf("corpus: compare: two different years needed, not %d and %d", o.From, o.To)
	}
	last, err := s.yearProjects(ctx, o.Department, o.From)
	if err != nil {
		return nil, err
	}
	this, err := s.yearProjects(ctx, o.Department, o.To)
	if err != nil {
		return nil, err
	}
	c := &Comparison{Options: o}
	for _, dept := range mergeKeys(last, this) {
		for _, l := range link(last[dept], this[dept]) {
			l.DepartmentCode, l.DepartmentName = dept.code, dept.name
			c.Links = append(c.Links, l)
			c.Changes = append(c.Changes, compareProjects(o, &l)...)
		}
	}
	return c, nil
}

type deptKey struct{ code, name string }

func mergeKeys(a, b map[deptKey][]*YearProject) []deptKey {
	var keys []deptKey
	seen := map[deptKey]bool{}
	for _, m := range []map[deptKey][]*YearProject{a, b} {
		for k := range m {
			if !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	sortKeys(keys)
	return keys
}

func sortKeys(keys []deptKey) {
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].code != keys[j].code {
			return keys[i].code < keys[j].code
		}
		return keys[i].name < keys[j].name
	})
}

// yearProjects loads the projects of the counted reports of year, by
// department code (name where the code is missing).
func (s *Store) yearProjects(ctx context.Context, department string, year int) (map[deptKey][]*YearProject, error) {
	w := &where{}
	w.add("r.counted = 1")
	w.add("r.year = ?", year)
	if department != "" {
		if isCode(department) {
			w.add("r.department_code = ?", department)
		} else {
			w.add(`r.department_name LIKE ? ESCAPE '\'`, likeArg(department))
		}
	}
	rows, err := s.db.QueryContext(ctx, `SELECT r.department_code, CASE WHEN r.department_code = '' THEN r.department_name ELSE '' END,
		p.id, p.code, p.name, d.path, p.amount_unit, p.budget_total, p.budget_total_fen,
		coalesce(i.seq, 0), coalesce(i.level1, ''), coalesce(i.level3, ''), coalesce(i.value, ''),
		coalesce(i.kind, ''), coalesce(i.op, ''), coalesce(i.base_unit, ''), i.base_num,
		coalesce(i.page, 0), coalesce(i.tbl, 0), coalesce(i.row, 0), `+positionSQL("i.page", "i.tbl", "i.row", "0")+`
		FROM reports r
		JOIN documents d ON d.id = r.document_id
		JOIN projects p ON p.document_id = r.document_id
		LEFT JOIN indicators i ON i.project_id = p.id AND i.scope = 'project'`+w.String()+`
		ORDER BY r.department_code, p.document_id, p.seq, i.seq`, w.args...)
	if err != nil {
		return nil, fmt.Errorf("corpus: compare: %w", err)
	}
	defer rows.Close()
	out := map[deptKey][]*YearProject{}
	var cur *YearProject
	for rows.Next() {
		var k deptKey
		var p YearProject
		var in yearIndicator
		if err := rows.Scan(&k.code, &k.name, &p.ID, &p.Code, &p.Name, &p.File, &p.Unit, &p.Budget, &p.BudgetFen,
			&in.seq, &in.level1, &in.level3, &in.value, &in.kind, &in.op, &in.baseUnit, &in.baseNum,
			&in.page, &in.tbl, &in.row, &in.place); err != nil {
			return nil, fmt.Errorf("corpus: compare: %w", err)
		}
		if cur == nil || cur.ID != p.ID {
			p.File = BaseName(p.File)
			cur = &p
			out[k] = append(out[k], cur)
		}
		if in.seq > 0 {
			cur.indicators = append(cur.indicators, in)
		}
	}
	return out, rows.Err()
}

// link pairs last year's projects with this year's.
func link(last, this []*YearProject) []ProjectLink {
	var links []ProjectLink
	used := map[*YearProject]bool{}
	pair := func(key func(*YearProject) string, by string) {
		index := map[string]*YearProject{}
		for _, p := range last {
			if k := key(p); k != "" && !used[p] {
				if _, dup := index[k]; !dup {
					index[k] = p
				}
			}
		}
		for _, q := range this {
			if used[q] {
				continue
			}
			if p, ok := index[key(q)]; ok && key(q) != "" && !used[p] {
				used[p], used[q] = true, true
				links = append(links, ProjectLink{From: p, To: q, By: by})
			}
		}
	}
	pair(func(p *YearProject) string { return p.Code }, "项目编码")
	pair(func(p *YearProject) string { return codeWithoutYear(p.Code) }, "编码（年度除外）")
	pair(func(p *YearProject) string { return normalize.DropSpace(p.Name) }, "项目名称")
	// Order: this year's projects as reported, then last year's not carried on.
	var ordered []ProjectLink
	byTo := map[*YearProject]ProjectLink{}
	for _, l := range links {
		byTo[l.To] = l
	}
	for _, q := range this {
		if l, ok := byTo[q]; ok {
			ordered = append(ordered, l)
		} else {
			ordered = append(ordered, ProjectLink{To: q})
		}
	}
	for _, p := range last {
		if !used[p] {
			ordered = append(ordered, ProjectLink{From: p})
		}
	}
	return ordered
}

// codeWithoutYear is a 21-character 项目编码 with its two year digits
// blanked, "" for other codes.
func codeWithoutYear(code string) string {
	if len(code) != 21 || code[8] != 'P' {
		return ""
	}
	return code[:6] + "__" + code[8:]
}

// compareProjects reports the changes between a linked pair.
func compareProjects(o CompareOptions, l *ProjectLink) []Change {
	if l.From == nil || l.To == nil {
		return nil
	}
	p, q := l.From, l.To
	base := Change{DepartmentCode: l.DepartmentCode, ProjectCode: q.Code, ProjectName: q.Name, Year: o.To, File: q.File}
	var out []Change
	if p.BudgetFen != nil && q.BudgetFen != nil && *p.BudgetFen > 0 {
		share := float64(*q.BudgetFen-*p.BudgetFen) / float64(*p.BudgetFen) * 100
		if math.Abs(share) > o.BudgetChange {
			c := base
			c.Kind, c.Name, c.Field = "budget_changed", "预算变化", "budget"
			c.Last, c.This = p.Budget+p.Unit, q.Budget+q.Unit
			c.Message = fmt.Sprintf("预算数由上年的 %s%s 变为 %s%s，变化 %+.1f%%，超过 %g%%，请说明原因",
				p.Budget, p.Unit, q.Budget, q.Unit, share, o.BudgetChange)
			out = append(out, c)
		}
	}
	now := map[string]yearIndicator{}
	for _, in := range q.indicators {
		if k := normalize.DropSpace(in.level3); k != "" {
			if _, dup := now[k]; !dup {
				now[k] = in
			}
		}
	}
	for _, was := range p.indicators {
		k := normalize.DropSpace(was.level3)
		if k == "" {
			continue
		}
		in, ok := now[k]
		if !ok {
			c := base
			c.Kind, c.Name, c.Field = "indicator_dropped", "指标删减", "indicators"
			c.Indicator, c.Level3, c.Last = was.seq, was.level3, was.value
			c.Year, c.File, c.Page, c.Table, c.Row, c.Place = o.From, p.File, was.page, was.tbl, was.row, was.place
			c.Message = fmt.Sprintf("上年的指标“%s”（%s）本年没有了，请说明取消的原因", was.level3, was.value)
			out = append(out, c)
			continue
		}
		if lowered(was, in) {
			c := base
			c.Kind, c.Name, c.Field = "target_lowered", "目标值降低", "value"
			c.Indicator, c.Level3, c.Last, c.This = in.seq, in.level3, was.value, in.value
			c.Page, c.Table, c.Row, c.Place = in.page, in.tbl, in.row, in.place
			c.Message = fmt.Sprintf("指标“%s”的目标值由上年的 %s 降为 %s，请说明降低的原因", in.level3, was.value, in.value)
			out = append(out, c)
		}
	}
	return out
}

// lowered reports whether this year's target asks less than last year's:
// both numeric in the same base unit with the same kind of bound.
func lowered(was, in yearIndicator) bool {
	if was.kind != "numeric" || in.kind != "numeric" || was.baseNum == nil || in.baseNum == nil ||
		was.baseUnit != in.baseUnit {
		return false
	}
	floor := func(op string) bool { return op == ">=" || op == ">" }
	ceiling := func(op string) bool { return op == "<=" || op == "<" }
	switch {
	case floor(was.op) && floor(in.op):
		return *in.baseNum < *was.baseNum
	case ceiling(was.op) && ceiling(in.op):
		return *in.baseNum > *was.baseNum
	}
	return false
}

// Table lists the changes as a table to print or export.
func (c *Comparison) Table() *Table {
	t := &Table{Name: fmt.Sprintf("%d-%d年度对比", c.Options.From, c.Options.To), Columns: []Column{
		{"department_code", "部门编码"}, {"project_code", "项目编码"}, {"project_name", "项目名称"},
		{"change", "变化"}, {"indicator", "指标序号"}, {"indicator_name", "三级指标"},
		{"last", fmt.Sprintf("%d年", c.Options.From)}, {"this", fmt.Sprintf("%d年", c.Options.To)},
		{"message", "问题说明"}, {"location", "位置"}, {"file", "文件"},
	}}
	for _, ch := range c.Changes {
		var ind any
		if ch.Indicator > 0 {
			ind = int64(ch.Indicator)
		}
		t.Rows = append(t.Rows, []any{ch.DepartmentCode, ch.ProjectCode, ch.ProjectName, ch.Name, ind,
			ch.Level3, ch.Last, ch.This, ch.Message, place(ch.Year, ch.Place), ch.File})
	}
	return t
}

// LinkTable lists the linked projects side by side.
func (c *Comparison) LinkTable() *Table {
	t := &Table{Name: "项目对应", Columns: []Column{
		{"department_code", "部门编码"}, {"last_code", fmt.Sprintf("%d年项目编码", c.Options.From)},
		{"last_name", fmt.Sprintf("%d年项目名称", c.Options.From)}, {"last_budget", fmt.Sprintf("%d年预算数", c.Options.From)},
		{"this_code", fmt.Sprintf("%d年项目编码", c.Options.To)}, {"this_name", fmt.Sprintf("%d年项目名称", c.Options.To)},
		{"this_budget", fmt.Sprintf("%d年预算数", c.Options.To)}, {"by", "对应依据"},
	}}
	for _, l := range c.Links {
		row := []any{l.DepartmentCode, "", "", "", "", "", "", l.By}
		if p := l.From; p != nil {
			row[1], row[2], row[3] = p.Code, p.Name, strings.TrimSpace(p.Budget+p.Unit)
		}
		if q := l.To; q != nil {
			row[4], row[5], row[6] = q.Code, q.Name, strings.TrimSpace(q.Budget+q.Unit)
		}
		switch {
		case l.From == nil:
			row[7] = "本年新增"
		case l.To == nil:
			row[7] = "本年未再报送"
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// place writes a position the way the issues list does, after its
// year: 2025年 第3页 表2 第4行.
func place(year int, pos string) string {
	var parts []string
	if year > 0 {
		parts = append(parts, fmt.Sprintf("%d年", year))
	}
	if pos != "" {
		parts = append(parts, pos)
	}
	return strings.Join(parts, " ")
}

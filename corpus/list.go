package corpus

import (
	"context"
	"fmt"
	"strings"
)

// Window selects the rows of a list a page shows and their order. The
// lists behind it (IssueList, IndicatorList) take the same Filter as
// Issues and Indicators, so a page and its download hold the same rows.
type Window struct {
	Sort   string // a key of the list's sort keys (IssueSorts, IndicatorSorts); "" or unknown: the natural order
	Desc   bool
	Offset int // rows skipped
	Limit  int // rows returned; 0 = all
}

// Sort keys of the lists, each an SQL expression; a key outside these is
// ignored, so a query string never reaches the SQL.
var (
	IssueSorts = map[string]string{
		"department_code": "r.department_code", "department_name": "r.department_name",
		"project_code": "f.project_code", "project_name": projectName,
		"severity": "CASE f.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END",
		"rule":     "f.rule", "indicator": "f.indicator", "indicator_name": "i.level3", "field": "f.field",
		"file": "d.path",
	}
	IndicatorSorts = map[string]string{
		"department_code": "r.department_code", "department_name": "r.department_name",
		"project_code": "p.code", "project_name": projectName, "indicator": "i.seq",
		"level1": "i.level1", "level2": "i.level2", "level3": "i.level3", "kind": "i.kind",
		"target": "i.target_num", "unit": "i.unit", "file": "d.path",
	}
)

// The FROM clauses of the lists, and of their counts and facets: these
// leave out documents (every row has one, by foreign key).
const (
	indicatorsCountFrom = `
		FROM indicators i
		LEFT JOIN projects p ON p.id = i.project_id
		JOIN reports r ON r.document_id = i.document_id`
	issuesFrom = `
		FROM findings f
		JOIN documents d ON d.id = f.document_id
		LEFT JOIN reports r ON r.document_id = f.document_id
		LEFT JOIN projects p ON p.id = f.project_id
		LEFT JOIN indicators i ON i.id = f.indicator_id`
	indicatorsFrom = `
		FROM indicators i
		LEFT JOIN projects p ON p.id = i.project_id
		JOIN reports r ON r.document_id = i.document_id
		JOIN documents d ON d.id = i.document_id`
)

// issueWhere is the WHERE of Issues.
func issueWhere(f Filter) *where {
	f.Limit = 0 // the list pages by LIMIT itself: indexes stay in the plan
	w := &where{}
	f.departmentAndProject(w)
	if f.Level1 != "" || f.Level2 != "" || f.Kind != "" || f.Op != "" || f.Unit != "" || f.Min != nil || f.Max != nil {
		f.indicatorConds(w)
	}
	if f.Rule != "" {
		w.add("f.rule = ?", f.Rule)
	}
	if f.Severity != "" {
		w.add("f.severity = ?", f.Severity)
	}
	return w
}

// indicatorWhere is the WHERE of Indicators.
func indicatorWhere(f Filter) *where {
	f.Limit = 0
	w := &where{}
	f.departmentAndProject(w)
	f.indicatorConds(w)
	if f.Rule != "" || f.Severity != "" {
		c := "i.id IN (SELECT x.indicator_id FROM findings x WHERE x.indicator_id IS NOT NULL"
		var args []any
		if f.Rule != "" {
			c += " AND x.rule = ?"
			args = append(args, f.Rule)
		}
		if f.Severity != "" {
			c += " AND x.severity = ?"
			args = append(args, f.Severity)
		}
		w.add(c+")", args...)
	}
	return w
}

// orderAndLimit is the ORDER BY and LIMIT of win over a list whose natural
// order is natural.
func (win Window) orderAndLimit(sorts map[string]string, natural string) string {
	s := " ORDER BY "
	if expr, ok := sorts[win.Sort]; ok {
		s += expr
		if win.Desc {
			s += " DESC"
		}
		s += ", "
	}
	s += natural
	if win.Limit > 0 {
		s += fmt.Sprintf(" LIMIT %d OFFSET %d", win.Limit, max(win.Offset, 0))
	}
	return s
}

// IssueList returns the findings of f in win, as Issues does, with the
// ids of its document and of itself, so that a page can link a finding
// to its mark on the document page; and the number of findings in all windows.
func (s *Store) IssueList(ctx context.Context, f Filter, win Window) (*Table, int, error) {
	w := issueWhere(f)
	total, err := s.count(ctx, issuesCountFrom(w), w)
	if err != nil {
		return nil, 0, err
	}
	const natural = "f.document_id, f.id"
	sel := `SELECT coalesce(r.department_code, ''), coalesce(r.department_name, ''), f.project_code,
		` + projectName + `, f.severity, f.rule, f.message, nullif(f.indicator, 0),
		coalesce(i.level3, ''), f.field, ` + locationSQL + `, d.path,
		f.document_id, f.id` + issuesFrom
	q := sel + w.String() + win.orderAndLimit(IssueSorts, natural)
	if sortBy := IssueSorts[win.Sort]; win.Limit > 0 && !refersTo(sortBy, "d") {
		// A page of a rule's 20,000 findings: the page's ids first, from
		// the narrow join the conditions and the sort need, then their
		// columns, instead of every finding's columns to sort them.
		// natural ends in f.id, so both orders are the same.
		ids := `SELECT f.id` + issuesFromFor(w, false, sortBy) + w.String() + win.orderAndLimit(IssueSorts, natural)
		nolimit := win
		nolimit.Limit = 0
		q = sel + ` WHERE f.id IN (` + ids + `)` + nolimit.orderAndLimit(IssueSorts, natural)
	}
	t := &Table{Name: "审核发现", Columns: []Column{
		{"department_code", "部门编码"}, {"department_name", "部门"}, {"project_code", "项目编码"},
		{"project_name", "项目名称"}, {"severity", "严重程度"}, {"rule", "规则"}, {"message", "问题说明"},
		{"indicator", "指标序号"}, {"indicator_name", "三级指标"}, {"field", "字段"},
		{"location", "位置"}, {"file", "文件"},
		{"document_id", "文件编号"}, {"finding_id", "审核发现编号"},
	}}
	return t, total, s.fill(ctx, t, q, w.args)
}

// IndicatorList returns the indicators of f in win with their main
// columns (Indicators has them all), and the number in all windows.
func (s *Store) IndicatorList(ctx context.Context, f Filter, win Window) (*Table, int, error) {
	w := indicatorWhere(f)
	total, err := s.count(ctx, indicatorsCountFrom, w)
	if err != nil {
		return nil, 0, err
	}
	q := `SELECT r.department_code, r.department_name, coalesce(p.code, ''), ` + projectName + `,
		i.seq, i.level1, i.level2, i.level3, i.description, i.value, i.kind, i.op, i.target, i.unit,
		i.ref, i.date, i.level, d.path, i.document_id, i.id` + indicatorsFrom + w.String() +
		win.orderAndLimit(IndicatorSorts, "i.id")
	t := &Table{Name: "绩效指标", Columns: []Column{
		{"department_code", "部门编码"}, {"department_name", "部门"}, {"project_code", "项目编码"},
		{"project_name", "项目名称"}, {"indicator", "指标序号"}, {"level1", "一级指标"},
		{"level2", "二级指标"}, {"level3", "三级指标"}, {"description", "绩效指标描述"},
		{"value", "指标值"}, {"kind", "目标类型"}, {"op", "比较"}, {"target", "目标值"}, {"unit", "单位"},
		{"ref", "参照"}, {"date", "期限"}, {"level", "等级"}, {"file", "文件"},
		{"document_id", "文件编号"}, {"indicator_id", "指标编号"},
	}}
	return t, total, s.fill(ctx, t, q, w.args)
}

// issuesCountFrom is the FROM of a count or facet of findings under w
// whose own expressions are exprs, each of which the facet keeps
// non-empty (a join it needs may be inner); see issuesFromFor.
func issuesCountFrom(w *where, exprs ...string) string {
	return issuesFromFor(w, true, exprs...)
}

// issuesFromFor is the FROM of findings under w and exprs: the findings
// and only the tables w or exprs name. SQLite keeps a LEFT JOIN nothing
// reads in the plan, with a row lookup per finding. With a condition on
// the finding itself (rule, severity) the findings come first, through
// findings_rule_facets or findings_severity (CROSS JOIN keeps that
// order): the planner would otherwise start from reports.counted to
// spare a sort and then read every finding of every report. A table only
// exprs name is joined as an outer join unless inner says exprs drop the
// rows it lacks.
func issuesFromFor(w *where, inner bool, exprs ...string) string {
	names := func(exprs []string, alias string) bool {
		for _, c := range exprs {
			if refersTo(c, alias) {
				return true
			}
		}
		return false
	}
	lead := " LEFT JOIN "
	if names(w.conds, "f") { // a facet's own f.rule says nothing of where to start
		lead = " CROSS JOIN "
	}
	join := func(alias string) string {
		switch {
		case names(w.conds, alias), inner && names(exprs, alias):
			return lead
		case names(exprs, alias):
			return " LEFT JOIN "
		}
		return ""
	}
	from := " FROM findings f"
	if j := join("r"); j != "" {
		from += j + "reports r ON r.document_id = f.document_id"
	}
	if j := join("p"); j != "" {
		from += j + "projects p ON p.id = f.project_id"
	}
	if j := join("i"); j != "" {
		from += j + "indicators i ON i.id = f.indicator_id"
	}
	return from
}

// refersTo reports whether the SQL expression expr names a column of the
// table alias (alias.column), as the conditions of where are written.
func refersTo(expr, alias string) bool {
	for i := 0; ; {
		j := strings.Index(expr[i:], alias+".")
		if j < 0 {
			return false
		}
		j += i
		if j == 0 || !isIdentByte(expr[j-1]) {
			return true
		}
		i = j + 1
	}
}

func isIdentByte(b byte) bool {
	return b == '_' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

func (s *Store) count(ctx context.Context, from string, w *where) (int, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*)`+from+w.String(), w.args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("corpus: count: %w", err)
	}
	return n, nil
}

// LinkColumn reports whether a column of IssueList or IndicatorList is
// one of the ids that locate a row in its document (document_id,
// finding_id, indicator_id): pages use them for links and do not show
// them.
func LinkColumn(key string) bool {
	return key == "document_id" || key == "finding_id" || key == "indicator_id"
}

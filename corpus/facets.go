package corpus

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
)

// Facet counts the rows of a list per value of one column, in the style
// of Datasette: a page lists the values with their counts, each a link
// adding that value to the filter.
type Facet struct {
	Param  string // the filter parameter a value sets: dept, rule, severity, level1, kind
	Title  string // in Chinese
	Values []FacetValue
	More   bool // values beyond those listed exist
}

// FacetValue is one value of a facet and the rows holding it.
type FacetValue struct {
	Value string // as the filter takes it
	Label string // as a page shows it: a department's name; "" when Value says it
	Count int
}

// facetDef is a facet over a list's FROM clause.
type facetDef struct {
	param, title string
	value, label string // SQL expressions
	from         string // "" = the list's own
	count        string // the count expression; "" = count(*)
}

var issueFacets = []facetDef{
	{param: "dept", title: "部门", value: "r.department_code", label: "r.department_name"},
	{param: "rule", title: "规则", value: "f.rule", label: "''"},
	{param: "severity", title: "严重程度", value: "f.severity", label: "''"},
	// Copies of the indicator's (migration 0007), so that no facet
	// looks up each finding's indicator.
	{param: "level1", title: "一级指标", value: "f.level1", label: "''"},
	{param: "kind", title: "目标类型", value: "f.kind", label: "''"},
}

// The rule and severity of an indicator are those of its findings; an
// indicator with two findings of a rule counts once.
const indicatorFindingsFrom = indicatorsCountFrom + ` JOIN findings x ON x.document_id = i.document_id AND x.indicator_id = i.id`

var indicatorFacets = []facetDef{
	{param: "dept", title: "部门", value: "r.department_code", label: "r.department_name"},
	{param: "level1", title: "一级指标", value: "i.level1", label: "''"},
	{param: "kind", title: "目标类型", value: "i.kind", label: "''"},
	{param: "rule", title: "规则", value: "x.rule", label: "''", from: indicatorFindingsFrom, count: "count(DISTINCT i.id)"},
	{param: "severity", title: "严重程度", value: "x.severity", label: "''", from: indicatorFindingsFrom, count: "count(DISTINCT i.id)"},
}

// IssueFacets counts the findings of f by department, rule, severity,
// 一级指标 and target kind, the n largest values of each: the department
// in a query of its own, the others, columns of the finding, in one
// grouped query, each query a pass over the findings and their reports.
func (s *Store) IssueFacets(ctx context.Context, f Filter, n int) ([]Facet, error) {
	w := issueWhere(f)
	dept := issueFacets[0]
	dept.from = issuesCountFrom(w, dept.value, dept.label)
	out, err := s.facets(ctx, []facetDef{dept}, "", w, n)
	if err != nil {
		return nil, err
	}
	rest, err := s.groupedFacets(ctx, w, issueFacets[1:], n)
	return append(out, rest...), err
}

// groupedFacets counts the findings of w by each of defs, whose values
// are columns of the finding (no label, no join), in one query grouped by
// all of them: a few hundred groups at most.
func (s *Store) groupedFacets(ctx context.Context, w *where, defs []facetDef, n int) ([]Facet, error) {
	if n <= 0 {
		n = 10
	}
	var cols, groups []string
	for i, d := range defs {
		cols = append(cols, d.value)
		groups = append(groups, fmt.Sprint(i+1))
	}
	q := `SELECT ` + strings.Join(cols, ", ") + `, count(*)` + issuesCountFrom(w, cols...) + w.String() +
		` GROUP BY ` + strings.Join(groups, ", ")
	counts := make([]map[string]int, len(defs))
	for i := range counts {
		counts[i] = map[string]int{}
	}
	rows, err := s.db.QueryContext(ctx, q, w.args...)
	if err != nil {
		return nil, fmt.Errorf("corpus: facets: %w", err)
	}
	vals := make([]sql.NullString, len(defs))
	dst := make([]any, len(defs)+1)
	for i := range vals {
		dst[i] = &vals[i]
	}
	var c int
	dst[len(defs)] = &c
	for rows.Next() {
		if err := rows.Scan(dst...); err != nil {
			rows.Close()
			return nil, fmt.Errorf("corpus: facets: %w", err)
		}
		for i, v := range vals {
			if v.String != "" {
				counts[i][v.String] += c
			}
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("corpus: facets: %w", err)
	}
	out := make([]Facet, len(defs))
	for k, d := range defs {
		fc := Facet{Param: d.param, Title: d.title}
		for v, c := range counts[k] {
			fc.Values = append(fc.Values, FacetValue{Value: v, Count: c})
		}
		// As facets orders them: most first, then by value.
		sort.Slice(fc.Values, func(i, j int) bool {
			x, y := fc.Values[i], fc.Values[j]
			return x.Count > y.Count || x.Count == y.Count && x.Value < y.Value
		})
		if len(fc.Values) > n {
			fc.Values, fc.More = fc.Values[:n], true
		}
		out[k] = fc
	}
	return out, nil
}

// IndicatorFacets counts the indicators of f likewise.
func (s *Store) IndicatorFacets(ctx context.Context, f Filter, n int) ([]Facet, error) {
	return s.facets(ctx, indicatorFacets, indicatorsCountFrom, indicatorWhere(f), n)
}

func (s *Store) facets(ctx context.Context, defs []facetDef, from string, w *where, n int) ([]Facet, error) {
	if n <= 0 {
		n = 10
	}
	var out []Facet
	for _, d := range defs {
		fr, cnt := from, "count(*)"
		if d.from != "" {
			fr = d.from
		}
		if d.count != "" {
			cnt = d.count
		}
		cond := w.String()
		if cond == "" {
			cond = " WHERE "
		} else {
			cond += " AND "
		}
		q := `SELECT ` + d.value + `, ` + d.label + `, ` + cnt + fr + cond + d.value + ` <> ''
			GROUP BY 1 ORDER BY 3 DESC, 1 LIMIT ` + fmt.Sprint(n+1)
		fc := Facet{Param: d.param, Title: d.title}
		rows, err := s.db.QueryContext(ctx, q, w.args...)
		if err != nil {
			return nil, fmt.Errorf("corpus: facet %s: %w", d.param, err)
		}
		for rows.Next() {
			var v FacetValue
			if err := rows.Scan(&v.Value, &v.Label, &v.Count); err != nil {
				rows.Close()
				return nil, fmt.Errorf("corpus: facet %s: %w", d.param, err)
			}
			fc.Values = append(fc.Values, v)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("corpus: facet %s: %w", d.param, err)
		}
		if len(fc.Values) > n {
			fc.Values, fc.More = fc.Values[:n], true
		}
		out = append(out, fc)
	}
	return out, nil
}

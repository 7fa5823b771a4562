package web

import (
	"cmp"
	"context"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/rules"
)

// defaultPageSize is the rows of a list page; downloads hold every page.
const defaultPageSize = 100

// listView is a list page: one window of rows, the links to the others,
// the column headers as sort links and the facet counts. Every link is
// built from the parsed filter values, never copied from the request.
type listView struct {
	Total    int
	From, To int // 1-based rows shown
	Columns  []listColumn
	Rows     [][]template.HTML
	Pager    []pageLink
	Facets   []facetView
}

type listColumn struct {
	Key, Title string
	SortURL    string
	Mark       string // ▲ or ▼ on the sorted column
}

type pageLink struct {
	Text    string
	URL     string // "" for the current page and gaps
	Current bool
}

type facetView struct {
	Title  string
	Values []facetLink
	More   bool
}

type facetLink struct {
	Text     string
	Count    int
	URL      string
	Selected bool // the filter holds this value: the link removes it
}

// listState is what a list page was asked for: filters, order, page.
type listState struct {
	path string
	q    map[string]string // filter values, by filterFields
	sort string
	desc bool
	page int // 1-based
	size int // rows per page
}

func listStateOf(r *http.Request, q map[string]string, sorts map[string]string, size int) listState {
	st := listState{path: r.URL.Path, q: q, page: 1, size: size}
	if k := r.URL.Query().Get("sort"); sorts[k] != "" {
		st.sort, st.desc = k, r.URL.Query().Get("desc") == "1"
	}
	if n, err := strconv.Atoi(r.URL.Query().Get("page")); err == nil && n > 1 && n < 1<<20 {
		st.page = n
	}
	return st
}

// url is the list's address with the state changed by set (nil: none).
func (st listState) url(set func(v url.Values)) string {
	v := url.Values{}
	for _, k := range filterFields {
		if st.q[k] != "" {
			v.Set(k, st.q[k])
		}
	}
	if st.sort != "" {
		v.Set("sort", st.sort)
		if st.desc {
			v.Set("desc", "1")
		}
	}
	if st.page > 1 {
		v.Set("page", strconv.Itoa(st.page))
	}
	if set != nil {
		set(v)
	}
	if len(v) == 0 {
		return st.path
	}
	return st.path + "?" + v.Encode()
}

func (st listState) window() corpus.Window {
	return corpus.Window{Sort: st.sort, Desc: st.desc, Offset: (st.page - 1) * st.size, Limit: st.size}
}

// buildList lays out one window of t (whose rows number total in all).
func (s *Server) buildList(st listState, t *corpus.Table, total int, facets []corpus.Facet) *listView {
	lv := &listView{Total: total}
	if len(t.Rows) > 0 {
		lv.From = (st.page-1)*st.size + 1
		lv.To = lv.From + len(t.Rows) - 1
	}
	col := map[string]int{}
	for i, c := range t.Columns {
		col[c.Key] = i
	}
	// Columns empty in every row shown and the linking ids stay out.
	var keep []int
	for i, c := range t.Columns {
		if corpus.LinkColumn(c.Key) {
			continue
		}
		for _, r := range t.Rows {
			if v := r[i]; v != nil && v != "" {
				keep = append(keep, i)
				break
			}
		}
	}
	sorts := corpus.IssueSorts
	if st.path == "/indicators" {
		sorts = corpus.IndicatorSorts
	}
	for _, i := range keep {
		c := t.Columns[i]
		lc := listColumn{Key: c.Key, Title: c.Title}
		if sorts[c.Key] != "" {
			desc := st.sort == c.Key && !st.desc
			lc.SortURL = st.url(func(v url.Values) {
				v.Set("sort", c.Key)
				v.Del("desc")
				if desc {
					v.Set("desc", "1")
				}
				v.Del("page")
			})
			if st.sort == c.Key {
				lc.Mark = "▲"
				if st.desc {
					lc.Mark = "▼"
				}
			}
		}
		lv.Columns = append(lv.Columns, lc)
	}
	for _, r := range t.Rows {
		row := make([]template.HTML, len(keep))
		for j, i := range keep {
			row[j] = listCell(t.Columns[i].Key, r, col)
		}
		lv.Rows = append(lv.Rows, row)
	}
	lv.Pager = st.pager(total)
	for _, f := range facets {
		lv.Facets = append(lv.Facets, st.facet(f))
	}
	return lv
}

// listCell renders the cell key of row r: a finding's place and an
// indicator's name link to the document page, at the finding's mark or
// the indicator's row.
func listCell(key string, r []any, col map[string]int) template.HTML {
	v := r[col[key]]
	id := func(k string) int64 {
		if i, ok := col[k]; ok {
			if n, ok := r[i].(int64); ok {
				return n
			}
		}
		return 0
	}
	switch key {
	case "field":
		s, _ := v.(string)
		return template.HTML(template.HTMLEscapeString(fieldName(s)))
	case "op":
		s, _ := v.(string)
		return template.HTML(template.HTMLEscapeString(opNames[s]))
	case "location":
		if doc, f := id("document_id"), id("finding_id"); doc > 0 && f > 0 {
			s, _ := v.(string)
			if s == "" {
				s = "查看"
			}
			return link(fmt.Sprintf("/documents/%d#f%d", doc, f), template.HTMLEscapeString(s))
		}
	case "level3":
		if doc, i := id("document_id"), id("indicator_id"); doc > 0 && i > 0 {
			if s, _ := v.(string); s != "" {
				return link(fmt.Sprintf("/documents/%d#cell-i%d-level3", doc, i), template.HTMLEscapeString(s))
			}
		}
	}
	return cellHTML(key, v)
}

// opNames are the target operators as the forms write them.
var opNames = map[string]string{">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "="}

// pager links the pages of a list: the first, the last, and two either
// side of the current one.
func (st listState) pager(total int) []pageLink {
	return st.pagerOf(total, st.size, nil)
}

// pagerOf links the pages of size rows, the query set by set (nil: the
// list's filters).
func (st listState) pagerOf(total, size int, set func(url.Values)) []pageLink {
	pages := (total + size - 1) / size
	if pages <= 1 {
		return nil
	}
	at := func(n int) string {
		return st.url(func(v url.Values) {
			if set != nil {
				set(v)
			}
			v.Del("page")
			if n > 1 {
				v.Set("page", strconv.Itoa(n))
			}
		})
	}
	var out []pageLink
	if st.page > 1 {
		out = append(out, pageLink{Text: "上一页", URL: at(min(st.page-1, pages))})
	}
	last := 0
	for n := 1; n <= pages; n++ {
		if n != 1 && n != pages && (n < st.page-2 || n > st.page+2) {
			continue
		}
		if last > 0 && n > last+1 {
			out = append(out, pageLink{Text: "…"})
		}
		last = n
		if n == st.page {
			out = append(out, pageLink{Text: strconv.Itoa(n), Current: true})
		} else {
			out = append(out, pageLink{Text: strconv.Itoa(n), URL: at(n)})
		}
	}
	if st.page < pages {
		out = append(out, pageLink{Text: "下一页", URL: at(st.page + 1)})
	}
	return out
}

// facet lays out f: each value a link setting its filter (or, when set,
// removing it), from the first page.
func (st listState) facet(f corpus.Facet) facetView {
	fv := facetView{Title: f.Title, More: f.More}
	for _, v := range f.Values {
		selected := facetSelected(f.Param, st.q[f.Param], v.Value)
		val := v.Value
		fl := facetLink{Text: facetLabel(f.Param, v), Count: v.Count, Selected: selected}
		fl.URL = st.url(func(q url.Values) {
			q.Del("page")
			if selected {
				q.Del(f.Param)
			} else {
				q.Set(f.Param, val)
			}
		})
		fv.Values = append(fv.Values, fl)
	}
	return fv
}

// facetSelected reports whether the filter value set selects value.
func facetSelected(param, set, value string) bool {
	if set == "" {
		return false
	}
	switch param {
	case "rule":
		return strings.EqualFold(set, value)
	case "level1":
		return set == value || set+"指标" == value
	}
	return set == value
}

func facetLabel(param string, v corpus.FacetValue) string {
	switch param {
	case "dept":
		if v.Label != "" {
			return v.Label + "（" + v.Value + "）"
		}
	case "severity":
		if sev, ok := rules.ParseSeverity(v.Value); ok {
			return sev.Name()
		}
	case "kind":
		if n, ok := kindNames[v.Value]; ok {
			return n
		}
	case "rule":
		if r := rules.Lookup(v.Value); r != nil {
			return v.Value + " " + r.Title
		}
	}
	return v.Value
}

// filterTitle names the filters on screen for the printed title line:
// 部门 430001 · 严重程度 错误.
func filterTitle(q map[string]string) string {
	names := map[string]string{"dept": "部门", "project": "项目", "file": "文件", "level1": "一级指标",
		"level2": "二级指标", "kind": "目标类型", "op": "比较", "unit": "单位", "min": "目标值不低于",
		"max": "目标值不高于", "rule": "规则", "severity": "严重程度"}
	var parts []string
	for _, k := range filterFields {
		v := q[k]
		if v == "" {
			continue
		}
		switch k {
		case "severity":
			v = rules.Severity(v).Name()
		case "kind":
			v = cmp.Or(kindNames[v], v)
		}
		parts = append(parts, names[k]+" "+v)
	}
	return strings.Join(parts, " · ")
}

// listQuery is a list's window, count and facets.
type listQuery struct {
	window func(context.Context, corpus.Filter, corpus.Window) (*corpus.Table, int, error)
	facets func(context.Context, corpus.Filter, int) ([]corpus.Facet, error)
	all    func(context.Context, corpus.Filter) (*corpus.Table, error) // for downloads
	sorts  map[string]string
}

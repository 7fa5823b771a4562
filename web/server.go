// Package web is the browser interface over a jixiao database, for the
// analysts who query indicators across departments and the reviewers who
// send each department its issue list. Pages are server-rendered HTML in
// Chinese; every table can be downloaded as CSV or Excel with the same
// filters. The server only reads: the database is opened read-only by the
// caller.
package web

import (
	"context"
	"embed"
	"fmt"
	"html/template"
	"log"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/rules"
)

//go:embed templates/*.html
var templates embed.FS

// Server serves the pages for one database.
type Server struct {
	Store *corpus.Store
	// Segmenter loads the word segmenter for search; it is called on the
	// first search only, since loading costs about half a second.
	Segmenter func() (*corpus.Segmenter, error)
	Log       *log.Logger // nil: no request log

	pages    *template.Template
	segOnce  sync.Once
	seg      *corpus.Segmenter
	segErr   error
	maxRows  int
	initOnce sync.Once
}

// maxPageRows bounds a table shown in the browser; downloads are complete.
const maxPageRows = 500

func (s *Server) init() {
	s.initOnce.Do(func() {
		s.pages = template.Must(template.New("").Funcs(template.FuncMap{
			"cell":  cellHTML,
			"kinds": func() map[string]string { return kindNames },
			"ops":   func() []string { return []string{">=", "<=", ">", "<", "="} },
		}).ParseFS(templates, "templates/*.html"))
		if s.maxRows == 0 {
			s.maxRows = maxPageRows
		}
	})
}

// Handler returns the HTTP handler of the interface.
func (s *Server) Handler() http.Handler {
	s.init()
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.overview)
	mux.HandleFunc("GET /indicators", s.indicators)
	mux.HandleFunc("GET /issues", s.issues)
	mux.HandleFunc("GET /search", s.search)
	mux.HandleFunc("GET /rules", s.ruleList)
	mux.HandleFunc("GET /rules/{id}", s.rule)
	return s.logged(mux)
}

func (s *Server) logged(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		h.ServeHTTP(w, r)
		if s.Log != nil {
			s.Log.Printf("%s %s %s", r.Method, r.URL.RequestURI(), time.Since(start).Round(time.Millisecond))
		}
	})
}

// page is what every template gets.
type page struct {
	Title  string
	Nav    string // the menu entry to highlight
	Query  map[string]string
	Stats  *corpus.Stats
	Tables []shown
	Notice string
	Rules  []*rules.Rule
	Rule   *rules.Rule
	// Downloads are the links to Tables[0] as files, each carrying exactly
	// the filters on screen.
	Downloads []anchor
}

// anchor is a link a template renders.
type anchor struct {
	Text string
	URL  string
}

// downloadLinks returns the links to the table of path filtered by q in
// each download format. The query is built from the filter values, never
// copied from the request, so the file holds what the page shows.
func downloadLinks(path string, q map[string]string) []anchor {
	var links []anchor
	for _, f := range []struct{ text, format string }{{"Excel", "xlsx"}, {"CSV", "csv"}} {
		v := url.Values{}
		for _, k := range filterFields {
			if q[k] != "" {
				v.Set(k, q[k])
			}
		}
		v.Set("format", f.format)
		links = append(links, anchor{f.text, path + "?" + v.Encode()})
	}
	return links
}

// shown is a table as the page shows it.
type shown struct {
	*corpus.Table
	Total     int  // rows before truncation
	Truncated bool // only the first rows are shown
}

func (s *Server) render(w http.ResponseWriter, name string, p *page) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if err := s.pages.ExecuteTemplate(w, name, p); err != nil {
		s.fail(w, err)
	}
}

func (s *Server) fail(w http.ResponseWriter, err error) {
	if s.Log != nil {
		s.Log.Printf("error: %v", err)
	}
	http.Error(w, "服务器内部错误："+err.Error(), http.StatusInternalServerError)
}

// show prepares t for a page: its first rows only, and without the columns
// that are empty in all of them (downloads keep everything).
func (s *Server) show(t *corpus.Table) shown {
	sh := shown{Total: len(t.Rows)}
	rows := t.Rows
	if len(rows) > s.maxRows {
		rows, sh.Truncated = rows[:s.maxRows], true
	}
	var keep []int
	for c := range t.Columns {
		for _, r := range rows {
			if v := r[c]; v != nil && v != "" {
				keep = append(keep, c)
				break
			}
		}
	}
	cp := &corpus.Table{Name: t.Name}
	for _, c := range keep {
		cp.Columns = append(cp.Columns, t.Columns[c])
	}
	for _, r := range rows {
		row := make([]any, len(keep))
		for i, c := range keep {
			row[i] = r[c]
		}
		cp.Rows = append(cp.Rows, row)
	}
	sh.Table = cp
	return sh
}

func (s *Server) overview(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	st, err := s.Store.Stats(ctx)
	if err != nil {
		s.fail(w, err)
		return
	}
	summary, err := s.Store.IssueSummary(ctx, corpus.Filter{})
	if err != nil {
		s.fail(w, err)
		return
	}
	failed, err := s.Store.FailedFiles(ctx)
	if err != nil {
		s.fail(w, err)
		return
	}
	p := &page{Title: "概览", Nav: "overview", Stats: st, Tables: []shown{s.show(summary)}}
	if len(failed.Rows) > 0 {
		p.Tables = append(p.Tables, s.show(failed))
	}
	s.render(w, "overview.html", p)
}

// filterFields are the query parameters of the indicator and issue pages.
var filterFields = []string{"dept", "project", "file", "level1", "level2", "kind", "op", "unit", "min", "max", "rule", "severity"}

func filterOf(r *http.Request) (corpus.Filter, map[string]string, error) {
	q := map[string]string{}
	for _, k := range filterFields {
		q[k] = strings.TrimSpace(r.URL.Query().Get(k))
	}
	f := corpus.Filter{Department: q["dept"], Project: q["project"], File: q["file"], Level1: q["level1"], Level2: q["level2"],
		Kind: q["kind"], Op: q["op"], Unit: q["unit"], Rule: strings.ToUpper(q["rule"]), Severity: q["severity"]}
	for _, b := range []struct {
		key string
		dst **float64
	}{{"min", &f.Min}, {"max", &f.Max}} {
		if q[b.key] == "" {
			continue
		}
		v, err := strconv.ParseFloat(q[b.key], 64)
		if err != nil {
			return f, q, fmt.Errorf("“%s”不是数字", q[b.key])
		}
		*b.dst = &v
	}
	return f, q, nil
}

func (s *Server) indicators(w http.ResponseWriter, r *http.Request) {
	s.filtered(w, r, "指标查询", "indicators", s.Store.Indicators)
}

func (s *Server) issues(w http.ResponseWriter, r *http.Request) {
	s.filtered(w, r, "审核发现", "issues", s.Store.Issues)
}

// filtered serves a filter form over a table, or the table as a download
// when format=csv or format=xlsx.
func (s *Server) filtered(w http.ResponseWriter, r *http.Request, title, nav string, query func(context.Context, corpus.Filter) (*corpus.Table, error)) {
	f, q, err := filterOf(r)
	p := &page{Title: title, Nav: nav, Query: q}
	if err != nil {
		p.Notice = "筛选条件有误：" + err.Error()
		s.render(w, "filtered.html", p)
		return
	}
	t, err := query(r.Context(), f)
	if err != nil {
		s.fail(w, err)
		return
	}
	if format := r.URL.Query().Get("format"); format == "csv" || format == "xlsx" {
		download(w, t, format)
		return
	}
	p.Tables = []shown{s.show(t)}
	if len(t.Rows) > 0 {
		p.Downloads = downloadLinks(r.URL.Path, q)
	}
	if len(t.Rows) == 0 {
		p.Notice = "没有符合条件的记录。"
	}
	s.render(w, "filtered.html", p)
}

func download(w http.ResponseWriter, t *corpus.Table, format string) {
	name := t.Name + "." + format
	ctype := "text/csv; charset=utf-8"
	if format == "xlsx" {
		ctype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", "attachment; filename*=UTF-8''"+urlEscape(name))
	if err := t.Write(w, format); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

func (s *Server) search(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	p := &page{Title: "全文搜索", Nav: "search", Query: map[string]string{"q": q}}
	if q != "" {
		s.segOnce.Do(func() { s.seg, s.segErr = s.Segmenter() })
		if s.segErr != nil {
			s.fail(w, fmt.Errorf("无法加载分词词典：%v", s.segErr))
			return
		}
		hits, err := s.Store.Search(r.Context(), s.seg, q, 200)
		if err != nil {
			s.fail(w, err)
			return
		}
		if len(hits) == 0 {
			p.Notice = "没有找到“" + q + "”。"
		} else {
			p.Tables = []shown{s.show(corpus.HitsTable(hits))}
		}
	}
	s.render(w, "search.html", p)
}

func (s *Server) ruleList(w http.ResponseWriter, r *http.Request) {
	s.render(w, "rules.html", &page{Title: "审核规则", Nav: "rules", Rules: rules.All()})
}

func (s *Server) rule(w http.ResponseWriter, r *http.Request) {
	rule := rules.Lookup(strings.ToUpper(r.PathValue("id")))
	if rule == nil {
		http.NotFound(w, r)
		return
	}
	s.render(w, "rule.html", &page{Title: rule.ID + " " + rule.Title, Nav: "rules", Rule: rule})
}

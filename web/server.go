// Package web is the browser interface over a jixiao database, for the
// analysts who query indicators across departments and the reviewers who
// send each department its issue list. Pages are server-rendered HTML in
// Chinese; every table can be downloaded as CSV or Excel with the same
// filters. The server only reads: the database is opened read-only by the
// caller.
//
// The server is safe to leave running: every response carries a strict
// Content-Security-Policy (the pages run no script), requests naming a
// Host it does not serve are refused, an access token can be required,
// query strings are bounded, errors show a Chinese page and are logged,
// never sent, and at most MaxExports downloads are built at once.
package web

import (
	"bytes"
	"cmp"
	"context"
	"embed"
	"fmt"
	"html/template"
	"log"
	"net/http"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/output"
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
	// Hosts are the Host header values the server answers to, as
	// host:port ("127.0.0.1:8080", "[::1]:8080"); other requests get 421.
	// Empty: localhost, 127.0.0.1 and [::1] on any port.
	Hosts []string
	// Token, when set, must come with every request (see authorized).
	Token string
	// MaxExports bounds the downloads built at once, each holding its
	// table in memory; more get 503. 0 means 4.
	MaxExports int
	// PageSize is the rows of a list page. 0 means 100.
	PageSize int
	// QueryTimeout bounds the database work of one request. 0 means 30 s.
	QueryTimeout time.Duration
	// Documents configures the document pages and the upload form (document.go).
	Documents Documents

	pages    *template.Template
	css      stylesheet
	exports  chan struct{} // a slot per download under way
	segOnce  sync.Once
	seg      *corpus.Segmenter
	segErr   error
	maxRows  int
	initOnce sync.Once
	ovCache  overviewCache
}

// maxPageRows bounds a table shown in the browser; downloads are complete.
const maxPageRows = 500

func (s *Server) init() {
	s.initOnce.Do(func() {
		s.css = loadStylesheet()
		s.pages = template.Must(template.New("").Funcs(template.FuncMap{
			"css":   func() string { return s.css.path },
			"cell":  cellHTML,
			"base":  filepath.Base,
			"kinds": func() map[string]string { return kindNames },
			"ops":   func() []string { return []string{">=", "<=", ">", "<", "="} },
		}).ParseFS(templates, "templates/*.html"))
		if s.maxRows == 0 {
			s.maxRows = maxPageRows
		}
		s.exports = make(chan struct{}, cmp.Or(s.MaxExports, 4))
		if s.Store != nil {
			// Count the overview while nobody waits: on 20,000 documents
			// the first count takes seconds, later ones come from the cache.
			go func() {
				ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
				defer cancel()
				if _, _, _, err := s.overviewData(ctx); err != nil {
					s.logf("error: overview: %v", err)
				}
			}()
		}
		if s.QueryTimeout == 0 {
			s.QueryTimeout = 30 * time.Second
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
	mux.HandleFunc("GET /status", s.status)
	mux.HandleFunc("GET /rules", s.ruleList)
	mux.HandleFunc("GET /rules/{id}", s.rule)
	mux.HandleFunc("GET /static/", s.serveCSS)
	s.documentRoutes(mux)
	mux.HandleFunc("/", s.notFound)
	return s.logged(s.guarded(mux))
}

func (s *Server) logged(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		h.ServeHTTP(rec, r)
		if s.Log != nil {
			uri := r.URL.Path
			if q := r.URL.Query(); len(q) > 0 {
				if q.Has("token") {
					q.Set("token", "…") // never in the log
				}
				uri += "?" + q.Encode()
			}
			s.Log.Printf("%s %s %d %s", r.Method, uri, rec.status, time.Since(start).Round(time.Millisecond))
		}
	})
}

// statusRecorder notes the status a handler answered with, for the log.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

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
	// Downloads are the links to the list as files, each carrying exactly
	// the filters on screen.
	Downloads []anchor
	// FilterTitle names the filters on screen, for the printed title.
	FilterTitle string
	List        *listView
	Search      *searchView
	Charts      []chart
	Status      *statusView
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
	for _, f := range []struct{ text, format string }{{"Excel 表格", "xlsx"}, {"CSV 表格", "csv"}, {"JSON 数据", "json"}} {
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

// render writes the page through a buffer, so that a template error
// becomes an error page instead of half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, name string, p *page) {
	var b bytes.Buffer
	if err := s.pages.ExecuteTemplate(&b, name, p); err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(b.Bytes())
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
	ctx, cancel := context.WithTimeout(r.Context(), s.QueryTimeout)
	defer cancel()
	st, ov, status, err := s.overviewData(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p := &page{Title: "概览", Nav: "overview", Stats: st, Charts: overviewCharts(ov)}
	if status.Year > 0 {
		p.Charts = append([]chart{statusChart(status)}, p.Charts...)
	}
	if st.Failed > 0 {
		failed, err := s.Store.FailedFiles(ctx)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		p.Tables = append(p.Tables, s.show(failedInChinese(failed)))
	}
	s.render(w, r, "overview.html", p)
}

// failedInChinese keeps the columns of the failed files a clerk reads:
// the program's English error stays in downloads and the CLI, the times
// are shown in the bureau's zone.
func failedInChinese(t *corpus.Table) *corpus.Table {
	out := &corpus.Table{Name: t.Name}
	var keep []int
	for i, c := range t.Columns {
		if c.Key != "error" {
			keep = append(keep, i)
			out.Columns = append(out.Columns, c)
		}
	}
	for _, r := range t.Rows {
		row := make([]any, 0, len(keep))
		for _, i := range keep {
			v := r[i]
			switch t.Columns[i].Key {
			case "ingested_at":
				if s, ok := v.(string); ok {
					v = localTime(s)
				}
			case "format":
				if s, ok := v.(string); ok {
					v = statusNames[s]
				}
			case "reason":
				if s, _ := v.(string); s == "" {
					v = "原因未记录"
				}
			}
			row = append(row, v)
		}
		out.Rows = append(out.Rows, row)
	}
	return out
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
	s.filtered(w, r, "指标查询", "indicators", listQuery{window: s.Store.IndicatorList,
		facets: s.Store.IndicatorFacets, all: s.Store.Indicators, sorts: corpus.IndicatorSorts})
}

func (s *Server) issues(w http.ResponseWriter, r *http.Request) {
	s.filtered(w, r, "审核发现", "issues", listQuery{window: s.Store.IssueList,
		facets: s.Store.IssueFacets, all: s.Store.Issues, sorts: corpus.IssueSorts})
}

// filtered serves a filter form over one page of a list, with its total,
// page links, sort links and facet counts; or the whole list as a
// download when format is csv, xlsx or json.
func (s *Server) filtered(w http.ResponseWriter, r *http.Request, title, nav string, lq listQuery) {
	f, q, err := filterOf(r)
	p := &page{Title: title, Nav: nav, Query: q, FilterTitle: filterTitle(q)}
	if err != nil {
		p.Notice = "筛选条件有误：" + err.Error()
		s.render(w, r, "filtered.html", p)
		return
	}
	format := r.URL.Query().Get("format")
	download := format == "csv" || format == "xlsx" || format == "json"
	if download {
		release, ok := s.exportSlot(w)
		if !ok {
			return
		}
		defer release()
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.QueryTimeout)
	defer cancel()
	if download {
		t, err := lq.all(ctx, f)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		if format != "json" {
			chineseCodes(t)
		}
		s.download(w, r, t, format)
		return
	}
	st := listStateOf(r, q, lq.sorts, cmp.Or(s.PageSize, defaultPageSize))
	t, total, err := lq.window(ctx, f, st.window())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	facets, err := lq.facets(ctx, f, 10)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p.List = s.buildList(st, t, total, facets)
	if total > 0 {
		p.Downloads = downloadLinks(r.URL.Path, q)
	}
	switch {
	case total == 0:
		p.Notice = "没有符合条件的记录。"
	case len(t.Rows) == 0:
		p.Notice = "没有这一页：请从第一页看起。"
	}
	s.render(w, r, "filtered.html", p)
}

// chineseCodes turns the codes of a table to download into the words the
// pages show: a finding's field (goal → 绩效目标), a target's kind.
func chineseCodes(t *corpus.Table) {
	for c, col := range t.Columns {
		var name func(string) string
		switch col.Key {
		case "field":
			name = fieldName
		case "kind":
			name = func(k string) string { return cmp.Or(kindNames[k], k) }
		default:
			continue
		}
		for _, row := range t.Rows {
			if v, ok := row[c].(string); ok {
				row[c] = name(v)
			}
		}
	}
}

// exportSlot takes one of the MaxExports download slots, to be given back
// by release once the file is written; when all are taken it answers 503.
func (s *Server) exportSlot(w http.ResponseWriter) (release func(), ok bool) {
	select {
	case s.exports <- struct{}{}:
		return func() { <-s.exports }, true
	default:
		w.Header().Set("Retry-After", "30")
		s.errorPage(w, http.StatusServiceUnavailable, "请稍后再试", "导出任务过多，请稍后再试。")
		return nil, false
	}
}

// download streams t as a file. Once the first bytes are sent the status
// cannot change: an error is logged and the file left short, which the
// browser reports as a failed download.
func (s *Server) download(w http.ResponseWriter, r *http.Request, t *corpus.Table, format string) {
	name := t.Name + "." + format
	ctype := "text/csv; charset=utf-8"
	switch format {
	case "xlsx":
		ctype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	case "json":
		ctype = "application/json; charset=utf-8"
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", "attachment; filename*=UTF-8''"+urlEscape(name))
	if err := output.Write(w, t, format); err != nil {
		s.logf("error: %s: download: %v", r.URL.Path, err)
	}
}

func (s *Server) ruleList(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, "rules.html", &page{Title: "审核规则", Nav: "rules", Rules: rules.All()})
}

func (s *Server) rule(w http.ResponseWriter, r *http.Request) {
	rule := rules.Lookup(strings.ToUpper(r.PathValue("id")))
	if rule == nil {
		s.notFound(w, r)
		return
	}
	s.render(w, r, "rule.html", &page{Title: rule.ID + " " + rule.Title, Nav: "rules", Rule: rule})
}

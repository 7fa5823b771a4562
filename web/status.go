package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"

	"github.com/jixiao/jixiao/corpus"
)

// statusView is what status.html shows: the year's status of every
// department on the roster and of every department that submitted.
type statusView struct {
	Year    int
	Filter  string // the status shown, "" for all
	Cards   []statusCard
	Rows    []corpus.StatusRow
	Roster  bool // a roster was imported
	Formats []anchor
}

type statusCard struct {
	Status string
	N      int
	URL    string
	On     bool
}

// status serves /status: who has submitted for the year (?year=, the
// latest by default), filtered by ?status=, or as a workbook with
// ?format=xlsx (or csv).
func (s *Server) status(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	year, _ := strconv.Atoi(q.Get("year"))
	filter := q.Get("status")
	ctx, cancel := context.WithTimeout(r.Context(), s.QueryTimeout)
	defer cancel()
	st, err := s.Store.Status(ctx, year)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if format := q.Get("format"); format == "xlsx" || format == "csv" {
		release, ok := s.exportSlot(w)
		if !ok {
			return
		}
		defer release()
		s.download(w, r, st.Table(), format)
		return
	}
	v := &statusView{Year: st.Year, Filter: filter}
	link := func(status, format string) string {
		u := url.Values{}
		if year != 0 {
			u.Set("year", strconv.Itoa(st.Year))
		}
		if status != "" {
			u.Set("status", status)
		}
		if format != "" {
			u.Set("format", format)
		}
		if len(u) == 0 {
			return "/status"
		}
		return "/status?" + u.Encode()
	}
	for _, name := range corpus.Statuses {
		v.Cards = append(v.Cards, statusCard{Status: name, N: st.Counts[name], URL: link(name, ""), On: name == filter})
	}
	for _, row := range st.Rows {
		v.Roster = v.Roster || row.InRoster
		if filter == "" || row.Status == filter {
			v.Rows = append(v.Rows, row)
		}
	}
	v.Formats = []anchor{{"Excel 表格", link("", "xlsx")}, {"CSV 表格", link("", "csv")}}
	p := &page{Title: "报送情况", Nav: "status", Status: v}
	if st.Year == 0 {
		p.Notice = "还没有导入任何绩效目标报告。"
	}
	s.render(w, r, "status.html", p)
}

// statusChart counts the departments per status for the overview.
func statusChart(st *corpus.Status) chart {
	var counts []corpus.Count
	for _, name := range corpus.Statuses {
		counts = append(counts, corpus.Count{Key: name, N: st.Counts[name]})
	}
	return newChart("报送情况（按部门）", strconv.Itoa(st.Year)+" 年度；未报送按导入的部门名单计",
		counts, func(c corpus.Count) string { return c.Key },
		func(c corpus.Count) string { return "/status?status=" + url.QueryEscape(c.Key) })
}

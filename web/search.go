package web

import (
	"context"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/jixiao/jixiao/corpus"
)

// searchPageSize is the hits of a search page.
const searchPageSize = 50

// searchView is a page of search hits.
type searchView struct {
	Total    int
	From, To int
	Hits     []searchHit
	Pager    []pageLink
}

type searchHit struct {
	Rank                int
	Department, Project string
	Indicator           int
	Where               string
	Text                template.HTML // the matched terms in <mark>, the rest escaped
	URL                 string        // the document page at the hit's cell
	File                string
}

func (s *Server) search(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	p := &page{Title: "全文搜索", Nav: "search", Query: map[string]string{"q": q}}
	if q == "" {
		s.render(w, r, "search.html", p)
		return
	}
	s.segOnce.Do(func() { s.seg, s.segErr = s.Segmenter() })
	if s.segErr != nil {
		s.fail(w, r, fmt.Errorf("web: search: segmenter: %w", s.segErr))
		return
	}
	pageNo := 1
	if n, err := strconv.Atoi(r.URL.Query().Get("page")); err == nil && n > 1 && n < 1<<20 {
		pageNo = n
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.QueryTimeout)
	defer cancel()
	res, err := s.Store.SearchPage(ctx, s.seg, q, (pageNo-1)*searchPageSize, searchPageSize)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if res.Total == 0 {
		p.Notice = "没有找到“" + q + "”。"
		s.render(w, r, "search.html", p)
		return
	}
	sv := &searchView{Total: res.Total}
	if len(res.Hits) > 0 {
		sv.From = (pageNo-1)*searchPageSize + 1
		sv.To = sv.From + len(res.Hits) - 1
	} else {
		p.Notice = "没有这一页：请从第一页看起。"
	}
	for i, h := range res.Hits {
		dept := strings.TrimSpace(h.DepartmentName + " " + h.DepartmentCode)
		sv.Hits = append(sv.Hits, searchHit{Rank: sv.From + i, Department: dept,
			Project: strings.TrimSpace(h.ProjectName + " " + h.ProjectCode), Indicator: h.Indicator,
			Where: h.Where, Text: highlight(h.Text, res.Terms), URL: hitURL(h), File: h.File})
	}
	st := listState{path: "/search", page: pageNo}
	sv.Pager = st.pagerOf(res.Total, searchPageSize, func(v url.Values) { v.Set("q", q) })
	p.Search = sv
	s.render(w, r, "search.html", p)
}

// hitURL is the document page at the cell a hit was found in; the
// anchors are the document page's (docview.go): cell-i<indicator id>-…
// for an indicator row, cell-p<project id>-name for a project, cell-overall,
// cell-sub<no>-goal and cell-measure<no> for the department's goals.
func hitURL(h corpus.Hit) string {
	u := fmt.Sprintf("/documents/%d", h.DocumentID)
	switch {
	case h.IndicatorID > 0:
		return u + fmt.Sprintf("#cell-i%d-level3", h.IndicatorID)
	case h.ProjectID > 0:
		return u + fmt.Sprintf("#cell-p%d-name", h.ProjectID)
	case h.GoalKind == "overall":
		return u + "#cell-overall"
	case h.GoalKind == "sub_goal":
		return u + "#cell-sub" + url.PathEscape(h.GoalNo) + "-goal"
	case h.GoalKind == "measure":
		return u + "#cell-measure" + url.PathEscape(h.GoalNo)
	}
	return u
}

// maxHitText bounds the text of a hit shown on the page, in characters.
const maxHitText = 300

// highlight escapes text and puts each occurrence of a term (compared
// without regard to case) in <mark>. The text is cut to maxHitText
// characters around the first match.
func highlight(text string, terms []string) template.HTML {
	lower := strings.ToLower(text)
	type span struct{ from, to int }
	var spans []span
	for _, t := range terms {
		t = strings.ToLower(t)
		if t == "" {
			continue
		}
		for at := 0; ; {
			i := strings.Index(lower[at:], t)
			if i < 0 {
				break
			}
			spans = append(spans, span{at + i, at + i + len(t)})
			at += i + len(t)
		}
	}
	// ToLower keeps byte offsets for the text the corpus holds (CJK,
	// ASCII); a text where it would not is shown unmarked.
	if len(lower) != len(text) {
		spans = nil
	}
	sort.Slice(spans, func(a, b int) bool { return spans[a].from < spans[b].from })
	start, end := 0, len(text)
	if utf8.RuneCountInString(text) > maxHitText {
		if len(spans) > 0 {
			start = backRunes(text, spans[0].from, maxHitText/3)
		}
		end = forwardRunes(text, start, maxHitText)
	}
	var b strings.Builder
	if start > 0 {
		b.WriteString("…")
	}
	at := start
	for _, sp := range spans {
		if sp.from < at || sp.to > end {
			continue // overlapping an earlier term, or cut off
		}
		b.WriteString(template.HTMLEscapeString(text[at:sp.from]))
		b.WriteString("<mark>" + template.HTMLEscapeString(text[sp.from:sp.to]) + "</mark>")
		at = sp.to
	}
	b.WriteString(template.HTMLEscapeString(text[at:end]))
	if end < len(text) {
		b.WriteString("…")
	}
	return template.HTML(b.String())
}

// backRunes is the byte offset n characters before i in s (or 0).
func backRunes(s string, i, n int) int {
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return i
}

// forwardRunes is the byte offset n characters after i in s (or len(s)).
func forwardRunes(s string, i, n int) int {
	for ; n > 0 && i < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return i
}

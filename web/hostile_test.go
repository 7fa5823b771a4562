package web

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/normalize"
	"github.com/jixiao/jixiao/pipeline"
	"github.com/jixiao/jixiao/report"
	"github.com/jixiao/jixiao/rules"
)

// Text a department could type into a form's cells to run script in the
// reviewer's browser.
const (
	xssScript = `<script>alert(1)</script>`
	xssImg    = `"><img src=x onerror=alert(1)>`
	xssLink   = `javascript:alert(1)`
)

// hostileReport is a report whose every text field a page shows holds
// the hostile strings; its indicators mention 满意度 so a search finds them.
func hostileReport() *rules.Checked {
	ind := func(text string) report.Indicator {
		return report.Indicator{Level1: "产出指标", Level2: text, Level3: text + "满意度",
			Description: text, Value: text, Target: normalize.Value(text, normalize.Context{}), Basis: text}
	}
	return &rules.Checked{Report: &report.Report{Schema: report.Schema, Kind: report.KindTarget,
		Department: report.Department{Code: "430009", Name: xssScript + "局"},
		Projects: []report.Project{{Seq: 1, Code: "13073025P00089410009A", Name: xssImg, Goal: xssLink,
			Indicators: []report.Indicator{ind(xssScript), ind(xssImg), ind(xssLink)}}}},
		Findings: []rules.Finding{
			{Rule: "V603", Severity: rules.Error, Message: "指标“" + xssScript + "”" + xssImg,
				Location: report.Location{Project: "13073025P00089410009A", Indicator: 1, Field: "value"}},
			{Rule: "P501", Severity: rules.Warning, Message: xssLink,
				Location: report.Location{Project: "13073025P00089410009A", Indicator: 3, Field: "value"}},
		}}
}

// hostileServer stores hostileReport (from a file with a hostile name)
// through corpus.Store.Put, with no reading of files, and returns the
// server over it, read-only.
func hostileServer(t testing.TB) (*Server, *corpus.Store) {
	t.Helper()
	dir := t.TempDir()
	db := filepath.Join(dir, "hostile.db")
	st, err := corpus.Open(db)
	if errors.Is(err, corpus.ErrNoFTS5) {
		t.Skip("built without -tags sqlite_fts5")
	}
	if err != nil {
		t.Fatal(err)
	}
	seg, err := corpus.LoadSegmenter(dir)
	if err != nil {
		t.Fatal(err)
	}
	c := hostileReport()
	d := &corpus.Doc{SHA256: strings.Repeat("ab", 32), Path: "报送/" + xssScript + xssImg + ".docx", Format: "docx", Size: 1,
		Report: pipeline.StoredReport(c)}
	d.Index = corpus.NewIndex(d.Report, seg)
	if ok, err := st.Put(context.Background(), d, false); err != nil || !ok {
		t.Fatalf("put: %v %v", ok, err)
	}
	fail := &corpus.Doc{SHA256: strings.Repeat("cd", 32), Path: xssLink + ".pdf", Format: "pdf", Size: 1,
		Err: errors.New(xssScript), Reason: xssImg}
	if _, err := st.Put(context.Background(), fail, false); err != nil {
		t.Fatal(err)
	}
	st.Close()
	ro, err := corpus.OpenReadOnly(db)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ro.Close() })
	return &Server{Store: ro, Segmenter: func() (*corpus.Segmenter, error) { return corpus.LoadSegmenter(dir) }}, ro
}

// serve answers one GET of target (a path and query) from a loopback Host.
// Header pairs are set on the request; a "Host" pair sets its Host.
func serve(h http.Handler, target string, header ...string) *httptest.ResponseRecorder {
	req := newRequest("GET", target)
	for i := 0; i+1 < len(header); i += 2 {
		if header[i] == "Host" {
			req.Host = header[i+1]
		}
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// newRequest makes a request of target (a path and a raw query, taken as
// is, so it may hold what url.Parse refuses) from a loopback Host.
func newRequest(method, target string) *http.Request {
	req := httptest.NewRequest(method, "/", nil)
	path, query, _ := strings.Cut(target, "?")
	req.URL.Path, req.URL.RawQuery, req.RequestURI = path, query, target
	req.Host = "127.0.0.1:8080"
	return req
}

// TestHostileCells shows cells holding markup on every page: as text, the
// markup escaped, never as elements or a javascript: link.
func TestHostileCells(t *testing.T) {
	s, _ := hostileServer(t)
	h := s.Handler()
	pages := []struct {
		path  string
		shows string // a cell the page must show, escaped
	}{
		{"/", "&lt;script&gt;alert(1)&lt;/script&gt;局"},
		{"/issues", "&lt;img src=x onerror=alert(1)&gt;"},
		{"/issues?dept=430009", xssLink},
		{"/indicators", "&lt;script&gt;alert(1)&lt;/script&gt;满意度"},
		{"/indicators?project=13073025P00089410009A", "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;"},
		{"/search?q=满意度", "&lt;script&gt;alert(1)&lt;/script&gt;"},
		{"/search?q=" + url.QueryEscape(xssScript+xssImg), "&lt;script&gt;alert(1)&lt;/script&gt;"},
		{"/indicators?dept=" + url.QueryEscape(xssImg), "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;"},
	}
	for _, p := range pages {
		rec := serve(h, p.path)
		body := rec.Body.String()
		if rec.Code != http.StatusOK {
			t.Errorf("GET %s: status %d", p.path, rec.Code)
			continue
		}
		if !strings.Contains(body, p.shows) {
			t.Errorf("GET %s does not show %q", p.path, p.shows)
		}
		for _, bad := range []string{"<script", "<img", `href="javascript:`, "onerror=alert(1)>"} {
			if strings.Contains(body, bad) {
				i := strings.Index(body, bad)
				t.Errorf("GET %s holds %q unescaped: …%s…", p.path, bad, body[max(0, i-80):min(len(body), i+80)])
			}
		}
	}
}

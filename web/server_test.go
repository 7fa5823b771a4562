package web

import (
	"context"
	"encoding/csv"
	"errors"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/pipeline"
	"github.com/jixiao/jixiao/report"
	"github.com/jixiao/jixiao/rules"
)

// newServer ingests the seed reports into a fresh database and serves it.
func newServer(t *testing.T) *httptest.Server {
	t.Helper()
	return newServerWith(t, nil)
}

// newServerWith is newServer with the server set up by set (nil: as is).
func newServerWith(t *testing.T, set func(*Server)) *httptest.Server {
	t.Helper()
	db := filepath.Join(t.TempDir(), "web.db")
	st, err := corpus.Open(db)
	if errors.Is(err, corpus.ErrNoFTS5) {
		t.Skip("built without -tags sqlite_fts5")
	}
	if err != nil {
		t.Fatal(err)
	}
	cfg := rules.Default()
	seed := filepath.Join("..", "testdata", "seed")
	// A second department, so a filter has something to leave out.
	other := filepath.Join("..", "testdata", "real-forms", "02-nanyue-lvyou.docx")
	_, err = pipeline.Ingest(context.Background(), st, []string{filepath.Join(seed, "seed.docx"), filepath.Join(seed, "seed-split.pdf"), other}, pipeline.IngestConfig{
		Check:      func(r *report.Report) *rules.Checked { return rules.Check(r, cfg) },
		CheckBatch: pipeline.BatchRules(cfg),
	})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	ro, err := corpus.OpenReadOnly(db)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ro.Close() })
	s := &Server{Store: ro, Segmenter: func() (*corpus.Segmenter, error) { return corpus.LoadSegmenter(t.TempDir()) }}
	if set != nil {
		set(s)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return ts
}

func get(t *testing.T, url string) (int, http.Header, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(body)
}

func TestPages(t *testing.T) {
	ts := newServer(t)
	tests := []struct {
		path string
		want []string
	}{
		{"/", []string{"概览", "<b>2</b>报告", "怀来县机关事务服务中心", `href="/issues?dept=430001"`}},
		{"/issues?dept=430001&severity=error", []string{"3月底", `class="sev error"`, `href="/rules/P501"`, "下载（全部", "共 "}},
		{"/issues?rule=v603", []string{"会议保障服务质量", "V603"}},
		{"/issues?file=seed.docx", []string{"testdata/seed/seed.docx", `href="/issues?file=..%2Ftestdata%2Fseed%2Fseed.docx"`}},
		{"/indicators?project=13073025P00089410001D&level1=产出", []string{"车辆购置数量", `<td class="c-op">≤</td>`, "不超期完成项目"}},
		{"/indicators?kind=reference", []string{"小于预算", "控制在预算内", `<td class="c-kind">参照（如预算数）</td>`}},
		{"/indicators?min=abc", []string{"筛选条件有误", "不是数字"}},
		{"/search?q=满意度", []string{"服务对象<mark>满意度</mark>", "共 ", `href="/documents/`}},
		{"/search?q=量子纠缠", []string{"没有找到"}},
		{"/rules", []string{"V604", "比率目标超过100%"}},
		{"/rules/v604", []string{"V604", "查看该规则的全部审核发现", `<span class="sev error">错误</span>`}},
	}
	for _, tt := range tests {
		code, _, body := get(t, ts.URL+tt.path)
		if code != http.StatusOK {
			t.Errorf("GET %s: status %d\n%s", tt.path, code, body)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(body, w) {
				t.Errorf("GET %s lacks %q", tt.path, w)
			}
		}
	}
	if _, _, body := get(t, ts.URL+"/issues?file=seed.docx"); strings.Contains(body, "seed-split.pdf") {
		t.Errorf("file filter seed.docx shows findings of seed-split.pdf")
	}
	if code, _, _ := get(t, ts.URL+"/rules/NOPE"); code != http.StatusNotFound {
		t.Errorf("unknown rule: status %d", code)
	}
}

// downloadURL is the link in format that a list page renders, "" if none.
func downloadURL(page, format string) string {
	for _, m := range hrefTextRe.FindAllStringSubmatch(regexp.MustCompile(`<p class="downloads">.*?</p>`).FindString(page), -1) {
		if u := html.UnescapeString(m[1]); strings.Contains(u, "format="+format) {
			return u
		}
	}
	return ""
}

// TestDownloads follows a list page's CSV and Excel links.
func TestDownloads(t *testing.T) {
	ts := newServer(t)
	_, _, page := get(t, ts.URL+"/issues?severity=error")
	code, h, body := get(t, ts.URL+downloadURL(page, "csv"))
	if code != 200 || !strings.HasPrefix(h.Get("Content-Type"), "text/csv") || !strings.Contains(body, "P501") {
		t.Errorf("csv: %d %s\n%s", code, h.Get("Content-Type"), body)
	}
	if !strings.Contains(h.Get("Content-Disposition"), "attachment") {
		t.Errorf("csv not offered as a download: %q", h.Get("Content-Disposition"))
	}
	_, _, page = get(t, ts.URL+"/indicators")
	code, h, body = get(t, ts.URL+downloadURL(page, "xlsx"))
	if code != 200 || !strings.HasPrefix(body, "PK") || !strings.Contains(h.Get("Content-Type"), "spreadsheetml") {
		t.Errorf("xlsx: %d %s", code, h.Get("Content-Type"))
	}
}

// TestDownloadLinks follows the download links a filtered page renders, as
// a clerk would, and checks the files hold exactly the rows on screen.
func TestDownloadLinks(t *testing.T) {
	ts := newServer(t)
	_, _, issues := get(t, ts.URL+"/issues")
	allURL := downloadURL(issues, "csv")
	if allURL == "" {
		t.Fatal("/issues: no CSV link")
	}
	_, _, all := get(t, ts.URL+allURL)
	for _, page := range []string{"/issues?dept=430001", "/issues?dept=430001&severity=error", "/indicators?dept=430001&level1=产出"} {
		_, _, body := get(t, ts.URL+page)
		links := regexp.MustCompile(`<p class="downloads">.*?</p>`).FindString(body)
		hrefs := regexp.MustCompile(`href="([^"]*)"`).FindAllStringSubmatch(links, -1)
		if len(hrefs) != 3 {
			t.Fatalf("%s: download links %q", page, links)
		}
		var csvURL string
		for _, h := range hrefs {
			u := html.UnescapeString(h[1])
			if strings.Contains(u, "format=csv") {
				csvURL = u
			}
			code, hdr, _ := get(t, ts.URL+u)
			if code != 200 || !strings.Contains(hdr.Get("Content-Disposition"), "attachment") {
				t.Errorf("%s: link %s: status %d, %q", page, u, code, hdr.Get("Content-Disposition"))
			}
		}
		_, _, file := get(t, ts.URL+csvURL)
		rows, err := csv.NewReader(strings.NewReader(file)).ReadAll()
		if err != nil || len(rows) < 2 {
			t.Fatalf("%s: csv %s: %v, %d rows", page, csvURL, err, len(rows))
		}
		// Every row is the department's, and there are as many as the page
		// counts, fewer than the whole database holds.
		for _, r := range rows[1:] {
			if !strings.Contains(strings.Join(r, "|"), "430001") {
				t.Errorf("%s: downloaded row of another department: %v", page, r)
				break
			}
		}
		if n := strings.Count(body, "<tr>") - 1; n != len(rows)-1 {
			t.Errorf("%s: page shows %d rows, download holds %d", page, n, len(rows)-1)
		}
		if total := "共 " + strconv.Itoa(len(rows)-1) + " 条"; !strings.Contains(body, total) {
			t.Errorf("%s: page does not say %q", page, total)
		}
		if strings.HasPrefix(page, "/issues") && len(rows) >= strings.Count(all, "\n") {
			t.Errorf("%s: download holds %d rows, as many as the unfiltered list", page, len(rows))
		}
	}
}

func TestTruncatedTable(t *testing.T) {
	s := &Server{}
	s.init()
	s.maxRows = 2
	tab := &corpus.Table{Name: "x", Columns: []corpus.Column{{Key: "a", Title: "A"}, {Key: "b", Title: "B"}, {Key: "c", Title: "C"}},
		Rows: [][]any{{"1", nil, ""}, {"2", "", ""}, {"3", nil, "x"}}}
	sh := s.show(tab)
	if !sh.Truncated || sh.Total != 3 || len(sh.Rows) != 2 || len(tab.Rows) != 3 {
		t.Errorf("show: truncated=%v total=%d rows=%d original=%d", sh.Truncated, sh.Total, len(sh.Rows), len(tab.Rows))
	}
	// B and C are empty in the rows shown: only A stays; the table itself
	// keeps its columns for downloads.
	if len(sh.Columns) != 1 || sh.Columns[0].Key != "a" || len(sh.Rows[0]) != 1 || len(tab.Columns) != 3 {
		t.Errorf("show: columns %v, row %v", sh.Columns, sh.Rows[0])
	}
}

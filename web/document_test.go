package web

import (
	"bytes"
	"errors"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
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

// uploadServer serves an empty database with the upload form open, files
// read in this process; it returns the server and the folder uploads go to.
func uploadServer(t *testing.T, configure func(*Server)) (*httptest.Server, string) {
	t.Helper()
	dir := t.TempDir()
	db := filepath.Join(dir, "up.db")
	rw, err := corpus.Open(db)
	if errors.Is(err, corpus.ErrNoFTS5) {
		t.Skip("built without -tags sqlite_fts5")
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { rw.Close() })
	ro, err := corpus.OpenReadOnly(db)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ro.Close() })
	cfg := rules.Default()
	s := &Server{Store: ro, Segmenter: func() (*corpus.Segmenter, error) { return corpus.LoadSegmenter(dir) }}
	s.Documents.PageCache = filepath.Join(dir, "pages")
	// Isolated readers, as jixiao serve gives them.
	reader := &pipeline.Reader{Isolate: true}
	t.Cleanup(reader.Close)
	s.Documents.Reader = reader
	s.Documents.Upload = &Upload{Store: rw, Dir: db + ".files", Reader: reader,
		Check:      func(r *report.Report) *rules.Checked { return rules.Check(r, cfg) },
		CheckBatch: pipeline.BatchRules(cfg)}
	if configure != nil {
		configure(s)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return ts, db + ".files"
}

// noRedirect is a client that shows redirects instead of following them.
var noRedirect = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

// postForm reads the upload form at base/upload and posts files through
// it as a browser would: its action, its hidden token, the files under
// the file input's name. extra headers are set on the post.
func postForm(t *testing.T, base string, files []string, header ...string) *http.Response {
	t.Helper()
	_, _, page := get(t, base+"/upload")
	form := regexp.MustCompile(`(?s)<form class="upload" method="post" action="([^"]+)" enctype="multipart/form-data">(.*?)</form>`).FindStringSubmatch(page)
	if form == nil {
		t.Fatalf("upload page has no form:\n%s", page)
	}
	token := regexp.MustCompile(`<input type="hidden" name="csrf" value="([^"]+)">`).FindStringSubmatch(form[2])
	input := regexp.MustCompile(`<input type="file" name="([^"]+)" multiple`).FindStringSubmatch(form[2])
	if token == nil || input == nil {
		t.Fatalf("upload form lacks the token or the file input:\n%s", form[2])
	}
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	mw.WriteField("csrf", token[1])
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		w, _ := mw.CreateFormFile(input[1], filepath.Base(f))
		w.Write(data)
	}
	mw.Close()
	req, _ := http.NewRequest("POST", base+form[1], &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Origin", base)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := noRedirect.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	return resp
}

func readBody(t *testing.T, resp *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// checkAnchors fails when a link of page to #x has no element with id x,
// and returns the ids of the finding marks (f<id>).
func checkAnchors(t *testing.T, page string) []string {
	t.Helper()
	ids := map[string]bool{}
	for _, m := range regexp.MustCompile(` id="([^"]+)"`).FindAllStringSubmatch(page, -1) {
		if ids[m[1]] {
			t.Errorf("id %q used twice", m[1])
		}
		ids[m[1]] = true
	}
	for _, m := range regexp.MustCompile(`href="#([^"]+)"`).FindAllStringSubmatch(page, -1) {
		if !ids[m[1]] {
			t.Errorf("link to #%s, which the page lacks", m[1])
		}
	}
	var marks []string
	for id := range ids {
		if regexp.MustCompile(`^f\d+$`).MatchString(id) {
			marks = append(marks, id)
		}
	}
	return marks
}

const seedDir = "../testdata/seed"

func TestUploadOneFileShowsItsPage(t *testing.T) {
	ts, files := uploadServer(t, nil)
	resp := postForm(t, ts.URL, []string{filepath.Join(seedDir, "seed.docx")})
	loc := resp.Header.Get("Location")
	if resp.StatusCode != http.StatusSeeOther || !regexp.MustCompile(`^/documents/\d+$`).MatchString(loc) {
		t.Fatalf("upload: %d %q\n%s", resp.StatusCode, loc, readBody(t, resp))
	}
	code, _, page := get(t, ts.URL+loc)
	if code != 200 {
		t.Fatalf("GET %s: %d", loc, code)
	}
	for _, want := range []string{"怀来县机关事务服务中心", "车辆购置数量", "下载原始文件", `rowspan="`,
		`class="finding sev-error"`, `<li id="fl`, "北京时间"} {
		if !strings.Contains(page, want) {
			t.Errorf("document page lacks %q", want)
		}
	}
	marks := checkAnchors(t, page)
	if n := strings.Count(page, `<li id="fl`); len(marks) != n || n < 10 {
		t.Errorf("%d findings listed, %d anchors f<id>", n, len(marks))
	}
	// The merged 一级指标 cell is drawn once per run of rows.
	if n := strings.Count(page, ">产出指标<"); n == 0 || n > 6 {
		t.Errorf("产出指标 drawn %d times", n)
	}
	// The download is the file uploaded, kept under its hash.
	dl := regexp.MustCompile(`<a class="download" href="([^"]+)">`).FindStringSubmatch(page)
	if dl == nil {
		t.Fatal("no download link")
	}
	fresp, err := http.Get(ts.URL + dl[1])
	if err != nil {
		t.Fatal(err)
	}
	got := readBody(t, fresp)
	want, _ := os.ReadFile(filepath.Join(seedDir, "seed.docx"))
	if got != string(want) || fresp.Header.Get("Content-Type") != contentTypes["docx"] ||
		!strings.HasPrefix(fresp.Header.Get("Content-Disposition"), "attachment; filename*=UTF-8''seed.docx") {
		t.Errorf("download: %d bytes, %q, %q", len(got), fresp.Header.Get("Content-Type"), fresp.Header.Get("Content-Disposition"))
	}
	kept, _ := filepath.Glob(filepath.Join(files, "*", "seed.docx"))
	if len(kept) != 1 {
		t.Fatalf("kept files: %v", kept)
	}
	// A file changed after it was read is not served.
	if err := os.WriteFile(kept[0], append(want[:len(want)-1:len(want)-1], 'x'), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, _ := get(t, ts.URL+dl[1]); code != http.StatusNotFound {
		t.Errorf("changed file: status %d", code)
	}
	// The page checks the size only (hashing every view would cost).
	if err := os.WriteFile(kept[0], want[:len(want)/2], 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, page := get(t, ts.URL+loc); strings.Contains(page, "下载原始文件") {
		t.Error("truncated file still offered for download")
	}
}

func TestUploadManyFiles(t *testing.T) {
	ts, _ := uploadServer(t, nil)
	notReport := filepath.Join(seedDir, "truth.json")
	resp := postForm(t, ts.URL, []string{filepath.Join(seedDir, "seed-split.pdf"), notReport, filepath.Join(seedDir, "seed-split.pdf")})
	page := readBody(t, resp)
	if resp.StatusCode != 200 {
		t.Fatalf("status %d\n%s", resp.StatusCode, page)
	}
	rows := regexp.MustCompile(`<tr class="(\w+)"><td>(?:<a href="(/documents/\d+)">)?([^<]+)`).FindAllStringSubmatch(page, -1)
	if len(rows) != 3 {
		t.Fatalf("results: %q", rows)
	}
	if rows[0][1] != "ok" || rows[0][2] == "" || rows[1][1] != "skipped" || rows[1][2] != rows[0][2] ||
		rows[2][1] != "failed" || rows[2][3] != "truth.json" || !strings.Contains(page, "不是 .docx 或 .pdf") {
		t.Errorf("results: %q", rows)
	}
	code, _, doc := get(t, ts.URL+rows[0][2])
	if code != 200 || !strings.Contains(doc, "seed-split.pdf") {
		t.Fatalf("GET %s: %d", rows[0][2], code)
	}
	checkAnchors(t, doc)
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		if !strings.Contains(doc, "未安装 pdftoppm") {
			t.Error("no note that pdftoppm is missing")
		}
		t.Log("pdftoppm not installed: page images not tested")
		return
	}
	// Each finding with a cell box is drawn on its page, linked to its mark.
	img := regexp.MustCompile(`<img src="(/documents/\d+/pages/\d+\.png)"`).FindStringSubmatch(doc)
	rect := regexp.MustCompile(`<a href="#f\d+"><rect class="sev-\w+" x="[\d.]+" y="[\d.]+" width="[\d.]+" height="[\d.]+">`).FindString(doc)
	if img == nil || rect == "" {
		t.Fatalf("no page image or box: %q %q", img, rect)
	}
	for range 2 { // drawn, then from the cache
		iresp, err := http.Get(ts.URL + img[1])
		if err != nil {
			t.Fatal(err)
		}
		png := readBody(t, iresp)
		if iresp.StatusCode != 200 || iresp.Header.Get("Content-Type") != "image/png" || !strings.HasPrefix(png, "\x89PNG") {
			t.Fatalf("GET %s: %d %s", img[1], iresp.StatusCode, iresp.Header.Get("Content-Type"))
		}
	}
	if code, _, _ := get(t, ts.URL+strings.Replace(img[1], "/pages/", "/pages/9", 1)); code != http.StatusNotFound {
		t.Errorf("page out of range: %d", code)
	}
}

func TestPagesWithoutRenderer(t *testing.T) {
	ts, _ := uploadServer(t, func(s *Server) { s.Documents.Pdftoppm = "/nonexistent/pdftoppm" })
	resp := postForm(t, ts.URL, []string{filepath.Join(seedDir, "seed.pdf")})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("status %d", resp.StatusCode)
	}
	_, _, doc := get(t, ts.URL+resp.Header.Get("Location"))
	if !strings.Contains(doc, "无法显示原始页面") || !strings.Contains(doc, `class="finding sev-`) {
		t.Error("without pdftoppm the page should say so and show the tables")
	}
}

func TestUploadRefused(t *testing.T) {
	ts, files := uploadServer(t, func(s *Server) { s.Documents.Upload.MaxFile = 1000 })
	docx := filepath.Join(seedDir, "seed.docx")
	tests := []struct {
		name   string
		resp   *http.Response
		status int
		says   string
	}{
		{"other site", postForm(t, ts.URL, []string{docx}, "Origin", "http://evil.example"), 403, "只接受"},
		{"cross-site fetch", postForm(t, ts.URL, []string{docx}, "Sec-Fetch-Site", "cross-site"), 403, "只接受"},
		{"too large", postForm(t, ts.URL, []string{docx}), 413, "超过 0 MB"},
		{"no file", postForm(t, ts.URL, nil), 400, "请选择"},
	}
	for _, tt := range tests {
		body := readBody(t, tt.resp)
		if tt.resp.StatusCode != tt.status || !strings.Contains(body, tt.says) {
			t.Errorf("%s: %d, want %d with %q", tt.name, tt.resp.StatusCode, tt.status, tt.says)
		}
	}
	// A post without the form's token.
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	w, _ := mw.CreateFormFile("files", "seed.docx")
	w.Write([]byte("PK"))
	mw.Close()
	resp, err := http.Post(ts.URL+"/upload", mw.FormDataContentType(), &body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 403 {
		t.Errorf("no token: %d", resp.StatusCode)
	}
	resp.Body.Close()
	if kept, _ := filepath.Glob(filepath.Join(files, "*", "*")); len(kept) != 0 {
		t.Errorf("refused files kept: %v", kept)
	}
}

func TestUploadReadOnly(t *testing.T) {
	ts := newServer(t)
	if code, _, page := get(t, ts.URL+"/upload"); code != 200 || !strings.Contains(page, "只读") || strings.Contains(page, "<form class=\"upload\"") {
		t.Errorf("read-only upload page: %d", code)
	}
	resp, err := http.Post(ts.URL+"/upload", "multipart/form-data; boundary=x", strings.NewReader("--x--"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("read-only post: %d", resp.StatusCode)
	}
}

func TestDocumentPageHostile(t *testing.T) {
	s, st := hostileServer(t)
	h := s.Handler()
	for _, sha := range []string{strings.Repeat("ab", 32), strings.Repeat("cd", 32)} {
		id, err := st.DocumentID(t.Context(), sha)
		if err != nil {
			t.Fatal(err)
		}
		path := "/documents/" + strconv.FormatInt(id, 10)
		rec := serve(h, path)
		body := rec.Body.String()
		if rec.Code != 200 {
			t.Fatalf("GET %s: %d", path, rec.Code)
		}
		for _, bad := range []string{"<script", "<img", `href="javascript:`, "onerror=alert(1)>"} {
			if strings.Contains(body, bad) {
				t.Errorf("GET %s holds %q unescaped", path, bad)
			}
		}
		if !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;") && !strings.Contains(body, "&lt;img src=x") {
			t.Errorf("GET %s shows no hostile text escaped", path)
		}
		checkAnchors(t, body)
		// Not where it was read from: no link, and the file route refuses.
		if strings.Contains(body, "下载原始文件") {
			t.Errorf("GET %s offers a download of a file that is not there", path)
		}
		if rec := serve(h, path+"/file"); rec.Code != http.StatusNotFound {
			t.Errorf("GET %s/file: %d", path, rec.Code)
		}
	}
	if !strings.Contains(serve(h, "/documents/2").Body.String(), "此文件未能读取") {
		t.Error("failed document shows no reason")
	}
	for _, p := range []string{"/documents/999", "/documents/x", "/documents/1/pages/1.png", "/documents/1/pages/a.png"} {
		if rec := serve(h, p); rec.Code != http.StatusNotFound {
			t.Errorf("GET %s: %d", p, rec.Code)
		}
	}
}

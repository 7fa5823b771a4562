package web

import (
	"log"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jixiao/jixiao/corpus"
)

// securityHeadersMissing returns the security headers h lacks or holds
// with another value.
func securityHeadersMissing(h http.Header) []string {
	var bad []string
	for k, v := range securityHeaders {
		if h.Get(k) != v {
			bad = append(bad, k+": "+h.Get(k))
		}
	}
	return bad
}

func TestSecurityHeaders(t *testing.T) {
	s, _ := hostileServer(t)
	s.Token = "0123456789abcdef"
	h := s.Handler()
	auth := []string{"Authorization", "Bearer " + s.Token}
	for _, tc := range []struct {
		path   string
		header []string
		status int
	}{
		{"/", auth, 200},
		{"/issues?format=csv", auth, 200},
		{"/indicators?format=xlsx", auth, 200},
		{"/nope", auth, 404},
		{"/issues?dept=" + strings.Repeat("x", 300), auth, 400},
		{"/", nil, 401},
		{"/", []string{"Host", "evil.example"}, 421},
	} {
		rec := serve(h, tc.path, tc.header...)
		if rec.Code != tc.status {
			t.Errorf("GET %s: status %d, want %d", tc.path, rec.Code, tc.status)
		}
		if bad := securityHeadersMissing(rec.Header()); len(bad) > 0 {
			t.Errorf("GET %s: security headers wrong: %v", tc.path, bad)
		}
	}
}

// TestStylesheet checks the layout links its CSS, the only style there is
// (the CSP forbids inline style), and that it is served to be cached.
func TestStylesheet(t *testing.T) {
	s, _ := hostileServer(t)
	h := s.Handler()
	body := serve(h, "/rules").Body.String()
	if strings.Contains(body, "<style") || strings.Contains(body, "style=") || strings.Contains(body, "<script") {
		t.Errorf("page holds inline style or script")
	}
	href := regexp.MustCompile(`<link rel="stylesheet" href="([^"]+)">`).FindStringSubmatch(body)
	if href == nil {
		t.Fatal("no stylesheet link")
	}
	rec := serve(h, href[1])
	if rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/css") ||
		!strings.Contains(rec.Header().Get("Cache-Control"), "max-age=31536000") || !strings.Contains(rec.Body.String(), "border-collapse") {
		t.Errorf("GET %s: %d %v", href[1], rec.Code, rec.Header())
	}
	if rec := serve(h, "/static/app.css"); rec.Code != 404 {
		t.Errorf("unhashed stylesheet path: status %d", rec.Code)
	}
}

func TestNotFoundPage(t *testing.T) {
	s, _ := hostileServer(t)
	h := s.Handler()
	for _, p := range []string{"/nope", "/rules/NOPE", "/rules/", "/static/x.css", "/issues/x"} {
		rec := serve(h, p)
		body := rec.Body.String()
		if rec.Code != 404 || !strings.Contains(body, "页面不存在") || !strings.Contains(body, `<a href="/">← 返回概览</a>`) ||
			!strings.Contains(body, "<header>") {
			t.Errorf("GET %s: status %d\n%s", p, rec.Code, body)
		}
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, newRequest("POST", "/issues"))
	if rec.Code != http.StatusMethodNotAllowed || !strings.Contains(rec.Body.String(), "不支持的请求") {
		t.Errorf("POST /issues: status %d", rec.Code)
	}
}

func TestQueryLimits(t *testing.T) {
	s, _ := hostileServer(t)
	h := s.Handler()
	for _, tc := range []struct {
		query  string
		status int
	}{
		{"dept=" + strings.Repeat("局", 200), 200},
		{"dept=" + strings.Repeat("局", 201), 400},
		{"dept=" + strings.Repeat("x", 100<<10), 400}, // SQLite answered LIKE pattern too complex: a 500
		{strings.Repeat("a=1&", 600), 400},
		{strings.Repeat("k", 201) + "=1", 400},
		{"dept=%zz", 400},
		{"dept=%ff", 400},
		{"min=abc", 200},
	} {
		rec := serve(h, "/indicators?"+tc.query)
		body := rec.Body.String()
		if rec.Code != tc.status {
			t.Errorf("query %.40q…: status %d, want %d", tc.query, rec.Code, tc.status)
		}
		if tc.status == 400 && (!strings.Contains(body, "请求有误") || !strings.Contains(body, "<header>")) {
			t.Errorf("query %.40q…: no Chinese error page:\n%s", tc.query, body)
		}
	}
}

func TestHostCheck(t *testing.T) {
	s, _ := hostileServer(t)
	h := s.Handler()
	for host, ok := range map[string]bool{
		"127.0.0.1:8080": true, "localhost:9999": true, "[::1]:8080": true, "LOCALHOST": true,
		"evil.example:8080": false, "127.0.0.1.evil.example:8080": false, "": false, "10.0.0.5:8080": false,
	} {
		rec := serve(h, "/rules", "Host", host)
		if (rec.Code == 200) != ok {
			t.Errorf("Host %q: status %d", host, rec.Code)
		}
		if !ok && (rec.Code != http.StatusMisdirectedRequest || !strings.Contains(rec.Body.String(), "本服务不接受")) {
			t.Errorf("Host %q: status %d without the Chinese refusal", host, rec.Code)
		}
	}
	s, _ = hostileServer(t)
	s.Hosts = []string{"192.168.1.5:8080", "jixiao.lan:8080"}
	h = s.Handler()
	for host, ok := range map[string]bool{"192.168.1.5:8080": true, "JIXIAO.lan:8080": true, "127.0.0.1:8080": false, "192.168.1.5:8081": false} {
		if rec := serve(h, "/rules", "Host", host); (rec.Code == 200) != ok {
			t.Errorf("Hosts %v, Host %q: status %d", s.Hosts, host, rec.Code)
		}
	}
}

func TestToken(t *testing.T) {
	s, _ := hostileServer(t)
	s.Token = "s3cret-token-0123456789"
	h := s.Handler()
	if rec := serve(h, "/issues"); rec.Code != 401 || !strings.Contains(rec.Body.String(), "需要访问令牌") {
		t.Errorf("no token: status %d", rec.Code)
	}
	if rec := serve(h, "/issues", "Authorization", "Bearer wrong"); rec.Code != 401 {
		t.Errorf("wrong bearer: status %d", rec.Code)
	}
	if rec := serve(h, "/issues?token=wrong"); rec.Code != 401 {
		t.Errorf("wrong ?token: status %d", rec.Code)
	}
	if rec := serve(h, "/issues", "Authorization", "Bearer "+s.Token); rec.Code != 200 {
		t.Errorf("bearer: status %d", rec.Code)
	}
	// The token in a link: a cookie, and the same page without the token.
	rec := serve(h, "/issues?dept=430009&token="+url.QueryEscape(s.Token))
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/issues?dept=430009" {
		t.Fatalf("?token: status %d, Location %q", rec.Code, rec.Header().Get("Location"))
	}
	cookies := (&http.Response{Header: rec.Header()}).Cookies()
	if len(cookies) != 1 || !cookies[0].HttpOnly || cookies[0].SameSite != http.SameSiteStrictMode || strings.Contains(cookies[0].Value, s.Token) {
		t.Fatalf("cookie %+v", cookies)
	}
	if rec := serve(h, "/issues?dept=430009", "Cookie", cookies[0].Name+"="+cookies[0].Value); rec.Code != 200 {
		t.Errorf("cookie: status %d", rec.Code)
	}
	if rec := serve(h, "/issues", "Cookie", cookies[0].Name+"=x"); rec.Code != 401 {
		t.Errorf("forged cookie: status %d", rec.Code)
	}
}

// blockingWriter holds a download open until released.
type blockingWriter struct {
	header  http.Header
	started chan struct{}
	release chan struct{}
	once    sync.Once
}

func (b *blockingWriter) Header() http.Header { return b.header }
func (b *blockingWriter) WriteHeader(int)     {}
func (b *blockingWriter) Write(p []byte) (int, error) {
	b.once.Do(func() { close(b.started); <-b.release })
	return len(p), nil
}

func TestExportLimit(t *testing.T) {
	s, _ := hostileServer(t)
	s.MaxExports = 2
	h := s.Handler()
	var writers []*blockingWriter
	var wg sync.WaitGroup
	for range 2 {
		bw := &blockingWriter{header: http.Header{}, started: make(chan struct{}), release: make(chan struct{})}
		writers = append(writers, bw)
		wg.Add(1)
		go func() {
			defer wg.Done()
			h.ServeHTTP(bw, newRequest("GET", "/indicators?format=xlsx"))
		}()
		select {
		case <-bw.started:
		case <-time.After(30 * time.Second):
			t.Fatal("download did not start")
		}
	}
	rec := serve(h, "/issues?format=csv")
	if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") == "" || !strings.Contains(rec.Body.String(), "导出任务过多，请稍后再试") {
		t.Errorf("third download: status %d, Retry-After %q", rec.Code, rec.Header().Get("Retry-After"))
	}
	if rec := serve(h, "/issues"); rec.Code != 200 {
		t.Errorf("a page during two downloads: status %d", rec.Code)
	}
	for _, bw := range writers {
		close(bw.release)
	}
	wg.Wait()
	if rec := serve(h, "/issues?format=csv"); rec.Code != 200 {
		t.Errorf("download after the others ended: status %d", rec.Code)
	}
}

// TestErrorsHidden checks a database error and a panic show the Chinese
// page, never their text.
func TestErrorsHidden(t *testing.T) {
	s, st := hostileServer(t)
	s.Segmenter = func() (*corpus.Segmenter, error) { panic("segmenter exploded") }
	var logged strings.Builder
	s.Log = log.New(&logged, "", 0)
	h := s.Handler()
	rec := serve(h, "/search?q=x")
	if rec.Code != 500 || !strings.Contains(rec.Body.String(), "服务器内部错误") || strings.Contains(rec.Body.String(), "exploded") {
		t.Errorf("panic: status %d\n%s", rec.Code, rec.Body.String())
	}
	if bad := securityHeadersMissing(rec.Header()); len(bad) > 0 {
		t.Errorf("panic page: security headers wrong: %v", bad)
	}
	st.Close()
	for _, p := range []string{"/", "/issues", "/indicators?format=csv"} {
		rec := serve(h, p)
		body := rec.Body.String()
		if rec.Code != 500 || !strings.Contains(body, "服务器内部错误") || strings.Contains(body, "sql") || strings.Contains(body, "closed") {
			t.Errorf("GET %s on a closed database: status %d\n%s", p, rec.Code, body)
		}
	}
	if !strings.Contains(logged.String(), "exploded") || !strings.Contains(logged.String(), "database is closed") {
		t.Errorf("errors not logged:\n%s", logged.String())
	}
}

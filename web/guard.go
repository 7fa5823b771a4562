package web

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"net"
	"net/http"
	"net/url"
	"runtime/debug"
	"strings"
	"unicode/utf8"
)

// Limits on what a request may ask: every page takes a few short filters,
// and a longer one only costs the database (a 100 KB LIKE pattern).
const (
	maxQuery = 2048 // bytes of the whole query string
	maxParam = 200  // characters of one parameter's name or value
)

// securityHeaders are sent with every response. The pages run no script
// and load nothing from elsewhere; the stylesheet is a file of this server.
var securityHeaders = map[string]string{
	"Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
		"frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
	"X-Content-Type-Options": "nosniff",
	"Referrer-Policy":        "no-referrer",
	"X-Frame-Options":        "DENY",
}

// loopbackHosts are the names of this computer a browser may use, each
// with the port appended when the server checks them.
var loopbackHosts = []string{"localhost", "127.0.0.1", "[::1]"}

// guarded wraps h in the checks every request goes through, outermost
// first: a panic becomes an error page, the security headers are set, a
// Host the server does not answer to is refused (DNS rebinding: a page of
// another site whose name was made to point at 127.0.0.1), then the access
// token and the size of the query string are checked.
func (s *Server) guarded(h http.Handler) http.Handler {
	return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		w := &startedWriter{ResponseWriter: rw}
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.logf("panic: %s %s: %v\n%s", r.Method, r.URL.Path, v, debug.Stack())
				if w.started {
					// Half a page or file is out: break the connection,
					// so the browser reports a failure.
					panic(http.ErrAbortHandler)
				}
				s.errorPage(w, http.StatusInternalServerError, "服务器内部错误", "处理请求时出错，已记入服务日志。")
			}
		}()
		for k, v := range securityHeaders {
			w.Header().Set(k, v)
		}
		if !s.knownHost(r.Host) {
			s.errorPage(w, http.StatusMisdirectedRequest, "地址不符",
				"本服务不接受以“"+r.Host+"”访问。请使用启动时显示的地址打开页面。")
			return
		}
		if !s.authorized(w, r) {
			return
		}
		if msg := queryProblem(r.URL.RawQuery); msg != "" {
			s.errorPage(w, http.StatusBadRequest, "请求有误", msg)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// startedWriter notes whether a response has begun.
type startedWriter struct {
	http.ResponseWriter
	started bool
}

func (w *startedWriter) WriteHeader(code int) {
	w.started = true
	w.ResponseWriter.WriteHeader(code)
}

func (w *startedWriter) Write(p []byte) (int, error) {
	w.started = true
	return w.ResponseWriter.Write(p)
}

func (w *startedWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// knownHost reports whether host, a request's Host header, names this
// server: one of s.Hosts, or with none given a loopback name on any port.
// A Host without a port means port 80.
func (s *Server) knownHost(host string) bool {
	host = strings.ToLower(host)
	if host == "" {
		return false
	}
	if _, _, err := net.SplitHostPort(host); err != nil {
		host += ":80"
	}
	if len(s.Hosts) == 0 {
		name, _, err := net.SplitHostPort(host)
		if err != nil {
			return false
		}
		if strings.Contains(name, ":") {
			name = "[" + name + "]"
		}
		for _, l := range loopbackHosts {
			if name == l {
				return true
			}
		}
		return false
	}
	for _, h := range s.Hosts {
		if strings.EqualFold(h, host) {
			return true
		}
	}
	return false
}

// queryProblem says, in Chinese, what is wrong with a query string, or ""
// when nothing is.
func queryProblem(raw string) string {
	if len(raw) > maxQuery {
		return "查询条件太长（超过 2 KB）。请缩短筛选条件后再试。"
	}
	v, err := url.ParseQuery(raw)
	if err != nil {
		return "查询参数的格式有误。"
	}
	for k, vals := range v {
		for _, s := range append(vals, k) {
			if !utf8.ValidString(s) {
				return "查询参数含有无效字符。"
			}
			if utf8.RuneCountInString(s) > maxParam {
				return "查询参数太长（每项最多 200 个字符）。请缩短后再试。"
			}
		}
	}
	return ""
}

// tokenCookie carries the access token's session value once a browser has
// shown the token.
const tokenCookie = "jixiao_session"

// authorized checks the access token when the server has one: in an
// Authorization: Bearer header, in the session cookie, or as ?token= on
// a link, which sets the cookie and redirects to the same page without the
// token, so it stays out of the address bar, the history and the log.
// It writes the refusal or redirect itself and returns false then.
func (s *Server) authorized(w http.ResponseWriter, r *http.Request) bool {
	if s.Token == "" {
		return true
	}
	if tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok && same(tok, s.Token) {
		return true
	}
	if c, err := r.Cookie(tokenCookie); err == nil && same(c.Value, s.session()) {
		return true
	}
	q := r.URL.Query()
	if tok := q.Get("token"); tok != "" && same(tok, s.Token) {
		http.SetCookie(w, &http.Cookie{Name: tokenCookie, Value: s.session(), Path: "/",
			HttpOnly: true, SameSite: http.SameSiteStrictMode})
		q.Del("token")
		u := url.URL{Path: r.URL.Path, RawQuery: q.Encode()}
		http.Redirect(w, r, u.String(), http.StatusSeeOther)
		return false
	}
	w.Header().Set("WWW-Authenticate", `Bearer realm="jixiao"`)
	s.errorPage(w, http.StatusUnauthorized, "需要访问令牌",
		"请使用管理员提供的带令牌的链接（…/?token=…）打开本页面。")
	return false
}

// session is the cookie value standing for the token: a hash, so the
// token itself is not stored in the browser.
func (s *Server) session() string {
	sum := sha256.Sum256([]byte("jixiao session\x00" + s.Token))
	return hex.EncodeToString(sum[:])
}

func same(a, b string) bool {
	return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}

// errorPage answers with status and a page in the site's layout; the
// message is Chinese and never holds an error's text, which is logged.
func (s *Server) errorPage(w http.ResponseWriter, status int, title, msg string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	if err := s.pages.ExecuteTemplate(w, "error.html", &page{Title: title, Notice: msg}); err != nil {
		s.logf("error page: %v", err)
	}
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		s.errorPage(w, http.StatusMethodNotAllowed, "不支持的请求", "本服务的页面只能浏览，不接受提交。")
		return
	}
	s.errorPage(w, http.StatusNotFound, "页面不存在", "没有这个页面："+r.URL.Path)
}

// fail logs err and answers with a page that does not show it: database
// and Go errors mean nothing to finance staff and tell others too much.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case errors.Is(err, context.Canceled) && r.Context().Err() != nil:
		return // the browser went away
	case errors.Is(err, context.DeadlineExceeded):
		s.logf("timeout: %s: %v", r.URL.RequestURI(), err)
		w.Header().Set("Retry-After", "60")
		s.errorPage(w, http.StatusServiceUnavailable, "查询用时过长", "查询超过了时间限制。请缩小筛选范围后再试。")
		return
	}
	s.logf("error: %s: %v", r.URL.RequestURI(), err)
	s.errorPage(w, http.StatusInternalServerError, "服务器内部错误", "处理请求时出错，已记入服务日志。请稍后再试，或联系管理员。")
}

func (s *Server) logf(format string, args ...any) {
	if s.Log != nil {
		s.Log.Printf(format, args...)
	}
}

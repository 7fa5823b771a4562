package web

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// fuzzRoutes are the GET routes of Handler, and paths it has none for.
var fuzzRoutes = []string{"/", "/indicators", "/issues", "/search", "/rules", "/rules/V604", "/rules/x", "/static/app.css", "/nope"}

// FuzzHandlers sends random query strings to every route of a server over
// a small database holding hostile text: no answer may be a 500 or lack
// the security headers, and none may panic (Handler would turn a panic
// into a 500).
func FuzzHandlers(f *testing.F) {
	for _, q := range []string{
		"", "dept=430009", "dept=局&severity=error&format=csv", "format=xlsx&level1=产出", "min=1e308&max=-1",
		"min=NaN", "kind=numeric&op=%3E%3D&unit=%25", "q=满意度", "q=%22", "q=*", "q=a+OR+b", "q=NEAR(a+b)", "q=%00",
		"dept=%25%25_", "rule=v603&file=x.docx", "token=x", "q=" + xssScript, "a=%zz", "dept=%ff",
	} {
		for i := range fuzzRoutes {
			f.Add(uint8(i), q)
		}
	}
	s, _ := hostileServer(f)
	h := s.Handler()
	f.Fuzz(func(t *testing.T, route uint8, query string) {
		path := fuzzRoutes[int(route)%len(fuzzRoutes)]
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, newRequest("GET", path+"?"+query))
		if rec.Code >= http.StatusInternalServerError && rec.Code != http.StatusServiceUnavailable {
			t.Fatalf("GET %s?%q: status %d\n%s", path, query, rec.Code, rec.Body.String())
		}
		if bad := securityHeadersMissing(rec.Header()); len(bad) > 0 {
			t.Fatalf("GET %s?%q: security headers wrong: %v", path, query, bad)
		}
	})
}

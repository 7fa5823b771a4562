package web

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"net/http"
)

//go:embed static/app.css
var static embed.FS

// stylesheet is the site's CSS, served from a path naming its content
// hash so browsers may keep it for a year: the Content-Security-Policy
// forbids inline styles, so the layout links it instead of embedding it.
type stylesheet struct {
	body []byte
	path string // /static/app.<hash>.css
}

func loadStylesheet() stylesheet {
	body, err := static.ReadFile("static/app.css")
	if err != nil {
		panic(err) // embedded at build time
	}
	sum := sha256.Sum256(body)
	return stylesheet{body: body, path: "/static/app." + hex.EncodeToString(sum[:6]) + ".css"}
}

func (s *Server) serveCSS(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != s.css.path {
		s.notFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/css; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	w.Write(s.css.body)
}

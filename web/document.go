package web

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/pipeline"
)

// Documents configures the document pages, the original files they link
// to, the PDF pages drawn with pdftoppm and the upload form.
type Documents struct {
	// Upload, when set, lets reviewers add files from the browser; nil
	// leaves the server read-only.
	Upload *Upload
	// PageCache is the folder where rendered PDF pages are kept; "" means
	// a folder made in the system's temporary folder on first use.
	PageCache string
	// Pdftoppm is the renderer's path; "" looks it up on PATH. The page
	// images are left out, with a note, when it is missing.
	Pdftoppm string
	// Reader reads a PDF again for its cells' boxes, which the database
	// does not keep; nil reads in this process. The server gives it
	// isolated workers, so a file cannot take the server down.
	Reader *pipeline.Reader

	once  sync.Once
	state *docState
}

// docState is what the document pages keep between requests.
type docState struct {
	renders chan struct{} // a slot per pdftoppm running
	uploads chan struct{} // a slot per upload under way
	token   string        // the upload form's CSRF token

	mu      sync.Mutex
	cache   string                // page cache folder, made on first use
	layouts map[string]*pdfLayout // by SHA-256; see pdfpage.go
}

func (s *Server) docState() *docState {
	d := &s.Documents
	d.once.Do(func() {
		d.state = &docState{renders: make(chan struct{}, 2), uploads: make(chan struct{}, 1),
			token: randomToken(), layouts: map[string]*pdfLayout{}, cache: d.PageCache}
	})
	return d.state
}

// documentRoutes adds the document pages and the upload form to mux.
func (s *Server) documentRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /documents/{id}", s.document)
	mux.HandleFunc("GET /documents/{id}/file", s.documentFile)
	mux.HandleFunc("GET /documents/{id}/pages/{page}", s.documentPageImage)
	mux.HandleFunc("GET /upload", s.uploadForm)
	mux.HandleFunc("POST /upload", s.upload)
}

// bureauZone is the time zone the pages show times in.
var bureauZone = func() *time.Location {
	if loc, err := time.LoadLocation("Asia/Shanghai"); err == nil {
		return loc
	}
	return time.FixedZone("北京时间", 8*60*60) // no tzdata on this computer
}()

// localTime shows an RFC 3339 time of the database in the bureau's zone.
func localTime(s string) string {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return s
	}
	return t.In(bureauZone).Format("2006-01-02 15:04:05")
}

// documentPage is what document.html gets.
type documentPage struct {
	Title, Nav, Notice string
	Doc                *corpus.Document
	View               *docView
	Ingested           string
	Size               string
	FileURL            string // "" when the original is no longer where it was read from
	PDF                *pdfView
}

// documentID reads the {id} of a path; ok is false when it is not one.
func documentID(r *http.Request) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	return id, err == nil && id > 0
}

func (s *Server) document(w http.ResponseWriter, r *http.Request) {
	id, ok := documentID(r)
	if !ok {
		s.notFound(w, r)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.QueryTimeout)
	defer cancel()
	d, err := s.Store.Document(ctx, id)
	if errors.Is(err, corpus.ErrNoDocument) {
		s.errorPage(w, http.StatusNotFound, "文档不存在", "数据库中没有编号为 "+strconv.FormatInt(id, 10)+" 的文档。")
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p := &documentPage{Title: filepath.Base(d.Path), Nav: "documents", Doc: d, View: buildDocView(d),
		Ingested: localTime(d.IngestedAt), Size: sizeText(d.Size)}
	if d.Status != "ok" {
		p.Notice = "此文件未能读取：" + cmpOr(d.Reason, "原因未记录")
	}
	if _, err := s.originalFile(&corpus.DocumentFile{Path: d.Path, SHA256: d.SHA256, Size: d.Size}, false); err == nil {
		p.FileURL = "/documents/" + strconv.FormatInt(id, 10) + "/file"
	}
	if d.Format == "pdf" && d.Status == "ok" {
		p.PDF = s.pdfView(r.Context(), d, p.View)
	}
	s.renderAny(w, r, "document.html", p)
}

// renderAny is render for pages with data of their own.
func (s *Server) renderAny(w http.ResponseWriter, r *http.Request, name string, data any) {
	var b bytes.Buffer
	if err := s.pages.ExecuteTemplate(&b, name, data); err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Write(b.Bytes())
}

func sizeText(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d 字节", n)
}

// errFileChanged is returned by originalFile when the file at the stored
// path is not the one that was read.
var errFileChanged = errors.New("web: original file changed or missing")

// originalFile returns the bytes of a document's file: only the path
// stored for it, only a regular file, and only when it still holds the
// bytes that were read (its SHA-256), so a link never serves another
// file put in its place. With read false it checks the size only: a
// page showing the link would otherwise hash the file at every view.
func (s *Server) originalFile(f *corpus.DocumentFile, read bool) ([]byte, error) {
	fh, err := os.Open(f.Path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	fi, err := fh.Stat()
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() || fi.Size() != f.Size || f.Size > extract.MaxFileSize {
		return nil, errFileChanged
	}
	if !read {
		return nil, nil
	}
	b, err := io.ReadAll(io.LimitReader(fh, f.Size+1))
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(b)
	if hex.EncodeToString(sum[:]) != f.SHA256 {
		return nil, errFileChanged
	}
	return b, nil
}

// contentTypes of the formats a document can have.
var contentTypes = map[string]string{
	"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	"pdf":  "application/pdf",
}

func (s *Server) documentFile(w http.ResponseWriter, r *http.Request) {
	id, ok := documentID(r)
	if !ok {
		s.notFound(w, r)
		return
	}
	f, err := s.Store.DocumentFile(r.Context(), id)
	if errors.Is(err, corpus.ErrNoDocument) {
		s.errorPage(w, http.StatusNotFound, "文档不存在", "数据库中没有编号为 "+strconv.FormatInt(id, 10)+" 的文档。")
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	b, err := s.originalFile(f, true)
	if err != nil {
		s.logf("document %d: original file %s: %v", id, f.Path, err)
		s.errorPage(w, http.StatusNotFound, "原始文件不可用",
			"原始文件已不在导入时的位置，或已被修改，无法下载。")
		return
	}
	ctype := contentTypes[f.Format]
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", "attachment; filename*=UTF-8''"+urlEscape(filepath.Base(f.Path)))
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.Header().Set("Cache-Control", "private, no-store")
	w.Write(b)
}

// documentPageImage serves /documents/{id}/pages/{n}.png.
func (s *Server) documentPageImage(w http.ResponseWriter, r *http.Request) {
	id, ok := documentID(r)
	num, isPNG := strings.CutSuffix(r.PathValue("page"), ".png")
	n, err := strconv.Atoi(num)
	if !ok || !isPNG || err != nil || n < 1 {
		s.notFound(w, r)
		return
	}
	f, err := s.Store.DocumentFile(r.Context(), id)
	if errors.Is(err, corpus.ErrNoDocument) {
		s.notFound(w, r)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	png, err := s.renderPage(r.Context(), f, n)
	if err != nil {
		s.logf("document %d: page %d: %v", id, n, err)
		s.errorPage(w, http.StatusNotFound, "无法显示原始页面", pageNote(err))
		return
	}
	w.Header().Set("Content-Type", "image/png")
	w.Header().Set("Cache-Control", "private, max-age=3600")
	w.Write(png)
}

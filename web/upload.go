package web

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/extract"
	_ "github.com/jixiao/jixiao/extract/formats"
	"github.com/jixiao/jixiao/pipeline"
	"github.com/jixiao/jixiao/report"
	"github.com/jixiao/jixiao/rules"
)

// Upload configures the upload form: files sent from the browser are
// kept in Dir, read, checked and stored at once through pipeline.Ingest,
// as jixiao ingest would.
type Upload struct {
	Store *corpus.Store // read-write; the pages keep reading through Server.Store
	// Dir keeps the uploaded files, each as Dir/<sha256>/<its name>, the
	// path recorded for its document, so that its download link works.
	Dir        string
	Reader     *pipeline.Reader                                 // reads each file; nil = in this process
	Check      func(*report.Report) *rules.Checked              // single-report rules; may be nil
	CheckBatch func([]corpus.BatchReport) []corpus.BatchFinding // cross-document rules (pipeline.BatchRules); may be nil
	MaxFile    int64                                            // bytes of one file; 0 = 50 MB
	MaxRequest int64                                            // bytes of one request; 0 = 200 MB
	MaxFiles   int                                              // files in one request; 0 = 100
	// Timeout bounds the reading and storing of one request's files,
	// which go on when the browser leaves. 0 means 10 minutes.
	Timeout time.Duration
}

func (u *Upload) limits() (file, request int64, files int) {
	file, request, files = u.MaxFile, u.MaxRequest, u.MaxFiles
	if file <= 0 {
		file = 50 << 20
	}
	if request <= 0 {
		request = 200 << 20
	}
	if files <= 0 {
		files = 100
	}
	return file, request, files
}

// uploadPage is what upload.html gets.
type uploadPage struct {
	Title, Nav, Notice string
	Enabled            bool
	Token              string
	MaxFileMB          int64
	MaxRequestMB       int64
	Results            []uploadResult
}

// uploadResult is what became of one uploaded file.
type uploadResult struct {
	Name   string
	Status string // 已导入, 已存在, 读取失败, 未接收
	Class  string // ok, skipped, failed
	Reason string // Chinese
	URL    string // its document page; "" when not stored
}

func randomToken() string {
	b := make([]byte, 32)
	rand.Read(b)
	return hex.EncodeToString(b)
}

func (s *Server) newUploadPage() *uploadPage {
	p := &uploadPage{Title: "上传文件", Nav: "upload", Enabled: s.Documents.Upload != nil, Token: s.docState().token}
	if u := s.Documents.Upload; u != nil {
		file, request, _ := u.limits()
		p.MaxFileMB, p.MaxRequestMB = file>>20, request>>20
	} else {
		p.Notice = "本服务以只读方式运行，未开放上传。需要上传时请以 jixiao serve --upload 启动。"
	}
	return p
}

func (s *Server) uploadForm(w http.ResponseWriter, r *http.Request) {
	s.renderAny(w, r, "upload.html", s.newUploadPage())
}

// sameOrigin reports whether a form post comes from a page of this
// server: the browser's Sec-Fetch-Site and Origin say where the page
// that sent it was, and a page of another site cannot hide either. A
// browser that says same-origin is believed over its Origin, which our
// Referrer-Policy (no-referrer) makes it send as "null".
func sameOrigin(r *http.Request) bool {
	switch r.Header.Get("Sec-Fetch-Site") {
	case "same-origin":
		return true
	case "", "none":
	default:
		return false
	}
	if o := r.Header.Get("Origin"); o != "" {
		u, err := url.Parse(o)
		if err != nil || !strings.EqualFold(u.Host, r.Host) {
			return false
		}
	}
	return true
}

func (s *Server) upload(w http.ResponseWriter, r *http.Request) {
	u := s.Documents.Upload
	if u == nil {
		s.errorPage(w, http.StatusForbidden, "未开放上传", "本服务以只读方式运行，未开放上传。需要上传时请以 jixiao serve --upload 启动。")
		return
	}
	if !sameOrigin(r) {
		s.errorPage(w, http.StatusForbidden, "拒绝提交", "只接受从本服务的上传页面提交的文件。")
		return
	}
	st := s.docState()
	select {
	case st.uploads <- struct{}{}:
		defer func() { <-st.uploads }()
	default:
		w.Header().Set("Retry-After", "30")
		s.errorPage(w, http.StatusServiceUnavailable, "请稍后再试", "另一批文件正在导入，请稍后再试。")
		return
	}
	maxFile, maxRequest, maxFiles := u.limits()
	r.Body = http.MaxBytesReader(w, r.Body, maxRequest)
	received, refused, status, msg := s.receive(r, u, maxFile, maxFiles)
	if status != 0 {
		for _, f := range received {
			f.discard()
		}
		s.errorPage(w, status, "上传未完成", msg)
		return
	}
	if len(received)+len(refused) == 0 {
		s.errorPage(w, http.StatusBadRequest, "没有文件", "请选择要上传的 .docx 或 .pdf 文件。")
		return
	}
	results, err := s.ingestUploads(r.Context(), u, received)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	results = append(results, refused...)
	if len(results) == 1 {
		if res := results[0]; res.URL != "" {
			http.Redirect(w, r, res.URL, http.StatusSeeOther)
			return
		} else if res.Class == "failed" {
			status := http.StatusBadRequest
			if strings.Contains(res.Reason, "超过") {
				status = http.StatusRequestEntityTooLarge
			}
			s.errorPage(w, status, "文件未接收", res.Name+"："+res.Reason)
			return
		}
	}
	p := s.newUploadPage()
	p.Title = "上传结果"
	p.Results = results
	s.renderAny(w, r, "upload.html", p)
}

// received is an uploaded file written to its place in Upload.Dir.
type received struct {
	name    string // as the browser named it
	path    string
	created bool // written by this request (removed if the request fails)
}

func (f received) discard() {
	if f.created {
		os.Remove(f.path)
		os.Remove(filepath.Dir(f.path))
	}
}

// receive reads the form: the CSRF token, which must come before the
// files, then each file, kept when it is a .docx or .pdf by content and
// refused with a reason otherwise. A status other than 0 refuses the
// whole request with msg.
func (s *Server) receive(r *http.Request, u *Upload, maxFile int64, maxFiles int) (got []received, refused []uploadResult, status int, msg string) {
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, nil, http.StatusBadRequest, "请求格式有误：请从上传页面提交文件。"
	}
	tokenOK := false
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			status, msg = tooLarge(err, "上传内容不完整或格式有误，请重新提交。")
			return got, refused, status, msg
		}
		switch part.FormName() {
		case "csrf":
			b, _ := io.ReadAll(io.LimitReader(part, 256))
			tokenOK = same(string(b), s.docState().token)
		case "files":
			if !tokenOK {
				return got, refused, http.StatusForbidden, "表单已过期或不是从本服务的上传页面提交的。请刷新上传页面后重新提交。"
			}
			if part.FileName() == "" {
				continue // the empty file input of a form sent without a file
			}
			if len(got)+len(refused) >= maxFiles {
				return got, refused, http.StatusRequestEntityTooLarge, fmt.Sprintf("一次最多上传 %d 个文件。", maxFiles)
			}
			f, reason, err := s.keep(part, u, maxFile)
			if err != nil {
				status, msg = tooLarge(err, "保存上传文件时出错，请稍后再试。")
				return got, refused, status, msg
			}
			if reason != "" {
				refused = append(refused, uploadResult{Name: part.FileName(), Status: "未接收", Class: "failed", Reason: reason})
				continue
			}
			got = append(got, f)
		}
		part.Close()
	}
	if !tokenOK {
		return got, refused, http.StatusForbidden, "表单已过期或不是从本服务的上传页面提交的。请刷新上传页面后重新提交。"
	}
	return got, refused, 0, ""
}

func tooLarge(err error, otherwise string) (int, string) {
	var mb *http.MaxBytesError
	if errors.As(err, &mb) {
		return http.StatusRequestEntityTooLarge, fmt.Sprintf("一次上传的文件合计超过 %d MB，请分批上传。", mb.Limit>>20)
	}
	return http.StatusBadRequest, otherwise
}

// keep writes one file part to Upload.Dir/<sha256>/<name>; reason says
// why it was refused, err is a failure of the request or the disk.
func (s *Server) keep(part *multipart.Part, u *Upload, maxFile int64) (f received, reason string, err error) {
	if err := os.MkdirAll(u.Dir, 0o750); err != nil {
		return f, "", err
	}
	tmp, err := os.CreateTemp(u.Dir, "upload-*.part")
	if err != nil {
		return f, "", err
	}
	defer func() {
		tmp.Close()
		os.Remove(tmp.Name()) // renamed away when kept
	}()
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(tmp, h), io.LimitReader(part, maxFile+1))
	if err != nil {
		return f, "", err
	}
	if n > maxFile {
		if _, err := io.Copy(io.Discard, part); err != nil {
			return f, "", err
		}
		return f, fmt.Sprintf("文件超过 %d MB，未接收。", maxFile>>20), nil
	}
	if n == 0 {
		return f, "文件是空的。", nil
	}
	format := extract.Sniff(tmp, n)
	if format != extract.DOCX && format != extract.PDF {
		return f, "按内容识别不是 .docx 或 .pdf 文件（旧版 .doc、图片、压缩包等请另存为 .docx 或 .pdf 后上传）。", nil
	}
	dir := filepath.Join(u.Dir, hex.EncodeToString(h.Sum(nil)))
	f = received{name: part.FileName(), path: filepath.Join(dir, safeName(part.FileName(), string(format)))}
	if abs, err := filepath.Abs(f.path); err == nil {
		f.path = abs
	}
	if _, err := os.Stat(f.path); err == nil {
		return f, "", nil // the same bytes under the same name: kept already
	}
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return f, "", err
	}
	if err := tmp.Sync(); err != nil {
		return f, "", err
	}
	if err := os.Rename(tmp.Name(), f.path); err != nil {
		return f, "", err
	}
	f.created = true
	return f, "", nil
}

// safeName is a file name from a browser made safe to keep: its last
// element, without control characters, at most 100 characters, ending in
// the extension of its format.
func safeName(name, format string) string {
	name = name[strings.LastIndexAny(name, `/\`)+1:]
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == utf8.RuneError {
			return -1
		}
		return r
	}, name)
	name = strings.TrimLeft(strings.TrimSpace(name), ".")
	if utf8.RuneCountInString(name) > 100 {
		name = string([]rune(name)[:100])
	}
	ext := "." + format
	if !strings.EqualFold(filepath.Ext(name), ext) {
		name += ext
	}
	if name == ext {
		name = "上传文件" + ext
	}
	return name
}

// ingestUploads reads, checks and stores the kept files, then says what
// became of each.
func (s *Server) ingestUploads(ctx context.Context, u *Upload, files []received) ([]uploadResult, error) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), cmpDuration(u.Timeout, 10*time.Minute))
	defer cancel()
	var paths []string
	first := map[string]bool{} // a path is read once however often it was sent
	for _, f := range files {
		if !first[f.path] {
			first[f.path] = true
			paths = append(paths, f.path)
		}
	}
	events := map[string]pipeline.Event{}
	cfg := pipeline.IngestConfig{
		RetryFailed: true,
		Reader:      u.Reader,
		Check:       u.Check,
		CheckBatch:  u.CheckBatch,
		Progress:    func(ev pipeline.Event) { events[ev.Path] = ev },
	}
	if s.Segmenter != nil {
		s.segOnce.Do(func() { s.seg, s.segErr = s.Segmenter() })
		if s.segErr != nil {
			return nil, fmt.Errorf("web: upload: segmenter: %w", s.segErr)
		}
		cfg.Segmenter = s.seg
	}
	if _, err := pipeline.Ingest(ctx, u.Store, paths, cfg); err != nil {
		return nil, fmt.Errorf("web: upload: %w", err)
	}
	var out []uploadResult
	for _, f := range files {
		res := uploadResult{Name: f.name}
		ev := events[f.path]
		switch {
		case !first[f.path]:
			res.Status, res.Class, res.Reason = "重复", "skipped", "与本次上传的另一个文件内容相同。"
		case ev.Outcome == pipeline.Stored:
			res.Status, res.Class = "已导入", "ok"
		case ev.Outcome == pipeline.Skipped:
			res.Status, res.Class, res.Reason = "已存在", "skipped", "此文件此前已导入，未重复导入。"
		default:
			res.Status, res.Class, res.Reason = "读取失败", "failed", cmpOr(ev.Reason, "读取失败，原因未记录。")
		}
		first[f.path] = false
		sum := filepath.Base(filepath.Dir(f.path))
		if id, err := u.Store.DocumentID(ctx, sum); err == nil {
			res.URL = "/documents/" + strconv.FormatInt(id, 10)
		} else if !errors.Is(err, corpus.ErrNoDocument) {
			return nil, err
		}
		out = append(out, res)
	}
	return out, nil
}

func cmpDuration(d, def time.Duration) time.Duration {
	if d > 0 {
		return d
	}
	return def
}

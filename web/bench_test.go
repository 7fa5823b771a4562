package web

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/extract"
	_ "github.com/jixiao/jixiao/extract/formats"
	"github.com/jixiao/jixiao/pipeline"
	"github.com/jixiao/jixiao/report"
	"github.com/jixiao/jixiao/rules"
)

const benchDocs = 20000

// BenchmarkPages times the pages a reviewer opens most on a database of
// 20,000 documents built from the .docx reports of the bench corpus
// ($JIXIAO_BENCH, else ../../shared/bench-corpus), each copied with new
// department and project codes, as corpus's BenchmarkQuery20k does.
// Building takes about four minutes; with $JIXIAO_BENCH_DB the database
// is kept at that path and reused by later runs.
//
//	go test -tags sqlite_fts5 -run X -bench Pages ./web/
func BenchmarkPages(b *testing.B) {
	dir := os.Getenv("JIXIAO_BENCH")
	if dir == "" {
		dir = "../../shared/bench-corpus"
	}
	if _, err := os.Stat(dir); err != nil {
		b.Skipf("bench corpus %s is absent (set JIXIAO_BENCH): %v", dir, err)
	}
	db := os.Getenv("JIXIAO_BENCH_DB")
	if db == "" {
		db = filepath.Join(b.TempDir(), "big.db")
	}
	if _, err := os.Stat(db); err != nil {
		start := time.Now()
		if err := buildBig(db, dir); err != nil {
			b.Fatal(err)
		}
		b.Logf("built %d documents in %v", benchDocs, time.Since(start).Round(time.Second))
	}
	st, err := corpus.OpenReadOnly(db)
	if errors.Is(err, corpus.ErrNoFTS5) {
		b.Skip("built without -tags sqlite_fts5")
	}
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	s := &Server{Store: st, Segmenter: func() (*corpus.Segmenter, error) { return corpus.LoadSegmenter("") }}
	h := s.Handler()
	pages := []struct{ name, path string }{
		{"overview", "/"},
		{"issues-department", "/issues?dept=012345"},
		{"issues-department-sorted", "/issues?dept=012345&sort=rule&desc=1"},
		{"issues-rule", "/issues?rule=V604"},
		{"indicators-department", "/indicators?dept=012345"},
		{"search-满意度", "/search?q=" + url.QueryEscape("满意度")},
		{"search-满意度-page-50", "/search?q=" + url.QueryEscape("满意度") + "&page=50"},
		{"search-不存在", "/search?q=" + url.QueryEscape("不存在")},
		{"document", "/documents/12345"},
	}
	for _, p := range pages {
		b.Run(p.name, func(b *testing.B) {
			serve := func() {
				w := httptest.NewRecorder()
				h.ServeHTTP(w, httptest.NewRequest("GET", "http://127.0.0.1:8080"+p.path, nil))
				if w.Code != http.StatusOK {
					b.Fatalf("GET %s: %d\n%s", p.path, w.Code, w.Body)
				}
				io.Copy(io.Discard, w.Body)
			}
			start := time.Now()
			serve() // the first request: caches and the segmenter are cold
			first := time.Since(start)
			cpu := cpuTime()
			for b.Loop() {
				serve()
			}
			cpu = cpuTime() - cpu
			b.ReportMetric(float64(first.Microseconds())/1000, "first-ms")
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/op")
			// On a busy machine the wall time counts the waits for a CPU;
			// the process's CPU time per page does not (0 where unknown).
			b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
		})
	}
}

// buildBig stores benchDocs copies of the bench corpus's .docx reports
// in a new database at path.
func buildBig(path, dir string) error {
	seg, err := corpus.LoadSegmenter("")
	if err != nil {
		return err
	}
	names, _ := filepath.Glob(filepath.Join(dir, "*.docx"))
	type template struct {
		rep *corpus.Report
		ix  corpus.Index
	}
	var temps []template
	for _, n := range names {
		doc, err := extract.Open(n)
		if err != nil {
			continue
		}
		rep, err := report.Read(doc)
		if err != nil {
			continue
		}
		sr := pipeline.StoredReport(rules.Check(rep, rules.Default()))
		temps = append(temps, template{sr, corpus.NewIndex(sr, seg)})
	}
	if len(temps) == 0 {
		return fmt.Errorf("no readable .docx in %s", dir)
	}
	tmp := path + ".tmp"
	os.Remove(tmp)
	st, err := corpus.Open(tmp)
	if err != nil {
		return err
	}
	ctx := context.Background()
	var batch []*corpus.Doc
	flush := func() error {
		_, err := st.PutAll(ctx, batch, make([]bool, len(batch)))
		batch = batch[:0]
		return err
	}
	for i := range benchDocs {
		t := temps[i%len(temps)]
		sum := sha256.Sum256([]byte(fmt.Sprint("big", i)))
		d := &corpus.Doc{SHA256: hex.EncodeToString(sum[:]), Path: fmt.Sprintf("gen/r%05d.docx", i),
			Format: "docx", Size: 1, Report: recode(t.rep, i), Index: t.ix}
		if i%1000 == 999 { // some files fail, as real batches have
			d.Report, d.Index, d.Err, d.Reason = nil, nil, errors.New("extract: pdf: no text layer"), "PDF 没有文字层（扫描件），请提交可复制文字的 PDF 或 Word 文件"
			d.Format = "pdf"
		}
		batch = append(batch, d)
		if len(batch) == 200 {
			if err := flush(); err != nil {
				st.Close()
				return err
			}
		}
	}
	if err := flush(); err != nil {
		st.Close()
		return err
	}
	if _, err := st.RecheckBatch(ctx, pipeline.BatchRules(rules.Default())); err != nil {
		st.Close()
		return err
	}
	if err := st.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// recode copies rep with the department code and project codes of copy i.
func recode(rep *corpus.Report, i int) *corpus.Report {
	r := *rep
	dept := fmt.Sprintf("%06d", i)
	codes := map[string]string{}
	r.DepartmentCode = dept
	r.Projects = make([]corpus.Project, len(rep.Projects))
	for j, p := range rep.Projects {
		if len(p.Code) == 21 {
			nc := p.Code[:9] + fmt.Sprintf("%06d%06d", i, j)
			codes[p.Code] = nc
			p.Code = nc
		}
		p.DepartmentCode = dept
		r.Projects[j] = p
	}
	r.Findings = make([]corpus.Finding, len(rep.Findings))
	for j, f := range rep.Findings {
		if nc, ok := codes[f.Project]; ok {
			f.Project = nc
		}
		r.Findings[j] = f
	}
	return &r
}

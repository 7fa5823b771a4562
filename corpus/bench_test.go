package corpus

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/jixiao/jixiao/extract"
	_ "github.com/jixiao/jixiao/extract/formats"
	"github.com/jixiao/jixiao/report"
)

// benchDir is the bench corpus: $JIXIAO_BENCH, else ../../shared/bench-corpus.
func benchDir(tb testing.TB) string {
	tb.Helper()
	dir := os.Getenv("JIXIAO_BENCH")
	if dir == "" {
		dir = "../../shared/bench-corpus"
	}
	if _, err := os.Stat(dir); err != nil {
		tb.Skipf("bench corpus %s is absent (set JIXIAO_BENCH): %v", dir, err)
	}
	return dir
}

func TestMain(m *testing.M) {
	code := m.Run()
	big.remove() // about 0.7 GB
	os.Exit(code)
}

// big is the 20,000-document store shared by the benchmarks of one run.
var big benchStore

const bigDocs = 20000

// benchStore is a database of bigDocs generated documents, built once
// per run in a temporary directory.
type benchStore struct {
	once sync.Once
	s    *Store
	err  error
	dir  string
}

// template is a bench corpus report, its findings, and its words cut
// once.
type template struct {
	rep *Report
	ix  Index
}

// get builds the store on first use: name.db holding bigDocs documents,
// document i being gen(i, templates) stored through Put, then rechecked.
func (bs *benchStore) get(b *testing.B, name string, gen func(i int, temps []template) (template, string)) *Store {
	dir := benchDir(b)
	bs.once.Do(func() {
		start := time.Now()
		tmp, err := os.MkdirTemp("", "jixiao-"+name+"-")
		if err != nil {
			bs.err = err
			return
		}
		bs.dir = tmp
		bs.s, bs.err = Open(filepath.Join(tmp, name+".db"))
		if bs.err != nil {
			return
		}
		bs.err = fillBench(bs.s, dir, segmenter(b), name, gen)
		fmt.Fprintf(os.Stderr, "corpus: built %d documents (%s) in %v (%s)\n", bigDocs, name, time.Since(start).Round(time.Millisecond), tmp)
	})
	if bs.err != nil {
		b.Fatal(bs.err)
	}
	return bs.s
}

func (bs *benchStore) remove() {
	if bs.s != nil {
		bs.s.Close()
	}
	if bs.dir != "" {
		os.RemoveAll(bs.dir)
	}
}

// bigStore builds a database of bigDocs documents from the bench corpus
// .docx reports, each copied with new department and project codes.
func bigStore(b *testing.B) *Store {
	return big.get(b, "big", func(i int, temps []template) (template, string) {
		return recode(temps[i%len(temps)], i), fmt.Sprintf("gen/r%05d.docx", i)
	})
}

func fillBench(s *Store, dir string, seg *Segmenter, name string, gen func(i int, temps []template) (template, string)) error {
	names, _ := filepath.Glob(filepath.Join(dir, "*.docx"))
	var temps []template
	for _, n := range names {
		rep, err := readReportFile(n)
		if err != nil {
			continue
		}
		sr := toStore(rep, checkRules(rep)...)
		temps = append(temps, template{sr, NewIndex(sr, seg)})
	}
	if len(temps) == 0 {
		return fmt.Errorf("no readable .docx in %s", dir)
	}
	ctx := context.Background()
	for i := range bigDocs {
		t, path := gen(i, temps)
		sum := sha256.Sum256([]byte(fmt.Sprint(name, i)))
		d := &Doc{SHA256: hex.EncodeToString(sum[:]), Path: path, Format: "docx", Size: 1, Report: t.rep, Index: t.ix}
		if _, err := s.Put(ctx, d, false); err != nil {
			return err
		}
	}
	_, err := s.RecheckBatch(ctx, checkBatch)
	return err
}

func readReportFile(name string) (*report.Report, error) {
	doc, err := extract.Open(name)
	if err != nil {
		return nil, err
	}
	return report.Read(doc)
}

// recode copies t with the department code and project codes of copy i.
func recode(t template, i int) template {
	rep := t.rep
	r := *rep
	dept := fmt.Sprintf("%06d", i)
	codes := map[string]string{}
	r.DepartmentCode = dept
	r.Projects = make([]Project, len(rep.Projects))
	for j, p := range rep.Projects {
		if len(p.Code) == 21 {
			nc := p.Code[:9] + fmt.Sprintf("%06d%06d", i, j)
			codes[p.Code] = nc
			p.Code = nc
		}
		p.DepartmentCode = dept
		r.Projects[j] = p
	}
	r.Findings = make([]Finding, len(rep.Findings))
	for j, f := range rep.Findings {
		if nc, ok := codes[f.Project]; ok {
			f.Project = nc
		}
		r.Findings[j] = f
	}
	return template{&r, t.ix}
}

// BenchmarkQuery20k times typical queries and searches on 20,000
// documents; each should answer in well under 100 ms.
func BenchmarkQuery20k(b *testing.B) {
	s := bigStore(b)
	st, _ := s.Stats(context.Background())
	b.Logf("%d documents, %d projects, %d indicators, %d findings", st.Documents, st.Projects, st.Indicators, st.Findings)
	seg := segmenter(b)
	ctx := context.Background()
	pct, hundred := 90.0, 100.0
	queries := []struct {
		name string
		run  func() (int, error)
	}{
		{"department", func() (int, error) { t, err := s.Indicators(ctx, Filter{Department: "012345"}); return rows(t), err }},
		{"project-code", func() (int, error) {
			t, err := s.Indicators(ctx, Filter{Project: "13073025P012345000002"})
			return rows(t), err
		}},
		{"level-kind-unit-range", func() (int, error) {
			t, err := s.Indicators(ctx, Filter{Level1: "产出", Kind: "numeric", Unit: "%", Min: &pct, Max: &hundred, Limit: 100})
			return rows(t), err
		}},
		{"rule", func() (int, error) {
			t, err := s.Indicators(ctx, Filter{Rule: "V604", Limit: 100})
			return rows(t), err
		}},
		{"issues-department", func() (int, error) { t, err := s.Issues(ctx, Filter{Department: "012345"}); return rows(t), err }},
		{"issues-error-100", func() (int, error) {
			t, err := s.Issues(ctx, Filter{Severity: "error", Limit: 100})
			return rows(t), err
		}},
		{"search-满意度", func() (int, error) { h, err := s.Search(ctx, seg, "满意度", 20); return len(h), err }},
		{"search-维修改造面积", func() (int, error) { h, err := s.Search(ctx, seg, "维修改造面积", 20); return len(h), err }},
		{"search-监督检查经费", func() (int, error) { h, err := s.Search(ctx, seg, "监督检查经费", 20); return len(h), err }},
		{"stats", func() (int, error) { _, err := s.Stats(ctx); return 1, err }},
	}
	for _, q := range queries {
		b.Run(q.name, func(b *testing.B) {
			var n int
			for b.Loop() {
				var err error
				if n, err = q.run(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n), "rows")
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/op")
		})
	}
}

func rows(t *Table) int {
	if t == nil {
		return 0
	}
	return len(t.Rows)
}

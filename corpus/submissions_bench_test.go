package corpus

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/jixiao/jixiao/report"
	"github.com/jixiao/jixiao/rules"
)

// years is a 20,000-document store of two budget years: 10,000
// departments, each with a 2024 and a 2025 report (the 2024 one with the
// year digits of its project codes changed), so that the comparison has
// every project to link.
var years struct {
	once sync.Once
	s    *Store
	err  error
	dir  string
}

func yearsStore(b *testing.B) *Store {
	dir := benchDir(b)
	years.once.Do(func() {
		start := time.Now()
		tmp, err := os.MkdirTemp("", "jixiao-years-")
		if err != nil {
			years.err = err
			return
		}
		years.dir = tmp
		years.s, years.err = Open(filepath.Join(tmp, "years.db"))
		if years.err != nil {
			return
		}
		years.err = fillYears(years.s, dir, segmenter(b))
		fmt.Fprintf(os.Stderr, "corpus: built %d documents of two years in %v (%s)\n", bigDocs, time.Since(start).Round(time.Millisecond), tmp)
	})
	if years.err != nil {
		b.Fatal(years.err)
	}
	return years.s
}

func removeYears() {
	if years.s != nil {
		years.s.Close()
	}
	if years.dir != "" {
		os.RemoveAll(years.dir)
	}
}

func fillYears(s *Store, dir string, seg *Segmenter) error {
	names, _ := filepath.Glob(filepath.Join(dir, "*.docx"))
	type template struct {
		rep *report.Report
		ix  Index
	}
	var temps []template
	for _, n := range names {
		rep, err := readReportFile(n)
		if err != nil {
			continue
		}
		rules.Check(rep, rules.Default())
		temps = append(temps, template{rep, NewIndex(rep, seg)})
	}
	if len(temps) == 0 {
		return fmt.Errorf("no readable .docx in %s", dir)
	}
	ctx := context.Background()
	half := bigDocs / 2
	for i := range bigDocs {
		dept := i % half
		t := temps[dept%len(temps)]
		rep := recode(t.rep, dept)
		if i >= half {
			rep = lastYear(rep)
		}
		sum := sha256.Sum256([]byte(fmt.Sprint("years", i)))
		d := &Doc{SHA256: hex.EncodeToString(sum[:]), Path: fmt.Sprintf("gen/%d/r%05d.docx", rep.Year, dept),
			Format: "docx", Size: 1, Report: rep, Index: t.ix}
		if _, err := s.Put(ctx, d, false); err != nil {
			return err
		}
	}
	_, err := s.RecheckBatch(ctx, func(reps []*report.Report) { rules.CheckBatch(reps, rules.Default()) })
	return err
}

// lastYear makes rep the report of the year before: the year and the
// year digits of the project codes one less.
func lastYear(rep *report.Report) *report.Report {
	r := *rep
	r.Year--
	yy := fmt.Sprintf("%02d", r.Year%100)
	r.Projects = make([]report.Project, len(rep.Projects))
	for j, p := range rep.Projects {
		if len(p.Code) == 21 {
			p.Code = p.Code[:6] + yy + p.Code[8:]
		}
		r.Projects[j] = p
	}
	r.Findings = nil // the findings' codes would point at this year's
	return &r
}

// BenchmarkSubmissions20k times what the bureau asks first, on 20,000
// documents: the findings per department (issues --summary), the status
// of every department, and one department's year-over-year comparison,
// each under 200 ms and 100 MiB. heap-MiB is the peak heap in use
// during one run (runtime.MemStats.HeapInuse above the baseline,
// sampled), which the process adds to what it already holds.
func BenchmarkSubmissions20k(b *testing.B) {
	s := yearsStore(b)
	defer removeYears()
	ctx := context.Background()
	var year int
	if err := s.db.QueryRow(`SELECT max(year) FROM reports`).Scan(&year); err != nil {
		b.Fatal(err)
	}
	st, _ := s.Stats(ctx)
	b.Logf("%d documents, %d submissions, %d projects, %d findings; years %d and %d", st.Documents, st.Submissions, st.Projects, st.Findings, year-1, year)
	cases := []struct {
		name string
		run  func() (int, error)
	}{
		{"issues-summary", func() (int, error) { t, err := s.IssueSummary(ctx, Filter{}); return rows(t), err }},
		{"status", func() (int, error) { t, err := s.Status(ctx, year); return len(t.Rows), err }},
		{"compare-department", func() (int, error) {
			c, err := s.Compare(ctx, CompareOptions{Department: "001234", From: year - 1, To: year, BudgetChange: 20})
			return len(c.Links), err
		}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			var n int
			var peak uint64
			for b.Loop() {
				var err error
				p := peakHeap(func() { n, err = c.run() })
				if err != nil {
					b.Fatal(err)
				}
				peak = max(peak, p)
			}
			if n == 0 {
				b.Fatalf("%s: no rows", c.name)
			}
			b.ReportMetric(float64(n), "rows")
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/op")
			b.ReportMetric(float64(peak)/(1<<20), "heap-MiB")
		})
	}
}

// peakHeap runs f and returns the most heap in use above the start,
// sampled every millisecond.
func peakHeap(f func()) uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	base := m.HeapInuse
	peak := base
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				var m runtime.MemStats
				runtime.ReadMemStats(&m)
				peak = max(peak, m.HeapInuse)
			}
		}
	}()
	f()
	close(done)
	wg.Wait()
	runtime.ReadMemStats(&m)
	return max(peak, m.HeapInuse) - base
}

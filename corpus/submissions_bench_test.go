package corpus

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"testing"
	"time"
)

// years is a 20,000-document store of two budget years: 10,000
// departments, each with a 2024 and a 2025 report (the 2024 one with the
// year digits of its project codes changed), so that the comparison has
// every project to link.
var years benchStore

func yearsStore(b *testing.B) *Store {
	half := bigDocs / 2
	return years.get(b, "years", func(i int, temps []template) (template, string) {
		dept := i % half
		t := recode(temps[dept%len(temps)], dept)
		if i >= half {
			t.rep = lastYear(t.rep)
		}
		return t, fmt.Sprintf("gen/%d/r%05d.docx", t.rep.Year, dept)
	})
}

// lastYear makes rep the report of the year before: the year and the
// year digits of the project codes one less.
func lastYear(rep *Report) *Report {
	r := *rep
	r.Year--
	yy := fmt.Sprintf("%02d", r.Year%100)
	r.Projects = make([]Project, len(rep.Projects))
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
	defer years.remove()
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
		// As jixiao issues --summary runs it: a new connection each time.
		{"issues-summary-cold", func() (int, error) {
			ro, err := OpenReadOnly(s.path)
			if err != nil {
				return 0, err
			}
			defer ro.Close()
			t, err := ro.IssueSummary(ctx, Filter{})
			return rows(t), err
		}},
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

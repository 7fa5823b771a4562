// Package bench measures jixiao against peer tools on the shared bench
// corpus, each comparison in one benchmark so both sides run in the same
// conditions, and reports the ratio as a metric ("x_faster" = peer time ÷
// jixiao time). Peers that are not installed are skipped with a message;
// `make bench-peers` installs them (python3-docx, poppler-utils).
package bench

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/jixiao/jixiao/extract"
	_ "github.com/jixiao/jixiao/extract/formats"
	"github.com/jixiao/jixiao/internal/truth"
	"github.com/jixiao/jixiao/report"
)

func corpus(b *testing.B, ext string) []string {
	dir, err := truth.BenchCorpus()
	if err != nil {
		b.Skip(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*."+ext))
	if len(files) == 0 {
		b.Skipf("no .%s files in %s (set JIXIAO_BENCH)", ext, dir)
	}
	return files
}

// readReports reads files into reports, parallel at a time.
func readReports(b *testing.B, files []string, parallel int) {
	work := make(chan string)
	var wg sync.WaitGroup
	for range parallel {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range work {
				doc, err := extract.Open(f)
				if err == nil {
					_, err = report.Read(doc)
				}
				if err != nil {
					b.Error(err)
				}
			}
		}()
	}
	for _, f := range files {
		work <- f
	}
	close(work)
	wg.Wait()
}

// BenchmarkDOCXvsPythonDocx: jixiao reads the 200 bench .docx into reports
// in one goroutine; python-docx (one process) only loads them and reads
// their cells.
func BenchmarkDOCXvsPythonDocx(b *testing.B) {
	files := corpus(b, "docx")
	python := "/usr/bin/python3"
	if err := exec.Command(python, "-c", "import docx").Run(); err != nil {
		b.Skipf("python-docx not installed (apt-get install python3-docx): %v", err)
	}
	race(b, len(files), "python-docx", func() { readReports(b, files, 1) }, func() {
		if out, err := exec.Command(python, append([]string{"python_docx_cells.py"}, files...)...).CombinedOutput(); err != nil {
			b.Fatalf("python-docx: %v\n%s", err, out)
		}
	})
}

// BenchmarkPDFvsPdftotext: jixiao reads the 200 bench PDFs into reports
// in two goroutines; pdftotext -layout runs one process per file, two at a
// time.
func BenchmarkPDFvsPdftotext(b *testing.B) {
	files := corpus(b, "pdf")
	if _, err := exec.LookPath("pdftotext"); err != nil {
		b.Skip("pdftotext not installed (apt-get install poppler-utils)")
	}
	race(b, len(files), "pdftotext", func() { readReports(b, files, 2) }, func() { pdftotext(b, files) })
}

// pdftotext converts files with one process each, two at a time.
func pdftotext(b *testing.B, files []string) {
	work := make(chan string)
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range work {
				if out, err := exec.Command("pdftotext", "-layout", f, os.DevNull).CombinedOutput(); err != nil {
					b.Errorf("pdftotext %s: %v\n%s", f, err, out)
				}
			}
		}()
	}
	for _, f := range files {
		work <- f
	}
	close(work)
	wg.Wait()
}

// rounds is how many times each side runs in one benchmark; the medians
// are reported, so one slow turn (a cold cache, a busy machine) does not
// decide the ratio.
const rounds = 5

// race runs ours and the peer in turns, rounds times each, timing each
// turn; only our part counts in ns/op. Both must do equal work with equal
// parallelism.
func race(b *testing.B, n int, name string, ours, peer func()) {
	var o, p []time.Duration
	for b.Loop() {
		for range rounds {
			t0 := time.Now()
			ours()
			o = append(o, time.Since(t0))
			b.StopTimer()
			t1 := time.Now()
			peer()
			p = append(p, time.Since(t1))
			b.StartTimer()
		}
	}
	reportRatio(b, n, median(o), median(p), name)
}

// median returns the middle duration.
func median(ds []time.Duration) time.Duration {
	s := append([]time.Duration(nil), ds...)
	slices.Sort(s)
	return s[len(s)/2]
}

// reportRatio prints both median times and their ratio.
func reportRatio(b *testing.B, n int, ours, peer time.Duration, name string) {
	b.ReportMetric(float64(n), "files/op")
	b.ReportMetric(peer.Seconds(), name+"_s")
	b.ReportMetric(ours.Seconds(), "jixiao_s")
	b.ReportMetric(peer.Seconds()/ours.Seconds(), "x_faster")
}

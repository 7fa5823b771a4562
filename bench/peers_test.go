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
	"sync"
	"testing"
	"time"

	"github.com/jixiao/jixiao/extract"
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

func readReports(b *testing.B, files []string) {
	for _, f := range files {
		doc, err := extract.Open(f)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := report.Read(doc); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDOCXvsPythonDocx: jixiao reads the 200 bench .docx into reports;
// python-docx (one process) only loads them and reads their cells.
func BenchmarkDOCXvsPythonDocx(b *testing.B) {
	files := corpus(b, "docx")
	python := "/usr/bin/python3"
	if err := exec.Command(python, "-c", "import docx").Run(); err != nil {
		b.Skipf("python-docx not installed (apt-get install python3-docx): %v", err)
	}
	race(b, files, "python-docx", func() {
		if out, err := exec.Command(python, append([]string{"python_docx_cells.py"}, files...)...).CombinedOutput(); err != nil {
			b.Fatalf("python-docx: %v\n%s", err, out)
		}
	})
}

// BenchmarkPDFvsPdftotext: jixiao reads the 200 bench PDFs into reports;
// pdftotext -layout runs one process per file, two at a time.
func BenchmarkPDFvsPdftotext(b *testing.B) {
	files := corpus(b, "pdf")
	if _, err := exec.LookPath("pdftotext"); err != nil {
		b.Skip("pdftotext not installed (apt-get install poppler-utils)")
	}
	race(b, files, "pdftotext", func() { pdftotext(b, files) })
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

// race reads files into reports with jixiao and runs the peer, in turns,
// timing each; only jixiao's part counts in ns/op.
func race(b *testing.B, files []string, name string, peer func()) {
	var ours, theirs time.Duration
	for b.Loop() {
		t0 := time.Now()
		readReports(b, files)
		ours += time.Since(t0)
		b.StopTimer()
		t1 := time.Now()
		peer()
		theirs += time.Since(t1)
		b.StartTimer()
	}
	reportRatio(b, len(files), ours, theirs, name)
}

// reportRatio prints both times and their ratio.
func reportRatio(b *testing.B, n int, ours, peer time.Duration, name string) {
	runs := float64(b.N)
	b.ReportMetric(float64(n), "files/op")
	b.ReportMetric(peer.Seconds()/runs, name+"_s/op")
	b.ReportMetric(ours.Seconds()/runs, "jixiao_s/op")
	b.ReportMetric(peer.Seconds()/ours.Seconds(), "x_faster")
}

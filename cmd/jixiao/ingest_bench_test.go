package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"
)

// BenchmarkIngestBenchCorpus runs the built binary over the bench corpus
// (400 files) into a new database, then again, and in the same run times
// `pdftotext -layout` over its 200 PDFs, one process per file, two at a
// time. It reports the ingest time, its ratio to pdftotext, the peak
// memory of the ingest process and the rerun's share of the first run.
func BenchmarkIngestBenchCorpus(b *testing.B) {
	bin := binary(b)
	src := benchDir(b)
	pdfs, _ := filepath.Glob(filepath.Join(src, "*.pdf"))
	var pdftotext time.Duration
	if _, err := exec.LookPath("pdftotext"); err != nil {
		b.Log("pdftotext is absent (apt-get install poppler-utils): no ratio")
	} else {
		pdftotext = timePdftotext(b, pdfs)
	}
	var first, rerun time.Duration
	var peakKB int64
	for i := 0; b.Loop(); i++ {
		db := filepath.Join(b.TempDir(), fmt.Sprintf("b%d.db", i))
		d, rss := timeRun(b, bin, "ingest", "--db", db, src)
		first += d
		peakKB = max(peakKB, rss)
		d, _ = timeRun(b, bin, "ingest", "--db", db, src)
		rerun += d
	}
	n := float64(b.N)
	b.ReportMetric(first.Seconds()/n, "ingest-s")
	b.ReportMetric(float64(peakKB)/1024, "peak-MB")
	b.ReportMetric(100*rerun.Seconds()/first.Seconds(), "rerun-%")
	msg := fmt.Sprintf("ingest of %s: %.2f s, peak %d MB, rerun %.0f%% of it", src,
		first.Seconds()/n, peakKB/1024, 100*rerun.Seconds()/first.Seconds())
	if pdftotext > 0 {
		ratio := first.Seconds() / n / pdftotext.Seconds()
		b.ReportMetric(pdftotext.Seconds(), "pdftotext-s")
		b.ReportMetric(ratio, "ingest/pdftotext")
		msg += fmt.Sprintf("; pdftotext -layout over %d PDFs: %.2f s; ratio %.2f", len(pdfs), pdftotext.Seconds(), ratio)
	}
	fmt.Fprintln(os.Stderr, msg)
}

// timeRun runs the binary and returns its wall time and peak resident
// memory in KB.
func timeRun(b *testing.B, bin string, args ...string) (time.Duration, int64) {
	cmd := exec.Command(bin, args...)
	start := time.Now()
	if out, err := cmd.CombinedOutput(); err != nil && cmd.ProcessState.ExitCode() != 1 {
		b.Fatalf("jixiao %v: %v\n%s", args, err, out)
	}
	d := time.Since(start)
	var rss int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = ru.Maxrss
	}
	return d, rss
}

func timePdftotext(b *testing.B, pdfs []string) time.Duration {
	start := time.Now()
	work := make(chan string)
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range work {
				if err := exec.Command("pdftotext", "-layout", p, os.DevNull).Run(); err != nil {
					b.Errorf("pdftotext %s: %v", p, err)
				}
			}
		}()
	}
	for _, p := range pdfs {
		work <- p
	}
	close(work)
	wg.Wait()
	return time.Since(start)
}

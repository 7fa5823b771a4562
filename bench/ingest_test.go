package bench

import (
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// BenchmarkIngestVsPdftotext runs the built binary over the whole bench
// corpus (400 files) into a new database, then again, and in the same run
// times pdftotext -layout over its 200 PDFs. It reports the ingest time, the
// ratio, the peak memory of the ingest process and the rerun's share of the
// first run.
func BenchmarkIngestVsPdftotext(b *testing.B) {
	pdfs := corpus(b, "pdf")
	src := filepath.Dir(pdfs[0])
	bin := filepath.Join(b.TempDir(), "jixiao")
	if out, err := exec.Command("go", "build", "-tags", "sqlite_fts5", "-o", bin, "github.com/jixiao/jixiao/cmd/jixiao").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	_, havePeer := exec.LookPath("pdftotext")
	var ours, rerun, peer time.Duration
	var peakKB int64
	for b.Loop() {
		db := filepath.Join(b.TempDir(), "b.db")
		d, rss := timeRun(b, bin, "ingest", "--db", db, src)
		ours += d
		peakKB = max(peakKB, rss)
		b.StopTimer()
		d, _ = timeRun(b, bin, "ingest", "--db", db, src)
		rerun += d
		if havePeer == nil {
			t0 := time.Now()
			pdftotext(b, pdfs)
			peer += time.Since(t0)
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(peakKB)/1024, "peak_MB")
	b.ReportMetric(100*rerun.Seconds()/ours.Seconds(), "rerun_%")
	if havePeer != nil {
		b.Log("pdftotext not installed (apt-get install poppler-utils): no ratio")
		b.ReportMetric(ours.Seconds()/float64(b.N), "jixiao_s/op")
		return
	}
	reportRatio(b, 2*len(pdfs), ours, peer, "pdftotext")
}

// timeRun runs the binary and returns its wall time and peak resident
// memory in KB. Exit status 1 (some files refused) is not a failure.
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

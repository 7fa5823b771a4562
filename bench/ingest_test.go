package bench

import (
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// BenchmarkIngestVsPdftotext runs the built binary over the whole bench
// corpus (400 files) into a new database, two files at a time in isolated
// worker processes as users run it, and in the same run pdftotext -layout
// over its 200 PDFs, one process per file, two at a time: rounds turns
// each, medians reported. It reports too the same ingest read in-process
// (--isolate=false), so the cost of isolation stays in sight, the peak
// memory of the largest process, and a rerun's share of the first run.
func BenchmarkIngestVsPdftotext(b *testing.B) {
	pdfs := corpus(b, "pdf")
	src := filepath.Dir(pdfs[0])
	bin := filepath.Join(b.TempDir(), "jixiao")
	if out, err := exec.Command("go", "build", "-tags", "sqlite_fts5", "-o", bin, "github.com/jixiao/jixiao/cmd/jixiao").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	_, noPeer := exec.LookPath("pdftotext")
	var ours, inproc, rerun, peer []time.Duration
	var peakKB int64
	ingest := func(db string, args ...string) time.Duration {
		d, rss := timeRun(b, bin, append([]string{"ingest", "--workers", "2", "--db", db}, append(args, src)...)...)
		peakKB = max(peakKB, rss)
		return d
	}
	for b.Loop() {
		for range rounds {
			db := filepath.Join(b.TempDir(), "b.db")
			ours = append(ours, ingest(db))
			b.StopTimer()
			rerun = append(rerun, ingest(db))
			inproc = append(inproc, ingest(filepath.Join(b.TempDir(), "c.db"), "--isolate=false"))
			if noPeer == nil {
				t0 := time.Now()
				pdftotext(b, pdfs)
				peer = append(peer, time.Since(t0))
			}
			b.StartTimer()
		}
	}
	b.ReportMetric(float64(peakKB)/1024, "peak_MB")
	b.ReportMetric(100*median(rerun).Seconds()/median(ours).Seconds(), "rerun_%")
	b.ReportMetric(median(inproc).Seconds(), "in_process_s")
	if noPeer != nil {
		b.Log("pdftotext not installed (apt-get install poppler-utils): no ratio")
		b.ReportMetric(median(ours).Seconds(), "jixiao_s")
		return
	}
	reportRatio(b, 2*len(pdfs), median(ours), median(peer), "pdftotext")
	b.ReportMetric(median(ours).Seconds()/median(peer).Seconds(), "x_pdftotext_time")
}

// timeRun runs the binary and returns its wall time and peak resident
// memory in KB of the largest of it and its workers. Exit status 1 (some files refused) is not a failure.
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

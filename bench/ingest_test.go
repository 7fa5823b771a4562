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
// memory of the largest process, a rerun's share of the first run, and
// the CPU time of both sides (user and system, workers and pdftotext's
// processes included), which a busy machine does not inflate as it does
// the wall time.
func BenchmarkIngestVsPdftotext(b *testing.B) {
	pdfs := corpus(b, "pdf")
	src := filepath.Dir(pdfs[0])
	bin := filepath.Join(b.TempDir(), "jixiao")
	if out, err := exec.Command("go", "build", "-tags", "sqlite_fts5", "-o", bin, "github.com/jixiao/jixiao/cmd/jixiao").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	_, noPeer := exec.LookPath("pdftotext")
	var ours, inproc, rerun, peer, oursCPU, peerCPU []time.Duration
	var peakKB int64
	ingest := func(db string, args ...string) (time.Duration, time.Duration) {
		r := timeRun(b, bin, append([]string{"ingest", "--workers", "2", "--db", db}, append(args, src)...)...)
		peakKB = max(peakKB, r.peakKB)
		return r.wall, r.cpu
	}
	for b.Loop() {
		for range rounds {
			db := filepath.Join(b.TempDir(), "b.db")
			wall, cpu := ingest(db)
			ours, oursCPU = append(ours, wall), append(oursCPU, cpu)
			b.StopTimer()
			wall, _ = ingest(db)
			rerun = append(rerun, wall)
			wall, _ = ingest(filepath.Join(b.TempDir(), "c.db"), "--isolate=false")
			inproc = append(inproc, wall)
			if noPeer == nil {
				t0, c0 := time.Now(), childrenCPU()
				pdftotext(b, pdfs)
				peer, peerCPU = append(peer, time.Since(t0)), append(peerCPU, childrenCPU()-c0)
			}
			b.StartTimer()
		}
	}
	b.ReportMetric(float64(peakKB)/1024, "peak_MB")
	b.ReportMetric(100*median(rerun).Seconds()/median(ours).Seconds(), "rerun_%")
	b.ReportMetric(median(inproc).Seconds(), "in_process_s")
	b.ReportMetric(median(oursCPU).Seconds(), "jixiao_cpu_s")
	if noPeer != nil {
		b.Log("pdftotext not installed (apt-get install poppler-utils): no ratio")
		b.ReportMetric(median(ours).Seconds(), "jixiao_s")
		return
	}
	reportRatio(b, 2*len(pdfs), median(ours), median(peer), "pdftotext")
	b.ReportMetric(median(ours).Seconds()/median(peer).Seconds(), "x_pdftotext_time")
	b.ReportMetric(median(peerCPU).Seconds(), "pdftotext_cpu_s")
	b.ReportMetric(median(oursCPU).Seconds()/median(peerCPU).Seconds(), "x_pdftotext_cpu")
}

// run is what a process cost.
type run struct {
	wall   time.Duration
	cpu    time.Duration // user and system, its children (the workers) included
	peakKB int64         // resident memory of the largest of it and its workers
}

// timeRun runs the binary and measures it. Exit status 1 (some files
// refused) is not a failure.
func timeRun(b *testing.B, bin string, args ...string) run {
	cmd := exec.Command(bin, args...)
	start := time.Now()
	if out, err := cmd.CombinedOutput(); err != nil && cmd.ProcessState.ExitCode() != 1 {
		b.Fatalf("jixiao %v: %v\n%s", args, err, out)
	}
	r := run{wall: time.Since(start)}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		// wait4 reports the usage of the process and of the children it
		// waited for.
		r.cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		r.peakKB = ru.Maxrss
	}
	return r
}

// childrenCPU is the CPU time of this process's children that ended.
func childrenCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_CHILDREN, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

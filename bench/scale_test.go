package bench

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// scaleDocs is how many documents BenchmarkIngest20k stores.
const scaleDocs = 20000

// Bars from the issue: the peak resident memory of any one process of an
// ingest of scaleDocs documents, and `issues --summary` over them.
const (
	maxPeakMB    = 150
	maxSummaryMS = 200
)

// BenchmarkIngest20k ingests scaleDocs documents, the bench corpus's
// files made byte-distinct (distinctCopies), with two worker processes
// as users run it, into a new database, and reports the peak resident
// memory of the main process and of the largest worker (failing above
// maxPeakMB); then, on that database, the time of `issues --summary` in a
// new process (median of 5; failing above maxSummaryMS) and of an ingest
// of 10 new files. It takes some minutes and about 2 GB of disk.
func BenchmarkIngest20k(b *testing.B) {
	if _, err := os.Stat("/proc/self/status"); err != nil {
		b.Skip("needs /proc to measure each process's memory")
	}
	src := filepath.Dir(corpus(b, "pdf")[0])
	bin := filepath.Join(b.TempDir(), "jixiao")
	if out, err := exec.Command("go", "build", "-tags", "sqlite_fts5", "-o", bin, "github.com/jixiao/jixiao/cmd/jixiao").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	files := filepath.Join(b.TempDir(), "files")
	if err := distinctCopies(src, files, scaleDocs, 0); err != nil {
		b.Fatal(err)
	}
	more := filepath.Join(b.TempDir(), "more")
	if err := distinctCopies(src, more, 10, scaleDocs); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		db := filepath.Join(b.TempDir(), "big.db")
		b.ResetTimer()
		t0 := time.Now()
		mainKB, workerKB := peakRun(b, bin, "ingest", "--workers", "2", "--db", db, files)
		elapsed := time.Since(t0)
		b.StopTimer()
		b.ReportMetric(elapsed.Seconds(), "ingest_s")
		b.ReportMetric(float64(mainKB)/1024, "main_peak_MB")
		b.ReportMetric(float64(workerKB)/1024, "worker_peak_MB")
		peak := float64(max(mainKB, workerKB)) / 1024
		b.ReportMetric(peak, "peak_MB")
		if peak > maxPeakMB {
			b.Errorf("peak resident memory %.0f MB ingesting %d documents, over %d MB", peak, scaleDocs, maxPeakMB)
		}
		var sums []time.Duration
		for range 5 {
			t0 := time.Now()
			if out, err := exec.Command(bin, "issues", "--summary", "--db", db).CombinedOutput(); err != nil {
				b.Fatalf("issues --summary: %v\n%s", err, out)
			}
			sums = append(sums, time.Since(t0))
		}
		ms := float64(median(sums).Microseconds()) / 1000
		b.ReportMetric(ms, "summary_ms")
		if ms > maxSummaryMS {
			b.Errorf("issues --summary on %d documents took %.0f ms, over %d ms", scaleDocs, ms, maxSummaryMS)
		}
		t0 = time.Now()
		peakRun(b, bin, "ingest", "--workers", "2", "--db", db, more)
		b.ReportMetric(time.Since(t0).Seconds(), "small_ingest_s")
		b.StartTimer()
	}
}

// peakRun runs the binary and returns the peak resident memory, in KB,
// of its own process and of the largest of its children (the reading
// workers), sampled from /proc every 50 ms: VmHWM is each process's own
// high-water mark, so only a child's last 50 ms can go unseen. Exit
// status 1 (some files refused) is not a failure.
func peakRun(b *testing.B, bin string, args ...string) (mainKB, childKB int64) {
	cmd := exec.Command(bin, args...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	done := make(chan error)
	go func() { done <- cmd.Wait() }()
	pid := strconv.Itoa(cmd.Process.Pid)
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case err := <-done:
			if err != nil && cmd.ProcessState.ExitCode() != 1 {
				b.Fatalf("jixiao %v: %v\n%s", args, err, out.Bytes())
			}
			return mainKB, childKB
		case <-tick.C:
			mainKB = max(mainKB, highWater(pid))
			tasks, _ := filepath.Glob("/proc/" + pid + "/task/*/children")
			for _, t := range tasks {
				kids, _ := os.ReadFile(t)
				for _, kid := range strings.Fields(string(kids)) {
					childKB = max(childKB, highWater(kid))
				}
			}
		}
	}
}

// highWater is a process's peak resident memory in KB (VmHWM); 0 when it
// has gone.
func highWater(pid string) int64 {
	b, err := os.ReadFile("/proc/" + pid + "/status")
	if err != nil {
		return 0
	}
	for line := range strings.Lines(string(b)) {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return n
		}
	}
	return 0
}

// distinctCopies writes n files to dst, cycling through the .docx and
// .pdf files of src, each made byte-distinct so that it is a document of
// its own (its own SHA-256) that reads as the original: a .docx gets a
// zip comment naming its copy, a .pdf a comment line after its %%EOF.
// Copy i, numbered from first, goes to dst/cNNN/ under its own name.
func distinctCopies(src, dst string, n, first int) error {
	var files []string
	for _, ext := range []string{"*.docx", "*.pdf"} {
		m, _ := filepath.Glob(filepath.Join(src, ext))
		files = append(files, m...)
	}
	if len(files) == 0 {
		return fmt.Errorf("no .docx or .pdf in %s", src)
	}
	slices.Sort(files)
	for i := first; i < first+n; i++ {
		f := files[i%len(files)]
		k := i / len(files)
		b, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		tag := fmt.Sprintf("jixiao bench copy %d", k)
		if strings.HasSuffix(f, ".pdf") {
			b = append(b, "\n% "+tag+"\n"...)
		} else if b, err = zipComment(b, tag); err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
		dir := filepath.Join(dst, fmt.Sprintf("c%03d", k))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// zipComment rewrites a zip file with comment, its entries copied as
// they are compressed.
func zipComment(b []byte, comment string) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		if err := zw.Copy(f); err != nil {
			return nil, err
		}
	}
	if err := zw.SetComment(comment); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

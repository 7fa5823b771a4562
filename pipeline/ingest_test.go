package pipeline

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/report"
	"github.com/jixiao/jixiao/rules"
)

const seedDir = "../testdata/seed"

// store is a fresh database and its path, for counting with SQL.
type store struct {
	*corpus.Store
	path string
}

func openTemp(t testing.TB) store {
	t.Helper()
	path := filepath.Join(t.TempDir(), "jixiao.db")
	s, err := corpus.Open(path)
	if errors.Is(err, corpus.ErrNoFTS5) {
		t.Skip("built without -tags sqlite_fts5")
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return store{s, path}
}

var testSegmenter = sync.OnceValues(func() (*corpus.Segmenter, error) {
	return corpus.LoadSegmenter(filepath.Join(os.TempDir(), "jixiao-test-cache"))
})

func testSeg(t testing.TB) *corpus.Segmenter {
	t.Helper()
	seg, err := testSegmenter()
	if err != nil {
		t.Fatal(err)
	}
	return seg
}

func ingest(t testing.TB, s store, cfg IngestConfig, paths ...string) Summary {
	t.Helper()
	cfg.Segmenter = testSeg(t)
	sum, err := Ingest(context.Background(), s.Store, paths, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return sum
}

// count runs a query counting something, on a connection of its own.
func count(t testing.TB, s store, q string) int {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+s.path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(q).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

// counts checks that each query counts what it maps to.
func counts(t testing.TB, s store, want map[string]int) {
	t.Helper()
	for q, n := range want {
		if got := count(t, s, q); got != n {
			t.Errorf("%s = %d, want %d", q, got, n)
		}
	}
}

// TestInterruptAndRerun cancels an ingest after its first document and
// checks that a rerun stores the rest and ends where an uninterrupted
// ingest does.
func TestInterruptAndRerun(t *testing.T) {
	s := openTemp(t)
	ctx, cancel := context.WithCancel(context.Background())
	// The writer waits batchWait for more files after the first: the
	// files after the first are checked slower than that, so the first
	// transaction holds the first file alone, the ingest stops after it.
	var checked atomic.Int32
	cfg := IngestConfig{Workers: 1, Segmenter: testSeg(t), Progress: func(ev Event) {
		if ev.Outcome == Stored {
			cancel()
		}
	}, Check: func(rep *report.Report) *rules.Checked {
		if checked.Add(1) > 1 {
			time.Sleep(batchWait + 100*time.Millisecond)
		}
		return &rules.Checked{Report: rep}
	}}
	sum, err := Ingest(ctx, s.Store, []string{seedDir}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	done := sum.Stored + sum.Failed
	if !sum.Interrupted || sum.Stored == 0 || done >= 4 {
		t.Fatalf("interrupted ingest: %+v, want it stopped after the first batch, files left", sum)
	}
	rest := ingest(t, s, IngestConfig{}, seedDir)
	if rest.Stored+rest.Failed != 4-done || rest.Skipped != done {
		t.Errorf("rerun: %+v, want the %d files left and %d skipped", rest, 4-done, done)
	}
	ref := openTemp(t)
	ingest(t, ref, IngestConfig{}, seedDir)
	got, _ := s.Stats(context.Background())
	want, _ := ref.Stats(context.Background())
	if got.Documents != want.Documents || got.Projects != want.Projects || got.Indicators != want.Indicators || got.Findings != want.Findings {
		t.Errorf("after interrupt and rerun %+v, uninterrupted %+v", got, want)
	}
}

// TestInterruptStoresGathered: files the writer holds for its next
// transaction when the run is interrupted are stored, not read again.
func TestInterruptStoresGathered(t *testing.T) {
	s := openTemp(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var checked atomic.Int32
	cfg := IngestConfig{Workers: 1, Segmenter: testSeg(t), Check: func(rep *report.Report) *rules.Checked {
		if checked.Add(1) == 2 {
			cancel() // the first file waits in the writer's batch
		}
		return &rules.Checked{Report: rep}
	}}
	sum, err := Ingest(ctx, s.Store, []string{seedDir}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if !sum.Interrupted || sum.Stored == 0 || sum.Stored+sum.Failed >= 4 {
		t.Fatalf("interrupted ingest: %+v, want the gathered files stored, files left", sum)
	}
	rest := ingest(t, s, IngestConfig{}, seedDir)
	if rest.Skipped != sum.Stored+sum.Failed || rest.Stored+rest.Failed+rest.Skipped != 4 {
		t.Errorf("rerun: %+v after %+v", rest, sum)
	}
}

// TestBatchFindingsReplaced: each ingest that stores something reruns the
// cross-document rules over the whole database and replaces their
// findings; one that stores nothing leaves them.
func TestBatchFindingsReplaced(t *testing.T) {
	s := openTemp(t)
	runs := 0
	cfg := IngestConfig{CheckBatch: func(reps []corpus.BatchReport) (out []corpus.BatchFinding) {
		runs++
		for _, r := range reps {
			code := ""
			if len(r.Projects) > 0 {
				code = r.Projects[0].Code
			}
			out = append(out, corpus.BatchFinding{Document: r.Document,
				Finding: corpus.Finding{Rule: "TEST", Severity: "info", Message: "测试", Project: code}})
		}
		return out
	}}
	ingest(t, s, cfg, filepath.Join(seedDir, "seed.docx"))
	ingest(t, s, cfg, filepath.Join(seedDir, "seed-split.docx"))
	ingest(t, s, cfg, seedDir) // stores the PDFs (read or failed)
	before := count(t, s, "SELECT count(*) FROM findings WHERE batch = 1")
	ingest(t, s, cfg, seedDir) // stores nothing
	if runs != 3 {
		t.Errorf("cross-document rules ran %d times, want 3", runs)
	}
	// The cross-document rules see the reports that count: one of the
	// seed's four files (the same report in two layouts and formats).
	reports := count(t, s, "SELECT count(*) FROM reports WHERE counted = 1")
	if n := count(t, s, "SELECT count(*) FROM findings WHERE batch = 1"); n != reports || n != before || reports != 1 {
		t.Errorf("%d batch findings (%d before the last run), want one per counted report: %d", n, before, reports)
	}
	if n := count(t, s, "SELECT count(*) FROM findings WHERE batch = 1 AND project_id IS NULL"); n != 0 {
		t.Errorf("%d batch findings lost their project", n)
	}
}

func TestIngestSeed(t *testing.T) {
	s := openTemp(t)
	var batchSeen int
	cfg := IngestConfig{Workers: 2, CheckBatch: func(reps []corpus.BatchReport) []corpus.BatchFinding {
		batchSeen = len(reps)
		return nil
	}}
	sum := ingest(t, s, cfg, seedDir)
	t.Logf("first ingest: %+v", sum)
	docx := count(t, s, "SELECT count(*) FROM documents WHERE format = 'docx' AND status = 'ok'")
	if docx != 2 {
		t.Errorf("ok .docx documents = %d, want 2", docx)
	}
	if sum.Ignored == 0 {
		t.Errorf("the .txt and .json files of %s were not ignored: %+v", seedDir, sum)
	}
	if sum.Stored+sum.Failed != 4 {
		t.Errorf("stored %d + failed %d, want 4 files", sum.Stored, sum.Failed)
	}
	// The four files are one report: the cross-document rules see it once.
	if counted := count(t, s, "SELECT count(*) FROM reports WHERE counted = 1"); batchSeen != counted || counted != 1 {
		t.Errorf("CheckBatch saw %d reports, want the %d counted, 1", batchSeen, counted)
	}
	before, _ := s.Stats(context.Background())
	again := ingest(t, s, cfg, seedDir)
	if again.Stored != 0 || again.Failed != 0 || again.Skipped != 4 {
		t.Errorf("second ingest: %+v, want all 4 skipped", again)
	}
	after, _ := s.Stats(context.Background())
	if before.Documents != after.Documents || before.Projects != after.Projects ||
		before.Indicators != after.Indicators || before.Findings != after.Findings {
		t.Errorf("second ingest changed the counts: %+v → %+v", before, after)
	}
	if after.Projects == 0 || after.Indicators == 0 {
		t.Errorf("no projects or indicators: %+v", after)
	}
	forced := ingest(t, s, IngestConfig{Force: true}, filepath.Join(seedDir, "seed.docx"))
	if forced.Stored != 1 {
		t.Errorf("--force: %+v", forced)
	}
	forcedStats, _ := s.Stats(context.Background())
	if forcedStats.Projects != after.Projects || forcedStats.Indicators != after.Indicators {
		t.Errorf("--force duplicated rows: %+v → %+v", after, forcedStats)
	}
	if ok := count(t, s, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check = 'ok'"); ok != 1 {
		t.Error("integrity_check failed")
	}
	counts(t, s, map[string]int{
		"SELECT count(*) FROM search_entries WHERE document_id NOT IN (SELECT id FROM documents)":        0,
		"SELECT count(*) FROM search_texts WHERE id NOT IN (SELECT text_id FROM search_entries)":         0,
		"SELECT (SELECT count(*) FROM search_texts) - (SELECT count(*) FROM search_fts)":                 0,
		"SELECT count(DISTINCT document_id) - (SELECT count(*) FROM reports) FROM search_entries":        0,
		"SELECT count(*) FROM (SELECT 1 FROM search_fts GROUP BY name, body, value HAVING count(*) > 1)": 0,
	})
}

func TestNamedNonReport(t *testing.T) {
	s := openTemp(t)
	sum := ingest(t, s, IngestConfig{}, filepath.Join(seedDir, "truth.json"), filepath.Join(seedDir, "missing.docx"))
	if sum.Failed != 2 || sum.Stored != 0 {
		t.Fatalf("%+v, want 2 failed", sum)
	}
	if n := count(t, s, "SELECT count(*) FROM documents WHERE status = 'failed'"); n != 1 {
		t.Errorf("failed documents = %d, want 1 (the missing file has no hash)", n)
	}
}

// TestIngestReleasesWorkers: the workers of a Reader an ingest is told to
// release have exited by its end, and a read after it starts a new one;
// those of a Reader shared with others are kept.
func TestIngestReleasesWorkers(t *testing.T) {
	s := openTemp(t)
	r := &Reader{Isolate: true}
	defer r.Close()
	idle := func() int {
		r.mu.Lock()
		defer r.mu.Unlock()
		return len(r.idle)
	}
	files := []string{filepath.Join(seedDir, "seed.docx"), filepath.Join(seedDir, "seed.pdf")}
	// A Reader shared with others keeps its workers.
	if sum := ingest(t, s, IngestConfig{Workers: 2, Reader: r}, files...); sum.Stored != 2 {
		t.Fatalf("stored %d of 2: %+v", sum.Stored, sum)
	}
	if idle() == 0 {
		t.Error("the workers of a Reader not released were stopped")
	}
	if sum := ingest(t, s, IngestConfig{Workers: 2, Reader: r, Release: true, Force: true}, files...); sum.Stored != 2 {
		t.Fatalf("stored %d of 2 again: %+v", sum.Stored, sum)
	}
	if n := idle(); n != 0 {
		t.Errorf("%d workers idle after the ingest, want none", n)
	}
	if _, err := r.ReadFile(context.Background(), filepath.Join(seedDir, "seed.docx")); err != nil {
		t.Errorf("read after the ingest: %v", err)
	}
}

package corpus

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/jixiao/jixiao/report"
)

const seedDir = "../testdata/seed"

func openTemp(t testing.TB) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "jixiao.db"))
	if errors.Is(err, ErrNoFTS5) {
		t.Skip("built without -tags sqlite_fts5")
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func segmenter(t testing.TB) *Segmenter {
	t.Helper()
	seg, err := LoadSegmenter(filepath.Join(os.TempDir(), "jixiao-test-cache"))
	if err != nil {
		t.Fatal(err)
	}
	return seg
}

func ingest(t testing.TB, s *Store, cfg IngestConfig, paths ...string) Summary {
	t.Helper()
	cfg.Segmenter = segmenter(t)
	sum, err := s.Ingest(context.Background(), paths, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return sum
}

func count(t testing.TB, s *Store, q string) int {
	t.Helper()
	var n int
	if err := s.db.QueryRow(q).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// counts checks that each query counts what it maps to.
func counts(t testing.TB, s *Store, want map[string]int) {
	t.Helper()
	for q, n := range want {
		if got := count(t, s, q); got != n {
			t.Errorf("%s = %d, want %d", q, got, n)
		}
	}
}

func TestMigrateTwice(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.db")
	for range 2 {
		s, err := Open(path)
		if errors.Is(err, ErrNoFTS5) {
			t.Skip("built without -tags sqlite_fts5")
		}
		if err != nil {
			t.Fatal(err)
		}
		if v := count(t, s, "PRAGMA user_version"); v != SchemaVersion() || v < 1 {
			t.Errorf("user_version = %d, want %d", v, SchemaVersion())
		}
		if m := count(t, s, "SELECT count(*) FROM meta"); m != 1 {
			t.Errorf("meta rows = %d", m)
		}
		s.Close()
	}
}

func TestIngestSeed(t *testing.T) {
	s := openTemp(t)
	var batchSeen int
	cfg := IngestConfig{Workers: 2, CheckBatch: func(reps []*report.Report) { batchSeen = len(reps) }}
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
	if batchSeen != sum.Stored {
		t.Errorf("CheckBatch saw %d reports, want %d", batchSeen, sum.Stored)
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

package corpus

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/jixiao/jixiao/report"
)

// TestInterruptAndRerun cancels an ingest after its first document and
// checks that a rerun stores the rest and ends where an uninterrupted
// ingest does.
func TestInterruptAndRerun(t *testing.T) {
	s := openTemp(t)
	ctx, cancel := context.WithCancel(context.Background())
	cfg := IngestConfig{Workers: 1, Segmenter: segmenter(t), Progress: func(ev Event) {
		if ev.Outcome == Stored {
			cancel()
		}
	}}
	sum, err := s.Ingest(ctx, []string{seedDir}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if !sum.Interrupted || sum.Stored != 1 {
		t.Fatalf("interrupted ingest: %+v", sum)
	}
	rest := ingest(t, s, IngestConfig{}, seedDir)
	if rest.Stored+rest.Failed != 3 || rest.Skipped != 1 {
		t.Errorf("rerun: %+v, want the 3 files left and 1 skipped", rest)
	}
	ref := openTemp(t)
	ingest(t, ref, IngestConfig{}, seedDir)
	got, _ := s.Stats(context.Background())
	want, _ := ref.Stats(context.Background())
	if got.Documents != want.Documents || got.Projects != want.Projects || got.Indicators != want.Indicators || got.Findings != want.Findings {
		t.Errorf("after interrupt and rerun %+v, uninterrupted %+v", got, want)
	}
}

// TestBatchFindingsReplaced: each ingest that stores something reruns the
// cross-document rules over the whole database and replaces their
// findings; one that stores nothing leaves them.
func TestBatchFindingsReplaced(t *testing.T) {
	s := openTemp(t)
	runs := 0
	cfg := IngestConfig{CheckBatch: func(reps []*report.Report) {
		runs++
		for _, r := range reps {
			code := ""
			if len(r.Projects) > 0 {
				code = r.Projects[0].Code
			}
			r.Findings = append(r.Findings, report.Finding{Rule: "TEST", Severity: report.Info,
				Message: "测试", Location: report.Location{Project: code}})
		}
	}}
	ingest(t, s, cfg, filepath.Join(seedDir, "seed.docx"))
	ingest(t, s, cfg, filepath.Join(seedDir, "seed-split.docx"))
	ingest(t, s, cfg, seedDir) // stores the PDFs (read or failed)
	before := count(t, s, "SELECT count(*) FROM findings WHERE batch = 1")
	ingest(t, s, cfg, seedDir) // stores nothing
	if runs != 3 {
		t.Errorf("cross-document rules ran %d times, want 3", runs)
	}
	reports := count(t, s, "SELECT count(*) FROM reports")
	if n := count(t, s, "SELECT count(*) FROM findings WHERE batch = 1"); n != reports || n != before {
		t.Errorf("%d batch findings (%d before the last run), want one per report: %d", n, before, reports)
	}
	if n := count(t, s, "SELECT count(*) FROM findings WHERE batch = 1 AND project_id IS NULL"); n != 0 {
		t.Errorf("%d batch findings lost their project", n)
	}
}

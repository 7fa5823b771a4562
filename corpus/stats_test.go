package corpus

import (
	"context"
	"path/filepath"
	"testing"
)

// TestStatsCounts: the counts kept with each report add up to what
// counting the rows of the counted reports gives, after single-report
// and cross-document findings, a copy in another format and a deleted
// document; and a finding stored with another severity is counted too.
func TestStatsCounts(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	dir := t.TempDir()
	docx := filepath.Join(seedDir, "seed.docx")
	other := editDOCX(t, docx, dir, "other.docx", "<w:t>430001怀来县机关事务服务中心</w:t>", "<w:t>430002怀来县机关事务服务中心</w:t>")
	put(t, s, checkRules, docx, filepath.Join(seedDir, "seed.pdf"), other, filepath.Join(seedDir, "seed-split.docx"))
	recheck(t, s)
	if _, err := s.db.Exec(`DELETE FROM documents WHERE path = ?`, filepath.Join(seedDir, "seed-split.docx")); err != nil {
		t.Fatal(err)
	}
	recheck(t, s)
	check := func() {
		t.Helper()
		st, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		counted := ` JOIN reports r ON r.document_id = x.document_id WHERE r.counted = 1`
		for q, got := range map[string]int{
			`SELECT count(*) FROM projects x` + counted:                                 st.Projects,
			`SELECT count(*) FROM indicators x` + counted:                               st.Indicators,
			`SELECT count(*) FROM indicators x` + counted + ` AND x.project_id IS NULL`: st.DeptIndicators,
			`SELECT count(*) FROM indicators x` + counted + ` AND x.scope = 'mid_term'`: st.MidIndicators,
			`SELECT count(*) FROM findings x` + counted:                                 st.Findings,
			`SELECT count(*) FROM findings x` + counted + ` AND x.batch = 1`:            st.Findings - sumSingle(t, s),
			`SELECT count(*) FROM findings x` + counted + ` AND x.severity = 'error'`:   st.Severities["error"],
			`SELECT count(*) FROM findings x` + counted + ` AND x.severity = 'odd'`:     st.Severities["odd"],
			`SELECT count(DISTINCT department_code) FROM reports WHERE counted = 1`:     st.Departments,
		} {
			if want := count(t, s, q); got != want {
				t.Errorf("Stats gives %d, want %d: %s", got, want, q)
			}
		}
		if st.Projects == 0 || st.Findings == 0 || st.Departments != 2 {
			t.Errorf("the case holds too little: %+v", st)
		}
	}
	check()
	if _, err := s.db.Exec(`UPDATE findings SET severity = 'odd' WHERE id = (SELECT min(f.id) FROM findings f
		JOIN reports r ON r.document_id = f.document_id WHERE r.counted = 1)`); err != nil {
		t.Fatal(err)
	}
	// As RecheckBatch counts a finding stored with another severity.
	if _, err := s.db.Exec(findingCountsSQL, `[1, 2, 3, 4]`); err != nil {
		t.Fatal(err)
	}
	check()
}

// sumSingle counts the single-report findings of the counted reports.
func sumSingle(t *testing.T, s *Store) int {
	return count(t, s, `SELECT count(*) FROM findings f JOIN reports r ON r.document_id = f.document_id
		WHERE r.counted = 1 AND f.batch = 0`)
}

package corpus

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// TestStaleGroups: after ingests that add a second format, a
// resubmission, another department and a file deleted and stored again,
// rebuilding only the groups that changed leaves the submissions, the
// counted reports, the amounts and the cross-document findings as
// rebuilding everything from the reports does.
func TestStaleGroups(t *testing.T) {
	s := openTemp(t)
	dir := t.TempDir()
	docx := filepath.Join(seedDir, "seed.docx")
	pdf := filepath.Join(seedDir, "seed.pdf")
	fixed := editDOCX(t, docx, dir, "seed-修改稿.docx", "<w:t>≥90</w:t>", "<w:t>≥90%</w:t>")
	other := editDOCX(t, docx, dir, "other.docx", "<w:t>430001怀来县机关事务服务中心</w:t>", "<w:t>430002怀来县机关事务服务中心</w:t>")
	for _, step := range [][]string{{docx}, {pdf}, {fixed, other}} {
		put(t, s, checkRules, step...)
		recheck(t, s)
	}
	if _, err := s.db.Exec(`DELETE FROM documents WHERE path = ?`, pdf); err != nil {
		t.Fatal(err)
	}
	put(t, s, checkRules, pdf)
	recheck(t, s)
	if n := count(t, s, "SELECT count(*) FROM submissions_stale"); n != 0 {
		t.Errorf("%d groups left stale after an ingest", n)
	}
	if n := count(t, s, `SELECT count(*) FROM submissions s WHERE errors + warnings + infos
		<> (SELECT count(*) FROM findings f WHERE f.document_id = s.document_id) OR errors = 0`); n != 0 {
		t.Errorf("%d submissions miscount their findings", n)
	}
	if n := count(t, s, `SELECT count(*) FROM projects WHERE budget_total <> '' AND budget_total_fen IS NULL`); n != 0 {
		t.Errorf("%d projects without their amount read", n)
	}
	step := dump(t, s)
	if !strings.Contains(step, "430002") || count(t, s, "SELECT count(*) FROM submissions WHERE replaced_by IS NOT NULL") == 0 {
		t.Fatalf("the case lacks another department or a replaced submission:\n%s", step)
	}
	// Forget all that was derived, as before any ingest.
	for _, q := range []string{`DELETE FROM submissions`, `UPDATE reports SET content = NULL, counted = 1`,
		`UPDATE projects SET budget_total_fen = NULL, budget_fiscal_fen = NULL, budget_other_fen = NULL`} {
		if _, err := s.db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	recheck(t, s)
	if all := dump(t, s); all != step {
		t.Errorf("built group by group:\n%s\nbuilt whole:\n%s", step, all)
	}
}

// dump writes what the submissions' rebuild decides, ids of submissions
// left out (every rebuild renumbers them).
func dump(t *testing.T, s *Store) string {
	var b strings.Builder
	for _, q := range []string{
		`SELECT s.department_code, s.department_name, s.year, s.kind, s.content, s.document_id, s.files, s.formats,
			s.first_document, s.received_at, coalesce(n.first_document, 0), s.errors, s.warnings, s.infos
		FROM submissions s LEFT JOIN submissions n ON n.id = s.replaced_by ORDER BY s.first_document, s.content`,
		`SELECT document_id, counted, content FROM reports ORDER BY document_id`,
		`SELECT id, budget_total_fen, budget_fiscal_fen, budget_other_fen FROM projects ORDER BY id`,
		`SELECT document_id, project_id, rule, message FROM findings WHERE batch = 1 ORDER BY id`,
	} {
		var tb Table
		if err := s.fill(context.Background(), &tb, q, nil); err != nil {
			t.Fatal(err)
		}
		for _, row := range tb.Rows {
			fmt.Fprintln(&b, row...)
		}
		b.WriteString("--\n")
	}
	return b.String()
}

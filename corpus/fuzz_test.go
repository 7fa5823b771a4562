package corpus

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jixiao/jixiao/normalize"
	"github.com/shopspring/decimal"
)

// FuzzSQL runs arbitrary statement text through SQL on a read-only store:
// it must not panic, must return within its time limit, and must leave
// the database and the directories around it as they were.
func FuzzSQL(f *testing.F) {
	path := sqlTestDB(f)
	dir := filepath.Dir(path)
	other := f.TempDir()
	s, err := OpenReadOnly(path)
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { s.Close() })
	wd, err := os.Getwd()
	if err != nil {
		f.Fatal(err)
	}
	for _, q := range append(append([]string{}, deniedSQL...), allowedSQL...) {
		f.Add(q)
	}
	for _, q := range []string{"SELECT 1; SELECT 2", "SELECT '", "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT x FROM c",
		"SELECT zeroblob(1000000000)", "SELECT printf('%.*c', 1000000000, 'x')", "SELECT 1 \x00; DROP TABLE meta",
		"ATTACH 'y.db' AS y", "VACUUM INTO 'x.db'"} {
		f.Add(q)
	}
	before, names := dirState(f, dir), dirNames(f, wd)
	otherBefore := dirNames(f, other)
	f.Fuzz(func(t *testing.T, q string) {
		q = strings.ReplaceAll(q, "{dir}", other)
		const limit = 2 * time.Second
		ctx, cancel := context.WithTimeout(context.Background(), limit)
		defer cancel()
		start := time.Now()
		err := s.SQLTo(ctx, q, discardRows{})
		if d := time.Since(start); d > limit+3*time.Second {
			t.Errorf("%q ran %v, over its %v limit", q, d, limit)
		}
		if errors.Is(err, ErrSQLTimeout) && ctx.Err() == nil {
			t.Errorf("%q: ErrSQLTimeout before the deadline", q)
		}
		if after := dirState(t, dir); after != before {
			t.Fatalf("%q changed the database directory:\n%s\nbecame\n%s", q, before, after)
		}
		if now := dirNames(t, wd); now != names {
			t.Fatalf("%q changed the working directory: %s became %s", q, names, now)
		}
		if now := dirNames(t, other); now != otherBefore {
			t.Fatalf("%q created %s", q, now)
		}
	})
}

func dirNames(t testing.TB, dir string) string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	return strings.Join(names, " ")
}

// FuzzPut stores a report made of arbitrary text (NULs, invalid UTF-8,
// any length) and numbers (any int, decimals far beyond float64) and
// reads it back: Put either stores all of it, exactly, or returns an
// error and stores none of it; the database stays whole.
func FuzzPut(f *testing.F) {
	path := filepath.Join(f.TempDir(), "jixiao.db")
	s, err := Open(path)
	if errors.Is(err, ErrNoFTS5) {
		f.Skip("built without -tags sqlite_fts5")
	}
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { s.Close() })
	f.Add("401001", "某某县某某局", "≥90%", int64(2025), int32(0))
	f.Add("a\x00b", "\xff\xfe", "", int64(-1), int32(399))
	f.Add("", "'; DROP TABLE documents; --", "\u2028\ufeff", int64(1<<62), int32(-399))
	f.Add(strings.Repeat("长", 10000), "x", "%_\\", int64(-1<<63), int32(1<<31-1))
	var n atomic.Int64
	f.Fuzz(func(t *testing.T, a, b, c string, num int64, exp int32) {
		ctx := context.Background()
		d := fuzzDoc(a, b, c, num, exp)
		d.SHA256 = fmt.Sprintf("%x", sha256.Sum256(fmt.Appendf(nil, "%d", n.Add(1))))
		stored, err := s.Put(ctx, d, false)
		var docs int
		if err := s.db.QueryRow(`SELECT count(*) FROM documents WHERE sha256 = ?`, d.SHA256).Scan(&docs); err != nil {
			t.Fatal(err)
		}
		switch {
		case err != nil && docs != 0:
			t.Fatalf("put failed (%v) yet stored the document", err)
		case err == nil && (!stored || docs != 1):
			t.Fatalf("put returned %v, stored %d documents", stored, docs)
		case err == nil:
			checkStored(t, s, d)
		}
		var ok string
		if err := s.db.QueryRow(`PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
			t.Fatalf("integrity_check: %q %v", ok, err)
		}
		if rows, err := s.db.Query(`PRAGMA foreign_key_check`); err != nil {
			t.Fatal(err)
		} else {
			bad := rows.Next()
			rows.Close()
			if bad {
				t.Fatal("foreign_key_check reports a dangling reference")
			}
		}
		// Keep the database small: the delete cascades through all but the
		// texts, which the index keeps until a sweep like this one.
		if _, err := s.db.Exec(`DELETE FROM documents WHERE sha256 = ?`, d.SHA256); err != nil {
			t.Fatal(err)
		}
		if _, err := s.db.Exec(`DELETE FROM search_texts WHERE id NOT IN (SELECT text_id FROM search_entries)`); err != nil {
			t.Fatal(err)
		}
	})
}

// fuzzDoc puts the fuzzed values in every kind of field of a report.
func fuzzDoc(a, b, c string, num int64, exp int32) *Doc {
	big := decimal.New(num, exp%400)
	in := func(level3 string) Indicator {
		return Indicator{Level1: a, Level2: b, Level3: level3, Description: c, Value: a + b,
			Unit: c, Basis: b, Weight: a, Actual: c, Score: b, Deviation: a,
			Extra:  map[string]string{a: b, c: a},
			Target: normalize.Target{Kind: normalize.Numeric, Op: c, Value: big, Unit: a, Text: b},
			Page:   int(num), Row: int(num)}
	}
	rng := in(b)
	rng.Target = normalize.Target{Kind: normalize.Range, Lower: big.Neg(), Upper: big, LowerInclusive: num%2 == 0}
	mid := in(c)
	mid.MidTerm = &MidTerm{Value: a, Target: normalize.Target{Kind: normalize.Unparsed, Text: c}}
	rep := &Report{Kind: c, DepartmentCode: a, DepartmentName: b,
		Year: int(num), Layout: c, OverallGoal: a + b + c, Extra: map[string]string{a: c},
		SubGoals:             []SubGoal{{No: int(num), Title: a, Goal: b, Indicators: c}},
		Measures:             []Measure{{No: a, Text: b}},
		DepartmentIndicators: []Indicator{in(a)},
		Projects: []Project{
			{Seq: int(num), Code: a, Name: b, Title: c, Goal: c, GoalLabel: a, MidTermGoal: b, Purpose: a,
				BudgetTotal: a, BudgetFiscal: b, BudgetOther: c,
				SpendingPlan: []Checkpoint{{Period: a, Value: b}},
				Indicators:   []Indicator{rng}, MidTermIndicators: []Indicator{mid},
				Extra: map[string]string{b: c}},
			{Seq: int(num) + 1, Code: c, Name: a},
		},
		Findings: []Finding{
			{Rule: a, Severity: b, Message: c, Project: a, Indicator: 1, SubGoal: int(num), Field: c, Page: int(num), Col: int(num)},
			{Rule: "X1", Severity: "error", Message: a + b},
		},
	}
	d := &Doc{Path: a + "/" + b + ".docx", Format: c, Size: num, Pages: int(num), Report: rep, Index: plainIndex(rep)}
	if num%5 == 0 {
		d.Report, d.Index, d.Err, d.Reason = nil, nil, errors.New(c), b
	}
	return d
}

// checkStored reads d back and compares what must come back exactly.
func checkStored(t *testing.T, s *Store, d *Doc) {
	t.Helper()
	var path, format, reason string
	var size int64
	err := s.db.QueryRow(`SELECT path, format, size, reason FROM documents WHERE sha256 = ?`, d.SHA256).
		Scan(&path, &format, &size, &reason)
	if err != nil || path != d.Path || format != d.Format || size != d.Size {
		t.Fatalf("documents row: %q %q %d %v, want %q %q %d", path, format, size, err, d.Path, d.Format, d.Size)
	}
	if d.Report == nil {
		if reason != d.Reason {
			t.Fatalf("reason %q, want %q", reason, d.Reason)
		}
		return
	}
	rep := d.Report
	var code, name string
	var year int64
	err = s.db.QueryRow(`SELECT department_code, department_name, year FROM reports r
		JOIN documents d ON d.id = r.document_id WHERE d.sha256 = ?`, d.SHA256).Scan(&code, &name, &year)
	if err != nil || code != rep.DepartmentCode || name != rep.DepartmentName || year != int64(rep.Year) {
		t.Fatalf("reports row: %q %q %d %v, want %q %q %d", code, name, year, err, rep.DepartmentCode, rep.DepartmentName, rep.Year)
	}
	var projects, indicators, findings, goals int
	var level3 sql.NullString
	err = s.db.QueryRow(`SELECT
		(SELECT count(*) FROM projects p WHERE p.document_id = d.id),
		(SELECT count(*) FROM indicators i WHERE i.document_id = d.id),
		(SELECT count(*) FROM findings f WHERE f.document_id = d.id),
		(SELECT count(*) FROM goals g WHERE g.document_id = d.id),
		(SELECT level3 FROM indicators i WHERE i.document_id = d.id AND scope = 'department')
		FROM documents d WHERE d.sha256 = ?`, d.SHA256).Scan(&projects, &indicators, &findings, &goals, &level3)
	if err != nil || projects != 2 || indicators != 3 || findings != 2 || goals != 3 || level3.String != rep.DepartmentIndicators[0].Level3 {
		t.Fatalf("stored %d projects, %d indicators, %d findings, %d goals, level3 %q (%v); want 2, 3, 2, 3, %q",
			projects, indicators, findings, goals, level3.String, err, rep.DepartmentIndicators[0].Level3)
	}
}

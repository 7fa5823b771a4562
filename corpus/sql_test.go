package corpus

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jixiao/jixiao/normalize"
)

// smallReport is a report with one project and one indicator.
func smallReport() *Report {
	return &Report{Kind: "target", DepartmentCode: "401001", DepartmentName: "某某县某某局", Year: 2025,
		OverallGoal: "提高群众满意度",
		Projects: []Project{{Seq: 1, Code: "13073025P000895100013", Name: "项目甲", Goal: "年度目标",
			Indicators: []Indicator{{Level1: "满意度指标", Level2: "服务对象满意度指标",
				Level3: "群众满意度", Value: "≥90%", Target: normalize.Value("≥90%", normalize.Context{})}}}},
	}
}

// plainIndex is an Index without a segmenter: each text as one word list.
func plainIndex(rep *Report) Index {
	var ix Index
	walkText(rep, func(name, body, value string) { ix = append(ix, Words{Name: name, Body: body, Value: value}) })
	return ix
}

// sqlTestDB writes a database holding smallReport in a directory of its
// own and returns its path, closed.
func sqlTestDB(t testing.TB) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "jixiao.db")
	s, err := Open(path)
	if errors.Is(err, ErrNoFTS5) {
		t.Skip("built without -tags sqlite_fts5")
	}
	if err != nil {
		t.Fatal(err)
	}
	rep := smallReport()
	d := &Doc{SHA256: fmt.Sprintf("%x", sha256.Sum256([]byte("small"))), Path: "small.docx", Format: "docx",
		Size: 1, Report: rep, Index: plainIndex(rep)}
	if ok, err := s.Put(context.Background(), d, false); err != nil || !ok {
		t.Fatalf("put: %v %v", ok, err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// dirState describes every file in dir: name, size, modification time
// and a digest of the bytes.
func dirState(t testing.TB, dir string) string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, e := range ents {
		info, err := e.Info()
		if err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s %d %s %x\n", e.Name(), info.Size(), info.ModTime().Format(time.RFC3339Nano), sha256.Sum256(data))
	}
	return b.String()
}

func openRO(t testing.TB, path string) *Store {
	t.Helper()
	s, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// deniedSQL must be refused by SQL on any Store; {dir} is a directory
// where nothing may appear.
var deniedSQL = []string{
	"ATTACH '{dir}/y.db' AS y",
	"ATTACH 'file:{dir}/y.db?mode=rwc' AS y",
	"DETACH main",
	"VACUUM",
	"VACUUM INTO '{dir}/x.db'",
	"VACUUM main INTO '{dir}/x.db'",
	"DELETE FROM documents",
	"INSERT INTO meta (key, value) VALUES ('x', 'y')",
	"UPDATE meta SET value = 'x'",
	"REPLACE INTO meta (key, value) VALUES ('batch_dirty', '0')",
	"WITH x AS (SELECT 1) DELETE FROM documents",
	"CREATE TABLE t (a)",
	"CREATE TEMP TABLE t (a)",
	"CREATE TEMP VIEW v AS SELECT 1",
	"CREATE INDEX i ON documents(path)",
	"CREATE TRIGGER tr AFTER INSERT ON meta BEGIN SELECT 1; SELECT 2; END",
	"DROP VIEW v_indicators",
	"ALTER TABLE meta ADD COLUMN z",
	"ANALYZE",
	"REINDEX",
	"BEGIN",
	"BEGIN IMMEDIATE",
	"COMMIT",
	"SAVEPOINT s",
	"PRAGMA user_version = 9",
	"PRAGMA query_only = 0",
	"PRAGMA query_only = OFF",
	"PRAGMA journal_mode = DELETE",
	"PRAGMA journal_mode",
	"PRAGMA wal_checkpoint(TRUNCATE)",
	"PRAGMA writable_schema = 1",
	"PRAGMA temp_store_directory = '{dir}'",
	"PRAGMA optimize",
	"PRAGMA incremental_vacuum",
	"SELECT load_extension('{dir}/x.so')",
	"INSERT INTO search_fts(search_fts) VALUES ('optimize')",
}

// allowedSQL must run and return at least one row.
var allowedSQL = []string{
	"SELECT count(*) FROM documents",
	"select * from v_indicators",
	"SELECT 1;",
	"SELECT 1; ;; -- done\n",
	"SELECT 1; /* a ; comment */",
	"SELECT ';'",
	"SELECT 'it''s; fine'",
	`SELECT "a;b" FROM (SELECT 1 AS "a;b")`,
	"SELECT [a;b] FROM (SELECT 1 AS [a;b])",
	"SELECT `a;b` FROM (SELECT 1 AS `a;b`)",
	"SELECT 1 -- a ; comment",
	"/* lead */ SELECT 1",
	"WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c LIMIT 5) SELECT x FROM c",
	"PRAGMA table_info(documents)",
	"PRAGMA table_info('documents')",
	"PRAGMA index_list(documents)",
	"PRAGMA index_info(reports_department)",
	"PRAGMA user_version",
	"PRAGMA main.user_version",
	"PRAGMA foreign_key_list(reports)",
	"PRAGMA integrity_check",
	"PRAGMA quick_check",
	"PRAGMA database_list",
	"PRAGMA compile_options",
	"SELECT * FROM pragma_table_info('documents')",
	"SELECT name FROM sqlite_schema",
	"SELECT rowid FROM search_fts WHERE search_fts MATCH '项目甲'",
	"SELECT snippet(search_fts, 1, '[', ']', '…', 5) FROM search_fts WHERE search_fts MATCH '项目甲'",
	"EXPLAIN QUERY PLAN SELECT * FROM documents",
}

func TestSQLDenied(t *testing.T) {
	path := sqlTestDB(t)
	other := t.TempDir()
	ro := openRO(t, path)
	rw, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer rw.Close()
	ctx := context.Background()
	before := dirState(t, filepath.Dir(path))
	for _, q := range deniedSQL {
		q = strings.ReplaceAll(q, "{dir}", other)
		for name, s := range map[string]*Store{"read-only": ro, "read-write": rw} {
			_, err := s.SQL(ctx, q)
			if !errors.Is(err, ErrSQLNotAllowed) {
				t.Errorf("%s store: %s: %v, want ErrSQLNotAllowed", name, q, err)
			}
		}
	}
	if ents, _ := os.ReadDir(other); len(ents) != 0 {
		t.Errorf("denied statements created %v", ents)
	}
	rw.Close()
	if after := dirState(t, filepath.Dir(path)); after != before {
		t.Errorf("the database directory changed:\n%s\nbecame\n%s", before, after)
	}
	var v int
	if err := ro.db.QueryRow("PRAGMA user_version").Scan(&v); err != nil || v != SchemaVersion() {
		t.Errorf("user_version %d %v after the denied statements", v, err)
	}
}

func TestSQLAllowed(t *testing.T) {
	path := sqlTestDB(t)
	ro := openRO(t, path)
	before := dirState(t, filepath.Dir(path))
	for _, q := range allowedSQL {
		tab, err := ro.SQL(context.Background(), q)
		if err != nil {
			t.Errorf("%s: %v", q, err)
			continue
		}
		if len(tab.Rows) == 0 {
			t.Errorf("%s: no rows", q)
		}
	}
	if after := dirState(t, filepath.Dir(path)); after != before {
		t.Errorf("the database directory changed:\n%s\nbecame\n%s", before, after)
	}
}

// TestSQLAfterwards checks that the authorizer does not outlive the
// statement: the Store's own writes still work after a refused one.
func TestSQLAfterwards(t *testing.T) {
	s, err := Open(sqlTestDB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	if _, err := s.SQL(ctx, "DELETE FROM meta"); !errors.Is(err, ErrSQLNotAllowed) {
		t.Fatalf("DELETE: %v", err)
	}
	if _, err := s.SQL(ctx, "SELECT length(zeroblob(1000000000))"); err == nil || errors.Is(err, ErrSQLNotAllowed) {
		t.Errorf("a gigabyte blob: %v, want too big", err)
	}
	var n int
	if err := s.db.QueryRow("SELECT length(zeroblob(?))", MaxSQLValue+1).Scan(&n); err != nil {
		t.Errorf("the length limit outlived the statement: %v", err)
	}
	rep := smallReport()
	d := &Doc{SHA256: strings.Repeat("cd", 32), Path: "b.docx", Format: "docx", Size: 1, Report: rep, Index: plainIndex(rep)}
	if ok, err := s.Put(ctx, d, false); err != nil || !ok {
		t.Fatalf("put after a refused statement: %v %v", ok, err)
	}
}

func TestSQLOneStatement(t *testing.T) {
	ro := openRO(t, sqlTestDB(t))
	for _, q := range []string{
		"SELECT 1; SELECT 2",
		"SELECT 1;\n-- note\n;  SELECT 2",
		"SELECT 'a;'; x",
		"SELECT 1; DELETE FROM documents",
		"SELECT 1; /* unterminated",
		"SELECT 1;'",
	} {
		_, err := ro.SQL(context.Background(), q)
		if q == "SELECT 1; /* unterminated" {
			if err != nil {
				t.Errorf("%q: %v, want a trailing comment ignored", q, err)
			}
			continue
		}
		if !errors.Is(err, ErrSQLMultiple) {
			t.Errorf("%q: %v, want ErrSQLMultiple", q, err)
		}
	}
	for _, q := range []string{"", "  ;; ", "-- only a comment", "/* */"} {
		if _, err := ro.SQL(context.Background(), q); !errors.Is(err, ErrSQLEmpty) {
			t.Errorf("%q: %v, want ErrSQLEmpty", q, err)
		}
	}
	if _, err := ro.SQL(context.Background(), "SELECT 1 \x00; DELETE FROM documents"); err == nil {
		t.Error("a query with a NUL byte ran")
	}
}

func TestSQLTimeout(t *testing.T) {
	ro := openRO(t, sqlTestDB(t))
	for _, q := range []string{
		"WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT x FROM c",
		// No row comes out until the sort has read everything: SQLite
		// must be interrupted inside one step.
		"WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT x FROM c ORDER BY x DESC LIMIT 1",
		"WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT count(*) FROM c",
	} {
		ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
		start := time.Now()
		err := ro.SQLTo(ctx, q, discardRows{})
		cancel()
		if !errors.Is(err, ErrSQLTimeout) {
			t.Errorf("%s: %v, want ErrSQLTimeout", q, err)
		}
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("%s: stopped after %v", q, d)
		}
	}
	if tab, err := ro.SQL(context.Background(), "SELECT 1"); err != nil || len(tab.Rows) != 1 {
		t.Errorf("the store after a timeout: %v", err)
	}
}

type discardRows struct{}

func (discardRows) Columns([]Column) error { return nil }
func (discardRows) Row([]any) error        { return nil }

// stopAfter stops the query after n rows.
type stopAfter struct{ n int }

var errEnough = errors.New("enough")

func (s *stopAfter) Columns([]Column) error { return nil }
func (s *stopAfter) Row([]any) error {
	if s.n--; s.n <= 0 {
		return errEnough
	}
	return nil
}

// TestSQLStreams reads the first rows of an endless result: only a
// streamed result can hand them over.
func TestSQLStreams(t *testing.T) {
	ro := openRO(t, sqlTestDB(t))
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	q := "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT x, 'abc' FROM c"
	if err := ro.SQLTo(ctx, q, &stopAfter{n: 1000}); !errors.Is(err, errEnough) {
		t.Errorf("SQLTo: %v, want the sink's error", err)
	}
}

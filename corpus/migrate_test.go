package corpus

import (
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// TestOpenConcurrently opens one new database from several goroutines at
// once, as two ingest runs started together do: each must succeed, and
// the schema must be applied once (a second run of a migration fails on
// CREATE TABLE of a table that exists).
func TestOpenConcurrently(t *testing.T) {
	for round := 0; round < 5; round++ {
		path := filepath.Join(t.TempDir(), "jixiao.db")
		const n = 8
		var wg sync.WaitGroup
		errs := make([]error, n)
		stores := make([]*Store, n)
		start := make(chan struct{})
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				stores[i], errs[i] = Open(path)
			}()
		}
		close(start)
		wg.Wait()
		for i, err := range errs {
			if errors.Is(err, ErrNoFTS5) {
				t.Skip("built without -tags sqlite_fts5")
			}
			if err != nil {
				t.Errorf("round %d: open %d: %v", round, i, err)
				continue
			}
			stores[i].Close()
		}
		s, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		var v, tables int
		if err := s.db.QueryRow("PRAGMA user_version").Scan(&v); err != nil || v != SchemaVersion() {
			t.Errorf("round %d: user_version %d %v, want %d", round, v, err, SchemaVersion())
		}
		if err := s.db.QueryRow(`SELECT count(*) FROM sqlite_schema WHERE name = 'documents'`).Scan(&tables); err != nil || tables != 1 {
			t.Errorf("round %d: %d documents tables %v", round, tables, err)
		}
		s.Close()
	}
}

var updateSchema = flag.Bool("update", false, "rewrite schema.sql from the migrations")

// TestSchemaSnapshot holds schema.sql, from which Open makes a new
// database, to what the migrations build one by one: the same
// statements, rows and version (rewrite it with -update after adding a
// migration), and a database made from it the same as one migrated.
func TestSchemaSnapshot(t *testing.T) {
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	migrated, err := sql.Open("sqlite3", "file:"+filepath.Join(t.TempDir(), "migrated.db")+"?_foreign_keys=1")
	if err != nil {
		t.Fatal(err)
	}
	defer migrated.Close()
	migrated.SetMaxOpenConns(1)
	for done := false; !done; {
		if done, err = migrateNext(context.Background(), migrated, ms); err != nil {
			t.Fatal(err)
		}
	}
	want := snapshotOf(t, migrated, ms[len(ms)-1].version)
	if *updateSchema {
		if err := os.WriteFile("schema.sql", []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return // the test binary holds the schema.sql it was built with
	}
	if schemaSnapshot != want {
		t.Errorf("schema.sql differs from what the migrations build; run go test -tags sqlite_fts5 ./corpus/ -run TestSchemaSnapshot -update")
	}

	s, err := Open(filepath.Join(t.TempDir(), "new.db"))
	if errors.Is(err, ErrNoFTS5) {
		t.Skip("built without -tags sqlite_fts5")
	}
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got, want := describe(t, s.db), describe(t, migrated); got != want {
		t.Errorf("a new database is not the one the migrations build:\n%s\nwant\n%s", got, want)
	}
}

// snapshotOf writes out db as schema.sql holds it: its statements (tables
// first, so that what refers to them follows, each kind in the order
// made; SQLite makes the shadow tables of a virtual table and the indexes
// of constraints itself), then the rows of its tables.
func snapshotOf(t *testing.T, db *sql.DB, version int) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("-- The schema of a new database: what migrations/ build, made in one go by\n")
	b.WriteString("-- Open. Written by go test -tags sqlite_fts5 ./corpus/ -run TestSchemaSnapshot -update\n")
	fmt.Fprintf(&b, "%s%d\n", snapshotVersionLine, version)
	var tables []string
	for _, r := range strings.Split(query(t, db, `SELECT s.type || ' ' || s.name || char(10) || s.sql || ';'
		FROM sqlite_schema s LEFT JOIN pragma_table_list l ON l.name = s.name AND l.schema = 'main'
		WHERE s.sql IS NOT NULL AND coalesce(l.type, '') <> 'shadow'
		ORDER BY CASE s.type WHEN 'table' THEN 0 WHEN 'index' THEN 1 WHEN 'view' THEN 2 ELSE 3 END, s.rowid`), "\x00") {
		head, stmt, _ := strings.Cut(r, "\n")
		typ, name, _ := strings.Cut(head, " ")
		fmt.Fprintf(&b, "\n%s\n", stmt)
		if typ == "table" && !strings.HasPrefix(stmt, "CREATE VIRTUAL") {
			tables = append(tables, name)
		}
	}
	b.WriteString(insertsOf(t, db, tables))
	return b.String()
}

// insertsOf writes the rows of tables as INSERT statements.
func insertsOf(t *testing.T, db *sql.DB, tables []string) string {
	t.Helper()
	var b strings.Builder
	for _, table := range tables {
		cols := strings.Split(query(t, db, `SELECT 'quote("' || name || '")' FROM pragma_table_info(?) ORDER BY cid`, table), "\x00")
		for _, vals := range strings.Split(query(t, db, `SELECT `+strings.Join(cols, " || ', ' || ")+` FROM "`+table+`" ORDER BY 1`), "\x00") {
			if vals != "" {
				fmt.Fprintf(&b, "\nINSERT INTO %s VALUES (%s);\n", table, vals)
			}
		}
	}
	return b.String()
}

// describe is all of db's schema, the rows of its tables and its version.
// The rows of the shadow tables of search_fts count too: its settings
// (INSERT INTO search_fts(search_fts, …)) live there, and schema.sql, which
// copies no shadow rows, would drop one a migration made.
func describe(t *testing.T, db *sql.DB) string {
	t.Helper()
	tables := query(t, db, `SELECT name FROM pragma_table_list WHERE schema = 'main' AND type IN ('table', 'shadow') AND name NOT LIKE 'sqlite_%' ORDER BY name`)
	return query(t, db, "PRAGMA user_version") + "\n" + schemaOf(t, db) + "\n" + insertsOf(t, db, strings.Split(tables, "\x00"))
}

// query returns the one-column rows of q joined by NUL bytes.
func query(t *testing.T, db *sql.DB, q string, args ...any) string {
	t.Helper()
	rows, err := db.Query(q, args...)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return strings.Join(out, "\x00")
}

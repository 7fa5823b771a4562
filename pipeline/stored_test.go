package pipeline

import (
	"database/sql"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/internal/truth"
	"github.com/jixiao/jixiao/report"
	"github.com/jixiao/jixiao/rules"
)

var updateStored = flag.Bool("update", false, "rewrite testdata/stored.sha256 from what is stored now")

// storedHashes pins every row an ingest of the bundled forms stores.
const storedHashes = "testdata/stored.sha256"

// TestStoredRowsUnchanged: what an ingest stores, table by table and row
// by row (ids included, the times of day left out), is pinned, so that a
// faster writer is shown to store what the one before it did. The forms
// are read by one worker, then one again with --force (a document
// deleted and stored anew, its texts already known); JIXIAO_STORED_ROWS=dir
// writes the tables there to diff with an older writer's.
func TestStoredRowsUnchanged(t *testing.T) {
	s := openTemp(t)
	cfg := IngestConfig{
		Workers:    1, // the documents' ids in the order of their paths
		Check:      func(rep *report.Report) *rules.Checked { return rules.Check(rep, rules.Default()) },
		CheckBatch: BatchRules(rules.Default()),
	}
	ingest(t, s, cfg, seedDir, "../testdata/real-forms", "../testdata/bad")
	cfg.Force = true
	ingest(t, s, cfg, filepath.Join(seedDir, "seed.docx"))

	db, err := sql.Open("sqlite3", "file:"+s.path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tables := map[string]string{}
	for _, table := range []string{"documents", "reports", "projects", "goals", "indicators", "findings",
		"search_texts", "search_fts", "search_entries", "submissions", "meta"} {
		tables[table] = dumpTable(t, db, table)
	}
	if n := strings.Count(tables["indicators"], "\n"); n < 100 {
		t.Fatalf("%d indicators stored: the forms were not read", n)
	}
	truth.Pinned{File: storedHashes, Update: *updateStored, Dir: os.Getenv("JIXIAO_STORED_ROWS")}.Check(t, tables)
}

// dumpTable is every row of table in rowid order, a line each, without
// the columns holding the time of the ingest.
func dumpTable(t *testing.T, db *sql.DB, table string) string {
	t.Helper()
	cols := []string{"rowid"}
	rows, err := db.Query(`SELECT name FROM pragma_table_info(?)`, table)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			t.Fatal(err)
		}
		if !slices.Contains([]string{"ingested_at", "received_at"}, c) {
			cols = append(cols, `"`+c+`"`)
		}
	}
	rows.Close()
	rows, err = db.Query(`SELECT ` + strings.Join(cols, ", ") + ` FROM ` + table + ` ORDER BY rowid`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var b strings.Builder
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		for i, v := range vals {
			if i > 0 {
				b.WriteByte('|')
			}
			switch v := v.(type) {
			case []byte:
				b.Write(v)
			case float64:
				fmt.Fprintf(&b, "%v (%x)", v, v) // the bits too: a REAL must come back exact
			default:
				fmt.Fprint(&b, v)
			}
		}
		b.WriteByte('\n')
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

package main

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/output"
)

// emptyDB creates a database with the schema and nothing in it.
func emptyDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "jixiao.db")
	st, err := corpus.Open(path)
	if errors.Is(err, corpus.ErrNoFTS5) {
		t.Skip("built without -tags sqlite_fts5")
	}
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	return path
}

const endless = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT x FROM c"

func TestSQLCommandRefuses(t *testing.T) {
	db := emptyDB(t)
	dir := t.TempDir()
	for _, tc := range []struct{ query, want string }{
		{"ATTACH '" + dir + "/y.db' AS y", "只能查询"},
		{"VACUUM INTO '" + dir + "/x.db'", "只能查询"},
		{"DELETE FROM documents", "不允许：DELETE FROM documents"},
		{"PRAGMA query_only = 0", "不允许：PRAGMA query_only = 0"},
		{"SELECT 1; SELECT 2", "一次只能执行一条语句；第一条语句之后还有：SELECT 2"},
		{"/* nothing */ ;", "查询语句是空的"},
		{"SELECT * FROM nosuch", "查询出错：no such table: nosuch"},
	} {
		status, stdout, stderr := runCmd("sql", "--db", db, tc.query)
		if status != 1 || !strings.Contains(stderr, tc.want) || stdout != "" {
			t.Errorf("%s: status %d, stdout %q, stderr %q; want 1 and %q", tc.query, status, stdout, stderr, tc.want)
		}
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("refused statements created %v", ents)
	}
	for _, q := range []string{"PRAGMA table_info(documents)", "PRAGMA user_version", "SELECT count(*) AS n FROM v_indicators"} {
		if status, stdout, stderr := runCmd("sql", "--db", db, q); status != 0 || stdout == "" {
			t.Errorf("%s: status %d, %s", q, status, stderr)
		}
	}
}

func TestSQLCommandTimeout(t *testing.T) {
	db := emptyDB(t)
	out := filepath.Join(t.TempDir(), "out.csv")
	for _, args := range [][]string{
		{"--timeout", "0.5"},
		{"--timeout", "500ms", "--format", "csv", "--out", out},
		{"--timeout", "0.5", "--format", "table"},
	} {
		start := time.Now()
		// No row comes out: the table format would stop at its row limit.
		q := "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT max(x) FROM c"
		status, _, stderr := runCmd(append(append([]string{"sql", "--db", db}, args...), q)...)
		if status != 1 || !strings.Contains(stderr, "查询超时（0.5 秒）") {
			t.Errorf("%v: status %d, %q", args, status, stderr)
		}
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("%v: stopped after %v", args, d)
		}
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a stopped query left %s: %v", out, err)
	}
	if ents, _ := os.ReadDir(filepath.Dir(out)); len(ents) != 0 {
		t.Errorf("a stopped query left %v", ents)
	}
	// Rows streamed before the time ran out end with a whole row.
	status, stdout, stderr := runCmd("sql", "--db", db, "--timeout", "0.5", "--format", "csv", endless)
	if status != 1 || !strings.Contains(stderr, "查询超时") || len(stdout) < 1000 || !strings.HasSuffix(stdout, "\n") {
		t.Errorf("csv of an endless result: status %d, %d bytes ending %q, %s", status, len(stdout), stdout[max(0, len(stdout)-20):], stderr)
	}
	if msg := sqlMessage(corpus.ErrSQLTimeout, 30*time.Second); !strings.Contains(msg, "查询超时（30 秒）") {
		t.Errorf("default timeout message: %s", msg)
	}
	for _, v := range []string{"0", "-1", "abc", "5x"} {
		if status, _, _ := runCmd("sql", "--db", db, "--timeout", v, "SELECT 1"); status != 2 {
			t.Errorf("--timeout %s: status %d, want 2", v, status)
		}
	}
}

func TestSQLCommandFormats(t *testing.T) {
	db := emptyDB(t)
	q := "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c LIMIT 3) SELECT x, '满意度' AS name FROM c"
	status, stdout, stderr := runCmd("sql", "--db", db, "--format", "json", q)
	var rows []map[string]any
	if err := json.Unmarshal([]byte(stdout), &rows); status != 0 || err != nil || len(rows) != 3 || rows[2]["x"] != 3.0 || rows[0]["name"] != "满意度" {
		t.Errorf("json: status %d, %v, %s %s", status, err, stdout, stderr)
	}
	status, stdout, _ = runCmd("sql", "--db", db, "--format", "csv", q)
	if status != 0 || stdout != "\uFEFFx,name\n1,满意度\n2,满意度\n3,满意度\n" {
		t.Errorf("csv: status %d, %q", status, stdout)
	}
	out := filepath.Join(t.TempDir(), "r.csv")
	status, _, stderr = runCmd("sql", "--db", db, "--format", "csv", "--out", out, q)
	if b, err := os.ReadFile(out); status != 0 || err != nil || strings.Count(string(b), "\n") != 4 || !strings.Contains(stderr, "3 行") {
		t.Errorf("--out: status %d, %v, %q, %s", status, err, b, stderr)
	}
	// The aligned table shows the first rows and says there are more.
	status, stdout, stderr = runCmd("sql", "--db", db, endless)
	if status != 0 || strings.Count(stdout, "\n") != output.MaxTableRows+1 || !strings.Contains(stderr, "只显示了前 10000 行") {
		t.Errorf("table of an endless result: status %d, %d lines, %s", status, strings.Count(stdout, "\n"), stderr)
	}
}

// peakHeap records the largest heap seen while the result is written.
type peakHeap struct {
	n, peak uint64
	bytes   int
}

func (p *peakHeap) Write(b []byte) (int, error) {
	p.bytes += len(b)
	if p.n++; p.n%16 == 0 {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		p.peak = max(p.peak, m.HeapAlloc)
	}
	return len(b), nil
}

// TestSQLCommandStreams writes a million rows as CSV; holding them would
// take well over 100 MB of heap.
func TestSQLCommandStreams(t *testing.T) {
	if testing.Short() {
		t.Skip("a million rows")
	}
	db := emptyDB(t)
	runtime.GC()
	var base runtime.MemStats
	runtime.ReadMemStats(&base)
	p := &peakHeap{}
	var errb strings.Builder
	q := "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c LIMIT 1000000) SELECT x, 'abc' FROM c"
	if status := runSQL([]string{"--db", db, "--format", "csv", "--timeout", "120", q}, p, &errb); status != 0 {
		t.Fatalf("status %d: %s", status, errb.String())
	}
	if p.bytes < 1000000*6 {
		t.Errorf("wrote %d bytes", p.bytes)
	}
	if grew := int64(p.peak) - int64(base.HeapAlloc); grew > 48<<20 {
		t.Errorf("the heap grew by %d MB while streaming", grew>>20)
	}
}

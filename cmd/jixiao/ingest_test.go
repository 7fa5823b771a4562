package main

import (
	"archive/zip"
	"bytes"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/internal/truth"
)

// benchDir is the bench corpus; tests skip when it is absent.
func benchDir(tb testing.TB) string {
	tb.Helper()
	dir, err := truth.BenchCorpus()
	if err != nil {
		tb.Skip(err)
	}
	return dir
}

func needFTS5(t testing.TB) {
	t.Helper()
	if _, err := corpus.Open(filepath.Join(t.TempDir(), "probe.db")); err == corpus.ErrNoFTS5 {
		t.Skip("built without -tags sqlite_fts5")
	}
}

func stats(t testing.TB, db string) corpus.Stats {
	t.Helper()
	status, stdout, stderr := runCmd("stats", "--db", db, "--format", "json")
	if status != 0 {
		t.Fatalf("stats: %d %s", status, stderr)
	}
	var s corpus.Stats
	if err := json.Unmarshal([]byte(stdout), &s); err != nil {
		t.Fatalf("stats json: %v\n%s", err, stdout)
	}
	return s
}

func TestIngestCommands(t *testing.T) {
	needFTS5(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "j.db")
	status, stdout, stderr := runCmd("ingest", "--db", db, filepath.Join("..", "..", "testdata", "seed"))
	t.Logf("ingest: status %d\n%s%s", status, stdout, stderr)
	if status == 2 || !strings.Contains(stdout, "完成：共") {
		t.Fatalf("ingest failed: %d", status)
	}
	first := stats(t, db)
	// seed-split is the seed report of department 430001 for 2025 in the
	// split layout: read later, seed replaces it (one submission, one
	// replaced), and each comes as .docx and .pdf (one copy counted apart).
	if first.Documents != 4 || first.Submissions != 1 || first.Replaced != 1 || first.Copies != 1 ||
		first.Projects == 0 || first.Indicators == 0 {
		t.Errorf("stats after ingest: %+v", first)
	}
	_, stdout, _ = runCmd("ingest", "--db", db, filepath.Join("..", "..", "testdata", "seed"))
	if !strings.Contains(stdout, "新读入 0") || !strings.Contains(stdout, "已存在，跳过 4") {
		t.Errorf("second ingest did not skip everything:\n%s", stdout)
	}
	if again := stats(t, db); fmt.Sprint(again) != fmt.Sprint(first) {
		t.Errorf("second ingest changed the counts: %+v → %+v", first, again)
	}

	status, stdout, stderr = runCmd("search", "--db", db, "满意度")
	if status != 0 || !strings.Contains(stdout, "满意度") || !strings.Contains(stdout, "位置") {
		t.Errorf("search 满意度: %d\n%s%s", status, stdout, stderr)
	}
	status, stdout, _ = runCmd("search", "--db", db, "--format", "json", "满意度")
	var hits []map[string]any
	if status != 0 || json.Unmarshal([]byte(stdout), &hits) != nil || len(hits) == 0 || hits[0]["where"] == "" {
		t.Errorf("search --format json: %d\n%s", status, stdout)
	}

	for _, args := range [][]string{
		{"query", "--level1", "产出", "--format", "csv"},
		{"query", "--kind", "numeric", "--op", "≥", "--unit", "%", "--min", "90", "--format", "json"},
		{"issues", "--severity", "warning", "--format", "csv"},
		{"issues", "--summary"},
		{"sql", "SELECT count(*) AS n FROM v_indicators"},
	} {
		status, stdout, stderr := runCmd(append([]string{args[0], "--db", db}, args[1:]...)...)
		if status != 0 || strings.Count(stdout, "\n") < 2 {
			t.Errorf("%v: %d\n%s%s", args, status, stdout, stderr)
		}
	}
	for _, cmd := range []string{"query", "issues"} {
		out := filepath.Join(dir, cmd+".xlsx")
		if status, _, stderr := runCmd(cmd, "--db", db, "--format", "xlsx", "--out", out); status != 0 {
			t.Fatalf("%s xlsx: %s", cmd, stderr)
		}
		f, err := excelize.OpenFile(out)
		if err != nil {
			t.Fatal(err)
		}
		rows, _ := f.GetRows(f.GetSheetName(0))
		if len(rows) < 2 || rows[0][0] != "部门编码" {
			t.Errorf("%s xlsx: %d rows, header %v", cmd, len(rows), rows[0])
		}
		f.Close()
	}
	if status, _, stderr := runCmd("sql", "--db", db, "DELETE FROM documents"); status != 1 || !strings.Contains(stderr, "只读") {
		t.Errorf("sql DELETE: status %d, %s", status, stderr)
	}
	if status, _, stderr := runCmd("stats", "--db", filepath.Join(dir, "none.db")); status != 1 || !strings.Contains(stderr, "不存在") {
		t.Errorf("stats on a missing database: %d %s", status, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "none.db")); err == nil {
		t.Error("a reading command created the database")
	}
	if status, _, _ := runCmd("query", "--db", db, "--kind", "bogus"); status != 2 {
		t.Errorf("query --kind bogus: status %d, want 2", status)
	}
}

// TestIngestBenchCorpus ingests the 400 files of the bench corpus, .docx
// and .pdf of 200 reports, then again.
func TestIngestBenchCorpus(t *testing.T) {
	needFTS5(t)
	src := benchDir(t)
	db := filepath.Join(t.TempDir(), "bench.db")
	start := time.Now()
	status, stdout, stderr := runCmd("ingest", "--db", db, src)
	first := time.Since(start)
	t.Logf("first ingest: status %d in %v\n%s", status, first, stdout)
	if status == 2 {
		t.Fatal(stderr)
	}
	s := stats(t, db)
	t.Logf("documents %d (failed %d), projects %d, indicators %d, findings %d, duplicate groups %d",
		s.Documents, s.Failed, s.Projects, s.Indicators, s.Findings, s.DuplicateGroups)
	if s.Documents != 400 {
		t.Errorf("documents = %d, want 400", s.Documents)
	}
	if s.Formats["docx"] != 200 || s.Formats["pdf"] != 200 {
		t.Errorf("formats = %v, want 200 docx and 200 pdf", s.Formats)
	}
	// Both halves read; the .docx and .pdf of a report are one submission,
	// counted once: 200 submissions of 1,404 projects.
	if s.Failed != 0 || s.Submissions != 200 || s.Copies != 200 || s.Projects != 1404 {
		t.Errorf("failed %d, submissions %d, copies %d, projects %d; want 0, 200, 200 and 1,404", s.Failed, s.Submissions, s.Copies, s.Projects)
	}
	_, stdout, _ = runCmd("issues", "--db", db, "--summary", "--format", "csv")
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != 201 {
		t.Errorf("issues --summary: %d lines, want a header and 200 departments:\n%.500s", len(lines), stdout)
	}
	for _, l := range lines[1:] {
		if f := strings.Split(l, ","); len(f) < 3 || f[2] != "1" {
			t.Errorf("issues --summary: %q, want one report per department", l)
			break
		}
	}
	start = time.Now()
	_, stdout, _ = runCmd("ingest", "--db", db, src)
	second := time.Since(start)
	t.Logf("second ingest in %v (%.0f%% of the first)\n%s", second, 100*second.Seconds()/first.Seconds(), stdout)
	if again := stats(t, db); fmt.Sprint(again) != fmt.Sprint(s) {
		t.Errorf("second ingest changed the counts: %+v → %+v", s, again)
	}
	_, stdout, _ = runCmd("search", "--db", db, "满意度")
	if !strings.Contains(stdout, "满意度") {
		t.Errorf("search 满意度 found nothing:\n%s", stdout)
	}
}

var built struct {
	once sync.Once
	path string
	err  error
}

// binary builds jixiao with -tags sqlite_fts5 once per test run.
func binary(t testing.TB) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary; skipped with -short")
	}
	needFTS5(t)
	built.once.Do(func() {
		// One fixed place, overwritten by each run, so no run leaves a copy.
		dir := filepath.Join(os.TempDir(), "jixiao-test-bin")
		if built.err = os.MkdirAll(dir, 0o755); built.err != nil {
			return
		}
		tmp := filepath.Join(dir, fmt.Sprintf("jixiao.%d", os.Getpid()))
		cmd := exec.Command("go", "build", "-tags", "sqlite_fts5", "-o", tmp, ".")
		if out, err := cmd.CombinedOutput(); err != nil {
			built.err = fmt.Errorf("go build: %v\n%s", err, out)
			return
		}
		built.path = filepath.Join(dir, "jixiao")
		built.err = os.Rename(tmp, built.path)
	})
	if built.err != nil {
		t.Fatal(built.err)
	}
	return built.path
}

// TestBinaryBareEnvironment copies the built binary to an empty folder and
// runs it with a bare environment: no module cache, a fresh HOME, so the
// dictionaries must come from the binary itself.
func TestBinaryBareEnvironment(t *testing.T) {
	bin := binary(t)
	dir := t.TempDir()
	home := filepath.Join(dir, "home")
	os.Mkdir(home, 0o755)
	work := filepath.Join(dir, "work")
	os.Mkdir(work, 0o755)
	b, err := os.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(work, "jixiao"), b, 0o755); err != nil {
		t.Fatal(err)
	}
	seedDocx, _ := filepath.Abs(seed("seed.docx"))
	run := func(args ...string) string {
		cmd := exec.Command("./jixiao", args...)
		cmd.Dir = work
		cmd.Env = []string{"PATH=/usr/bin:/bin", "HOME=" + home}
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("jixiao %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	run("ingest", seedDocx)
	out := run("search", "满意度")
	if !strings.Contains(out, "满意度") {
		t.Errorf("search in a bare environment found nothing:\n%s", out)
	}
	if m, _ := filepath.Glob(filepath.Join(home, ".cache", "jixiao", "dict-*", "jieba.dict.utf8")); len(m) != 1 {
		t.Errorf("dictionaries not written under HOME/.cache/jixiao: %v", m)
	}
}

// killCorpus returns a folder to ingest: the bench corpus, else copies of
// the seed .docx made distinct by an extra zip entry.
func killCorpus(t *testing.T) (dir string, files int) {
	if d, err := truth.BenchCorpus(); err == nil {
		m, _ := filepath.Glob(filepath.Join(d, "r*.*[xf]"))
		return d, len(m)
	}
	t.Log("bench corpus absent: ingesting 150 copies of the seed .docx")
	dir = t.TempDir()
	src, err := os.ReadFile(seed("seed.docx"))
	if err != nil {
		t.Fatal(err)
	}
	for i := range 150 {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("c%03d.docx", i)), variant(t, src, i), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir, 150
}

// variant rewrites a .docx with one more zip entry, so its hash differs.
func variant(t *testing.T, docx []byte, i int) []byte {
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		w, _ := zw.Create(f.Name)
		r, _ := f.Open()
		io.Copy(w, r)
		r.Close()
	}
	w, _ := zw.Create(fmt.Sprintf("customXml/jixiao-copy-%d.xml", i))
	fmt.Fprintf(w, "<copy n=\"%d\"/>", i)
	zw.Close()
	return buf.Bytes()
}

// TestKillAndRerun kills an ingest with SIGKILL part-way, reruns it and
// checks the database is whole, nothing is duplicated and the result is
// that of an uninterrupted ingest.
func TestKillAndRerun(t *testing.T) {
	bin := binary(t)
	src, files := killCorpus(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "k.db")
	cmd := exec.Command(bin, "ingest", "--db", db, "--workers", "1", src)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	stored := 0
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
		if stored = countDocs(db); stored >= min(20, files/4) {
			break
		}
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	atKill := countDocs(db)
	t.Logf("killed after %d of %d documents", atKill, files)
	if atKill >= files {
		t.Log("the ingest finished before the kill; the rerun still must change nothing")
	}
	out, _ := exec.Command(bin, "ingest", "--db", db, src).CombinedOutput()
	t.Logf("rerun:\n%s", out)

	ref := filepath.Join(dir, "ref.db")
	exec.Command(bin, "ingest", "--db", ref, src).Run()
	got, want := stats(t, db), stats(t, ref)
	if got.Documents != files || got.Documents != want.Documents || got.Projects != want.Projects ||
		got.Indicators != want.Indicators || got.Findings != want.Findings {
		t.Errorf("after kill and rerun: %+v\nuninterrupted: %+v", got, want)
	}
	conn, err := sql.Open("sqlite3", "file:"+db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var check string
	conn.QueryRow("PRAGMA integrity_check").Scan(&check)
	if check != "ok" {
		t.Errorf("integrity_check: %s", check)
	}
	for _, q := range []string{
		"SELECT count(*) FROM (SELECT sha256 FROM documents GROUP BY sha256 HAVING count(*) > 1)",
		"SELECT count(*) FROM (SELECT document_id, seq FROM projects GROUP BY 1, 2 HAVING count(*) > 1)",
		"SELECT count(*) FROM search_entries WHERE document_id NOT IN (SELECT id FROM documents)",
		"SELECT count(*) FROM search_texts WHERE id NOT IN (SELECT text_id FROM search_entries)",
		"SELECT (SELECT count(*) FROM search_texts) - (SELECT count(*) FROM search_fts)",
		"SELECT count(*) FROM documents d WHERE status = 'ok' AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.document_id = d.id)",
	} {
		var n int
		if err := conn.QueryRow(q).Scan(&n); err != nil || n != 0 {
			t.Errorf("%s = %d (%v), want 0", q, n, err)
		}
	}
}

func countDocs(db string) int {
	conn, err := sql.Open("sqlite3", "file:"+db+"?mode=ro&_busy_timeout=1000")
	if err != nil {
		return 0
	}
	defer conn.Close()
	var n int
	conn.QueryRow("SELECT count(*) FROM documents").Scan(&n)
	return n
}

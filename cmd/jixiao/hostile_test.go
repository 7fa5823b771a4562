package main

import (
	"bytes"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jixiao/jixiao/internal/hostile"
)

// TestHostileFolder feeds a folder of hostile files mixed with good
// reports to ingest and check, as an attacker's upload would come: every
// bad file is named with its reason, every good one is stored, the run
// ends within its limits and the database stays whole.
func TestHostileFolder(t *testing.T) {
	dir := t.TempDir()
	bad := hostile.Files()
	for name, b := range bad {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	good := goodReports(t)
	for _, f := range good {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, filepath.Base(f)), b, 0o644)
	}
	db := filepath.Join(t.TempDir(), "h.db")
	start := time.Now()
	var out, errb bytes.Buffer
	code := run([]string{"ingest", "--db", db, "--file-timeout", "20s", dir}, nil, &out, &errb)
	t.Logf("ingest: exit %d in %v\n%s%s", code, time.Since(start), out.String(), errb.String())
	if code != 1 {
		t.Errorf("ingest exit %d, want 1 (files failed)", code)
	}
	for name := range bad {
		if name == "control\nchars.docx" {
			if !strings.Contains(errb.String(), `"`+filepath.Join(dir, "control\\nchars.docx")+`"`) {
				t.Errorf("a file name with a line break is not quoted")
			}
			continue
		}
		if !strings.Contains(errb.String(), filepath.Join(dir, name)+": 读取失败：") {
			t.Errorf("%s: not named as failed", name)
		}
	}
	conn, err := sql.Open("sqlite3", "file:"+db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var ok, docs int
	var integrity string
	conn.QueryRow(`SELECT count(*) FROM documents WHERE status = 'ok'`).Scan(&ok)
	conn.QueryRow(`SELECT count(*) FROM documents`).Scan(&docs)
	conn.QueryRow(`PRAGMA integrity_check`).Scan(&integrity)
	if ok != len(good) {
		t.Errorf("%d documents stored, want the %d good ones", ok, len(good))
	}
	if docs != len(good)+len(bad) {
		t.Errorf("%d documents, want %d: every file recorded", docs, len(good)+len(bad))
	}
	if integrity != "ok" {
		t.Errorf("integrity_check: %s", integrity)
	}

	out.Reset()
	errb.Reset()
	code = run([]string{"check", "--file-timeout", "20s", dir}, nil, &out, &errb)
	if code != 1 || strings.Count(out.String(), "== ") != len(good) {
		t.Errorf("check: exit %d, %d reports, want 1 and %d\n%s", code, strings.Count(out.String(), "== "), len(good), errb.String())
	}
	for name := range bad {
		if !strings.Contains(errb.String(), filepath.Base(strings.ReplaceAll(name, "\n", `\n`))) {
			t.Errorf("check: %s not named", name)
		}
	}
	if self, children, ok := peakRSS(); ok {
		t.Logf("peak RSS: this process %d MB, largest worker %d MB; %v in all", self, children, time.Since(start))
		if self > 500 || children > 500 {
			t.Errorf("peak RSS over 500 MB")
		}
	}
}

// goodReports returns 20 reports of the bench corpus, or the samples in
// testdata when it is absent.
func goodReports(t *testing.T) []string {
	if dir := os.Getenv("JIXIAO_BENCH"); dir != "" {
		docx, _ := filepath.Glob(filepath.Join(dir, "r00[0-9]?-*.docx"))
		pdf, _ := filepath.Glob(filepath.Join(dir, "r00[0-9]?-*.pdf"))
		if len(docx) >= 10 && len(pdf) >= 10 {
			return append(docx[:10], pdf[:10]...)
		}
	}
	t.Log("bench corpus absent (JIXIAO_BENCH): good files from testdata")
	files, _ := filepath.Glob("../../testdata/real-forms/0[1-5]-*.docx")
	return append(files, "../../testdata/seed/seed.docx", "../../testdata/seed/seed.pdf")
}

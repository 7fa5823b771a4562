package corpus

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/jixiao/jixiao/extract"
	_ "github.com/jixiao/jixiao/extract/formats"
	"github.com/jixiao/jixiao/report"
)

const seedDir = "../testdata/seed"

func openTemp(t testing.TB) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "jixiao.db"))
	if errors.Is(err, ErrNoFTS5) {
		t.Skip("built without -tags sqlite_fts5")
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func segmenter(t testing.TB) *Segmenter {
	t.Helper()
	seg, err := LoadSegmenter(filepath.Join(os.TempDir(), "jixiao-test-cache"))
	if err != nil {
		t.Fatal(err)
	}
	return seg
}

// put reads each file, or the .docx and .pdf files in each folder, runs
// check (when not nil) on its report and stores the findings it returns it with Put, as the
// pipeline does; it returns how many were read and stored.
func put(t testing.TB, s *Store, check func(*report.Report) []Finding, paths ...string) (stored int) {
	t.Helper()
	seg := segmenter(t)
	var files []string
	for _, p := range paths {
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			for _, ext := range []string{"*.docx", "*.pdf"} {
				m, _ := filepath.Glob(filepath.Join(p, ext))
				files = append(files, m...)
			}
			continue
		}
		files = append(files, p)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		h := sha256.Sum256(b)
		d := &Doc{SHA256: hex.EncodeToString(h[:]), Path: f, Size: int64(len(b)), Format: string(extract.Sniff(bytes.NewReader(b), int64(len(b))))}
		doc, err := extract.Read(bytes.NewReader(b), d.Size, f)
		var rep *report.Report
		if err == nil {
			rep, err = report.Read(doc)
		}
		if err != nil {
			d.Err, d.Reason = err, report.Reason(err)
		} else {
			var fs []Finding
			if check != nil {
				fs = check(rep)
			}
			d.Report, d.Pages = toStore(rep, fs...), rep.Source.Pages
			d.Index = NewIndex(d.Report, seg)
		}
		ok, err := s.Put(context.Background(), d, false)
		if err != nil {
			t.Fatal(err)
		}
		if ok && d.Report != nil {
			stored++
		}
	}
	return stored
}

func count(t testing.TB, s *Store, q string) int {
	t.Helper()
	var n int
	if err := s.db.QueryRow(q).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// counts checks that each query counts what it maps to.
func counts(t testing.TB, s *Store, want map[string]int) {
	t.Helper()
	for q, n := range want {
		if got := count(t, s, q); got != n {
			t.Errorf("%s = %d, want %d", q, got, n)
		}
	}
}

func TestMigrateTwice(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.db")
	for range 2 {
		s, err := Open(path)
		if errors.Is(err, ErrNoFTS5) {
			t.Skip("built without -tags sqlite_fts5")
		}
		if err != nil {
			t.Fatal(err)
		}
		if v := count(t, s, "PRAGMA user_version"); v != SchemaVersion() || v < 1 {
			t.Errorf("user_version = %d, want %d", v, SchemaVersion())
		}
		if m := count(t, s, "SELECT count(*) FROM meta"); m != 1 {
			t.Errorf("meta rows = %d", m)
		}
		s.Close()
	}
}

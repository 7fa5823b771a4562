package bench

import (
	"crypto/sha256"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/internal/truth"
	"github.com/jixiao/jixiao/report"
)

// TestDistinctCopies: the copies BenchmarkIngest20k stores each have a
// SHA-256 of their own and read as the file they copy.
func TestDistinctCopies(t *testing.T) {
	dir, err := truth.BenchCorpus()
	if err != nil {
		t.Skip(err)
	}
	src := t.TempDir()
	for _, name := range []string{"r0000-hebei.docx", "r0000-hebei.pdf"} {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Skip(err)
		}
		if err := os.WriteFile(filepath.Join(src, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dst := t.TempDir()
	if err := distinctCopies(src, dst, 4, 0); err != nil {
		t.Fatal(err)
	}
	sums := map[[32]byte]string{}
	for _, name := range []string{"r0000-hebei.docx", "r0000-hebei.pdf"} {
		want := readJSON(t, filepath.Join(src, name), sums)
		for _, c := range []string{"c000", "c001"} {
			if got := readJSON(t, filepath.Join(dst, c, name), sums); got != want {
				t.Errorf("%s/%s reads otherwise than %s:\n%s\nwant\n%s", c, name, name, got, want)
			}
		}
	}
	if len(sums) != 6 {
		t.Errorf("%d distinct SHA-256 among 2 files and 4 copies", len(sums))
	}
}

// readJSON reads a file's report as JSON, its source left out, and
// records the file's SHA-256 in sums.
func readJSON(t *testing.T, path string, sums map[[32]byte]string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sums[sha256.Sum256(b)] = path
	doc, err := extract.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := report.Read(doc)
	if err != nil {
		t.Fatal(err)
	}
	rep.Source = report.Source{}
	j, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	return string(j)
}

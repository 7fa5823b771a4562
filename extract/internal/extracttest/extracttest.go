// Package extracttest holds the test helpers that the format readers
// (extract/docx, extract/pdf) share: the golden dumps of the seed reports
// and the read benchmark.
package extracttest

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/internal/truth"
)

// SeedDump reads the seed report name from ../../testdata/seed, compares
// its dump with testdata/name.golden (rewriting that file first when
// update is set), checks its hash and format, and returns it. It is called
// from a reader's package directory, extract/<format>.
func SeedDump(t *testing.T, name string, format extract.Format, update bool) *extract.Document {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "seed", name))
	if err != nil {
		t.Fatal(err)
	}
	// Read under the path the golden files were made with, in extract/, so
	// that they record the same positions.
	doc, err := extract.Read(bytes.NewReader(data), int64(len(data)), filepath.Join("..", "testdata", "seed", name))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	extract.Dump(&b, doc)
	golden := filepath.Join("testdata", name+".golden")
	if update {
		os.MkdirAll(filepath.Dir(golden), 0o755)
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update)", err)
	}
	if b.String() != string(want) {
		t.Errorf("%s dump differs from %s (run with -update and review)", name, golden)
	}
	if len(doc.SHA256) != 64 {
		t.Errorf("sha256 %q", doc.SHA256)
	}
	if doc.Format != format {
		t.Errorf("format %q", doc.Format)
	}
	return doc
}

// BenchRead reads the files with extension ext (".docx", ".pdf") held in
// memory: the forms and seeds in ../../testdata as the sub-benchmark
// "forms", and the reports of the bench corpus, when it is there, as
// "corpus". It is called from a reader's package directory.
func BenchRead(b *testing.B, ext string) {
	forms, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "real-forms", "*"+ext))
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "seed", "*"+ext))
	sets := map[string][]string{"forms": append(forms, seeds...)}
	if dir, err := truth.BenchCorpus(); err == nil {
		sets["corpus"], _ = filepath.Glob(filepath.Join(dir, "*"+ext))
	}
	for _, name := range []string{"forms", "corpus"} {
		files := sets[name]
		if len(files) == 0 {
			continue
		}
		b.Run(name, func(b *testing.B) {
			data := make([][]byte, len(files))
			for i, f := range files {
				var err error
				if data[i], err = os.ReadFile(f); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportAllocs()
			for b.Loop() {
				for i, d := range data {
					if _, err := extract.Read(bytes.NewReader(d), int64(len(d)), files[i]); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(len(files)), "files/op")
		})
	}
}

package docx

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/jixiao/jixiao/internal/truth"

	"github.com/jixiao/jixiao/extract"
)

// BenchmarkReadDOCX reads .docx files held in memory: the forms and seeds
// in ../../testdata, and the 200 reports of the bench corpus when it is
// there. Run: go test -tags sqlite_fts5 -run '^$' -bench DOCX ./extract/
func BenchmarkReadDOCX(b *testing.B) {
	forms, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "real-forms", "*.docx"))
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "seed", "*.docx"))
	sets := map[string][]string{"forms": append(forms, seeds...)}
	if dir, err := truth.BenchCorpus(); err == nil {
		sets["corpus"], _ = filepath.Glob(filepath.Join(dir, "*.docx"))
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

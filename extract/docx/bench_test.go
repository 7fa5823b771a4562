package docx

import (
	"testing"

	"github.com/jixiao/jixiao/extract/internal/extracttest"
)

// BenchmarkReadDOCX reads .docx files held in memory: the forms and seeds
// in ../../testdata, and the 200 reports of the bench corpus when it is
// there. Run: go test -tags sqlite_fts5 -run '^$' -bench DOCX ./extract/docx/
func BenchmarkReadDOCX(b *testing.B) { extracttest.BenchRead(b, ".docx") }

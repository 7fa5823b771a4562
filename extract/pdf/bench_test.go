package pdf

import (
	"testing"

	"github.com/jixiao/jixiao/extract/internal/extracttest"
)

// BenchmarkReadPDF reads .pdf files held in memory: the forms and seeds
// in ../../testdata, and the 200 reports of the bench corpus when it is
// there. Run: go test -tags sqlite_fts5 -run '^$' -bench PDF ./extract/pdf/
func BenchmarkReadPDF(b *testing.B) { extracttest.BenchRead(b, ".pdf") }

package docx

import (
	"flag"
	"testing"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/extract/internal/extracttest"
)

// update makes golden-file tests rewrite their golden files.
var update = flag.Bool("update", false, "rewrite golden files")

// TestSeedDumps compares the Documents read from the seed .docx files
// with their golden dumps (refresh with -update and review the diff).
func TestSeedDumps(t *testing.T) {
	for _, name := range []string{"seed.docx", "seed-split.docx"} {
		t.Run(name, func(t *testing.T) {
			extracttest.SeedDump(t, name, extract.DOCX, *update)
		})
	}
}

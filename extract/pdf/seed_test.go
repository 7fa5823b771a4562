package pdf

import (
	"flag"
	"testing"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/extract/internal/extracttest"
)

// update makes golden-file tests rewrite their golden files.
var update = flag.Bool("update", false, "rewrite golden files")

// TestSeedDumps compares the Documents read from the seed PDFs with their
// golden dumps (refresh with -update and review the diff).
func TestSeedDumps(t *testing.T) {
	for _, name := range []string{"seed.pdf", "seed-split.pdf"} {
		t.Run(name, func(t *testing.T) {
			checkPositions(t, extracttest.SeedDump(t, name, extract.PDF, *update))
		})
	}
}

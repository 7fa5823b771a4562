package pdf

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/extract"
)

// update makes golden-file tests rewrite their golden files.
var update = flag.Bool("update", false, "rewrite golden files")

// TestSeedDumps compares the Documents read from the seed PDFs with their
// golden dumps (refresh with -update and review the diff).
func TestSeedDumps(t *testing.T) {
	for _, name := range []string{"seed.pdf", "seed-split.pdf"} {
		t.Run(name, func(t *testing.T) {
			// Read under the path the golden files were made with, in
			// extract/, so that they record the same positions.
			data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "seed", name))
			if err != nil {
				t.Fatal(err)
			}
			doc, err := extract.Read(bytes.NewReader(data), int64(len(data)), filepath.Join("..", "testdata", "seed", name))
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			extract.Dump(&b, doc)
			golden := filepath.Join("testdata", name+".golden")
			if *update {
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
			if doc.Format != extract.PDF {
				t.Errorf("format %q", doc.Format)
			}
			checkPositions(t, doc)
		})
	}
}

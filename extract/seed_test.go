package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSeedDumps compares the Documents read from the seed files with their
// golden dumps (refresh with -update and review the diff).
func TestSeedDumps(t *testing.T) {
	for _, name := range []string{"seed.docx", "seed-split.docx", "seed.pdf", "seed-split.pdf"} {
		t.Run(name, func(t *testing.T) {
			doc, err := Open(filepath.Join("..", "testdata", "seed", name))
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			Dump(&b, doc)
			golden := filepath.Join("testdata", string(doc.Format), name+".golden")
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
			if doc.Format == PDF {
				checkPositions(t, doc)
			}
		})
	}
}

package docx

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	docx "github.com/fumiama/go-docx"

	"github.com/jixiao/jixiao/internal/truth"

	"github.com/jixiao/jixiao/extract"
)

// TestDOCXAgainstGoDocx reads plain documents (no content controls, tracked
// changes or fields, where github.com/fumiama/go-docx is right) with both
// readers: the non-empty texts of body paragraphs and table cells must come
// out the same and in the same order. go-docx is used only here, as an
// independent oracle; jixiao itself does not link it (see README: Licence).
func TestDOCXAgainstGoDocx(t *testing.T) {
	files := []string{
		filepath.Join("..", "..", "testdata", "seed", "seed.docx"),
		filepath.Join("..", "..", "testdata", "seed", "seed-split.docx"),
	}
	bench, err := truth.BenchCorpus()
	if err != nil {
		t.Logf("only the seed documents: %v", err)
	}
	more, _ := filepath.Glob(filepath.Join(bench, "*.docx"))
	if len(more) > 40 {
		more = more[:40]
	}
	files = append(files, more...)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		ref, err := docx.Parse(strings.NewReader(string(data)), int64(len(data)))
		if err != nil {
			t.Fatalf("%s: go-docx: %v", f, err)
		}
		var want []string
		for _, it := range ref.Document.Body.Items {
			switch x := it.(type) {
			case *docx.Paragraph:
				want = appendText(want, x.String())
			case *docx.Table:
				for _, row := range x.TableRows {
					for _, cell := range row.TableCells {
						var ps []string
						for _, p := range cell.Paragraphs {
							ps = append(ps, p.String())
						}
						want = appendText(want, strings.Join(ps, "\n"))
					}
				}
			}
		}
		doc, err := extract.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, b := range doc.Blocks {
			if b.Para != nil {
				got = appendText(got, b.Para.Text)
				continue
			}
			for _, c := range b.Table.Cells {
				got = appendText(got, c.Text)
			}
		}
		if strings.Join(got, "\x00") != strings.Join(want, "\x00") {
			for i := range min(len(got), len(want)) {
				if got[i] != want[i] {
					t.Errorf("%s: text %d is %q, go-docx reads %q", filepath.Base(f), i, got[i], want[i])
					break
				}
			}
			t.Errorf("%s: %d texts, go-docx reads %d", filepath.Base(f), len(got), len(want))
		}
	}
	t.Logf("%d documents agree with go-docx", len(files))
}

func appendText(list []string, s string) []string {
	if strings.TrimSpace(s) == "" {
		return list
	}
	return append(list, s)
}

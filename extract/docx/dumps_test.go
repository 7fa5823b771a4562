package docx

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/internal/truth"
)

// dumpHashes holds the SHA-256 of the full dump (fullDump) of every .docx
// of dumpFiles, made by the reader built on encoding/xml's RawToken before
// it was replaced by xmlTokenizer; the reader must still read them the
// same. Refresh with -update, only for a change meant to change output.
const dumpHashes = "testdata/dumps.sha256"

// TestDumpsUnchanged reads every .docx at hand (testdata, and the bench
// corpus and the shared fixtures when they are there) and compares the
// hash of its full dump, or of its error, with dumpHashes. With
// JIXIAO_DOCX_DUMPS=dir it also writes the dumps there, to diff against
// those of an older reader.
func TestDumpsUnchanged(t *testing.T) {
	texts := map[string]string{}
	for label, path := range dumpFiles(t) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		doc, err := extract.Read(bytes.NewReader(data), int64(len(data)), label)
		if err != nil {
			fmt.Fprintf(&b, "error: %v\n", err)
		} else {
			fullDump(&b, doc)
		}
		texts[label] = b.String()
	}
	truth.Pinned{File: dumpHashes, Update: *update, Dir: os.Getenv("JIXIAO_DOCX_DUMPS")}.Check(t, texts)
}

// dumpFiles lists the .docx files to compare, by label.
func dumpFiles(t *testing.T) map[string]string {
	files := map[string]string{}
	add := func(prefix, dir, pattern string) {
		matches, _ := filepath.Glob(filepath.Join(dir, pattern))
		for _, m := range matches {
			rel, _ := filepath.Rel(dir, m)
			files[prefix+filepath.ToSlash(rel)] = m
		}
	}
	add("testdata/", filepath.Join("..", "..", "testdata"), "*/*.docx")
	if bench, err := truth.BenchCorpus(); err == nil {
		add("bench/", bench, "*.docx")
		add("fixtures/", filepath.Join(bench, "..", "fixtures"), "*/*.docx")
	} else {
		t.Logf("testdata only: %v", err)
	}
	if len(files) == 0 {
		t.Fatal("no .docx found")
	}
	return files
}

// fullDump is extract.Dump, then every paragraph and table again with all
// their fields, cells' paragraphs and nested tables included.
func fullDump(w io.Writer, doc *extract.Document) {
	extract.Dump(w, doc)
	fmt.Fprintln(w, "--- full")
	dumpBlocks(w, "", doc.Blocks)
}

func dumpBlocks(w io.Writer, indent string, blocks []extract.Block) {
	for _, b := range blocks {
		switch {
		case b.Para != nil:
			p := b.Para
			list := "-"
			if p.List != nil {
				list = fmt.Sprintf("%+v", *p.List)
			}
			fmt.Fprintf(w, "%sP %+v style=%q heading=%d list=%s %q\n", indent, p.Pos, p.Style, p.Heading, list, p.Text)
		case b.Table != nil:
			tb := b.Table
			fmt.Fprintf(w, "%sT %+v %dx%d parent=%v\n", indent, tb.Pos, tb.Rows, tb.Cols, tb.Parent != nil)
			index := map[*extract.Cell]int{}
			for i, c := range tb.Cells {
				index[c] = i
			}
			for r, row := range tb.Grid {
				var slots []string
				for _, c := range row {
					if c == nil {
						slots = append(slots, ".")
					} else {
						slots = append(slots, fmt.Sprint(index[c]))
					}
				}
				fmt.Fprintf(w, "%s  grid %d: %s\n", indent, r+1, strings.Join(slots, " "))
			}
			for i, c := range tb.Cells {
				fmt.Fprintf(w, "%s  C%d %+v r%d c%d %dx%d %q\n", indent, i, c.Pos, c.Row, c.Col, c.RowSpan, c.ColSpan, c.Text)
				dumpBlocks(w, indent+"    ", c.Blocks)
			}
		default:
			fmt.Fprintf(w, "%sempty block\n", indent)
		}
	}
}

// TestInflateFastAlone: every .docx that compress/flate reads, klauspost
// reads alone, without the fallback, so that the dumps pinned above are
// its reading.
func TestInflateFastAlone(t *testing.T) {
	n := 0
	for label, path := range dumpFiles(t) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := read(bytes.NewReader(data), int64(len(data)), label, nil); err != nil {
			continue
		}
		if _, err := read(bytes.NewReader(data), int64(len(data)), label, newInflater); err != nil {
			t.Errorf("%s: klauspost alone: %v", label, err)
		}
		n++
	}
	if n == 0 {
		t.Fatal("no .docx read")
	}
}

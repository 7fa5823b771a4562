package report_test

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/extract"
	_ "github.com/jixiao/jixiao/extract/formats"
	"github.com/jixiao/jixiao/internal/truth"
	"github.com/jixiao/jixiao/report"
	"github.com/jixiao/jixiao/rules"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

func readFile(t testing.TB, path string) *report.Report {
	t.Helper()
	doc, err := extract.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := report.Read(doc)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// TestSeedTruth compares the seed reports with their truth files in every
// field.
func TestSeedTruth(t *testing.T) {
	for _, tc := range []struct{ file, truth string }{
		{"seed/seed.docx", "truth.json"},
		{"seed/seed-split.docx", "truth-split.json"},
		{"seed/seed.pdf", "truth.json"},
		{"seed/seed-split.pdf", "truth-split.json"},
		// The same reports saved again by LibreOffice Writer 7.4, whose
		// WordprocessingML differs from python-docx's.
		{"producers/seed-libreoffice.docx", "truth.json"},
		{"producers/seed-split-libreoffice.docx", "truth-split.json"},
		// And exported by LibreOffice as tagged PDF/A-2b.
		{"producers/seed-pdfa.pdf", "truth.json"},
		{"producers/seed-split-pdfa.pdf", "truth-split.json"},
		// seed.pdf with every page turned by /Rotate 90 (qpdf --rotate=+90):
		// the text runs sideways as shown and is read the way it runs.
		{"producers/seed-rotated.pdf", "truth.json"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			rep := readFile(t, filepath.Join("..", "testdata", tc.file))
			res, err := truth.CompareFile(rep, filepath.Join("..", "testdata", "seed", tc.truth))
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: %d fields, %d exact, %d equal after folding white space, %d wrong", tc.file, res.Fields, res.Exact, res.Folded, len(res.Mismatches))
			if res.Fields == 0 {
				t.Error("no field compared")
			}
			// The seed's truth says what is written: no allowance there.
			for _, m := range append(res.Mismatches, res.AsWritten...) {
				t.Errorf("%s", m)
			}
		})
	}
}

// TestGolden keeps jixiao's whole report/v1 output for the seed files, extra
// fields included, so any change to it shows in review.
func TestGolden(t *testing.T) {
	for _, file := range []string{"seed.docx", "seed-split.docx", "seed.pdf", "seed-split.pdf"} {
		t.Run(file, func(t *testing.T) {
			rep := readFile(t, filepath.Join("..", "testdata", "seed", file))
			rep.Source.Path = file
			// report/v1 as check writes it, with the findings of no rule.
			got, err := json.MarshalIndent(&rules.Checked{Report: rep}, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := filepath.Join("..", "testdata", "golden", file+".json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if string(got) != string(want) {
				t.Errorf("%s differs from %s; run go test ./report -run Golden -update and review the diff", file, golden)
			}
		})
	}
}

func TestNotReport(t *testing.T) {
	doc := &extract.Document{Path: "memo.docx", Format: extract.DOCX, Blocks: []extract.Block{
		{Para: &extract.Paragraph{Text: "关于召开年度工作会议的通知"}},
		{Para: &extract.Paragraph{Text: "各科室：定于下周一召开会议。"}},
	}}
	_, err := report.Read(doc)
	if !errors.Is(err, report.ErrNotReport) {
		t.Fatalf("Read(memo) = %v, want ErrNotReport", err)
	}
	if !strings.Contains(err.Error(), "memo.docx") {
		t.Errorf("error %q does not name the file", err)
	}
}

// benchFiles lists the bench corpus's files of one format; tests skip when
// there are none.
func benchFiles(t testing.TB, ext string) []string {
	dir, err := truth.BenchCorpus()
	if err != nil {
		t.Skip(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*."+ext))
	if len(files) == 0 {
		t.Skipf("no .%s in the bench corpus", ext)
	}
	return files
}

// TestBenchCorpus reads the 200 bench reports, as .docx and as .pdf, and
// compares every field with their truth files.
func TestBenchCorpus(t *testing.T) {
	for _, ext := range []string{"docx", "pdf"} {
		t.Run(ext, func(t *testing.T) {
			files := benchFiles(t, ext)
			var all truth.Result
			targets := 0
			for _, f := range files {
				rep := readFile(t, f)
				res, err := truth.CompareFile(rep, strings.TrimSuffix(f, "."+ext)+".truth.json")
				if err != nil {
					t.Fatal(err)
				}
				all.Add(res)
				for _, m := range res.Mismatches {
					if strings.Contains(m.Path, "target") {
						targets++
					}
				}
			}
			rate := func(n int) float64 { return 100 * float64(n) / float64(all.Fields) }
			t.Logf("%d .%s files, %d fields: %.3f%% exact, %.3f%% ignoring white space; %d wrong (%d of them in targets); %d bare zeros as written",
				len(files), ext, all.Fields, rate(all.Exact), rate(all.Folded), len(all.Mismatches), targets, len(all.AsWritten))
			for i, m := range all.Mismatches {
				if i == 20 {
					t.Logf("… %d more", len(all.Mismatches)-20)
					break
				}
				t.Logf("  %s", m)
			}
			// The gate is what was measured: every field exact, but for the
			// 16 bare zeros (安全事故发生率 "0") whose unit the truth adds
			// and the reading leaves as written, unit "" (truth.BareZero).
			if all.Fields == 0 || all.Exact+len(all.AsWritten) != all.Fields {
				t.Errorf("%d of %d fields not exact; the bench corpus reads at 100 %%", all.Fields-all.Exact-len(all.AsWritten), all.Fields)
			}
			if len(all.AsWritten) != 16 {
				t.Errorf("%d bare zeros read without the unit the truth adds, measured 16: %v", len(all.AsWritten), all.AsWritten)
			}
		})
	}
}

// BenchmarkReadCorpus turns the 200 bench documents into reports, per
// format: this stage alone, the documents read before the clock starts
// (extract/docx and extract/pdf time the reading).
func BenchmarkReadCorpus(b *testing.B) {
	for _, ext := range []string{"docx", "pdf"} {
		b.Run(ext, func(b *testing.B) {
			var docs []*extract.Document
			for _, f := range benchFiles(b, ext) {
				doc, err := extract.Open(f)
				if err != nil {
					b.Fatal(err)
				}
				docs = append(docs, doc)
			}
			b.ReportAllocs()
			for b.Loop() {
				for _, doc := range docs {
					if _, err := report.Read(doc); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(len(docs)), "files/op")
		})
	}
}

// TestLostPages: the pages a PDF lost reach the report, with their reason.
func TestLostPages(t *testing.T) {
	doc, err := extract.Open("../testdata/seed/seed.pdf")
	if err != nil {
		t.Fatal(err)
	}
	doc.Lost = extract.ErrorList{extract.PageError(doc.Path, 2, fmt.Errorf("%w: bad content stream", extract.ErrMalformed))}
	rep, err := report.Read(doc)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Lost) != 1 || rep.Lost[0].Page != 2 || rep.Lost[0].Reason != report.Reason(extract.ErrMalformed) {
		t.Errorf("lost %+v", rep.Lost)
	}
}

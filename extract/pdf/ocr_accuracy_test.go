package pdf_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/internal/truth"
	"github.com/jixiao/jixiao/normalize"
	"github.com/jixiao/jixiao/report"
	"golang.org/x/text/width"
)

// TestOCRAccuracy scans bench reports (6 clean at 300 dpi; 3 at 200 dpi
// with a seal and a skew), reads them by OCR and compares the fields a
// reviewer checks with the truth files: indicator value and level3 (after
// width folding), budgets and plan percentages. It prints the rates per
// field, and how exact the fields the reading calls sure are; it fails
// below what was measured (every field exact, every sure field exact; the
// issue's bars are 93–99 %).
func TestOCRAccuracy(t *testing.T) {
	dir := ocrDir(t)
	bench := benchDir(t)
	if testing.Short() {
		t.Skip("OCR accuracy takes minutes")
	}
	sets := []struct {
		name    string
		reports []string
		opts    scanOpts
		bar     map[string]float64 // least exact share per field: what was measured
	}{
		{"300dpi", []string{"r0000-hebei", "r0001-split", "r0002-hebei", "r0003-split", "r0004-hebei", "r0005-split"}, scanOpts{dpi: 300},
			map[string]float64{"value": 1, "level3": 1, "budget": 1, "plan": 1}},
		{"200dpi-stamp-skew", []string{"r0006-hebei", "r0007-split", "r0008-hebei"}, scanOpts{dpi: 200, stamp: true, rotate: 0.8},
			map[string]float64{"value": 1, "level3": 1, "budget": 1, "plan": 1}},
	}
	var sure, sureExact int
	for _, set := range sets {
		score := map[string]*[2]int{}
		for _, name := range set.reports {
			src := filepath.Join(bench, name+".pdf")
			if _, err := os.Stat(src); err != nil {
				t.Skipf("bench report %s missing", src)
			}
			data := scanPDF(t, src, set.opts)
			doc := readScan(t, data, name+".pdf", dir)
			rep, err := report.Read(doc)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			var want report.Report
			b, err := os.ReadFile(filepath.Join(bench, name+".truth.json"))
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(b, &want); err != nil {
				t.Fatal(err)
			}
			conf := cellConfidence(doc)
			add := func(field, got, want string, at report.Location) {
				s := score[field]
				if s == nil {
					s = &[2]int{}
					score[field] = s
				}
				s[1]++
				ok := fold(got) == fold(want)
				if ok {
					s[0]++
				} else if testing.Verbose() {
					t.Logf("%s %s: %s: got %q, want %q (confidence %.3f)", set.name, name, field, got, want, at.Confidence)
				}
				if at.Confidence >= report.UncertainBelow {
					sure++
					if ok {
						sureExact++
					}
				}
			}
			for i, wp := range want.Projects {
				var gp report.Project
				if i < len(rep.Projects) {
					gp = rep.Projects[i]
				}
				add("budget", gp.Budget.Total, wp.Budget.Total, gp.At[report.KeyOf(report.FieldTotal)])
				add("budget", gp.Budget.Fiscal, wp.Budget.Fiscal, gp.At[report.KeyOf(report.FieldFiscal)])
				add("budget", gp.Budget.Other, wp.Budget.Other, gp.At[report.KeyOf(report.FieldOther)])
				for j, wc := range wp.SpendingPlan {
					var got string
					if j < len(gp.SpendingPlan) {
						got = gp.SpendingPlan[j].Value
					}
					add("plan", got, wc.Value, gp.At[report.CheckpointKey(j+1)])
				}
				for j, wi := range wp.Indicators {
					var gi report.Indicator
					if j < len(gp.Indicators) {
						gi = gp.Indicators[j]
					}
					at := func(f string) report.Location {
						l := gi.Location
						l.Col = gi.Cols[f]
						l.Confidence = conf[[3]int{l.Table, l.Row, l.Col}]
						return l
					}
					add("value", gi.Value, wi.Value, at("value"))
					add("level3", gi.Level3, wi.Level3, at("level3"))
				}
			}
		}
		fields := make([]string, 0, len(score))
		for f := range score {
			fields = append(fields, f)
		}
		sort.Strings(fields)
		for _, f := range fields {
			s := score[f]
			rate := float64(s[0]) / float64(s[1])
			t.Logf("%s %-7s %4d of %4d exact (%.1f %%)", set.name, f, s[0], s[1], 100*rate)
			if rate < set.bar[f] {
				t.Errorf("%s %s: %.1f %% exact, want at least %.1f %%", set.name, f, 100*rate, 100*set.bar[f])
			}
		}
	}
	t.Logf("marked sure (confidence ≥ %.2f): %d of %d exact (%.2f %%)", report.UncertainBelow, sureExact, sure, 100*float64(sureExact)/float64(max(sure, 1)))
	// Measured: every field marked sure is exact (697 of 697).
	if sure == 0 || sureExact != sure {
		t.Errorf("marked sure: %d of %d exact, want all", sureExact, sure)
	}
}

// fold compares as the issue says: width folded, white space dropped.
func fold(s string) string {
	return strings.Join(strings.Fields(width.Fold.String(normalize.Fold(s))), "")
}

// cellConfidence maps (table, row, col) of every grid slot to its cell's
// confidence.
func cellConfidence(doc *extract.Document) map[[3]int]float64 {
	out := map[[3]int]float64{}
	for _, b := range doc.Blocks {
		if t := b.Table; t != nil {
			for r := 1; r <= t.Rows; r++ {
				for c := 1; c <= t.Cols; c++ {
					if cell := t.At(r, c); cell != nil {
						out[[3]int{t.Pos.Table, r, c}] = cell.Pos.Confidence
					}
				}
			}
		}
	}
	return out
}

func benchDir(tb testing.TB) string {
	dir, err := truth.BenchCorpus()
	if err != nil {
		tb.Skip(err)
	}
	return dir
}

package rules

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/extract"
	_ "github.com/jixiao/jixiao/extract/formats"
	"github.com/jixiao/jixiao/internal/truth"
	"github.com/jixiao/jixiao/report"
)

// benchRules maps each planted defect type of the bench corpus to the rules
// that report it and the severity a reviewer expects.
var benchRules = map[string]struct {
	rules    []string
	severity Severity
}{
	"percent_over_100":         {[]string{"V604"}, Error},
	"missing_unit":             {[]string{"V603"}, Warning},
	"spending_plan_decreasing": {[]string{"P502"}, Error},
	"spending_plan_not_100":    {[]string{"P503"}, Error},
	"budget_sum_mismatch":      {[]string{"M402"}, Error},
	"missing_satisfaction":     {[]string{"S103"}, Error},
	"stray_character":          {[]string{"T301"}, Warning},
	"copied_text":              {[]string{"Y1001"}, Warning},
	"yesno_with_percent":       {[]string{"V606"}, Warning},
	"code_region_mismatch":     {[]string{"C202"}, Error},
	"duplicate_indicator":      {[]string{"Y1003"}, Warning},
}

type benchDefect struct {
	Type      string `json:"type"`
	Project   string `json:"project"`
	Indicator int    `json:"indicator"`
	Field     string `json:"field"`
}

func benchDir(t testing.TB) string {
	dir, err := truth.BenchCorpus()
	if err != nil {
		t.Skip(err)
	}
	return dir
}

// sameProject says whether a defect's project is the project with code:
// code_region_mismatch names the code as it should have been, so there
// the region digits may differ.
func sameProject(d benchDefect, code string) bool {
	return d.Project == code || d.Type == "code_region_mismatch" && len(code) > 6 && len(d.Project) > 6 && d.Project[6:] == code[6:]
}

// TestBench checks the planted defects of the bench corpus (.docx, or
// .pdf with JIXIAO_BENCH_FORMAT=pdf): every one of each type reported at
// its project and indicator with the expected severity, and no error on a
// project without a planted defect.
func TestBench(t *testing.T) {
	if testing.Short() {
		t.Skip("bench corpus: skipped in -short mode")
	}
	dir := benchDir(t)
	ext := ".docx"
	if os.Getenv("JIXIAO_BENCH_FORMAT") == "pdf" {
		ext = ".pdf" // the same reports through the PDF reader
	}
	files, _ := filepath.Glob(filepath.Join(dir, "r*"+ext))
	if len(files) == 0 {
		t.Skipf("no %s in %s", ext, dir)
	}
	cfg := Default()
	cfg.RegionCode = "130730" // the county of the bench README
	found, total := map[string]int{}, map[string]int{}
	badSeverity := map[string]int{}
	var missed []string
	cleanErrors := map[string]int{}       // errors on projects without a planted defect
	unexplainedErrors := map[string]int{} // errors on planted projects by a rule no planted defect maps to
	cleanOther := map[string]int{}        // warnings and infos on projects without a planted defect
	var cleanErrorSamples, unexplainedSamples []string
	for _, file := range files {
		var truth struct {
			Defects []benchDefect `json:"defects"`
		}
		data, err := os.ReadFile(strings.TrimSuffix(file, ext) + ".truth.json")
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(data, &truth); err != nil {
			t.Fatal(err)
		}
		rep, err := readReport(file)
		if err != nil {
			t.Errorf("%s: %v", file, err)
			continue
		}
		checked := Check(rep, cfg)
		for _, d := range truth.Defects {
			want, ok := benchRules[d.Type]
			if !ok {
				t.Errorf("%s: unknown defect type %q", file, d.Type)
				continue
			}
			total[d.Type]++
			hit := false
			for _, f := range checked.Findings {
				if !contains(want.rules, f.Rule) || !sameProject(d, f.Location.Project) {
					continue
				}
				if d.Indicator > 0 && f.Location.Indicator != d.Indicator {
					continue
				}
				hit = true
				if f.Severity != want.severity {
					badSeverity[d.Type]++
				}
				break
			}
			if hit {
				found[d.Type]++
			} else {
				missed = append(missed, fmt.Sprintf("%s: %s %s #%d", filepath.Base(file), d.Type, d.Project, d.Indicator))
			}
		}
		for _, f := range checked.Findings {
			planted, explained := false, false
			for _, d := range truth.Defects {
				if sameProject(d, f.Location.Project) {
					planted = true
					explained = explained || contains(benchRules[d.Type].rules, f.Rule)
				}
			}
			switch {
			case f.Severity == Error && !planted:
				cleanErrors[f.Rule]++
				if len(cleanErrorSamples) < 20 {
					cleanErrorSamples = append(cleanErrorSamples, fmt.Sprintf("%s: %s %s: %s", filepath.Base(file), f.Rule, f.Location.Project, f.Message))
				}
			case f.Severity == Error && !explained:
				unexplainedErrors[f.Rule]++
				if unexplainedErrors[f.Rule] <= 3 {
					unexplainedSamples = append(unexplainedSamples, fmt.Sprintf("%s: %s %s: %s", filepath.Base(file), f.Rule, f.Location.Project, f.Message))
				}
			case !planted:
				k := string(f.Severity) + " " + f.Rule
				if f.Location.Project == "" {
					k += " (part one)"
				}
				cleanOther[k]++
				if cleanOther[k] <= 2 {
					cleanErrorSamples = append(cleanErrorSamples, fmt.Sprintf("%s: %s %s: %s", filepath.Base(file), f.Rule, f.Location.Project, f.Message))
				}
			}
		}
	}
	types := make([]string, 0, len(total))
	for k := range total {
		types = append(types, k)
	}
	sort.Strings(types)
	var b strings.Builder
	fmt.Fprintf(&b, "%d files\n%-26s %-6s %6s %6s %8s %s\n", len(files), "defect type", "rule", "found", "total", "recall", "wrong severity")
	allFound, allTotal := 0, 0
	for _, k := range types {
		r := float64(found[k]) / float64(total[k])
		fmt.Fprintf(&b, "%-26s %-6s %6d %6d %7.1f%% %d\n", k, strings.Join(benchRules[k].rules, ","), found[k], total[k], 100*r, badSeverity[k])
		allFound += found[k]
		allTotal += total[k]
		// The gate is what was measured: every planted defect found.
		if found[k] != total[k] {
			t.Errorf("%s: %d of %d planted defects found (recall %.1f%%), measured 100%%", k, found[k], total[k], 100*r)
		}
		if badSeverity[k] > 0 {
			t.Errorf("%s: %d findings with a severity other than %s", k, badSeverity[k], benchRules[k].severity)
		}
	}
	for k := range benchRules {
		if total[k] == 0 {
			t.Errorf("%s: no planted defect read; every type is planted in the bench corpus", k)
		}
	}
	nClean := 0
	for _, n := range cleanErrors {
		nClean += n
	}
	fmt.Fprintf(&b, "%-26s %-6s %6d %6d %7.1f%%\n", "all", "", allFound, allTotal, 100*float64(allFound)/float64(max(allTotal, 1)))
	fmt.Fprintf(&b, "error findings on projects without a planted defect: %d %v\n", nClean, cleanErrors)
	fmt.Fprintf(&b, "error findings on planted projects not explained by their defects: %v\n", unexplainedErrors)
	fmt.Fprintf(&b, "warnings and infos on projects without a planted defect: %v\n", cleanOther)
	t.Log("\n" + b.String())
	for i, m := range missed {
		if i == 30 {
			t.Logf("… %d more missed", len(missed)-30)
			break
		}
		t.Logf("missed %s", m)
	}
	for _, s := range cleanErrorSamples {
		t.Logf("on a clean project: %s", s)
	}
	for _, s := range unexplainedSamples {
		t.Logf("on a planted project, not its defect: %s", s)
	}
	if nClean > 0 {
		t.Errorf("%d error findings on projects without a planted defect", nClean)
	}
	// Measured: 38 P502, each on a spending_plan_not_100 defect whose last
	// period (80 %) is below the one before (85-95 %): the plan does
	// decrease, as the truth's plans show. Any other error is a false alarm.
	if want := map[string]int{"P502": 38}; !maps.Equal(unexplainedErrors, want) {
		t.Errorf("error findings on planted projects not explained by their defects: %v, measured %v", unexplainedErrors, want)
	}
}

// BenchmarkCheck runs the single-report rules over the 200 bench reports
// read from .docx and the same 200 from .pdf, as ingest does on every
// report, with the default config; the reports are read before the clock
// starts (report.BenchmarkReadCorpus times the reading).
func BenchmarkCheck(b *testing.B) {
	dir := benchDir(b)
	var reps []*report.Report
	for _, ext := range []string{".docx", ".pdf"} {
		files, _ := filepath.Glob(filepath.Join(dir, "r*"+ext))
		if len(files) == 0 {
			b.Skipf("no %s in %s", ext, dir)
		}
		for _, file := range files {
			rep, err := readReport(file)
			if err != nil {
				b.Fatal(err)
			}
			reps = append(reps, rep)
		}
	}
	cfg := Default()
	b.ReportAllocs()
	for b.Loop() {
		for _, rep := range reps {
			Check(rep, cfg)
		}
	}
	b.ReportMetric(float64(len(reps)), "reports/op")
}

// readReport reads the report of a bench file.
func readReport(file string) (*report.Report, error) {
	doc, err := extract.Open(file)
	if err != nil {
		return nil, err
	}
	return report.Read(doc)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

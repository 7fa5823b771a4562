package report_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/jixiao/jixiao/extract"
	_ "github.com/jixiao/jixiao/extract/formats"
	"github.com/jixiao/jixiao/report"
)

// The forms of other provinces in testdata/real-forms (copied from
// ../shared/fixtures/real-forms, whose README defines the scoring): each
// document is read from .docx and from .pdf and scored against its truth.

type formTruth struct {
	Projects []struct {
		Name        string   `json:"name"`
		BudgetTotal *float64 `json:"budget_total"`
		Goal        string   `json:"goal"`
		Indicators  []truthIndicator
	} `json:"projects"`
	DeptIndicators []truthIndicator `json:"dept_indicators"`
}

type truthIndicator struct {
	Level1   *string `json:"level1"`
	Level2   *string `json:"level2"`
	Level3   string  `json:"level3"`
	Value    string  `json:"value"`
	Invented bool    `json:"invented"`
}

// formScore counts what a reading found of its truth.
type formScore struct {
	Docs, Read                  int
	Projects, ProjectsFound     int
	Indicators, IndicatorsFound int // real and invented rows together
	Invented, InventedFound     int
	Levels, LevelsRight         int // level1/level2 of counted indicators, where the truth gives them
	DeptIndicators, DeptFound   int
	Budgets, BudgetsRight       int
	Goals, GoalsFound           int
	Misses                      []string
}

func (s *formScore) add(o formScore) {
	s.Docs += o.Docs
	s.Read += o.Read
	s.Projects += o.Projects
	s.ProjectsFound += o.ProjectsFound
	s.Indicators += o.Indicators
	s.IndicatorsFound += o.IndicatorsFound
	s.Invented += o.Invented
	s.InventedFound += o.InventedFound
	s.Levels += o.Levels
	s.LevelsRight += o.LevelsRight
	s.DeptIndicators += o.DeptIndicators
	s.DeptFound += o.DeptFound
	s.Budgets += o.Budgets
	s.BudgetsRight += o.BudgetsRight
	s.Goals += o.Goals
	s.GoalsFound += o.GoalsFound
	s.Misses = append(s.Misses, o.Misses...)
}

func pct(n, d int) float64 {
	if d == 0 {
		return 100
	}
	return 100 * float64(n) / float64(d)
}

func (s formScore) String() string {
	return fmt.Sprintf("read %d/%d · projects %d/%d (%.0f%%) · indicators %d/%d (%.1f%%; invented %d/%d) · levels %d/%d · department indicators %d/%d (%.0f%%) · budgets %d/%d · goals %d/%d",
		s.Read, s.Docs, s.ProjectsFound, s.Projects, pct(s.ProjectsFound, s.Projects),
		s.IndicatorsFound, s.Indicators, pct(s.IndicatorsFound, s.Indicators), s.InventedFound, s.Invented,
		s.LevelsRight, s.Levels, s.DeptFound, s.DeptIndicators, pct(s.DeptFound, s.DeptIndicators),
		s.BudgetsRight, s.Budgets, s.GoalsFound, s.Goals)
}

// The output side, decoded from report/v1 JSON so the contract is what is
// scored.
type formOutput struct {
	Projects []struct {
		Name   string `json:"name"`
		Budget struct {
			Total string `json:"total"`
		} `json:"budget"`
		Goal       string            `json:"goal"`
		Indicators []outputIndicator `json:"indicators"`
	} `json:"projects"`
	DepartmentIndicators []outputIndicator `json:"department_indicators"`
}

type outputIndicator struct {
	Level1, Level2, Level3, Value string
}

func foldName(s string) string { return noSpace(norm.NFKC.String(s)) }

func noSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

var firstNumber = regexp.MustCompile(`\d+(?:\.\d+)?`)

// scoreIndicators pairs truth indicators with unused output indicators of
// the same level3 and value.
func scoreIndicators(sc *formScore, where string, want []truthIndicator, got []outputIndicator, dept bool) {
	used := make([]bool, len(got))
	for _, w := range want {
		if dept {
			sc.DeptIndicators++
		} else {
			sc.Indicators++
			if w.Invented {
				sc.Invented++
			}
		}
		found := -1
		for i, g := range got {
			if !used[i] && noSpace(g.Level3) == noSpace(w.Level3) && noSpace(g.Value) == noSpace(w.Value) {
				found = i
				break
			}
		}
		if found < 0 {
			sc.Misses = append(sc.Misses, fmt.Sprintf("%s: indicator %s = %s not found", where, w.Level3, w.Value))
			continue
		}
		used[found] = true
		if dept {
			sc.DeptFound++
		} else {
			sc.IndicatorsFound++
			if w.Invented {
				sc.InventedFound++
			}
		}
		for _, l := range []struct {
			want *string
			got  string
			name string
		}{{w.Level1, got[found].Level1, "level1"}, {w.Level2, got[found].Level2, "level2"}} {
			if l.want == nil {
				continue
			}
			sc.Levels++
			if noSpace(l.got) == noSpace(*l.want) {
				sc.LevelsRight++
			} else {
				sc.Misses = append(sc.Misses, fmt.Sprintf("%s: %s %s = %q, want %q", where, w.Level3, l.name, l.got, *l.want))
			}
		}
	}
}

func scoreForm(t *testing.T, path, truthPath string) formScore {
	sc := formScore{Docs: 1}
	var want formTruth
	b, err := os.ReadFile(truthPath)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	for _, p := range want.Projects {
		sc.Projects++
		sc.Indicators += len(p.Indicators)
		for _, in := range p.Indicators {
			if in.Invented {
				sc.Invented++
			}
		}
		if p.BudgetTotal != nil {
			sc.Budgets++
		}
		sc.Goals++
	}
	sc.DeptIndicators = len(want.DeptIndicators)
	name := filepath.Base(path)
	doc, err := openDoc(path)
	var rep *report.Report
	if err == nil {
		rep, err = report.Read(doc)
	}
	if err != nil {
		sc.Misses = append(sc.Misses, fmt.Sprintf("%s: refused: %v", name, err))
		return sc
	}
	sc.Read = 1
	var got formOutput
	out, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	// Counted again below as they are found.
	sc.Indicators, sc.Invented, sc.DeptIndicators = 0, 0, 0
	usedProject := make([]bool, len(got.Projects))
	for _, w := range want.Projects {
		found := -1
		for i, g := range got.Projects {
			if !usedProject[i] && strings.Contains(foldName(g.Name), foldName(w.Name)) {
				found = i
				break
			}
		}
		if found < 0 {
			sc.Misses = append(sc.Misses, fmt.Sprintf("%s: project %q not found", name, w.Name))
			scoreIndicators(&sc, name, w.Indicators, nil, false)
			continue
		}
		usedProject[found] = true
		sc.ProjectsFound++
		g := got.Projects[found]
		scoreIndicators(&sc, name, w.Indicators, g.Indicators, false)
		if w.BudgetTotal != nil {
			if n, err := strconv.ParseFloat(firstNumber.FindString(g.Budget.Total), 64); err == nil && n == *w.BudgetTotal {
				sc.BudgetsRight++
			} else {
				sc.Misses = append(sc.Misses, fmt.Sprintf("%s: budget %q, want %v", name, g.Budget.Total, *w.BudgetTotal))
			}
		}
		if g.Goal != "" {
			sc.GoalsFound++
		} else {
			sc.Misses = append(sc.Misses, fmt.Sprintf("%s: no goal", name))
		}
	}
	scoreIndicators(&sc, name, want.DeptIndicators, got.DepartmentIndicators, true)
	return sc
}

// TestRealForms measures the reading of the real forms of other provinces
// in both formats and holds it at what was measured.
func TestRealForms(t *testing.T) {
	dir := filepath.Join("..", "testdata", "real-forms")
	truths, err := filepath.Glob(filepath.Join(dir, "*.truth.json"))
	if err != nil || len(truths) == 0 {
		t.Fatalf("no truth files in %s: %v", dir, err)
	}
	for _, format := range []string{"docx", "pdf"} {
		t.Run(format, func(t *testing.T) {
			var total formScore
			for _, tp := range truths {
				stem := strings.TrimSuffix(tp, ".truth.json")
				sc := scoreForm(t, stem+"."+format, tp)
				t.Logf("%s: %s", filepath.Base(stem), sc)
				total.add(sc)
			}
			for _, m := range total.Misses {
				t.Log(m)
			}
			t.Logf("TOTAL %s: %s", format, total)
			// The gate is what was measured: everything, in every category
			// (13 documents, 12 projects, 111 indicators, 253 levels, 18
			// department indicators, 10 budgets, 12 goals); an empty
			// category proves nothing and fails.
			gates := []struct {
				name         string
				found, total int
			}{
				{"documents read", total.Read, total.Docs},
				{"projects found", total.ProjectsFound, total.Projects},
				{"indicators found", total.IndicatorsFound, total.Indicators},
				{"levels right", total.LevelsRight, total.Levels},
				{"department indicators found", total.DeptFound, total.DeptIndicators},
				{"budgets right", total.BudgetsRight, total.Budgets},
				{"goals found", total.GoalsFound, total.Goals},
			}
			for _, g := range gates {
				if g.total == 0 || g.found != g.total {
					t.Errorf("%s: %d of %d, measured all", g.name, g.found, g.total)
				}
			}
		})
	}
}

func openDoc(path string) (*extract.Document, error) { return extract.Open(path) }

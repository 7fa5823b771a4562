package truth

import (
	"strings"
	"testing"
)

func TestCompare(t *testing.T) {
	tests := []struct {
		name                  string
		got                   any
		want                  string
		fields, exact, folded int
		mismatches            []string
	}{
		{"equal", map[string]any{"a": "x", "n": 90}, `{"a":"x","n":90.0}`, 2, 2, 2, nil},
		{"extra fields allowed", map[string]any{"a": "x", "b": "y"}, `{"a":"x"}`, 1, 1, 1, nil},
		{"null not compared", map[string]any{"t": map[string]any{"kind": "q", "text": "逐步建立"}}, `{"t":{"kind":"q","text":null}}`, 1, 1, 1, nil},
		{"white space folded", map[string]any{"s": "a  b\n"}, `{"s":"a b"}`, 1, 0, 1, nil},
		{"missing field", map[string]any{}, `{"a":"x","b":{"c":1,"d":2}}`, 3, 0, 0, []string{".a", ".b"}},
		{"wrong value", map[string]any{"v": 4.17}, `{"v":4.1699}`, 1, 0, 0, []string{".v"}},
		{"short list", map[string]any{"l": []any{"a"}}, `{"l":["a",{"x":1,"y":2}]}`, 4, 1, 1, []string{".l.length"}},
		{"defects skipped", map[string]any{}, `{"defects":[{"type":"x"}]}`, 0, 0, 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Compare(tt.got, []byte(tt.want))
			if err != nil {
				t.Fatal(err)
			}
			if r.Fields != tt.fields || r.Exact != tt.exact || r.Folded != tt.folded {
				t.Errorf("fields/exact/folded = %d/%d/%d, want %d/%d/%d", r.Fields, r.Exact, r.Folded, tt.fields, tt.exact, tt.folded)
			}
			var paths []string
			for _, m := range r.Mismatches {
				paths = append(paths, m.Path)
			}
			if strings.Join(paths, " ") != strings.Join(tt.mismatches, " ") {
				t.Errorf("mismatches %v, want %v", paths, tt.mismatches)
			}
		})
	}
}

// TestCompareBareZero: a bare 0 read as written (unit "") where the truth
// says 0 % is counted AsWritten, not as a mismatch; nothing else is.
func TestCompareBareZero(t *testing.T) {
	tests := []struct {
		name                  string
		got                   any
		want                  string
		fields, exact, folded int
		mismatches            []string
		asWritten             []string
	}{
		{"added unit counted apart", ind("0", "", 0, ""), indTruth("0", "", "0", "%"), 4, 3, 3, nil, []string{".i.target.unit"}},
		{"read with the unit", ind("0", "", 0, "%"), indTruth("0", "", "0", "%"), 4, 4, 4, nil, nil},
		{"zero with a unit column", ind("0", "%", 0, ""), indTruth("0", "%", "0", "%"), 5, 4, 4, []string{".i.target.unit"}, nil},
		{"non-zero keeps its unit", ind("90", "", 90, ""), indTruth("90", "", "90", "%"), 4, 3, 3, []string{".i.target.unit"}, nil},
		{"zero read as another number", ind("0", "", 5, ""), indTruth("0", "", "0", "%"), 4, 2, 2, []string{".i.target.unit", ".i.target.value"}, nil},
	}
	paths := func(ms []Mismatch) string {
		var p []string
		for _, m := range ms {
			p = append(p, m.Path)
		}
		return strings.Join(p, " ")
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Compare(tt.got, []byte(tt.want))
			if err != nil {
				t.Fatal(err)
			}
			if r.Fields != tt.fields || r.Exact != tt.exact || r.Folded != tt.folded {
				t.Errorf("fields/exact/folded = %d/%d/%d, want %d/%d/%d", r.Fields, r.Exact, r.Folded, tt.fields, tt.exact, tt.folded)
			}
			if got := paths(r.Mismatches); got != strings.Join(tt.mismatches, " ") {
				t.Errorf("mismatches %v, want %v", got, tt.mismatches)
			}
			if got := paths(r.AsWritten); got != strings.Join(tt.asWritten, " ") {
				t.Errorf("as written %v, want %v", got, tt.asWritten)
			}
		})
	}
}

// ind is a reading of one indicator, with a unit column when unit != "".
func ind(value, unit string, n float64, targetUnit string) map[string]any {
	i := map[string]any{"value": value, "target": map[string]any{"kind": "numeric", "value": n, "unit": targetUnit}}
	if unit != "" {
		i["unit"] = unit
	}
	return map[string]any{"i": i}
}

// indTruth is the truth of one indicator, with a unit column when unit != "".
func indTruth(value, unit, n, targetUnit string) string {
	col := ""
	if unit != "" {
		col = `,"unit":"` + unit + `"`
	}
	return `{"i":{"value":"` + value + `"` + col + `,"target":{"kind":"numeric","value":` + n + `,"unit":"` + targetUnit + `"}}}`
}

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

package normalize

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

type cn2anCase struct {
	Mode     string          `json:"mode"`
	Input    string          `json:"input"`
	Expected json.RawMessage `json:"expected"`
	Note     string          `json:"note"`
}

// TestCn2an runs the cn2an suite (Ailln/cn2an, MIT): strict and normal modes
// must all pass, rejecting what cn2an rejects. smart-mode cases (Arabic
// digits mixed in) are read by the non-strict mode and reported; direct-mode
// cases (digit strings kept as strings, 零一 → "01") are not numbers and are
// skipped.
func TestCn2an(t *testing.T) {
	cases := readJSONL[cn2anCase](t, "peer-suites/cn2an/cn2an.jsonl")
	strict := &rate{name: "cn2an strict"}
	normal := &rate{name: "cn2an normal"}
	smart := &rate{name: "cn2an smart"}
	reject := &rate{name: "cn2an rejections"}
	for _, c := range cases {
		switch c.Mode {
		case "strict", "normal", "smart":
			var want float64
			if err := json.Unmarshal(c.Expected, &want); err != nil {
				t.Fatalf("%q: %v", c.Input, err)
			}
			got, err := ParseChineseNumber(c.Input, c.Mode == "strict")
			r := map[string]*rate{"strict": strict, "normal": normal, "smart": smart}[c.Mode]
			r.add(err == nil && near(got, want), fmt.Sprintf("%q: got %v %v, want %v", c.Input, got, err, want))
			if c.Mode == "strict" {
				// What strict reads, normal reads the same.
				got, err := ParseChineseNumber(c.Input, false)
				normal.add(err == nil && near(got, want), fmt.Sprintf("%q (strict case, normal mode): got %v %v, want %v", c.Input, got, err, want))
			}
		case "error":
			modes := []bool{true}
			if !strings.Contains(c.Note, "strict mode") {
				modes = append(modes, false) // rejected in normal (and smart) mode too
			}
			for _, m := range modes {
				got, err := ParseChineseNumber(c.Input, m)
				reject.add(err != nil, fmt.Sprintf("%q strict=%v: got %v, want rejection", c.Input, m, got))
			}
		}
	}
	// Measured: every case passes (90, 120, 12 and 29).
	strict.check(t, 0)
	normal.check(t, 0)
	smart.check(t, 0)
	reject.check(t, 0)
}

package normalize

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// moreValue is one line of testdata/values-more.jsonl: a value as written in
// a published report (the real forms of ../shared/fixtures/real-forms, their
// truth files and prose, and values quoted in issue 13), the report/v1
// target a reviewer reads it as, and where it was found.
type moreValue struct {
	Text   string          `json:"text"`
	Target json.RawMessage `json:"target"`
	Source string          `json:"source"`
}

// TestValuesMore reads the second table of real values: relative targets,
// periods, remarks in brackets, values inside sentences, scaled units with
// their base. Each must read exactly as its target, field for field.
func TestValuesMore(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "values-more.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := &rate{name: "values-more.jsonl"}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var c moreValue
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatalf("values-more.jsonl: %v", err)
		}
		if c.Source == "" {
			t.Errorf("%q: no source", c.Text)
		}
		var want Target
		if err := want.UnmarshalJSON(c.Target); err != nil {
			t.Fatalf("%q: %v", c.Text, err)
		}
		wb, _ := want.MarshalJSON()
		gb, _ := Value(c.Text, Context{}).MarshalJSON()
		r.add(string(wb) == string(gb), fmt.Sprintf("%q: got %s, want %s", c.Text, gb, wb))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if r.n < 100 {
		t.Errorf("values-more.jsonl has %d values, want at least 100", r.n)
	}
	r.check(t, 0) // measured: 134/134
}

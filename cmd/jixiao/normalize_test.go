package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// TestNormalizeCommand: values from the arguments or one a line from
// standard input, in order; json gives {"text", "target"} per line.
func TestNormalizeCommand(t *testing.T) {
	var out, errb bytes.Buffer
	status := run([]string{"normalize", "--format", "json", "--year", "2025"},
		strings.NewReader("≥90百分比\n年底前完成\n小于预算\n"), &out, &errb)
	if status != 0 {
		t.Fatalf("status %d: %s", status, errb.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	want := []string{
		`{"text":"≥90百分比","target":{"kind":"numeric","op":">=","value":90,"unit":"%"}}`,
		`"kind":"deadline","date":"2025-12-31"`,
		`{"text":"小于预算","target":{"kind":"reference","op":"<","ref":"budget"}}`,
	}
	if len(lines) != len(want) {
		t.Fatalf("%d lines, want %d:\n%s", len(lines), len(want), out.String())
	}
	for i, l := range lines {
		var v struct{ Text string }
		if err := json.Unmarshal([]byte(l), &v); err != nil || !strings.Contains(l, want[i]) {
			t.Errorf("line %d: %s, want it to hold %s (%v)", i+1, l, want[i], err)
		}
	}
	out.Reset()
	if status := run([]string{"normalize", "4.17万元", "九十%"}, strings.NewReader(""), &out, &errb); status != 0 ||
		!strings.Contains(out.String(), `"value":4.17,"unit":"万元"`) || !strings.Contains(out.String(), `"value":90,"unit":"%"`) {
		t.Errorf("arguments: status %d\n%s", status, out.String())
	}
}

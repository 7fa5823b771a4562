package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

var seed = filepath.Join("..", "..", "testdata", "seed")

func TestRun(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		status int
		out    []string // each must appear in stdout
		absent []string // none may appear in stdout
		errOut string   // must appear in stderr
	}{
		{"document", []string{filepath.Join(seed, "seed.docx")}, 0,
			[]string{"document ", "format=docx", "table 1 "}, nil, ""},
		{"pdf ops", []string{"--pdf-ops", filepath.Join(seed, "seed.pdf")}, 0,
			[]string{"== page 1 ", "== page 2 ", "y=", `"绩"`}, []string{"\nH y=", "\nV x="}, ""},
		{"one page with rules", []string{"--pdf-ops", "--page", "3", "--rules", filepath.Join(seed, "seed.pdf")}, 0,
			[]string{"== page 3 ", "\nH y=", "\nV x="}, []string{"== page 1 ", "== page 2 "}, ""},
		{"page out of range", []string{"--pdf-ops", "--page", "999", filepath.Join(seed, "seed.pdf")}, 1,
			nil, []string{"== page"}, "no page 999"},
		{"not a pdf", []string{"--pdf-ops", filepath.Join(seed, "seed.docx")}, 1, nil, nil, "seed.docx"},
		{"missing file", []string{filepath.Join(seed, "absent.docx")}, 1, nil, nil, "absent.docx"},
		{"no file", nil, 2, nil, nil, "usage"},
		{"page without pdf-ops", []string{"--page", "1", filepath.Join(seed, "seed.pdf")}, 2, nil, nil, "usage"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			if got := run(tt.args, &out, &errOut); got != tt.status {
				t.Errorf("status %d, want %d; stderr: %s", got, tt.status, errOut.String())
			}
			for _, s := range tt.out {
				if !strings.Contains(out.String(), s) {
					t.Errorf("stdout lacks %q:\n%.600s", s, out.String())
				}
			}
			for _, s := range tt.absent {
				if strings.Contains(out.String(), s) {
					t.Errorf("stdout holds %q", s)
				}
			}
			if !strings.Contains(errOut.String(), tt.errOut) {
				t.Errorf("stderr %q lacks %q", errOut.String(), tt.errOut)
			}
		})
	}
}

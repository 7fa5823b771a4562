package rules

import (
	"strings"
	"testing"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/report"
)

// TestNoteUncertain: an error at a cell read uncertainly says so; a
// warning there, and an error elsewhere, do not.
func TestNoteUncertain(t *testing.T) {
	at := report.Location{Pos: extract.Pos{Table: 2, Row: 3, Col: 5}}
	rep := &report.Report{Uncertain: []report.Uncertain{{Text: "≥1l公里", Location: report.Location{Pos: extract.Pos{Table: 2, Row: 3, Col: 5, Confidence: 0.62}}}}}
	fs := []Finding{
		{Rule: "V602", Severity: Error, Location: at, Message: "a"},
		{Rule: "V608", Severity: Warning, Location: at, Message: "b"},
		{Rule: "V602", Severity: Error, Location: report.Location{Pos: extract.Pos{Table: 2, Row: 4, Col: 5}}, Message: "c"},
		{Rule: "S101", Severity: Error, Location: report.Location{Pos: extract.Pos{Table: 2, Row: 3}}, Message: "d"},
	}
	noteUncertain(rep, fs)
	for i, want := range []bool{true, false, false, true} {
		if got := strings.Contains(fs[i].Message, "置信度 0.62"); got != want {
			t.Errorf("finding %d: %q, noted %v, want %v", i, fs[i].Message, got, want)
		}
	}
}

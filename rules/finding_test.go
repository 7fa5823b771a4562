package rules

import (
	"fmt"
	"testing"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/report"
)

// TestFindingProjects: a finding belongs to the project of its 项目编码,
// or, for projects without one, to the project read from its table.
func TestFindingProjects(t *testing.T) {
	c := &Checked{Report: &report.Report{
		Projects: []report.Project{
			{Code: "13073025P000000000001", At: map[report.Key]report.Location{report.KeyOf(report.FieldCode): {Pos: extract.Pos{Table: 1}}}},
			{At: map[report.Key]report.Location{report.KeyOf(report.FieldName): {Pos: extract.Pos{Table: 2}}}},
			{Indicators: []report.Indicator{{Location: report.Location{Pos: extract.Pos{Table: 3, Row: 4}}}}},
		},
	}, Findings: []Finding{
		{Location: report.Location{Project: "13073025P000000000001"}},
		{Location: report.Location{Pos: extract.Pos{Table: 3, Row: 4}}},
		{Location: report.Location{Field: "name", Pos: extract.Pos{Table: 2}}},
		{Location: report.Location{Field: "overall_goal"}},
		{Location: report.Location{Pos: extract.Pos{Table: 9}}},
	},
	}
	if got := fmt.Sprint(c.FindingProjects()); got != "[0 2 1 -1 -1]" {
		t.Errorf("FindingProjects = %s, want [0 2 1 -1 -1]", got)
	}
}

package pipeline

import (
	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/report"
	"github.com/jixiao/jixiao/rules"
)

// StoredFindings turns the rules' findings into the rows corpus stores.
func StoredFindings(fs []rules.Finding) []corpus.Finding {
	out := make([]corpus.Finding, len(fs))
	for i, f := range fs {
		l := f.Location
		out[i] = corpus.Finding{Rule: f.Rule, Severity: string(f.Severity), Message: f.Message,
			Project: l.Project, Indicator: l.Indicator, SubGoal: l.SubGoal, Field: l.Field,
			Page: l.Page, Table: l.Table, Row: l.Row, Col: l.Col}
	}
	return out
}

// StoredBatch adapts the cross-document rules to corpus.RecheckBatch: it
// runs check on the reports corpus rebuilds and returns each one's
// findings, as corpus stores them.
func StoredBatch(check func([]*rules.Checked)) func([]*report.Report) [][]corpus.Finding {
	return func(reps []*report.Report) [][]corpus.Finding {
		checked := make([]*rules.Checked, len(reps))
		for i, rep := range reps {
			checked[i] = &rules.Checked{Report: rep}
		}
		check(checked)
		out := make([][]corpus.Finding, len(checked))
		for i, c := range checked {
			out[i] = StoredFindings(c.Findings)
		}
		return out
	}
}

package pipeline

import (
	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/report"
	"github.com/jixiao/jixiao/rules"
)

// BatchRules returns the IngestConfig.CheckBatch that runs the
// cross-document rules with cfg over the stored reports' rows.
func BatchRules(cfg rules.Config) func([]corpus.BatchReport) []corpus.BatchFinding {
	return func(reps []corpus.BatchReport) []corpus.BatchFinding {
		n := 0
		for _, r := range reps {
			n += len(r.Projects)
		}
		// One array for every project: a year may have 100,000.
		projects := make([]rules.BatchProject, 0, n)
		docs := make([]rules.BatchDoc, len(reps))
		for i, r := range reps {
			start := len(projects)
			for _, p := range r.Projects {
				projects = append(projects, rules.BatchProject{Seq: p.Seq, Code: p.Code, Name: p.Name})
			}
			docs[i] = rules.BatchDoc{Path: r.Path, SHA256: r.SHA256,
				Department: report.Department{Code: r.DepartmentCode, Name: r.DepartmentName},
				Projects:   projects[start:len(projects):len(projects)]}
		}
		found := rules.CheckBatchDocs(docs, cfg)
		out := make([]corpus.BatchFinding, len(found))
		for i, f := range found {
			out[i] = corpus.BatchFinding{Document: reps[f.Doc].Document, Finding: storedFinding(f.Finding)}
		}
		return out
	}
}

package corpus

import (
	"github.com/jixiao/jixiao/report"
	"github.com/jixiao/jixiao/rules"
)

// The tests store reports checked by the rules as the pipeline does, with
// the pipeline's conversions; pipeline imports corpus, so only an external
// test file (pipeline_test.go) can import it and set these.
var (
	StoredReport   func(*rules.Checked) *Report
	StoredFindings func([]rules.Finding) []Finding
	BatchRules     func(rules.Config) func([]BatchReport) []BatchFinding
)

// toStore is rep with the findings fs, as the pipeline hands it to Put.
func toStore(rep *report.Report, fs ...Finding) *Report {
	r := StoredReport(&rules.Checked{Report: rep})
	r.Findings = fs
	return r
}

func checkRules(rep *report.Report) []Finding {
	return StoredFindings(rules.Check(rep, rules.Default()).Findings)
}

// checkBatch is the cross-document rules as RecheckBatch runs them.
func checkBatch(reps []BatchReport) []BatchFinding {
	return BatchRules(rules.Default())(reps)
}

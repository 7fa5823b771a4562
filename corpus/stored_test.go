package corpus

import (
	"github.com/jixiao/jixiao/report"
	"github.com/jixiao/jixiao/rules"
)

// The tests store reports checked by the rules as the pipeline does, with
// the pipeline's conversions; pipeline imports corpus, so only an external
// test file (pipeline_test.go) can import it and set these.
var (
	StoredFindings func([]rules.Finding) []Finding
	StoredBatch    func(func([]*rules.Checked)) func([]*report.Report) [][]Finding
)

func checkRules(rep *report.Report) []Finding {
	return StoredFindings(rules.Check(rep, rules.Default()).Findings)
}

// checkBatch is the cross-document rules as RecheckBatch runs them.
func checkBatch(reps []*report.Report) [][]Finding {
	return StoredBatch(func(cs []*rules.Checked) { rules.CheckBatch(cs, rules.Default()) })(reps)
}

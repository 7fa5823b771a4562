package rules

import (
	"fmt"

	"github.com/jixiao/jixiao/report"
)

// BatchDoc is what a cross-document rule knows of one report: the few
// fields such rules compare, so that a caller holding thousands of
// reports in a database passes slim rows rather than rebuilt reports.
type BatchDoc struct {
	Path       string // as the messages name the file: the corpus gives its base name
	SHA256     string // of the file; "" when unknown
	Department report.Department
	Projects   []BatchProject

	index int // in the slice CheckBatchDocs was given
}

// BatchProject is one project of a BatchDoc.
type BatchProject struct {
	Seq    int
	Code   string
	Name   string
	CodeAt *report.Location // the cell the code was read from; nil when unknown
}

// codeAt locates p's code as projectAt does a Project's.
func (p *BatchProject) codeAt() report.Location {
	var cell report.Location
	if p.CodeAt != nil {
		cell = *p.CodeAt
	}
	return fieldAt(cell, p.Code, report.KeyOf(report.FieldCode))
}

// batchRegion is the region code most of the project codes of docs start
// with; "" when there are none or the top two tie.
func batchRegion(docs []BatchDoc) string {
	votes := map[string]int{}
	for i := range docs {
		for _, p := range docs[i].Projects {
			voteRegion(votes, p.Code)
		}
	}
	return majority(votes)
}

// BatchFinding is a finding of a cross-document rule on Docs[Doc] of the
// slice CheckBatchDocs was given.
type BatchFinding struct {
	Doc int
	Finding
}

// batchDocOf is the view of rep the cross-document rules take.
func batchDocOf(rep *report.Report) BatchDoc {
	d := BatchDoc{Path: rep.Source.Path, SHA256: rep.Source.SHA256, Department: rep.Department,
		Projects: make([]BatchProject, len(rep.Projects))}
	for i := range rep.Projects {
		p := &rep.Projects[i]
		d.Projects[i] = BatchProject{Seq: p.Seq, Code: p.Code, Name: p.Name}
		if at, ok := p.At[report.KeyOf(report.FieldCode)]; ok {
			d.Projects[i].CodeAt = &at
		}
	}
	return d
}

// CheckBatch runs the rules across reports (duplicate submissions, one
// project code under two names, the county's region code by majority) and
// appends their findings to the findings of the reports concerned.
func CheckBatch(checked []*Checked, cfg Config) {
	var live []*Checked
	var docs []BatchDoc
	for _, c := range checked {
		if c != nil && c.Report != nil {
			live = append(live, c)
			docs = append(docs, batchDocOf(c.Report))
		}
	}
	for _, f := range CheckBatchDocs(docs, cfg) {
		live[f.Doc].Findings = append(live[f.Doc].Findings, f.Finding)
	}
}

// CheckBatchDocs runs the cross-document rules over docs and returns
// their findings in the order the rules draw them: rule by rule, each
// in the order of docs.
func CheckBatchDocs(docs []BatchDoc, cfg Config) []BatchFinding {
	if len(docs) == 0 {
		return nil
	}
	for i := range docs {
		docs[i].index = i
	}
	region := cfg.RegionCode
	if region == "" {
		region = batchRegion(docs)
	}
	var out []BatchFinding
	for _, r := range All() {
		if r.Batch == nil || !cfg.enabled(r) {
			continue
		}
		b := &BatchPass{Docs: docs, Config: cfg, Region: region, rule: r, sev: cfg.Severity(r), out: &out}
		var failed []Finding // a panic's, on the first document
		run(r, &failed, func() { r.Batch(b) })
		for _, f := range failed {
			out = append(out, BatchFinding{0, f})
		}
	}
	return out
}

// BatchPass is what a batch rule sees.
type BatchPass struct {
	Docs   []BatchDoc
	Config Config
	Region string // Config.RegionCode or the majority over every report's codes

	rule *Rule
	sev  Severity
	out  *[]BatchFinding
}

// Reportf adds a finding at loc on d, one of Docs.
func (b *BatchPass) Reportf(d *BatchDoc, loc report.Location, format string, args ...any) {
	*b.out = append(*b.out, BatchFinding{d.index, Finding{
		Rule: b.rule.ID, Severity: b.sev, Message: fmt.Sprintf(format, args...), Location: loc,
	}})
}

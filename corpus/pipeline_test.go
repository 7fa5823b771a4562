package corpus_test

import (
	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/pipeline"
)

func init() {
	corpus.StoredReport = pipeline.StoredReport
	corpus.StoredFindings = pipeline.StoredFindings
	corpus.BatchRules = pipeline.BatchRules
}

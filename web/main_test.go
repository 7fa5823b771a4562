package web

import (
	"os"
	"testing"

	"github.com/jixiao/jixiao/pipeline"
)

// Upload and the document pages read in workers, as jixiao serve does:
// the tests start this test binary again as those workers.
func TestMain(m *testing.M) {
	pipeline.WorkerMain()
	os.Exit(m.Run())
}

package main

import (
	"os"
	"testing"

	"github.com/jixiao/jixiao/pipeline"
)

// check and ingest start this test binary again as their reading workers.
func TestMain(m *testing.M) {
	pipeline.WorkerMain()
	os.Exit(m.Run())
}

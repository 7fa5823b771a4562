package pipeline

import (
	"encoding/gob"
	"io"
	"os"
	"runtime/debug"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/report"
)

// WorkerEnv is set in the environment of a worker process.
const WorkerEnv = "JIXIAO_WORKER"

// request asks a worker to read one file.
type request struct {
	Path    string
	Data    []byte
	SHA256  string // of Data, when the parent has it; "": the worker hashes it
	Options report.Options
	Memory  int64 // soft memory limit of the worker, bytes
	Stack   int   // largest goroutine stack, bytes
	// Document asks for the extract.Document alone, not the report read
	// out of it (for the web's page view, which needs the cells' boxes).
	Document bool
}

// answer is a worker's reading of one file.
type answer struct {
	Report   []byte            // the report read, packed (packReport)
	Document *extract.Document // when the request asked for it
	Err      string            // "" when read
	Reason   string            // Chinese
	Sentinel int               // index in sentinels, -1 for none
	// OCRStarted marks a message sent before the answer: the recognition
	// of the file's pages begins (see Limits.OCR).
	OCRStarted bool
}

// hello is the first thing a worker writes, so the parent knows it
// started as a worker and not as something else.
const hello = "jixiao worker 2"

// WorkerMain runs this process as a reading worker and exits, when it was
// started as one (WorkerEnv set); otherwise it returns at once. Call it
// first in main, and in TestMain of tests that read in workers.
func WorkerMain() {
	if os.Getenv(WorkerEnv) == "" {
		return
	}
	// The answers go to the real standard output; anything a library
	// prints must not mix into them.
	out := os.Stdout
	os.Stdout = os.Stderr
	// Reading makes much short-lived garbage: collecting a fifth as often
	// saves a tenth of an ingest's CPU, and each request's memory limit
	// (SetMemoryLimit) still bounds the heap.
	debug.SetGCPercent(400)
	// The parent checks and stores what the workers read: given the CPU
	// first, it keeps up with them instead of finishing alone long after
	// the last file is read, and a desktop stays responsive.
	lowerPriority()
	os.Exit(serve(os.Stdin, out))
}

// serve answers requests from r on w until r ends.
func serve(r io.Reader, w io.Writer) int {
	enc, dec := gob.NewEncoder(w), gob.NewDecoder(r)
	if err := enc.Encode(hello); err != nil {
		return 1
	}
	for {
		var req request
		if err := dec.Decode(&req); err != nil {
			if err == io.EOF {
				return 0
			}
			return 1
		}
		if req.Memory > 0 {
			debug.SetMemoryLimit(req.Memory)
		}
		if req.Stack > 0 {
			debug.SetMaxStack(req.Stack)
		}
		req.Options.OCR.Started = func() { enc.Encode(&answer{OCRStarted: true}) }
		a := answer{Sentinel: -1}
		var err error
		if req.Document {
			a.Document, err = readDocument(req.Path, req.Data, req.SHA256, req.Options)
			if a.Document != nil {
				a.Document, err = documentOnly(a.Document), nil
			}
		} else {
			var rep *report.Report
			rep, err = readBytes(req.Path, req.Data, req.SHA256, req.Options)
			if rep != nil {
				a.Report = packReport(nil, rep)
			}
		}
		if err != nil {
			a.Err, a.Reason, a.Sentinel = err.Error(), Reason(err), sentinelOf(err)
		}
		req.Data = nil
		if err := enc.Encode(&a); err != nil {
			return 1
		}
	}
}

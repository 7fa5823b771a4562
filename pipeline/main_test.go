package pipeline

import (
	"encoding/gob"
	"os"
	"os/exec"
	"runtime/debug"
	"strings"
	"testing"
	"time"
)

// The tests start this test binary again as their reading workers.
func TestMain(m *testing.M) {
	if os.Getenv(misbehaveEnv) != "" && os.Getenv(WorkerEnv) != "" {
		os.Exit(misbehavingWorker())
	}
	if os.Getenv(eatEnv) != "" { // a program that eats memory, for RunBounded
		eat()
	}
	WorkerMain()
	os.Exit(m.Run())
}

const (
	eatEnv       = "JIXIAO_TEST_EAT"
	misbehaveEnv = "JIXIAO_TEST_MISBEHAVE"
	misbehave    = "misbehave:" // a path naming how the worker misbehaves
)

// misbehavingCommand starts a worker that overruns its limits on files
// named misbehave+mode, and reads the others as a worker does.
func misbehavingCommand() *exec.Cmd {
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), misbehaveEnv+"=1")
	return cmd
}

var sink [][]byte

// eat takes memory, a megabyte at a time, until it is stopped.
func eat() {
	for {
		b := make([]byte, 1<<20)
		for i := range b {
			b[i] = 1
		}
		sink = append(sink, b)
	}
}

func misbehavingWorker() int {
	enc, dec := gob.NewEncoder(os.Stdout), gob.NewDecoder(os.Stdin)
	enc.Encode(hello)
	for {
		var req request
		if err := dec.Decode(&req); err != nil {
			return 0
		}
		debug.SetMemoryLimit(req.Memory)
		debug.SetMaxStack(req.Stack)
		switch strings.TrimPrefix(req.Path, misbehave) {
		case "hang":
			time.Sleep(time.Hour)
		case "eat":
			eat()
		case "recurse":
			recurse(0)
		case "exit":
			os.Exit(3)
		case "slow":
			time.Sleep(2 * time.Second)
		case "ocr-slow", "ocr-hang":
			// A scan: the worker says OCR starts, then takes its time.
			enc.Encode(&answer{OCRStarted: true})
			if req.Path == misbehave+"ocr-hang" {
				time.Sleep(time.Hour)
			}
			time.Sleep(2 * time.Second)
		}
		rep, err := readBytes(req.Path, req.Data, req.SHA256, req.Options)
		a := answer{Sentinel: -1}
		if rep != nil {
			a.Report = packReport(nil, rep)
		}
		if err != nil {
			a.Err, a.Reason, a.Sentinel = err.Error(), Reason(err), sentinelOf(err)
		}
		enc.Encode(&a)
	}
}

func recurse(n int) int {
	var pad [256]byte
	pad[n%256] = byte(n)
	return recurse(n+1) + int(pad[0])
}

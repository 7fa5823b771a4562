package pipeline

import (
	"errors"
	"os"
	"os/exec"
	"runtime"
	"testing"
)

// TestRunBounded: a program past its memory is stopped with ErrMemory; one
// within it runs to its end.
func TestRunBounded(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the resident size is watched on Linux; Windows bounds the job (TestWorkerLimits)")
	}
	eater := exec.Command(os.Args[0])
	eater.Env = append(os.Environ(), eatEnv+"=1")
	if err := RunBounded(eater, 64<<20); !errors.Is(err, ErrMemory) {
		t.Errorf("a program eating memory: %v, want ErrMemory", err)
	}
	ok := exec.Command(os.Args[0], "-test.run", "^$")
	if err := RunBounded(ok, 256<<20); err != nil {
		t.Errorf("a program within its memory: %v", err)
	}
}

package pipeline

import (
	"fmt"
	"os"
	"os/exec"
	"time"
)

// RunBounded runs cmd, not yet started, to its end, as the reading
// workers are bounded: past memory bytes it is killed and RunBounded
// returns an error wrapping ErrMemory (on Windows a job object bounds its
// committed memory, so the command's own allocation fails instead; there
// the error is the command's). Its time is the caller's to bound, with
// exec.CommandContext. For the other programs jixiao runs on files it is
// given, such as pdftoppm drawing a page of an uploaded PDF.
func RunBounded(cmd *exec.Cmd, memory int64) error {
	release, err := startHeld(cmd, memory)
	if err != nil {
		return err
	}
	defer release()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case err := <-done:
			return err
		case <-tick.C:
			if overMemory(cmd.Process, memory) {
				cmd.Process.Kill()
				<-done
				return fmt.Errorf("pipeline: %s: %w (%d MB)", cmd.Path, ErrMemory, memory>>20)
			}
		}
	}
}

// startHeld starts cmd and holds it to memory bytes where the system can
// (holdMemory); release lets go of it once it has ended.
func startHeld(cmd *exec.Cmd, memory int64) (release func(), err error) {
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	release, err = holdMemory(cmd.Process.Pid, memory)
	if err != nil {
		cmd.Process.Kill()
		cmd.Wait()
		return nil, err
	}
	return release, nil
}

// overMemory tells whether p's resident size is known and past memory
// bytes; the callers watch it every 20 ms where holdMemory holds nothing.
func overMemory(p *os.Process, memory int64) bool {
	rss, ok := residentBytes(p.Pid)
	return ok && rss > memory
}

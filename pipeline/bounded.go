package pipeline

import (
	"fmt"
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
	if err := cmd.Start(); err != nil {
		return err
	}
	release, err := holdMemory(cmd.Process.Pid, memory)
	if err != nil {
		cmd.Process.Kill()
		cmd.Wait()
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
			if rss, ok := residentBytes(cmd.Process.Pid); ok && rss > memory {
				cmd.Process.Kill()
				<-done
				return fmt.Errorf("pipeline: %s: %w (%d MB)", cmd.Path, ErrMemory, memory>>20)
			}
		}
	}
}

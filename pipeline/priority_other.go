//go:build !windows

package pipeline

import "syscall"

// lowerPriority makes this worker process yield the CPU to the ingest's
// own process (see WorkerMain).
func lowerPriority() {
	syscall.Setpriority(syscall.PRIO_PROCESS, 0, 10) // nice 10; failing, it stays as it was
}

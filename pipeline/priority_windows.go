//go:build windows

package pipeline

import "golang.org/x/sys/windows"

// lowerPriority makes this worker process yield the CPU to the ingest's
// own process (see WorkerMain).
func lowerPriority() {
	windows.SetPriorityClass(windows.CurrentProcess(), windows.BELOW_NORMAL_PRIORITY_CLASS) // failing, it stays as it was
}

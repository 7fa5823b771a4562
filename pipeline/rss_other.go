//go:build !linux

package pipeline

// residentBytes is not known here: a worker is held to its memory limit
// by its Go runtime's soft limit only.
func residentBytes(int) (int64, bool) { return 0, false }

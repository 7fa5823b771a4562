//go:build !windows

package pipeline

// holdMemory does nothing here: the parent watches the worker's resident
// size (residentBytes) and kills it past the limit.
func holdMemory(pid int, limit int64) (release func(), err error) { return func() {}, nil }

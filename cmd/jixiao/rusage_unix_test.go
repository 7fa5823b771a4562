//go:build unix

package main

import "syscall"

// peakRSS is the peak resident size, in MB, of this process and of its
// largest finished child (a reading worker).
func peakRSS() (self, children int64, ok bool) {
	var s, c syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &s) != nil || syscall.Getrusage(syscall.RUSAGE_CHILDREN, &c) != nil {
		return 0, 0, false
	}
	return int64(s.Maxrss) >> 10, int64(c.Maxrss) >> 10, true
}

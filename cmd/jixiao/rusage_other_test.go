//go:build !unix

package main

// peakRSS is not measured where getrusage is missing (Windows).
func peakRSS() (self, children int64, ok bool) { return 0, 0, false }

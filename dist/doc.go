// Package dist holds the check of the release build (make dist): that the
// Windows binary, cross-compiled with cgo and mingw-w64, needs only
// Windows' own DLLs. It has no code of its own.
package dist

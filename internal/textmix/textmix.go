// Package textmix makes texts out of pieces at random, for the tests that
// hold a fast scan to the slow one it stands for (a regexp, a rune walk,
// strings.Contains): pieces chosen to meet each byte the scan looks at,
// its halves and its neighbours, Chinese and broken UTF-8.
package textmix

import (
	"iter"
	"math/rand/v2"
	"strings"
)

// Texts yields n texts of up to most pieces each, drawn from a source
// seeded with seed, so that a failure comes back on the next run.
func Texts(seed uint64, pieces []string, most, n int) iter.Seq[string] {
	return func(yield func(string) bool) {
		r := rand.New(rand.NewPCG(seed, seed))
		var b strings.Builder
		for range n {
			b.Reset()
			for range r.IntN(most + 1) {
				b.WriteString(pieces[r.IntN(len(pieces))])
			}
			if !yield(b.String()) {
				return
			}
		}
	}
}

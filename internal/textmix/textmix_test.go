package textmix

import (
	"slices"
	"testing"
)

// TestTexts: texts of zero to most pieces, every piece met, the same ones
// again for the same seed.
func TestTexts(t *testing.T) {
	pieces := []string{"甲", "b", "\xff"}
	lengths := map[int]bool{}
	seen := map[string]bool{}
	for s := range Texts(1, pieces, 3, 2000) {
		n := 0
		for _, p := range pieces {
			for i := 0; i+len(p) <= len(s); i++ {
				if s[i:i+len(p)] == p {
					seen[p] = true
					n++
				}
			}
		}
		lengths[n] = true
	}
	if len(lengths) != 4 || len(seen) != len(pieces) {
		t.Errorf("piece counts %v, pieces met %v", lengths, seen)
	}
	if a, b := slices.Collect(Texts(7, pieces, 3, 50)), slices.Collect(Texts(7, pieces, 3, 50)); !slices.Equal(a, b) {
		t.Error("the same seed gave other texts")
	}
}

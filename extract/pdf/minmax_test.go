package pdf

import (
	"math"
	"testing"
)

// TestMinMax wants fmax and fmin to be math.Max and math.Min, special
// cases included: zeros of either sign, infinities, NaNs.
func TestMinMax(t *testing.T) {
	vals := []float64{0, math.Copysign(0, -1), 1, -1, 2.5, -2.5, math.Inf(1), math.Inf(-1), math.NaN(),
		math.MaxFloat64, -math.MaxFloat64, math.SmallestNonzeroFloat64}
	same := func(a, b float64) bool {
		return math.Float64bits(a) == math.Float64bits(b) || math.IsNaN(a) && math.IsNaN(b)
	}
	for _, x := range vals {
		for _, y := range vals {
			if got, want := fmax(x, y), math.Max(x, y); !same(got, want) {
				t.Errorf("fmax(%v, %v) = %v, math.Max %v", x, y, got, want)
			}
			if got, want := fmin(x, y), math.Min(x, y); !same(got, want) {
				t.Errorf("fmin(%v, %v) = %v, math.Min %v", x, y, got, want)
			}
		}
	}
}

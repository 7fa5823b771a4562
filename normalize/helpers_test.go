package normalize

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/shopspring/decimal"
)

// testdata is the package's own copy of its fixtures and peer suites.
var testdata = filepath.Join("..", "testdata", "normalize")

// readJSONL decodes every line of a JSON-lines file under testdata.
func readJSONL[T any](t testing.TB, name string) []T {
	t.Helper()
	f, err := os.Open(filepath.Join(testdata, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []T
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if len(sc.Bytes()) == 0 {
			continue
		}
		var v T
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out = append(out, v)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// near reports whether got equals want within a relative 1e-9, the
// tolerance the peer suites are compared at.
func near(got decimal.Decimal, want float64) bool {
	g := got.InexactFloat64()
	if want == 0 {
		return g == 0
	}
	d := (g - want) / want
	return d < 1e-9 && d > -1e-9
}

// rate is a pass rate with the failures that explain it.
type rate struct {
	name     string
	pass, n  int
	failures []string
}

func (r *rate) add(ok bool, what string) {
	r.n++
	if ok {
		r.pass++
	} else {
		r.failures = append(r.failures, what)
	}
}

func (r *rate) value() float64 {
	if r.n == 0 {
		return 1
	}
	return float64(r.pass) / float64(r.n)
}

// check logs the rate and its failures and fails the test below min.
func (r *rate) check(t *testing.T, min float64) {
	t.Helper()
	t.Logf("%s: %d/%d = %.1f%% (required %.1f%%)", r.name, r.pass, r.n, 100*r.value(), 100*min)
	for _, f := range r.failures {
		t.Logf("  %s: miss: %s", r.name, f)
	}
	if r.value() < min {
		t.Errorf("%s: rate %.3f below %.3f", r.name, r.value(), min)
	}
}

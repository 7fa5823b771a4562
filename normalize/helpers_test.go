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

// value is the pass rate; an empty suite has none (0), it proves nothing.
func (r *rate) value() float64 {
	if r.n == 0 {
		return 0
	}
	return float64(r.pass) / float64(r.n)
}

// reporter is the part of testing.T that check uses, so that check itself
// can be tested.
type reporter interface {
	Helper()
	Logf(format string, args ...any)
	Errorf(format string, args ...any)
}

// check logs the rate and its failures and holds the suite at what was
// measured: misses is the number of cases known to fail. An empty suite
// fails, more misses are a regression, and fewer are an improvement to
// lock in by lowering misses, so that either is noticed.
func (r *rate) check(t reporter, misses int) {
	t.Helper()
	t.Logf("%s: %d/%d = %.1f%% (gate: %d known misses)", r.name, r.pass, r.n, 100*r.value(), misses)
	for _, f := range r.failures {
		t.Logf("  %s: miss: %s", r.name, f)
	}
	got := r.n - r.pass
	switch {
	case r.n == 0:
		t.Errorf("%s: empty suite, nothing was checked", r.name)
	case got > misses:
		t.Errorf("%s: %d misses, gate %d: a regression", r.name, got, misses)
	case got < misses:
		t.Errorf("%s: %d misses, gate %d: an improvement, lower the gate to %d", r.name, got, misses, got)
	}
}

package normalize

import (
	"fmt"
	"testing"
)

// recorder is a reporter that keeps the errors check reports.
type recorder struct{ errors []string }

func (r *recorder) Helper()                   {}
func (r *recorder) Logf(string, ...any)       {}
func (r *recorder) Errorf(f string, a ...any) { r.errors = append(r.errors, fmt.Sprintf(f, a...)) }

// TestRateCheck holds the gate of the accuracy suites: it passes only at
// exactly the known misses, and never on an empty suite.
func TestRateCheck(t *testing.T) {
	suite := func(pass, fail int) *rate {
		r := &rate{name: "s"}
		for range pass {
			r.add(true, "")
		}
		for range fail {
			r.add(false, "x")
		}
		return r
	}
	tests := []struct {
		name       string
		r          *rate
		misses     int
		wantErrors int
	}{
		{"empty suite fails", suite(0, 0), 0, 1},
		{"all pass at gate 0", suite(5, 0), 0, 0},
		{"known misses", suite(4, 1), 1, 0},
		{"regression", suite(3, 2), 1, 1},
		{"improvement", suite(5, 0), 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var rec recorder
			tt.r.check(&rec, tt.misses)
			if len(rec.errors) != tt.wantErrors {
				t.Errorf("errors %q, want %d", rec.errors, tt.wantErrors)
			}
		})
	}
	if v := suite(0, 0).value(); v != 0 {
		t.Errorf("empty suite rate %v, want 0", v)
	}
}

package pipeline

import (
	"bytes"
	"encoding/binary"
	"encoding/gob"
	"errors"
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/internal/truth"
	"github.com/jixiao/jixiao/normalize"
	"github.com/jixiao/jixiao/report"
)

// TestWireEveryField fills every exported field a report can hold, each
// with a value of its own, and wants the report back from packReport and
// unpackReport as it was: a field added to the types and not to the
// packing fails here, named.
func TestWireEveryField(t *testing.T) {
	// Twice, so that each bool is true once and false once and each
	// number negative once: fields swapped fail too.
	for parity := range 2 {
		rep := &report.Report{}
		n := parity
		fill(reflect.ValueOf(rep).Elem(), &n)
		got, err := unpackReport(packReport(nil, rep))
		if err != nil {
			t.Fatal(err)
		}
		if path := firstDiff(reflect.ValueOf(rep).Elem(), reflect.ValueOf(got).Elem(), "Report"); path != "" {
			t.Errorf("%s differs after packing", path)
		}
	}
	// Decimals at their edges: the zero value, zero with an exponent,
	// negative, beyond 64 bits, the exponent's limits.
	huge, _ := new(big.Int).SetString("-123456789012345678901234567890123456789", 10)
	for _, d := range []decimal.Decimal{{}, decimal.New(0, -2), decimal.New(-5, 3), decimal.NewFromBigInt(huge, -7),
		decimal.New(1, math.MaxInt32), decimal.New(-1, math.MinInt32)} {
		same := func(a, b decimal.Decimal) bool {
			return a.Coefficient().Cmp(b.Coefficient()) == 0 && a.Exponent() == b.Exponent() && (a == decimal.Decimal{}) == (b == decimal.Decimal{})
		}
		rep := &report.Report{OverallTargets: []normalize.Found{{Target: normalize.Target{Value: d, Tolerance: d}}}}
		got, err := unpackReport(packReport(nil, rep))
		if err != nil {
			t.Fatal(err)
		}
		if g := got.OverallTargets[0].Target.Value; !same(g, d) {
			t.Errorf("decimal %s×10^%d came back %s×10^%d", d.Coefficient(), d.Exponent(), g.Coefficient(), g.Exponent())
		}
	}
	// Nil and empty stay apart: report/v1 writes [] for one, null for the other.
	empty := &report.Report{SubGoals: []report.SubGoal{}, Projects: []report.Project{{Indicators: []report.Indicator{}, Extra: map[string]string{}}}}
	got, err := unpackReport(packReport(nil, empty))
	if err != nil || !reflect.DeepEqual(empty, got) || got.Measures != nil || got.Projects[0].MidTermIndicators != nil {
		t.Errorf("empty and nil: %+v, %v", got, err)
	}
}

// fill sets every exported field under v to a value of its own (n counts
// them), numbers of either sign, bools by n's parity; slices and maps get
// two elements.
func fill(v reflect.Value, n *int) {
	*n++
	sign := int64(1 - 2*(*n%2)) // every other number negative
	if v.Type() == reflect.TypeFor[decimal.Decimal]() {
		v.Set(reflect.ValueOf(decimal.New(sign*int64(*n)*1000003, int32(*n%7-3))))
		return
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(fmt.Sprintf("文字%d", *n))
	case reflect.Int, reflect.Int32, reflect.Int64:
		v.SetInt(sign * int64(*n))
	case reflect.Uint8:
		v.SetUint(uint64(*n%250 + 1))
	case reflect.Float64:
		v.SetFloat(float64(sign) * (float64(*n) + 0.25))
	case reflect.Bool:
		v.SetBool(*n%2 == 0)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem(), n)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range 2 {
			fill(v.Index(i), n)
		}
	case reflect.Map:
		v.Set(reflect.MakeMap(v.Type()))
		for range 2 {
			k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
			fill(k, n)
			fill(e, n)
			v.SetMapIndex(k, e)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i), n)
			}
		}
	default:
		panic("fill: a field of kind " + v.Kind().String() + ": teach fill and the packing about it")
	}
}

// firstDiff names the first field where a and b differ, "" when none.
func firstDiff(a, b reflect.Value, path string) string {
	if a.Type() == reflect.TypeFor[decimal.Decimal]() {
		if da, db := a.Interface().(decimal.Decimal), b.Interface().(decimal.Decimal); da.Coefficient().Cmp(db.Coefficient()) != 0 || da.Exponent() != db.Exponent() {
			return path
		}
		return ""
	}
	switch a.Kind() {
	case reflect.Pointer:
		if a.IsNil() != b.IsNil() {
			return path
		}
		if a.IsNil() {
			return ""
		}
		return firstDiff(a.Elem(), b.Elem(), path)
	case reflect.Slice:
		if a.IsNil() != b.IsNil() || a.Len() != b.Len() {
			return path
		}
		for i := range a.Len() {
			if d := firstDiff(a.Index(i), b.Index(i), fmt.Sprintf("%s[%d]", path, i)); d != "" {
				return d
			}
		}
	case reflect.Map:
		if a.IsNil() != b.IsNil() || a.Len() != b.Len() {
			return path
		}
		for _, k := range a.MapKeys() {
			bv := b.MapIndex(k)
			if !bv.IsValid() {
				return fmt.Sprintf("%s[%v]", path, k)
			}
			if d := firstDiff(a.MapIndex(k), bv, fmt.Sprintf("%s[%v]", path, k)); d != "" {
				return d
			}
		}
	case reflect.Struct:
		for i := range a.NumField() {
			if !a.Type().Field(i).IsExported() {
				continue
			}
			if d := firstDiff(a.Field(i), b.Field(i), path+"."+a.Type().Field(i).Name); d != "" {
				return d
			}
		}
	default:
		if !reflect.DeepEqual(a.Interface(), b.Interface()) {
			return path
		}
	}
	return ""
}

// TestWireSamples: the reports of the samples come back as read, the
// indicators of a table sharing their Cols again; cut short anywhere, a
// packed report is refused, and damaged, it never panics.
func TestWireSamples(t *testing.T) {
	n, shared := 0, 0
	for _, f := range samples() {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rep, err := readBytes(f, data, "", report.Options{Explain: true})
		if err != nil {
			continue
		}
		n++
		b := packReport(nil, rep)
		got, err := unpackReport(b)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if path := firstDiff(reflect.ValueOf(rep).Elem(), reflect.ValueOf(got).Elem(), "Report"); path != "" {
			t.Errorf("%s: %s differs after packing", f, path)
		}
		// The indicators that shared their columns share them again, and
		// only those.
		sharing := func(r *report.Report) (same []bool) {
			for _, p := range r.Projects {
				for i := 1; i < len(p.Indicators); i++ {
					same = append(same, len(p.Indicators[i].Cols) > 0 &&
						reflect.ValueOf(p.Indicators[i].Cols).UnsafePointer() == reflect.ValueOf(p.Indicators[i-1].Cols).UnsafePointer())
				}
			}
			return same
		}
		if want, have := sharing(rep), sharing(got); !slices.Equal(want, have) {
			t.Errorf("%s: the indicators share their columns as %v after packing, %v before", f, have, want)
		} else {
			shared += strings.Count(fmt.Sprint(have), "true")
		}
		for cut := 0; cut < len(b); cut += max(1, len(b)/400) {
			if r, err := unpackReport(b[:cut]); !errors.Is(err, errWire) || r != nil {
				t.Fatalf("%s cut to %d of %d bytes: %v", f, cut, len(b), err)
			}
		}
		rnd := rand.New(rand.NewPCG(uint64(n), 1))
		for range 200 {
			d := append([]byte(nil), b...)
			for range 1 + rnd.IntN(4) {
				d[rnd.IntN(len(d))] = byte(rnd.Uint32())
			}
			unpackReport(d) // an error or a report; never a panic
		}
	}
	if n < 10 || shared == 0 {
		t.Fatalf("%d reports read, %d indicators sharing their columns: the samples are missing", n, shared)
	}
}

// BenchmarkWire sends the reports of the bench corpus (of the samples
// without it) from a worker to the parent as gob sent them, one stream
// for all, and packed: encoding and decoding each.
func BenchmarkWire(b *testing.B) {
	files := samples()
	if dir, err := truth.BenchCorpus(); err == nil {
		files, _ = filepath.Glob(filepath.Join(dir, "*.*"))
	}
	var reps []*report.Report
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		if rep, err := readBytes(f, data, "", report.Options{}); err == nil {
			reps = append(reps, rep)
		}
	}
	b.Logf("%d reports", len(reps))
	b.Run("gob", func(b *testing.B) {
		for b.Loop() {
			var buf bytes.Buffer
			enc, dec := gob.NewEncoder(&buf), gob.NewDecoder(&buf)
			for _, rep := range reps {
				if err := enc.Encode(rep); err != nil {
					b.Fatal(err)
				}
				var got report.Report
				if err := dec.Decode(&got); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("pack", func(b *testing.B) {
		var buf []byte
		for b.Loop() {
			for _, rep := range reps {
				buf = packReport(buf[:0], rep)
				if _, err := unpackReport(buf); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}

// TestWireBoundedAllocation: a count that the bytes after it cannot hold
// is refused before anything is allocated for it, and one they can hold
// costs a few times those bytes, however they were damaged.
func TestWireBoundedAllocation(t *testing.T) {
	head := packReport(nil, &report.Report{})[:12] // the fields before OverallTargets' count
	rest := make([]byte, 1<<20)                    // zeros: empty Founds, then cut short
	for _, count := range []uint64{1 << 40, uint64(len(rest)), uint64(len(rest) / leastFound)} {
		b := binary.AppendUvarint(append([]byte(nil), head...), count+1)
		b = append(b, rest...)
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		rep, err := unpackReport(b)
		runtime.ReadMemStats(&after)
		if !errors.Is(err, errWire) || rep != nil {
			t.Errorf("count %d: %v, want errWire", count, err)
		}
		if n := after.TotalAlloc - before.TotalAlloc; n > 40*uint64(len(b)) {
			t.Errorf("count %d: %d bytes allocated reading %d", count, n, len(b))
		}
	}
}

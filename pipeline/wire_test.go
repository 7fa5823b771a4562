package pipeline

import (
	"bytes"
	"encoding/gob"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/internal/truth"
	"github.com/jixiao/jixiao/report"
)

// TestWireEveryField fills every exported field a report can hold, each
// with a value of its own, and wants the report back from packReport and
// unpackReport as it was: a field added to the types and not to the
// packing fails here, named.
func TestWireEveryField(t *testing.T) {
	rep := &report.Report{}
	n := 0
	fill(reflect.ValueOf(rep).Elem(), &n)
	got, err := unpackReport(packReport(nil, rep))
	if err != nil {
		t.Fatal(err)
	}
	if path := firstDiff(reflect.ValueOf(rep).Elem(), reflect.ValueOf(got).Elem(), "Report"); path != "" {
		t.Errorf("%s differs after packing", path)
	}
	// Nil and empty stay apart: report/v1 writes [] for one, null for the other.
	empty := &report.Report{SubGoals: []report.SubGoal{}, Projects: []report.Project{{Indicators: []report.Indicator{}, Extra: map[string]string{}}}}
	got, err = unpackReport(packReport(nil, empty))
	if err != nil || !reflect.DeepEqual(empty, got) || got.Measures != nil || got.Projects[0].MidTermIndicators != nil {
		t.Errorf("empty and nil: %+v, %v", got, err)
	}
}

// fill sets every settable field under v to a value other than zero, each
// different (n counts them); slices and maps get two elements.
func fill(v reflect.Value, n *int) {
	*n++
	if v.Type() == reflect.TypeFor[decimal.Decimal]() {
		v.Set(reflect.ValueOf(decimal.New(int64(*n)*1000003, int32(*n%7-3))))
		return
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(fmt.Sprintf("文字%d", *n))
	case reflect.Int, reflect.Int32, reflect.Int64:
		v.SetInt(int64(*n))
	case reflect.Uint8:
		v.SetUint(uint64(*n%250 + 1))
	case reflect.Float64:
		v.SetFloat(float64(*n) + 0.25)
	case reflect.Bool:
		v.SetBool(true)
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
		if da, db := a.Interface().(decimal.Decimal), b.Interface().(decimal.Decimal); da.String() != db.String() || da.Exponent() != db.Exponent() {
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
		for _, p := range got.Projects {
			for i := 1; i < len(p.Indicators); i++ {
				if len(p.Indicators[i].Cols) > 0 && reflect.ValueOf(p.Indicators[i].Cols).UnsafePointer() == reflect.ValueOf(p.Indicators[i-1].Cols).UnsafePointer() {
					shared++
				}
			}
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

// Package truth compares a report/v1 reading with a truth file field by
// field, the way the project's accuracy is measured: every field present in
// the truth must be present in the reading with the same value; fields the
// reading adds are allowed (report/v1 may grow). Strings are compared after
// folding runs of white space; a null in the truth is not compared (the truth
// files use it for "any"). The truth's "defects" list is not a reading and
// is skipped.
//
// One reading differs from the bench truth on purpose: a bare zero written
// without a unit (安全事故发生率 "0"), which the truth reads as 0 %. The
// reading holds the value as written, unit ""; whether a zero needs a unit is
// for the rules to say. Such a field is counted apart, as AsWritten.
package truth

import (
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
)

// Result counts the leaf fields compared and lists the mismatches.
type Result struct {
	Fields     int        // leaf fields compared
	Exact      int        // equal as written
	Folded     int        // equal after folding white space (Exact included)
	AsWritten  []Mismatch // a bare zero's unit the truth adds and the reading leaves out (see BareZero)
	Mismatches []Mismatch // not equal even after folding, and missing fields
}

// Mismatch is one field that differs.
type Mismatch struct {
	Path      string
	Got, Want any
}

func (m Mismatch) String() string {
	return fmt.Sprintf("%s: got %s, want %s", m.Path, short(m.Got), short(m.Want))
}

func short(v any) string {
	b, _ := json.Marshal(v)
	s := string(b)
	if r := []rune(s); len(r) > 80 {
		s = string(r[:80]) + "…"
	}
	return s
}

// Add accumulates r2 into r.
func (r *Result) Add(r2 Result) {
	r.Fields += r2.Fields
	r.Exact += r2.Exact
	r.Folded += r2.Folded
	r.AsWritten = append(r.AsWritten, r2.AsWritten...)
	r.Mismatches = append(r.Mismatches, r2.Mismatches...)
}

// Compare compares got (any value that marshals to JSON) with the truth
// want, decoded from JSON.
func Compare(got any, want []byte) (Result, error) {
	g, err := toTree(got)
	if err != nil {
		return Result{}, err
	}
	var w any
	d := json.NewDecoder(strings.NewReader(string(want)))
	d.UseNumber()
	if err := d.Decode(&w); err != nil {
		return Result{}, fmt.Errorf("truth: %v", err)
	}
	var r Result
	walk(&r, "", g, w)
	sort.Slice(r.Mismatches, func(i, j int) bool { return r.Mismatches[i].Path < r.Mismatches[j].Path })
	return r, nil
}

// CompareFile compares got with the truth file at path.
func CompareFile(got any, path string) (Result, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Result{}, err
	}
	r, err := Compare(got, data)
	if err != nil {
		return r, fmt.Errorf("%s: %v", filepath.Base(path), err)
	}
	return r, nil
}

func toTree(v any) (any, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var t any
	d := json.NewDecoder(strings.NewReader(string(b)))
	d.UseNumber()
	err = d.Decode(&t)
	return t, err
}

func walk(r *Result, path string, got, want any) {
	switch w := want.(type) {
	case nil:
		return
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			r.miss(path, got, want)
			return
		}
		for k, wv := range w {
			if path == "" && k == "defects" {
				continue
			}
			gv, ok := g[k]
			if !ok && wv != nil {
				r.miss(path+"."+k, nil, wv)
				continue
			}
			if k == "target" && bareZeroUnit(r, path+".target.unit", w, g) {
				wv = withoutUnit(wv)
			}
			walk(r, path+"."+k, gv, wv)
		}
	case []any:
		g, ok := got.([]any)
		if !ok {
			r.miss(path, got, want)
			return
		}
		if len(g) != len(w) {
			r.miss(path+".length", len(g), len(w))
		}
		for i := range min(len(g), len(w)) {
			walk(r, fmt.Sprintf("%s[%d]", path, i), g[i], w[i])
		}
		// Elements missing on one side count as their leaves.
		for i := len(g); i < len(w); i++ {
			r.Fields += leaves(w[i])
		}
	default:
		r.Fields++
		if equal(got, want) {
			r.Exact++
			r.Folded++
		} else if gs, ok := got.(string); ok && fold(gs) == fold(fmt.Sprint(want)) {
			r.Folded++
		} else {
			r.Mismatches = append(r.Mismatches, Mismatch{Path: path, Got: got, Want: want})
		}
	}
}

// BareZero reports whether an indicator's value as written is a zero with
// no unit: a value of only the number 0 and an empty unit column.
func BareZero(value, unit string) bool {
	f, err := strconv.ParseFloat(strings.TrimSpace(value), 64)
	return err == nil && f == 0 && strings.TrimSpace(unit) == ""
}

// bareZeroUnit reports whether the indicator want (with its reading got)
// is a bare zero whose truth target adds a unit the reading leaves out, and
// then counts that unit AsWritten.
func bareZeroUnit(r *Result, path string, want, got map[string]any) bool {
	value, _ := want["value"].(string)
	unit, _ := want["unit"].(string)
	wt, _ := want["target"].(map[string]any)
	gt, _ := got["target"].(map[string]any)
	if !BareZero(value, unit) || wt == nil || gt == nil {
		return false
	}
	wu, _ := wt["unit"].(string)
	if wu == "" || gt["unit"] != "" || !equal(gt["value"], wt["value"]) || wt["kind"] != "numeric" {
		return false
	}
	r.Fields++
	r.AsWritten = append(r.AsWritten, Mismatch{Path: path, Got: "", Want: wu})
	return true
}

// withoutUnit is a truth target without its unit, compared apart.
func withoutUnit(target any) any {
	t, _ := target.(map[string]any)
	out := make(map[string]any, len(t))
	for k, v := range t {
		if k != "unit" {
			out[k] = v
		}
	}
	return out
}

func (r *Result) miss(path string, got, want any) {
	n := leaves(want)
	r.Fields += n
	r.Mismatches = append(r.Mismatches, Mismatch{Path: path, Got: got, Want: want})
}

func leaves(v any) int {
	switch x := v.(type) {
	case map[string]any:
		n := 0
		for _, e := range x {
			n += leaves(e)
		}
		return n
	case []any:
		n := 0
		for _, e := range x {
			n += leaves(e)
		}
		return n
	case nil:
		return 0
	}
	return 1
}

// equal compares JSON leaves; numbers compare by value (90 = 90.0).
func equal(got, want any) bool {
	gn, gok := got.(json.Number)
	wn, wok := want.(json.Number)
	if gok && wok {
		a, ok1 := new(big.Rat).SetString(gn.String())
		b, ok2 := new(big.Rat).SetString(wn.String())
		return ok1 && ok2 && a.Cmp(b) == 0
	}
	return reflect.DeepEqual(got, want)
}

func fold(s string) string { return strings.Join(strings.Fields(s), " ") }

package pipeline

import (
	"errors"
	"reflect"
	"strings"
	"sync"

	"github.com/jixiao/jixiao/report"
)

// restoreEmpty gives back the empty slices gob does not transmit: report/v1
// writes an empty list as [] where a nil one would be null, so every nil
// slice of a field JSON writes without omitempty becomes empty again.
func restoreEmpty(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			restoreEmpty(v.Elem())
		}
	case reflect.Slice:
		if !holdsSlices(v.Type().Elem()) {
			return
		}
		for i := range v.Len() {
			restoreEmpty(v.Index(i))
		}
	case reflect.Struct:
		for _, f := range fieldsOf(v.Type()) {
			fv := v.Field(f.index)
			if f.restore && fv.IsNil() && fv.CanSet() {
				fv.Set(reflect.MakeSlice(fv.Type(), 0, 0))
			}
			if f.descend {
				restoreEmpty(fv)
			}
		}
	}
}

// field is what restoreEmpty does with one field of a struct type.
type field struct {
	index   int
	restore bool // a slice JSON writes even when empty
	descend bool // may hold such slices
}

// plans and holding cache fieldsOf and holdsSlices by type: a report has
// thousands of structs of a dozen types.
var plans, holding sync.Map // reflect.Type → []field, bool

// fieldsOf lists the fields of struct type t that restoreEmpty must visit.
func fieldsOf(t reflect.Type) []field {
	if p, ok := plans.Load(t); ok {
		return p.([]field)
	}
	var fs []field
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		tag := f.Tag.Get("json")
		restore := f.Type.Kind() == reflect.Slice && tag != "-" && !strings.Contains(tag, ",omitempty")
		if descend := holdsSlices(f.Type); restore || descend {
			fs = append(fs, field{i, restore, descend})
		}
	}
	plans.Store(t, fs)
	return fs
}

// holdsSlices tells whether a value of type t may hold a slice field to
// restore; strings, numbers and maps of them never do.
func holdsSlices(t reflect.Type) bool {
	if h, ok := holding.Load(t); ok {
		return h.(bool)
	}
	h := holds(t, map[reflect.Type]bool{})
	holding.Store(t, h)
	return h
}

func holds(t reflect.Type, seen map[reflect.Type]bool) bool {
	if seen[t] {
		return false // a recursive type: answered where it started
	}
	seen[t] = true
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array:
		return holds(t.Elem(), seen)
	case reflect.Interface:
		return true
	case reflect.Struct:
		for i := range t.NumField() {
			f := t.Field(i)
			if f.IsExported() && (f.Type.Kind() == reflect.Slice || holds(f.Type, seen)) {
				return true
			}
		}
	}
	return false
}

// sharedCols carries the indicators' Cols across the process boundary
// once per table: the rows of a table share one map (report.Indicator),
// which gob would send with every row and decode into a map for each,
// a third of what the parent allocates to decode an answer.
type sharedCols struct {
	Maps []map[string]int
	Of   []int32 // for each indicator in eachIndicator's order, its map in Maps; -1 for none
}

// takeCols moves rep's Cols into a sharedCols, leaving them nil.
func takeCols(rep *report.Report) sharedCols {
	var sc sharedCols
	index := map[uintptr]int32{} // a map's identity → its index in Maps
	eachIndicator(rep, func(ind *report.Indicator) {
		i := int32(-1)
		if len(ind.Cols) > 0 { // gob sends no empty map: it arrived nil
			p := reflect.ValueOf(ind.Cols).Pointer()
			var ok bool
			if i, ok = index[p]; !ok {
				i = int32(len(sc.Maps))
				index[p] = i
				sc.Maps = append(sc.Maps, ind.Cols)
			}
		}
		sc.Of = append(sc.Of, i)
		ind.Cols = nil
	})
	return sc
}

// putCols gives rep back the Cols takeCols took, shared again.
func putCols(rep *report.Report, sc sharedCols) error {
	n := 0
	var err error
	eachIndicator(rep, func(ind *report.Indicator) {
		switch {
		case n >= len(sc.Of) || sc.Of[n] >= int32(len(sc.Maps)):
			err = errors.New("the answer holds the columns of fewer indicators than its report")
		case sc.Of[n] >= 0:
			ind.Cols = sc.Maps[sc.Of[n]]
		}
		n++
	})
	return err
}

// eachIndicator calls fn for every indicator of rep, in one order.
func eachIndicator(rep *report.Report, fn func(*report.Indicator)) {
	if rep == nil {
		return
	}
	for i := range rep.DepartmentIndicators {
		fn(&rep.DepartmentIndicators[i])
	}
	for p := range rep.Projects {
		pr := &rep.Projects[p]
		for i := range pr.Indicators {
			fn(&pr.Indicators[i])
		}
		for i := range pr.MidTermIndicators {
			fn(&pr.MidTermIndicators[i])
		}
	}
}

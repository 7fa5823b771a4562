package pipeline

import (
	"reflect"
	"strings"
	"sync"
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

package pipeline

import (
	"reflect"
	"strings"
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
		for i := range v.Len() {
			restoreEmpty(v.Index(i))
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			f, fv := t.Field(i), v.Field(i)
			if !f.IsExported() {
				continue
			}
			tag := f.Tag.Get("json")
			if fv.Kind() == reflect.Slice && fv.IsNil() && tag != "-" && !strings.Contains(tag, ",omitempty") && fv.CanSet() {
				fv.Set(reflect.MakeSlice(f.Type, 0, 0))
			}
			restoreEmpty(fv)
		}
	}
}

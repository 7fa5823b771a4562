package pdf

import (
	"reflect"
	"strconv"
	"strings"

	pdflib "github.com/ledongthuc/pdf"
)

// This file reads two facts that a ledongthuc/pdf Value holds but does not
// export: the object it was resolved from and a stream's offset. Its
// String shows the offset, after formatting the whole dictionary (a
// font's 256 widths each through fmt); reading the fields is the cheap
// way. Should the library's Value change shape, valueLayout says so
// once, and every caller falls back to String, which gives the same
// answers, slower.

// valueLayout holds the field indexes of pdflib.Value{r, ptr, data}, of
// its objptr{id, gen} and of its stream{hdr, ptr, offset}, or ok false
// when they are not as expected.
var valueLayout = func() (l struct {
	ptr, data, id, gen int
	ok                 bool
}) {
	t := reflect.TypeFor[pdflib.Value]()
	p, okp := t.FieldByName("ptr")
	d, okd := t.FieldByName("data")
	if !okp || !okd || p.Type.Kind() != reflect.Struct || d.Type.Kind() != reflect.Interface {
		return l
	}
	id, oki := p.Type.FieldByName("id")
	gen, okg := p.Type.FieldByName("gen")
	if !oki || !okg || id.Type.Kind() != reflect.Uint32 || gen.Type.Kind() != reflect.Uint16 {
		return l
	}
	l.ptr, l.data, l.id, l.gen = p.Index[0], d.Index[0], id.Index[0], gen.Index[0]
	l.ok = true
	return l
}()

// objRef is an object's number and generation.
type objRef struct {
	id  uint32
	gen uint16
}

// valueRef returns the object v was resolved from: v itself when v was
// reached through an indirect reference, else the object holding it.
func valueRef(v pdflib.Value) (objRef, bool) {
	if !valueLayout.ok {
		return objRef{}, false
	}
	p := reflect.ValueOf(v).Field(valueLayout.ptr)
	return objRef{uint32(p.Field(valueLayout.id).Uint()), uint16(p.Field(valueLayout.gen).Uint())}, true
}

// streamOffset returns where the data of stream v starts in the file.
func streamOffset(v pdflib.Value) (int64, bool) {
	if valueLayout.ok {
		if x := reflect.ValueOf(v).Field(valueLayout.data).Elem(); x.Kind() == reflect.Struct {
			if f := x.FieldByName("offset"); f.IsValid() && f.Kind() == reflect.Int64 {
				return f.Int(), true
			}
		}
	}
	s := v.String() // the header, "@", the offset
	at := strings.LastIndexByte(s, '@')
	if at < 0 {
		return 0, false
	}
	off, err := strconv.ParseInt(s[at+1:], 10, 64)
	return off, err == nil
}

// valueKey tells dictionaries apart: by their object where they are one,
// else by what they read as.
type valueKey struct {
	ref objRef
	s   string // v.String(), when ref does not tell
}

// dictKey returns the key of dictionary (or stream) v, reached from
// parent by Key or Index. Two values with one key read the same: the
// same object, or the same text (references to the same objects
// included). A v reached through an indirect reference is the object it
// was resolved from, which costs no formatting; one held directly in
// parent (or a reference back to parent) is told by its text.
func dictKey(parent, v pdflib.Value) valueKey {
	if k := v.Kind(); k == pdflib.Dict || k == pdflib.Stream {
		if ref, ok := valueRef(v); ok {
			if pref, ok := valueRef(parent); ok && pref != ref {
				return valueKey{ref: ref}
			}
		}
	}
	return valueKey{s: v.String()}
}

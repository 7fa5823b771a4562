package pdf

import (
	"errors"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"

	pdflib "github.com/ledongthuc/pdf"

	"github.com/jixiao/jixiao/extract"
)

// Stream limits. A stream that decodes past maxStreamBytes is refused with
// ErrTooLarge: a few kilobytes of deflate can expand to gigabytes.
const (
	maxStreamBytes = 64 << 20
	maxCMapBytes   = 8 << 20
)

// supportedFilters are the stream filters ledongthuc/pdf decodes.
var supportedFilters = map[string]bool{"FlateDecode": true, "ASCII85Decode": true}

// streamFilters returns the filter names of stream v.
func streamFilters(v pdflib.Value) []string {
	f := v.Key("Filter")
	switch f.Kind() {
	case pdflib.Name:
		return []string{f.Name()}
	case pdflib.Array:
		var out []string
		for i := 0; i < f.Len() && i < 16; i++ {
			out = append(out, f.Index(i).Name())
		}
		return out
	}
	return nil
}

// checkFilters refuses a stream whose filters we cannot decode, with an
// error that names the filter, before the library panics on it.
func checkFilters(v pdflib.Value) error {
	for _, name := range streamFilters(v) {
		if !supportedFilters[name] {
			return fmt.Errorf("%w: stream filter %s not supported", extract.ErrMalformed, name)
		}
	}
	// The library allocates a predictor row of /Columns bytes.
	parms := v.Key("DecodeParms")
	for i := 0; i < max(1, parms.Len()) && i < 16; i++ {
		p := parms
		if parms.Kind() == pdflib.Array {
			p = parms.Index(i)
		}
		if c := p.Key("Columns").Int64(); c < 0 || c > maxColumns {
			return fmt.Errorf("%w: a stream predictor of %d columns", extract.ErrTooLarge, c)
		}
	}
	return nil
}

// readStream returns the decoded data of stream v, at most limit bytes.
// A stream cut short (a truncated or corrupt deflate stream) returns what
// could be decoded together with the error.
func readStream(v pdflib.Value, limit int64) (data []byte, err error) {
	defer recoverTo(&err)
	if v.Kind() != pdflib.Stream {
		return nil, fmt.Errorf("%w: not a stream", extract.ErrMalformed)
	}
	if err := checkFilters(v); err != nil {
		return nil, err
	}
	rc := v.Reader()
	defer rc.Close()
	data, err = io.ReadAll(io.LimitReader(rc, limit+1))
	if int64(len(data)) > limit {
		return nil, tooLargeStream(limit)
	}
	if err != nil {
		err = fmt.Errorf("%w: stream: %v", extract.ErrMalformed, err)
	}
	return data, err
}

// tooLargeStream is the error of a stream that decodes to more than limit
// bytes.
func tooLargeStream(limit int64) error {
	return fmt.Errorf("%w: a stream decodes to more than %d MiB", extract.ErrTooLarge, max(limit>>20, 1))
}

// content returns the decoded content stream v, or the streams of array
// v joined, within the limits of one stream and of the document. The data
// goes into buf, whose storage it reuses. A stream that fails to decode
// adds none of its data and ends the content.
func (d *pdfDoc) content(v pdflib.Value, buf []byte) (data []byte, err error) {
	defer recoverTo(&err)
	data = buf[:0]
	parts := []pdflib.Value{v}
	if v.Kind() == pdflib.Array {
		parts = parts[:0]
		for i := 0; i < v.Len() && i < 10000; i++ {
			parts = append(parts, v.Index(i))
		}
	}
	for _, p := range parts {
		if p.Kind() != pdflib.Stream {
			continue
		}
		limit := min(maxStreamBytes, maxContentBytes-d.contentBytes)
		start := len(data)
		var n int
		data, n, err = d.appendStream(data, p, limit)
		d.contentBytes += int64(n)
		if err != nil {
			return data[:start], err
		}
		data = append(data, '\n')
	}
	return data, nil
}

// recoverTo turns a panic, which ledongthuc/pdf uses to report malformed
// input, into an error wrapping ErrMalformed. Our own sentinel errors pass
// through so that a limit raised deep in a callback keeps its meaning.
func recoverTo(err *error) {
	x := recover()
	if x == nil {
		return
	}
	rethrowBug(x)
	if e, ok := x.(error); ok && (errors.Is(e, extract.ErrTooLarge) || errors.Is(e, extract.ErrMalformed) || errors.Is(e, extract.ErrEncrypted)) {
		*err = e
		return
	}
	*err = fmt.Errorf("%w: %v", extract.ErrMalformed, x)
}

// panicOnBug makes recovering functions re-panic on runtime errors (nil
// dereferences, bad indexes), which are bugs rather than bad input, so
// that fuzzing finds them. Tests set it; it is never set in production.
var panicOnBug bool

func rethrowBug(x any) {
	if _, ok := x.(runtime.Error); ok && panicOnBug {
		panic(fmt.Sprintf("%v\n%s", x, debug.Stack()))
	}
}

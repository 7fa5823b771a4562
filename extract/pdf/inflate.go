package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"sync"

	fastzlib "github.com/klauspost/compress/zlib"
	pdflib "github.com/ledongthuc/pdf"

	"github.com/jixiao/jixiao/extract"
)

// This file decodes the streams that most files are made of, Flate or
// unfiltered, in an unencrypted file held in memory, without the
// library's stream reader: that one makes a new zlib reader (with its
// 32 KiB window) for every stream and grows a new buffer for its data,
// where a reader of hundreds of pages a second wants to reuse both. The
// bytes decoded are the same: a stream is inflated first by
// klauspost/compress, whose decoder reads a bytes.Reader without an
// interface call per byte; a stream it reads whole, checksum and all, is
// the one sequence of bytes Deflate gives it. Any other outcome (a stream
// cut short, corrupt, or too large) is read again by the stdlib
// decompressor the library uses, so that the bytes and the error (which
// names an input offset, read ahead differently by the two) are the
// library's. Every other stream goes to readStream.

// zlibReader is a pair of zlib readers kept for reuse, with the
// bytes.Reader they read from.
type zlibReader struct {
	src  bytes.Reader
	fast io.ReadCloser // klauspost/compress; nil until the first stream with a valid header
	std  io.ReadCloser // compress/zlib, for the streams fast does not read whole
}

var zlibPool = sync.Pool{New: func() any { return new(zlibReader) }}

// inflate appends to dst the data of zlib stream raw, at most limit+1
// bytes of it, read by the stdlib reader if std is set, else by the fast
// one. A header that is not zlib's is headerErr, with nothing appended.
func (z *zlibReader) inflate(dst, raw []byte, limit int64, std bool) (out []byte, headerErr, err error) {
	z.src.Reset(raw)
	zr := &z.fast
	if std {
		zr = &z.std
	}
	switch {
	case *zr != nil:
		headerErr = (*zr).(zlib.Resetter).Reset(&z.src, nil)
	case std:
		*zr, headerErr = zlib.NewReader(&z.src)
	default:
		*zr, headerErr = fastzlib.NewReader(&z.src)
	}
	if headerErr != nil {
		return dst, headerErr, nil
	}
	out, err = readAllAppend(dst, io.LimitReader(*zr, limit+1))
	return out, nil, err
}

// streamFunc reads the decoded data of a stream, at most limit bytes, as
// readStream does.
type streamFunc func(v pdflib.Value, limit int64) ([]byte, error)

// rawStream returns the bytes of stream v as they are in the file and
// whether v is one this file decodes itself: Flate with no predictor, or
// no filter, in a file the library does not decrypt, with filters that
// checkFilters lets pass. The library finds the data at the stream's
// offset, for as many bytes as /Length says.
func (d *pdfDoc) rawStream(v pdflib.Value) (raw []byte, flate, ok bool) {
	defer func() {
		if recover() != nil { // readStream meets it again, and reports it
			raw, flate, ok = nil, false, false
		}
	}()
	if d.raw == nil || v.Kind() != pdflib.Stream || checkFilters(v) != nil {
		return nil, false, false
	}
	off, found := streamOffset(v)
	n := v.Key("Length").Int64()
	if !found || off < int64(len(patchedHeader)) || off > int64(len(d.raw)) || n < 0 {
		return nil, false, false
	}
	if n == 0 { // the library reads an empty stream as empty, whatever its filter
		return []byte{}, false, true
	}
	raw = d.raw[off:min(off+n, int64(len(d.raw)))]
	switch f := v.Key("Filter"); {
	case f.Kind() == pdflib.Null:
		return raw, false, true
	case f.Kind() == pdflib.Name && f.Name() == "FlateDecode" && v.Key("DecodeParms").Key("Predictor").Kind() == pdflib.Null:
		return raw, true, true
	}
	return nil, false, false
}

// appendStream appends the decoded data of stream v to dst, at most limit
// bytes of it, as readStream reads it, and returns dst and the number of
// bytes appended. A stream cut short appends what could be decoded, with
// the error.
func (d *pdfDoc) appendStream(dst []byte, v pdflib.Value, limit int64) (out []byte, n int, err error) {
	raw, flate, ok := d.rawStream(v)
	if !ok {
		b, err := readStream(v, limit)
		return append(dst, b...), len(b), err
	}
	start := len(dst)
	if !flate {
		if int64(len(raw)) > limit {
			return dst, 0, tooLargeStream(limit)
		}
		return append(dst, raw...), len(raw), nil
	}
	z := zlibPool.Get().(*zlibReader)
	defer func() {
		z.src.Reset(nil) // hold on to no file
		zlibPool.Put(z)
	}()
	out, headerErr, err := z.inflate(dst, raw, limit, false)
	if headerErr != nil || err != nil || int64(len(out)-start) > limit {
		out, headerErr, err = z.inflate(out[:start], raw, limit, true)
	}
	if headerErr != nil { // the library panics with the error, readStream reports it so
		return dst, 0, fmt.Errorf("%w: %v", extract.ErrMalformed, headerErr)
	}
	if n = len(out) - start; int64(n) > limit {
		return out[:start], 0, tooLargeStream(limit)
	}
	if err != nil {
		err = fmt.Errorf("%w: stream: %v", extract.ErrMalformed, err)
	}
	return out, n, err
}

// readAllAppend is io.ReadAll appending to b.
func readAllAppend(b []byte, r io.Reader) ([]byte, error) {
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err != nil {
			if err == io.EOF {
				err = nil
			}
			return b, err
		}
	}
}

// scratchStream reads stream v, as readStream does, into the document's
// scratch buffer: the data is the caller's until the next call.
func (d *pdfDoc) scratchStream(v pdflib.Value, limit int64) (data []byte, err error) {
	defer recoverTo(&err)
	data, _, err = d.appendStream(d.scratch[:0], v, limit)
	if cap(data) <= maxScratch {
		d.scratch = data[:0]
	}
	return data, err
}

// maxScratch is the largest buffer a document keeps for reuse.
const maxScratch = 8 << 20

package docx

import (
	"io"
	"sync"

	"github.com/klauspost/compress/flate"
)

// inflaters keeps klauspost/compress's flate readers, each with its
// 32 KiB window, from one part to the next.
var inflaters sync.Pool

// newInflater is the zip decompressor of Deflate that Read prefers: a
// pooled klauspost/compress reader of r, back in the pool once closed.
func newInflater(r io.Reader) io.ReadCloser {
	fr, ok := inflaters.Get().(io.ReadCloser)
	if !ok {
		return &inflater{flate.NewReader(r)}
	}
	fr.(flate.Resetter).Reset(r, nil)
	return &inflater{fr}
}

// inflater is a pooled flate reader until closed.
type inflater struct{ fr io.ReadCloser }

func (z *inflater) Read(b []byte) (int, error) {
	if z.fr == nil {
		return 0, io.ErrClosedPipe
	}
	return z.fr.Read(b)
}

func (z *inflater) Close() error {
	if z.fr == nil {
		return nil
	}
	err := z.fr.Close()
	inflaters.Put(z.fr)
	z.fr = nil
	return err
}

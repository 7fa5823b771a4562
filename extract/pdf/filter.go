package pdf

import (
	"bytes"
	"compress/zlib"
	"encoding/ascii85"
	"fmt"
	"io"

	"github.com/jixiao/jixiao/extract"
)

// Stream filters decoded by our own code, for what ledongthuc/pdf lacks:
// LZWDecode and RunLengthDecode (the library panics on them), and the
// decoding the guard and the rebuild need before the library is called.
// Every decoder stops at limit bytes of output and says so.

// decodeFilter decodes data by the named filter with its parameters parms
// (nil for none), to at most limit bytes.
func decodeFilter(name string, parms *pdfVal, data []byte, limit int) ([]byte, error) {
	var out []byte
	var err error
	switch name {
	case "FlateDecode", "Fl":
		out, err = inflateAll(data, limit)
	case "LZWDecode", "LZW":
		early := 1
		if e := parms.key("EarlyChange"); e != nil && e.kind == pdfNum {
			early = int(e.num)
		}
		out, err = lzwDecode(data, early != 0, limit)
	case "RunLengthDecode", "RL":
		out, err = runLengthDecode(data, limit)
	case "ASCIIHexDecode", "AHx":
		l := &psLexer{b: append(append([]byte{}, data...), '>')}
		out = []byte(l.hexString().s)
	case "ASCII85Decode", "A85":
		out, err = ascii85Decode(data)
	default:
		return nil, fmt.Errorf("%w: stream filter %s not supported", extract.ErrMalformed, name)
	}
	if err != nil {
		return out, err
	}
	if len(out) > limit {
		return nil, tooLargeStream(int64(limit))
	}
	if name == "FlateDecode" || name == "Fl" || name == "LZWDecode" || name == "LZW" {
		return unpredict(out, parms)
	}
	return out, nil
}

// inflateAll decodes zlib data to at most limit+1 bytes; a stream cut
// short gives what it had.
func inflateAll(data []byte, limit int) ([]byte, error) {
	zr, err := zlib.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: flate: %v", extract.ErrMalformed, err)
	}
	out, err := io.ReadAll(io.LimitReader(zr, int64(limit)+1))
	if err != nil && len(out) == 0 {
		return nil, fmt.Errorf("%w: flate: %v", extract.ErrMalformed, err)
	}
	return out, nil
}

// lzwDecode decodes PDF's LZW: codes of 9 to 12 bits, most significant
// bit first, 256 clears the table and 257 ends the data. With early set
// (EarlyChange 1, the default) the code width grows one code before the
// table fills, as TIFF does; compress/lzw grows it when the table is full
// and so reads the default wrongly.
func lzwDecode(data []byte, early bool, limit int) ([]byte, error) {
	const clear, eod = 256, 257
	var (
		out    []byte
		prefix [4096]uint16
		suffix [4096]byte
		first  [4096]byte // the first byte of each code's string
		length [4096]int
		buf    []byte
	)
	for i := range 256 {
		suffix[i], first[i], length[i] = byte(i), byte(i), 1
	}
	next, width, prev := 258, 9, -1
	var acc uint32
	bits := 0
	expand := func(code int) []byte {
		buf = buf[:0]
		for n := length[code]; n > 0; n-- {
			buf = append(buf, suffix[code])
			code = int(prefix[code])
		}
		for i, j := 0, len(buf)-1; i < j; i, j = i+1, j-1 {
			buf[i], buf[j] = buf[j], buf[i]
		}
		return buf
	}
	for _, c := range data {
		acc = acc<<8 | uint32(c)
		bits += 8
		for bits >= width {
			code := int(acc>>(bits-width)) & (1<<width - 1)
			bits -= width
			switch {
			case code == clear:
				next, width, prev = 258, 9, -1
				continue
			case code == eod:
				return out, nil
			case prev < 0:
				if code > 255 {
					return out, fmt.Errorf("%w: lzw: bad code %d", extract.ErrMalformed, code)
				}
				out = append(out, byte(code))
			case code < next:
				out = append(out, expand(code)...)
				if next < 4096 {
					prefix[next], suffix[next], first[next], length[next] = uint16(prev), first[code], first[prev], length[prev]+1
					next++
				}
			case code == next && next < 4096:
				prefix[next], suffix[next], first[next], length[next] = uint16(prev), first[prev], first[prev], length[prev]+1
				next++
				out = append(out, expand(code)...)
			default:
				return out, fmt.Errorf("%w: lzw: bad code %d", extract.ErrMalformed, code)
			}
			prev = code
			if len(out) > limit {
				return nil, tooLargeStream(int64(limit))
			}
			grow := next
			if early {
				grow++
			}
			if grow >= 1<<width && width < 12 {
				width++
			}
		}
	}
	return out, nil
}

// runLengthDecode decodes RunLengthDecode: a length byte n, then n+1
// bytes copied (n < 128) or one byte repeated 257-n times (n > 128); 128
// ends the data.
func runLengthDecode(data []byte, limit int) ([]byte, error) {
	var out []byte
	for i := 0; i < len(data); {
		n := int(data[i])
		i++
		switch {
		case n == 128:
			return out, nil
		case n < 128:
			end := min(len(data), i+n+1)
			out = append(out, data[i:end]...)
			i = end
		default:
			if i < len(data) {
				out = append(out, bytes.Repeat(data[i:i+1], 257-n)...)
			}
			i++
		}
		if len(out) > limit {
			return nil, tooLargeStream(int64(limit))
		}
	}
	return out, nil
}

// ascii85Decode decodes ASCII85Decode data, which ends at "~>".
func ascii85Decode(data []byte) ([]byte, error) {
	data = bytes.TrimPrefix(bytes.TrimLeft(data, " \t\r\n\f\x00"), []byte("<~"))
	if i := bytes.Index(data, []byte("~>")); i >= 0 {
		data = data[:i]
	}
	out := make([]byte, 4*len(data)/5+8)
	n, _, err := ascii85.Decode(out, data, true)
	if err != nil {
		return out[:n], fmt.Errorf("%w: ascii85: %v", extract.ErrMalformed, err)
	}
	return out[:n], nil
}

// unpredict undoes the PNG predictors (Predictor 10 to 15) that the
// parameters name; TIFF's Predictor 2 is left in place, as no text
// stream uses it.
func unpredict(data []byte, parms *pdfVal) ([]byte, error) {
	p := parms.key("Predictor")
	if p == nil || p.kind != pdfNum || p.num < 10 {
		return data, nil
	}
	cols, colors, bpc := 1, 1, 8
	if v := parms.key("Columns"); v != nil && v.kind == pdfNum {
		cols = int(v.num)
	}
	if v := parms.key("Colors"); v != nil && v.kind == pdfNum {
		colors = int(v.num)
	}
	if v := parms.key("BitsPerComponent"); v != nil && v.kind == pdfNum {
		bpc = int(v.num)
	}
	if cols < 1 || cols > maxColumns || colors < 1 || colors > 32 || bpc < 1 || bpc > 16 {
		return nil, fmt.Errorf("%w: a stream predictor of %d columns", extract.ErrMalformed, cols)
	}
	bpp := max(1, colors*bpc/8)
	row := (cols*colors*bpc + 7) / 8
	prev := make([]byte, row)
	out := make([]byte, 0, len(data)/(row+1)*row)
	for i := 0; i+1 < len(data); i += row + 1 {
		kind := data[i]
		cur := append([]byte{}, data[i+1:min(len(data), i+1+row)]...)
		for len(cur) < row {
			cur = append(cur, 0)
		}
		for j := range cur {
			var left, upLeft byte
			if j >= bpp {
				left, upLeft = cur[j-bpp], prev[j-bpp]
			}
			switch kind {
			case 1:
				cur[j] += left
			case 2:
				cur[j] += prev[j]
			case 3:
				cur[j] += byte((int(left) + int(prev[j])) / 2)
			case 4:
				cur[j] += paeth(left, prev[j], upLeft)
			}
		}
		out = append(out, cur...)
		prev = cur
	}
	return out, nil
}

func paeth(a, b, c byte) byte {
	p := int(a) + int(b) - int(c)
	pa, pb, pc := abs(p-int(a)), abs(p-int(b)), abs(p-int(c))
	switch {
	case pa <= pb && pa <= pc:
		return a
	case pb <= pc:
		return b
	}
	return c
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

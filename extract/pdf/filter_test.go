package pdf

import (
	"bytes"
	"testing"
)

// TestLZWSpecExample decodes the example of ISO 32000-1, 7.4.4.2, written
// with the default EarlyChange 1.
func TestLZWSpecExample(t *testing.T) {
	got, err := lzwDecode([]byte("\x80\x0b\x60\x50\x22\x0c\x0c\x85\x01"), true, 1<<20)
	if err != nil || string(got) != "-----A---B" {
		t.Fatalf("got %q, %v", got, err)
	}
}

func TestRunLengthDecode(t *testing.T) {
	got, err := runLengthDecode([]byte("\x02abc\xfdx\x00y\x80\x01zz"), 1<<20)
	if err != nil || string(got) != "abcxxxxy" {
		t.Fatalf("got %q, %v", got, err)
	}
	if _, err := runLengthDecode(bytes.Repeat([]byte("\x81x"), 1000), 1000); !isLimit(err) {
		t.Errorf("error %v, want the limit", err)
	}
}

// TestLZWTIFF decodes data that libtiff compressed (TIFF's LZW grows its
// codes early, as PDF's EarlyChange 1 does): 32 KB of content-stream text,
// enough to fill the table and clear it.
func TestLZWTIFF(t *testing.T) {
	enc, want := fixture(t, "lzw-tiff.bin"), fixture(t, "lzw-plain.txt")
	got, err := lzwDecode(enc, true, 1<<20)
	if err != nil || !bytes.Equal(got, want) {
		t.Fatalf("decoded %d bytes (%v), want %d", len(got), err, len(want))
	}
}

// lzwEncode compresses data as PDF's LZW does, clearing the table when it
// fills, for tests.
func lzwEncode(data []byte, early bool) []byte {
	var out []byte
	var acc uint32
	bits, width := 0, 9
	put := func(code int) {
		acc = acc<<width | uint32(code)
		bits += width
		for bits >= 8 {
			out = append(out, byte(acc>>(bits-8)))
			bits -= 8
		}
	}
	table := map[string]int{}
	next := 258
	reset := func() {
		clear(table)
		next, width = 258, 9
	}
	put(256)
	w := ""
	for _, c := range data {
		wc := w + string([]byte{c})
		if _, ok := table[wc]; ok || len(wc) == 1 {
			w = wc
			continue
		}
		put(code(table, w))
		table[wc] = next
		next++
		grow := next
		if early {
			grow++
		}
		if grow > 1<<width && width < 12 {
			width++
		}
		if next >= 4094 {
			put(256)
			reset()
		}
		w = string([]byte{c})
	}
	if w != "" {
		put(code(table, w))
	}
	put(257)
	if bits > 0 {
		out = append(out, byte(acc<<(8-bits)))
	}
	return out
}

func code(table map[string]int, w string) int {
	if len(w) == 1 {
		return int(w[0])
	}
	return table[w]
}

// runLengthEncode writes data as literal runs, for tests.
func runLengthEncode(data []byte) []byte {
	var out []byte
	for len(data) > 0 {
		n := min(len(data), 128)
		out = append(out, byte(n-1))
		out = append(out, data[:n]...)
		data = data[n:]
	}
	return append(out, 128)
}

// TestLZWRoundTrip checks lzwEncode against the decoder that TestLZWTIFF
// checks against libtiff, for both code-width rules, on data long enough
// to clear the table several times.
func TestLZWRoundTrip(t *testing.T) {
	plain := fixture(t, "lzw-plain.txt")
	plain = append(plain, bytes.Repeat([]byte{0, 1, 2, 255}, 5000)...)
	for _, early := range []bool{true, false} {
		got, err := lzwDecode(lzwEncode(plain, early), early, 1<<20)
		if err != nil || !bytes.Equal(got, plain) {
			t.Errorf("early %v: decoded %d bytes (%v), want %d", early, len(got), err, len(plain))
		}
	}
	if enc := lzwEncode(plain, true); bytes.Equal(enc, lzwEncode(plain, false)) {
		t.Error("the two code-width rules encode alike: the test cannot tell them apart")
	}
	if _, err := lzwDecode(lzwEncode(plain, true), true, 1000); !isLimit(err) {
		t.Errorf("error %v, want the limit", err)
	}
}

package pdf

import (
	"bytes"
	"image"
	"image/jpeg"
	"testing"
)

// TestDecodeImageBad: page images that lie about their size, or use a
// filter OCR cannot read, are refused with an error, never a panic or a
// huge allocation.
func TestDecodeImageBad(t *testing.T) {
	var j bytes.Buffer
	jpeg.Encode(&j, image.NewGray(image.Rect(0, 0, 8, 8)), nil)
	huge := append([]byte(nil), j.Bytes()...)
	// The SOF0 segment's height and width: 0xFFFF × 0xFFFF.
	if i := bytes.Index(huge, []byte{0xFF, 0xC0}); i > 0 {
		copy(huge[i+5:], []byte{0xFF, 0xFF, 0xFF, 0xFF})
	}
	for _, tc := range []struct {
		name, dict string
		data       []byte
	}{
		{"huge jpeg", "<< /Subtype /Image /Width 8 /Height 8 /Filter /DCTDecode >>", huge},
		{"huge dict", "<< /Subtype /Image /Width 100000 /Height 100000 /Filter /DCTDecode >>", j.Bytes()},
		{"jpx", "<< /Subtype /Image /Width 8 /Height 8 /Filter /JPXDecode >>", []byte("x")},
		{"short flate", "<< /Subtype /Image /Width 8 /Height 8 /BitsPerComponent 8 /Filter /FlateDecode >>", []byte{0x78, 0x9c, 0x03, 0x00}},
		{"garbage jpeg", "<< /Subtype /Image /Width 8 /Height 8 /Filter /DCTDecode >>", []byte("not a jpeg")},
	} {
		l := &psLexer{b: []byte(tc.dict)}
		o := &rawObject{val: parseValue(l, 0), stream: tc.data}
		if img, err := decodeImage(o); err == nil {
			t.Errorf("%s: decoded %v, want an error", tc.name, img.Bounds())
		}
	}
}

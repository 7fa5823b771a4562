package pdf_test

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"testing"

	"github.com/jixiao/jixiao/extract"
)

// TestOCRStarted: OCROptions.Started is called once as the recognition of
// a scan begins (OCR parts installed or not), and never for a file with a
// text layer, so that the pipeline gives only scans the longer time limit.
func TestOCRStarted(t *testing.T) {
	m := image.NewRGBA(image.Rect(0, 0, 40, 40))
	for i := range m.Pix {
		m.Pix[i] = 255
	}
	m.Set(20, 20, color.Black)
	var j bytes.Buffer
	if err := jpeg.Encode(&j, m, nil); err != nil {
		t.Fatal(err)
	}
	scan := imagePDF([][]byte{j.Bytes()}, [][2]int{{40, 40}}, 72)
	text, err := os.ReadFile("../../testdata/seed/seed.pdf")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		data []byte
		want int
	}{{"scan.pdf", scan, 1}, {"seed.pdf", text, 0}} {
		n := 0
		o := extract.Options{OCR: extract.OCROptions{Mode: extract.OCRAuto, Dir: t.TempDir(), Started: func() { n++ }}}
		o.Read(bytes.NewReader(tt.data), int64(len(tt.data)), tt.name) // the scan fails without OCR parts
		if n != tt.want {
			t.Errorf("%s: Started called %d times, want %d", tt.name, n, tt.want)
		}
	}
}

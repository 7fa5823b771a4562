package main

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// scanFile writes a one-page PDF holding only a JPEG image: a scan.
func scanFile(t *testing.T) string {
	img := image.NewGray(image.Rect(0, 0, 200, 260))
	for i := range img.Pix {
		img.Pix[i] = 255
	}
	for x := 20; x < 180; x++ {
		img.SetGray(x, 40, color.Gray{})
	}
	var j bytes.Buffer
	if err := jpeg.Encode(&j, img, nil); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	var offs []int
	obj := func(s string, stream []byte) {
		offs = append(offs, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\n", len(offs), s)
		if stream != nil {
			b.WriteString("stream\n")
			b.Write(stream)
			b.WriteString("\nendstream\n")
		}
		b.WriteString("endobj\n")
	}
	b.WriteString("%PDF-1.4\n")
	obj("<< /Type /Catalog /Pages 2 0 R >>", nil)
	obj("<< /Type /Pages /Kids [3 0 R] /Count 1 >>", nil)
	obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 144 187.2] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>", nil)
	obj(fmt.Sprintf("<< /Type /XObject /Subtype /Image /Width 200 /Height 260 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length %d >>", j.Len()), j.Bytes())
	content := "q 144 0 0 187.2 0 0 cm /Im0 Do Q"
	obj(fmt.Sprintf("<< /Length %d >>", len(content)), []byte(content))
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offs)+1, xref)
	path := filepath.Join(t.TempDir(), "scan.pdf")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestOCRFlags: --ocr takes off, auto or force only; without the OCR
// parts a scan is refused, the reason naming make ocr.
func TestOCRFlags(t *testing.T) {
	if status, _, stderr := runCmd("check", "--ocr=maybe", seed("seed.docx")); status != 2 || !strings.Contains(stderr, "ocr") {
		t.Errorf("--ocr=maybe: status %d, stderr %q; want 2 and a word on --ocr", status, stderr)
	}
	scan := scanFile(t)
	t.Setenv("JIXIAO_OCR_DIR", filepath.Join(t.TempDir(), "none"))
	for _, mode := range []string{"off", "auto"} {
		status, stdout, stderr := runCmd("check", "--ocr="+mode, scan)
		out := stdout + stderr
		if status != 1 || !strings.Contains(out, "扫描件") {
			t.Errorf("--ocr=%s: status %d, output %q; want 1 and the scan refused", mode, status, out)
		}
		if mode == "auto" && !strings.Contains(out, "make ocr") {
			t.Errorf("--ocr=auto without the parts: %q does not name make ocr", out)
		}
	}
}

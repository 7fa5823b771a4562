package pdf_test

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"testing"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/internal/truth"
)

// Scans made by the tests: bench PDFs rendered by pdftoppm, optionally
// stamped with a red seal and turned a little, saved as JPEG quality 75
// and wrapped back into a PDF of one image per page, as a scanner writes.

// scanOpts describe one way of scanning.
type scanOpts struct {
	dpi    int
	stamp  bool    // a red round seal over the unit line and part of a table
	rotate float64 // degrees, counter-clockwise
}

// ocrDir returns the folder of the OCR parts, or skips the test.
func ocrDir(tb testing.TB) string {
	dir := os.Getenv("JIXIAO_OCR_DIR")
	if dir == "" {
		dir = filepath.Join("..", "..", "third_party", "ocr")
	}
	abs, _ := filepath.Abs(dir)
	if _, err := os.Stat(filepath.Join(abs, "node_modules", "@gutenye", "ocr-models")); err != nil {
		tb.Skipf("OCR models not installed in %s (run make ocr, or set JIXIAO_OCR_DIR)", abs)
	}
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		tb.Skip("pdftoppm not installed (poppler-utils)")
	}
	return abs
}

// scanPDF renders src as a scan and returns the PDF's bytes.
func scanPDF(tb testing.TB, src string, o scanOpts) []byte {
	tb.Helper()
	tmp := tb.TempDir()
	out, err := exec.Command("pdftoppm", "-r", fmt.Sprint(o.dpi), "-png", src, filepath.Join(tmp, "p")).CombinedOutput()
	if err != nil {
		tb.Fatalf("pdftoppm %s: %v: %s", src, err, out)
	}
	names, _ := filepath.Glob(filepath.Join(tmp, "p-*.png"))
	sort.Strings(names)
	var pages [][]byte
	var sizes [][2]int
	for i, n := range names {
		f, err := os.Open(n)
		if err != nil {
			tb.Fatal(err)
		}
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			tb.Fatal(err)
		}
		rgba := image.NewRGBA(img.Bounds())
		draw.Draw(rgba, rgba.Bounds(), img, img.Bounds().Min, draw.Src)
		if o.stamp && i == 0 {
			drawSeal(rgba, o.dpi)
		}
		var m image.Image = rgba
		if o.rotate != 0 {
			m = rotateRGBA(rgba, o.rotate)
		}
		var jb bytes.Buffer
		if err := jpeg.Encode(&jb, m, &jpeg.Options{Quality: 75}); err != nil {
			tb.Fatal(err)
		}
		pages = append(pages, jb.Bytes())
		sizes = append(sizes, [2]int{m.Bounds().Dx(), m.Bounds().Dy()})
	}
	return imagePDF(pages, sizes, o.dpi)
}

// drawSeal draws a red ring with a star and a band of "text" (strokes) in
// it, 42 mm across, over the upper part of the page where the unit line
// and the first table are.
func drawSeal(m *image.RGBA, dpi int) {
	red := color.RGBA{220, 30, 40, 255}
	r := 21.0 / 25.4 * float64(dpi)
	cx, cy := float64(m.Bounds().Dx())*0.62, float64(m.Bounds().Dy())*0.2
	for y := int(cy - r - 5); y < int(cy+r+5); y++ {
		for x := int(cx - r - 5); x < int(cx+r+5); x++ {
			d := math.Hypot(float64(x)-cx, float64(y)-cy)
			a := math.Atan2(float64(y)-cy, float64(x)-cx)
			ring := d > r-0.06*r && d < r
			// Characters around the ring: short radial strokes.
			text := d > 0.62*r && d < 0.85*r && math.Mod(a*12/math.Pi+12, 1) < 0.3 && a < 0
			star := d < 0.25*r && math.Abs(math.Sin(5*a/2))*d < 0.08*r
			if ring || text || star {
				// Ink over print, as a seal's is: multiply.
				o := m.RGBAAt(x, y)
				m.SetRGBA(x, y, color.RGBA{uint8(int(o.R) * int(red.R) / 255), uint8(int(o.G) * int(red.G) / 255), uint8(int(o.B) * int(red.B) / 255), 255})
			}
		}
	}
}

// rotateRGBA turns m by deg about its centre, white outside.
func rotateRGBA(m *image.RGBA, deg float64) *image.RGBA {
	out := image.NewRGBA(m.Bounds())
	w, h := m.Bounds().Dx(), m.Bounds().Dy()
	sin, cos := math.Sincos(deg * math.Pi / 180)
	cx, cy := float64(w)/2, float64(h)/2
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			dx, dy := float64(x)-cx, float64(y)-cy
			sx, sy := int(cx+dx*cos-dy*sin+0.5), int(cy+dx*sin+dy*cos+0.5)
			if sx < 0 || sy < 0 || sx >= w || sy >= h {
				out.SetRGBA(x, y, color.RGBA{255, 255, 255, 255})
				continue
			}
			out.SetRGBA(x, y, m.RGBAAt(sx, sy))
		}
	}
	return out
}

// imagePDF writes a PDF of one JPEG image per page, each filling a page
// of its size at dpi.
func imagePDF(jpegs [][]byte, sizes [][2]int, dpi int) []byte {
	var b bytes.Buffer
	var offs []int
	obj := func(body string, stream []byte) {
		offs = append(offs, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\n", len(offs), body)
		if stream != nil {
			b.WriteString("stream\n")
			b.Write(stream)
			b.WriteString("\nendstream\n")
		}
		b.WriteString("endobj\n")
	}
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	kids := ""
	for i := range jpegs {
		kids += fmt.Sprintf("%d 0 R ", 3+3*i)
	}
	obj("<< /Type /Catalog /Pages 2 0 R >>", nil)
	obj(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", kids, len(jpegs)), nil)
	for i, j := range jpegs {
		w, h := float64(sizes[i][0])*72/float64(dpi), float64(sizes[i][1])*72/float64(dpi)
		obj(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Resources << /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>", w, h, 4+3*i, 5+3*i), nil)
		obj(fmt.Sprintf("<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length %d >>", sizes[i][0], sizes[i][1], len(j)), j)
		content := fmt.Sprintf("q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q", w, h)
		obj(fmt.Sprintf("<< /Length %d >>", len(content)), []byte(content))
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offs)+1, xref)
	return b.Bytes()
}

// readScan reads a scan with OCR on.
func readScan(tb testing.TB, data []byte, name, dir string) *extract.Document {
	tb.Helper()
	doc, err := extract.Options{OCR: extract.OCROptions{Mode: extract.OCRAuto, Dir: dir}}.Read(bytes.NewReader(data), int64(len(data)), name)
	if err != nil {
		tb.Fatalf("%s: %v", name, err)
	}
	return doc
}

// TestOCRScanTable reads a 300 dpi scan of a bench report and checks a
// table came out as the vector reader builds it: grid, spans and text.
func TestOCRScanTable(t *testing.T) {
	dir := ocrDir(t)
	bench, err := truth.BenchCorpus()
	if err != nil {
		t.Skip(err)
	}
	data := scanPDF(t, filepath.Join(bench, "r0000-hebei.pdf"), scanOpts{dpi: 300})
	doc := readScan(t, data, "r0000.pdf", dir)
	if !doc.OCR || doc.Pages != 4 {
		t.Fatalf("OCR %v, pages %d; want true, 4", doc.OCR, doc.Pages)
	}
	var tables []*extract.Table
	for _, b := range doc.Blocks {
		if b.Table != nil {
			tables = append(tables, b.Table)
		}
	}
	if len(tables) < 2 {
		t.Fatalf("%d tables, want at least 2", len(tables))
	}
	t1, t2 := tables[0], tables[1]
	check := func(tb *extract.Table, r, c int, want string, rowSpan, colSpan int) {
		cell := tb.At(r, c)
		if cell == nil || cell.Text != want || cell.RowSpan != rowSpan || cell.ColSpan != colSpan {
			t.Errorf("table %d r%d c%d: %+v, want %q %dx%d", tb.Pos.Table, r, c, cell, want, rowSpan, colSpan)
			return
		}
		if cell.Pos.Confidence <= 0.5 || cell.Pos.Confidence > 1 || cell.Pos.BBox.X1 <= cell.Pos.BBox.X0 {
			t.Errorf("table %d r%d c%d: confidence %v, box %v", tb.Pos.Table, r, c, cell.Pos.Confidence, cell.Pos.BBox)
		}
	}
	check(t1, 1, 1, "项目编码", 1, 1)
	check(t1, 1, 2, "13073025P331020807702", 1, 2)
	check(t1, 2, 1, "预算规模及资金用途", 2, 1)
	check(t1, 2, 3, "86.29", 1, 1)
	check(t1, 5, 7, "100%", 1, 1)
	check(t2, 2, 1, "产出指标", 4, 1)
	check(t2, 2, 5, "≥4辆", 1, 1)
	check(t2, 5, 5, "≤52.3万元", 1, 1)
}

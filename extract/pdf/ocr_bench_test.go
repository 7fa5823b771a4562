package pdf_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/internal/truth"
)

// BenchmarkOCR reads a 4-page 300 dpi scan of a bench report by OCR and
// reports pages per second and the process's peak resident memory (Linux
// VmHWM, which includes ONNX Runtime's own allocations).
func BenchmarkOCR(b *testing.B) {
	dir := ocrDir(b)
	bench, err := truth.BenchCorpus()
	if err != nil {
		b.Skip(err)
	}
	data := scanPDF(b, filepath.Join(bench, "r0000-hebei.pdf"), scanOpts{dpi: 300})
	opt := extract.Options{OCR: extract.OCROptions{Mode: extract.OCRAuto, Dir: dir}}
	if _, err := opt.Read(bytes.NewReader(data), int64(len(data)), "scan.pdf"); err != nil {
		b.Fatal(err) // loads the model outside the timing
	}
	b.ResetTimer()
	pages := 0
	for i := 0; i < b.N; i++ {
		doc, err := opt.Read(bytes.NewReader(data), int64(len(data)), "scan.pdf")
		if err != nil {
			b.Fatal(err)
		}
		pages += doc.Pages
	}
	b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
	if hwm := peakRSS(); hwm > 0 {
		b.ReportMetric(float64(hwm)/(1<<20), "peak-RSS-MB")
	}
}

// peakRSS is VmHWM of this process in bytes, 0 where unknown.
func peakRSS() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return kb << 10
		}
	}
	return 0
}

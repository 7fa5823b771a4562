package output

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/corpus"
	"github.com/xuri/excelize/v2"
)

// hostile holds text cells a department could type to run a formula in
// the reviewer's spreadsheet, and the plain values next to them.
var hostile = []struct {
	cell    any
	csv     string // as the CSV must hold it
	guarded bool   // a formula-like text cell
}{
	{"=1+1", "'=1+1", true},
	{"+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0", true},
	{"-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0", true},
	{"@SUM(A1:A9)", "'@SUM(A1:A9)", true},
	{"\t=1", "'\t=1", true},
	{"\r=1", "'\r=1", true},
	{`=HYPERLINK("http://x.invalid","点击")`, `'=HYPERLINK("http://x.invalid","点击")`, true},
	{"-5", "-5", false},
	{"+3.5%", "+3.5%", false},
	{"-0.25", "-0.25", false},
	{"-", "-", false},
	{"--1", "'--1", true},
	{"-1-1", "'-1-1", true},
	{"满意度≥95%", "满意度≥95%", false},
	{int64(-5), "-5", false},
	{-2.5, "-2.5", false},
}

func hostileTable() *corpus.Table {
	t := &corpus.Table{Name: "注入", Columns: []corpus.Column{{Key: "v", Title: "值"}}}
	for _, h := range hostile {
		t.Rows = append(t.Rows, []any{h.cell})
	}
	return t
}

func TestCSVFormulaInjection(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, hostileTable(), "csv"); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(b.String(), "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for i, h := range hostile {
		// encoding/csv reads \r\n inside quotes as \n; a lone \r at the
		// start of a field is quoted, and comes back as \n.
		got := strings.ReplaceAll(recs[i+1][0], "\n", "\r")
		if got != h.csv {
			t.Errorf("csv cell %q = %q, want %q", h.cell, got, h.csv)
		}
	}
}

func TestXLSXFormulaInjection(t *testing.T) {
	var b bytes.Buffer
	if err := WriteXLSX(&b, hostileTable()); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for i, h := range hostile {
		ref := fmt.Sprintf("A%d", i+2)
		// The exact text, never a formula; numbers stay numbers.
		if v, _ := f.GetCellValue("注入", ref); v != cellText(h.cell) {
			t.Errorf("%s: value %q, want %q", ref, v, cellText(h.cell))
		}
		if fm, _ := f.GetCellFormula("注入", ref); fm != "" {
			t.Errorf("%s: %q became formula %q", ref, h.cell, fm)
		}
		typ, _ := f.GetCellType("注入", ref)
		_, text := h.cell.(string)
		if text && typ == excelize.CellTypeNumber || !text && typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
			t.Errorf("%s: %q has cell type %v", ref, h.cell, typ)
		}
		style, _ := f.GetCellStyle("注入", ref)
		xf := f.Styles.CellXfs.Xf[style]
		quoted := xf.QuotePrefix != nil && *xf.QuotePrefix && xf.NumFmtID != nil && *xf.NumFmtID == 49
		if quoted != h.guarded {
			t.Errorf("%s: %q quote-prefixed text: %v, want %v", ref, h.cell, quoted, h.guarded)
		}
	}
}

// chunkWriter records the largest single write.
type chunkWriter struct {
	n, largest int
}

func (c *chunkWriter) Write(p []byte) (int, error) {
	c.n += len(p)
	c.largest = max(c.largest, len(p))
	return len(p), nil
}

// TestXLSXStreams checks the workbook reaches the writer in pieces, not as
// one buffer built in memory first (excelize's File.Write does that).
func TestXLSXStreams(t *testing.T) {
	var w chunkWriter
	if err := WriteXLSX(&w, bigTable(20000)); err != nil {
		t.Fatal(err)
	}
	if w.n < 1<<20 || w.largest > 256<<10 {
		t.Errorf("wrote %d bytes, the largest write %d bytes: not streamed", w.n, w.largest)
	}
}

// bigTable is n rows shaped like the indicator table: 27 columns of
// codes, numbers, empty cells and Chinese text.
func bigTable(n int) *corpus.Table {
	t := &corpus.Table{Name: "绩效指标"}
	for i := range 27 {
		t.Columns = append(t.Columns, corpus.Column{Key: fmt.Sprint("c", i), Title: fmt.Sprint("栏目", i)})
	}
	t.Rows = make([][]any, n)
	for r := range t.Rows {
		row := make([]any, 27)
		for i := range row {
			switch i % 5 {
			case 0:
				row[i] = int64(r)
			case 1:
				row[i] = float64(r) / 3
			case 2:
			default:
				row[i] = fmt.Sprintf("第%d行的服务对象满意度指标%d", r, i)
			}
		}
		t.Rows[r] = row
	}
	return t
}

// peakWriter samples the live heap (after a collection) every MiB
// written, so the peak includes whatever the exporter holds while writing.
type peakWriter struct {
	n, next int
	peak    uint64
}

func (p *peakWriter) Write(b []byte) (int, error) {
	p.n += len(b)
	if p.n >= p.next {
		var m runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&m)
		p.peak = max(p.peak, m.HeapAlloc)
		p.next = p.n + 1<<20
	}
	return len(b), nil
}

// BenchmarkWriteXLSX200k exports a 200,000-row table and reports the live
// heap the export holds beyond the table (live-MB) and what it allocates
// in all (alloc-MB). Before streaming (commit 5740464) these were 52 and
// 819; the rest of the live heap is the StreamWriter's 16 MiB buffer.
func BenchmarkWriteXLSX200k(b *testing.B) {
	tab := bigTable(200000)
	for b.Loop() {
		var m0, m1 runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&m0)
		pw := &peakWriter{}
		if err := WriteXLSX(pw, tab); err != nil {
			b.Fatal(err)
		}
		runtime.ReadMemStats(&m1)
		b.ReportMetric(float64(pw.peak-min(pw.peak, m0.HeapAlloc))/(1<<20), "live-MB")
		b.ReportMetric(float64(m1.TotalAlloc-m0.TotalAlloc)/(1<<20), "alloc-MB")
		b.ReportMetric(float64(pw.n)/(1<<20), "file-MB")
	}
	runtime.KeepAlive(tab)
}

package pdf

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/jixiao/jixiao/internal/hostile"

	"github.com/jixiao/jixiao/extract"
)

// Hostile files: small files built to kill or hang a reader. Each must end
// in a clean error; a regression shows as a crash (a stack overflow no
// recover catches), a hang or an out-of-memory, so the reads run under a
// deadline that turns a hang into a failure.

// objStmFile writes a PDF whose catalog (object 1) lies in object stream
// 5 holding data, with a cross-reference stream (object 6); the entry of
// object 5 is written by entry5 ("" for a plain object). pad bytes of
// comment go between the two streams.
func objStmFile(data, extra, entry5 string, pad int) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.5\n")
	off5 := b.Len()
	fmt.Fprintf(&b, "5 0 obj\n<< /Type /ObjStm /N 1 /First 4 %s /Length %d >>\nstream\n%s\nendstream\nendobj\n", extra, len(data), data)
	if pad > 0 {
		b.WriteString("%")
		b.Write(bytes.Repeat([]byte("x"), pad))
		b.WriteString("\n")
	}
	off6 := b.Len()
	entry := func(typ byte, f2 int, f3 int) []byte {
		return []byte{typ, byte(f2 >> 24), byte(f2 >> 16), byte(f2 >> 8), byte(f2), byte(f3 >> 8), byte(f3)}
	}
	var x []byte
	x = append(x, entry(0, 0, 0xffff)...)
	x = append(x, entry(2, 5, 0)...)
	for range 3 {
		x = append(x, entry(0, 0, 0)...)
	}
	if entry5 == "self" {
		x = append(x, entry(2, 5, 0)...)
	} else {
		x = append(x, entry(1, off5, 0)...)
	}
	x = append(x, entry(1, off6, 0)...)
	fmt.Fprintf(&b, "6 0 obj\n<< /Type /XRef /Size 7 /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n%s\nendstream\nendobj\n", len(x), x)
	fmt.Fprintf(&b, "startxref\n%d\n%%%%EOF\n", off6)
	return b.Bytes()
}

const catalogInStream = "1 0 << /Type /Catalog /Pages 2 0 R >>"

// readWithin reads data as Read does and fails the test if that takes
// longer than a minute, which only a hang does.
func readWithin(t *testing.T, name string, data []byte) (*extract.Document, error) {
	t.Helper()
	type result struct {
		doc *extract.Document
		err error
	}
	done := make(chan result, 1)
	go func() {
		doc, err := readPDFBytes(t, name, data)
		done <- result{doc, err}
	}()
	select {
	case r := <-done:
		return r.doc, r.err
	case <-time.After(time.Minute):
		t.Fatalf("%s: no answer after a minute: the reader hangs", name)
	}
	return nil, nil
}

func TestPDFHostileObjectStreams(t *testing.T) {
	selfRef := objStmFile(catalogInStream, "", "self", 0)
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"object stream inside itself", selfRef, extract.ErrMalformed},
		{"object stream extending itself", objStmFile(catalogInStream, "/Extends 5 0 R", "", 0), extract.ErrMalformed},
		{"open hex string", objStmFile("1 0 <4142 ", "", "", 0), extract.ErrMalformed},
		{"open hex string past 64 MiB", objStmFile("1 0 <4142 ", "", "", maxInMemory+1024), extract.ErrMalformed},
		{"object stream inside itself past 64 MiB", objStmFile(catalogInStream, "", "self", maxInMemory+1024), extract.ErrMalformed},
		// Files that cost the square of their length if each /ObjStm, or
		// each trailer, were read from its object's start again.
		{"a million /ObjStm in one dictionary", []byte("%PDF-1.5\n1 0 obj\n<< " + strings.Repeat("/Type /ObjStm ", 1<<20)), extract.ErrMalformed},
		{"a million unclosed trailers", []byte("%PDF-1.5\n1 0 obj\n<< >>\nendobj\n" + strings.Repeat("trailer << /Root 1 0 R ", 1<<20)), extract.ErrMalformed},
	}
	if len(selfRef) > 1024 {
		t.Errorf("the self-referencing file has %d bytes, want a tiny one", len(selfRef))
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readWithin(t, "hostile.pdf", tt.data)
			if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), "hostile.pdf") {
				t.Fatalf("error %v, want %v naming the file", err, tt.want)
			}
		})
	}
	// The same file with a plain entry for the stream reads (a blank
	// catalog: no pages), so the guard refuses only the loop.
	_, err := readWithin(t, "fine.pdf", objStmFile(catalogInStream, "", "", 0))
	if err == nil || strings.Contains(err.Error(), "inside") || strings.Contains(err.Error(), "itself") {
		t.Errorf("error %v, want the page tree missing", err)
	}
}

// TestPDFGlyphFlood: 20 pages, each piling 900,000 glyphs on one spot
// with 0 Tz, from a few kilobytes of deflate. Each page used to be kept
// whole, about 160 MB a page, until the machine ran out of memory.
func TestPDFGlyphFlood(t *testing.T) {
	content := "BT /F1 1 Tf 0 Tz 100 700 Td <" + strings.Repeat("0041", 900_000) + "> Tj ET"
	var z bytes.Buffer
	w, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
	w.Write([]byte(content))
	w.Close()
	pages := make([]string, 20)
	f := newPDF(pages...)
	shared := -1 // the pages share one content stream
	for i, o := range f.objs {
		if o == streamObj("", "") {
			if shared < 0 {
				shared = i + 1
				f.objs[i] = streamObj("/Filter /FlateDecode", z.String())
			} else {
				f.objs[i] = "null"
			}
		}
		if strings.Contains(o, "/Type /Page ") {
			f.objs[i] = regexp.MustCompile(`/Contents \d+`).ReplaceAllString(o, fmt.Sprintf("/Contents %d", shared))
		}
	}
	data := f.bytes()
	if len(data) > 64<<10 {
		t.Fatalf("the flood file has %d bytes, want a small one", len(data))
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := readWithin(t, "flood.pdf", data)
	runtime.ReadMemStats(&after)
	if !errors.Is(err, extract.ErrTooLarge) {
		t.Fatalf("error %v, want ErrTooLarge", err)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 1<<30 {
		t.Errorf("reading it allocated %d MiB", alloc>>20)
	}
}

// TestPDFTooManyPages: a page limit is its own error, not a file too
// large: 62,500 pages from a tree of 250 nodes of 250 pages each.
func TestPDFTooManyPages(t *testing.T) {
	f := newPDF((&pdfDraw{}).text(90, 700, "正文").b.String())
	page := len(f.objs) // the one page
	node := f.add(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count 250 >>", strings.Repeat(fmt.Sprintf("%d 0 R ", page), 250)))
	f.objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count 62500 >>", strings.Repeat(fmt.Sprintf("%d 0 R ", node), 250))
	_, err := readWithin(t, "pages.pdf", f.bytes())
	if !errors.Is(err, extract.ErrTooManyPages) || errors.Is(err, extract.ErrTooLarge) {
		t.Fatalf("error %v, want ErrTooManyPages alone", err)
	}
}

// TestPDFHostileFiles reads the PDFs of internal/hostile, the files of
// the robustness issue, each of which used to crash, hang or exhaust the
// reader.
func TestPDFHostileFiles(t *testing.T) {
	want := map[string]error{
		"objstm-self.pdf":     extract.ErrMalformed,
		"objstm-open-hex.pdf": extract.ErrTooLarge, // its object stream decodes to 65 MiB
		"glyph-pile.pdf":      extract.ErrTooLarge,
		"truncated.pdf":       extract.ErrMalformed,
		"empty.pdf":           extract.ErrEmpty,
	}
	files := hostile.Files()
	for name, data := range files {
		if !strings.HasSuffix(name, ".pdf") {
			continue
		}
		t.Run(name, func(t *testing.T) {
			w, ok := want[name]
			if !ok {
				t.Fatalf("no expectation for %s", name)
			}
			_, err := readWithin(t, name, data)
			if !errors.Is(err, w) {
				t.Errorf("error %v, want %v", err, w)
			}
		})
	}
	// The open hex string past 64 MiB of file, uncompressed.
	padded := hostile.ObjStmOpenHex(0)
	padded = append(padded[:9], append(append([]byte("%"), bytes.Repeat([]byte("x"), maxInMemory)...), padded[8:]...)...)
	if _, err := readWithin(t, "padded.pdf", padded); !errors.Is(err, extract.ErrMalformed) {
		t.Errorf("padded: error %v, want ErrMalformed", err)
	}
}

func TestHeaderNum(t *testing.T) {
	for in, want := range map[string]int{
		"12 0 obj\n<<": 12, "007 0 obj<<": 7, "3 0 obj": 3, "1  0\r\nobj[": 1,
		"12 0 objx": -1, "12 obj": -1, "x12 0 obj": -1, "12 0 R": -1, "": -1, "12 0 ": -1,
	} {
		if got := headerNum([]byte(in)); got != want {
			t.Errorf("headerNum(%q) = %d, want %d", in, got, want)
		}
	}
}

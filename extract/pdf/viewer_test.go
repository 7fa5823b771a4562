package pdf

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/extract"
)

// TestPDFReadsLikeViewers reads copies of seed.pdf that viewers (poppler,
// MuPDF, pdf.js) read although their structure is off, and wants each to
// read exactly as seed.pdf does. The encrypted copies were made with qpdf
// (see testdata/README.md); the damaged ones are made here.
func TestPDFReadsLikeViewers(t *testing.T) {
	seed, err := os.ReadFile(filepath.Join("..", "..", "testdata", "seed", "seed.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	objstm := fixture(t, "seed-objstm.pdf")
	junk := []byte("\r\n<html><body>" + strings.Repeat("上传网关附加的内容 ", 200) + "</body></html>\r\n")
	tests := []struct {
		name string
		data []byte
	}{
		{"bytes after %%EOF", cat(seed, junk)},
		{"bytes after %%EOF with a PDF-looking tail", cat(seed, []byte("\n%%EOF-ish trailer << >>\nstartxref\n17\n"))},
		{"object streams, bytes after %%EOF", cat(objstm, junk)},
		{"xref offsets shifted", shiftAll(seed)},
		{"startxref wrong", bytes.Replace(seed, []byte("startxref\n164369"), []byte("startxref\n164000"), 1)},
		{"xref table removed", withoutXref(seed)},
		{"xref stream removed", withoutXref(objstm)},
		{"cut short before the trailer", seed[:len(seed)-40]},
		{"AES-256 R6 empty password, object streams", fixture(t, "seed-aes256.pdf")},
		{"AES-256 R5 empty password", fixture(t, "seed-aes256-r5.pdf")},
		{"RC4 40-bit empty password", fixture(t, "seed-rc4-40.pdf")},
	}
	want := dumpPDF(t, seed)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if bytes.Equal(tt.data, seed) {
				t.Fatal("the test data is the seed itself")
			}
			if got := dumpPDF(t, tt.data); got != want {
				t.Errorf("reads differently from seed.pdf:\n%s", firstDiff(got, want))
			}
		})
	}
}

// shiftAll inserts a comment line after the header, so that every offset
// of the cross-reference table is a few bytes short.
func shiftAll(data []byte) []byte {
	i := bytes.IndexByte(data, '\n') + 1
	return cat(cat(data[:i], []byte("%inserted\n")), data[i:])
}

func cat(a, b []byte) []byte { return append(append([]byte{}, a...), b...) }

// withoutXref cuts the file at its last cross-reference section: the
// classic table or the xref stream object, and everything after it.
func withoutXref(data []byte) []byte {
	if i := bytes.LastIndex(data, []byte("\nxref")); i > 0 {
		return data[:i+1]
	}
	i := bytes.LastIndex(data, []byte("/XRef"))
	return data[:bytes.LastIndex(data[:i], []byte("endobj"))+len("endobj\n")]
}

func dumpPDF(t *testing.T, data []byte) string {
	t.Helper()
	doc, err := readPDFBytes(t, "seed.pdf", data)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	extract.Dump(&b, doc)
	return b.String()
}

func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range min(len(g), len(w)) {
		if g[i] != w[i] {
			return fmt.Sprintf("line %d:\n got %s\nwant %s", i+1, g[i], w[i])
		}
	}
	return fmt.Sprintf("%d lines, want %d", len(g), len(w))
}

// TestRebuildStreamLength keeps the last byte of stream data that ends in
// a carriage return before the "\nendstream" line, when the /Length that
// says so is an indirect object written after the stream (as LibreOffice
// writes it).
func TestRebuildStreamLength(t *testing.T) {
	f := newPDF("")
	stm := f.add("<< /Length 99 0 R >>\nstream\nabc\r\nendstream")
	for len(f.objs) < 98 {
		f.add("null")
	}
	f.add("4") // object 99
	out, err := rebuildPDF(withoutXref(f.bytes()))
	if err != nil {
		t.Fatal(err)
	}
	objs, _ := scanObjects(out)
	if o := objs[stm]; o == nil || string(o.stream) != "abc\r" {
		t.Fatalf("object %v, want stream data %q", o, "abc\r")
	}
}

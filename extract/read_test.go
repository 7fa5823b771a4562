package extract_test

import (
	"bytes"
	"errors"
	"path/filepath"
	"testing"

	"github.com/jixiao/jixiao/extract"
	_ "github.com/jixiao/jixiao/extract/formats"
)

// TestReadDispatch: Read hands each file to the format its content names,
// whatever its name, and refuses what no registered format takes.
func TestReadDispatch(t *testing.T) {
	ole := []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0}
	for _, tt := range []struct {
		name   string
		data   []byte
		format extract.Format
		err    error
	}{
		{"a.pdf", []byte("PK\x03\x04 %PDF-1.7 not a zip"), extract.DOCX, extract.ErrMalformed},
		{"a.docx", []byte("junk\n%PDF-1.7\n%%EOF"), extract.PDF, extract.ErrMalformed},
		{"a.doc", ole, "", extract.ErrLegacyFormat},
		{"a.txt", []byte("项目编码"), "", extract.ErrUnknownFormat},
		{"empty.docx", nil, "", extract.ErrEmpty},
	} {
		r := bytes.NewReader(tt.data)
		if got := extract.Sniff(r, r.Size()); got != tt.format {
			t.Errorf("%s: Sniff = %q, want %q", tt.name, got, tt.format)
		}
		_, err := extract.Read(r, r.Size(), tt.name)
		var e *extract.Error
		if !errors.Is(err, tt.err) || !errors.As(err, &e) || e.Path != tt.name {
			t.Errorf("%s: Read error %v, want %v naming the file", tt.name, err, tt.err)
		}
	}
	for _, name := range []string{"seed.docx", "seed.pdf"} {
		doc, err := extract.Open(filepath.Join("..", "testdata", "seed", name))
		if err != nil {
			t.Fatal(err)
		}
		if want := extract.Format(filepath.Ext(name)[1:]); doc.Format != want || len(doc.Blocks) == 0 {
			t.Errorf("%s: format %q with %d blocks, want %q", name, doc.Format, len(doc.Blocks), want)
		}
	}
}

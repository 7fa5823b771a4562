package pdf

import (
	"bytes"
	"errors"
	"testing"

	"github.com/jixiao/jixiao/extract"
)

// FuzzRead feeds whole files to extract.Read, starting from small PDFs
// (extract/docx's FuzzRead starts from a .docx): whatever the bytes, Read
// returns a Document or an error that names the file, and never panics.
// (Read recovers panics into errors, so the check is that no error says
// "parser panic": that would be a bug reached by bad input.)
func FuzzRead(f *testing.F) {
	draw := (&pdfDraw{}).text(72, 700, "项目编码 13073025P000895100013").hline(70, 300, 690).vline(70, 690, 710)
	f.Add(newPDF(draw.b.String()).bytes())
	f.Add([]byte("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := extract.Read(bytes.NewReader(data), int64(len(data)), "fuzz.bin")
		if err != nil {
			var e *extract.Error
			if !errors.As(err, &e) || e.Path != "fuzz.bin" {
				t.Fatalf("error %v does not name the file", err)
			}
			if bytes.Contains([]byte(err.Error()), []byte("parser panic")) {
				t.Fatalf("panic reached by input: %v", err)
			}
			return
		}
		if doc == nil {
			t.Fatal("nil Document without an error")
		}
	})
}

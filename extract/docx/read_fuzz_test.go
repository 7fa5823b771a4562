package docx

import (
	"bytes"
	"errors"
	"testing"

	"github.com/jixiao/jixiao/extract"
)

// FuzzRead feeds whole files to extract.Read, starting from a small .docx
// (extract/pdf's FuzzRead starts from PDFs): whatever the bytes, Read
// returns a Document or an error that names the file, and never panics.
// (Read recovers panics into errors, so the check is that no error says
// "parser panic": that would be a bug reached by bad input.)
func FuzzRead(f *testing.F) {
	f.Add(makeDOCX(f, tbl(tr(tc(span2+vStart, p("项目编码"))), tr(tc(vCont, p("x")))), nil))
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

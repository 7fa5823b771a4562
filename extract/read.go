package extract

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
)

// MaxFileSize is the largest file Open reads. Real reports are a few
// megabytes; anything far larger is refused rather than loaded.
const MaxFileSize = 256 << 20

// Open reads the file at path. See Read.
func Open(path string) (*Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &Error{Path: path, Err: err}
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, &Error{Path: path, Err: err}
	}
	if st.IsDir() {
		return nil, &Error{Path: path, Err: fmt.Errorf("is a directory")}
	}
	return Read(f, st.Size(), path)
}

// Read reads a .docx or .pdf from r, recognizing the format by content, not
// by name; path only names the file in positions and errors. A panic in a
// third-party parser is turned into an error naming the file.
//
// A file read in part (a PDF with pages that cannot be read) returns the
// Document of what could be read together with an ErrorList naming each
// part lost; callers that want all or nothing check err first.
func Read(r io.ReaderAt, size int64, path string) (doc *Document, err error) {
	return Options{}.Read(r, size, path)
}

// Read is Read with the options of o (OCR of scanned PDF pages).
func (o Options) Read(r io.ReaderAt, size int64, path string) (doc *Document, err error) {
	defer func() {
		if p := recover(); p != nil {
			doc, err = nil, &Error{Path: path, Err: fmt.Errorf("%w: parser panic: %v", ErrMalformed, p)}
		}
	}()
	if size == 0 {
		return nil, &Error{Path: path, Err: ErrEmpty}
	}
	if size > MaxFileSize {
		return nil, &Error{Path: path, Err: fmt.Errorf("%w: %d bytes, the limit is %d", ErrTooLarge, size, MaxFileSize)}
	}
	switch Sniff(r, size) {
	case DOCX:
		doc, err = ReadDOCX(r, size, path)
	case PDF:
		doc, err = o.readPDF(r, size, path)
	default:
		if isCompoundFile(r) {
			return nil, &Error{Path: path, Err: ErrLegacyFormat}
		}
		return nil, &Error{Path: path, Err: ErrUnknownFormat}
	}
	if doc == nil {
		return nil, err
	}
	h := sha256.New()
	if _, err := io.Copy(h, io.NewSectionReader(r, 0, size)); err != nil {
		return nil, &Error{Path: path, Err: err}
	}
	doc.SHA256 = hex.EncodeToString(h.Sum(nil))
	return doc, err
}

// Sniff tells the format of a file from its first bytes: a zip archive is
// taken for a .docx (ReadDOCX checks further), a file with %PDF- in its
// first kilobyte for a PDF. It returns "" for anything else.
func Sniff(r io.ReaderAt, size int64) Format {
	head := make([]byte, min(size, 1024))
	n, _ := r.ReadAt(head, 0)
	head = head[:n]
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return DOCX
	case bytes.Contains(head, []byte("%PDF-")):
		return PDF
	}
	return ""
}

// isCompoundFile tells an OLE compound file: Word 97–2003 .doc, WPS .wps and
// old Excel files, which departments still send.
func isCompoundFile(r io.ReaderAt) bool {
	head := make([]byte, 8)
	n, _ := r.ReadAt(head, 0)
	return n == 8 && bytes.Equal(head, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
}

package extract

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
)

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
// by name, among the registered formats (see Register and the package
// doc); path only names the file in positions and errors. A panic in a
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
	f, ok := sniff(r, size)
	if !ok {
		if isCompoundFile(r) {
			return nil, &Error{Path: path, Err: ErrLegacyFormat}
		}
		if len(registered()) == 0 {
			return nil, &Error{Path: path, Err: fmt.Errorf("%w (no format is registered: import github.com/jixiao/jixiao/extract/formats)", ErrUnknownFormat)}
		}
		return nil, &Error{Path: path, Err: ErrUnknownFormat}
	}
	doc, err = f.read(r, size, path, o)
	if doc == nil {
		return nil, err
	}
	if doc.SHA256 = o.SHA256; doc.SHA256 == "" {
		h := sha256.New()
		if _, err := io.Copy(h, io.NewSectionReader(r, 0, size)); err != nil {
			return nil, &Error{Path: path, Err: err}
		}
		doc.SHA256 = hex.EncodeToString(h.Sum(nil))
	}
	return doc, err
}

// Sniff tells the format of a file from its first bytes, asking each
// registered format in turn: .docx takes a zip archive (its reader checks
// further), PDF a file with %PDF- in its first kilobyte. It returns "" for
// anything else.
func Sniff(r io.ReaderAt, size int64) Format {
	f, _ := sniff(r, size)
	return f.name
}

func sniff(r io.ReaderAt, size int64) (format, bool) {
	head := make([]byte, min(size, 1024))
	n, _ := r.ReadAt(head, 0)
	head = head[:n]
	for _, f := range registered() {
		if f.sniff(head) {
			return f, true
		}
	}
	return format{}, false
}

// isCompoundFile tells an OLE compound file: Word 97–2003 .doc, WPS .wps and
// old Excel files, which departments still send.
func isCompoundFile(r io.ReaderAt) bool {
	head := make([]byte, 8)
	n, _ := r.ReadAt(head, 0)
	return n == 8 && bytes.Equal(head, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
}

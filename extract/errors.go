package extract

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors; test with errors.Is.
var (
	ErrEmpty         = errors.New("empty file")
	ErrUnknownFormat = errors.New("not a .docx or .pdf file")
	ErrLegacyFormat  = errors.New("a legacy binary Office file (.doc, .wps, .xls): save it as .docx or PDF")
	ErrTooLarge      = errors.New("too large")
	ErrTooManyPages  = errors.New("too many pages") // more than MaxPDFPages
	ErrEncrypted     = errors.New("encrypted: a password is needed")
	ErrNoTextLayer   = errors.New("no text layer: the pages are images, OCR is needed")
	ErrUndecodable   = errors.New("the text cannot be decoded: its fonts map no characters (no ToUnicode), OCR is needed")
	ErrMalformed     = errors.New("malformed")

	// ErrTooComplex: the structure described is beyond the reader's limits
	// (see extract/docx limits.go), whatever the file's size.
	ErrTooComplex      = errors.New("too complex")
	ErrTooDeep         = fmt.Errorf("%w: nested too deep", ErrTooComplex)
	ErrTooManyCells    = fmt.Errorf("%w: too many table cells", ErrTooComplex)
	ErrTooManyElements = fmt.Errorf("%w: too many elements", ErrTooComplex)
)

// Error is a failure to read one file, naming the file and the part of it
// that failed.
type Error struct {
	Path string // the file as given
	Part string // e.g. "word/document.xml" or "page 3"; "" for the whole file
	Page int    // the page Part names, from 1; 0 when it names none
	Err  error
}

// PageError is the error of one page of a file.
func PageError(path string, page int, err error) *Error {
	return &Error{Path: path, Part: fmt.Sprintf("page %d", page), Page: page, Err: err}
}

func (e *Error) Error() string {
	if e.Part != "" {
		return fmt.Sprintf("extract: %s: %s: %v", e.Path, e.Part, e.Err)
	}
	return fmt.Sprintf("extract: %s: %v", e.Path, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// ErrorList lists the parts of a file that could not be read, each an
// *Error naming its part ("page 3"), in page order, as go/scanner's
// ErrorList does for a source file. Read returns it together with the
// Document of the parts that could be read; errors.Is and errors.As look
// into each.
type ErrorList []*Error

// Error is the errors in one line.
func (l ErrorList) Error() string {
	msgs := make([]string, len(l))
	for i, err := range l {
		msgs[i] = err.Error()
	}
	return strings.Join(msgs, "; ")
}

func (l ErrorList) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

// Pages returns the numbers (from 1) of the pages the list says were lost.
func (l ErrorList) Pages() []int {
	var out []int
	for _, e := range l {
		if e.Page > 0 {
			out = append(out, e.Page)
		}
	}
	return out
}

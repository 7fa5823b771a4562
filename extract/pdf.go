package extract

import (
	"fmt"
	"io"
)

// ReadPDF reads a PDF. (Placeholder until the PDF reader lands.)
func ReadPDF(r io.ReaderAt, size int64, path string) (*Document, error) {
	return nil, &Error{Path: path, Err: fmt.Errorf("pdf: not supported yet")}
}

package extract

import (
	"fmt"
	"io"
	"sync"
)

// A format is a reader registered by its package (extract/docx,
// extract/pdf) from an init function, as image/png registers with image.
type format struct {
	name  Format
	sniff func(head []byte) bool
	read  func(r io.ReaderAt, size int64, path string, o Options) (*Document, error)
}

var (
	formatsMu sync.Mutex
	formats   []format
)

// Register makes a format known to Read, Open and Sniff. sniff tells the
// format from the first kilobyte of a file (less if the file is shorter);
// formats are tried in the order they registered. read reads a whole file
// of the format; Read hands it only files sniff accepted, no larger than
// MaxFileSize, and recovers its panics. Register is for the init
// functions of format packages; registering a name twice panics.
func Register(name Format, sniff func(head []byte) bool, read func(r io.ReaderAt, size int64, path string, o Options) (*Document, error)) {
	if sniff == nil || read == nil {
		panic(fmt.Sprintf("extract: Register %q: nil sniff or read", name))
	}
	formatsMu.Lock()
	defer formatsMu.Unlock()
	for _, f := range formats {
		if f.name == name {
			panic(fmt.Sprintf("extract: Register %q twice", name))
		}
	}
	formats = append(formats, format{name, sniff, read})
}

// registered returns the formats registered so far.
func registered() []format {
	formatsMu.Lock()
	defer formatsMu.Unlock()
	return formats
}

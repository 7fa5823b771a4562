package main

import (
	"flag"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/jixiao/jixiao/pipeline"
	"github.com/jixiao/jixiao/report"
)

// readingFlags are the flags of the commands that read files (check,
// ingest): how each file is isolated and bounded.
type readingFlags struct {
	isolate *bool
	timeout *time.Duration
	memory  *int
	ocr     ocrFlags
}

func readerFlags(fs *flag.FlagSet) readingFlags {
	return readingFlags{
		isolate: fs.Bool("isolate", true, "在单独的工作进程中读取每个文件，使异常文件不会中断整个运行；--isolate=false 关闭"),
		timeout: fs.Duration("file-timeout", pipeline.DefaultTime, "读取一个文件的时限"),
		memory:  fs.Int("file-memory", pipeline.DefaultMemory>>20, "读取一个文件的内存上限（MB）"),
		ocr:     addOCRFlags(fs),
	}
}

func (f readingFlags) reader(o report.Options) *pipeline.Reader {
	o.OCR = f.ocr.options()
	lim := pipeline.Limits{Time: *f.timeout, Memory: int64(*f.memory) << 20}
	if o.OCR.Dir != "" && lim.Time == pipeline.DefaultTime {
		lim.OCR = ocrTime
	}
	return &pipeline.Reader{Options: o, Isolate: *f.isolate, Limits: lim}
}

// shown is a file name as a line of output shows it: quoted when it holds
// a line break or another control character, which would split or garble
// the line.
func shown(path string) string {
	if strings.IndexFunc(path, unicode.IsControl) >= 0 {
		return strconv.Quote(path)
	}
	return path
}

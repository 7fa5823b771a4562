package pipeline

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/jixiao/jixiao/extract"
	_ "github.com/jixiao/jixiao/extract/formats"
	"github.com/jixiao/jixiao/report"
)

// Errors of the isolation, beside extract's and report's.
var (
	ErrTimeout  = errors.New("reading took longer than the time limit")
	ErrMemory   = errors.New("reading took more memory than the limit")
	ErrCrash    = errors.New("the reading process died")
	ErrInternal = errors.New("internal error")
)

// Reason says in Chinese, for the finance staff who submitted a file, why
// it could not be read.
func Reason(err error) string {
	var re *remoteError
	if errors.As(err, &re) && re.reason != "" {
		return re.reason // as the worker said it, with the details it had
	}
	switch {
	case errors.Is(err, ErrTimeout):
		return "解析超时：文件过于复杂或已损坏，读取时间超过上限"
	case errors.Is(err, ErrMemory):
		return "解析时内存超限：文件过于复杂或已损坏"
	case errors.Is(err, ErrCrash):
		return "解析进程崩溃：文件已损坏或结构异常（如嵌套过深）"
	case errors.Is(err, ErrInternal):
		return "程序内部错误，请把文件发给开发人员"
	}
	return report.Reason(err)
}

// readBytes reads one file in this process; sum is the hex SHA-256 of
// data, "" to have it computed. A panic anywhere in the reading becomes an
// error naming the file.
func readBytes(path string, data []byte, sum string, o report.Options) (rep *report.Report, err error) {
	defer func() {
		if p := recover(); p != nil {
			rep, err = nil, fmt.Errorf("pipeline: %s: %w: panic: %v", path, ErrInternal, p)
		}
	}()
	doc, err := readDocument(path, data, sum, o)
	if doc == nil {
		return nil, err
	}
	return o.Read(doc)
}

// readDocument reads one file's document in this process, with the
// partial document of a PDF that lost pages. A panic becomes an error.
func readDocument(path string, data []byte, sum string, o report.Options) (doc *extract.Document, err error) {
	defer func() {
		if p := recover(); p != nil {
			doc, err = nil, fmt.Errorf("pipeline: %s: %w: panic: %v", path, ErrInternal, p)
		}
	}()
	return extract.Options{OCR: o.OCR, SHA256: sum}.Read(bytes.NewReader(data), int64(len(data)), path)
}

// documentOnly is a document as ReadDocument gives it: without the errors
// of the pages it lost, which do not cross a process boundary (the
// report's Lost and rule R1402 carry them), and without the nested
// tables' links to their cells, cycles gob cannot send (parents puts them
// back).
func documentOnly(doc *extract.Document) *extract.Document {
	if doc != nil {
		doc.Lost = nil
		eachNested(doc.Blocks, func(t *extract.Table, _ *extract.Cell) { t.Parent = nil }, 0)
	}
	return doc
}

// parents links each nested table to the cell holding it again.
func parents(doc *extract.Document) {
	eachNested(doc.Blocks, func(t *extract.Table, c *extract.Cell) { t.Parent = c }, 0)
}

// eachNested calls fn for every table nested in a cell of blocks, with its
// cell; the depth is bounded as the readers bound nesting.
func eachNested(blocks []extract.Block, fn func(*extract.Table, *extract.Cell), depth int) {
	if depth > extract.MaxDOCXNesting {
		return
	}
	for _, b := range blocks {
		if b.Table == nil {
			continue
		}
		for _, c := range b.Table.Cells {
			for _, nb := range c.Blocks {
				if nb.Table != nil {
					fn(nb.Table, c)
				}
			}
			eachNested(c.Blocks, fn, depth+1)
		}
	}
}

// sentinels are the errors an answer from a worker can name, so that
// errors.Is works across the process boundary; the more specific first.
var sentinels = append(report.Sentinels(), ErrTimeout, ErrMemory, ErrCrash, ErrInternal)

// remoteError is an error that came from a worker: its text, its Chinese
// reason, and the sentinel it wrapped there.
type remoteError struct {
	msg, reason string
	sentinel    error
}

func (e *remoteError) Error() string { return e.msg }
func (e *remoteError) Unwrap() error { return e.sentinel }

// sentinelOf returns the index in sentinels of the one err wraps, or -1.
func sentinelOf(err error) int {
	for i, s := range sentinels {
		if errors.Is(err, s) {
			return i
		}
	}
	return -1
}

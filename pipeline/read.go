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

// readBytes reads one file in this process. A panic anywhere in the
// reading becomes an error naming the file.
func readBytes(path string, data []byte, o report.Options) (rep *report.Report, err error) {
	defer func() {
		if p := recover(); p != nil {
			rep, err = nil, fmt.Errorf("pipeline: %s: %w: panic: %v", path, ErrInternal, p)
		}
	}()
	doc, err := extract.Options{OCR: o.OCR}.Read(bytes.NewReader(data), int64(len(data)), path)
	if doc == nil {
		return nil, err
	}
	return o.Read(doc)
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

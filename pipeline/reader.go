package pipeline

import (
	"bytes"
	"context"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/report"
)

// Limits bound the reading of one file in a worker process.
type Limits struct {
	Time time.Duration // per file; 0 = DefaultTime
	// OCR is the time of a file whose pages are recognised by OCR,
	// counted from when the recognition starts; 0 = Time.
	OCR    time.Duration
	Memory int64 // resident bytes of a worker; 0 = DefaultMemory
	Stack  int   // largest goroutine stack of a worker, bytes; 0 = DefaultStack
}

// Default limits: far above what a real report needs (tens of
// milliseconds, tens of megabytes), far below what stops a desktop.
const (
	DefaultTime   = 30 * time.Second
	DefaultMemory = 384 << 20
	DefaultStack  = 64 << 20
)

func (l Limits) orDefault() Limits {
	if l.Time <= 0 {
		l.Time = DefaultTime
	}
	if l.Memory <= 0 {
		l.Memory = DefaultMemory
	}
	if l.Stack <= 0 {
		l.Stack = DefaultStack
	}
	return l
}

// Reader reads files into reports, in this process or, with Isolate, in
// worker processes (this executable started again with WorkerEnv set), the
// way Apache Tika forks its parsers: a worker that overruns its limits or
// dies is killed and replaced, and the file is failed with ErrTimeout,
// ErrMemory or ErrCrash. Workers are reused from file to file; Read may be
// called from several goroutines, each keeping one worker busy. Close
// stops the idle workers.
type Reader struct {
	Options report.Options
	Isolate bool
	Limits  Limits
	// Command starts a worker; nil: this executable, with WorkerEnv set.
	Command func() *exec.Cmd

	mu     sync.Mutex
	idle   []*worker
	closed bool
}

// Read reads one file's bytes; path names it in positions and errors.
func (r *Reader) Read(ctx context.Context, path string, data []byte) (*report.Report, error) {
	return r.read(ctx, path, data, "")
}

// read is Read of data whose hex SHA-256 is sum, "" to have it computed.
func (r *Reader) read(ctx context.Context, path string, data []byte, sum string) (*report.Report, error) {
	if !r.Isolate {
		return readBytes(path, data, sum, r.Options)
	}
	a, err := r.ask(ctx, request{Path: path, Data: data, SHA256: sum, Options: r.Options})
	if err != nil {
		return nil, err
	}
	rep, err := unpackReport(a.Report)
	if err != nil {
		return nil, fmt.Errorf("pipeline: %s: %w: %v", path, ErrInternal, err)
	}
	return rep, nil
}

// ReadDocument reads one file's document as extract gives it, under the
// same isolation: for those that need the cells' boxes, which reports do
// not keep. A PDF read in part comes back without error, its lost pages
// left out (Document.Lost is empty; the report says which were lost).
func (r *Reader) ReadDocument(ctx context.Context, path string, data []byte) (*extract.Document, error) {
	if !r.Isolate {
		doc, err := readDocument(path, data, "", r.Options)
		if doc != nil {
			doc.Lost = nil
			return doc, nil
		}
		return nil, err
	}
	a, err := r.ask(ctx, request{Path: path, Data: data, Options: r.Options, Document: true})
	if err != nil {
		return nil, err
	}
	if a.Document != nil {
		parents(a.Document)
	}
	return a.Document, nil
}

// ask has a worker answer req within the limits; an error the reading
// gave comes back as a remoteError.
func (r *Reader) ask(ctx context.Context, req request) (answer, error) {
	lim := r.Limits.orDefault()
	req.Memory, req.Stack = lim.Memory*3/4, lim.Stack
	w, err := r.take()
	if err != nil {
		return answer{}, err
	}
	a, err := w.read(ctx, req, lim)
	if err != nil {
		w.stop()
		return answer{}, err
	}
	r.put(w)
	if a.Err != "" {
		re := &remoteError{msg: a.Err, reason: a.Reason}
		if a.Sentinel >= 0 && a.Sentinel < len(sentinels) {
			re.sentinel = sentinels[a.Sentinel]
		}
		return answer{}, re
	}
	return a, nil
}

// ReadFile reads the file at path; see Read.
func (r *Reader) ReadFile(ctx context.Context, path string) (*report.Report, error) {
	data, err := readAll(path)
	if err != nil {
		return nil, err
	}
	return r.Read(ctx, path, data)
}

// Close stops the idle workers, and those busy as they finish; an
// isolated Reader closed reads no more.
func (r *Reader) Close() {
	r.mu.Lock()
	idle := r.idle
	r.idle, r.closed = nil, true
	r.mu.Unlock()
	stopAll(idle)
}

// Release stops the idle workers, as Close does, but the Reader reads on,
// starting new ones. Ingest releases them once every file is read: they
// exit while the last reports are checked and stored rather than after.
func (r *Reader) Release() {
	r.mu.Lock()
	idle := r.idle
	r.idle = nil
	r.mu.Unlock()
	stopAll(idle)
}

// stopAll stops the workers at once: each takes some milliseconds to
// exit, and one after another they kept an ingest's end waiting.
func stopAll(ws []*worker) {
	var wg sync.WaitGroup
	for _, w := range ws {
		wg.Go(w.stop)
	}
	wg.Wait()
}

func (r *Reader) take() (*worker, error) {
	r.mu.Lock()
	if r.closed {
		r.mu.Unlock()
		return nil, errors.New("pipeline: reader closed")
	}
	if n := len(r.idle); n > 0 {
		w := r.idle[n-1]
		r.idle = r.idle[:n-1]
		r.mu.Unlock()
		return w, nil
	}
	r.mu.Unlock()
	cmd, err := r.command()
	if err != nil {
		return nil, err
	}
	return start(cmd, r.Limits.orDefault().Memory)
}

func (r *Reader) put(w *worker) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		w.stop()
		return
	}
	r.idle = append(r.idle, w)
}

func (r *Reader) command() (*exec.Cmd, error) {
	if os.Getenv(WorkerEnv) != "" {
		// A worker never starts workers: a test binary without the
		// WorkerMain hook would otherwise fork without end.
		return nil, errors.New("pipeline: a worker cannot start workers (is WorkerMain called first in main?)")
	}
	if r.Command != nil {
		return r.Command(), nil
	}
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("pipeline: finding this executable to start workers: %w", err)
	}
	return exec.Command(exe), nil
}

// worker is one worker process.
type worker struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	enc    *gob.Encoder
	dec    *gob.Decoder
	stderr *tail
	exited chan struct{} // closed when the process has been waited for
}

// start starts a worker and waits for its greeting; memory is the most
// it may hold, in bytes (see holdMemory).
func start(cmd *exec.Cmd, memory int64) (*worker, error) {
	if cmd.Env == nil {
		cmd.Env = os.Environ()
	}
	cmd.Env = append(cmd.Env, WorkerEnv+"=1")
	w := &worker{cmd: cmd, stderr: &tail{max: 8 << 10}, exited: make(chan struct{})}
	cmd.Stderr = w.stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, fmt.Errorf("pipeline: starting a worker: %w", err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("pipeline: starting a worker: %w", err)
	}
	release, err := startHeld(cmd, memory)
	if err != nil {
		return nil, fmt.Errorf("pipeline: starting a worker: %w", err)
	}
	go func() { cmd.Wait(); release(); close(w.exited) }()
	w.stdin, w.enc, w.dec = stdin, gob.NewEncoder(stdin), gob.NewDecoder(stdout)
	got := make(chan error, 1)
	go func() {
		var h string
		err := w.dec.Decode(&h)
		if err == nil && h != hello {
			err = fmt.Errorf("it said %q", h)
		}
		got <- err
	}()
	select {
	case err = <-got:
	case <-time.After(30 * time.Second):
		err = errors.New("no answer in 30 s")
	}
	if err != nil {
		w.stop()
		return nil, fmt.Errorf("pipeline: the worker %s did not start as one (%v): %s", cmd.Path, err, w.stderr.String())
	}
	return w, nil
}

// read sends req and waits for the answer within the limits. An error
// means the worker is no longer usable.
func (w *worker) read(ctx context.Context, req request, lim Limits) (answer, error) {
	type result struct {
		a   answer
		err error
	}
	done := make(chan result, 1)
	ocr := make(chan struct{}, 1)
	go func() {
		var res result
		if res.err = w.enc.Encode(&req); res.err == nil {
			// A worker says so before it starts OCR, then answers.
			for res.err = w.dec.Decode(&res.a); res.err == nil && res.a.OCRStarted; res.err = w.dec.Decode(&res.a) {
				select {
				case ocr <- struct{}{}:
				default:
				}
				res.a = answer{}
			}
		}
		done <- res
	}()
	limit := lim.Time
	timer := time.NewTimer(limit)
	defer timer.Stop()
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case res := <-done:
			if res.err == nil {
				return res.a, nil
			}
			w.stop()
			return answer{}, w.death(req.Path, res.err)
		case <-ocr:
			if lim.OCR > 0 {
				limit = lim.OCR
				timer.Reset(limit)
			}
		case <-timer.C:
			w.stop()
			return answer{}, fmt.Errorf("pipeline: %s: %w (%v)", req.Path, ErrTimeout, limit)
		case <-tick.C:
			if overMemory(w.cmd.Process, lim.Memory) {
				w.stop()
				return answer{}, fmt.Errorf("pipeline: %s: %w (%d MB)", req.Path, ErrMemory, lim.Memory>>20)
			}
		case <-ctx.Done():
			w.stop()
			return answer{}, ctx.Err()
		}
	}
}

// death explains why a worker stopped answering, from the last lines it
// wrote: the Go runtime says "out of memory" or "stack overflow" there.
func (w *worker) death(path string, err error) error {
	<-w.exited
	text := w.stderr.String()
	if i := strings.Index(text, "fatal error:"); i >= 0 {
		text = text[i:]
	} else if i := strings.Index(text, "panic:"); i >= 0 {
		text = text[i:]
	}
	if j := strings.IndexByte(text, '\n'); j >= 0 {
		text = text[:j]
	}
	kind := ErrCrash
	if strings.Contains(text, "out of memory") || strings.Contains(text, "cannot allocate memory") {
		kind = ErrMemory
	}
	if text == "" {
		text = fmt.Sprintf("%v, %v", err, w.cmd.ProcessState)
	}
	return fmt.Errorf("pipeline: %s: %w: %s", path, kind, text)
}

// stop ends the worker and waits for it.
func (w *worker) stop() {
	w.stdin.Close()
	select {
	case <-w.exited:
		return
	case <-time.After(100 * time.Millisecond):
	}
	w.cmd.Process.Kill()
	<-w.exited
}

// tail keeps the first and the last max bytes written to it: the Go
// runtime names a fatal error first, then dumps every goroutine.
type tail struct {
	mu         sync.Mutex
	max        int
	head, last []byte
}

func (t *tail) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if room := t.max - len(t.head); room > 0 {
		t.head = append(t.head, p[:min(room, len(p))]...)
	}
	t.last = append(t.last, p...)
	if len(t.last) > 2*t.max {
		t.last = append(t.last[:0], t.last[len(t.last)-t.max:]...)
	}
	return len(p), nil
}

// String returns the beginning, or all of it when it was short.
func (t *tail) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	if len(t.last) <= t.max {
		return string(bytes.TrimSpace(t.last))
	}
	return string(bytes.TrimSpace(t.head))
}

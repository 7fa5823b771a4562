package pipeline

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"
	"time"

	"github.com/jixiao/jixiao/corpus"
	"github.com/jixiao/jixiao/extract"
	_ "github.com/jixiao/jixiao/extract/formats"
	"github.com/jixiao/jixiao/report"
	"github.com/jixiao/jixiao/rules"
)

// IngestConfig says how Ingest reads, checks and stores files.
type IngestConfig struct {
	Workers     int                                 // files read in parallel; 0 = the number of CPUs
	Force       bool                                // read and store again files already stored
	RetryFailed bool                                // read again files stored as failed
	Reader      *Reader                             // reads each file; nil = in this process, declared labels only
	Segmenter   *corpus.Segmenter                   // cuts text for the index; nil = corpus.LoadSegmenter(DictDir) once a file needs it
	DictDir     string                              // see corpus.LoadSegmenter
	Check       func(*report.Report) *rules.Checked // single-report rules, run in the workers; may be nil
	Progress    func(Event)                         // called by the writer after each file; may be nil
	// CheckBatch finds the cross-document findings, run once at the end
	// over each year's counted reports (BatchRules); may be nil.
	CheckBatch func([]corpus.BatchReport) []corpus.BatchFinding
	// Release stops the Reader's idle workers once every file is read, so
	// that they exit while the last reports are stored: for a Reader that
	// serves this ingest alone, not one shared with others reading.
	Release bool
}

// Outcome is what became of one file.
type Outcome int

const (
	Stored  Outcome = iota // read and stored
	Failed                 // could not be read; stored as a failed document unless it has no hash
	Skipped                // already stored (or stored as failed, without RetryFailed)
	Ignored                // found in a folder and not a .docx or .pdf, or not a regular file
)

// Event reports one file to IngestConfig.Progress.
type Event struct {
	Path        string
	Outcome     Outcome
	Reason      string // Chinese, for Failed, and for Ignored files that are not regular
	Err         error  // for Failed
	Done, Total int    // files finished so far, files found
}

// Summary is the outcome of an Ingest.
type Summary struct {
	Files         int            // files found
	Stored        int            // read and stored
	Failed        int            // could not be read
	Skipped       int            // already stored
	SkippedFailed int            // of Skipped, stored earlier as failed
	Ignored       int            // not .docx or .pdf, found in folders
	Reasons       map[string]int // Chinese reason → failed files
	BatchFindings int            // cross-document findings after the run; -1 when not rerun
	Interrupted   bool           // the context was cancelled before all files were done
	Elapsed       time.Duration
}

// maxBatch is the most files stored in one transaction, and batchWait
// how long the writer waits for them after the first.
const (
	maxBatch  = 32
	batchWait = 200 * time.Millisecond
)

type result struct {
	File
	doc     *corpus.Doc    // nil when the file could not even be opened
	rep     *report.Report // read, for checkFile to check and convert into doc.Report
	outcome Outcome
	err     error  // when doc is nil
	reason  string // when doc is nil
	fatal   error  // stops the ingest
}

// Ingest reads the files and folders (recursively) in paths and stores
// each .docx or .pdf, recognized by content, as a document in st: read in
// parallel (in worker processes when cfg.Reader isolates), written by one
// writer as files are done, up to maxBatch to a transaction. Files already
// stored are skipped by their SHA-256. A file that cannot be read is stored
// as failed and stops nothing. When the context is cancelled, the documents
// stored so far stay stored and a rerun finishes the job.
func Ingest(ctx context.Context, st *corpus.Store, paths []string, cfg IngestConfig) (Summary, error) {
	start := time.Now()
	sum := Summary{Reasons: map[string]int{}, BatchFindings: -1}
	if cfg.Reader == nil {
		cfg.Reader = &Reader{}
	}
	segment := segmenter(cfg)
	files, errs := Find(paths)
	sum.Files = len(files) + len(errs)
	known, err := st.Hashes(ctx)
	if err != nil {
		return sum, err
	}
	workers := cfg.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	filec := make(chan File)
	resc := make(chan result, maxBatch) // what the writer takes in one transaction
	go func() {
		defer close(filec)
		for _, f := range files {
			select {
			case filec <- f:
			case <-ctx.Done():
				return
			}
		}
	}()
	// Two stages, each with as many goroutines as workers: one keeps the
	// reading (a worker process each, when isolated) busy, the other
	// checks and indexes what was read, so a worker never waits for the
	// rules of its last file. Up to four transactions' worth of files
	// read wait for checking: the workers go on reading while the checkers
	// wait for the segmenter to load (a quarter of a second, some 80 files
	// of the bench corpus) or the writer for its transaction. With one
	// transaction's worth they stopped a tenth of a second into the load,
	// a CPU idle; the bench ingest took 5 % longer (16 rounds alternated,
	// 1.72 s against 1.66 s). Each waiting report holds some 70 KB.
	readc := make(chan result, 4*maxBatch)
	var readers, checkers sync.WaitGroup
	for range workers {
		readers.Add(1)
		go func() {
			defer readers.Done()
			for f := range filec {
				if ctx.Err() != nil {
					return
				}
				readc <- readFile(ctx, f, known, cfg, segment)
			}
		}()
	}
	released := make(chan struct{})
	go func() {
		defer close(released)
		readers.Wait()
		close(readc)
		if cfg.Release {
			cfg.Reader.Release()
		}
	}()
	// The writer drains every result before any return below, so the
	// readers end and the workers are released before Ingest returns.
	defer func() { <-released }()
	for range workers {
		checkers.Add(1)
		go func() {
			defer checkers.Done()
			for r := range readc {
				if ctx.Err() != nil && r.outcome == Stored && r.fatal == nil {
					// Interrupted: the writer stores no more than it has
					// gathered, and a rerun reads this file again; up to
					// four transactions' worth wait here, not to be checked.
					r.fatal = ctx.Err()
				} else {
					r = checkFile(r, cfg, segment)
				}
				resc <- r
			}
		}()
	}
	go func() { checkers.Wait(); close(resc) }()

	done := 0
	emit := func(ev Event) {
		done++
		ev.Done, ev.Total = done, sum.Files
		if cfg.Progress != nil {
			cfg.Progress(ev)
		}
	}
	for _, e := range errs {
		if errors.Is(e, ErrNotRegular) || errors.Is(e, ErrSymlinkLoop) {
			sum.Ignored++
			emit(Event{Path: e.Path, Outcome: Ignored, Reason: e.Reason, Err: e.Err})
			continue
		}
		sum.Failed++
		sum.Reasons[e.Reason]++
		emit(Event{Path: e.Path, Outcome: Failed, Reason: e.Reason, Err: e.Err})
	}
	seen := map[string]bool{} // hashes stored by this run
	var putErr error
	finish := func(r result) {
		ev := Event{Path: r.Path, Outcome: r.outcome}
		switch r.outcome {
		case Stored:
			sum.Stored++
		case Failed:
			sum.Failed++
			ev.Reason, ev.Err = r.doc.Reason, r.doc.Err
			sum.Reasons[ev.Reason]++
		case Skipped:
			sum.Skipped++
			if known[r.doc.SHA256] == "failed" {
				sum.SkippedFailed++
			}
		case Ignored:
			sum.Ignored++
		}
		emit(ev)
	}
	// The writer stores up to maxBatch files in one transaction, waiting
	// for more up to batchWait after the first: a commit costs more than
	// a file's rows (the pages it touched are written again, the
	// full-text index flushed), and the workers often finish a file or
	// two at a time. The last files are not kept waiting: resc closes.
	// When the run is interrupted, the files gathered so far are stored
	// (they are read), and the rest drained.
	for r := range resc {
		if putErr != nil || ctx.Err() != nil {
			continue // drain so the workers can stop
		}
		batch := []result{r}
		wait := time.NewTimer(batchWait)
	more:
		for len(batch) < maxBatch {
			select {
			case r, ok := <-resc:
				if !ok {
					break more
				}
				batch = append(batch, r)
			case <-wait.C:
				break more
			case <-ctx.Done():
				break more
			}
		}
		wait.Stop()
		var docs []*corpus.Doc
		var replace []bool
		var stored []result
		for _, r := range batch {
			switch {
			case r.fatal != nil && ctx.Err() != nil && errors.Is(r.fatal, ctx.Err()):
				// a read the interruption ended: read again by a rerun
			case r.fatal != nil:
				putErr = r.fatal
			case r.doc == nil:
				sum.Failed++
				sum.Reasons[r.reason]++
				emit(Event{Path: r.Path, Outcome: Failed, Reason: r.reason, Err: r.err})
			case seen[r.doc.SHA256] || r.outcome == Skipped || r.outcome == Ignored:
				if seen[r.doc.SHA256] {
					r.outcome = Skipped
				}
				finish(r)
			default:
				seen[r.doc.SHA256] = true
				docs = append(docs, r.doc)
				replace = append(replace, cfg.Force || cfg.RetryFailed && known[r.doc.SHA256] == "failed")
				stored = append(stored, r)
			}
		}
		if putErr != nil || len(docs) == 0 {
			continue
		}
		// Finish the transaction even when interrupted meanwhile.
		ok, err := st.PutAll(context.WithoutCancel(ctx), docs, replace)
		if err != nil {
			putErr = err
			continue
		}
		for i, r := range stored {
			if !ok[i] {
				r.outcome = Skipped
			}
			finish(r)
		}
	}
	sum.Elapsed = time.Since(start)
	if putErr != nil {
		return sum, putErr
	}
	if ctx.Err() != nil {
		sum.Interrupted = true
		return sum, nil
	}
	if cfg.Force {
		if err := st.PruneTexts(ctx); err != nil {
			return sum, err
		}
	}
	dirty, err := st.BatchDirty(ctx)
	if err != nil {
		return sum, err
	}
	switch {
	case !dirty && !cfg.Force:
	case cfg.CheckBatch != nil:
		if sum.BatchFindings, err = st.RecheckBatch(ctx, cfg.CheckBatch); err != nil {
			return sum, err
		}
	default:
		// Without the cross-document rules the submissions still change
		// with what was stored: which file of a report counts.
		if err := st.RefreshSubmissions(ctx); err != nil {
			return sum, err
		}
	}
	sum.Elapsed = time.Since(start)
	return sum, nil
}

// segmenter returns the function the workers call for the word segmenter.
// Loading costs 0.6 s: a rerun that skips every file never pays it, and
// the first file to read starts it in the background so the workers parse
// meanwhile.
func segmenter(cfg IngestConfig) (get func() (*corpus.Segmenter, error)) {
	if cfg.Segmenter != nil {
		return func() (*corpus.Segmenter, error) { return cfg.Segmenter, nil }
	}
	var once sync.Once
	var seg *corpus.Segmenter
	var err error
	return func() (*corpus.Segmenter, error) {
		once.Do(func() { seg, err = corpus.LoadSegmenter(cfg.DictDir) })
		return seg, err
	}
}

// readFile reads one file: a Stored result carries the report read,
// which checkFile then checks and indexes.
func readFile(ctx context.Context, f File, known map[string]string, cfg IngestConfig, segment func() (*corpus.Segmenter, error)) (r result) {
	r.File = f
	b, err := readAll(f.Path)
	if err != nil {
		r.outcome, r.err, r.reason = Failed, err, Reason(err)
		if !errors.Is(err, extract.ErrTooLarge) {
			r.reason = "文件不存在或无法打开"
		}
		return r
	}
	h := sha256.Sum256(b)
	d := &corpus.Doc{SHA256: hex.EncodeToString(h[:]), Path: f.Path, Size: int64(len(b))}
	d.Format = string(extract.Sniff(bytes.NewReader(b), d.Size))
	r.doc = d
	if d.Format == "" && !f.Named && !NamedAsReport(f.Path) {
		r.outcome = Ignored
		return r
	}
	switch st := known[d.SHA256]; {
	case st == "ok" && !cfg.Force, st == "failed" && !cfg.Force && !cfg.RetryFailed:
		r.outcome = Skipped
		return r
	}
	// Start loading the segmenter while the file is read.
	go segment()
	rep, err := cfg.Reader.read(ctx, f.Path, b, d.SHA256) // hashed above
	if err != nil {
		if ctx.Err() != nil {
			r.fatal = ctx.Err()
			return r
		}
		d.Err, d.Reason = err, Reason(err)
		r.outcome = Failed
		return r
	}
	d.Pages = rep.Source.Pages
	r.rep = rep
	r.outcome = Stored
	return r
}

// checkFile runs the single-report rules on a file read, converts the
// checked report into what corpus stores and cuts its text for the index.
// A panic in the rules becomes a failed document rather than ending the
// ingest.
func checkFile(r result, cfg IngestConfig, segment func() (*corpus.Segmenter, error)) result {
	if r.outcome != Stored || r.doc == nil || r.rep == nil {
		return r
	}
	d := r.doc
	rep := r.rep
	r.rep = nil // the writer needs only what corpus stores
	defer func() {
		if p := recover(); p != nil {
			d.Report, d.Index = nil, nil
			d.Err = fmt.Errorf("pipeline: ingest %s: %w: panic: %v", r.Path, ErrInternal, p)
			d.Reason = Reason(ErrInternal)
			r.outcome = Failed
		}
	}()
	checked := &rules.Checked{Report: rep}
	if cfg.Check != nil {
		checked = cfg.Check(rep)
	}
	d.Report = StoredReport(checked)
	seg, err := segment()
	if err != nil {
		r.fatal = err
		return r
	}
	d.Index = corpus.NewIndex(d.Report, seg)
	return r
}

// readAll reads a file, refusing one larger than extract.MaxFileSize
// before reading it.
func readAll(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// Room for the whole file and one byte more, as os.ReadFile makes it, so
	// that it is read in one go rather than grown into (the copies took
	// two thirds of io.ReadAll's CPU on the bench corpus); the file may
	// still change size meanwhile.
	size := int64(512)
	if fi, err := f.Stat(); err == nil && fi.Size() > 0 {
		size = min(fi.Size(), extract.MaxFileSize) + 1
	}
	b := make([]byte, 0, size)
	r := io.LimitReader(f, extract.MaxFileSize+1)
	for {
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
	}
	if len(b) > extract.MaxFileSize {
		return nil, &extract.Error{Path: path, Err: fmt.Errorf("%w: more than %d bytes", extract.ErrTooLarge, extract.MaxFileSize)}
	}
	return b, nil
}

package corpus

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"
	"time"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/report"
)

// IngestConfig says how Ingest reads and checks files.
type IngestConfig struct {
	Workers     int                    // files read in parallel; 0 = the number of CPUs
	Force       bool                   // read and store again files already stored
	RetryFailed bool                   // read again files stored as failed
	Segmenter   *Segmenter             // cuts text for the index; nil = LoadSegmenter(DictDir) once a file needs it
	DictDir     string                 // see LoadSegmenter
	Read        report.Options         // how reports are read (label synonyms from jixiao.toml)
	Check       func(*report.Report)   // single-report rules, run in the workers; may be nil
	CheckBatch  func([]*report.Report) // cross-document rules, run once at the end; may be nil
	Progress    func(Event)            // called by the writer after each file; may be nil

	segment func() (*Segmenter, error)
	warm    func()
}

// Outcome is what became of one file.
type Outcome int

const (
	Stored  Outcome = iota // read and stored
	Failed                 // could not be read; stored as a failed document unless it has no hash
	Skipped                // already stored (or stored as failed, without RetryFailed)
	Ignored                // found in a folder and not a .docx or .pdf
)

// Event reports one file to IngestConfig.Progress.
type Event struct {
	Path        string
	Outcome     Outcome
	Reason      string // Chinese, for Failed
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

// job is one file found by the walk; named is set for files given by name,
// which are recorded even when they are not reports.
type job struct {
	path  string
	named bool
	seq   int // position in the walk
}

type result struct {
	job
	doc     *Doc // nil when the file could not even be opened
	outcome Outcome
	err     error // when doc is nil
	fatal   error // stops the ingest
}

// Ingest reads the files and folders (recursively) in paths and stores
// each .docx or .pdf, recognized by content, as a document: in parallel
// workers, with one writer and one transaction per document. Files already
// stored are skipped by their SHA-256. A file that cannot be read is stored
// as failed and stops nothing. When the context is cancelled, the documents
// stored so far stay stored and a rerun finishes the job.
func (s *Store) Ingest(ctx context.Context, paths []string, cfg IngestConfig) (Summary, error) {
	start := time.Now()
	sum := Summary{Reasons: map[string]int{}, BatchFindings: -1}
	if cfg.Segmenter == nil {
		// Loading costs 0.6 s: a rerun that skips every file never pays
		// it, and the first file to read starts it in the background so
		// the workers parse meanwhile.
		var once sync.Once
		cfg.warm = func() { once.Do(func() { go LoadSegmenter(cfg.DictDir) }) }
		cfg.segment = func() (*Segmenter, error) { return LoadSegmenter(cfg.DictDir) }
	} else {
		cfg.warm = func() {}
		cfg.segment = func() (*Segmenter, error) { return cfg.Segmenter, nil }
	}
	jobs, missing := walk(paths)
	sum.Files = len(jobs) + len(missing)
	known, err := s.hashes(ctx)
	if err != nil {
		return sum, err
	}
	workers := cfg.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	jobc := make(chan job)
	resc := make(chan result, workers)
	go func() {
		defer close(jobc)
		for i, j := range jobs {
			j.seq = i
			select {
			case jobc <- j:
			case <-ctx.Done():
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobc {
				if ctx.Err() != nil {
					return
				}
				resc <- readFile(j, known, cfg)
			}
		}()
	}
	go func() { wg.Wait(); close(resc) }()

	done := 0
	emit := func(ev Event) {
		done++
		ev.Done, ev.Total = done, sum.Files
		if cfg.Progress != nil {
			cfg.Progress(ev)
		}
	}
	unreadable := func(m missingFile) {
		sum.Failed++
		reason := "文件不存在或无法打开"
		sum.Reasons[reason]++
		emit(Event{Path: m.path, Outcome: Failed, Reason: reason, Err: m.err})
	}
	for _, m := range missing {
		unreadable(m)
	}
	seen := map[string]bool{} // hashes stored by this run
	var putErr error
	for r := range inOrder(resc) {
		if putErr != nil || ctx.Err() != nil {
			continue // drain so the workers can stop
		}
		if r.doc != nil && seen[r.doc.SHA256] {
			r.outcome = Skipped
		}
		if r.fatal != nil {
			putErr = r.fatal
			continue
		}
		if r.doc == nil {
			unreadable(missingFile{r.path, r.err})
			continue
		}
		if r.outcome == Stored || r.outcome == Failed {
			// Finish the transaction even when interrupted meanwhile.
			stored, err := s.Put(context.WithoutCancel(ctx), r.doc, cfg.Force || cfg.RetryFailed && known[r.doc.SHA256] == "failed")
			if err != nil {
				putErr = err
				continue
			}
			seen[r.doc.SHA256] = true
			if !stored {
				r.outcome = Skipped
			}
		}
		ev := Event{Path: r.path, Outcome: r.outcome}
		switch r.outcome {
		case Stored:
			sum.Stored++
		case Failed:
			sum.Failed++
			ev.Reason, ev.Err = r.doc.Reason, r.doc.Err
			sum.Reasons[ev.Reason]++
		case Skipped:
			sum.Skipped++
			if r.doc != nil && known[r.doc.SHA256] == "failed" {
				sum.SkippedFailed++
			}
		case Ignored:
			sum.Ignored++
		}
		emit(ev)
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
		if err := s.pruneTexts(ctx); err != nil {
			return sum, err
		}
	}
	if cfg.CheckBatch != nil {
		dirty, err := s.BatchDirty(ctx)
		if err != nil {
			return sum, err
		}
		if dirty || cfg.Force {
			if sum.BatchFindings, err = s.RecheckBatch(ctx, cfg.CheckBatch); err != nil {
				return sum, err
			}
		}
	}
	sum.Elapsed = time.Since(start)
	return sum, nil
}

// inOrder passes the results on in walk order, so documents get their ids
// in the order of their paths whatever the workers' timing, and listings
// in rowid order read in path order.
func inOrder(in <-chan result) <-chan result {
	out := make(chan result)
	go func() {
		defer close(out)
		pending := map[int]result{}
		next := 0
		for r := range in {
			pending[r.seq] = r
			for {
				r, ok := pending[next]
				if !ok {
					break
				}
				delete(pending, next)
				next++
				out <- r
			}
		}
		// After a cancellation some results never come; pass on the rest.
		for _, r := range pending {
			out <- r
		}
	}()
	return out
}

// hashes returns the status of every stored document by SHA-256.
func (s *Store) hashes(ctx context.Context) (map[string]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT sha256, status FROM documents`)
	if err != nil {
		return nil, fmt.Errorf("corpus: stored hashes: %w", err)
	}
	defer rows.Close()
	m := map[string]string{}
	for rows.Next() {
		var h, st string
		if err := rows.Scan(&h, &st); err != nil {
			return nil, fmt.Errorf("corpus: stored hashes: %w", err)
		}
		m[h] = st
	}
	return m, rows.Err()
}

type missingFile struct {
	path string
	err  error
}

// walk lists the files under paths, see extract.Find.
func walk(paths []string) (jobs []job, missing []missingFile) {
	files, errs := extract.Find(paths)
	for _, f := range files {
		jobs = append(jobs, job{path: f.Path, named: f.Named})
	}
	for _, e := range errs {
		missing = append(missing, missingFile{e.Path, e.Err})
	}
	return jobs, missing
}

// readFile reads one file into a Doc. A panic in the reading or the rules
// becomes a failed document rather than ending the ingest.
func readFile(j job, known map[string]string, cfg IngestConfig) (r result) {
	r.job = j
	b, err := os.ReadFile(j.path)
	if err != nil {
		r.outcome, r.err = Failed, err
		return r
	}
	sum := sha256.Sum256(b)
	d := &Doc{SHA256: hex.EncodeToString(sum[:]), Path: j.path, Size: int64(len(b))}
	d.Format = string(extract.Sniff(bytes.NewReader(b), d.Size))
	r.doc = d
	if d.Format == "" && !j.named && !extract.NamedAsReport(j.path) {
		r.outcome = Ignored
		return r
	}
	switch st := known[d.SHA256]; {
	case st == "ok" && !cfg.Force, st == "failed" && !cfg.Force && !cfg.RetryFailed:
		r.outcome = Skipped
		return r
	}
	defer func() {
		if p := recover(); p != nil {
			d.Report, d.Index = nil, nil
			d.Err = fmt.Errorf("corpus: ingest %s: panic: %v", j.path, p)
			d.Reason = "程序内部错误，请把文件发给开发人员"
			r.outcome = Failed
		}
	}()
	cfg.warm()
	rep, err := parse(bytes.NewReader(b), d.Size, j.path, cfg.Read)
	if err != nil {
		d.Err, d.Reason = err, report.Reason(err)
		r.outcome = Failed
		return r
	}
	d.Pages = rep.Source.Pages
	if cfg.Check != nil {
		cfg.Check(rep)
	}
	seg, err := cfg.segment()
	if err != nil {
		r.fatal = err
		return r
	}
	d.Report, d.Index = rep, NewIndex(rep, seg)
	r.outcome = Stored
	return r
}

func parse(r io.ReaderAt, size int64, path string, o report.Options) (*report.Report, error) {
	doc, err := extract.Read(r, size, path)
	if err != nil {
		return nil, err
	}
	return o.Read(doc)
}

package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/internal/hostile"
	"github.com/jixiao/jixiao/report"
)

// TestIsolatedReadsAlike reads every sample in a worker and in this
// process: the reports must be the same, to the last field and the
// indicators' columns.
func TestIsolatedReadsAlike(t *testing.T) {
	files := samples()
	iso := &Reader{Isolate: true, Options: report.Options{Explain: true}}
	defer iso.Close()
	local := &Reader{Options: report.Options{Explain: true}}
	n := 0
	for _, f := range files {
		if filepath.Ext(f) != ".docx" && filepath.Ext(f) != ".pdf" {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		want, werr := local.Read(context.Background(), f, data)
		// The worker is given the file's hash, as an ingest gives it, and
		// the report names the hash this process computes.
		sum := sha256.Sum256(data)
		got, gerr := iso.read(context.Background(), f, data, hex.EncodeToString(sum[:]))
		if (werr == nil) != (gerr == nil) || werr != nil && (werr.Error() != gerr.Error() || Reason(werr) != Reason(gerr)) {
			t.Errorf("%s: error %v in a worker, %v here", f, gerr, werr)
			continue
		}
		if werr != nil {
			continue
		}
		n++
		wj, _ := json.Marshal(want)
		gj, _ := json.Marshal(got)
		if string(wj) != string(gj) {
			i := 0
			for i < len(wj) && i < len(gj) && wj[i] == gj[i] {
				i++
			}
			t.Errorf("%s: JSON read in a worker differs at byte %d: %.80q, here %.80q", f, i, gj[i:], wj[i:])
		}
		if !reflect.DeepEqual(want.Trace, got.Trace) || !reflect.DeepEqual(want.Unmapped, got.Unmapped) {
			t.Errorf("%s: trace or unmapped differ when read in a worker", f)
		}
		if w, g := indicatorCols(want), indicatorCols(got); !reflect.DeepEqual(w, g) {
			t.Errorf("%s: the indicators' columns differ when read in a worker: %v, here %v", f, g, w)
		}
	}
	if n < 20 {
		t.Errorf("only %d samples read", n)
	}
}

// samples lists the bundled files: the seed reports and the real forms.
func samples() []string {
	files, _ := filepath.Glob("../testdata/seed/*.*")
	forms, _ := filepath.Glob("../testdata/real-forms/*.*")
	return append(files, forms...)
}

// indicatorCols lists the Cols of rep's indicators, which JSON leaves out.
func indicatorCols(rep *report.Report) []map[string]int {
	var out []map[string]int
	for _, in := range rep.DepartmentIndicators {
		out = append(out, in.Cols)
	}
	for _, p := range rep.Projects {
		for _, in := range p.Indicators {
			out = append(out, in.Cols)
		}
		for _, in := range p.MidTermIndicators {
			out = append(out, in.Cols)
		}
	}
	return out
}

// TestIsolatedErrors: an error from a worker is the error read here: the
// same sentinel for errors.Is, the same text, the same reason.
func TestIsolatedErrors(t *testing.T) {
	iso := &Reader{Isolate: true}
	defer iso.Close()
	local := &Reader{}
	for name, data := range hostile.Files() {
		_, want := local.Read(context.Background(), name, data)
		_, got := iso.Read(context.Background(), name, data)
		if want == nil || got == nil {
			if (want == nil) != (got == nil) {
				t.Errorf("%s: %v in a worker, %v here", name, got, want)
			}
			continue
		}
		if got.Error() != want.Error() || Reason(got) != Reason(want) || sentinelOf(got) != sentinelOf(want) {
			t.Errorf("%s: in a worker %v (%s), here %v (%s)", name, got, Reason(got), want, Reason(want))
		}
	}
	for _, s := range sentinels {
		if sentinelOf(fmt.Errorf("x: %w", s)) < 0 || !errors.Is(sentinels[sentinelOf(s)], s) {
			t.Errorf("%v: not named by its place in sentinels", s)
		}
	}
	_, err := iso.Read(context.Background(), "x.txt", []byte("hello"))
	if !errors.Is(err, extract.ErrUnknownFormat) || Reason(err) != report.Reason(extract.ErrUnknownFormat) {
		t.Errorf("a text file in a worker: %v (%s)", err, Reason(err))
	}
}

// TestWorkerLimits starts workers that overrun each limit, through a
// hidden mode of the test binary, and checks each is named and replaced.
func TestWorkerLimits(t *testing.T) {
	for _, tt := range []struct {
		mode string
		want error
	}{
		{"hang", ErrTimeout},
		{"eat", ErrMemory},
		{"recurse", ErrCrash},
		{"exit", ErrCrash},
	} {
		t.Run(tt.mode, func(t *testing.T) {
			// The time limit is short only where it is what is tested: on a
			// busy machine, eating 200 MB may take longer than 3 s.
			lim := Limits{Time: 3 * time.Second, Memory: 200 << 20}
			if tt.want != ErrTimeout {
				lim.Time = time.Minute
			}
			r := &Reader{Isolate: true, Command: misbehavingCommand, Limits: lim}
			defer r.Close()
			start := time.Now()
			_, err := r.Read(context.Background(), misbehave+tt.mode, []byte("%PDF-1.4"))
			if !errors.Is(err, tt.want) {
				t.Fatalf("got %v, want %v", err, tt.want)
			}
			if d := time.Since(start); tt.want == ErrTimeout && d > 10*time.Second {
				t.Errorf("took %v", d)
			}
			t.Logf("%v: %s", err, Reason(err))
			// The next file gets a fresh worker.
			data, _ := os.ReadFile("../testdata/seed/seed.docx")
			if _, err := r.Read(context.Background(), "seed.docx", data); err != nil {
				t.Errorf("after the bad file: %v", err)
			}
		})
	}
}

// TestOCRTimeLimit: a file whose pages are recognised by OCR has the
// longer limit, from when the worker says the recognition starts; other
// files keep the short one.
func TestOCRTimeLimit(t *testing.T) {
	r := &Reader{Isolate: true, Command: misbehavingCommand, Limits: Limits{Time: time.Second, OCR: 4 * time.Second}}
	defer r.Close()
	data, err := os.ReadFile("../testdata/seed/seed.docx")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Read(context.Background(), misbehave+"ocr-slow", data); err != nil {
		t.Errorf("a scan read in 2 s under the OCR limit of 4 s: %v", err)
	}
	if _, err := r.Read(context.Background(), misbehave+"slow", data); !errors.Is(err, ErrTimeout) {
		t.Errorf("a file without OCR read in 2 s under the limit of 1 s: got %v, want %v", err, ErrTimeout)
	}
	start := time.Now()
	_, err = r.Read(context.Background(), misbehave+"ocr-hang", data)
	if d := time.Since(start); !errors.Is(err, ErrTimeout) || d < 3500*time.Millisecond || d > 10*time.Second {
		t.Errorf("a hanging scan: %v after %v, want %v after the OCR limit of 4 s", err, d, ErrTimeout)
	}
}

// TestIsolatedDocuments: a document read in a worker is the document read
// here, boxes and all.
func TestIsolatedDocuments(t *testing.T) {
	iso := &Reader{Isolate: true}
	defer iso.Close()
	local := &Reader{}
	for _, f := range []string{"../testdata/seed/seed.pdf", "../testdata/seed/seed.docx", "../testdata/real-forms/09-bingtuan-baoxianku.pdf"} {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		want, werr := local.ReadDocument(context.Background(), f, data)
		got, gerr := iso.ReadDocument(context.Background(), f, data)
		if werr != nil || gerr != nil {
			t.Fatalf("%s: %v in a worker, %v here", f, gerr, werr)
		}
		var wb, gb strings.Builder
		extract.Dump(&wb, want)
		extract.Dump(&gb, got)
		if wb.String() != gb.String() || len(got.Blocks) == 0 {
			t.Errorf("%s: the document read in a worker differs", f)
		}
		if !reflect.DeepEqual(boxes(want), boxes(got)) || len(boxes(got)) == 0 {
			t.Errorf("%s: cell boxes differ or are missing (%d here, %d in a worker)", f, len(boxes(want)), len(boxes(got)))
		}
	}
	// A table in a table: its link to its cell is a cycle gob cannot
	// send; it comes back linked.
	nested := hostile.DOCX(`<w:tbl><w:tr><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>内</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/></w:tc></w:tr></w:tbl>`)
	doc, err := iso.ReadDocument(context.Background(), "nested.docx", nested)
	if err != nil {
		t.Fatal(err)
	}
	if outer := doc.Blocks[0].Table; outer == nil || len(outer.Cells[0].Tables()) != 1 || outer.Cells[0].Tables()[0].Parent != outer.Cells[0] {
		t.Errorf("nested table not linked to its cell: %+v", doc.Blocks)
	}
	if _, err := iso.ReadDocument(context.Background(), "x.txt", []byte("hello")); !errors.Is(err, extract.ErrUnknownFormat) {
		t.Errorf("a text file: %v", err)
	}
}

// boxes lists the boxes of the top-level tables' cells.
func boxes(doc *extract.Document) []extract.Rect {
	var out []extract.Rect
	for _, b := range doc.Blocks {
		if b.Table == nil {
			continue
		}
		for _, c := range b.Table.Cells {
			out = append(out, c.Pos.BBox)
		}
	}
	return out
}

// TestRelease: the idle workers a Release stops have exited when it
// returns, and the Reader reads on with a new one.
func TestRelease(t *testing.T) {
	r := &Reader{Isolate: true}
	defer r.Close()
	data, err := os.ReadFile(filepath.Join("..", "testdata", "seed", "seed.docx"))
	if err != nil {
		t.Fatal(err)
	}
	read := func() *worker {
		t.Helper()
		if _, err := r.Read(context.Background(), "seed.docx", data); err != nil {
			t.Fatal(err)
		}
		r.mu.Lock()
		defer r.mu.Unlock()
		if len(r.idle) != 1 {
			t.Fatalf("%d idle workers after a read, want 1", len(r.idle))
		}
		return r.idle[0]
	}
	first := read()
	r.Release()
	select {
	case <-first.exited:
	default:
		t.Fatal("a released worker is still running")
	}
	r.mu.Lock()
	if len(r.idle) != 0 {
		t.Errorf("%d idle workers after Release", len(r.idle))
	}
	r.mu.Unlock()
	if second := read(); second == first || second.cmd.Process.Pid == first.cmd.Process.Pid {
		t.Error("read after Release by the released worker")
	}
}

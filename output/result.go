package output

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/jixiao/jixiao/corpus"
)

// ErrResultFull is returned by ResultWriter.Row when a format that keeps
// its rows has kept as many as it may; the writer has the rows before.
var ErrResultFull = errors.New("output: result: the format's row limit is reached")

// Limits of the formats that keep the rows until the end: the aligned
// table (its column widths) and the workbook (a sheet).
const (
	MaxTableRows = 10000   // rows shown as an aligned table
	MaxSheetRows = 1048575 // an Excel sheet's 1048576 rows less the header
	maxKeptBytes = 256 << 20
	maxTableCell = 400 // bytes of a cell kept for the table, which shows 60 columns of it
)

// ResultWriter writes a query result in one of Formats as its rows
// arrive (it is a corpus.RowSink). CSV and JSON rows are written one by
// one, so a result of any length takes the same memory. The table and xlsx
// formats need every row before the first is written; they keep at most
// MaxTableRows and MaxSheetRows rows (and 256 MB of text), then Row
// returns ErrResultFull and Truncated reports it. Close writes what is
// kept and ends the output.
type ResultWriter struct {
	w      io.Writer
	format string
	name   string // of the sheet

	bw   bytes.Buffer // whole rows not yet written to w
	cw   *csv.Writer
	cols []corpus.Column
	kept *corpus.Table // table and xlsx
	size int           // bytes of text in kept

	rows      int
	truncated bool
}

// NewResultWriter returns a writer of format to w; name is the sheet's
// name in a workbook.
func NewResultWriter(w io.Writer, format, name string) (*ResultWriter, error) {
	if format == "" {
		format = "table"
	}
	if !slices.Contains(Formats, format) {
		return nil, fmt.Errorf("output: unknown format %q", format)
	}
	return &ResultWriter{w: w, format: format, name: name}, nil
}

// Columns starts the output with the header.
func (r *ResultWriter) Columns(cols []corpus.Column) error {
	r.cols = append([]corpus.Column{}, cols...) // not nil: Close checks it was called
	switch r.format {
	case "csv":
		r.bw.WriteString("\uFEFF")
		r.cw = csv.NewWriter(&r.bw)
		rec := make([]string, len(cols))
		for i, c := range cols {
			rec[i] = c.Title
		}
		r.cw.Write(rec)
		r.cw.Flush()
		return r.cw.Error()
	case "json":
		r.bw.WriteString("[")
		return nil
	}
	r.kept = &corpus.Table{Name: r.name, Columns: cols}
	return nil
}

// Row writes or keeps one row.
func (r *ResultWriter) Row(vals []any) error {
	switch r.format {
	case "csv":
		rec := make([]string, len(vals))
		for i, v := range vals {
			rec[i] = csvCell(v)
		}
		r.cw.Write(rec)
		r.cw.Flush()
		r.rows++
		if err := r.cw.Error(); err != nil {
			return err
		}
		return r.flushRows(64 << 10)
	case "json":
		r.jsonRow(vals)
		r.rows++
		return r.flushRows(64 << 10)
	}
	limit := MaxSheetRows
	if r.format == "table" {
		limit = MaxTableRows
		vals = tableCells(vals)
	}
	n := 0
	for _, v := range vals {
		if s, ok := v.(string); ok {
			n += len(s)
		}
	}
	if r.rows >= limit || r.size+n > maxKeptBytes {
		r.truncated = true
		return ErrResultFull
	}
	r.kept.Rows = append(r.kept.Rows, vals)
	r.size += n
	r.rows++
	return nil
}

// jsonRow writes a row as Write does: an object keyed by Column.Key
// in column order.
func (r *ResultWriter) jsonRow(vals []any) {
	if r.rows > 0 {
		r.bw.WriteString(",")
	}
	r.bw.WriteString("\n  {")
	for i, v := range vals {
		if i > 0 {
			r.bw.WriteString(", ")
		}
		writeJSONValue(&r.bw, r.cols[i].Key)
		r.bw.WriteString(": ")
		if f, ok := v.(float64); ok && (math.IsInf(f, 0) || math.IsNaN(f)) {
			v = cellText(f) // JSON has no infinity: "+Inf" keeps it readable
		}
		writeJSONValue(&r.bw, v)
	}
	r.bw.WriteString("}")
}

// flushRows writes the rows held once they reach size bytes, so that
// output stopped by an error ends with a whole row.
func (r *ResultWriter) flushRows(size int) error {
	if r.bw.Len() < size {
		return nil
	}
	_, err := r.w.Write(r.bw.Bytes())
	r.bw.Reset()
	return err
}

// tableCells cuts long text, of which the table shows 60 columns, so
// that kept rows stay small.
func tableCells(vals []any) []any {
	for i, v := range vals {
		s, ok := v.(string)
		if !ok || len(s) <= maxTableCell {
			continue
		}
		s = strings.Join(strings.Fields(s), " ")
		if len(s) > maxTableCell {
			cut := maxTableCell
			for cut > 0 && !utf8.RuneStart(s[cut]) {
				cut--
			}
			s = s[:cut] + "…"
		}
		vals[i] = s
	}
	return vals
}

// Close writes the kept rows or ends the streamed ones, and flushes.
func (r *ResultWriter) Close() error {
	if r.cols == nil {
		return errors.New("output: result: closed before the columns")
	}
	switch r.format {
	case "csv":
		r.cw.Flush()
		if err := r.cw.Error(); err != nil {
			return err
		}
	case "json":
		if r.rows > 0 {
			r.bw.WriteString("\n")
		}
		r.bw.WriteString("]\n")
	case "xlsx":
		return WriteXLSX(r.w, r.kept)
	default:
		return writeText(r.w, r.kept)
	}
	return r.flushRows(0)
}

// Rows counts the rows written or kept.
func (r *ResultWriter) Rows() int { return r.rows }

// Truncated reports whether rows were left out by the format's limit.
func (r *ResultWriter) Truncated() bool { return r.truncated }

package corpus

import (
	"strings"
)

// bulk gathers rows for one table, inserted by statements of many rows
// each (INSERT … VALUES (…), (…), …): a batch of reports holds thousands
// of rows, and a statement through database/sql costs more than SQLite's
// insert of a row. The values are bound as one statement a row would bind
// them, and the rows keep their order, and so their rowids.
type bulk struct {
	table string
	cols  []string
	args  []any
	sql   [len(bulkChunks)]string // the statements inserting bulkChunks[k] rows
}

// bulkChunks are the rows a statement inserts: full chunks, then smaller
// ones for the rest, so that a table needs three prepared statements and
// a batch's rest at most 3 + 7 statements. 32 rows of the widest table
// (indicators, 49 columns) bind 1,568 values, well within SQLite's limit
// of 32,766.
var bulkChunks = [...]int{32, 8, 1}

func newBulk(table string, cols ...string) *bulk {
	r := &bulk{table: table, cols: cols}
	row := "(?" + strings.Repeat(", ?", len(cols)-1) + ")"
	for k, n := range bulkChunks {
		r.sql[k] = "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES " +
			row + strings.Repeat(", "+row, n-1)
	}
	return r
}

// empty is a bulk for r's table without rows.
func (r *bulk) empty() *bulk {
	return &bulk{table: r.table, cols: r.cols, sql: r.sql}
}

// add appends a row of len(r.cols) values.
func (r *bulk) add(vals ...any) {
	if len(vals) != len(r.cols) {
		panic("corpus: bulk: row of the wrong width") // a programming error
	}
	r.args = append(r.args, vals...)
}

// flush inserts the rows gathered in r.
func (w *writer) flush(r *bulk) {
	width := len(r.cols)
	rows, done := len(r.args)/width, 0
	for k, size := range bulkChunks {
		for rows-done >= size {
			w.exec(r.sql[k], r.args[done*width:(done+size)*width]...)
			done += size
		}
	}
	r.reset()
}

// reset empties r, keeping its buffer.
func (r *bulk) reset() {
	clear(r.args) // let the strings go
	r.args = r.args[:0]
}

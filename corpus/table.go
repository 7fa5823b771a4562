package corpus

// Column is one column of a Table: Key names it in JSON, Title in the
// table, CSV and spreadsheet forms, which finance staff read.
type Column struct {
	Key   string
	Title string
}

// Table is a query result, which package output prints or exports.
// Cells are strings, int64, float64 or nil.
type Table struct {
	Name    string // sheet name in a workbook
	Columns []Column
	Rows    [][]any
}

package corpus

import "fmt"

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

// CellText is a cell of a Table, or a value read from the database, as
// text: a number as written (90, not 90.0), NULL as "".
func CellText(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case float64:
		return fmt.Sprintf("%g", v)
	}
	return fmt.Sprint(v)
}

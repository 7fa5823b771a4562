package corpus

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/rivo/uniseg"
	"github.com/xuri/excelize/v2"
)

// Column is one column of a Table: Key names it in JSON, Title in the
// table, CSV and spreadsheet forms, which finance staff read.
type Column struct {
	Key   string
	Title string
}

// Table is a query result ready to print or export. Cells are strings,
// int64, float64 or nil.
type Table struct {
	Name    string // sheet name in a workbook
	Columns []Column
	Rows    [][]any
}

// Formats lists the names Write accepts.
var Formats = []string{"table", "csv", "json", "xlsx"}

// Write writes t in format: "table" (aligned text), "csv" (UTF-8 with a
// byte-order mark, so Excel reads the Chinese), "json" (an array of
// objects keyed by Column.Key) or "xlsx".
func (t *Table) Write(w io.Writer, format string) error {
	switch format {
	case "table", "":
		return t.writeText(w)
	case "csv":
		return t.writeCSV(w)
	case "json":
		return t.writeJSON(w)
	case "xlsx":
		return WriteXLSX(w, t)
	}
	return fmt.Errorf("corpus: unknown format %q", format)
}

func cellText(v any) string {
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

// writeText aligns the columns by display width (a Chinese character
// takes two cells), leaving out columns that are empty in every row.
func (t *Table) writeText(w io.Writer) error {
	if len(t.Rows) > 0 {
		t = t.dropEmpty()
	}
	const maxWidth = 60 // longer cells are cut so a row stays on a line or two
	widths := make([]int, len(t.Columns))
	cells := make([][]string, len(t.Rows))
	for i, c := range t.Columns {
		widths[i] = uniseg.StringWidth(c.Title)
	}
	for r, row := range t.Rows {
		cells[r] = make([]string, len(row))
		for i, v := range row {
			s := strings.Join(strings.Fields(cellText(v)), " ")
			if uniseg.StringWidth(s) > maxWidth {
				s = truncate(s, maxWidth-1) + "…"
			}
			cells[r][i] = s
			widths[i] = max(widths[i], uniseg.StringWidth(s))
		}
	}
	var b strings.Builder
	line := func(vals []string) {
		b.Reset()
		for i, s := range vals {
			if i > 0 {
				b.WriteString("  ")
			}
			b.WriteString(s)
			if i < len(vals)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-uniseg.StringWidth(s)))
			}
		}
		b.WriteByte('\n')
	}
	titles := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		titles[i] = c.Title
	}
	line(titles)
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	for _, row := range cells {
		line(row)
		if _, err := io.WriteString(w, b.String()); err != nil {
			return err
		}
	}
	return nil
}

func (t *Table) dropEmpty() *Table {
	keep := make([]int, 0, len(t.Columns))
	for i := range t.Columns {
		for _, row := range t.Rows {
			if cellText(row[i]) != "" {
				keep = append(keep, i)
				break
			}
		}
	}
	out := &Table{Name: t.Name, Rows: make([][]any, len(t.Rows))}
	for _, i := range keep {
		out.Columns = append(out.Columns, t.Columns[i])
	}
	for r, row := range t.Rows {
		out.Rows[r] = make([]any, len(keep))
		for j, i := range keep {
			out.Rows[r][j] = row[i]
		}
	}
	return out
}

func truncate(s string, width int) string {
	w := 0
	for i, r := range s {
		w += uniseg.StringWidth(string(r))
		if w > width {
			return s[:i]
		}
	}
	return s
}

func (t *Table) writeCSV(w io.Writer) error {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	rec := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		rec[i] = c.Title
	}
	cw.Write(rec)
	for _, row := range t.Rows {
		for i, v := range row {
			rec[i] = cellText(v)
			if _, text := v.(string); text && formulaLike(rec[i]) {
				rec[i] = "'" + rec[i]
			}
		}
		cw.Write(rec)
	}
	cw.Flush()
	return cw.Error()
}

// formulaLike reports whether a spreadsheet would read the text s as a
// formula: it starts with = + - @, a tab or a carriage return (OWASP, CSV
// injection). A report's cells are typed by the departments that send
// them, so a cell such as =HYPERLINK(…) or -2+3+cmd|' /C calc'!A0 must
// reach the reviewer's spreadsheet as text.
//
// Exempt are a plain signed decimal (-5, +3.5%, -0.25) and a lone "-",
// the forms' usual "nothing to report": neither holds an operator between
// operands, a function or a reference, so a spreadsheet can only read it
// as the number (or dash) it shows; prefixing it would change what the
// finance staff read in every deviation column. int64 and float64 cells
// are numbers, never text, and are written as numbers.
func formulaLike(s string) bool {
	if s == "" || !strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return false
	}
	return s != "-" && !plainNumber(s)
}

// plainNumber reports whether s is an optional sign, digits with at most
// one decimal point, and an optional final %.
func plainNumber(s string) bool {
	if s[0] == '+' || s[0] == '-' {
		s = s[1:]
	}
	s = strings.TrimSuffix(s, "%")
	digits, points := 0, 0
	for _, c := range []byte(s) {
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == '.':
			points++
		default:
			return false
		}
	}
	return digits > 0 && points <= 1
}

// writeJSON writes an array of objects keyed by Column.Key, keeping the
// column order (a map would sort the keys).
func (t *Table) writeJSON(w io.Writer) error {
	var b bytes.Buffer
	enc := func(v any) {
		var e bytes.Buffer
		je := json.NewEncoder(&e)
		je.SetEscapeHTML(false)
		je.Encode(v)
		b.Write(bytes.TrimRight(e.Bytes(), "\n"))
	}
	b.WriteString("[")
	for r, row := range t.Rows {
		if r > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n  {")
		for i, v := range row {
			if i > 0 {
				b.WriteString(", ")
			}
			enc(t.Columns[i].Key)
			b.WriteString(": ")
			enc(v)
		}
		b.WriteString("}")
		if b.Len() > 64<<10 {
			if _, err := w.Write(b.Bytes()); err != nil {
				return err
			}
			b.Reset()
		}
	}
	if len(t.Rows) > 0 {
		b.WriteString("\n")
	}
	b.WriteString("]\n")
	_, err := w.Write(b.Bytes())
	return err
}

// WriteXLSX writes the tables as the sheets of one workbook, with a bold
// frozen header row and column widths fitted to the text. The workbook is
// streamed: rows go through excelize's StreamWriter (which spills to a
// temporary file past 16 MB) and the archive is compressed straight into
// w, so memory stays bounded whatever the number of rows.
//
// Text cells that look like formulas (see formulaLike) keep their exact
// text: a string cell is never evaluated when the workbook opens, and they
// get the Text number format and Excel's quotePrefix flag (what Excel
// stores when one types a leading '), so editing the cell keeps it text.
func WriteXLSX(w io.Writer, tables ...*Table) error {
	f := excelize.NewFile()
	defer f.Close()
	// File.Write builds the whole archive in a bytes.Buffer before copying
	// it to w (excelize v2.11 WriteToBuffer): hand its zip writer w instead,
	// leaving that buffer empty. Its zip64 header fix-up, which patches the
	// buffer, concerns parts over 4 GiB only, far beyond a sheet's
	// 1,048,576 rows of our tables.
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return zip.NewWriter(w) })
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	quoted, err := quotedStyle(f)
	if err != nil {
		return err
	}
	for n, t := range tables {
		name := t.Name
		if name == "" {
			name = fmt.Sprintf("Sheet%d", n+1)
		}
		if n == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(name); err != nil {
			return err
		}
		if err := writeSheet(f, name, t, bold, quoted); err != nil {
			return err
		}
	}
	return f.Write(w)
}

// quotedStyle returns the style of text cells that look like formulas:
// the Text number format (49, "@") and quotePrefix, which excelize's Style
// does not offer, set on the cell format it created.
func quotedStyle(f *excelize.File) (int, error) {
	id, err := f.NewStyle(&excelize.Style{NumFmt: 49})
	if err != nil {
		return 0, err
	}
	if f.Styles != nil && f.Styles.CellXfs != nil && id < len(f.Styles.CellXfs.Xf) {
		yes := true
		f.Styles.CellXfs.Xf[id].QuotePrefix = &yes
	}
	return id, nil
}

// widthRows is how many rows the column widths are fitted to: enough for
// a sheet's look, and it bounds the work on a table of a million rows.
const widthRows = 5000

func writeSheet(f *excelize.File, sheet string, t *Table, bold, quoted int) error {
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	widths := make([]int, len(t.Columns))
	for i, c := range t.Columns {
		widths[i] = uniseg.StringWidth(c.Title)
	}
	for _, row := range t.Rows[:min(len(t.Rows), widthRows)] {
		for i, v := range row {
			widths[i] = max(widths[i], min(uniseg.StringWidth(cellText(v)), 60))
		}
	}
	for i, wd := range widths {
		if err := sw.SetColWidth(i+1, i+1, float64(wd+2)); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	head := make([]any, len(t.Columns))
	for i, c := range t.Columns {
		head[i] = excelize.Cell{StyleID: bold, Value: c.Title}
	}
	if err := sw.SetRow("A1", head); err != nil {
		return err
	}
	cells := make([]any, len(t.Columns))
	for r, row := range t.Rows {
		for i, v := range row {
			cells[i] = v
			if s, ok := v.(string); ok && formulaLike(s) {
				cells[i] = excelize.Cell{StyleID: quoted, Value: s}
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, r+2)
		if err := sw.SetRow(cell, cells[:len(row)]); err != nil {
			return err
		}
	}
	return sw.Flush()
}

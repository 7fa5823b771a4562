package output

import (
	"fmt"
	"io"
	"strings"

	"github.com/rivo/uniseg"

	"github.com/jixiao/jixiao/corpus"
)

// Formats lists the names Write accepts.
var Formats = []string{"table", "csv", "json", "xlsx"}

// Write writes t in format: "table" (aligned text), "csv" (UTF-8 with a
// byte-order mark, so Excel reads the Chinese), "json" (an array of
// objects keyed by Column.Key) or "xlsx".
func Write(w io.Writer, t *corpus.Table, format string) error {
	switch format {
	case "table", "":
		return writeText(w, t)
	case "csv":
		return writeCSV(w, t)
	case "json":
		return writeJSON(w, t)
	case "xlsx":
		return WriteXLSX(w, t)
	}
	return fmt.Errorf("output: unknown format %q", format)
}

// cellText is a cell as every format writes it.
func cellText(v any) string { return corpus.CellText(v) }

// writeText aligns the columns by display width (a Chinese character
// takes two cells), leaving out columns that are empty in every row.
func writeText(w io.Writer, t *corpus.Table) error {
	if len(t.Rows) > 0 {
		t = dropEmpty(t)
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

func dropEmpty(t *corpus.Table) *corpus.Table {
	keep := make([]int, 0, len(t.Columns))
	for i := range t.Columns {
		for _, row := range t.Rows {
			if cellText(row[i]) != "" {
				keep = append(keep, i)
				break
			}
		}
	}
	out := &corpus.Table{Name: t.Name, Rows: make([][]any, len(t.Rows))}
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

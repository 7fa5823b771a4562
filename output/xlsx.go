package output

import (
	"archive/zip"
	"fmt"
	"io"

	"github.com/rivo/uniseg"
	"github.com/xuri/excelize/v2"

	"github.com/jixiao/jixiao/corpus"
)

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
func WriteXLSX(w io.Writer, tables ...*corpus.Table) error {
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

func writeSheet(f *excelize.File, sheet string, t *corpus.Table, bold, quoted int) error {
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

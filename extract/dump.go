package extract

import (
	"fmt"
	"io"
	"strings"
)

// Dump writes doc as plain text, one line a paragraph or cell, with
// positions and spans: the form golden files keep.
func Dump(w io.Writer, doc *Document) {
	fmt.Fprintf(w, "document %s format=%s pages=%d\n", doc.Path, doc.Format, doc.Pages)
	for _, b := range doc.Blocks {
		switch {
		case b.Para != nil:
			dumpPara(w, "", b.Para)
		case b.Table != nil:
			dumpTable(w, "", b.Table)
		}
	}
}

func dumpPara(w io.Writer, indent string, p *Paragraph) {
	var tags []string
	if p.Pos.Page > 0 {
		tags = append(tags, fmt.Sprintf("p%d", p.Pos.Page))
	}
	if p.Heading > 0 {
		tags = append(tags, fmt.Sprintf("h%d", p.Heading))
	}
	if p.Style != "" {
		tags = append(tags, "style="+p.Style)
	}
	if p.List != nil {
		tags = append(tags, fmt.Sprintf("list=%s/%d label=%q", p.List.NumID, p.List.Level, p.List.Label))
	}
	fmt.Fprintf(w, "%spara %d [%s] %q\n", indent, p.Pos.Para, strings.Join(tags, " "), p.Text)
}

func dumpTable(w io.Writer, indent string, t *Table) {
	page := ""
	if t.Pos.Page > 0 {
		page = fmt.Sprintf(" p%d", t.Pos.Page)
	}
	fmt.Fprintf(w, "%stable %d%s %dx%d\n", indent, t.Pos.Table, page, t.Rows, t.Cols)
	for _, c := range t.Cells {
		fmt.Fprintf(w, "%s  r%d c%d %dx%d %q\n", indent, c.Row, c.Col, c.RowSpan, c.ColSpan, c.Text)
		for _, nt := range c.Tables() {
			dumpTable(w, indent+"    ", nt)
		}
	}
}

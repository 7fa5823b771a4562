package extract

import (
	"fmt"
	"strings"
)

// VMerge is a cell's part in a vertical merge (w:vMerge).
type VMerge int

const (
	NoMerge       VMerge = iota
	MergeRestart         // first cell of a vertical merge
	MergeContinue        // continues the merge of the cell above
)

// RawRow is a table row as a .docx writes it: cells left to right, each
// spanning Span grid columns, after Before skipped columns (w:gridBefore)
// and followed by After skipped columns (w:gridAfter).
type RawRow struct {
	Before, After int
	Cells         []RawCell
}

// RawCell is a cell of a RawRow.
type RawCell struct {
	Span   int // grid columns covered, >= 1 (w:gridSpan)
	VMerge VMerge
	Blocks []Block // paragraphs and nested tables, in order
}

// BuildTable resolves the spans of rows into a grid. A continuing vertical
// merge joins the cell above it that covers the same grid columns; when
// there is none (a malformed table) it starts a cell of its own, so no text
// is lost. Rows shorter than the widest are left ragged: their missing slots
// stay nil.
func BuildTable(rows []RawRow) *Table {
	t := &Table{Rows: len(rows)}
	// The cells and the grid's rows come from one array each: a table
	// holds many of them, and every .docx and PDF table is built here.
	// Each row's width is known before it is laid out, and a row makes at
	// most one cell per raw cell, so neither array grows.
	n := 0
	for _, row := range rows {
		t.Cols = max(t.Cols, row.Width())
		n += len(row.Cells)
	}
	cells := make([]Cell, 0, n)
	t.Cells = make([]*Cell, 0, n)
	slots := make([]*Cell, len(rows)*t.Cols)
	t.Grid = make([][]*Cell, len(rows))
	for r, row := range rows {
		// A full slice expression, so that appending to a row cannot
		// write into the next.
		line := slots[r*t.Cols : (r+1)*t.Cols : (r+1)*t.Cols]
		t.Grid[r] = line
		c := clampSpan(row.Before)
		for _, rc := range row.Cells {
			span := rc.Width()
			var cell *Cell
			if rc.VMerge == MergeContinue && r > 0 {
				if above := t.Grid[r-1][c]; above != nil && above.Col == c+1 && above.ColSpan == span {
					cell = above
					cell.RowSpan++
					cell.Blocks = appendNonEmpty(cell.Blocks, rc.Blocks)
				}
			}
			if cell == nil {
				cells = append(cells, Cell{Row: r + 1, Col: c + 1, RowSpan: 1, ColSpan: span, Blocks: rc.Blocks})
				cell = &cells[len(cells)-1]
				t.Cells = append(t.Cells, cell)
			}
			for i := 0; i < span; i++ {
				line[c+i] = cell
			}
			c += span
		}
	}
	for _, cell := range t.Cells {
		cell.Text = blocksText(cell.Blocks)
	}
	return t
}

// MaxSpan bounds the spans BuildTable lays out, so a hostile gridSpan
// cannot make it allocate a huge grid: a longer span is cut to MaxSpan.
const MaxSpan = 1000

// Width is the grid columns BuildTable lays c out over: its Span, cut to
// MaxSpan, and at least 1. A reader bounding a row's width before it is
// built counts with it.
func (c RawCell) Width() int { return max(clampSpan(c.Span), 1) }

// Join merges into c the cell to its right that continues it (a .docx's
// legacy w:hMerge): c spans both, and keeps what next holds but its empty
// paragraphs.
func (c *RawCell) Join(next RawCell) {
	c.Span += max(next.Span, 1)
	c.Blocks = appendNonEmpty(c.Blocks, next.Blocks)
}

// Width is the grid columns BuildTable lays r out over, skipped ones
// included.
func (r RawRow) Width() int {
	w := clampSpan(r.Before) + clampSpan(r.After)
	for _, c := range r.Cells {
		w += c.Width()
	}
	return w
}

func clampSpan(n int) int {
	switch {
	case n < 0:
		return 0
	case n > MaxSpan:
		return MaxSpan
	}
	return n
}

// appendNonEmpty adds the content of a continuation cell to a merged
// cell. Word writes an empty paragraph in every continuation cell; those
// carry nothing and are dropped, but any text typed there is kept.
func appendNonEmpty(dst, src []Block) []Block {
	for _, b := range src {
		if b.Table != nil || b.Para != nil && strings.TrimSpace(b.Para.Text) != "" {
			dst = append(dst, b)
		}
	}
	return dst
}

// blocksText joins the texts of a cell's own paragraphs.
func blocksText(bs []Block) string {
	n := 0
	var one string
	for _, b := range bs {
		if b.Para != nil {
			n++
			one = b.Para.Text
		}
	}
	if n <= 1 {
		// Most cells hold one paragraph: its text, without a copy.
		return one
	}
	texts := make([]string, 0, n)
	for _, b := range bs {
		if b.Para != nil {
			texts = append(texts, b.Para.Text)
		}
	}
	return strings.Join(texts, "\n")
}

// NewTable returns an empty rows×cols grid, for readers that find cells by
// geometry (PDF) and Place them.
func NewTable(rows, cols int) *Table {
	t := &Table{Rows: rows, Cols: cols, Grid: make([][]*Cell, rows)}
	slots := make([]*Cell, rows*cols) // one array, as BuildTable's
	for r := range t.Grid {
		t.Grid[r] = slots[r*cols : (r+1)*cols : (r+1)*cols]
	}
	return t
}

// Place puts c into the grid at c.Row, c.Col (1-based) over c.RowSpan ×
// c.ColSpan slots. It fails if the cell leaves the grid or overlaps
// another; Cells stays in reading order if cells are placed row by row.
func (t *Table) Place(c *Cell) error {
	if c.RowSpan < 1 || c.ColSpan < 1 || c.Row < 1 || c.Col < 1 ||
		c.Row+c.RowSpan-1 > t.Rows || c.Col+c.ColSpan-1 > t.Cols {
		return fmt.Errorf("cell r%d c%d span %dx%d outside a %dx%d grid", c.Row, c.Col, c.RowSpan, c.ColSpan, t.Rows, t.Cols)
	}
	for r := c.Row - 1; r < c.Row-1+c.RowSpan; r++ {
		for k := c.Col - 1; k < c.Col-1+c.ColSpan; k++ {
			if t.Grid[r][k] != nil {
				return fmt.Errorf("cell r%d c%d overlaps cell r%d c%d", c.Row, c.Col, t.Grid[r][k].Row, t.Grid[r][k].Col)
			}
			t.Grid[r][k] = c
		}
	}
	t.Cells = append(t.Cells, c)
	return nil
}

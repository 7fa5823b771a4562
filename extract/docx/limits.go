package docx

import (
	"bytes"
	"fmt"

	"github.com/jixiao/jixiao/extract"
)

// Limits on the structure of one .docx, all enforced in this one file; the
// numbers themselves (extract.MaxDOCXNesting and the others) are declared
// in package extract, beside the Chinese reasons that quote them. A .docx is
// XML compressed up to a thousandfold, so a file of a few kilobytes can
// describe millions of cells, a grid of billions of slots or tables nested
// a million deep; the reader refuses such a file with ErrTooDeep,
// ErrTooManyCells or ErrTooManyElements (all ErrTooComplex) as soon as it
// passes a limit, before it allocates for what lies beyond. The whole file
// is refused, not read in part: the Document has no place to say what was
// left out, and a report missing part of a table must not pass for whole.
//
// Real reports have a few tables of tens of rows, at most 20 columns (Word
// itself stops at 63) and tables nested at most 3 deep; the 200 reports of
// the bench corpus and the real forms have at most 264 slots in a table,
// 1,256 in a document and 1,930 paragraphs and cells. Each limit is far
// above that. At the limits, reading allocates at most about 160 MiB and
// takes about a second (measured: 500,000 empty paragraphs, 158 MiB);
// see TestDOCXHostile.
//
// Every limit is checked before the reader allocates for what it bounds.

// budget counts what a document has used of the limits.
type budget struct {
	depth    int // tables and text boxes open
	elements int
	slots    int
}

// enter counts a table or text box opened; leave must follow.
func (b *budget) enter(what string) error {
	b.depth++
	if b.depth > extract.MaxDOCXNesting {
		return fmt.Errorf("%w: %s nested more than %d deep (tables and text boxes)", extract.ErrTooDeep, what, extract.MaxDOCXNesting)
	}
	return nil
}

func (b *budget) leave() { b.depth-- }

// element counts one paragraph, table, row or cell.
func (b *budget) element() error {
	b.elements++
	if b.elements > extract.MaxDOCXElements {
		return fmt.Errorf("%w: more than %d paragraphs, tables, rows and cells", extract.ErrTooManyElements, extract.MaxDOCXElements)
	}
	return nil
}

// grid checks the grid of a table of rows × cols slots as its rows are
// read, before it is built; add counts it once built.
func (b *budget) grid(table, rows, cols int) error {
	if cols > 0 && rows > extract.MaxDOCXTableSlots/cols {
		return fmt.Errorf("%w: table %d is %d rows by %d columns, more than %d cells", extract.ErrTooManyCells, table, rows, cols, extract.MaxDOCXTableSlots)
	}
	if b.slots+rows*cols > extract.MaxDOCXSlots {
		return fmt.Errorf("%w: the tables have more than %d cells in all", extract.ErrTooManyCells, extract.MaxDOCXSlots)
	}
	return nil
}

func (b *budget) add(rows, cols int) { b.slots += rows * cols }

// rowWidth checks the width of a row being read, in grid columns.
func rowWidth(table, row, cols int) error {
	if cols > extract.MaxDOCXTableCols {
		return fmt.Errorf("%w: table %d row %d is more than %d columns wide", extract.ErrTooManyCells, table, row, extract.MaxDOCXTableCols)
	}
	return nil
}

// partTags checks the number of tags of a part to be decoded whole.
func partTags(data []byte) error {
	if bytes.Count(data, []byte("<")) > extract.MaxDOCXPartTags {
		return fmt.Errorf("%w: more than %d XML tags", extract.ErrTooManyElements, extract.MaxDOCXPartTags)
	}
	return nil
}

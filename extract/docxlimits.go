package extract

import (
	"bytes"
	"fmt"
)

// Limits on the structure of one .docx, all in this one place. A .docx is
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
const (
	// MaxDOCXNesting bounds tables and text boxes inside one another.
	// The reader descends into them recursively: this bounds its stack.
	MaxDOCXNesting = 64
	// MaxDOCXElementDepth bounds XML elements inside one another, of any
	// kind: content controls, hyperlinks and fields are read through
	// recursively too.
	MaxDOCXElementDepth = 1000
	// MaxDOCXTableCols bounds the grid columns of a table row:
	// w:gridBefore, the spans of its cells and w:gridAfter. (A single
	// span past maxSpan, also 1,000, is cut to it.)
	MaxDOCXTableCols = 1000
	// MaxDOCXTableSlots bounds the grid of one table, rows × columns:
	// 10,000 rows of 20 columns.
	MaxDOCXTableSlots = 200_000
	// MaxDOCXSlots bounds the grid slots of all the tables of a document.
	MaxDOCXSlots = 1_000_000
	// MaxDOCXElements bounds the paragraphs, tables, rows and cells of a
	// document, text boxes' included: each costs a few hundred bytes
	// however little XML it takes (<w:p/> is 6 bytes).
	MaxDOCXElements = 500_000
	// MaxDOCXPartTags bounds the XML tags (counted as '<') of a part
	// decoded whole rather than streamed (relationships, styles,
	// numbering), where each element becomes a struct: Word's styles.xml
	// has about 12,000.
	MaxDOCXPartTags = 100_000
)

// budget counts what a document has used of the limits.
type budget struct {
	depth    int // tables and text boxes open
	elements int
	slots    int
}

// enter counts a table or text box opened; leave must follow.
func (b *budget) enter(what string) error {
	b.depth++
	if b.depth > MaxDOCXNesting {
		return fmt.Errorf("%w: %s nested more than %d deep (tables and text boxes)", ErrTooDeep, what, MaxDOCXNesting)
	}
	return nil
}

func (b *budget) leave() { b.depth-- }

// element counts one paragraph, table, row or cell.
func (b *budget) element() error {
	b.elements++
	if b.elements > MaxDOCXElements {
		return fmt.Errorf("%w: more than %d paragraphs, tables, rows and cells", ErrTooManyElements, MaxDOCXElements)
	}
	return nil
}

// grid checks the grid of a table of rows × cols slots as its rows are
// read, before it is built; add counts it once built.
func (b *budget) grid(table, rows, cols int) error {
	if cols > 0 && rows > MaxDOCXTableSlots/cols {
		return fmt.Errorf("%w: table %d is %d rows by %d columns, more than %d cells", ErrTooManyCells, table, rows, cols, MaxDOCXTableSlots)
	}
	if b.slots+rows*cols > MaxDOCXSlots {
		return fmt.Errorf("%w: the tables have more than %d cells in all", ErrTooManyCells, MaxDOCXSlots)
	}
	return nil
}

func (b *budget) add(rows, cols int) { b.slots += rows * cols }

// rowWidth checks the width of a row being read, in grid columns.
func rowWidth(table, row, cols int) error {
	if cols > MaxDOCXTableCols {
		return fmt.Errorf("%w: table %d row %d is more than %d columns wide", ErrTooManyCells, table, row, MaxDOCXTableCols)
	}
	return nil
}

// partTags checks the number of tags of a part to be decoded whole.
func partTags(data []byte) error {
	if bytes.Count(data, []byte("<")) > MaxDOCXPartTags {
		return fmt.Errorf("%w: more than %d XML tags", ErrTooManyElements, MaxDOCXPartTags)
	}
	return nil
}

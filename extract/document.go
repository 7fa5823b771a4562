// Package extract reads .docx and .pdf files into a Document: the paragraphs
// and tables a reader sees, in reading order, each element with the position
// a reviewer needs to find it again.
//
// This package holds the model (Document, Block, Paragraph, Table, Cell,
// Pos), the errors of reading and their Chinese reasons, Dump, and Read,
// Open and Sniff, which tell a file's format by its content and hand it
// to that format's reader. The readers live beside it, in extract/docx and
// extract/pdf, and register themselves from their init functions, as
// image/png does with image. A program or test that reads files through
// Read, Open or Sniff imports them all with
//
//	import _ "github.com/jixiao/jixiao/extract/formats"
//
// in the file that calls them; without a registered format, every file is
// refused with ErrUnknownFormat.
//
// The model knows nothing of budgets. A Document is a sequence of Blocks; a
// Block is a Paragraph or a Table. A Table is a grid: every grid slot points
// at the Cell that covers it, so a cell merged across rows or columns
// (w:gridSpan, w:vMerge, a missing interior rule in a PDF) appears once in
// Table.Cells and several times in Table.Grid. Slots that no cell covers
// (ragged rows, w:gridBefore/w:gridAfter) are nil.
//
// Text is kept as written: runs are concatenated, a tab becomes '\t', a line
// break '\n', and a cell's paragraphs are joined with '\n'. Cleaning and white
// space folding belong to later stages.
package extract

import (
	"fmt"
	"strings"
)

// Format names the kind of file a Document was read from.
type Format string

const (
	DOCX Format = "docx"
	PDF  Format = "pdf"
)

// Document is the content of one file in reading order.
type Document struct {
	Path   string
	Format Format
	Pages  int    // number of pages; 0 when the format has none (docx)
	SHA256 string // hex digest of the file's bytes
	Blocks []Block
	Lost   ErrorList // the parts that could not be read (PDF pages), in order
	OCR    bool      // the text was read from page images by OCR (see OCROptions)
}

// Block is one top-level element: exactly one of Para and Table is set.
type Block struct {
	Para  *Paragraph
	Table *Table
}

// Pos locates an element in its file. Numbers are 1-based; 0 means unknown
// or not applicable (a paragraph has no Row, a .docx has no Page).
//
// Its JSON form is the position part of a report/v1 location: page, table,
// row, col and confidence, each left out when 0; the file is the report's
// source, and Para and BBox stay with the reader.
type Pos struct {
	File  string `json:"-"`
	Page  int    `json:"page,omitempty"`  // PDF page
	Para  int    `json:"-"`               // index of a body paragraph among the body paragraphs
	Table int    `json:"table,omitempty"` // index of the table among all tables, nested ones included, in document order
	Row   int    `json:"row,omitempty"`   // grid row within Table
	Col   int    `json:"col,omitempty"`   // grid column within Table
	BBox  Rect   `json:"-"`
	// Confidence of text read by OCR, 0 to 1: the mean of the recogniser's
	// per-character maxima over the element's text (1 for an element
	// with none). 0 for text from a text layer or a .docx.
	Confidence float64 `json:"confidence,omitempty"`
}

// Rect is a box on a PDF page in points, origin at the bottom left.
type Rect struct {
	X0, Y0, X1, Y1 float64 // X increasing left to right, Y increasing bottom to top
}

// IsValid reports whether p points anywhere.
func (p Pos) IsValid() bool { return p.Para > 0 || p.Table > 0 || p.Page > 0 }

// String formats p as file:p3:t2:r4:c5, leaving out the parts that are 0.
func (p Pos) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	add := func(tag string, n int) {
		if n > 0 {
			if b.Len() > 0 {
				b.WriteByte(':')
			}
			fmt.Fprintf(&b, "%s%d", tag, n)
		}
	}
	add("p", p.Page)
	add("para", p.Para)
	add("t", p.Table)
	add("r", p.Row)
	add("c", p.Col)
	if b.Len() == 0 {
		return "-"
	}
	return b.String()
}

// Paragraph is a run of text outside tables, or one paragraph inside a cell.
type Paragraph struct {
	Text    string
	Style   string // style id as written (w:pStyle), "" for none
	Heading int    // outline level 1..9 from the style or w:outlineLvl; 0 for body text
	List    *ListItem
	Pos     Pos
}

// ListItem is the list numbering of a paragraph (w:numPr).
type ListItem struct {
	NumID string
	Level int    // 0-based indentation level (w:ilvl)
	Label string // the number Word shows before the text ("1.", "（一）"); not part of Paragraph.Text
}

// Table is a grid of cells.
type Table struct {
	Pos    Pos // Table is set; Row and Col are 0
	Rows   int
	Cols   int
	Grid   [][]*Cell // Grid[r][c], 0-based; merged cells repeat, uncovered slots are nil
	Cells  []*Cell   // each distinct cell once, in reading order (row by row, left to right)
	Parent *Cell     // the cell holding a nested table; nil at top level
}

// Cell is one cell of a table, possibly spanning several grid slots.
type Cell struct {
	Row, Col         int     // 1-based grid position of the top-left slot
	RowSpan, ColSpan int     // >= 1
	Text             string  // the cell's own paragraphs joined with "\n"; nested tables' text is theirs
	Blocks           []Block // paragraphs and nested tables, in reading order
	Pos              Pos
}

// Tables returns the tables nested in c, in order.
func (c *Cell) Tables() []*Table {
	var out []*Table
	for _, b := range c.Blocks {
		if b.Table != nil {
			out = append(out, b.Table)
		}
	}
	return out
}

// At returns the cell covering grid slot (row, col), both 1-based, or nil.
func (t *Table) At(row, col int) *Cell {
	if row < 1 || row > t.Rows || col < 1 || col > len(t.Grid[row-1]) {
		return nil
	}
	return t.Grid[row-1][col-1]
}

// RowCells returns the distinct cells that start or continue in grid row
// row (1-based), left to right, each once.
func (t *Table) RowCells(row int) []*Cell { return t.AppendRowCells(nil, row) }

// AppendRowCells appends RowCells(row) to dst, for a reader that asks for
// the cells of every row and keeps one slice's room for them.
func (t *Table) AppendRowCells(dst []*Cell, row int) []*Cell {
	if row < 1 || row > t.Rows {
		return dst
	}
	var last *Cell
	for _, c := range t.Grid[row-1] {
		if c != nil && c != last {
			dst = append(dst, c)
		}
		last = c
	}
	return dst
}

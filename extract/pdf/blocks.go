package pdf

import (
	"math"
	"regexp"
	"slices"
	"strings"

	"github.com/jixiao/jixiao/extract"
)

// This file assembles the Document: per page, the tables and the lines
// outside them in reading order; then paragraphs, tables stitched across
// pages, and positions in PDF user space.

// pageLayout is a page's tables and the lines outside them.
type pageLayout struct {
	page          int // 1-based
	width, height float64
	toUser        matrix
	lines         []*textLine  // top to bottom
	tables        []*tableFrag // top to bottom
}

func (p *pageLayout) tableAbove(y float64) bool {
	for _, t := range p.tables {
		if t.box.Y0 >= y-1 {
			return true
		}
	}
	return false
}

func (p *pageLayout) tableBelow(y float64) bool {
	for _, t := range p.tables {
		if t.box.Y1 <= y+1 {
			return true
		}
	}
	return false
}

// topBelow returns the top of the highest line or table below y, or 0.
func (p *pageLayout) topBelow(y float64) float64 {
	top := 0.0
	for _, l := range p.lines {
		if t := l.top(); t < y && t > top {
			top = t
		}
	}
	for _, t := range p.tables {
		if t.box.Y1 < y && t.box.Y1 > top {
			top = t.box.Y1
		}
	}
	return top
}

// bottomAbove returns the bottom of the lowest line or table above y, or
// the page's height.
func (p *pageLayout) bottomAbove(y float64) float64 {
	bottom := p.height
	for _, l := range p.lines {
		if b := l.bottom(); b > y && b < bottom {
			bottom = b
		}
	}
	for _, t := range p.tables {
		if t.box.Y0 > y && t.box.Y0 < bottom {
			bottom = t.box.Y0
		}
	}
	return bottom
}

// userRect maps a display-space box to PDF user space.
func (p *pageLayout) userRect(r extract.Rect) extract.Rect {
	x0, y0 := p.toUser.apply(r.X0, r.Y0)
	x1, y1 := p.toUser.apply(r.X1, r.Y1)
	return extract.Rect{X0: round2(fmin(x0, x1)), Y0: round2(fmin(y0, y1)), X1: round2(fmax(x0, x1)), Y1: round2(fmax(y0, y1))}
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

// layoutPage finds the tables of a page and the lines of its text.
func layoutPage(n int, pc *pageContent) *pageLayout {
	p := &pageLayout{page: n, width: pc.width, height: pc.height, toUser: pc.toUser}
	tables := findTables(n, pc.hrules, pc.vrules)
	rest := placeGlyphs(tables, pc.glyphs)
	var room lineRoom
	for _, t := range tables {
		empty := true
		for _, c := range t.cells {
			c.lines = room.build(c.glyphs)
			c.glyphs = nil
			empty = empty && len(c.lines) == 0
		}
		if !empty { // an empty frame (a signature box, a border) is no table
			p.tables = append(p.tables, t)
		}
	}
	p.lines = room.build(rest)
	return p
}

// block is a paragraph or a table while the document is assembled.
type block struct {
	page  *pageLayout
	lines []*textLine // a paragraph, possibly continued on the next page
	frame textFrame
	table *stitchedTable
}

func layoutDocument(path string, pages []*pageContent) *extract.Document {
	layouts := make([]*pageLayout, len(pages))
	for i, pc := range pages {
		layouts[i] = layoutPage(i+1, pc)
	}
	dropRunning(layouts)
	frames := pageFrames(layouts)
	known := countCells(layouts)

	var blocks []*block
	lastWasTable := false // the previous page ended with a table
	lastWasPara := false  // the previous page ended with a paragraph
	for _, p := range layouts {
		frame := frames[p.page-1]
		if lastWasTable && len(p.lines) > 0 && len(p.tables) > 0 && continuedCaption.MatchString(p.lines[0].text) &&
			(len(p.lines) == 1 || p.lines[1].top() < p.tables[0].box.Y1) {
			p.lines = p.lines[1:] // "续表": the table goes on
		}
		first := true
		var run []*textLine
		flush := func() {
			if len(run) == 0 {
				return
			}
			paras := splitParagraphs(mergeFieldLines(run, frame), frame)
			if first && lastWasPara && len(blocks) > 0 {
				prev := blocks[len(blocks)-1]
				if last := prev.lines[len(prev.lines)-1]; last.fields && len(paras[0]) == 1 && prev.frame.absorbFields(last, paras[0][0], true) {
					paras = paras[1:]
				} else if continuesPara(prev, paras[0][0]) {
					paras[0][0].cont = true
					prev.lines = append(prev.lines, paras[0]...)
					paras = paras[1:]
				}
			}
			for _, para := range paras {
				blocks = append(blocks, &block{page: p, lines: para, frame: frame})
			}
			run = nil
			first = false
		}
		li, ti := 0, 0
		for li < len(p.lines) || ti < len(p.tables) {
			if ti < len(p.tables) && (li == len(p.lines) || p.tables[ti].box.Y1 >= p.lines[li].top()) {
				flush()
				t := p.tables[ti]
				ti++
				if first && lastWasTable {
					prev := blocks[len(blocks)-1].table
					if sameColumns(prev.parts[len(prev.parts)-1], t) {
						prev.add(t, known)
						first = false
						continue
					}
				}
				blocks = append(blocks, &block{page: p, table: newStitched(t)})
				first = false
				continue
			}
			run = append(run, p.lines[li])
			li++
		}
		flush()
		if n := len(blocks); n > 0 {
			lastWasTable = blocks[n-1].table != nil
			lastWasPara = !lastWasTable
		}
	}

	doc := &extract.Document{Path: path, Format: extract.PDF, Pages: len(pages)}
	paraN, tableN := 0, 0
	for _, b := range blocks {
		if b.table != nil {
			tableN++
			doc.Blocks = append(doc.Blocks, extract.Block{Table: b.table.build(path, tableN, layouts)})
			continue
		}
		paraN++
		doc.Blocks = append(doc.Blocks, extract.Block{Para: &extract.Paragraph{
			Text: joinLines(b.lines),
			Pos:  extract.Pos{File: path, Page: b.page.page, Para: paraN, BBox: b.page.userRect(linesBox(b.lines, b.page))},
		}})
	}
	return doc
}

// pageFrames measures the text frame of each page from all the pages of
// its size: one page may hold too few full lines to show its margins.
func pageFrames(pages []*pageLayout) []textFrame {
	bySize := map[[2]int][]*textLine{}
	size := func(p *pageLayout) [2]int { return [2]int{int(math.Round(p.width)), int(math.Round(p.height))} }
	for _, p := range pages {
		bySize[size(p)] = append(bySize[size(p)], p.lines...)
	}
	frames := make([]textFrame, len(pages))
	cache := map[[2]int]textFrame{}
	for i, p := range pages {
		k := size(p)
		f, ok := cache[k]
		if !ok {
			f = frameOf(bySize[k])
			if f.right < f.left+0.5*p.width { // no full lines: assume even margins
				f.right = p.width - f.left
			}
			cache[k] = f
		}
		frames[i] = f
	}
	return frames
}

// continuedCaption matches the line that says a table goes on from the
// page before.
var continuedCaption = regexp.MustCompile(`^\s*(续表|接上表|\(续\)|（续）)`)

// continuesPara reports whether line l, the first on a page, continues
// paragraph b, the last on the page before: b's last line is full and l
// starts no paragraph of its own.
func continuesPara(b *block, l *textLine) bool {
	last := b.lines[len(b.lines)-1]
	if !b.frame.full(last, l) || isEnumerated(l.text) || math.Abs(last.size-l.size) > 0.15*last.size {
		return false
	}
	return !(l.x0-b.frame.left > 1.5*l.size)
}

// linesBox is the box of the lines of a paragraph that lie on page p.
func linesBox(lines []*textLine, p *pageLayout) extract.Rect {
	r := extract.Rect{X0: math.Inf(1), Y0: math.Inf(1), X1: math.Inf(-1), Y1: math.Inf(-1)}
	for i, l := range lines {
		if i > 0 && l.cont { // continued on the next page
			break
		}
		r.X0, r.X1 = fmin(r.X0, l.x0), fmax(r.X1, l.x1)
		r.Y0, r.Y1 = fmin(r.Y0, l.bottom()), fmax(r.Y1, l.top())
	}
	return r
}

// cellParagraphs cuts the lines of a cell into paragraphs. Wrapped lines
// of a cell read as one text; a new paragraph needs clear signs: a blank
// line's gap, or a numbered item after a line that stops short.
// They are appended to out.
func cellParagraphs(out [][]*textLine, cell *tableCell) [][]*textLine {
	f := cellFrame(cell)
	start := 0
	for i := 1; i <= len(cell.lines); i++ {
		if i < len(cell.lines) {
			a, b := cell.lines[i-1], cell.lines[i]
			dist := a.y - b.y
			gap := f.pitch > 0 && dist > 1.8*f.pitch || f.pitch == 0 && dist > 2.6*a.size
			item := isEnumerated(b.text) && !f.full(a, b)
			if b.cont || dist > 0 && !gap && !item {
				continue
			}
		}
		out = append(out, cell.lines[start:i])
		start = i
	}
	return out
}

// cellText is the text of a cell: its paragraphs joined with "\n".
func cellText(cell *tableCell) string {
	if len(cell.lines) == 0 {
		return ""
	}
	return cell.read().text
}

// cellReading is a cell's paragraphs and their texts, as read from the
// first n of its lines.
type cellReading struct {
	n     int
	paras [][]*textLine
	texts []string
	text  string // texts joined with "\n"
	// Room for the one paragraph most cells have, so that reading it
	// makes no slices: a document has thousands of cells.
	onePara [1][]*textLine
	oneText [1]string
}

// read returns the reading of cell's lines, made once for as many lines
// as it has: stitching only ever appends lines to a cell (see
// stitchedTable.add), and the text is asked for many times. The reading
// is kept in the cell, not allocated, so one of fewer lines is gone once
// the cell is read again: callers do not hold on to it.
func (cell *tableCell) read() *cellReading {
	r := &cell.reading
	if r.n == len(cell.lines) {
		return r // a cell without lines reads as the zero cellReading
	}
	*r = cellReading{n: len(cell.lines)}
	r.paras = cellParagraphs(r.onePara[:0], cell)
	r.texts = r.oneText[:]
	if len(r.paras) != 1 {
		r.texts = make([]string, len(r.paras))
	}
	for i, para := range r.paras {
		r.texts[i] = joinLines(para)
	}
	r.text = strings.Join(r.texts, "\n")
	return r
}

// build makes the Table of a stitched table, the index-th of the document.
func (s *stitchedTable) build(path string, index int, pages []*pageLayout) *extract.Table {
	rows, cols := len(s.grid), len(s.grid[0])
	first := s.parts[0]
	pl := pages[first.page-1]
	t := extract.NewTable(rows, cols)
	t.Pos = extract.Pos{File: path, Page: first.page, Table: index, BBox: pl.userRect(first.box)}
	// The cells, first counted with their paragraphs, are made in arrays
	// of their own, a few allocations a table rather than three a cell.
	type slot struct {
		r, c int
		tc   *tableCell
	}
	var order []slot
	nparas := 0
	for r, row := range s.grid {
		for c, tc := range row {
			if tc == nil || tc.built {
				continue
			}
			tc.built = true
			order = append(order, slot{r, c, tc})
			nparas += len(tc.read().paras)
		}
	}
	cells := make([]extract.Cell, len(order))
	blocks := make([]extract.Block, nparas)
	paras := make([]extract.Paragraph, nparas)
	for k, sl := range order {
		r, c, tc := sl.r, sl.c, sl.tc
		rs, cs := 1, 1
		for r+rs < rows && s.grid[r+rs][c] == tc {
			rs++
		}
		for c+cs < cols && s.grid[r][c+cs] == tc {
			cs++
		}
		cp := pages[tc.page-1]
		pos := extract.Pos{File: path, Page: tc.page, Table: index, Row: r + 1, Col: c + 1, BBox: cp.userRect(tc.box)}
		cell := &cells[k]
		*cell = extract.Cell{Row: r + 1, Col: c + 1, RowSpan: rs, ColSpan: cs, Pos: pos}
		rd := tc.read()
		if n := len(rd.paras); n > 0 {
			cell.Blocks, blocks = blocks[:0:n], blocks[n:]
		}
		for i, para := range rd.paras {
			ppos := pos
			ppos.BBox = cp.userRect(linesBox(para, cp))
			p := &paras[0]
			paras = paras[1:]
			*p = extract.Paragraph{Text: rd.texts[i], Pos: ppos}
			cell.Blocks = append(cell.Blocks, extract.Block{Para: p})
		}
		cell.Text = rd.text
		if err := t.Place(cell); err != nil {
			// A cell that is no rectangle after stitching: keep its
			// text in the slot it starts at rather than lose it.
			cell.RowSpan, cell.ColSpan = 1, 1
			if t.Grid[r][c] == nil {
				t.Place(cell)
			}
		}
	}
	slices.SortStableFunc(t.Cells, func(a, b *extract.Cell) int {
		if a.Row < b.Row || a.Row == b.Row && a.Col < b.Col {
			return -1
		}
		return 0
	})
	return t
}

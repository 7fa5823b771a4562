package pdf

import (
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// This file works across pages: it drops running headers, footers and page
// numbers, and joins a table that continues on the next page into one,
// dropping a repeated header row and rejoining a row that the page break
// split in two.
//
// The rules do not tell a row that the break split from two whole rows:
// LibreOffice closes the part of a split row on the first page with a
// bottom rule and opens its rest with a top rule, as it does between whole
// rows. The text does (see continuesRow): a cell whose text the break cut
// fills its last line to the edge and comes down as far as the other text
// of its row, while a cell whose text ended leaves room on its last line
// or under it; and two labels found apart elsewhere are two cells.

// pageNumber matches the text of a page number line: 3, - 3 -, 第3页,
// 第 3 页 共 5 页, 3/5, Page 3 of 5.
var pageNumber = regexp.MustCompile(`^[-—–\s]*(?:第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*(?:/\s*\d+)?|[Pp]age\s*\d+(?:\s*of\s*\d+)?)[-—–\s]*$`)

// marginZone is the share of the page height at the top and bottom where
// running headers and footers sit.
const marginZone = 0.12

// dropRunning removes running headers, footers and page numbers from the
// lines (top to bottom) of each page. A running line is among the first
// (or last) lines of its page with only running lines before (after) it,
// and either its text recurs at the same height on other pages, the page
// number in it aside, and it stands apart from the body by more than a
// line's gap; or it is a page number in the margin zone.
func dropRunning(pages []*pageLayout) {
	type cand struct {
		p   *pageLayout
		l   *textLine
		key string
	}
	newCand := func(p *pageLayout, l *textLine, top bool) cand {
		// Digits that give the page number or count do not count.
		key := pageDigits.ReplaceAllStringFunc(strings.ReplaceAll(l.text, " ", ""), func(d string) string {
			if d == strconv.Itoa(p.page) || d == strconv.Itoa(len(pages)) {
				return "#"
			}
			return d
		})
		if top {
			key = "^" + key
		}
		return cand{p, l, key}
	}
	// Candidates: up to three lines at the top and at the bottom of each
	// page, with no table beyond them.
	var tops, bottoms [][]cand
	groups := map[string][]cand{}
	for _, p := range pages {
		var t, b []cand
		n := len(p.lines)
		for i := 0; i < n && i < 3 && !p.tableAbove(p.lines[i].top()); i++ {
			t = append(t, newCand(p, p.lines[i], true))
		}
		for i := n - 1; i >= 0 && i >= n-3 && !p.tableBelow(p.lines[i].bottom()); i-- {
			b = append(b, newCand(p, p.lines[i], false))
		}
		for _, c := range append(t, b...) {
			groups[c.key] = append(groups[c.key], c)
		}
		tops, bottoms = append(tops, t), append(bottoms, b)
	}
	running := func(c cand, gap float64) bool {
		inZone := c.l.bottom() > (1-marginZone)*c.p.height || c.l.top() < marginZone*c.p.height
		if inZone && pageNumber.MatchString(c.l.text) {
			return true
		}
		if gap < c.l.size {
			return false
		}
		pagesWith := map[int]bool{}
		for _, o := range groups[c.key] {
			if math.Abs(o.l.y-c.l.y) <= 3 {
				pagesWith[o.p.page] = true
			}
		}
		return len(pagesWith) >= 2 && len(pagesWith)*5 >= len(pages)*2
	}
	for i, p := range pages {
		drop := map[*textLine]bool{}
		for _, c := range tops[i] {
			if !running(c, c.l.bottom()-p.topBelow(c.l.bottom())) {
				break
			}
			drop[c.l] = true
		}
		for _, c := range bottoms[i] {
			if !running(c, p.bottomAbove(c.l.top())-c.l.top()) {
				break
			}
			drop[c.l] = true
		}
		if len(drop) == 0 {
			continue
		}
		kept := p.lines[:0]
		for _, l := range p.lines {
			if !drop[l] {
				kept = append(kept, l)
			}
		}
		p.lines = kept
	}
}

var pageDigits = regexp.MustCompile(`\d+`)

// sameColumns reports whether table part b can continue part a: they have
// the same outer edges, and the column edges of one are among those of the
// other (a part may lack the edges its cells span).
func sameColumns(a, b *tableFrag) bool {
	if len(a.xs) < len(b.xs) {
		a, b = b, a
	}
	if math.Abs(a.xs[0]-b.xs[0]) > joinTol || math.Abs(a.xs[len(a.xs)-1]-b.xs[len(b.xs)-1]) > joinTol {
		return false
	}
	for _, x := range b.xs {
		if !hasEdge(a.xs, x) {
			return false
		}
	}
	return true
}

func hasEdge(xs []float64, x float64) bool {
	i := sort.SearchFloat64s(xs, x-joinTol)
	return i < len(xs) && math.Abs(xs[i]-x) <= joinTol
}

// regrid returns the slots of rows on the column edges xs, a superset of
// the edges from which they were made: a cell covers every new column
// inside its old ones.
func regrid(rows [][]*tableCell, old, xs []float64) [][]*tableCell {
	if len(old) == len(xs) {
		return rows
	}
	out := make([][]*tableCell, len(rows))
	for r, row := range rows {
		out[r] = make([]*tableCell, len(xs)-1)
		c := 0
		for k := range out[r] {
			mid := (xs[k] + xs[k+1]) / 2
			for c < len(row)-1 && old[c+1] <= mid {
				c++
			}
			out[r][k] = row[c]
		}
	}
	return out
}

// stitchedTable is a table made of parts on consecutive pages: its slots
// row by row, each pointing at the cell that covers it, on column edges xs.
type stitchedTable struct {
	parts []*tableFrag
	xs    []float64
	grid  [][]*tableCell
	// tail maps a cell joined across a page break to its part on the
	// latest page, where it may go on to the next.
	tail map[*tableCell]*tableCell
}

func newStitched(t *tableFrag) *stitchedTable {
	s := &stitchedTable{parts: []*tableFrag{t}, xs: t.xs, tail: map[*tableCell]*tableCell{}}
	for _, row := range t.grid {
		s.grid = append(s.grid, append([]*tableCell(nil), row...))
	}
	return s
}

// cellTexts counts the texts of a document's cells, read page by page.
type cellTexts struct {
	all map[string]int // every cell
	// whole counts the cells clear of the first and last rows of their
	// part of a table, whose text no page break can have cut.
	whole map[string]int
}

// countCells counts the texts of the cells of the tables of pages.
func countCells(pages []*pageLayout) cellTexts {
	known := cellTexts{all: map[string]int{}, whole: map[string]int{}}
	for _, p := range pages {
		for _, t := range p.tables {
			for _, c := range t.cells {
				text := cellText(c)
				known.all[text]++
				if inner(c, t) {
					known.whole[text]++
				}
			}
		}
	}
	return known
}

// inner reports whether cell is clear of the first and last rows of t.
func inner(cell *tableCell, t *tableFrag) bool {
	return cell.row > 0 && cell.row+cell.rowSpan < t.rows()
}

// add appends the part t that continues the table on the next page.
func (s *stitchedTable) add(t *tableFrag, known cellTexts) {
	rows := t.grid
	if len(t.xs) > len(s.xs) {
		s.grid = regrid(s.grid, s.xs, t.xs)
		s.xs = t.xs
	} else {
		rows = regrid(rows, t.xs, s.xs)
	}
	if len(rows) > 1 && sameRowText(s.grid[0], rows[0]) {
		rows = rows[1:] // the header row, repeated on the new page
	}
	// A row the page break split: its cells continue the cells above.
	alias := map[*tableCell]*tableCell{}
	join := func(cell, above *tableCell) {
		alias[cell] = above
		s.tail[above] = cell
		if len(cell.lines) > 0 {
			cell.lines[0].cont = true
			above.lines = append(above.lines, cell.lines...)
		}
	}
	last := s.grid[len(s.grid)-1]
	floor := s.textFloor(last)
	if s.continuesRow(last, rows[0], floor, t, known) {
		for c, cell := range rows[0] {
			if _, done := alias[cell]; !done {
				join(cell, last[c])
			}
		}
		rows = rows[1:]
	} else {
		// A cell merged down across the break (a label such as
		// 资金支出计划（%） over two rows) goes on in its column.
		for c, cell := range rows[0] {
			if c > 0 && rows[0][c-1] == cell {
				continue
			}
			if above := last[c]; sameSpan(last, rows[0], c) && s.cut(above, cell, floor) && continuesCell(above, cell, rows[0], t, known) {
				join(cell, above)
			}
		}
	}
	for _, row := range rows {
		out := make([]*tableCell, len(row))
		for c, cell := range row {
			if a, ok := alias[cell]; ok {
				cell = a
			}
			out[c] = cell
		}
		s.grid = append(s.grid, out)
	}
	s.parts = append(s.parts, t)
}

// sameRowText reports whether two rows read the same, cell by cell.
func sameRowText(a, b []*tableCell) bool {
	if len(a) != len(b) {
		return false
	}
	any := false
	for c := range a {
		ta, tb := cellText(a[c]), cellText(b[c])
		if ta != tb {
			return false
		}
		any = any || ta != ""
	}
	return any
}

// continuesRow reports whether row next, the first of part t on a new
// page, is the rest of row last, which the page break split: the rows have
// the same cells, and every cell with text in next goes on from the text
// the break cut in the cell above it (see cut), the two not being two
// labels found apart elsewhere (see twoCells). Two whole rows in 12 pt,
// 数量指标 | 培训人次 | 不少于1178人次 over 质量指标 | 资料归档合格率 | 不低于95%,
// fail on the room left under the short cells of the first; a row of
// single lines that each fill their cell, on the labels.
func (s *stitchedTable) continuesRow(last, next []*tableCell, floor float64, t *tableFrag, known cellTexts) bool {
	if len(last) != len(next) {
		return false
	}
	any := false
	for c := range next {
		if c > 0 && (next[c] == next[c-1]) != (last[c] == last[c-1]) {
			return false // the cells differ in their spans
		}
		if len(next[c].lines) == 0 || c > 0 && next[c] == next[c-1] {
			continue
		}
		if !s.cut(last[c], next[c], floor) {
			return false
		}
		if twoCells(last[c], next[c], next, t, known) {
			return false
		}
		any = true
	}
	return any
}

// twoCells reports whether the texts of cell above, in the last row of the
// table so far, and of cell below, in row next at the top of part t, are
// each found as a cell of its own away from the page breaks, and never the
// two together: two labels such as 数量指标 and 质量指标, not one that the
// break cut.
func twoCells(above, below *tableCell, next []*tableCell, t *tableFrag, known cellTexts) bool {
	upper, lower := cellText(above), cellText(below)
	return known.whole[upper] > 0 && known.apart(lower, next, t) && known.all[upper+lower] == 0
}

// apart reports whether text is found as a cell of its own away from the
// page breaks outside row, the first of part t on a new page. The cells of
// row itself do not count: under a header repeated on the new page they
// stand clear of the break in their part, yet may be the rest of the
// cells above them.
func (known cellTexts) apart(text string, row []*tableCell, t *tableFrag) bool {
	n := known.whole[text]
	for c, cell := range row {
		if (c == 0 || cell != row[c-1]) && inner(cell, t) && cellText(cell) == text {
			n--
		}
	}
	return n > 0
}

// cut reports whether the text of cell, in the last row of the table on
// its latest page, may be cut there by the page break, with below, the
// cell under it at the top of the next page, holding the rest. The text
// must fill its last line to the edge, so that the first line of below
// could not have gone on it. And when both that last line and the first
// line of below are Han characters alone, the text must come down to
// within half a line of floor, the lowest text of the row: a Han line one
// line under another Han line would have fitted in the row. Digits and
// Latin letters are set in a font with a taller line, which moves the
// line under them down and may itself not fit where a Han line would.
func (s *stitchedTable) cut(cell, below *tableCell, floor float64) bool {
	if len(cell.lines) == 0 || len(below.lines) == 0 || !cellLineFull(cell, below.lines[0]) {
		return false
	}
	p := s.part(cell)
	if len(p.lines) == 0 {
		return false // its text ended on an earlier page
	}
	last := p.lines[len(p.lines)-1]
	if !wideLine(last) || !wideLine(below.lines[0]) {
		return true
	}
	return last.bottom() <= floor+0.5*last.size
}

// wideLine reports whether l is all Han characters and full-width forms.
func wideLine(l *textLine) bool {
	for _, g := range l.glyphs {
		if !g.isSpace() && !isWide(firstRune(g.text)) {
			return false
		}
	}
	return true
}

// part returns the part of cell on the latest page of the table: cell
// itself, or the part it was last joined with across a page break.
func (s *stitchedTable) part(cell *tableCell) *tableCell {
	if t, ok := s.tail[cell]; ok {
		return t
	}
	return cell
}

// textBottom returns the bottom of the lowest line of text in cell, +Inf
// when it has none.
func textBottom(cell *tableCell) float64 {
	b := math.Inf(1)
	for _, l := range cell.lines {
		b = fmin(b, l.bottom())
	}
	return b
}

// textFloor returns the bottom of the lowest text in row, the last of the
// table on its latest page. A row ends under its tallest cell's text, and
// a cell whose text stops a line or more above that had room for more.
func (s *stitchedTable) textFloor(row []*tableCell) float64 {
	floor := math.Inf(1)
	for _, cell := range row {
		floor = fmin(floor, textBottom(s.part(cell)))
	}
	return floor
}

// sameSpan reports whether the cells at column c of rows a and b cover the
// same columns.
func sameSpan(a, b []*tableCell, c int) bool {
	for k := c; k < len(a); k++ {
		if k > c && (a[k] == a[c]) != (b[k] == b[c]) {
			return false
		}
		if k > c && a[k] != a[c] {
			break
		}
	}
	return c == 0 || a[c-1] != a[c] && b[c-1] != b[c]
}

// continuesCell reports whether cell, in row at the top of part t on a new
// page under a cell whose text the break may have cut (see cut), holds the
// rest of it, a cell merged down across the break: the two read together
// as a cell elsewhere in the document (the same label in the form of
// another project) while the lower part is no cell of its own away from a
// page break (it may be the same label's lower part at another break; see
// apart). Without that evidence a full line followed by a new cell is the
// likelier reading.
func continuesCell(above, cell *tableCell, row []*tableCell, t *tableFrag, known cellTexts) bool {
	if isEnumerated(cell.lines[0].text) {
		return false
	}
	lower := cellText(cell)
	return !known.apart(lower, row, t) && known.all[cellText(above)+lower] > 0
}

// cellLineFull reports whether the last line of cell reaches the cell's
// right edge (less the padding on the left), so that next, the first line
// in the cell below it on the next page, could not have gone on it.
func cellLineFull(cell *tableCell, next *textLine) bool {
	return cellFrame(cell).full(cell.lines[len(cell.lines)-1], next)
}

// cellFrame is the text frame inside a cell: the cell's box less the
// padding, taken to be the same on the right as on the left.
func cellFrame(cell *tableCell) textFrame {
	f := textFrame{left: cell.box.X0, right: cell.box.X1}
	if len(cell.lines) == 0 {
		return f
	}
	pad := math.Inf(1)
	for _, l := range cell.lines {
		pad = fmin(pad, l.x0-cell.box.X0)
	}
	pad = fmax(0, fmin(pad, (cell.box.X1-cell.box.X0)/4))
	f.left, f.right = cell.box.X0+pad, cell.box.X1-pad
	f.pitch = commonPitch(cell.lines)
	return f
}

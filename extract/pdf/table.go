package pdf

import (
	"slices"
	"sort"

	"github.com/jixiao/jixiao/extract"
)

// This file finds tables in a page's rules: collinear rule pieces are
// snapped and joined into lines, lines that cross form a table, the
// positions of its lines are the grid's column and row edges, and a grid
// slot whose right or bottom edge has no line is merged with its
// neighbour. Glyphs go to the cell their centre falls in.

// Tolerances for rules, in points.
const (
	snapTol  = 1.5 // lines this close are one line
	joinTol  = 2.0 // collinear pieces with a gap this small are joined
	crossTol = 2.0 // lines that end this close to another line touch it
	minCell  = 3.0 // a column or row narrower than this is a drawing artefact
)

// maxGridSlots bounds the grid of one table: a page of hatching or a
// hostile file must not make us build a million slots.
const maxGridSlots = 1 << 16

// seg is a joined horizontal or vertical line: at pos (y of a horizontal,
// x of a vertical) from lo to hi.
type seg struct{ pos, lo, hi float64 }

// joinRules snaps rules to common positions and joins collinear pieces.
func joinRules(rules []rule, horizontal bool) []seg {
	segs := make([]seg, 0, len(rules))
	for _, r := range rules {
		if horizontal {
			segs = append(segs, seg{r.y0, r.x0, r.x1})
		} else {
			segs = append(segs, seg{r.x0, r.y0, r.y1})
		}
	}
	// slices' sorts are sort's (the same code, generic): the same order.
	slices.SortFunc(segs, func(a, b seg) int { return less(a.pos < b.pos) })
	// Snap: a cluster of positions, each within snapTol of the previous,
	// takes the position of its longest piece.
	for i := 0; i < len(segs); {
		j, best := i+1, i
		for j < len(segs) && segs[j].pos-segs[j-1].pos <= snapTol {
			if segs[j].hi-segs[j].lo > segs[best].hi-segs[best].lo {
				best = j
			}
			j++
		}
		for k := i; k < j; k++ {
			segs[k].pos = segs[best].pos
		}
		i = j
	}
	slices.SortFunc(segs, func(a, b seg) int {
		if a.pos != b.pos {
			return less(a.pos < b.pos)
		}
		return less(a.lo < b.lo)
	})
	out := segs[:0]
	for _, s := range segs {
		if n := len(out); n > 0 && out[n-1].pos == s.pos && s.lo <= out[n-1].hi+joinTol {
			out[n-1].hi = fmax(out[n-1].hi, s.hi)
			continue
		}
		out = append(out, s)
	}
	return out
}

// less is a comparison for slices.SortFunc from a less-than: its sorts
// only ask whether one element is less than another.
func less(lt bool) int {
	if lt {
		return -1
	}
	return 0
}

// crosses reports whether horizontal h and vertical v touch.
func crosses(h, v seg) bool {
	return v.pos >= h.lo-crossTol && v.pos <= h.hi+crossTol && h.pos >= v.lo-crossTol && h.pos <= v.hi+crossTol
}

// tableFrag is a table, or the part of one, on one page.
type tableFrag struct {
	page  int       // 1-based
	xs    []float64 // column edges, left to right
	ys    []float64 // row edges, top to bottom
	cells []*tableCell
	grid  [][]*tableCell // [row][col]
	box   extract.Rect   // display space
}

func (t *tableFrag) rows() int { return len(t.ys) - 1 }
func (t *tableFrag) cols() int { return len(t.xs) - 1 }

// tableCell is a cell of a tableFrag: grid position (0-based) and spans.
type tableCell struct {
	row, col, rowSpan, colSpan int
	box                        extract.Rect // display space
	glyphs                     []glyph
	nglyphs                    int         // glyphs placeGlyphs found in the cell, while it counts
	built                      bool        // its Cell is made: a stitched table's grid holds it in every slot it covers
	reading                    cellReading // of its lines, once read
	lines                      []*textLine
	page                       int
}

// cellChunk is how many tableCells buildGrid makes at a time.
const cellChunk = 32

// findTables builds the tables drawn by the rules of one page.
func findTables(page int, hrules, vrules []rule) []*tableFrag {
	hs := joinRules(hrules, true)
	vs := joinRules(vrules, false)
	if len(hs) < 2 || len(vs) < 2 {
		return nil
	}
	// Connected components of crossing lines (union-find; vertical k is
	// element len(hs)+k).
	parent := make([]int, len(hs)+len(vs))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	// Verticals sorted by position let each horizontal look only at the
	// verticals within its extent.
	order := make([]int, len(vs))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return less(vs[a].pos < vs[b].pos) })
	for i, h := range hs {
		k := sort.Search(len(order), func(k int) bool { return vs[order[k]].pos >= h.lo-crossTol })
		for ; k < len(order) && vs[order[k]].pos <= h.hi+crossTol; k++ {
			j := order[k]
			if crosses(h, vs[j]) {
				parent[find(i)] = find(len(hs) + j)
			}
		}
	}
	groups := map[int][]int{}
	for i := range parent {
		r := find(i)
		groups[r] = append(groups[r], i)
	}
	var out []*tableFrag
	for _, members := range groups {
		var gh, gv []seg
		for _, m := range members {
			if m < len(hs) {
				gh = append(gh, hs[m])
			} else {
				gv = append(gv, vs[m-len(hs)])
			}
		}
		if len(gh) < 2 || len(gv) < 2 {
			continue
		}
		if t := buildGrid(page, gh, gv); t != nil {
			out = append(out, t)
		}
	}
	slices.SortFunc(out, func(a, b *tableFrag) int { return less(a.box.Y1 > b.box.Y1) })
	return out
}

// edges returns the distinct positions of lines, merging positions closer
// than minCell (so that a slightly misplaced rule adds no sliver column).
func edges(ss []seg) []float64 {
	ps := make([]float64, len(ss))
	for i, s := range ss {
		ps[i] = s.pos
	}
	sort.Float64s(ps)
	out := ps[:0]
	for _, p := range ps {
		if n := len(out); n > 0 && p-out[n-1] < minCell {
			continue
		}
		out = append(out, p)
	}
	return out
}

// buildGrid makes the grid of one table from its lines.
func buildGrid(page int, hs, vs []seg) *tableFrag {
	xs := edges(vs)
	ysAsc := edges(hs)
	if len(xs) < 2 || len(ysAsc) < 2 {
		return nil
	}
	ys := make([]float64, len(ysAsc))
	for i, y := range ysAsc {
		ys[len(ys)-1-i] = y
	}
	if (len(xs)-1)*(len(ys)-1) > maxGridSlots {
		return nil // a mesh of lines, not a table a reader fills in
	}
	t := &tableFrag{page: page, xs: xs, ys: ys, box: extract.Rect{X0: xs[0], Y0: ys[len(ys)-1], X1: xs[len(xs)-1], Y1: ys[0]}}
	rows, cols := t.rows(), t.cols()
	vAt, hAt := linesAt(vs, xs), linesAt(hs, ysAsc)
	for i, j := 0, len(hAt)-1; i < j; i, j = i+1, j-1 { // to the order of ys
		hAt[i], hAt[j] = hAt[j], hAt[i]
	}
	// Which slot edges are drawn.
	right := make([][]bool, rows) // right[r][c]: a line between column c and c+1 in row r
	below := make([][]bool, rows) // below[r][c]: a line between row r and r+1 in column c
	edges := make([]bool, 2*rows*cols)
	slots := make([]*tableCell, rows*cols)
	t.grid = make([][]*tableCell, rows)
	for r := 0; r < rows; r++ {
		k := 2 * r * cols
		right[r], below[r] = edges[k:k+cols:k+cols], edges[k+cols:k+2*cols:k+2*cols]
		t.grid[r] = slots[r*cols : (r+1)*cols : (r+1)*cols]
		for c := 0; c < cols; c++ {
			right[r][c] = c == cols-1 || covered(vAt[c+1], ys[r+1], ys[r])
			below[r][c] = r == rows-1 || covered(hAt[r+1], xs[c], xs[c+1])
		}
	}
	// The cells are made from arrays of up to cellChunk: a page has
	// hundreds, and one allocation each was a tenth of a PDF's.
	var room []tableCell
	for r := 0; r < rows; r++ {
		for c := 0; c < cols; c++ {
			if t.grid[r][c] != nil {
				continue
			}
			cs := 1
			for c+cs < cols && !right[r][c+cs-1] && t.grid[r][c+cs] == nil {
				cs++
			}
			rs := 1
		grow:
			for r+rs < rows {
				for k := c; k < c+cs; k++ {
					if below[r+rs-1][k] || t.grid[r+rs][k] != nil || k < c+cs-1 && right[r+rs][k] {
						break grow
					}
				}
				rs++
			}
			if len(room) == 0 {
				room = make([]tableCell, min(cellChunk, (rows-r)*cols-c))
			}
			cell := &room[0]
			room = room[1:]
			*cell = tableCell{row: r, col: c, rowSpan: rs, colSpan: cs, page: page,
				box: extract.Rect{X0: xs[c], Y0: ys[r+rs], X1: xs[c+cs], Y1: ys[r]}}
			for i := r; i < r+rs; i++ {
				for k := c; k < c+cs; k++ {
					t.grid[i][k] = cell
				}
			}
			t.cells = append(t.cells, cell)
		}
	}
	return t
}

// linesAt returns, for each edge position (ascending), the lines that lie
// on it.
// The lines are counted first, then put in one array the edges share.
func linesAt(ss []seg, edges []float64) [][]seg {
	out := make([][]seg, len(edges))
	count := make([]int, len(edges))
	total := 0
	each := func(fn func(i int, s seg)) {
		for _, s := range ss {
			i := sort.SearchFloat64s(edges, s.pos-snapTol)
			for ; i < len(edges) && edges[i] <= s.pos+snapTol; i++ {
				fn(i, s)
			}
		}
	}
	each(func(i int, _ seg) { count[i]++; total++ })
	room := make([]seg, total)
	for i, n := range count {
		if n > 0 {
			out[i], room = room[:0:n], room[n:]
		}
	}
	each(func(i int, s seg) { out[i] = append(out[i], s) })
	return out
}

// covered reports whether lines cover most of lo..hi.
func covered(ss []seg, lo, hi float64) bool {
	var n float64
	for _, s := range ss {
		n += fmax(0, fmin(s.hi, hi)-fmax(s.lo, lo))
	}
	return n >= 0.5*(hi-lo)
}

// place puts glyphs that fall in a table into its cells and returns the
// others, in gs.
func placeGlyphs(tables []*tableFrag, gs []glyph) (rest []glyph) {
	if len(tables) == 0 {
		return gs
	}
	// First the cell of each glyph and the number each cell gets, then
	// the glyphs into one array that the cells' slices share.
	where := make([]*tableCell, len(gs))
	inCells := 0
	var last cellHint
	for i := range gs {
		if cell := cellAt(tables, &gs[i], &last); cell != nil {
			where[i] = cell
			cell.nglyphs++
			inCells++
		}
	}
	store := make([]glyph, 0, inCells)
	for _, t := range tables {
		for _, cell := range t.cells {
			n := cell.nglyphs
			cell.glyphs, store = store[len(store):len(store):len(store)+n], store[:len(store)+n]
			cell.nglyphs = 0
		}
	}
	rest = gs[:0] // the glyphs outside tables move up in gs, which is done with
	for i, g := range gs {
		if cell := where[i]; cell != nil {
			cell.glyphs = append(cell.glyphs, g)
		} else {
			rest = append(rest, g)
		}
	}
	return rest
}

// cellHint is the grid slot the last glyph fell in: consecutive glyphs
// mostly share a cell, which then needs no search of the table's edges.
type cellHint struct {
	t    *tableFrag
	r, c int
}

// cellAt returns the cell of the first of tables that glyph g's centre
// falls in, nil when it falls in none. last is the slot the glyph before
// fell in, and is set to this one's.
func cellAt(tables []*tableFrag, g *glyph, last *cellHint) *tableCell {
	cx, cy := (g.x0+g.x1)/2, g.midY()
	for _, t := range tables {
		if cx < t.box.X0 || cx > t.box.X1 || cy < t.box.Y0 || cy > t.box.Y1 {
			continue
		}
		// Between the last slot's edges, bounded as the searches below
		// bound them, the centre is where they would find it.
		if r, c := last.r, last.c; t == last.t && t.xs[c] < cx && cx <= t.xs[c+1] && t.ys[r] > cy && cy >= t.ys[r+1] {
			return t.grid[r][c]
		}
		c := sort.SearchFloat64s(t.xs, cx) - 1
		r := sort.Search(len(t.ys), func(i int) bool { return t.ys[i] <= cy }) - 1
		c = min(max(c, 0), t.cols()-1)
		r = min(max(r, 0), t.rows()-1)
		*last = cellHint{t, r, c}
		return t.grid[r][c]
	}
	return nil
}

package pdf

// Finding table rules and text lines in a levelled grey scan.
//
// A rule is a run of ink far longer than any stroke of a character: a
// morphological opening of the binarised image with a long thin line
// (rows for horizontal rules, columns for vertical ones) keeps the rules
// and drops the text. The rules go to findTables as a vector page's do,
// so a scan's tables get the same grid, spans and boxes.

// pxRun is a run of ink on one row (horizontal) or column (vertical):
// at pos from lo to hi-1, in pixels.
type pxRun struct{ pos, lo, hi int }

// findRuns returns the ink runs of at least minLen pixels, on rows when
// horizontal, on columns otherwise. A pixel counts as ink when it or a
// neighbour across the run is, so a rule one pixel off level holds
// together.
func findRuns(g *gray, minLen int, horizontal bool) []pxRun {
	n, m := g.h, g.w // lines, and pixels along one
	if !horizontal {
		n, m = g.w, g.h
	}
	ink := func(line, i int) bool {
		for d := -1; d <= 1; d++ {
			l := line + d
			if l < 0 || l >= n {
				continue
			}
			var v uint8
			if horizontal {
				v = g.pix[l*g.w+i]
			} else {
				v = g.pix[i*g.w+l]
			}
			if v < inkThreshold {
				return true
			}
		}
		return false
	}
	var out []pxRun
	for line := 0; line < n; line++ {
		start := -1
		for i := 0; i <= m; i++ {
			if i < m && ink(line, i) {
				if start < 0 {
					start = i
				}
				continue
			}
			if start >= 0 && i-start >= minLen {
				out = append(out, pxRun{line, start, i})
			}
			start = -1
		}
		if len(out) > maxRuleRuns {
			break
		}
	}
	return out
}

// maxRuleRuns bounds the runs of one page: a page of hatching is no table.
const maxRuleRuns = 200000

// clearRuns whitens the pixels of runs (rules) in g, with a margin of one
// pixel across, so that text next to a rule is cropped without it.
func clearRuns(g *gray, runs []pxRun, horizontal bool) {
	for _, r := range runs {
		for d := -1; d <= 1; d++ {
			l := r.pos + d
			for i := r.lo; i < r.hi; i++ {
				if horizontal && l >= 0 && l < g.h {
					g.pix[l*g.w+i] = 255
				} else if !horizontal && l >= 0 && l < g.w {
					g.pix[i*g.w+l] = 255
				}
			}
		}
	}
}

// band is a text line found in an image region: rows y0..y1-1, columns
// x0..x1-1, in pixels of the page.
type band struct{ x0, y0, x1, y1 int }

// textBands splits the region r of g into text lines by its row profile,
// then each line into pieces at gaps wider than gapFactor line heights
// (two fields on one line outside a table). Specks lower than minH rows
// are dropped.
func textBands(g *gray, r band, minH int, gapFactor float64) []band {
	rows := make([]int, r.y1-r.y0)
	for y := r.y0; y < r.y1; y++ {
		for x := r.x0; x < r.x1; x++ {
			if g.pix[y*g.w+x] < inkThreshold {
				rows[y-r.y0]++
			}
		}
	}
	var lines []band
	start := -1
	for y := 0; y <= len(rows); y++ {
		if y < len(rows) && rows[y] > 0 {
			if start < 0 {
				start = y
			}
			continue
		}
		if start >= 0 {
			lines = append(lines, band{r.x0, r.y0 + start, r.x1, r.y0 + y})
			start = -1
		}
	}
	lines = mergeThin(lines, minH)
	var out []band
	for _, l := range lines {
		if l.y1-l.y0 < minH {
			continue
		}
		out = append(out, splitColumns(g, l, gapFactor)...)
	}
	return out
}

// mergeThin joins a band thinner than minH to its nearer neighbour when
// they are close: the dots and strokes of a character (a 二, the parts of
// a 三) can leave blank rows inside one line.
func mergeThin(ls []band, minH int) []band {
	var out []band
	for _, l := range ls {
		if n := len(out); n > 0 {
			p := &out[n-1]
			gap := l.y0 - p.y1
			thin := l.y1-l.y0 < minH || p.y1-p.y0 < minH
			// JPEG can lighten a character's thin middle stroke (the one
			// of 量) to paper: a gap of a row or two inside what is one
			// line high is no line break.
			tight := gap <= max(1, minH/6) && l.y1-p.y0 <= 3*minH
			if gap <= minH/3 && thin && l.y1-p.y0 <= 2*minH+minH/2 || tight {
				p.y1 = l.y1
				continue
			}
		}
		out = append(out, l)
	}
	return out
}

// splitColumns trims line l to its ink and cuts it at wide gaps.
func splitColumns(g *gray, l band, gapFactor float64) []band {
	cols := make([]bool, l.x1-l.x0)
	for x := l.x0; x < l.x1; x++ {
		for y := l.y0; y < l.y1; y++ {
			if g.pix[y*g.w+x] < inkThreshold {
				cols[x-l.x0] = true
				break
			}
		}
	}
	maxGap := int(gapFactor * float64(l.y1-l.y0))
	var out []band
	start, last := -1, -1
	for x, ink := range cols {
		if !ink {
			continue
		}
		if start >= 0 && x-last > maxGap {
			out = append(out, band{l.x0 + start, l.y0, l.x0 + last + 1, l.y1})
			start = -1
		}
		if start < 0 {
			start = x
		}
		last = x
	}
	if start >= 0 {
		out = append(out, band{l.x0 + start, l.y0, l.x0 + last + 1, l.y1})
	}
	return out
}

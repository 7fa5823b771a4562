package pdf

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/jixiao/jixiao/extract"
)

// DumpOptions chooses what DumpContent writes.
type DumpOptions struct {
	Page  int  // the 1-based page to dump; 0 for every page
	Rules bool // also the horizontal and vertical rules tables are cut by
}

// DumpContent writes what the content interpreter sees on the pages of a PDF,
// before any layout: per page its display size and counts, then its glyphs
// line by line from the top, each as [x0-x1 "text" size] in points, and
// with opt.Rules its rules. It is the view to debug the PDF reader with
// (cmd/docdump --pdf-ops). A page that fails to interpret is dumped as far
// as it was read, with its error in its header line; a file that cannot be
// opened returns an *extract.Error naming path.
func DumpContent(w io.Writer, r io.ReaderAt, size int64, path string, opt DumpOptions) (err error) {
	defer func() {
		if x := recover(); x != nil {
			rethrowBug(x)
			err = &extract.Error{Path: path, Err: fmt.Errorf("%w: %v", extract.ErrMalformed, x)}
		}
	}()
	d, err := openPDF(r, size)
	if err != nil {
		return &extract.Error{Path: path, Err: err}
	}
	pages, err := d.pages()
	if err != nil {
		return &extract.Error{Path: path, Err: err}
	}
	if opt.Page < 0 || opt.Page > len(pages) {
		return &extract.Error{Path: path, Err: fmt.Errorf("no page %d: the file has %d", opt.Page, len(pages))}
	}
	for i, p := range pages {
		if opt.Page != 0 && opt.Page != i+1 {
			continue
		}
		pc, err := d.interpretPage(p)
		if pc == nil {
			fmt.Fprintf(w, "== page %d err=%v\n", i+1, err)
			continue
		}
		fmt.Fprintf(w, "== page %d %gx%g glyphs=%d h=%d v=%d images=%d err=%v\n", i+1, pc.width, pc.height, len(pc.glyphs), len(pc.hrules), len(pc.vrules), pc.images, err)
		dumpGlyphLines(w, pc.glyphs)
		if opt.Rules {
			for _, r := range pc.hrules {
				fmt.Fprintf(w, "H y=%.2f x=%.2f..%.2f w=%.2f\n", r.y0, r.x0, r.x1, r.width)
			}
			for _, r := range pc.vrules {
				fmt.Fprintf(w, "V x=%.2f y=%.2f..%.2f w=%.2f\n", r.x0, r.y0, r.y1, r.width)
			}
		}
	}
	return nil
}

// dumpGlyphLines writes glyphs top to bottom, left to right, one line for
// the glyphs whose baselines lie within a point of each other.
func dumpGlyphLines(w io.Writer, glyphs []glyph) {
	gs := append([]glyph(nil), glyphs...)
	sort.SliceStable(gs, func(i, j int) bool {
		if d := gs[i].y - gs[j].y; d > 1 || d < -1 {
			return d > 0
		}
		return gs[i].x0 < gs[j].x0
	})
	var line []string
	var ly float64
	flush := func() {
		if len(line) > 0 {
			fmt.Fprintf(w, "y=%.1f %s\n", ly, strings.Join(line, ""))
		}
		line = line[:0]
	}
	for k, g := range gs {
		if k == 0 || ly-g.y > 1 || g.y-ly > 1 {
			flush()
			ly = g.y
		}
		line = append(line, fmt.Sprintf("[%.1f-%.1f %q s%.1f]", g.x0, g.x1, g.text, g.size))
	}
	flush()
}

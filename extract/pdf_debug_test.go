package extract

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
)

// TestPDFDebugDump prints what the interpreter sees on the pages of the
// file in $PDFDUMP: glyph runs and rules. A debugging aid; it skips
// without the variable.
func TestPDFDebugDump(t *testing.T) {
	name := os.Getenv("PDFDUMP")
	if name == "" {
		t.Skip("set PDFDUMP=file.pdf to dump a file")
	}
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, _ := f.Stat()
	d, err := openPDF(f, st.Size())
	if err != nil {
		t.Fatal(err)
	}
	pages, err := d.pages()
	if err != nil {
		t.Fatal(err)
	}
	want := os.Getenv("PDFPAGE")
	for i, p := range pages {
		if want != "" && want != fmt.Sprint(i+1) {
			continue
		}
		pc, err := d.interpretPage(p)
		fmt.Printf("== page %d %gx%g glyphs=%d h=%d v=%d images=%d err=%v\n", i+1, pc.width, pc.height, len(pc.glyphs), len(pc.hrules), len(pc.vrules), pc.images, err)
		gs := append([]glyph(nil), pc.glyphs...)
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
				fmt.Printf("y=%.1f %s\n", ly, strings.Join(line, ""))
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
		if os.Getenv("PDFRULES") != "" {
			for _, r := range pc.hrules {
				fmt.Printf("H y=%.2f x=%.2f..%.2f w=%.2f\n", r.y0, r.x0, r.x1, r.width)
			}
			for _, r := range pc.vrules {
				fmt.Printf("V x=%.2f y=%.2f..%.2f w=%.2f\n", r.x0, r.y0, r.y1, r.width)
			}
		}
	}
}

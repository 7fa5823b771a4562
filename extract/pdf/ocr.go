package pdf

import (
	"fmt"
	"math"
	"sort"

	"github.com/jixiao/jixiao/extract"
)

// BUG(ocr): A scanned page is taken to be filled by its largest image, as a
// scanner writes it; an image placed elsewhere on the page, or a page made
// of several images, is read as if it filled the page.

// BUG(ocr): Images are decoded from DCTDecode (JPEG) and FlateDecode (8-bit
// grey or RGB, 1-bit); JPXDecode, CCITTFaxDecode and JBIG2Decode pages are
// lost with an error. Scans are read only from files of at most 64 MiB
// that need no rebuilding.

// BUG(ocr): Text outside tables is cut into lines by its row profile, not
// by the det model: text lines that touch (a seal's text left in black)
// read as one.

// BUG(ocr): A cell holding one symbol alone (the ⩾ of a 指标性质 column)
// may be misread (as W or M); such readings come with a low confidence
// and are listed as uncertain, but are not corrected.

// BUG(ocr): The det model is not used: lines are found by row profiles,
// and cells that read as nearly a number get no second look.

// ocrDPI bounds: a page scanned coarser is too coarse to read; one scanned
// finer is scaled down to ocrWorkDPI first.
const (
	ocrMinDPI  = 100
	ocrWorkDPI = 300
	maxOCRPix  = 60 << 20 // pixels of one page image
)

// ocrPages reads the pages of d by OCR into contents (whose sizes and
// matrices the interpreter set), replacing what the text layer gave.
// Pages that cannot be read are returned as errors, one per page.
func ocrPages(path string, d *pdfDoc, pages []pageRef, contents []*pageContent, opt extract.OCROptions) ([]ocrLine, extract.ErrorList, error) {
	rec, err := loadRecognizer(opt.Dir)
	if err != nil {
		return nil, nil, err
	}
	imgs, err := pageImages(d, pages)
	if err != nil {
		return nil, nil, err
	}
	var lines []ocrLine
	var errs extract.ErrorList
	for i, pc := range contents {
		if pc == nil {
			continue
		}
		pc.glyphs, pc.hrules, pc.vrules = nil, nil, nil
		if imgs[i].err != nil {
			errs = append(errs, extract.PageError(path, i+1, imgs[i].err))
			continue
		}
		if imgs[i].img == nil {
			continue // a blank page
		}
		ls, err := ocrPage(rec, i+1, imgs[i].gray(), pc)
		if err != nil {
			errs = append(errs, extract.PageError(path, i+1, err))
			continue
		}
		lines = append(lines, ls...)
	}
	return lines, errs, nil
}

// ocrLine is a line read on a page: its box in display space and the
// CTC maxima of its characters.
type ocrLine struct {
	page int
	box  extract.Rect
	conf []float64
}

// ocrPage reads one levelled grey page image into pc.
func ocrPage(rec *recognizer, page int, g *gray, pc *pageContent) ([]ocrLine, error) {
	if !(pc.width > 0 && pc.height > 0) || g.w == 0 || g.h == 0 {
		return nil, fmt.Errorf("%w: an empty page or page image", extract.ErrMalformed)
	}
	dpi := float64(g.w) / pc.width * 72
	if dpi < ocrMinDPI || dpi > 2400 {
		return nil, fmt.Errorf("%w: the page image is %.0f dpi, too coarse to read", extract.ErrMalformed, dpi)
	}
	if dpi > ocrWorkDPI*1.2 {
		g = g.scaled(int(pc.width/72*ocrWorkDPI), int(pc.height/72*ocrWorkDPI))
		dpi = float64(g.w) / pc.width * 72
	}
	g = rotated(g, skewAngle(g))
	px := pc.width / float64(g.w) // points per pixel
	toPt := func(x, y float64) (float64, float64) { return x * px, pc.height - y*px }

	// A rule is a quarter inch of unbroken ink; a vertical one a sixth: a
	// one-line row is hardly taller, and no stroke of a character in body
	// text is as long.
	hr, vr := findRuns(g, int(dpi/4), true), findRuns(g, int(dpi/6), false)
	for _, r := range hr {
		x0, y := toPt(float64(r.lo), float64(r.pos)+0.5)
		x1, _ := toPt(float64(r.hi), 0)
		pc.hrules = append(pc.hrules, rule{x0: x0, y0: y, x1: x1, y1: y, width: px})
	}
	for _, r := range vr {
		x, y1 := toPt(float64(r.pos)+0.5, float64(r.lo))
		_, y0 := toPt(0, float64(r.hi))
		pc.vrules = append(pc.vrules, rule{x0: x, y0: y0, x1: x, y1: y1, width: px})
	}
	text := &gray{w: g.w, h: g.h, pix: append([]uint8(nil), g.pix...)}
	// Only the rules of tables are cleared: outside them, a long run is
	// more likely a stroke of a large heading (the 丨 of a 标).
	tables := findTables(page, pc.hrules, pc.vrules)
	var boxes []band
	for _, t := range tables {
		b := pxBox(t.box, px, pc.height, g)
		boxes = append(boxes, band{b.x0 - 3, b.y0 - 3, b.x1 + 3, b.y1 + 3})
	}
	clearRuns(text, inBoxes(hr, boxes, true), true)
	clearRuns(text, inBoxes(vr, boxes, false), false)

	minH := int(dpi * 4 / 72) // a line of text is at least 4 points high
	var lines []ocrLine
	read := func(b band) error {
		// A margin of paper, as the det model's boxes have: the rec
		// model was trained on lines with some around them.
		l, err := rec.recognize(text.sub(b.x0, b.y0, b.x1, b.y1).padded((b.y1 - b.y0) / 4))
		l = l.trimmed()
		if err != nil || len(l.chars) == 0 {
			return err
		}
		x0, top := toPt(float64(b.x0), float64(b.y0))
		x1, bottom := toPt(float64(b.x1), float64(b.y1))
		lines = append(lines, ocrLine{page: page, box: extract.Rect{X0: x0, Y0: bottom, X1: x1, Y1: top}, conf: l.conf})
		pc.glyphs = append(pc.glyphs, lineGlyphs(l, x0, x1, bottom, top)...)
		return nil
	}
	// Cells first, each inside its borders; then what lies outside tables.
	for _, t := range tables {
		for _, c := range t.cells {
			// Inside the borders: JPEG leaves a grey fringe along a rule
			// that the rule's clearing misses.
			r := pxBox(c.box, px, pc.height, g)
			in := int(dpi / 50)
			r = band{r.x0 + in, r.y0 + in, r.x1 - in, r.y1 - in}
			if r.x1-r.x0 < minH || r.y1-r.y0 < minH {
				continue
			}
			for _, b := range textBands(text, r, minH, 3) {
				if err := read(b); err != nil {
					return nil, err
				}
			}
		}
		r := pxBox(t.box, px, pc.height, g)
		for y := max(r.y0-2, 0); y < min(r.y1+2, g.h); y++ {
			for x := max(r.x0-2, 0); x < min(r.x1+2, g.w); x++ {
				text.pix[y*g.w+x] = 255
			}
		}
	}
	for _, b := range textBands(text, band{0, 0, g.w, g.h}, minH, 2.5) {
		if err := read(b); err != nil {
			return nil, err
		}
	}
	return lines, nil
}

// inBoxes returns the runs that lie inside one of boxes.
func inBoxes(runs []pxRun, boxes []band, horizontal bool) []pxRun {
	var out []pxRun
	for _, r := range runs {
		x0, y0, x1, y1 := r.lo, r.pos, r.hi, r.pos
		if !horizontal {
			x0, y0, x1, y1 = r.pos, r.lo, r.pos, r.hi
		}
		for _, b := range boxes {
			if x0 >= b.x0 && x1 <= b.x1 && y0 >= b.y0 && y1 <= b.y1 {
				out = append(out, r)
				break
			}
		}
	}
	return out
}

// pxBox is the pixel region of box (display space, points).
func pxBox(box extract.Rect, px, height float64, g *gray) band {
	return band{
		x0: max(0, int(math.Ceil(box.X0/px))),
		y0: max(0, int(math.Ceil((height-box.Y1)/px))),
		x1: min(g.w, int(box.X1/px)),
		y1: min(g.h, int((height-box.Y0)/px)),
	}
}

// lineGlyphs places the characters of a line read between x0 and x1
// (points) at their CTC steps, each reaching halfway to its neighbours,
// so the layout finds the gaps the line has and no others.
func lineGlyphs(l recLine, x0, x1, bottom, top float64) []glyph {
	h := top - bottom
	size := h / 0.85 // the ink of a line is about 0.85 em high
	y := (bottom+top)/2 - 0.35*size
	w := x1 - x0
	out := make([]glyph, len(l.chars))
	for i, ch := range l.chars {
		c := x0 + l.at[i]*w
		left, right := x0, x1
		if i > 0 {
			left = (c + x0 + l.at[i-1]*w) / 2
		}
		if i+1 < len(l.chars) {
			right = (c + x0 + l.at[i+1]*w) / 2
		}
		out[i] = glyph{x0: left, x1: right, y: y, size: size, text: ch}
	}
	return out
}

// setConfidence gives every paragraph and cell of doc the mean of the
// CTC maxima of the lines read inside its box.
func setConfidence(doc *extract.Document, lines []ocrLine, toUser []matrix) {
	byPage := map[int][]ocrLine{}
	for _, l := range lines {
		if l.page-1 < len(toUser) {
			l.box = userBox(toUser[l.page-1], l.box)
		}
		byPage[l.page] = append(byPage[l.page], l)
	}
	conf := func(p extract.Pos) float64 {
		sum, n := 0.0, 0
		for _, l := range byPage[p.Page] {
			cx, cy := (l.box.X0+l.box.X1)/2, (l.box.Y0+l.box.Y1)/2
			if cx >= p.BBox.X0 && cx <= p.BBox.X1 && cy >= p.BBox.Y0 && cy <= p.BBox.Y1 {
				for _, c := range l.conf {
					sum += c
					n++
				}
			}
		}
		if n == 0 {
			return 1
		}
		return sum / float64(n)
	}
	var walk func(bs []extract.Block)
	walk = func(bs []extract.Block) {
		for _, b := range bs {
			if b.Para != nil {
				b.Para.Pos.Confidence = conf(b.Para.Pos)
			}
			if b.Table != nil {
				for _, c := range b.Table.Cells {
					c.Pos.Confidence = conf(c.Pos)
					walk(c.Blocks)
				}
			}
		}
	}
	walk(doc.Blocks)
}

// userBox maps a display-space box to user space.
func userBox(m matrix, r extract.Rect) extract.Rect {
	x0, y0 := m.apply(r.X0, r.Y0)
	x1, y1 := m.apply(r.X1, r.Y1)
	xs, ys := []float64{x0, x1}, []float64{y0, y1}
	sort.Float64s(xs)
	sort.Float64s(ys)
	return extract.Rect{X0: xs[0], Y0: ys[0], X1: xs[1], Y1: ys[1]}
}

// wantsOCR tells whether a file of glyphs and images is read by OCR.
func wantsOCR(o extract.OCROptions, glyphs, images int) bool {
	return o.Mode == extract.OCRForce || o.Mode == extract.OCRAuto && glyphs == 0 && images > 0
}

// ocrDocument reads the pages of d by OCR. Without the OCR parts the file
// is refused as one without a text layer, naming how to install them.
func ocrDocument(path string, d *pdfDoc, pages []pageRef, contents []*pageContent, opt extract.OCROptions, images int) (*extract.Document, error) {
	lines, errs, err := ocrPages(path, d, pages, contents, opt)
	if err != nil {
		return nil, &extract.Error{Path: path, Err: fmt.Errorf("%w (pages: %d, images: %d): %v", extract.ErrNoTextLayer, len(pages), images, err)}
	}
	if len(lines) == 0 {
		if len(errs) > 0 {
			return nil, errs
		}
		return nil, &extract.Error{Path: path, Err: fmt.Errorf("%w (pages: %d, images: %d): OCR found no text", extract.ErrNoTextLayer, len(pages), images)}
	}
	doc := layoutDocument(path, contents)
	doc.OCR = true
	toUser := make([]matrix, len(contents))
	for i, pc := range contents {
		toUser[i] = pc.toUser
	}
	setConfidence(doc, lines, toUser)
	if len(errs) > 0 {
		doc.Lost = errs
		return doc, errs
	}
	return doc, nil
}

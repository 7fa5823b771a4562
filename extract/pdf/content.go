package pdf

import (
	"fmt"
	"math"
	"strings"

	pdflib "github.com/ledongthuc/pdf"

	"github.com/jixiao/jixiao/extract"
)

// This file is the content-stream interpreter: it runs a page's operators
// (split by contentState.run) and records what a reader of tables needs, the
// glyphs with their positions and the straight rules that draw table
// borders. Everything is in display space: points, origin at the bottom
// left of the page as it is shown (after /Rotate).

// glyph is one character drawn on a page.
type glyph struct {
	x0, x1 float64 // left and right end of the advance, in points
	y      float64 // baseline, in points, increasing bottom to top
	size   float64 // font size, in points
	text   string
}

func (g *glyph) isSpace() bool { return g.text == " " || g.text == "\u00a0" }

// midY is the vertical centre of the glyph's em box.
func (g *glyph) midY() float64 { return g.y + 0.35*g.size }

// rule is a straight horizontal or vertical line: a stroked path segment or
// a thin filled rectangle.
type rule struct {
	x0, y0, x1, y1 float64 // x0 <= x1, y0 <= y1; horizontal: y0 == y1, vertical: x0 == x1
	width          float64 // line thickness, in points
}

// pageContent is what the interpreter collected from one page.
type pageContent struct {
	glyphs   []glyph
	hrules   []rule
	vrules   []rule
	images   int
	sideways int     // glyphs left out because their text does not run upright
	width    float64 // display size of the page, in points
	height   float64
	toUser   matrix // display space → PDF user space, for BBoxes
	errText  string // first problem met while interpreting, "" if none
}

// matrix is an affine transform [a b c d e f]: x' = a x + c y + e, y' = b x + d y + f.
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m × n: first m, then n.
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func (m matrix) apply(x, y float64) (float64, float64) {
	return m[0]*x + m[2]*y + m[4], m[1]*x + m[3]*y + m[5]
}

// scale is the factor by which m scales lengths, for line widths.
func (m matrix) scale() float64 { return math.Sqrt(math.Abs(m[0]*m[3] - m[1]*m[2])) }

// Limits of the interpreter: beyond them a page is refused with ErrTooLarge
// rather than eat the machine.
const (
	maxOpsPerDoc    = 40_000_000
	maxGlyphsPage   = 200_000   // a page of 4-point text has 60,000
	maxGlyphsDoc    = 2_000_000 // kept for the layout, about 100 bytes each
	maxRulesPage    = 200_000
	maxFormDepth    = 12
	maxPathPoints   = 1 << 16 // points in one path; more are dropped
	maxGStateDepth  = 256
	maxRuleWidth    = 3.0 // points: a filled rectangle thinner than this is a rule
	straightEpsilon = 0.5 // points: a segment this close to axis-aligned is straight
)

type gstate struct {
	ctm       matrix
	font      *pdfFont
	fontSize  float64
	tc, tw    float64 // character and word spacing, unscaled text space
	th        float64 // horizontal scaling, 1 = 100%
	tl        float64 // leading
	rise      float64
	lineWidth float64
	strokeOff bool // stroking colour is white: rules drawn in it are invisible
	fillOff   bool
}

// point is a path point in display space.
type point struct{ x, y float64 }

// interp runs the content streams of one page.
type interp struct {
	doc   *pdfDoc
	out   *pageContent
	gs    gstate
	saved []gstate
	tm    matrix // text matrix
	tlm   matrix // text line matrix

	path       path // the current path, in display space
	pathPoints int  // points in path, as counted against maxPathPoints
	depth      int  // Form XObject nesting
}

// defaultFont stands in when no font is set, so positions still advance;
// it reads codes as Latin-1.
var defaultFont = func() *pdfFont {
	f := &pdfFont{simple: true, dw: 1}
	for i := range f.width {
		f.width[i] = 0.5
		if i >= 0x20 && i < 0x7f || i >= 0xa0 {
			f.text[i] = string(rune(i))
		}
	}
	return f
}()

// run interprets the content stream(s) strm with resources res.
func (in *interp) run(strm pdflib.Value, res *resources) (err error) {
	defer recoverTo(&err)
	st := in.doc.lexState(in.depth)
	data, err := in.doc.content(strm, st.data)
	if cap(data) <= maxScratch {
		st.data = data[:0]
	}
	if err != nil && isLimit(err) {
		return err
	}
	// A stream cut short still shows what it had up to the cut.
	st.run(data, in, res)
	return err
}

func num(a []operand, i int) float64 {
	if i < len(a) && a[i].kind == psNum {
		return a[i].num
	}
	return 0
}

// last returns the last operand, the one most operators take.
func last(a []operand) operand {
	if len(a) == 0 {
		return operand{}
	}
	return a[len(a)-1]
}

// opCode is a content operator the interpreter acts on, as the lexer
// numbers its keyword, so that op's switch jumps where it compared
// strings; opNone is every other keyword.
type opCode uint8

const (
	opNone opCode = iota
	opSave
	opRestore
	opConcat
	opLineWidth
	opStrokeColor
	opFillColor
	opMoveTo
	opLineTo
	opCurve
	opClosePath
	opRect
	opStroke
	opFill
	opFillStroke
	opEndPath
	opBeginText
	opFont
	opCharSpace
	opWordSpace
	opHScale
	opLeading
	opRise
	opMoveText
	opMoveTextLeading
	opTextMatrix
	opNextLine
	opShow
	opNextLineShow
	opSpacingShow
	opShowArray
	opXObject
	opInlineImage
)

// opCodes are the operators' codes by name (all names of at most 3 bytes,
// which the lexer's short keyword table holds).
var opCodes = map[string]opCode{
	"q": opSave, "Q": opRestore, "cm": opConcat, "w": opLineWidth,
	"G": opStrokeColor, "RG": opStrokeColor, "K": opStrokeColor, "SC": opStrokeColor, "SCN": opStrokeColor,
	"g": opFillColor, "rg": opFillColor, "k": opFillColor, "sc": opFillColor, "scn": opFillColor,
	"m": opMoveTo, "l": opLineTo, "c": opCurve, "v": opCurve, "y": opCurve, "h": opClosePath, "re": opRect,
	"S": opStroke, "s": opStroke, "f": opFill, "F": opFill, "f*": opFill,
	"B": opFillStroke, "B*": opFillStroke, "b": opFillStroke, "b*": opFillStroke, "n": opEndPath,
	"BT": opBeginText, "Tf": opFont, "Tc": opCharSpace, "Tw": opWordSpace, "Tz": opHScale, "TL": opLeading,
	"Ts": opRise, "Td": opMoveText, "TD": opMoveTextLeading, "Tm": opTextMatrix, "T*": opNextLine,
	"Tj": opShow, "'": opNextLineShow, "\"": opSpacingShow, "TJ": opShowArray, "Do": opXObject, "BI": opInlineImage,
}

func (in *interp) op(op opCode, a []operand, res *resources) {
	if in.doc.ops++; in.doc.ops > maxOpsPerDoc {
		panic(fmt.Errorf("%w: more than %d content operators", extract.ErrTooLarge, maxOpsPerDoc))
	}
	gs := &in.gs
	switch op {
	// Graphics state.
	case opSave:
		if len(in.saved) < maxGStateDepth {
			in.saved = append(in.saved, *gs)
		}
	case opRestore:
		if n := len(in.saved); n > 0 {
			*gs = in.saved[n-1]
			in.saved = in.saved[:n-1]
		}
	case opConcat:
		if len(a) == 6 {
			m := matrix{num(a, 0), num(a, 1), num(a, 2), num(a, 3), num(a, 4), num(a, 5)}
			gs.ctm = m.mul(gs.ctm)
		}
	case opLineWidth:
		gs.lineWidth = num(a, 0)
	case opStrokeColor:
		gs.strokeOff = isWhite(a)
	case opFillColor:
		gs.fillOff = isWhite(a)

	// Paths.
	case opMoveTo:
		if in.pathPoints++; in.pathPoints > maxPathPoints {
			break
		}
		x, y := gs.ctm.apply(num(a, 0), num(a, 1))
		in.path.moveTo(point{x, y})
	case opLineTo:
		if in.pathPoints++; in.pathPoints > maxPathPoints {
			break
		}
		if in.path.started() {
			x, y := gs.ctm.apply(num(a, 0), num(a, 1))
			in.path.lineTo(point{x, y})
		}
	case opCurve:
		// A curve is no rule: end the subpath at the curve's end point.
		if len(a) >= 2 {
			x, y := gs.ctm.apply(num(a, len(a)-2), num(a, len(a)-1))
			in.path.moveTo(point{x, y})
		}
	case opClosePath:
		in.path.close()
	case opRect:
		if in.pathPoints += 5; in.pathPoints > maxPathPoints {
			break
		}
		x, y, w, h := num(a, 0), num(a, 1), num(a, 2), num(a, 3)
		p0x, p0y := gs.ctm.apply(x, y)
		p1x, p1y := gs.ctm.apply(x+w, y)
		p2x, p2y := gs.ctm.apply(x+w, y+h)
		p3x, p3y := gs.ctm.apply(x, y+h)
		in.path.moveTo(point{p0x, p0y}, point{p1x, p1y}, point{p2x, p2y}, point{p3x, p3y}, point{p0x, p0y})
	case opStroke:
		in.stroke()
		in.endPath()
	case opFill:
		in.fill()
		in.endPath()
	case opFillStroke:
		in.fill()
		in.stroke()
		in.endPath()
	case opEndPath:
		in.endPath()

	// Text.
	case opBeginText:
		in.tm, in.tlm = identity, identity
	case opFont:
		if len(a) == 2 {
			gs.font = in.doc.font(res, a[0].s)
			gs.fontSize = num(a, 1)
		}
	case opCharSpace:
		gs.tc = num(a, 0)
	case opWordSpace:
		gs.tw = num(a, 0)
	case opHScale:
		gs.th = num(a, 0) / 100
	case opLeading:
		gs.tl = num(a, 0)
	case opRise:
		gs.rise = num(a, 0)
	case opMoveText:
		in.tlm = matrix{1, 0, 0, 1, num(a, 0), num(a, 1)}.mul(in.tlm)
		in.tm = in.tlm
	case opMoveTextLeading:
		gs.tl = -num(a, 1)
		in.tlm = matrix{1, 0, 0, 1, num(a, 0), num(a, 1)}.mul(in.tlm)
		in.tm = in.tlm
	case opTextMatrix:
		if len(a) == 6 {
			in.tlm = matrix{num(a, 0), num(a, 1), num(a, 2), num(a, 3), num(a, 4), num(a, 5)}
			in.tm = in.tlm
		}
	case opNextLine:
		in.nextLine()
	case opShow:
		in.show(last(a))
	case opNextLineShow:
		in.nextLine()
		in.show(last(a))
	case opSpacingShow:
		if len(a) == 3 {
			gs.tw, gs.tc = num(a, 0), num(a, 1)
		}
		in.nextLine()
		in.show(last(a))
	case opShowArray:
		for _, x := range last(a).arr {
			switch x.kind {
			case psString:
				in.show(x)
			case psNum:
				in.advance(-x.num / 1000 * gs.fontSize * gs.th)
			}
		}

	// External objects.
	case opXObject:
		if x := last(a); x.kind == psName {
			in.xobject(res, x.s)
		}
	case opInlineImage:
		in.out.images++
	}
}

// path is a path's subpaths, their points in one array that the page's
// paths reuse: a page draws thousands of short paths (every border of
// its tables), and each subpath's own slice was an allocation or two.
type path struct {
	points []point
	starts []int // where each subpath starts in points
}

// moveTo starts a subpath with the points ps.
func (p *path) moveTo(ps ...point) {
	p.starts = append(p.starts, len(p.points))
	p.points = append(p.points, ps...)
}

func (p *path) started() bool { return len(p.starts) > 0 }

// lineTo adds a point to the last subpath, which there must be.
func (p *path) lineTo(q point) { p.points = append(p.points, q) }

// close goes back to the start of the last subpath, when it has a segment.
func (p *path) close() {
	if n := len(p.starts); n > 0 && len(p.points)-p.starts[n-1] > 1 {
		p.points = append(p.points, p.points[p.starts[n-1]])
	}
}

// subpath returns the points of the k-th subpath.
func (p *path) subpath(k int) []point {
	end := len(p.points)
	if k+1 < len(p.starts) {
		end = p.starts[k+1]
	}
	return p.points[p.starts[k]:end:end]
}

func (p *path) reset() { p.points, p.starts = p.points[:0], p.starts[:0] }

// endPath ends the current path, painted or not.
func (in *interp) endPath() {
	in.path.reset()
	in.pathPoints = 0
}

// isWhite reports whether colour operands are white (gray 1, RGB 1 1 1,
// CMYK 0 0 0 0).
func isWhite(a []operand) bool {
	switch len(a) {
	case 1:
		return a[0].kind == psNum && num(a, 0) >= 0.97
	case 3:
		return num(a, 0) >= 0.97 && num(a, 1) >= 0.97 && num(a, 2) >= 0.97
	case 4:
		return num(a, 0) <= 0.03 && num(a, 1) <= 0.03 && num(a, 2) <= 0.03 && num(a, 3) <= 0.03
	}
	return false
}

func (in *interp) nextLine() {
	in.tlm = matrix{1, 0, 0, 1, 0, -in.gs.tl}.mul(in.tlm)
	in.tm = in.tlm
}

// advance moves the text matrix tx units of text space to the right.
func (in *interp) advance(tx float64) {
	in.tm[4] += tx * in.tm[0]
	in.tm[5] += tx * in.tm[1]
}

// show draws string operand o with the current font.
func (in *interp) show(o operand) {
	if o.kind != psString {
		return
	}
	s := o.s
	gs := &in.gs
	font := gs.font
	if font == nil {
		font = defaultFont
	}
	// Within one string only the text matrix's translation moves: the rest
	// of the glyph matrix (in.tm × ctm), the size and whether the text is
	// upright are the same for all its glyphs; the translation is applied
	// glyph by glyph below.
	m := in.tm.mul(gs.ctm)
	m0, m1, m2, m3 := m[0], m[1], m[2], m[3]
	fs, th := gs.fontSize, gs.th
	size := math.Abs(fs) * hypot(m2, m3)
	// Only upright, horizontal text is kept: rotated stamps and
	// watermarks are not part of the report's reading.
	upright := m0 > 0 && math.Abs(m1) <= 0.05*m0 && math.Abs(m2) <= 0.05*math.Abs(m3) && m3 > 0 && !font.vertical
	font.decode(s, func(sh shown) {
		m4, m5 := gs.ctm.apply(in.tm[4], in.tm[5])
		x := gs.rise*m2 + m4
		y := gs.rise*m3 + m5
		w := sh.width * fs * th
		if sh.text != "" && upright &&
			x > -size && x < in.out.width+size && y > -size && y < in.out.height+size {
			if len(in.out.glyphs) >= maxGlyphsPage {
				panic(fmt.Errorf("%w: more than %d glyphs on a page", extract.ErrTooLarge, maxGlyphsPage))
			}
			if in.out.glyphs == nil { // room for as many as the last page had
				in.out.glyphs = make([]glyph, 0, max(64, in.doc.glyphHint))
			}
			in.out.glyphs = append(in.out.glyphs, glyph{x0: x, x1: x + w*m0, y: y, size: size, text: sh.text})
		} else if sh.text != "" && strings.TrimSpace(sh.text) != "" && !font.vertical {
			in.out.sideways++
		}
		tx := sh.width*fs + gs.tc
		if sh.space {
			tx += gs.tw
		}
		in.advance(tx * th)
	})
}

// stroke records the straight segments of the current path as rules.
func (in *interp) stroke() {
	if in.gs.strokeOff {
		return
	}
	lw := in.gs.lineWidth * in.gs.ctm.scale()
	for k := range in.path.starts {
		sp := in.path.subpath(k)
		for i := 1; i < len(sp); i++ {
			in.addRule(sp[i-1], sp[i], lw)
		}
	}
}

// fill records thin filled rectangles as rules.
func (in *interp) fill() {
	if in.gs.fillOff {
		return
	}
subpaths:
	for k := range in.path.starts {
		sp := in.path.subpath(k)
		if len(sp) < 4 || len(sp) > 5 {
			continue
		}
		x0, y0, x1, y1 := sp[0].x, sp[0].y, sp[0].x, sp[0].y
		for _, p := range sp[1:] {
			x0, x1 = fmin(x0, p.x), fmax(x1, p.x)
			y0, y1 = fmin(y0, p.y), fmax(y1, p.y)
		}
		for _, p := range sp { // every corner on the box: a rectangle
			if !(near(p.x, x0) || near(p.x, x1)) || !(near(p.y, y0) || near(p.y, y1)) {
				continue subpaths
			}
		}
		w, h := x1-x0, y1-y0
		switch {
		case h <= maxRuleWidth && w > h:
			in.addRule(point{x0, (y0 + y1) / 2}, point{x1, (y0 + y1) / 2}, h)
		case w <= maxRuleWidth && h > w:
			in.addRule(point{(x0 + x1) / 2, y0}, point{(x0 + x1) / 2, y1}, w)
		}
	}
}

func near(a, b float64) bool { return math.Abs(a-b) <= straightEpsilon }

func (in *interp) addRule(p, q point, width float64) {
	out := in.out
	if len(out.hrules)+len(out.vrules) >= maxRulesPage || !finite(p.x, p.y, q.x, q.y, width) {
		return
	}
	switch {
	case near(p.y, q.y) && !near(p.x, q.x):
		y := (p.y + q.y) / 2
		out.hrules = append(out.hrules, rule{x0: fmin(p.x, q.x), x1: fmax(p.x, q.x), y0: y, y1: y, width: width})
	case near(p.x, q.x) && !near(p.y, q.y):
		x := (p.x + q.x) / 2
		out.vrules = append(out.vrules, rule{x0: x, x1: x, y0: fmin(p.y, q.y), y1: fmax(p.y, q.y), width: width})
	}
}

// xobject draws the XObject called name: a Form is interpreted in place,
// an Image is counted (a page of images and no text is a scan).
func (in *interp) xobject(res *resources, name string) {
	x := res.xobject(name)
	switch x.Key("Subtype").Name() {
	case "Image":
		in.out.images++
	case "Form":
		if in.depth >= maxFormDepth {
			return
		}
		saved, savedLen := in.gs, len(in.saved)
		if m := x.Key("Matrix"); m.Len() == 6 {
			fm := matrix{m.Index(0).Float64(), m.Index(1).Float64(), m.Index(2).Float64(), m.Index(3).Float64(), m.Index(4).Float64(), m.Index(5).Float64()}
			in.gs.ctm = fm.mul(in.gs.ctm)
		}
		sub := res
		if r := x.Key("Resources"); r.Kind() == pdflib.Dict {
			sub = in.doc.resources(r, dictKey(x, r))
		}
		in.depth++
		outer := in.path
		in.path = path{}
		err := in.run(x, sub)
		in.depth--
		in.path = outer
		in.gs, in.saved = saved, in.saved[:min(savedLen, len(in.saved))]
		if err != nil {
			if isLimit(err) {
				panic(err)
			}
			if in.out.errText == "" {
				in.out.errText = fmt.Sprintf("form %s: %v", name, err)
			}
		}
	}
}

// hypot is math.Hypot, which for upright text (no shear, p 0) is |q|,
// exactly: this spares its scaling for every glyph.
func hypot(p, q float64) float64 {
	if p == 0 {
		return math.Abs(q)
	}
	return math.Hypot(p, q)
}

func finite(xs ...float64) bool {
	for _, x := range xs {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return false
		}
	}
	return true
}

// fmax is math.Max, which the compiler does not inline (it calls
// assembly). Two values in order, nearly all the layout meets, are settled
// by comparing them; equal ones of no zero give either; the rest (zeros,
// whose signs decide, and NaNs) go to the builtin max, which is math.Max
// but where a NaN meets +Inf (math.Max gives +Inf, max NaN). The layout
// takes it per glyph.
func fmax(x, y float64) float64 {
	switch {
	case x > y:
		return x
	case y > x || x == y && x != 0:
		return y
	}
	return fmaxSpecial(x, y)
}

func fmaxSpecial(x, y float64) float64 {
	if x > math.MaxFloat64 || y > math.MaxFloat64 {
		return math.Inf(1)
	}
	return max(x, y)
}

// fmin is math.Min as fmax is math.Max: -Inf wins over a NaN.
func fmin(x, y float64) float64 {
	switch {
	case x < y:
		return x
	case y < x || x == y && x != 0:
		return y
	}
	return fminSpecial(x, y)
}

func fminSpecial(x, y float64) float64 {
	if x < -math.MaxFloat64 || y < -math.MaxFloat64 {
		return math.Inf(-1)
	}
	return min(x, y)
}

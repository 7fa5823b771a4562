package pdf

import (
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// This file turns glyphs into text lines and lines into paragraphs, the
// way a reader of the page would: a line is the glyphs that share a
// baseline, left to right; a paragraph ends where a line stops short of the
// right edge, the next one is indented, starts a numbered item, changes
// size, or leaves a gap.

// textLine is a run of glyphs on one baseline.
type textLine struct {
	glyphs []glyph     // left to right
	x0, x1 float64     // extent, in points
	y      float64     // baseline of the first glyph, in points
	low    float64     // lowest baseline: below y when wrapped fields were merged in
	size   float64     // largest font size
	text   string      // the glyphs' text with the spaces the layout implies
	cont   bool        // the line continues the one before it across a page break
	fields bool        // the line has glyphs far apart: fields of a form, not prose
	spans  []fieldSpan // the fields, once wrapped parts have been merged in
}

func (l *textLine) top() float64    { return l.y + 0.85*l.size }
func (l *textLine) bottom() float64 { return l.low - 0.15*l.size }

// Thresholds in ems (the font size) for reading gaps between glyphs.
const (
	wordGap  = 0.15 // Latin glyphs further apart than this have a space between them
	punctGap = 0.25 // the same for Latin punctuation, which fonts space more loosely
	fieldGap = 1.0  // any glyphs further apart than this are separate fields
)

// fieldSep separates the parts of a line that the layout puts far apart
// with no space glyph between them, such as the two cells of a borderless
// header line "430001怀来县机关事务服务中心    单位：万元".
const fieldSep = "    "

// lineRoom makes the lines of a page (of its cells, and of the text
// outside tables) from shared arrays, a few allocations a page rather
// than two a cell.
type lineRoom struct {
	store []textLine
	lines []*textLine
}

// lineChunk is how many lines a lineRoom makes room for at a time.
const lineChunk = 32

// build groups glyphs into lines, top to bottom.
func (r *lineRoom) build(gs []glyph) []*textLine {
	if len(gs) == 0 {
		return nil
	}
	sortByMidY(gs)
	// A line is a run of gs in this order: the glyphs that follow within
	// reach of the run's mean midY. Its glyphs stay where they are in gs.
	// The lines are made in the room left; when it runs out, those made
	// so far move to a new chunk, and are pointed at once all are made.
	n := lineRuns(gs, func(i, start, end int, size float64) {
		if i == len(r.store) {
			store := make([]textLine, max(2*i, lineChunk))
			copy(store, r.store[:i])
			r.store = store
		}
		l := &r.store[i]
		l.glyphs, l.size = gs[start:end:end], size
		l.finish()
	})
	if len(r.lines) < n {
		r.lines = make([]*textLine, max(n, lineChunk))
	}
	store, lines := r.store[:n:n], r.lines[:n:n]
	r.store, r.lines = r.store[n:], r.lines[n:]
	for i := range store {
		lines[i] = &store[i]
	}
	return lines
}

// lineRuns splits gs, sorted top to bottom, into the runs of lines and
// calls fn with each: its index, its glyphs gs[start:end] and their
// largest font size. It returns the number of runs.
func lineRuns(gs []glyph, fn func(i, start, end int, size float64)) int {
	n := 0
	var sum float64 // of the midY of the current run's glyphs
	start, size := 0, 0.0
	for i := range gs {
		g := &gs[i]
		if i > start {
			mid := sum / float64(i-start)
			if math.Abs(g.midY()-mid) <= 0.4*fmax(g.size, size) {
				size = fmax(size, g.size)
				sum += g.midY()
				continue
			}
			fn(n, start, i, size)
			n++
			start = i
		}
		size, sum = g.size, g.midY()
	}
	fn(n, start, len(gs), size)
	return n + 1
}

// sortByMidY sorts gs top to bottom by midY, stably. It sorts the keys
// with the glyphs' indexes, not the glyphs, which are large to move: the
// same sort making the same comparisons moves the indexes the way it
// would have moved the glyphs.
func sortByMidY(gs []glyph) {
	if slices.IsSortedFunc(gs, higher) { // a page drawn top to bottom, a cell of one line
		return
	}
	if len(gs) <= 20 { // one insertion sort: too few glyphs to gain
		slices.SortStableFunc(gs, higher)
		return
	}
	s := sortScratchPool.Get().(*sortScratch)
	defer sortScratchPool.Put(s)
	keys := s.keys[:0]
	for i := range gs {
		keys = append(keys, glyphKey{gs[i].midY(), int32(i)})
	}
	slices.SortStableFunc(keys, func(a, b glyphKey) int {
		if a.y > b.y {
			return -1
		}
		return 0
	})
	tmp := append(s.glyphs[:0], gs...)
	for k, key := range keys {
		gs[k] = tmp[key.i]
	}
	clear(tmp) // hold on to no text
	if cap(tmp) <= maxScratchGlyphs {
		s.keys, s.glyphs = keys[:0], tmp[:0]
	}
}

// higher orders glyphs top to bottom by their middle, as sortByMidY
// sorts them; a stable sort leaves glyphs already in that order as they
// are. (Their keys are never NaN, which would make a sequence with no
// pair out of order unsorted: show keeps no glyph whose position or size
// is not a number.)
func higher(a, b glyph) int {
	if a.midY() > b.midY() {
		return -1
	}
	return 0
}

// leftOf orders glyphs left to right, as finish sorts a line.
func leftOf(a, b glyph) int {
	if a.x0 < b.x0 {
		return -1
	}
	return 0
}

// sortScratch is the storage sortByMidY reuses, one a goroutine at a
// time.
type sortScratch struct {
	keys   []glyphKey
	glyphs []glyph
}

var sortScratchPool = sync.Pool{New: func() any { return new(sortScratch) }}

// maxScratchGlyphs bounds the glyphs a sortScratch keeps room for.
const maxScratchGlyphs = 1 << 16

// glyphKey is a glyph's sort key and its index.
type glyphKey struct {
	y float64
	i int32
}

// finish sorts a line's glyphs, drops glyphs drawn twice (fake bold,
// shadows) and sets the line's extent and text.
func (l *textLine) finish() {
	gs := l.glyphs
	if !slices.IsSortedFunc(gs, leftOf) { // most lines are drawn left to right
		slices.SortStableFunc(gs, leftOf)
	}
	out := gs[:0]
	for _, g := range gs {
		if n := len(out); n > 0 {
			p := &out[n-1]
			if math.Abs(p.x0-g.x0) < 0.3*g.size && math.Abs(p.y-g.y) < 0.3*g.size && p.text == g.text {
				continue
			}
		}
		out = append(out, g)
	}
	l.glyphs = out
	l.x0, l.x1 = out[0].x0, out[0].x1
	l.y, l.low = out[0].y, out[0].y
	for _, g := range out {
		l.x0, l.x1 = fmin(l.x0, g.x0), fmax(l.x1, g.x1)
	}
	l.text = lineText(out)
	l.fields = strings.Contains(l.text, fieldSep)
}

// lineText joins glyphs into text. Space glyphs are kept as they are;
// where there is none, a gap between Latin letters or digits wider than a
// word space reads as a space, and a gap wider than an em between any
// glyphs as fieldSep. Han characters get no space: the gap that fonts leave
// between a digit and 号 is no space in the document.
func lineText(gs []glyph) string {
	var b strings.Builder
	n := 0
	for i := range gs {
		n += len(gs[i].text)
	}
	b.Grow(n + 2*len(fieldSep))
	for i := range gs {
		g := &gs[i]
		if i > 0 {
			p := &gs[i-1]
			gap := g.x0 - p.x1
			size := fmax(p.size, g.size)
			switch {
			case p.isSpace() || g.isSpace():
			case gap > fieldGap*size:
				b.WriteString(fieldSep)
			case gap > wordGap*size && isLatin(lastRune(p.text)) && isLatin(firstRune(g.text)),
				gap > punctGap*size && isNarrow(lastRune(p.text)) && isNarrow(firstRune(g.text)):
				b.WriteByte(' ')
			}
		}
		b.WriteString(g.text)
	}
	return b.String()
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// isLatin reports whether r is a letter or digit of a script written with
// spaces between words.
func isLatin(r rune) bool {
	return r < 0x2e80 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// isNarrow reports whether r is a printable character of a script written
// with spaces between words, letter or punctuation.
func isNarrow(r rune) bool {
	return r > ' ' && r < 0x2e80 && !unicode.IsSpace(r)
}

// isWide reports whether r is a Han character or a full-width form, which
// join with no space when a line wraps.
func isWide(r rune) bool {
	return r >= 0x2e80 && r < 0xa000 || r >= 0xac00 && r < 0xd7b0 || r >= 0xf900 && r < 0xfb00 || r >= 0xfe30 && r < 0xfe50 || r >= 0xff00 && r < 0xffef
}

// isEnumerated reports whether s starts a numbered item (see enumerator).
// Most lines start with no character an enumerator can start with, and
// are told so without running the expression.
func isEnumerated(s string) bool {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\f' || s[i] == '\r') {
		i++
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	switch {
	case r >= '0' && r <= '9', r == '（', r == '(', r == '第', strings.ContainsRune("一二三四五六七八九十", r):
		return enumerator.MatchString(s)
	}
	return false
}

// enumerator matches the start of a numbered item: 1. 2、 （一） 一、 (3) 第二部分.
var enumerator = regexp.MustCompile(`^\s*(?:\d{1,3}[.．、](?:[^\d]|$)|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十\d]{1,3}[部章节条])`)

// textFrame is the measure of the text a paragraph splitter works in: the
// left and right edge of the column and the usual distance of lines.
type textFrame struct {
	left, right float64
	pitch       float64 // usual baseline distance; 0 when unknown
}

// full reports whether line l reaches the right edge of its frame: the
// next glyph would not have fitted. next is the line below, whose first
// word would have fitted on l had there been room.
func (f textFrame) full(l, next *textLine) bool {
	room := f.right - l.x1
	need := 1.6 * l.size
	if next != nil {
		if w := firstWordWidth(next); w > 0 {
			need = fmax(need, w+0.6*l.size)
		}
	}
	return room < need
}

// firstWordWidth is the width of the leading run of Latin glyphs of l, 0
// when l starts with a Han character.
func firstWordWidth(l *textLine) float64 {
	gs := l.glyphs
	if len(gs) == 0 || !isLatin(firstRune(gs[0].text)) {
		return 0
	}
	end := gs[0].x1
	for _, g := range gs[1:] {
		if g.isSpace() || g.x0-end > wordGap*g.size || isWide(firstRune(g.text)) {
			break
		}
		end = g.x1
	}
	return end - gs[0].x0
}

// breaksBefore reports whether line b starts a new paragraph after line a.
func (f textFrame) breaksBefore(a, b *textLine) bool {
	dist := a.y - b.y
	switch {
	case dist <= 0.3*a.size: // b is not below a: another column or a table cell
		return true
	case f.pitch > 0 && dist > 1.45*f.pitch,
		f.pitch == 0 && dist > 2.2*fmax(a.size, b.size):
		return true
	case math.Abs(a.size-b.size) > 0.15*a.size:
		return true
	case a.fields || b.fields:
		return true // a form's line of fields is a paragraph of its own
	case isEnumerated(b.text):
		return true
	case !f.full(a, b):
		return true
	case b.x0-f.left > 1.5*b.size && b.x0 > a.x0+0.8*b.size:
		return true // an indented first line
	}
	return false
}

// joinLines joins the wrapped lines of one paragraph. Han text joins with
// nothing in between; Latin words broken at a space get their space back,
// but a word too long for a line of its own (a project code in a narrow
// cell) was broken where there was no space, and joins without one.
func joinLines(lines []*textLine) string {
	if len(lines) == 1 {
		return lines[0].text
	}
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			p := lines[i-1]
			if isLatin(lastRune(p.text)) && isLatin(firstRune(l.text)) && !strings.HasSuffix(p.text, "-") && !oneWord(p) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(l.text)
	}
	return b.String()
}

// oneWord reports whether line l is a single run of Latin letters, digits
// and punctuation, with no space or Han character to break it at.
func oneWord(l *textLine) bool {
	for _, r := range l.text {
		if !isLatin(r) && !unicode.IsPunct(r) {
			return false
		}
	}
	return true
}

// splitParagraphs cuts lines (top to bottom) into paragraphs.
func splitParagraphs(lines []*textLine, f textFrame) [][]*textLine {
	var out [][]*textLine
	start := 0
	for i := 1; i <= len(lines); i++ {
		if i == len(lines) || f.breaksBefore(lines[i-1], lines[i]) {
			out = append(out, lines[start:i])
			start = i
		}
	}
	return out
}

// frameOf measures the text column of lines: the left and right edges
// where at least two lines start or end (a single long line may stick
// out), and the most common baseline distance.
func frameOf(lines []*textLine) textFrame {
	var f textFrame
	if len(lines) == 0 {
		return f
	}
	x0s := make([]float64, len(lines))
	x1s := make([]float64, len(lines))
	for i, l := range lines {
		x0s[i], x1s[i] = l.x0, l.x1
	}
	f.left = edge(x0s, false)
	f.right = edge(x1s, true)
	f.pitch = commonPitch(lines)
	return f
}

// edge returns the outermost value (largest if right) that another value
// comes within 2 points of, or the outermost value when none does.
func edge(xs []float64, right bool) float64 {
	sort.Float64s(xs)
	if right {
		for i := len(xs) - 1; i > 0; i-- {
			if xs[i]-xs[i-1] <= 2 {
				return xs[i]
			}
		}
		return xs[len(xs)-1]
	}
	for i := 0; i+1 < len(xs); i++ {
		if xs[i+1]-xs[i] <= 2 {
			return xs[i]
		}
	}
	return xs[0]
}

// commonPitch returns the most frequent distance between the baselines of
// consecutive lines of the same size, 0 when there are too few.
func commonPitch(lines []*textLine) float64 {
	var small [32]int
	keys := small[:0]
	for i := 1; i < len(lines); i++ {
		a, b := lines[i-1], lines[i]
		d := a.y - b.y
		if d <= 0 || math.Abs(a.size-b.size) > 0.5 || d > 3*a.size {
			continue
		}
		keys = append(keys, int(math.Round(d*2)))
	}
	// The most frequent key, the smallest of those as frequent.
	slices.Sort(keys)
	best, n := 0, 0
	for i := 0; i < len(keys); {
		j := i + 1
		for j < len(keys) && keys[j] == keys[i] {
			j++
		}
		if j-i > n {
			best, n = keys[i], j-i
		}
		i = j
	}
	if n < 2 {
		return 0
	}
	return float64(best) / 2
}

// fieldSpan is a run of a line's glyphs between field gaps.
type fieldSpan struct {
	x0, x1 float64
	text   string
}

// fieldSpans splits line l where it has field gaps.
func (l *textLine) fieldSpans() []fieldSpan {
	var out []fieldSpan
	start := 0
	gs := l.glyphs
	for i := 1; i <= len(gs); i++ {
		if i < len(gs) {
			p, g := &gs[i-1], &gs[i]
			if p.isSpace() || g.isSpace() || g.x0-p.x1 <= fieldGap*fmax(p.size, g.size) {
				continue
			}
		}
		run := gs[start:i]
		out = append(out, fieldSpan{run[0].x0, run[len(run)-1].x1, lineText(run)})
		start = i
	}
	return out
}

// mergeFieldLines folds into a line of fields (a borderless form row such
// as "407002怀来县…第2所属单    单位：万元") the lines below it that carry
// the wrapped rest of a field ("位").
func mergeFieldLines(lines []*textLine, f textFrame) []*textLine {
	out := lines[:0:0]
	for i := 0; i < len(lines); i++ {
		a := lines[i]
		out = append(out, a)
		for a.fields && i+1 < len(lines) && f.absorbFields(a, lines[i+1], false) {
			i++
		}
	}
	return out
}

// absorbFields merges line b into line a if b holds wrapped parts of a's
// fields: b lies at the usual distance below a (or starts the next page),
// and its every run starts where a field starts, under a field that fills
// the room up to the next one.
func (f textFrame) absorbFields(a, b *textLine, nextPage bool) bool {
	if a.spans == nil {
		a.spans = a.fieldSpans()
	}
	if !nextPage && !f.continuesFields(a, b) || nextPage && !continuesSpans(a.spans, b, f, a.size) {
		return false
	}
	for _, bs := range b.fieldSpans() {
		sp := &a.spans[fieldAt(a.spans, bs.x0)]
		if isLatin(lastRune(sp.text)) && isLatin(firstRune(bs.text)) {
			sp.text += " "
		}
		sp.text += bs.text
	}
	if !nextPage {
		a.low = b.y
	}
	texts := make([]string, len(a.spans))
	for k, sp := range a.spans {
		texts[k] = sp.text
	}
	a.text = strings.Join(texts, fieldSep)
	return true
}

// fieldAt returns the index of the span that starts at x, or -1.
func fieldAt(spans []fieldSpan, x float64) int {
	for j, sp := range spans {
		if math.Abs(sp.x0-x) <= joinTol {
			return j
		}
	}
	return -1
}

// continuesFields reports whether line b, below line a, holds wrapped
// parts of a's fields.
func (f textFrame) continuesFields(a, b *textLine) bool {
	dist := a.low - b.y
	limit := 1.6 * a.size
	if f.pitch > 0 {
		limit = 1.45 * f.pitch
	}
	if dist <= 0.3*a.size || dist > limit || math.Abs(a.size-b.size) > 0.15*a.size {
		return false
	}
	return continuesSpans(a.spans, b, f, a.size)
}

// continuesSpans reports whether each run of line b starts where one of
// spans does, a span that fills its room, and stays inside it.
func continuesSpans(spans []fieldSpan, b *textLine, f textFrame, size float64) bool {
	if isEnumerated(b.text) {
		return false
	}
	for _, bs := range b.fieldSpans() {
		j := fieldAt(spans, bs.x0)
		if j < 0 {
			return false
		}
		if j+1 < len(spans) {
			if spans[j+1].x0-spans[j].x1 > 2.5*size || bs.x1 > spans[j+1].x0 {
				return false
			}
		} else if f.right-spans[j].x1 > 2.5*size {
			return false
		}
	}
	return true
}

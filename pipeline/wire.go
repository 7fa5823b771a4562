package pipeline

import (
	"encoding/binary"
	"errors"
	"math"
	"math/big"
	"reflect"
	"unsafe"

	"github.com/shopspring/decimal"

	"github.com/jixiao/jixiao/extract"
	"github.com/jixiao/jixiao/normalize"
	"github.com/jixiao/jixiao/report"
)

// A worker's report crosses to the parent packed by packReport, field by
// field in the order of the types' declarations, and unpacked by
// unpackReport. To encode and decode the 400 bench reports, gob, which
// walks the values by reflection, takes 0.22 CPU-s, packing 0.10
// (BenchmarkWire, collection included); gob with the maps sent beside the
// report as slices, as the workers sent them, took 0.17. Every field
// crosses as it is, nil slices and maps kept apart from empty ones, and
// the indicators' Cols, which the rows of a table share, cross once per
// table and are shared again. TestWireEveryField fills every field of a
// report and wants it back, so that a field added to the types and not
// here fails, named.

// packReport appends rep to b.
func packReport(b []byte, rep *report.Report) []byte {
	w := &wireWriter{b: b}
	w.report(rep)
	return w.b
}

// errWire is a packed report that does not read back whole.
var errWire = errors.New("pipeline: a packed report is cut short or malformed")

// unpackReport reads what packReport wrote.
func unpackReport(b []byte) (*report.Report, error) {
	r := &wireReader{b: b}
	rep := &report.Report{}
	r.report(rep)
	if r.err == nil && len(r.b) > 0 {
		r.err = errWire
	}
	if r.err != nil {
		return nil, r.err
	}
	return rep, nil
}

type wireWriter struct {
	b    []byte
	cols map[unsafe.Pointer]uint64 // the Cols maps written, by identity: 2 + their index
}

func (w *wireWriter) uint(v uint64) { w.b = binary.AppendUvarint(w.b, v) }
func (w *wireWriter) int(v int)     { w.b = binary.AppendVarint(w.b, int64(v)) }
func (w *wireWriter) str(s string)  { w.uint(uint64(len(s))); w.b = append(w.b, s...) }

func (w *wireWriter) bool(v bool) {
	if v {
		w.b = append(w.b, 1)
	} else {
		w.b = append(w.b, 0)
	}
}

func (w *wireWriter) float(f float64) {
	w.b = binary.LittleEndian.AppendUint64(w.b, math.Float64bits(f))
}

// count writes a slice's or map's length, 0 for nil: one more for the
// rest, empty ones included.
func (w *wireWriter) count(n int, isNil bool) {
	if isNil {
		w.uint(0)
	} else {
		w.uint(uint64(n) + 1)
	}
}

func (w *wireWriter) dec(d decimal.Decimal) {
	if d == (decimal.Decimal{}) {
		w.uint(0)
		return
	}
	c := d.Coefficient()
	sign := uint64(1)
	if c.Sign() < 0 {
		sign = 2
	}
	w.uint(sign)
	w.int(int(d.Exponent()))
	abs := c.Abs(c).Bytes()
	w.uint(uint64(len(abs)))
	w.b = append(w.b, abs...)
}

func (w *wireWriter) strs(ss []string) {
	w.count(len(ss), ss == nil)
	for _, s := range ss {
		w.str(s)
	}
}

func (w *wireWriter) strMap(m map[string]string) {
	w.count(len(m), m == nil)
	for k, v := range m {
		w.str(k)
		w.str(v)
	}
}

func (w *wireWriter) report(r *report.Report) {
	w.str(r.Schema)
	w.str(r.Kind)
	w.str(r.Source.Path)
	w.str(r.Source.SHA256)
	w.str(r.Source.Format)
	w.int(r.Source.Pages)
	w.bool(r.Source.OCR)
	w.str(r.Department.Code)
	w.str(r.Department.Name)
	w.int(r.Year)
	w.str(string(r.Layout))
	w.str(r.OverallGoal)
	w.founds(r.OverallTargets)
	w.count(len(r.SubGoals), r.SubGoals == nil)
	for i := range r.SubGoals {
		w.subGoal(&r.SubGoals[i])
	}
	w.count(len(r.Measures), r.Measures == nil)
	for _, m := range r.Measures {
		w.str(m.No)
		w.str(m.Text)
	}
	w.count(len(r.Projects), r.Projects == nil)
	for i := range r.Projects {
		w.project(&r.Projects[i])
	}
	w.indicators(r.DepartmentIndicators)
	w.strMap(r.Extra)
	w.count(len(r.Uncertain), r.Uncertain == nil)
	for i := range r.Uncertain {
		w.str(r.Uncertain[i].Text)
		w.location(&r.Uncertain[i].Location)
	}
	w.location(&r.OverallGoalAt)
	w.strs(r.Trace)
	w.count(len(r.Unmapped), r.Unmapped == nil)
	for i := range r.Unmapped {
		w.str(r.Unmapped[i].What)
		w.str(r.Unmapped[i].Text)
		w.location(&r.Unmapped[i].Location)
	}
	w.count(len(r.Lost), r.Lost == nil)
	for _, l := range r.Lost {
		w.int(l.Page)
		w.str(l.Reason)
		w.str(l.Detail)
	}
}

func (w *wireWriter) subGoal(g *report.SubGoal) {
	w.int(g.No)
	w.str(g.Title)
	w.str(g.Goal)
	w.str(g.Indicators)
	w.founds(g.Targets)
	w.location(&g.At)
}

func (w *wireWriter) project(p *report.Project) {
	w.int(p.Seq)
	w.str(p.Title)
	w.str(p.DepartmentCode)
	w.str(p.DepartmentName)
	w.str(p.AmountUnit)
	w.str(p.Code)
	w.str(p.Name)
	w.str(p.Budget.Total)
	w.str(p.Budget.Fiscal)
	w.str(p.Budget.Other)
	w.str(p.Purpose)
	w.count(len(p.SpendingPlan), p.SpendingPlan == nil)
	for _, c := range p.SpendingPlan {
		w.str(c.Period)
		w.str(c.Value)
	}
	w.str(p.Goal)
	w.str(p.GoalLabel)
	w.str(p.MidTermGoal)
	w.indicators(p.Indicators)
	w.indicators(p.MidTermIndicators)
	w.strMap(p.Extra)
	w.count(len(p.At), p.At == nil)
	for k, l := range p.At {
		w.uint(uint64(k.Field))
		w.int(k.Checkpoint)
		w.location(&l)
	}
}

func (w *wireWriter) indicators(ins []report.Indicator) {
	w.count(len(ins), ins == nil)
	for i := range ins {
		in := &ins[i]
		w.str(in.Level1)
		w.str(in.Level2)
		w.str(in.Level3)
		w.str(in.Description)
		w.str(in.Nature)
		w.str(in.Value)
		w.str(in.Unit)
		w.str(in.Basis)
		w.str(in.Weight)
		w.str(in.Actual)
		w.str(in.Score)
		w.str(in.Deviation)
		w.bool(in.MidTerm != nil)
		if in.MidTerm != nil {
			w.str(in.MidTerm.Value)
			w.target(&in.MidTerm.Target)
		}
		w.strMap(in.Extra)
		w.target(&in.Target)
		w.location(&in.Location)
		w.colsOf(in.Cols)
	}
}

// colsOf writes 0 for nil, 1 and the map the first time it is met, and
// 2 + its index after.
func (w *wireWriter) colsOf(m map[string]int) {
	if m == nil {
		w.uint(0)
		return
	}
	id := reflect.ValueOf(m).UnsafePointer()
	if n, ok := w.cols[id]; ok {
		w.uint(n)
		return
	}
	if w.cols == nil {
		w.cols = map[unsafe.Pointer]uint64{}
	}
	w.cols[id] = 2 + uint64(len(w.cols))
	w.uint(1)
	w.uint(uint64(len(m)))
	for k, v := range m {
		w.str(k)
		w.int(v)
	}
}

func (w *wireWriter) founds(fs []normalize.Found) {
	w.count(len(fs), fs == nil)
	for i := range fs {
		w.str(fs[i].Name)
		w.str(fs[i].Text)
		w.target(&fs[i].Target)
	}
}

func (w *wireWriter) target(t *normalize.Target) {
	w.str(string(t.Kind))
	w.str(t.Op)
	w.dec(t.Value)
	w.str(t.Unit)
	w.dec(t.Lower)
	w.dec(t.Upper)
	w.bool(t.LowerInclusive)
	w.bool(t.UpperInclusive)
	w.str(t.Ref)
	w.str(t.Date)
	w.str(t.From)
	w.str(t.To)
	w.str(t.Level)
	w.str(t.Text)
	w.bool(t.Base != nil)
	if t.Base != nil {
		w.dec(t.Base.Value)
		w.dec(t.Base.Lower)
		w.dec(t.Base.Upper)
		w.str(t.Base.Unit)
	}
	w.bool(t.Delta != nil)
	if t.Delta != nil {
		w.dec(t.Delta.Value)
		w.str(t.Delta.Unit)
		w.str(t.Delta.Op)
	}
	w.str(t.Note)
	w.dec(t.Tolerance)
	w.str(t.Basis)
	w.bool(t.Approx)
}

func (w *wireWriter) location(l *report.Location) {
	w.str(l.Project)
	w.int(l.Indicator)
	w.int(l.SubGoal)
	w.str(l.Field)
	p := &l.Pos
	w.str(p.File)
	w.int(p.Page)
	w.int(p.Para)
	w.int(p.Table)
	w.int(p.Row)
	w.int(p.Col)
	w.float(p.BBox.X0)
	w.float(p.BBox.Y0)
	w.float(p.BBox.X1)
	w.float(p.BBox.Y1)
	w.float(p.Confidence)
}

// wireReader reads what wireWriter wrote; the first error stops it, and
// what it reads after is zero.
type wireReader struct {
	b    []byte
	err  error
	cols []map[string]int
}

func (r *wireReader) fail() {
	if r.err == nil {
		r.err = errWire
	}
	r.b = nil
}

func (r *wireReader) uint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *wireReader) int() int {
	v, n := binary.Varint(r.b)
	if n <= 0 || int64(int(v)) != v {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return int(v)
}

// bytes returns the next n bytes, aliasing the input.
func (r *wireReader) bytes(n uint64) []byte {
	if n > uint64(len(r.b)) {
		r.fail()
		return nil
	}
	b := r.b[:n]
	r.b = r.b[n:]
	return b
}

func (r *wireReader) str() string {
	if b := r.bytes(r.uint()); len(b) > 0 {
		return string(b)
	}
	return ""
}

func (r *wireReader) bool() bool {
	b := r.bytes(1)
	if len(b) == 1 && b[0] > 1 {
		r.fail()
	}
	return len(b) == 1 && b[0] == 1
}

func (r *wireReader) float() float64 {
	b := r.bytes(8)
	if len(b) < 8 {
		return 0
	}
	return math.Float64frombits(binary.LittleEndian.Uint64(b))
}

// count reads what wireWriter.count wrote: -1 for nil. Each element takes
// least bytes at least, so a count past what the bytes left hold is
// malformed rather than a reason to allocate: a report read back takes a
// few times the bytes it was packed in, however they were damaged.
func (r *wireReader) count(least int) int {
	n := r.uint()
	if n == 0 {
		return -1
	}
	if n-1 > uint64(len(r.b)/least) {
		r.fail()
		return -1
	}
	return int(n - 1)
}

// The fewest bytes an element of each kind takes packed: its zero
// value's, less the count before it.
var (
	leastLocation  = packedSize(func(w *wireWriter) { w.location(&report.Location{}) })
	leastFound     = packedSize(func(w *wireWriter) { w.founds(make([]normalize.Found, 1)) }) - 1
	leastSubGoal   = packedSize(func(w *wireWriter) { w.subGoal(&report.SubGoal{}) })
	leastProject   = packedSize(func(w *wireWriter) { w.project(&report.Project{}) })
	leastIndicator = packedSize(func(w *wireWriter) { w.indicators(make([]report.Indicator, 1)) }) - 1
)

// leastPair is the fewest bytes of a pair of strings (map entries,
// checkpoints, measures), leastString of one.
const leastPair, leastString = 2, 1

func packedSize(pack func(w *wireWriter)) int {
	w := &wireWriter{}
	pack(w)
	return len(w.b)
}

func (r *wireReader) dec() decimal.Decimal {
	sign := r.uint()
	if sign == 0 {
		return decimal.Decimal{}
	}
	exp := r.int()
	abs := r.bytes(r.uint())
	if sign > 2 || exp < math.MinInt32 || exp > math.MaxInt32 {
		r.fail()
	}
	if r.err != nil {
		return decimal.Decimal{}
	}
	c := new(big.Int).SetBytes(abs)
	if sign == 2 {
		c.Neg(c)
	}
	return decimal.NewFromBigInt(c, int32(exp))
}

func (r *wireReader) strs() []string {
	n := r.count(leastString)
	if n < 0 {
		return nil
	}
	ss := make([]string, n)
	for i := range ss {
		ss[i] = r.str()
	}
	return ss
}

func (r *wireReader) strMap() map[string]string {
	n := r.count(leastPair)
	if n < 0 {
		return nil
	}
	m := make(map[string]string, n)
	for range n {
		k := r.str()
		m[k] = r.str()
	}
	return m
}

func (r *wireReader) report(rep *report.Report) {
	rep.Schema = r.str()
	rep.Kind = r.str()
	rep.Source.Path = r.str()
	rep.Source.SHA256 = r.str()
	rep.Source.Format = r.str()
	rep.Source.Pages = r.int()
	rep.Source.OCR = r.bool()
	rep.Department.Code = r.str()
	rep.Department.Name = r.str()
	rep.Year = r.int()
	rep.Layout = report.Layout(r.str())
	rep.OverallGoal = r.str()
	rep.OverallTargets = r.founds()
	if n := r.count(leastSubGoal); n >= 0 {
		rep.SubGoals = make([]report.SubGoal, n)
		for i := range rep.SubGoals {
			r.subGoal(&rep.SubGoals[i])
		}
	}
	if n := r.count(leastPair); n >= 0 {
		rep.Measures = make([]report.Measure, n)
		for i := range rep.Measures {
			rep.Measures[i].No = r.str()
			rep.Measures[i].Text = r.str()
		}
	}
	if n := r.count(leastProject); n >= 0 {
		rep.Projects = make([]report.Project, n)
		for i := range rep.Projects {
			r.project(&rep.Projects[i])
		}
	}
	rep.DepartmentIndicators = r.indicators()
	rep.Extra = r.strMap()
	if n := r.count(leastString + leastLocation); n >= 0 {
		rep.Uncertain = make([]report.Uncertain, n)
		for i := range rep.Uncertain {
			rep.Uncertain[i].Text = r.str()
			r.location(&rep.Uncertain[i].Location)
		}
	}
	r.location(&rep.OverallGoalAt)
	rep.Trace = r.strs()
	if n := r.count(leastPair + leastLocation); n >= 0 {
		rep.Unmapped = make([]report.Unmapped, n)
		for i := range rep.Unmapped {
			u := &rep.Unmapped[i]
			u.What = r.str()
			u.Text = r.str()
			r.location(&u.Location)
		}
	}
	if n := r.count(leastPair + 1); n >= 0 {
		rep.Lost = make([]report.Lost, n)
		for i := range rep.Lost {
			l := &rep.Lost[i]
			l.Page = r.int()
			l.Reason = r.str()
			l.Detail = r.str()
		}
	}
}

func (r *wireReader) subGoal(g *report.SubGoal) {
	g.No = r.int()
	g.Title = r.str()
	g.Goal = r.str()
	g.Indicators = r.str()
	g.Targets = r.founds()
	r.location(&g.At)
}

func (r *wireReader) project(p *report.Project) {
	p.Seq = r.int()
	p.Title = r.str()
	p.DepartmentCode = r.str()
	p.DepartmentName = r.str()
	p.AmountUnit = r.str()
	p.Code = r.str()
	p.Name = r.str()
	p.Budget.Total = r.str()
	p.Budget.Fiscal = r.str()
	p.Budget.Other = r.str()
	p.Purpose = r.str()
	if n := r.count(leastPair); n >= 0 {
		p.SpendingPlan = make([]report.Checkpoint, n)
		for i := range p.SpendingPlan {
			p.SpendingPlan[i].Period = r.str()
			p.SpendingPlan[i].Value = r.str()
		}
	}
	p.Goal = r.str()
	p.GoalLabel = r.str()
	p.MidTermGoal = r.str()
	p.Indicators = r.indicators()
	p.MidTermIndicators = r.indicators()
	p.Extra = r.strMap()
	if n := r.count(leastPair + leastLocation); n >= 0 {
		p.At = make(map[report.Key]report.Location, n)
		for range n {
			f := r.uint()
			if f > math.MaxUint8 {
				r.fail()
			}
			k := report.Key{Field: report.Field(f), Checkpoint: r.int()}
			var l report.Location
			r.location(&l)
			p.At[k] = l
		}
	}
}

func (r *wireReader) indicators() []report.Indicator {
	n := r.count(leastIndicator)
	if n < 0 {
		return nil
	}
	ins := make([]report.Indicator, n)
	for i := range ins {
		in := &ins[i]
		in.Level1 = r.str()
		in.Level2 = r.str()
		in.Level3 = r.str()
		in.Description = r.str()
		in.Nature = r.str()
		in.Value = r.str()
		in.Unit = r.str()
		in.Basis = r.str()
		in.Weight = r.str()
		in.Actual = r.str()
		in.Score = r.str()
		in.Deviation = r.str()
		if r.bool() {
			in.MidTerm = &report.MidTerm{Value: r.str()}
			r.target(&in.MidTerm.Target)
		}
		in.Extra = r.strMap()
		r.target(&in.Target)
		r.location(&in.Location)
		in.Cols = r.colsOf()
	}
	return ins
}

func (r *wireReader) colsOf() map[string]int {
	switch n := r.uint(); {
	case n == 0:
		return nil
	case n == 1:
		size := r.uint()
		if size > uint64(len(r.b)/leastPair) {
			r.fail()
			return nil
		}
		m := make(map[string]int, size)
		for range size {
			k := r.str()
			m[k] = r.int()
		}
		r.cols = append(r.cols, m)
		return m
	case n-2 < uint64(len(r.cols)):
		return r.cols[n-2]
	default:
		r.fail()
		return nil
	}
}

func (r *wireReader) founds() []normalize.Found {
	n := r.count(leastFound)
	if n < 0 {
		return nil
	}
	fs := make([]normalize.Found, n)
	for i := range fs {
		fs[i].Name = r.str()
		fs[i].Text = r.str()
		r.target(&fs[i].Target)
	}
	return fs
}

func (r *wireReader) target(t *normalize.Target) {
	t.Kind = normalize.Kind(r.str())
	t.Op = r.str()
	t.Value = r.dec()
	t.Unit = r.str()
	t.Lower = r.dec()
	t.Upper = r.dec()
	t.LowerInclusive = r.bool()
	t.UpperInclusive = r.bool()
	t.Ref = r.str()
	t.Date = r.str()
	t.From = r.str()
	t.To = r.str()
	t.Level = r.str()
	t.Text = r.str()
	if r.bool() {
		t.Base = &normalize.Base{Value: r.dec(), Lower: r.dec(), Upper: r.dec(), Unit: r.str()}
	}
	if r.bool() {
		t.Delta = &normalize.Delta{Value: r.dec(), Unit: r.str(), Op: r.str()}
	}
	t.Note = r.str()
	t.Tolerance = r.dec()
	t.Basis = r.str()
	t.Approx = r.bool()
}

func (r *wireReader) location(l *report.Location) {
	l.Project = r.str()
	l.Indicator = r.int()
	l.SubGoal = r.int()
	l.Field = r.str()
	p := &l.Pos
	p.File = r.str()
	p.Page = r.int()
	p.Para = r.int()
	p.Table = r.int()
	p.Row = r.int()
	p.Col = r.int()
	p.BBox = extract.Rect{X0: r.float(), Y0: r.float(), X1: r.float(), Y1: r.float()}
	p.Confidence = r.float()
}

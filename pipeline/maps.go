package pipeline

import (
	"errors"
	"fmt"
	"reflect"

	"github.com/jixiao/jixiao/report"
)

// reportMaps carries the maps of an answer's report beside it, as slices:
// gob sends a map through reflection, copying out each key and value, and
// the maps (an indicator's Extra and Cols, a project's Extra and At) took
// half of the time a worker spent encoding its answers, and more of the
// time the parent spent decoding them. The indicators' Cols, which the
// rows of a table share, go once per table and are shared again.
type reportMaps struct {
	Extra      []pair // Report.Extra
	Projects   []projectMaps
	Department []indicatorMaps // Report.DepartmentIndicators
	Cols       [][]column      // the distinct Indicator.Cols
}

type projectMaps struct {
	Extra               []pair
	At                  []located
	Indicators, MidTerm []indicatorMaps
}

type indicatorMaps struct {
	Extra []pair
	Cols  int // 1 + index in reportMaps.Cols; 0: none
}

type pair struct{ K, V string }

type column struct {
	Field string
	Col   int
}

type located struct {
	Key report.Key
	At  report.Location
}

// takeMaps moves the maps of rep into a reportMaps, leaving them nil.
func takeMaps(rep *report.Report) *reportMaps {
	m := &reportMaps{Extra: pairs(rep.Extra)}
	rep.Extra = nil
	shared := map[reflect.Value]int{} // a Cols map → its index in m.Cols, plus one
	take := func(inds []report.Indicator) []indicatorMaps {
		if len(inds) == 0 {
			return nil
		}
		out := make([]indicatorMaps, len(inds))
		for i := range inds {
			ind := &inds[i]
			out[i].Extra = pairs(ind.Extra)
			if len(ind.Cols) > 0 {
				k := reflect.ValueOf(ind.Cols)
				n, ok := shared[k]
				if !ok {
					cols := make([]column, 0, len(ind.Cols))
					for f, c := range ind.Cols {
						cols = append(cols, column{f, c})
					}
					m.Cols = append(m.Cols, cols)
					n = len(m.Cols)
					shared[k] = n
				}
				out[i].Cols = n
			}
			ind.Extra, ind.Cols = nil, nil
		}
		return out
	}
	m.Department = take(rep.DepartmentIndicators)
	if len(rep.Projects) > 0 {
		m.Projects = make([]projectMaps, len(rep.Projects))
	}
	for i := range rep.Projects {
		p, pm := &rep.Projects[i], &m.Projects[i]
		pm.Extra = pairs(p.Extra)
		if len(p.At) > 0 {
			pm.At = make([]located, 0, len(p.At))
			for k, l := range p.At {
				pm.At = append(pm.At, located{k, l})
			}
		}
		pm.Indicators, pm.MidTerm = take(p.Indicators), take(p.MidTermIndicators)
		p.Extra, p.At = nil, nil
	}
	return m
}

func pairs(m map[string]string) []pair {
	if len(m) == 0 {
		return nil
	}
	out := make([]pair, 0, len(m))
	for k, v := range m {
		out = append(out, pair{k, v})
	}
	return out
}

// errMaps is an answer whose maps do not fit its report: a worker that
// answered something else than it was asked.
var errMaps = errors.New("the report's maps do not fit it")

// put gives rep back the maps takeMaps took; an empty map comes back nil,
// as gob gives it. A nil m puts nothing.
func (m *reportMaps) put(rep *report.Report) error {
	if m == nil || rep == nil {
		return nil
	}
	if len(m.Projects) != len(rep.Projects) {
		return fmt.Errorf("%w: %d projects, maps for %d", errMaps, len(rep.Projects), len(m.Projects))
	}
	cols := make([]map[string]int, len(m.Cols))
	for i, cs := range m.Cols {
		cols[i] = make(map[string]int, len(cs))
		for _, c := range cs {
			cols[i][c.Field] = c.Col
		}
	}
	put := func(inds []report.Indicator, ms []indicatorMaps) error {
		if len(ms) != len(inds) {
			return fmt.Errorf("%w: %d indicators, maps for %d", errMaps, len(inds), len(ms))
		}
		for i, im := range ms {
			if im.Cols < 0 || im.Cols > len(cols) {
				return fmt.Errorf("%w: columns %d of %d", errMaps, im.Cols, len(cols))
			}
			inds[i].Extra = mapOf(im.Extra)
			if im.Cols > 0 {
				inds[i].Cols = cols[im.Cols-1]
			}
		}
		return nil
	}
	rep.Extra = mapOf(m.Extra)
	if err := put(rep.DepartmentIndicators, m.Department); err != nil {
		return err
	}
	for i, pm := range m.Projects {
		p := &rep.Projects[i]
		p.Extra = mapOf(pm.Extra)
		if len(pm.At) > 0 {
			p.At = make(map[report.Key]report.Location, len(pm.At))
			for _, l := range pm.At {
				p.At[l.Key] = l.At
			}
		}
		if err := put(p.Indicators, pm.Indicators); err != nil {
			return err
		}
		if err := put(p.MidTermIndicators, pm.MidTerm); err != nil {
			return err
		}
	}
	return nil
}

func mapOf(ps []pair) map[string]string {
	if len(ps) == 0 {
		return nil
	}
	m := make(map[string]string, len(ps))
	for _, p := range ps {
		m[p.K] = p.V
	}
	return m
}

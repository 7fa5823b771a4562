package pipeline

import (
	"bytes"
	"encoding/gob"
	"errors"
	"os"
	"reflect"
	"testing"

	"github.com/jixiao/jixiao/report"
)

// TestMapsTravelAsGobSentThem: a report sent with its maps beside it comes
// back as gob gave it when it sent the maps itself, At and Cols included,
// and the indicators that shared their Cols share them again.
func TestMapsTravelAsGobSentThem(t *testing.T) {
	n, shared := 0, 0
	for _, f := range samples() {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rep, err := readBytes(f, data, "", report.Options{})
		if err != nil {
			continue
		}
		want := &answer{Sentinel: -1}
		roundTrip(t, &answer{Report: rep, Sentinel: -1}, want)
		a := &answer{Report: rep, Maps: takeMaps(rep), Sentinel: -1}
		got := &answer{}
		roundTrip(t, a, got)
		if err := got.Maps.put(got.Report); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if !reflect.DeepEqual(want.Report, got.Report) {
			t.Errorf("%s: the report sent with its maps beside it differs", f)
		}
		if want.Report.Projects == nil {
			continue
		}
		n++
		for _, p := range got.Report.Projects {
			for i := 1; i < len(p.Indicators); i++ {
				if len(p.Indicators[i].Cols) > 0 && reflect.ValueOf(p.Indicators[i].Cols) == reflect.ValueOf(p.Indicators[i-1].Cols) {
					shared++
				}
			}
		}
	}
	if n == 0 || shared == 0 {
		t.Fatalf("%d reports with projects, %d indicators sharing their columns: the samples are missing", n, shared)
	}
}

func roundTrip(t *testing.T, in, out *answer) {
	t.Helper()
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(in); err != nil {
		t.Fatal(err)
	}
	if err := gob.NewDecoder(&b).Decode(out); err != nil {
		t.Fatal(err)
	}
}

// TestMapsThatDoNotFit: maps that do not fit their report are refused,
// not followed out of range.
func TestMapsThatDoNotFit(t *testing.T) {
	rep := func() *report.Report {
		return &report.Report{Projects: []report.Project{{Indicators: make([]report.Indicator, 2)}}}
	}
	for name, m := range map[string]*reportMaps{
		"projects":   {},
		"indicators": {Projects: []projectMaps{{Indicators: make([]indicatorMaps, 3)}}},
		"department": {Projects: []projectMaps{{Indicators: make([]indicatorMaps, 2)}}, Department: make([]indicatorMaps, 1)},
		"columns":    {Projects: []projectMaps{{Indicators: []indicatorMaps{{Cols: 1}, {Cols: 2}}}}, Cols: [][]column{{{"value", 3}}}},
		"negative":   {Projects: []projectMaps{{Indicators: []indicatorMaps{{Cols: -1}, {}}}}},
	} {
		if err := m.put(rep()); !errors.Is(err, errMaps) {
			t.Errorf("%s: %v, want errMaps", name, err)
		}
	}
	ok := &reportMaps{Projects: []projectMaps{{Indicators: []indicatorMaps{{Cols: 1}, {Cols: 1}}}}, Cols: [][]column{{{"value", 3}}}}
	r := rep()
	if err := ok.put(r); err != nil || r.Projects[0].Indicators[1].Cols["value"] != 3 {
		t.Errorf("maps that fit: %v, %v", err, r.Projects[0].Indicators[1].Cols)
	}
}

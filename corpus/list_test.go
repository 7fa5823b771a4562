package corpus

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// checked returns a store holding the seed reports with their findings.
func checked(t *testing.T) *Store {
	s := openTemp(t)
	put(t, s, checkRules, seedDir)
	return s
}

// TestListWindows pages through the findings and indicators of a filter
// and checks the pages add up to what Issues and Indicators return, in
// the same order, with the count of all of them.
func TestListWindows(t *testing.T) {
	s := checked(t)
	ctx := context.Background()
	for _, f := range []Filter{{}, {Severity: "error"}, {Level1: "产出"}, {Rule: "V603"}} {
		for _, list := range []struct {
			name string
			all  func(context.Context, Filter) (*Table, error)
			page func(context.Context, Filter, Window) (*Table, int, error)
		}{{"issues", s.Issues, s.IssueList}, {"indicators", s.Indicators, s.IndicatorList}} {
			all, err := list.all(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			var got [][]any
			for off := 0; ; off += 7 {
				tab, total, err := list.page(ctx, f, Window{Offset: off, Limit: 7})
				if err != nil {
					t.Fatal(err)
				}
				if total != len(all.Rows) {
					t.Fatalf("%s %+v: total %d, want %d", list.name, f, total, len(all.Rows))
				}
				if len(tab.Rows) == 0 {
					break
				}
				if len(tab.Rows) > 7 {
					t.Fatalf("%s: a window of 7 holds %d rows", list.name, len(tab.Rows))
				}
				got = append(got, tab.Rows...)
			}
			if len(all.Rows) == 0 && f == (Filter{}) {
				t.Fatalf("%s %+v: nothing to page through", list.name, f)
			}
			if len(got) != len(all.Rows) {
				t.Fatalf("%s %+v: pages hold %d rows, want %d", list.name, f, len(got), len(all.Rows))
			}
			// The first columns (department, project) and the file agree row by row.
			for i := range got {
				if fmt.Sprint(got[i][:4]) != fmt.Sprint(all.Rows[i][:4]) {
					t.Fatalf("%s %+v: row %d is %v, want %v", list.name, f, i, got[i][:4], all.Rows[i][:4])
				}
			}
		}
	}
}

func TestListSort(t *testing.T) {
	s := checked(t)
	ctx := context.Background()
	asc, _, err := s.IssueList(ctx, Filter{}, Window{Sort: "rule"})
	if err != nil {
		t.Fatal(err)
	}
	desc, _, err := s.IssueList(ctx, Filter{}, Window{Sort: "rule", Desc: true})
	if err != nil {
		t.Fatal(err)
	}
	ruleCol := 5
	for i := 1; i < len(asc.Rows); i++ {
		if fmt.Sprint(asc.Rows[i-1][ruleCol]) > fmt.Sprint(asc.Rows[i][ruleCol]) {
			t.Fatalf("sort by rule: %v before %v", asc.Rows[i-1][ruleCol], asc.Rows[i][ruleCol])
		}
	}
	if first, last := desc.Rows[0][ruleCol], asc.Rows[len(asc.Rows)-1][ruleCol]; first != last {
		t.Errorf("descending starts with %v, ascending ends with %v", first, last)
	}
	// A key outside the list is ignored, never put into the SQL.
	if _, _, err := s.IssueList(ctx, Filter{}, Window{Sort: "rule; DROP TABLE findings"}); err != nil {
		t.Errorf("unknown sort key: %v", err)
	}
}

// TestFacets checks each facet's counts against the list filtered by the
// value.
func TestFacets(t *testing.T) {
	s := checked(t)
	ctx := context.Background()
	facets, err := s.IssueFacets(ctx, Filter{}, 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(facets) != 5 {
		t.Fatalf("%d facets", len(facets))
	}
	for _, fc := range facets {
		if len(fc.Values) == 0 || len(fc.Values) > 3 {
			t.Errorf("facet %s: %d values", fc.Param, len(fc.Values))
		}
		for _, v := range fc.Values {
			f := Filter{}
			switch fc.Param {
			case "dept":
				f.Department = v.Value
			case "rule":
				f.Rule = v.Value
			case "severity":
				f.Severity = v.Value
			case "level1":
				f.Level1 = v.Value
			case "kind":
				f.Kind = v.Value
			}
			_, n, err := s.IssueList(ctx, f, Window{Limit: 1})
			if err != nil || n != v.Count {
				t.Errorf("facet %s=%s counts %d, the list filtered by it %d (%v)", fc.Param, v.Value, v.Count, n, err)
			}
		}
	}
	ind, err := s.IndicatorFacets(ctx, Filter{Level1: "产出"}, 10)
	if err != nil {
		t.Fatal(err)
	}
	for _, fc := range ind {
		if fc.Param == "level1" && (len(fc.Values) != 1 || fc.Values[0].Value != "产出指标") {
			t.Errorf("indicator facet level1 under level1=产出: %+v", fc.Values)
		}
	}
}

// TestSearchTerms: every term must be found, a term the segmenter cuts
// in pieces as written; the total counts every page.
func TestSearchTerms(t *testing.T) {
	s := checked(t)
	seg := segmenter(t)
	ctx := context.Background()
	if got := seg.Query("不存在"); len(got) < 2 {
		t.Logf("不存在 cuts into %q: the phrase check is not exercised", got)
	}
	for _, q := range []string{"不存在", "满意度 量子", "绝无此词汇"} {
		r, err := s.SearchPage(ctx, seg, q, 0, 10)
		if err != nil || r.Total != 0 || len(r.Hits) != 0 {
			t.Errorf("search %q: total %d, %d hits, %v; want none", q, r.Total, len(r.Hits), err)
		}
	}
	all, err := s.SearchPage(ctx, seg, "满意度", 0, 1000)
	if err != nil || all.Total == 0 || all.Total != len(all.Hits) {
		t.Fatalf("满意度: total %d, %d hits, %v", all.Total, len(all.Hits), err)
	}
	var paged []Hit
	for off := 0; off < all.Total; off += 3 {
		r, err := s.SearchPage(ctx, seg, "满意度", off, 3)
		if err != nil || r.Total != all.Total {
			t.Fatalf("满意度 from %d: total %d, %v", off, r.Total, err)
		}
		paged = append(paged, r.Hits...)
	}
	if len(paged) != all.Total {
		t.Fatalf("pages hold %d hits, want %d", len(paged), all.Total)
	}
	for i := range paged {
		if paged[i].IndicatorID != all.Hits[i].IndicatorID || paged[i].ProjectID != all.Hits[i].ProjectID || paged[i].DocumentID != all.Hits[i].DocumentID {
			t.Fatalf("hit %d differs when paged: %+v, want %+v", i, paged[i], all.Hits[i])
		}
	}
	// Both words of a two-word term, apart in a text, do not make a hit.
	two, err := s.SearchPage(ctx, seg, "服务对象满意度", 0, 1000)
	if err != nil || two.Total == 0 {
		t.Fatalf("服务对象满意度: %d, %v", two.Total, err)
	}
	for _, h := range two.Hits {
		if !strings.Contains(fold(h.Text), "服务对象满意度") {
			t.Errorf("服务对象满意度 hit %q (%s) does not hold it as written", h.Text, h.Where)
		}
	}
}

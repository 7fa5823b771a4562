package corpus

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"
)

// entriesOff counts the search texts whose kept entry count
// (search_texts.entries) differs from a count of their entries in the
// reports that count.
func entriesOff(t *testing.T, s *Store) int {
	t.Helper()
	return count(t, s, `SELECT count(*) FROM search_texts t WHERE t.entries <> (SELECT count(*)
		FROM search_entries e JOIN reports r ON r.document_id = e.document_id
		WHERE e.text_id = t.id AND r.counted = 1)`)
}

// TestSearchEntryCounts follows the kept counts through a report sent as
// .docx and .pdf, a resubmission replacing it, a deleted document and
// pruned texts; the search total is the count of the counted entries.
func TestSearchEntryCounts(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	seg := segmenter(t)
	check := func(when string, wantTotal int) {
		t.Helper()
		if n := entriesOff(t, s); n != 0 {
			t.Errorf("%s: %d texts with a wrong entry count", when, n)
		}
		res, err := s.SearchPage(ctx, seg, "满意度", 0, 5)
		if err != nil {
			t.Fatal(err)
		}
		if wantTotal >= 0 && res.Total != wantTotal {
			t.Errorf("%s: search total %d, want %d", when, res.Total, wantTotal)
		}
	}
	put(t, s, checkRules, filepath.Join(seedDir, "seed.docx"))
	recheck(t, s)
	one, err := s.SearchPage(ctx, seg, "满意度", 0, 5)
	if err != nil || one.Total == 0 {
		t.Fatalf("search 满意度 in the seed: %v, %v", one, err)
	}
	check("one .docx", one.Total)
	put(t, s, checkRules, filepath.Join(seedDir, "seed.pdf"))
	check("its .pdf, before the submissions are rebuilt", -1)
	recheck(t, s)
	check("its .pdf", one.Total) // the same report, found once
	fixed := editDOCX(t, filepath.Join(seedDir, "seed.docx"), t.TempDir(), "seed-修改稿.docx",
		"<w:t>≤5辆</w:t>", "<w:t>≤5</w:t>")
	put(t, s, checkRules, fixed)
	recheck(t, s)
	check("a resubmission", one.Total) // replaces both files
	if _, err := s.db.Exec(`DELETE FROM documents WHERE path LIKE '%修改稿.docx'`); err != nil {
		t.Fatal(err)
	}
	check("the resubmission deleted, before the rebuild", 0)
	recheck(t, s)
	check("the resubmission deleted", one.Total) // the first .docx counts again
	if err := s.PruneTexts(ctx); err != nil {
		t.Fatal(err)
	}
	check("texts pruned", one.Total)
}

// TestIssueFacetsAndPages checks the facets of findings, counted from the
// narrow joins, against a plain GROUP BY, and each page of a list against
// the same rows of the whole list, for several filters and sorts.
func TestIssueFacetsAndPages(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	put(t, s, checkRules, filepath.Join(seedDir, "seed.docx"), filepath.Join(seedDir, "seed.pdf"),
		"../testdata/real-forms/02-nanyue-lvyou.docx", "../testdata/real-forms/05-lechang-zhongzhi.docx")
	recheck(t, s)
	plain := map[string]string{
		"dept":     "r.department_code",
		"rule":     "f.rule",
		"severity": "f.severity",
		"level1":   "i.level1",
		"kind":     "i.kind",
	}
	filters := []struct {
		f    Filter
		cond string
		args []any
	}{
		{Filter{}, "", nil},
		{Filter{Rule: "V603"}, " AND f.rule = ?", []any{"V603"}},
		{Filter{Severity: "warning"}, " AND f.severity = ?", []any{"warning"}},
		{Filter{Department: "430001"}, " AND r.department_code = ?", []any{"430001"}},
		{Filter{Level1: "产出指标"}, " AND i.level1 IN ('产出指标', '产出')", nil},
	}
	for _, tc := range filters {
		facets, err := s.IssueFacets(ctx, tc.f, 1000)
		if err != nil {
			t.Fatal(err)
		}
		for _, fc := range facets {
			got := map[string]int{}
			for _, v := range fc.Values {
				got[v.Value] = v.Count
			}
			want := map[string]int{}
			rows, err := s.db.Query(`SELECT `+plain[fc.Param]+`, count(*) FROM findings f
				JOIN reports r ON r.document_id = f.document_id
				LEFT JOIN indicators i ON i.id = f.indicator_id
				WHERE r.counted = 1 AND `+plain[fc.Param]+` <> ''`+tc.cond+` GROUP BY 1`, tc.args...)
			if err != nil {
				t.Fatal(err)
			}
			for rows.Next() {
				var v string
				var n int
				rows.Scan(&v, &n)
				want[v] = n
			}
			rows.Close()
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%+v: facet %s = %v, want %v", tc.f, fc.Param, got, want)
			}
		}
		for _, sort := range []string{"", "rule", "project_name", "indicator_name", "file", "department_code"} {
			all, total, err := s.IssueList(ctx, tc.f, Window{Sort: sort, Desc: sort == "rule"})
			if err != nil {
				t.Fatal(err)
			}
			if total != len(all.Rows) || total == 0 {
				t.Fatalf("%+v: total %d, %d rows", tc.f, total, len(all.Rows))
			}
			for _, off := range []int{0, 3, total - 2} {
				page, ptotal, err := s.IssueList(ctx, tc.f, Window{Sort: sort, Desc: sort == "rule", Offset: off, Limit: 5})
				if err != nil {
					t.Fatal(err)
				}
				from := min(max(off, 0), total)
				want := all.Rows[from:min(from+5, total)]
				if ptotal != total || fmt.Sprint(page.Rows) != fmt.Sprint(want) {
					t.Errorf("%+v sort %q from %d: %d rows of %d, not the list's", tc.f, sort, off, len(page.Rows), ptotal)
				}
			}
		}
	}
}

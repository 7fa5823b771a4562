package corpus

import (
	"context"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/extract"
)

// seeded returns a store holding the seed reports.
func seeded(t *testing.T) *Store {
	s := openTemp(t)
	put(t, s, nil, seedDir)
	return s
}

func TestSearch(t *testing.T) {
	s := seeded(t)
	seg := segmenter(t)
	ctx := context.Background()
	hits, err := s.Search(ctx, seg, "满意度", 50)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) == 0 {
		t.Fatal("满意度: no hits")
	}
	for _, h := range hits {
		if h.Where == "" || !strings.Contains(h.Text, "满意") {
			t.Errorf("hit %+v: where or text does not show 满意", h)
		}
	}
	if hits, _ := s.Search(ctx, seg, "机关大楼运行经费", 5); len(hits) == 0 || hits[0].Where != "项目名称" {
		t.Errorf("机关大楼运行经费: %+v, want a project name first", hits)
	}
	if hits, _ := s.Search(ctx, seg, "绝无此词汇甲乙丙", 5); len(hits) != 0 {
		t.Errorf("nonsense query found %d hits", len(hits))
	}
	if hits, err := s.Search(ctx, seg, `"满意 OR NEAR(`, 5); err != nil {
		t.Errorf("FTS syntax in a query must be quoted: %v (%d hits)", err, len(hits))
	}
}

func TestQueries(t *testing.T) {
	s := seeded(t)
	ctx := context.Background()
	all, err := s.Indicators(ctx, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all.Rows) == 0 {
		t.Fatal("no indicators")
	}
	pct := 90.0
	for _, tc := range []struct {
		name string
		f    Filter
		ok   func(row map[string]any) bool
	}{
		{"level1", Filter{Level1: "产出"}, func(r map[string]any) bool { return r["level1"] == "产出指标" }},
		{"kind unit min", Filter{Kind: "numeric", Unit: "%", Min: &pct}, func(r map[string]any) bool {
			return r["kind"] == "numeric" && r["unit"] == "%"
		}},
		{"department name", Filter{Department: "机关事务"}, func(r map[string]any) bool {
			return strings.Contains(r["department_name"].(string), "机关事务")
		}},
		{"limit", Filter{Limit: 3}, func(map[string]any) bool { return true }},
		{"file by name", Filter{File: "seed-split.pdf"}, func(r map[string]any) bool {
			return strings.HasSuffix(r["file"].(string), "/seed-split.pdf")
		}},
	} {
		tab, err := s.Indicators(ctx, tc.f)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if len(tab.Rows) == 0 || len(tab.Rows) == len(all.Rows) && tc.name != "department name" {
			t.Errorf("%s: %d of %d rows", tc.name, len(tab.Rows), len(all.Rows))
		}
		for _, r := range rowsOf(tab) {
			if !tc.ok(r) {
				t.Errorf("%s: row %v does not match", tc.name, r)
				break
			}
		}
	}
	issues, err := s.Issues(ctx, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d indicators, %d findings", len(all.Rows), len(issues.Rows))
	if _, err := s.IssueSummary(ctx, Filter{Severity: "error"}); err != nil {
		t.Error(err)
	}
}

func rowsOf(t *Table) []map[string]any {
	var out []map[string]any
	for _, row := range t.Rows {
		m := map[string]any{}
		for i, c := range t.Columns {
			m[c.Key] = row[i]
		}
		out = append(out, m)
	}
	return out
}

func TestReadOnly(t *testing.T) {
	s := seeded(t)
	path := s.path
	s.Close()
	ro, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	for _, q := range []string{"DELETE FROM documents", "CREATE TABLE x (a)", "PRAGMA user_version = 9"} {
		if _, err := ro.SQL(context.Background(), q); err == nil {
			t.Errorf("%s: no error on a read-only store", q)
		}
	}
	if tab, err := ro.SQL(context.Background(), "SELECT count(*) AS n FROM v_indicators"); err != nil || tab.Rows[0][0].(int64) == 0 {
		t.Errorf("v_indicators: %v %v", err, tab)
	}
	if _, err := OpenReadOnly(path + ".missing"); err == nil {
		t.Error("a missing database opened")
	}
}

// TestPositionSQL keeps positionSQL writing a position as
// extract.Pos.Chinese does, every part present or absent.
func TestPositionSQL(t *testing.T) {
	s := openTemp(t)
	for mask := range 16 {
		l := extract.Pos{}
		if mask&1 != 0 {
			l.Page = 3
		}
		if mask&2 != 0 {
			l.Table = 2
		}
		if mask&4 != 0 {
			l.Row = 14
		}
		if mask&8 != 0 {
			l.Col = 5
		}
		var got string
		if err := s.db.QueryRow(`SELECT `+locationSQL+` FROM (SELECT ? AS page, ? AS tbl, ? AS row, ? AS col) f`,
			l.Page, l.Table, l.Row, l.Col).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if want := l.Chinese(); got != want {
			t.Errorf("positionSQL(%d, %d, %d, %d) = %q, want %q", l.Page, l.Table, l.Row, l.Col, got, want)
		}
	}
}

package corpus

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/normalize"
)

// TestPlainIndicatorsStoredAlike: an indicator stored by the statement that
// leaves out the columns most hold at their defaults reads back as the
// full statement stores it. The same indicators go in twice, the second
// time each with an extra label, which sends them all through the full
// statement; every column but the ids and extra must match.
func TestPlainIndicatorsStoredAlike(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	values := []string{"≥90%", "100%", "10万人次", "≤5万元", "2025年12月底前", "好", "较上年有所提高",
		"较上年提高10%", "80%-90%", "2025年1月-6月", "≥95%（含）", "按计划完成", "0", "约3.5亿元"}
	inds := func(extra map[string]string) []Indicator {
		var out []Indicator
		for i, v := range values {
			out = append(out, Indicator{Level1: "产出指标", Level2: "数量指标", Level3: fmt.Sprint("指标", i), Value: v,
				Target: normalize.Value(v, normalize.Context{}), Extra: extra, Page: 1, Table: 1, Row: i + 2})
		}
		return out
	}
	for i, extra := range []map[string]string{nil, {"备注": "有"}} {
		rep := &Report{Kind: "target", DepartmentCode: "401001", Year: 2025, Projects: []Project{{Seq: 1,
			Code: fmt.Sprint("13073025P00089510001", i), Name: "项目", Indicators: inds(extra)}}}
		d := &Doc{SHA256: strings.Repeat(fmt.Sprint(i), 64), Path: fmt.Sprint(i, ".docx"), Format: "docx", Size: 1,
			Report: rep, Index: NewIndex(rep, segmenter(t))}
		if ok, err := s.Put(ctx, d, false); err != nil || !ok {
			t.Fatalf("Put: %v %v", ok, err)
		}
	}
	var cols []string
	rows, err := s.db.Query(`SELECT name FROM pragma_table_info('indicators')
		WHERE name NOT IN ('id', 'document_id', 'project_id', 'extra')`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var c string
		rows.Scan(&c)
		cols = append(cols, "quote("+c+")")
	}
	rows.Close()
	row := "(" + strings.Join(cols, " || '|' || ") + ")"
	rows, err = s.db.Query(`SELECT a.seq, ` + strings.ReplaceAll(row, "quote(", "quote(a.") + `, ` +
		strings.ReplaceAll(row, "quote(", "quote(b.") + `, a.extra
		FROM indicators a JOIN indicators b ON b.seq = a.seq AND b.document_id = 2 WHERE a.document_id = 1 ORDER BY a.seq`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for ; rows.Next(); n++ {
		var seq int
		var plain, full, extra string
		if err := rows.Scan(&seq, &plain, &full, &extra); err != nil {
			t.Fatal(err)
		}
		if plain != full || extra != "{}" {
			t.Errorf("%s: stored %s (extra %s), by the full statement %s", values[seq-1], plain, extra, full)
		}
	}
	if n != len(values) {
		t.Errorf("%d indicators compared, want %d", n, len(values))
	}
}

package corpus

import (
	"context"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/report"
)

// TestReplaceKeepsIDs: a document replaced after another report of the
// same transaction was gathered gets the ids SQLite would give its rows,
// the largest left after the delete plus one, as the writer storing row
// by row gave them.
func TestReplaceKeepsIDs(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	doc := func(c byte, rep *report.Report) *Doc {
		sr := toStore(rep)
		return &Doc{SHA256: strings.Repeat(string(c), 64), Path: string(c) + ".docx", Format: "docx", Size: 1,
			Report: sr, Index: NewIndex(sr, segmenter(t))}
	}
	a := &report.Report{Schema: report.Schema, Kind: report.KindTarget, Year: 2025, OverallGoal: "总体目标",
		Department: report.Department{Code: "401001", Name: "某某局"},
		Projects: []report.Project{{Seq: 1, Code: "13073025P000895100013", Name: "项目甲",
			Indicators: []report.Indicator{{Level1: "产出指标", Level2: "数量指标", Level3: "培训人次", Value: "≥200人次"}}}}}
	empty := &report.Report{Schema: report.Schema, Kind: report.KindTarget, Year: 2025,
		Department: report.Department{Code: "401002", Name: "某某办"}}
	ids := func() string {
		var b strings.Builder
		for _, q := range []string{`SELECT group_concat(id) FROM goals`, `SELECT group_concat(id) FROM projects`,
			`SELECT group_concat(id) FROM indicators`} {
			var v string
			if err := s.db.QueryRow(q).Scan(&v); err != nil {
				t.Fatal(err)
			}
			b.WriteString(v + ";")
		}
		return b.String()
	}
	if _, err := s.Put(ctx, doc('a', a), false); err != nil {
		t.Fatal(err)
	}
	want := ids()
	if _, err := s.PutAll(ctx, []*Doc{doc('b', empty), doc('a', a)}, []bool{false, true}); err != nil {
		t.Fatal(err)
	}
	if got := ids(); got != want {
		t.Errorf("ids after the replacement: %s, want %s", got, want)
	}
}

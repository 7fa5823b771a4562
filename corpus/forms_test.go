package corpus

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/normalize"
	"github.com/jixiao/jixiao/report"
)

const realForms = "../testdata/real-forms"

// ingestForm stores one file, with the findings check returns, and
// returns the report read from it.
func ingestForm(t *testing.T, s *Store, name string, check func(*report.Report) []Finding) *report.Report {
	t.Helper()
	var rep *report.Report
	keep := func(r *report.Report) []Finding {
		rep = r
		if check != nil {
			return check(r)
		}
		return nil
	}
	if n := put(t, s, keep, filepath.Join(realForms, name)); n != 1 {
		t.Fatalf("%s: %d stored, want it stored", name, n)
	}
	return rep
}

// storedIndicator is an indicators row with what report.Indicator holds.
type storedIndicator struct {
	id                                          int64
	scope                                       string
	project                                     sql.NullInt64
	seq                                         int
	level1, level2, level3, description, nature string
	value, unit, basis, weight                  string
	actual, score, deviation                    string
	midValue, midTarget                         sql.NullString
	extra                                       string
}

func storedIndicators(t *testing.T, s *Store, where string) []storedIndicator {
	t.Helper()
	rows, err := s.db.Query(`SELECT id, scope, project_id, seq, level1, level2, level3, description,
		nature, value, value_unit, basis, weight, actual, score, deviation, mid_value, mid_target, extra
		FROM indicators WHERE ` + where + ` ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []storedIndicator
	for rows.Next() {
		var r storedIndicator
		if err := rows.Scan(&r.id, &r.scope, &r.project, &r.seq, &r.level1, &r.level2, &r.level3,
			&r.description, &r.nature, &r.value, &r.unit, &r.basis, &r.weight, &r.actual, &r.score,
			&r.deviation, &r.midValue, &r.midTarget, &r.extra); err != nil {
			t.Fatal(err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// sameIndicators checks that each stored row holds its indicator whole.
func sameIndicators(t *testing.T, what string, got []storedIndicator, want []report.Indicator) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d rows stored, the report has %d", what, len(got), len(want))
	}
	for i, in := range want {
		g := got[i]
		if g.seq != i+1 {
			t.Errorf("%s %d: seq %d", what, i+1, g.seq)
		}
		have := [...]string{g.level1, g.level2, g.level3, g.description, g.nature, g.value, g.unit,
			g.basis, g.weight, g.actual, g.score, g.deviation}
		wantText := [...]string{in.Level1, in.Level2, in.Level3, in.Description, in.Nature, in.Value,
			in.Unit, in.Basis, in.Weight, in.Actual, in.Score, in.Deviation}
		if have != wantText {
			t.Errorf("%s %d:\n stored %q\n report %q", what, i+1, have, wantText)
		}
		sameJSON(t, fmt.Sprintf("%s %d: extra", what, i+1), g.extra, in.Extra)
		switch m := in.MidTerm; {
		case m == nil && (g.midValue.Valid || g.midTarget.Valid):
			t.Errorf("%s %d: mid-term %v %v stored for none", what, i+1, g.midValue, g.midTarget)
		case m != nil:
			tj, _ := m.Target.MarshalJSON()
			if g.midValue.String != m.Value || g.midTarget.String != string(tj) {
				t.Errorf("%s %d: mid-term %q %q, want %q %s", what, i+1, g.midValue.String, g.midTarget.String, m.Value, tj)
			}
		}
	}
}

func sameJSON(t *testing.T, what, stored string, want map[string]string) {
	t.Helper()
	var got map[string]string
	if err := json.Unmarshal([]byte(stored), &got); err != nil {
		t.Fatalf("%s: %q: %v", what, stored, err)
	}
	if len(got) != 0 || len(want) != 0 {
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: stored %v, want %v", what, got, want)
		}
	}
}

// TestDepartmentForm: the indicator table of a department-level form
// (部门整体支出绩效目标表, no project) is stored with scope department and
// found by the queries, the search, the views and the counts.
func TestDepartmentForm(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	const file = "07-fuliang-linye-zhengti.docx"
	rep := ingestForm(t, s, file, func(r *report.Report) []Finding {
		// A finding without a project code on indicator 3 points at the
		// department table's third row.
		return []Finding{{Rule: "TEST", Severity: "info", Message: "测试", Indicator: 3, Field: "value"}}
	})
	if len(rep.DepartmentIndicators) != 18 || len(rep.Projects) != 0 {
		t.Fatalf("the reader gave %d department indicators and %d projects, want 18 and 0",
			len(rep.DepartmentIndicators), len(rep.Projects))
	}
	dept := storedIndicators(t, s, "scope = 'department' AND project_id IS NULL")
	sameIndicators(t, "department indicator", dept, rep.DepartmentIndicators)
	if n := count(t, s, "SELECT count(*) FROM indicators"); n != 18 {
		t.Errorf("%d indicators stored, want 18", n)
	}

	var kind, extra string
	if err := s.db.QueryRow(`SELECT kind, extra FROM reports`).Scan(&kind, &extra); err != nil {
		t.Fatal(err)
	}
	if kind != report.KindTarget {
		t.Errorf("reports.kind = %q, want target", kind)
	}
	if rep.Extra["联系人"] == "" {
		t.Errorf("the reader gave no 联系人 in extra: %v", rep.Extra)
	}
	sameJSON(t, "reports.extra", extra, rep.Extra)

	tab, err := s.Indicators(ctx, Filter{File: file})
	if err != nil {
		t.Fatal(err)
	}
	rows := rowsOf(tab)
	if len(rows) != 18 {
		t.Fatalf("Indicators(file) = %d rows, want 18", len(rows))
	}
	for i, r := range rows {
		if r["project_name"] != "部门整体" || r["project_code"] != "" || r["department_code"] != "316" ||
			r["level3"] != rep.DepartmentIndicators[i].Level3 {
			t.Errorf("row %d: %v", i+1, r)
		}
	}
	if !strings.Contains(rows[0]["extra"].(string), "指标值说明") {
		t.Errorf("row 1 other columns = %v, want 指标值说明", rows[0]["extra"])
	}
	if tab, _ := s.Indicators(ctx, Filter{Level1: "产出", Kind: "numeric", Limit: 5}); len(tab.Rows) == 0 {
		t.Error("Indicators(产出, numeric) found no department indicator")
	}

	counts(t, s, map[string]int{
		"SELECT count(*) FROM v_indicators WHERE scope = 'department' AND project_code = '' AND project_name = '部门整体'": 18,
		"SELECT count(*) FROM v_indicators WHERE report_kind = 'target' AND extra LIKE '%指标值说明%'":                      18,
		"SELECT count(*) FROM search_entries WHERE indicator_id IS NOT NULL AND project_id IS NULL":                    18,
		"SELECT count(*) FROM v_projects": 0,
		"SELECT count(*) FROM findings f JOIN indicators i ON i.id = f.indicator_id WHERE f.rule = 'TEST' AND i.scope = 'department' AND i.seq = 3": 1,
		"SELECT count(*) FROM v_findings WHERE rule = 'TEST' AND project_name = '部门整体' AND indicator_name != ''":                                    1,
	})
	issues, err := s.Issues(ctx, Filter{Rule: "TEST"})
	if err != nil {
		t.Fatal(err)
	}
	if r := rowsOf(issues); len(r) != 1 || r[0]["project_name"] != "部门整体" || r[0]["indicator_name"] != rep.DepartmentIndicators[2].Level3 {
		t.Errorf("Issues(TEST) = %v", r)
	}

	hits, err := s.Search(ctx, segmenter(t), "负氧离子", 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) == 0 || hits[0].ProjectName != "部门整体" || hits[0].Indicator == 0 ||
		!strings.Contains(rep.DepartmentIndicators[hits[0].Indicator-1].Level3, "负氧离子") {
		t.Errorf("search 负氧离子: %+v", hits)
	}

	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Indicators != 18 || st.DeptIndicators != 18 || st.Projects != 0 || st.Kinds[report.KindTarget] != 1 {
		t.Errorf("stats: %+v", st)
	}
}

// TestSelfEvaluationForm: a 绩效自评表 keeps its kind and each indicator's
// 实际完成值 and 得分, and the project its other labels.
func TestSelfEvaluationForm(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	const file = "12-yongde-yingyang-ziping.docx"
	rep := ingestForm(t, s, file, func(r *report.Report) []Finding {
		// The project has no code: a finding without one on indicator 2
		// points at its second row.
		return []Finding{{Rule: "TEST", Severity: "info", Message: "测试", Indicator: 2, Field: "value"}}
	})
	if rep.Kind != report.KindSelfEvaluation || len(rep.Projects) != 1 {
		t.Fatalf("the reader gave kind %q and %d projects", rep.Kind, len(rep.Projects))
	}
	p := rep.Projects[0]
	got := storedIndicators(t, s, "scope = 'project' AND project_id IS NOT NULL")
	sameIndicators(t, "indicator", got, p.Indicators)
	actual := 0
	for _, g := range got {
		if g.actual != "" && g.score != "" {
			actual++
		}
	}
	if actual != 9 {
		t.Errorf("%d of %d indicators have 实际完成值 and 得分 stored, want 9", actual, len(got))
	}
	if n := count(t, s, "SELECT count(*) FROM reports WHERE kind = 'self_evaluation'"); n != 1 {
		t.Errorf("reports with kind self_evaluation = %d, want 1", n)
	}
	var goalLabel, midTerm, extra string
	if err := s.db.QueryRow(`SELECT goal_label, mid_term_goal, extra FROM projects`).Scan(&goalLabel, &midTerm, &extra); err != nil {
		t.Fatal(err)
	}
	if goalLabel != p.GoalLabel || midTerm != p.MidTermGoal {
		t.Errorf("goal_label, mid_term_goal = %q, %q, want %q, %q", goalLabel, midTerm, p.GoalLabel, p.MidTermGoal)
	}
	if len(p.Extra) == 0 {
		t.Error("the reader gave the project no extra labels")
	}
	sameJSON(t, "projects.extra", extra, p.Extra)

	tab, err := s.Indicators(ctx, Filter{File: file})
	if err != nil {
		t.Fatal(err)
	}
	rows := rowsOf(tab)
	if len(rows) != 9 {
		t.Fatalf("Indicators(file) = %d rows, want 9", len(rows))
	}
	for i, r := range rows {
		in := p.Indicators[i]
		if r["actual"] != in.Actual || r["score"] != in.Score || r["weight"] != in.Weight || r["project_name"] != p.Name {
			t.Errorf("row %d: %v, want actual %q score %q weight %q", i+1, r, in.Actual, in.Score, in.Weight)
		}
	}
	// The project has no code: findings on its indicators still point at them.
	if n := count(t, s, "SELECT count(*) FROM findings WHERE indicator > 0"); n == 0 {
		t.Error("no indicator findings stored")
	}
	if n := count(t, s, "SELECT count(*) FROM findings WHERE indicator > 0 AND indicator_id IS NULL"); n != 0 {
		t.Errorf("%d indicator findings point at no indicator", n)
	}
	if n := count(t, s, "SELECT count(*) FROM findings f JOIN indicators i ON i.id = f.indicator_id WHERE f.rule = 'TEST' AND i.scope = 'project' AND i.seq = 2 AND f.project_id = i.project_id"); n != 1 {
		t.Errorf("the TEST finding points at %d project indicators 2, want 1", n)
	}
	if n := count(t, s, "SELECT count(*) FROM v_indicators WHERE report_kind = 'self_evaluation' AND actual != ''"); n != 9 {
		t.Errorf("v_indicators: %d self-evaluation rows with actual, want 9", n)
	}
	if st, _ := s.Stats(ctx); st.Kinds[report.KindSelfEvaluation] != 1 || st.DeptIndicators != 0 {
		t.Errorf("stats: %+v", st)
	}
}

// TestUncodedFinding: a finding on an indicator without a project code
// points into the one table without a code, the department's or a
// project's, and at no indicator when there are two such tables.
func TestUncodedFinding(t *testing.T) {
	seg := segmenter(t)
	in := func(name string) report.Indicator {
		return report.Indicator{Level1: "产出指标", Level3: name, Value: "1",
			Target: normalize.Value("1", normalize.Context{})}
	}
	project := func(seq int, code, name string) report.Project {
		return report.Project{Seq: seq, Code: code, Name: name, Indicators: []report.Indicator{in(name + "指标")}}
	}
	dept := []report.Indicator{in("部门指标")}
	for _, tc := range []struct {
		name     string
		dept     []report.Indicator
		projects []report.Project
		want     [2]string // the project's name and the indicator's 三级 pointed at; "" for none
	}{
		{"department table", dept, nil, [2]string{"", "部门指标"}},
		{"department table beside a coded project", dept,
			[]report.Project{project(1, "13073025P000895100013", "甲")}, [2]string{"", "部门指标"}},
		{"one project without a code", nil, []report.Project{project(1, "", "甲")}, [2]string{"甲", "甲指标"}},
		{"a project without a code beside the department table", dept,
			[]report.Project{project(1, "", "甲")}, [2]string{}},
		{"two projects without a code", nil,
			[]report.Project{project(1, "", "甲"), project(2, "", "乙")}, [2]string{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := openTemp(t)
			rep := &report.Report{Schema: report.Schema, Kind: report.KindTarget,
				Department:           report.Department{Code: "401001", Name: "某某局"},
				DepartmentIndicators: tc.dept, Projects: tc.projects}
			sr := toStore(rep, Finding{Rule: "TEST", Severity: "info", Message: "测试", Indicator: 1, Field: "value"})
			d := &Doc{SHA256: strings.Repeat("cd", 32), Path: "x.docx", Format: "docx", Size: 1,
				Report: sr, Index: NewIndex(sr, seg)}
			if ok, err := s.Put(context.Background(), d, false); err != nil || !ok {
				t.Fatalf("Put: %v %v", ok, err)
			}
			var got [2]string
			if err := s.db.QueryRow(`SELECT coalesce(p.name, ''), coalesce(i.level3, '') FROM findings f
				LEFT JOIN projects p ON p.id = f.project_id LEFT JOIN indicators i ON i.id = f.indicator_id
				WHERE f.rule = 'TEST'`).Scan(&got[0], &got[1]); err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("the finding points at project %q, indicator %q; want %q, %q", got[0], got[1], tc.want[0], tc.want[1])
			}
		})
	}
}

// TestPutAllFields stores a report holding every field the real forms do
// not show (a 中期 value, 偏差原因, a department table beside a project)
// and reads each back.
func TestPutAllFields(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	mid := normalize.Value("≥95%", normalize.Context{})
	rep := &report.Report{Schema: report.Schema, Kind: report.KindSelfEvaluation,
		Department: report.Department{Code: "401001", Name: "某某县某某局"}, Year: 2025,
		Extra: map[string]string{"联系人": "张三", "备注": "<无>"},
		DepartmentIndicators: []report.Indicator{{Level1: "产出指标", Level2: "数量指标", Level3: "整体指标",
			Value: "≥90%", Target: normalize.Value("≥90%", normalize.Context{}), Actual: "91%", Score: "9",
			Deviation: "偏差较小", MidTerm: &report.MidTerm{Value: "≥95%", Target: mid},
			Extra: map[string]string{"指标值说明": "说明"}}},
		Projects: []report.Project{{Seq: 1, Code: "13073025P000895100013", Name: "项目甲",
			Goal: "年度目标", GoalLabel: "年度绩效目标", MidTermGoal: "中期目标文字",
			Extra: map[string]string{"实施单位": "某单位"},
			Indicators: []report.Indicator{{Level1: "效益指标", Level3: "项目指标", Value: "好",
				Target: normalize.Value("好", normalize.Context{}), Weight: "10", Deviation: "进度滞后的原因分析"}},
			MidTermIndicators: []report.Indicator{{Level1: "效益指标", Level3: "长期指标", Value: "≥3年",
				Target: normalize.Value("≥3年", normalize.Context{})}}}},
	}
	sr := toStore(rep)
	d := &Doc{SHA256: strings.Repeat("ab", 32), Path: "x.docx", Format: "docx", Size: 1, Report: sr,
		Index: NewIndex(sr, segmenter(t))}
	if ok, err := s.Put(ctx, d, false); err != nil || !ok {
		t.Fatalf("Put: %v %v", ok, err)
	}
	sameIndicators(t, "department indicator", storedIndicators(t, s, "scope = 'department'"), rep.DepartmentIndicators)
	sameIndicators(t, "project indicator", storedIndicators(t, s, "scope = 'project'"), rep.Projects[0].Indicators)
	sameIndicators(t, "medium-term indicator", storedIndicators(t, s, "scope = 'mid_term'"), rep.Projects[0].MidTermIndicators)
	if st, err := s.Stats(ctx); err != nil || st.Indicators != 3 || st.DeptIndicators != 1 || st.MidIndicators != 1 {
		t.Errorf("stats: %+v %v, want 3 indicators, 1 of the department, 1 medium-term", st, err)
	}
	if n := count(t, s, "SELECT indicators FROM v_projects"); n != 1 {
		t.Errorf("v_projects counts %d indicators, want the one annual", n)
	}
	var extra string
	if err := s.db.QueryRow(`SELECT extra FROM reports`).Scan(&extra); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(extra, "<无>") {
		t.Errorf("reports.extra = %s: HTML characters escaped", extra)
	}
	if n := count(t, s, "SELECT count(*) FROM projects WHERE mid_term_goal = '中期目标文字' AND goal_label = '年度绩效目标'"); n != 1 {
		t.Error("projects: mid_term_goal or goal_label not stored")
	}
	hits, err := s.Search(ctx, segmenter(t), "滞后", 5)
	if err != nil || len(hits) != 1 || hits[0].Where != "偏差原因" || hits[0].ProjectName != "项目甲" {
		t.Errorf("search 滞后 (偏差原因): %+v %v", hits, err)
	}
	hits, err = s.Search(ctx, segmenter(t), "中期目标文字", 5)
	if err != nil || len(hits) != 1 || hits[0].Where != "中期目标" {
		t.Errorf("search 中期目标文字: %+v %v", hits, err)
	}
	// The department table, the project's table and its medium-term one
	// each number from 1.
	if n := count(t, s, "SELECT count(*) FROM indicators WHERE seq = 1"); n != 3 {
		t.Errorf("indicators with seq 1 = %d, want 3", n)
	}
	if _, err := s.db.Exec(`INSERT INTO indicators (project_id, document_id, scope, seq, level1, level2,
		level3, description, nature, value, value_unit, basis, weight, kind, op, unit, ref, date, level, text)
		SELECT NULL, document_id, 'department', 1, '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', ''
		FROM reports`); err == nil || !strings.Contains(err.Error(), "UNIQUE constraint failed") {
		t.Errorf("a second department indicator 1 of one document: %v, want it refused as not unique", err)
	}
	if _, err := s.db.Exec(`UPDATE indicators SET scope = 'project' WHERE project_id IS NULL`); err == nil || !strings.Contains(err.Error(), "CHECK constraint failed") {
		t.Errorf("a project indicator without a project: %v, want it refused by the check", err)
	}
}

// TestMigrateFromVersion1 opens a database written by schema version 1
// and checks that the upgrade keeps its rows, their ids and what points
// at them, and that the upgraded database takes department indicators.
func TestMigrateFromVersion1(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v1.db")
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite3", "file:"+path+"?_foreign_keys=1")
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		ms[0].sql,
		`PRAGMA user_version = 1`,
		`INSERT INTO documents (id, sha256, path, format, size, status, ingested_at)
			VALUES (7, 'aa', 'old.docx', 'docx', 10, 'ok', '2025-01-01T00:00:00Z')`,
		`INSERT INTO reports (document_id, department_code, department_name, year, layout, fingerprint)
			VALUES (7, '430001', '怀来县机关事务服务中心', 2025, 'hebei', 'f1')`,
		`INSERT INTO projects (id, document_id, seq, code, name, title, department_code, department_name,
			amount_unit, budget_total, budget_fiscal, budget_other, purpose, spending_plan, goal)
			VALUES (3, 7, 1, '13073025P000895100013', '机关大楼运行经费', '', '430001', '怀来县机关事务服务中心',
			'万元', '600.00', '600.00', '', '保障运行', '[]', '保障运行')`,
		`INSERT INTO indicators (id, project_id, document_id, seq, level1, level2, level3, description,
			nature, value, value_unit, basis, weight, kind, op, target, target_num, unit, ref, date, level,
			text, page, tbl, row)
			VALUES (11, 3, 7, 1, '产出指标', '数量指标', '维修维护率', '', '', '≥90%', '', '', '10',
			'numeric', '>=', '90', 90, '%', '', '', '', '', 3, 2, 1)`,
		`INSERT INTO indicators (id, project_id, document_id, seq, level1, level2, level3, description,
			nature, value, value_unit, basis, weight, kind, op, unit, ref, date, level, text)
			VALUES (12, 3, 7, 2, '效益指标', '', '满意度', '', '', '好', '', '', '', 'qualitative', '', '', '', '', '好', '')`,
		`INSERT INTO findings (document_id, project_id, indicator_id, rule, severity, message, project_code,
			indicator, field) VALUES (7, 3, 12, 'V604', 'error', '旧发现', '13073025P000895100013', 2, 'value')`,
		`INSERT INTO search_texts (id, hash) VALUES (5, 'h')`,
		`INSERT INTO search_fts (rowid, name, body, value) VALUES (5, '维修 维护 率', '', '≥ 90%')`,
		`INSERT INTO search_entries (text_id, document_id, project_id, indicator_id) VALUES (5, 7, 3, 11)`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%.60s: %v", q, err)
		}
	}
	db.Close()

	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v := count(t, s, "PRAGMA user_version"); v != SchemaVersion() || v < 2 {
		t.Fatalf("user_version = %d after Open, want %d", v, SchemaVersion())
	}
	counts(t, s, map[string]int{
		"SELECT count(*) FROM indicators WHERE id IN (11, 12) AND project_id = 3 AND document_id = 7 AND scope = 'project'":                                                                                  2,
		"SELECT count(*) FROM indicators WHERE id = 11 AND value = '≥90%' AND target_num = 90 AND weight = '10' AND page = 3 AND tbl = 2 AND row = 1 AND actual = '' AND mid_value IS NULL AND extra = '{}'": 1,
		"SELECT count(*) FROM reports WHERE kind = '' AND extra = '{}' AND fingerprint = 'f1'":                                                                                                               1,
		"SELECT count(*) FROM projects WHERE id = 3 AND mid_term_goal = '' AND extra = '{}'":                                                                                                                 1,
		"SELECT count(*) FROM v_indicators WHERE scope = 'project' AND project_code = '13073025P000895100013'":                                                                                               2,
		"SELECT indicators FROM v_projects WHERE project_id = 3":                                                                                                                                             2,
		"SELECT count(*) FROM v_findings WHERE indicator_name = '满意度' AND project_name = '机关大楼运行经费'":                                                                                                         1,
		"SELECT count(*) FROM pragma_integrity_check WHERE integrity_check = 'ok'":                                                                                                                           1,
		"SELECT count(*) FROM pragma_foreign_key_check":                                                                                                                                                      0,
		"SELECT count(*) FROM sqlite_master WHERE name IN ('indicators_document', 'indicators_department', 'v_indicators', 'v_projects', 'v_findings')":                                                      5,
		"SELECT count(*) FROM sqlite_master WHERE name = 'indicators_new' OR sql LIKE '%indicators_new%'":                                                                                                    0,
	})
	ctx := context.Background()
	hits, err := s.Search(ctx, segmenter(t), "维修", 5)
	if err != nil || len(hits) != 1 || hits[0].Indicator != 1 || hits[0].ProjectName != "机关大楼运行经费" {
		t.Errorf("search 维修 after the upgrade: %+v %v", hits, err)
	}
	// Deleting the old document still cascades to its indicators.
	if _, err := s.db.Exec(`DELETE FROM documents WHERE id = 7`); err != nil {
		t.Fatal(err)
	}
	if n := count(t, s, "SELECT count(*) FROM indicators"); n != 0 {
		t.Errorf("%d indicators left after deleting their document", n)
	}
	rep := ingestForm(t, s, "07-fuliang-linye-zhengti.docx", nil)
	if n := count(t, s, "SELECT count(*) FROM indicators WHERE scope = 'department'"); n != len(rep.DepartmentIndicators) || n == 0 {
		t.Errorf("upgraded database: %d department indicators, want %d", n, len(rep.DepartmentIndicators))
	}
	// The upgraded schema is the one a new database gets.
	if got, want := schemaOf(t, s.db), schemaOf(t, openTemp(t).db); got != want {
		t.Errorf("upgraded schema differs from a new one:\n%s\n---\n%s", got, want)
	}
}

// schemaOf is every table, index, view and trigger of db with the
// statement that made it, in a comparable form.
func schemaOf(t *testing.T, db *sql.DB) string {
	t.Helper()
	return query(t, db, `SELECT type || ' ' || name || ' ' || tbl_name || ' ' || coalesce(sql, '')
		FROM sqlite_schema ORDER BY type, name`)
}

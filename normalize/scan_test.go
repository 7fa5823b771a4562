package normalize

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// seedTruth is the part of the seed report's truth Scan answers for.
type seedTruth struct {
	Year           int     `json:"year"`
	OverallGoal    string  `json:"overall_goal"`
	OverallTargets []Found `json:"overall_targets"`
	SubGoals       []struct {
		No         int     `json:"no"`
		Indicators string  `json:"indicators"`
		Targets    []Found `json:"targets"`
	} `json:"sub_goals"`
}

// TestScanSeed mines the seed report's prose and requires exactly the 13
// sub-goal targets and 3 overall targets of its truth.
func TestScanSeed(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(testdata, "seed-truth.json"))
	if err != nil {
		t.Fatal(err)
	}
	var truth seedTruth
	if err := json.Unmarshal(data, &truth); err != nil {
		t.Fatal(err)
	}
	ctx := Context{Year: truth.Year}
	total, pass := 0, 0
	compare := func(where, prose string, want []Found) {
		got := Scan(prose, ctx)
		total += len(want)
		gj, _ := json.Marshal(foundsJSON(got))
		wj, _ := json.Marshal(foundsJSON(want))
		if string(gj) != string(wj) {
			t.Errorf("%s: Scan(%q)\n got %s\nwant %s", where, prose, gj, wj)
			return
		}
		pass += len(want)
	}
	for _, sg := range truth.SubGoals {
		compare("sub_goal "+string(rune('0'+sg.No)), sg.Indicators, sg.Targets)
	}
	compare("overall_goal", truth.OverallGoal, truth.OverallTargets)
	t.Logf("seed prose: %d/%d targets found exactly", pass, total)
	if total != 16 {
		t.Errorf("seed truth has %d targets, want 13 + 3", total)
	}
}

// foundsJSON is the report/v1 form of found targets, for comparing.
func foundsJSON(fs []Found) []map[string]any {
	out := []map[string]any{}
	for _, f := range fs {
		out = append(out, map[string]any{"name": f.Name, "text": f.Text, "target": f.Target})
	}
	return out
}

func TestScan(t *testing.T) {
	for _, c := range []struct{ prose, want string }{
		{"服务对象满意度达到95%以上，投诉率低于1%。",
			`[{"name":"服务对象满意度","text":"达到95%以上","target":{"kind":"numeric","op":">=","value":95,"unit":"%"}},{"name":"投诉率","text":"低于1%","target":{"kind":"numeric","op":"<","value":1,"unit":"%"}}]`},
		{"全年培训不少于300人次，满意度为90%。",
			`[{"name":"培训","text":"不少于300人次","target":{"kind":"numeric","op":">=","value":300,"unit":"人次"}},{"name":"满意度","text":"90%","target":{"kind":"numeric","op":"=","value":90,"unit":"%"}}]`},
		{"确保县域内农村饮水安全覆盖率稳定在98%以上",
			`[{"name":"农村饮水安全覆盖率","text":"98%以上","target":{"kind":"numeric","op":">=","value":98,"unit":"%"}}]`},
		{"资金支付进度在90%-95%之间。",
			`[{"name":"资金支付进度","text":"在90%-95%之间","target":{"kind":"range","lower":90,"upper":95,"unit":"%","lower_inclusive":true,"upper_inclusive":true}}]`},
		// Not targets: numbers in words, dates, ordinals, the left side of a comparison.
		{"落实“三公”经费压减，统一规范管理，进一步提高效率。", `[]`},
		{"2025年12月底前完成第3批项目验收。", `[]`},
		{"实际支出100%小于等于预算支出。", `[]`},
		{"", `[]`},
	} {
		got, _ := json.Marshal(foundsJSON(Scan(c.prose, Context{Year: 2025})))
		var g, w any
		json.Unmarshal(got, &g)
		json.Unmarshal([]byte(c.want), &w)
		if !reflect.DeepEqual(g, w) {
			t.Errorf("Scan(%q)\n got %s\nwant %s", c.prose, got, c.want)
		}
	}
}

func TestQuantitiesOffsets(t *testing.T) {
	s := "其中，四川彩友中得1注1000万元基本头奖；满意度≥ 90 ％。"
	qs := Quantities(s)
	if len(qs) != 2 { // 1000万元 and ≥ 90 ％; 1注 has no unit the lexicon knows
		t.Fatalf("Quantities(%q) = %+v", s, qs)
	}
	for _, q := range qs {
		if s[q.Start:q.End] != q.Text {
			t.Errorf("%+v does not slice the text", q)
		}
	}
	if qs[1].Text != "≥ 90 ％" || qs[1].Target.Op != ">=" {
		t.Errorf("last quantity %+v", qs[1])
	}
}

package report_test

import (
	"testing"

	"github.com/jixiao/jixiao/normalize"
)

// TestBareZeroAsWritten: a rate row's bare 0 keeps the unit it is written
// with, none; the reader adds no %, whether a zero needs a unit is for the
// rules to say. The bench truth reads it as 0 %, an allowance of the truth
// comparison (truth.BareZero), not of the reader.
func TestBareZeroAsWritten(t *testing.T) {
	rep := read(t,
		para("（一）2026年安全生产监管项目绩效目标申报表"),
		tab(grid(
			[]string{"项目编码：13073026P00012345679X", "<", "项目名称：安全生产监管", "<"},
			[]string{"年度目标", "全年无重大安全事故", "<", "<"},
		)),
		tab(grid(
			[]string{"一级指标", "二级指标", "三级指标", "指标值"},
			[]string{"效益指标", "社会效益指标", "安全事故发生率", "0"},
			[]string{"效益指标", "社会效益指标", "设备故障率", "0%"},
			[]string{"产出指标", "数量指标", "检查次数", "0"},
		)),
	)
	if len(rep.Projects) != 1 || len(rep.Projects[0].Indicators) != 3 {
		t.Fatalf("read %+v", rep.Projects)
	}
	for i, want := range []string{"", "%", ""} {
		ind := rep.Projects[0].Indicators[i]
		if tg := ind.Target; tg.Kind != normalize.Numeric || !tg.Value.IsZero() || tg.Unit != want {
			t.Errorf("%s %q: target %+v, want 0 with unit %q", ind.Level3, ind.Value, tg, want)
		}
	}
}

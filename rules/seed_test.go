package rules

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/extract"
	_ "github.com/jixiao/jixiao/extract/formats"
	"github.com/jixiao/jixiao/report"
)

// seedWant is what a reviewer expects on the seed report, in both layouts:
// rule, project (seq), indicator (1-based) or sub-goal, as "RULE P1 #2",
// "RULE sub 7", "RULE overall". Each must be found there.
var seedWant = []string{
	"T301 P1",       // the stray ] in P1's name
	"V603 P1 #2",    // ≥90 without a unit
	"K701 P1 #4",    // 小于预算 is no amount
	"K701 P2 #4",    // 控制在预算内
	"K701 P3 #4",    // 小于等于预算数
	"K701 P4 #4",    // 小于等于预算资金
	"Y1005 P1",      // 绩效目标 repeats 资金用途
	"Y1005 P4",      //
	"P501 P2",       // blank spending-plan cells (three of them)
	"D801 P2 #3",    // 不超期完成项目 without a date
	"Y1004 P2 #4",   // 控制在预算内 as name and value
	"V606 P3 #5",    // …是否实现 ≥90%
	"L1101 P4 #1",   // 资金支付准确性 under 数量指标
	"Y1003 P4 #5",   // 保障人员权益 twice
	"V604 sub 7",    // 工作完成及时率大于100%
	"X901 overall",  // 满意度 80%以上 against 90%以上
	"Y1001 P1 #1-6", // descriptions and bases repeating the name, all 24 rows
	"Y1001 P2 #1-6",
	"Y1001 P3 #1-6",
	"Y1001 P4 #1-6",
}

// seedErrors are the only error-severity findings the seed should draw.
var seedErrors = map[string]bool{"P501 P2": true, "V604 sub 7": true}

func TestSeed(t *testing.T) {
	for _, name := range []string{"seed.docx", "seed-split.docx"} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join("..", "testdata", "seed", name)
			doc, err := extract.Open(path)
			if err != nil {
				t.Fatalf("cannot read %s (it is in testdata): %v", path, err)
			}
			rep, err := report.Read(doc)
			if err != nil {
				t.Fatal(err)
			}
			checked := Check(rep, Default())
			t.Logf("findings on %s:\n%s", name, findingTable(checked))
			got := map[string][]Finding{}
			for _, f := range checked.Findings {
				k := seedKey(rep, f)
				got[k] = append(got[k], f)
			}
			for _, w := range seedWant {
				for _, k := range expand(w) {
					fs := got[k]
					if len(fs) == 0 {
						t.Errorf("missing %s", k)
						continue
					}
					for _, f := range fs {
						if !placed(rep, f) {
							t.Errorf("%s: not at its cell: %+v", k, f.Location)
						}
					}
				}
			}
			if n := len(got["P501 P2"]); n != 3 {
				t.Errorf("P501 on P2: %d findings, want one per blank cell (3)", n)
			}
			for k, fs := range got {
				for _, f := range fs {
					if f.Severity == Error && !seedErrors[k] {
						t.Errorf("unexpected error %s: %s", k, f.Message)
					}
				}
			}
		})
	}
}

// seedKey writes a finding as "RULE P<seq> [#<n>]", "RULE sub <n>" or
// "RULE overall".
func seedKey(rep *report.Report, f Finding) string {
	l := f.Location
	switch {
	case l.Project != "":
		k := f.Rule + " P?"
		for _, p := range rep.Projects {
			if p.Code == l.Project {
				k = fmt.Sprintf("%s P%d", f.Rule, p.Seq)
				break
			}
		}
		if l.Indicator > 0 {
			k += fmt.Sprintf(" #%d", l.Indicator)
		}
		return k
	case l.SubGoal > 0:
		return fmt.Sprintf("%s sub %d", f.Rule, l.SubGoal)
	case l.Field == "overall_goal":
		return f.Rule + " overall"
	}
	return f.Rule + " report"
}

// expand turns "Y1001 P1 #1-6" into its six keys.
func expand(w string) []string {
	i := strings.Index(w, "#")
	if i < 0 || !strings.Contains(w[i:], "-") {
		return []string{w}
	}
	var lo, hi int
	fmt.Sscanf(w[i+1:], "%d-%d", &lo, &hi)
	var out []string
	for n := lo; n <= hi; n++ {
		out = append(out, fmt.Sprintf("%s#%d", w[:i], n))
	}
	return out
}

// placed says whether a finding points at a cell: an indicator finding at
// its row of the indicator table and the column of its field, a project
// finding at a table cell.
func placed(rep *report.Report, f Finding) bool {
	l := f.Location
	if l.Project == "" {
		return l.SubGoal > 0 || l.Field == "overall_goal"
	}
	for _, p := range rep.Projects {
		if p.Code != l.Project {
			continue
		}
		if l.Indicator > 0 {
			ind := p.Indicators[l.Indicator-1]
			return l.Table == ind.Location.Table && l.Row == ind.Location.Row && l.Col == ind.Cols[l.Field] && l.Col > 0
		}
		return l.Table > 0 && l.Row > 0
	}
	return false
}

// findingTable prints findings one a line: place, severity, rule, message.
func findingTable(c *Checked) string {
	rep := c.Report
	var b strings.Builder
	for _, f := range c.Findings {
		l := f.Location
		fmt.Fprintf(&b, "  %-14s t%d:r%d:c%d %-6s %-7s %-7s %s\n", seedKey(rep, f)[len(f.Rule)+1:], l.Table, l.Row, l.Col, l.Field, f.Severity, f.Rule, f.Message)
	}
	return b.String()
}

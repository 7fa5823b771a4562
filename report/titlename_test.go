package report_test

import (
	"bufio"
	"encoding/json"
	"math/rand"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/internal/truth"
	"github.com/jixiao/jixiao/report"
)

// TitleName as it was written with regexps: the reference the scans that
// replaced them must agree with, for every title.
var (
	titleMarkerRE = regexp.MustCompile(`^\s*(?:附件|附表)\s*\d*\s*[:：]?\s*`)
	kindSuffixRE  = regexp.MustCompile(`(?:项目支出|专项资金|部门整体支出|区域)?绩效(?:目标|自评|评价指标)(?:申报|审批|批复|设定|申请)?表?$`)
	yearOnlyRE    = regexp.MustCompile(`^(?:\s*20\d{2}\s*年度?\s*)?$`)
)

func titleNameRE(title string) string {
	name := titleMarkerRE.ReplaceAllString(title, "")
	name = strings.TrimSpace(kindSuffixRE.ReplaceAllString(name, ""))
	if yearOnlyRE.MatchString(name) {
		return ""
	}
	return name
}

// TestTitleName: TitleName gives what the regexps gave, for titles made of
// the parts they match and near misses, random strings of their
// characters, the texts of the value fixtures and every string of the
// bench corpus's truth files.
func TestTitleName(t *testing.T) {
	titles := titleParts()
	titles = append(titles, randomTitles(100000)...)
	titles = append(titles, fixtureStrings(t)...)
	n := 0
	for _, s := range titles {
		if got, want := report.TitleName(s), titleNameRE(s); got != want {
			t.Errorf("TitleName(%q) = %q, the regexps give %q", s, got, want)
			if n++; n > 20 {
				t.Fatal("too many")
			}
		}
	}
	t.Logf("%d titles", len(titles))
}

// FuzzTitleName: TitleName gives what the regexps gave.
func FuzzTitleName(f *testing.F) {
	for _, s := range titleParts()[:200] {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := report.TitleName(s), titleNameRE(s); got != want {
			t.Errorf("TitleName(%q) = %q, the regexps give %q", s, got, want)
		}
	})
}

// titleParts joins the parts of a title, each with its variants and near
// misses, in every combination.
func titleParts() []string {
	parts := [][]string{
		{"", " ", "附件", "附件2", "\t附表 3 ：", "附件：", "附件12:", "1、", "附", "附件二"},
		{"", "某某项目", " 2023 年度 ", "2023年", "邯财社〔2018〕126号", "２０２３年"},
		{"", "项目支出", "专项资金", "部门整体支出", "整体支出", "区域", "支出"},
		{"", "绩效", "绩"},
		{"", "目标", "自评", "评价指标", "指标", "标"},
		{"", "申报", "审批", "批复", "设定", "申请", "批"},
		{"", "表", "表表", " ", "（2023年度）"},
	}
	out := []string{""}
	for _, p := range parts {
		var next []string
		for _, head := range out {
			for _, w := range p {
				next = append(next, head+w)
			}
		}
		out = next
	}
	return out
}

// randomTitles are strings of the characters the regexps look for.
func randomTitles(n int) []string {
	chars := []rune("附件表绩效目标自评价指标申报审批复设定请项目支出专资金部门整体区域年度20239 　\t\n:：（）")
	r := rand.New(rand.NewSource(1))
	out := make([]string, n)
	for i := range out {
		b := make([]rune, r.Intn(16))
		for j := range b {
			b[j] = chars[r.Intn(len(chars))]
		}
		out[i] = string(b)
	}
	return out
}

// fixtureStrings are the strings of the value fixtures and, with
// JIXIAO_BENCH set, of the bench corpus's truth files (titles, names,
// values).
func fixtureStrings(t *testing.T) []string {
	var out []string
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			out = append(out, v)
		case []any:
			for _, x := range v {
				walk(x)
			}
		case map[string]any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	f, err := os.Open("../testdata/normalize/values.jsonl") // the shared fixtures' copy
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var v any
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			t.Fatal(err)
		}
		walk(v)
	}
	if dir, err := truth.BenchCorpus(); err == nil {
		files, _ := filepath.Glob(filepath.Join(dir, "*.truth.json"))
		for _, name := range files {
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			var v any
			if err := json.Unmarshal(data, &v); err != nil {
				t.Fatal(err)
			}
			walk(v)
		}
	}
	return out
}

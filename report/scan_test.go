package report

import (
	"fmt"
	"math/rand"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/internal/textmix"
)

// The regexps unitDecl and unitLine stand for.
var (
	amountUnitDeclRE = regexp.MustCompile(`(?:金额)?单位[：:]\s*(万元|元|千元|亿元)`)
	unitLineRE       = regexp.MustCompile(`^(?:(?:预算)?单位(?:名称)?[：:]\s*)?(\d{6})\s*(\S.*?)\s*$`)
)

// TestPartOneScans: the scans reading part one's items read what their
// regexps matched.
func TestPartOneScans(t *testing.T) {
	numberedRE := regexp.MustCompile(`^\s*(\d+)\s*[.．、]\s*(.*)$`)
	measureRE := regexp.MustCompile(`^\s*[（(]\s*([一二三四五六七八九十]+)\s*[)）]\s*(.*)$`)
	goalRE := regexp.MustCompile(`^\s*(?:绩效目标|年度目标|目标)\s*[：:]\s*(.*)$`)
	indicatorRE := regexp.MustCompile(`^\s*(?:绩效指标|指标)\s*[：:]\s*(.*)$`)
	// Items made of the parts the regexps match, and near misses.
	texts := prescreenTexts()
	items := []string{""}
	for _, part := range [][]string{
		{"", " ", "\t", "\n"},
		{"", "12", "3", "（", "(", "绩效目标", "年度目标", "目标", "绩效指标", "指标", "目"},
		{"", " ", "一", "十二", "甲"},
		{"", ".", "．", "、", ")", "）", ":", "："},
		{"", " ", "\n"},
		{"", "甲", "甲\n乙", "甲 ", "\xff"},
	} {
		var next []string
		for _, l := range items {
			for _, w := range part {
				next = append(next, l+w)
			}
		}
		items = next
	}
	texts = append(texts, items...)
	for _, s := range texts {
		for _, c := range []struct {
			name string
			re   *regexp.Regexp
			read func(string) (string, string, bool)
		}{
			{"numberedItem", numberedRE, numberedItem},
			{"measureItem", measureRE, measureItem},
			{"goal", goalRE, func(s string) (string, string, bool) {
				text, ok := labeledField(s, "绩效目标", "年度目标", "目标")
				return text, "", ok
			}},
			{"indicators", indicatorRE, func(s string) (string, string, bool) {
				text, ok := labeledField(s, "绩效指标", "指标")
				return text, "", ok
			}},
		} {
			a, b, ok := c.read(s)
			got := fmt.Sprint(a, "|", b, "|", ok)
			want := "||false"
			if m := c.re.FindStringSubmatch(s); m != nil && len(m) == 3 {
				want = fmt.Sprint(m[1], "|", m[2], "|", true)
			} else if m != nil {
				want = fmt.Sprint(m[1], "||", true)
			}
			if got != want {
				t.Fatalf("%s(%q) = %s, the regexp says %s", c.name, s, got, want)
			}
		}
	}
}

// TestHeaderLineScans: unitDecl and unitLine find what their regexps
// match, where they match it.
func TestHeaderLineScans(t *testing.T) {
	n := 0
	for _, s := range prescreenTexts() {
		start, end, unit, ok := unitDecl(s)
		got := fmt.Sprint(start, end, unit, ok)
		want := fmt.Sprint(0, 0, "", false)
		if m := amountUnitDeclRE.FindStringSubmatchIndex(s); m != nil {
			want = fmt.Sprint(m[0], m[1], s[m[2]:m[3]], true)
		}
		if got != want {
			t.Errorf("unitDecl(%q) = %s, the regexp says %s", s, got, want)
			n++
		}
		code, name, ok := unitLine(s)
		got = fmt.Sprint(code, "|", name, "|", ok)
		want = fmt.Sprint("", "|", "", "|", false)
		if m := unitLineRE.FindStringSubmatch(s); m != nil {
			want = fmt.Sprint(m[1], "|", m[2], "|", true)
		}
		if got != want {
			t.Errorf("unitLine(%q) = %s, the regexp says %s", s, got, want)
			n++
		}
		if n > 20 {
			t.Fatal("too many")
		}
	}
}

// TestPrescreens: each plain test that spares a text a regexp says yes to
// every text the regexp matches, so skipping the others changes nothing.
func TestPrescreens(t *testing.T) {
	texts := prescreenTexts()
	n := 0
	for _, s := range texts {
		for _, c := range []struct {
			name    string
			may, re bool
		}{
			{"mayStartMarker", mayStartMarker(s), labelMarker.MatchString(s)},
			{"分", strings.HasSuffix(s, "分"), scoreSuffix.MatchString(s)},
			{"月季年", strings.ContainsAny(s, "月季年"), periodLike.MatchString(s)},
		} {
			if c.re && !c.may {
				t.Errorf("%s(%q) skips a text the regexp matches", c.name, s)
				if n++; n > 20 {
					t.Fatal("too many")
				}
			}
		}
	}
}

// prescreenTexts are texts made of the regexps' parts, and random strings
// of their characters.
func prescreenTexts() []string {
	texts := []string{"", "430001怀来县机关事务服务中心", "单位名称：430001 怀来县", "预算单位:123456 某局", "金额单位：万元",
		"单位：元", "1、甲", " 12.乙", "（一）保障", "(二)", "目标：全年", "绩效指标：满意度", "*项目名称", "★联系人",
		"指标1:", "其中:上级资金", "12、", "(十)", "项目资金预算执行10分", "成本指标0-20分", "3月底", "第一季度末", "上半年",
		"全年", "年底", "10 月份", "单位名称：430001 怀来县机关事务服务中心", "预算单位：123456\t某局 \n", "123456 甲\n乙",
		"填报单位：（盖章） 金额单位：万元", "单位单位：元", "单位：  亿元 单位：千元", "123456", "1234567", "单位名称123456某局"}
	// Header lines made of the parts the regexps match, and near misses.
	lines := []string{""}
	for _, part := range [][]string{
		{"", "430001", "某局 ", "金额"},
		{"", "预算", "金额", "填报"},
		{"", "单位", "单位名称", "单", "名称"},
		{"", ":", "："},
		{"", " ", "\t"},
		{"", "123456", "12345", "1234567"},
		{"", "万元", "元", "千元", "亿元", "万"},
		{"", " 某局", "某局 ", "\n某局", "甲\n乙", " ", "　"},
	} {
		var next []string
		for _, l := range lines {
			for _, w := range part {
				next = append(next, l+w)
			}
		}
		lines = next
	}
	texts = append(texts, lines...)
	chars := []rune("0123456789单位名称预算金额万元千亿：: \t\n\r　（）()一二三十、.．绩效目标指标年度季月底末份上下半全第其中*★※☆●◆■▲#分-甲")
	r := rand.New(rand.NewSource(1))
	for range 300000 {
		b := make([]rune, r.Intn(20))
		for j := range b {
			b[j] = chars[r.Intn(len(chars))]
		}
		texts = append(texts, string(b))
	}
	return texts
}

// TestKeywordNeeds: every text a keyword rule's regexp matches holds one of
// the words the rule needs, for texts made of the words of the rules.
func TestKeywordNeeds(t *testing.T) {
	tokens := []string{"意见", "电话", "负责人", "联系人", "综述", "盖章", "执行数", "执行率", "资金", "基本", "情况",
		"项目", "专项", "转移支付", "支出", "名称", "编码", "代码", "部门", "单位", "当年", "本级", "上级", "中央", "省级",
		"市级", "县级", "财政", "补助", "款", "专", "预算", "金额", "投资", "拨款", "总额", "总计", "预算数", "总数", "申报数",
		"安排数", "下达数", "总预算", "预算金额", "总投资", "投入", "中期", "长期", "中长期", "实施期", "项目总", "目标",
		"年度", "总体", "绩效", "设定", "年初", "预期", "申报", "填报", "编制", "实际", "完成值", "原因", "依据", "指标值",
		"目标值", "实现值", "计划水平", "目标水平", "数值", "及", "计量", "度量", "指标内容", "指标名称", "权重", "分值",
		"得分", "数", "值", "水平", "甲", "1", ":"}
	r := rand.New(rand.NewSource(1))
	matched := 0
	for range 300000 {
		var b strings.Builder
		for range 1 + r.Intn(4) {
			b.WriteString(tokens[r.Intn(len(tokens))])
		}
		key := b.String()
		for _, k := range append(infoKeywords[:len(infoKeywords):len(infoKeywords)], columnKeywords...) {
			if k.re.MatchString(key) {
				matched++
				if !k.need.In(key) {
					t.Fatalf("%s matches %q, which holds none of %v", k.re, key, k.need.Words())
				}
			}
		}
	}
	t.Logf("%d matches", matched)
}

// TestBracketSuffix: bracketSuffix finds where the regexp it stands for
// matched.
func TestBracketSuffix(t *testing.T) {
	re := regexp.MustCompile(`\s*[（(][^（）()]*[)）]\s*$`)
	parts := []string{"（", "）", "(", ")", "甲", " ", "\t", "\n", "2023", "年度", "\xff", "\xef", "\xbc"}
	texts := []string{"", "某项目绩效目标表（2023年度）", "表 (2023) ", "表（甲）（乙）", "（）", "甲))", "\xef（甲）"}
	for _, s := range slices.AppendSeq(texts, textmix.Texts(1, parts, 12, 300000)) {
		want := -1
		if m := re.FindStringIndex(s); m != nil {
			want = m[0]
		}
		if got := bracketSuffix(s); got != want {
			t.Fatalf("bracketSuffix(%q) = %d, the regexp says %d", s, got, want)
		}
	}
}

// TestTitleScans: the words and scans that read a title find what the
// regexps they stand for matched.
func TestTitleScans(t *testing.T) {
	formRE := regexp.MustCompile(`绩效(?:目标|自评|评价指标)`)
	deptRE := regexp.MustCompile(`部门整体|整体支出|单位整体|整体绩效|部门绩效目标表|部门\(单位\)整体|部门（单位）整体`)
	refRE := regexp.MustCompile(`^\s*(?:附件|附表)\s*\d*\s*[:：]`)
	yearRE := regexp.MustCompile(`(20\d{2})\s*年|【(20\d{2})】`)
	parts := []string{"绩效", "目标", "自评", "评价指标", "部门", "整体", "支出", "单位", "(单位)", "（单位）", "表", "附件",
		"附表", "3", " ", "\t", ":", "：", "20", "2023", "2", "年", "【", "】", "甲", "\xe3"}
	for s := range textmix.Texts(2, parts, 8, 300000) {
		if got, want := formWords.In(s), formRE.MatchString(s); got != want {
			t.Fatalf("formWords.MatchString(%q) = %v, the regexp says %v", s, got, want)
		}
		if got, want := deptForm.In(s), deptRE.MatchString(s); got != want {
			t.Fatalf("deptForm.MatchString(%q) = %v, the regexp says %v", s, got, want)
		}
		if _, got, ok := titleMarker(s); (ok && got) != refRE.MatchString(s) {
			t.Fatalf("titleMarker(%q) says a colon %v, the regexp says %v", s, ok && got, !(ok && got))
		}
		want := 0
		if m := yearRE.FindStringSubmatch(s); m != nil {
			want, _ = strconv.Atoi(m[1] + m[2])
		}
		if got := yearIn(s); got != want {
			t.Fatalf("yearIn(%q) = %d, the regexp says %d", s, got, want)
		}
	}
}

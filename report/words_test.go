package report

import (
	"regexp"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/internal/textmix"
	"github.com/jixiao/jixiao/normalize"
)

// TestWordsMatchAsAlternation: a word list matches where the regexp
// alternation of its words would.
func TestWordsMatchAsAlternation(t *testing.T) {
	texts := []string{"", "中期指标值", "年度资金总额", "上年度实际水平", "实施期目标", "项目总投资", "二级指标", "调整后预算数",
		"往年", "历史数据", "得分", "指标解释", "绩效指标分类", "一级", "等级", "备注", "中", "期中", "全 年", "本年度"}
	for _, w := range []*normalize.Keywords{earlierYears, midTermWords, midColumn, annualInfo, pastWords, notValueHeader, levelHeaderWords} {
		re := regexp.MustCompile(strings.Join(w.Words(), "|"))
		for _, s := range texts {
			if got, want := w.In(s), re.MatchString(s); got != want {
				t.Errorf("%v.MatchString(%q) = %v, the regexp says %v", w.Words(), s, got, want)
			}
		}
	}
}

// TestWordsAsContainsAny: the rune lists searched as words find what
// strings.ContainsAny finds, on texts of their runes, Chinese and broken
// UTF-8.
func TestWordsAsContainsAny(t *testing.T) {
	sets := map[string]*normalize.Keywords{"月季年": periodRunes, "%≥≤<>=": valueSigns, "0123456789，。；、,.;%": valueMarks, "，。；：:": clauseMarks}
	pieces := []string{"月", "季", "年", "%", "≥", "≤", "<", ">", "=", "1", "9", "，", "。", "；", "、", ",", ".", ";", "：", ":",
		"度", "甲", "a", " ", "\xe6", "\x9c\x88", "\xe6\x9c", "\xff", "\xef\xbc"}
	for s := range textmix.Texts(11, pieces, 6, 200000) {
		for chars, w := range sets {
			if got, want := w.In(s), strings.ContainsAny(s, chars); got != want {
				t.Fatalf("%q as words in %q = %v, strings.ContainsAny says %v", chars, s, got, want)
			}
		}
	}
}

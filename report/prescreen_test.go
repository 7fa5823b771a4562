package report

import (
	"math/rand"
	"strings"
	"testing"
)

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
			{"unitDecl", unitDecl(s) != nil, amountUnitDecl.MatchString(s)},
			{"mayStartUnitLine", mayStartUnitLine(s), unitLine.MatchString(s)},
			{"startsDigit", startsDigit(s), numberedItem.MatchString(s)},
			{"startsBracket", startsBracket(s), measureItem.MatchString(s)},
			{"目标", strings.Contains(s, "目标"), goalField.MatchString(s)},
			{"指标", strings.Contains(s, "指标"), indicatorField.MatchString(s)},
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
			if c.name == "unitDecl" && c.may != c.re {
				t.Errorf("unitDecl(%q) found %v, the regexp says %v", s, c.may, c.re)
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
		"全年", "年底", "10 月份"}
	chars := []rune("0123456789单位名称预算金额万元千亿：: \t\n（）()一二三十、.．绩效目标指标年度季月底末份上下半全第其中*★※☆●◆■▲#分-甲")
	r := rand.New(rand.NewSource(1))
	for range 200000 {
		b := make([]rune, r.Intn(12))
		for j := range b {
			b[j] = chars[r.Intn(len(chars))]
		}
		texts = append(texts, string(b))
	}
	return texts
}

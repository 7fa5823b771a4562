package normalize

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/jixiao/jixiao/internal/textmix"
)

func TestFold(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"  加强支出管理。\n通过优化支出结构  ", "加强支出管理。通过优化支出结构"},
		{"服务对象\r\n满意度", "服务对象满意度"},
		{"≥ 90  %", "≥ 90 %"},
		{"a\tb", "a b"},
		{"word\nword", "word word"},
		{"项目\n 2025", "项目2025"},
		{"全角\u3000空格", "全角 空格"},
		{"\n\n", ""},
		{"", ""},
	} {
		if got := Fold(c.in); got != c.want {
			t.Errorf("Fold(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestClean(t *testing.T) {
	for _, c := range []struct {
		in, want string
		changes  []Change
	}{
		{"]怀财字【2025】7号 机关大楼运行经费", "怀财字【2025】7号 机关大楼运行经费",
			[]Change{{Kind: "bracket", Pos: 0, From: "]"}}},
		{"满意度≥９０％", "满意度≥90%",
			[]Change{{Kind: "width", Pos: 12, From: "９０％", To: "90%"}}},
		{"机关大楼  运行\n经费", "机关大楼 运行经费",
			[]Change{{Kind: "space", Pos: 12, From: "  ", To: " "}, {Kind: "space", Pos: 20, From: "\n"}}},
		{"[bookmark: _Toc1]项目名称", "项目名称",
			[]Change{{Kind: "residue", Pos: 0, From: "[bookmark: _Toc1]"}}},
		{"（一）完善制度建设。", "（一）完善制度建设。", nil},
		{"项目（一", "项目一", []Change{{Kind: "bracket", Pos: 6, From: "（"}}},
	} {
		got, changes := Clean(c.in)
		if got != c.want || !reflect.DeepEqual(changes, c.changes) {
			t.Errorf("Clean(%q) = %q, %+v\nwant %q, %+v", c.in, got, changes, c.want, c.changes)
		}
	}
}

// TestStrayBracket holds StrayBracket to what Clean drops first.
func TestStrayBracket(t *testing.T) {
	for in, want := range map[string]string{
		"]怀财字【2025】7号 机关大楼运行经费": "]",
		"项目（一":                  "（",
		"（一）完善制度建设。":            "",
		"机关大楼运行经费":              "",
		"（项目】":                  "（", // the opening one comes first
		"【项目）（":                 "【",
		"a)b(":                  ")",
		"(a)b)c(":               ")",
		"((a)":                  "(",
		"[bookmark: _Toc1]项目名称": "",
		"[bookmark: _Toc1项目名称":  "[",
		"x[bookmark: (]y)":      ")",
		"《a〔b〕》「c」『d』{e}":       "",
		"\xff)":                 ")",
	} {
		if got := StrayBracket(in); got != want {
			t.Errorf("StrayBracket(%q) = %q, want %q", in, got, want)
		}
		if got := firstBracket(in); got != want {
			t.Errorf("Clean(%q) drops %q first, want %q", in, got, want)
		}
	}
}

// firstBracket is the first bracket Clean drops from s, "" for none.
func firstBracket(s string) string {
	_, changes := Clean(s)
	for _, c := range changes {
		if c.Kind == "bracket" {
			return c.From
		}
	}
	return ""
}

func TestNarrow(t *testing.T) {
	for in, want := range map[string]string{"４.１７": "4.17", "１，２００": "1,200", "９０％": "90%", "—": "-", "六百萬": "六百万", "绩效": "绩效"} {
		if got := Narrow(in); got != want {
			t.Errorf("Narrow(%q) = %q, want %q", in, got, want)
		}
	}
}

// strayBracketsByRune is strayBrackets as it was before bracketLeads:
// every rune decoded and looked up in the maps.
func strayBracketsByRune(s string, stray func(pos int, c rune)) {
	type open struct {
		pos int
		c   rune
	}
	var stack []open
	for i := 0; i < len(s); {
		c, n := utf8.DecodeRuneInString(s[i:])
		if c == '[' && strings.HasPrefix(s[i+1:], "bookmark:") {
			if j := strings.IndexByte(s[i:], ']'); j >= 0 {
				i += j + 1
				continue
			}
		}
		if _, ok := bracketPairs[c]; ok {
			stack = append(stack, open{i, c})
		} else if opener, ok := closingOf[c]; ok {
			if k := len(stack); k > 0 && stack[k-1].c == opener {
				stack = stack[:k-1]
			} else {
				stray(i, c)
			}
		}
		i += n
	}
	for _, o := range stack {
		stray(o.pos, o.c)
	}
}

// TestStrayBracketsByByte: strayBrackets, which decodes only at bytes a
// bracket begins with, finds what a walk rune by rune finds, on texts of
// brackets, Chinese punctuation sharing their first bytes, residue and
// broken UTF-8.
func TestStrayBracketsByByte(t *testing.T) {
	pieces := []string{
		"(", ")", "[", "]", "{", "}", "（", "）", "【", "】", "《", "》", "〔", "〕", "「", "」", "『", "』",
		"，", "。", "、", "：", "％", "〒", "\u3000", "〇", "项目", "a", " ", "[bookmark:", "[bookmark: _Toc1]",
		"\xff", "\xe3", "\xe3\x80", "\xef\xbc", "\xbc\x88", "\x80", "\xed\xa0\x80", "\xf0\x9f\x98",
	}
	for s := range textmix.Texts(1, pieces, 12, 200000) {
		var got, want []string
		strayBrackets(s, func(pos int, c rune) { got = append(got, fmt.Sprint(pos, string(c))) })
		strayBracketsByRune(s, func(pos int, c rune) { want = append(want, fmt.Sprint(pos, string(c))) })
		if !slices.Equal(got, want) {
			t.Fatalf("strayBrackets(%q) = %v, by rune %v", s, got, want)
		}
	}
}

// needsFoldByRune is needsFold as it was before HasSpace: every
// non-ASCII rune decoded and looked up.
func needsFoldByRune(s string) bool {
	for _, r := range s {
		if unicode.IsSpace(r) {
			return true
		}
	}
	return !utf8.ValidString(s)
}

// TestNeedsFoldByByte: needsFold, which passes most Chinese runes by their
// bytes, says what decoding every rune says: for each rune alone and
// between others, and for texts of broken UTF-8.
func TestNeedsFoldByByte(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		for _, s := range []string{string(r), "项" + string(r) + "目", string(r)[:len(string(r))-1] + "项"} {
			if got, want := needsFold(s), needsFoldByRune(s); got != want {
				t.Fatalf("needsFold(%q) = %v, by rune %v", s, got, want)
			}
		}
	}
	pieces := []string{"项目", "，", "。", "\u3000", "\u2028", "\u00a0", "a", " ", "\n", "\xff", "\xe3", "\xe3\x80", "\xed\xa0\x80", "\xef\xbf", "\x80", "\xc2", "〇"}
	for s := range textmix.Texts(3, pieces, 8, 200000) {
		if got, want := needsFold(s), needsFoldByRune(s); got != want {
			t.Fatalf("needsFold(%q) = %v, by rune %v", s, got, want)
		}
	}
}

// foldByRune is fold as it was before plainRune3: every rune decoded.
func foldByRune(s string, record bool) (string, []Change) {
	var b strings.Builder
	var changes []Change
	prev := utf8.RuneError
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			b.WriteRune(r)
			prev = r
			i += n
			continue
		}
		j := i
		lineBreak := false
		next := utf8.RuneError
		for j < len(s) {
			c, m := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsSpace(c) {
				next = c
				break
			}
			if c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\v' || c == '\f' {
				lineBreak = true
			}
			j += m
		}
		to := ""
		if i > 0 && j < len(s) && !(lineBreak && (isWide(prev) || isWide(next))) {
			to = " "
		}
		b.WriteString(to)
		if record && s[i:j] != to {
			changes = append(changes, Change{Kind: "space", Pos: i, From: s[i:j], To: to})
		}
		i = j
	}
	return b.String(), changes
}

// TestFoldByByte: fold, which copies plain Chinese runes as bytes, folds
// as decoding every rune does, next to each rune and on texts of white
// space, wide and narrow signs and broken UTF-8.
func TestFoldByByte(t *testing.T) {
	check := func(s string) {
		got, gotC := fold(s, true)
		want, wantC := foldByRune(s, true)
		if got != want || !reflect.DeepEqual(gotC, wantC) {
			t.Fatalf("fold(%q) = %q %v, by rune %q %v", s, got, gotC, want, wantC)
		}
	}
	for r := rune(0); r <= utf8.MaxRune; r++ {
		check(string(r) + "\n a")
		check("a \n" + string(r))
	}
	pieces := []string{"项目", "，", "。", "\u3000", "\u2028", "\u00a0", "a", " ", "\n", "\r\n", "\xff", "\xe3", "\xe3\x80", "\xed\xa0\x80", "\xef\xbf", "\x80", "\xc2", "〇", "ｶ", "Ａ", "ㄱ"}
	for s := range textmix.Texts(5, pieces, 8, 200000) {
		check(s)
	}
}

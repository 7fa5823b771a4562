package docx

import (
	"bytes"
	"encoding/xml"
	"regexp"
	"strconv"
	"strings"

	"github.com/jixiao/jixiao/extract"
)

type styleInfo struct {
	heading int    // outline level 1..9, 0 for body text
	numID   string // list numbering carried by the style
	ilvl    int
}

type styleMap map[string]styleInfo

func (m styleMap) haveLists() bool {
	for _, s := range m {
		if s.numID != "" {
			return true
		}
	}
	return false
}

// xmlStyle is one w:style element.
type xmlStyle struct {
	ID      string `xml:"styleId,attr"`
	Type    string `xml:"type,attr"`
	Name    val    `xml:"name"`
	BasedOn val    `xml:"basedOn"`
	PPr     struct {
		Outline *val `xml:"outlineLvl"`
		NumPr   *struct {
			NumID val  `xml:"numId"`
			Ilvl  *val `xml:"ilvl"`
		} `xml:"numPr"`
	} `xml:"pPr"`
}

// parseStyles reads word/styles.xml for what a paragraph inherits from its
// style: a heading level (from w:outlineLvl or a "heading N" name) and list
// numbering. Only the styles in used and those they are based on are
// decoded. Errors leave the styles empty: they only enrich the reading.
func parseStyles(data []byte, used map[string]bool) styleMap {
	return indexedStyles(cachedStyleIndex(data), data, used)
}

// indexedStyles is parseStyles with the index of data at hand; data is
// only read when the index has no elements.
func indexedStyles(ix *styleIndex, data []byte, used map[string]bool) styleMap {
	decoded := map[string]*xmlStyle{}
	if ix.elems != nil {
		queue := make([]string, 0, len(used))
		for id := range used {
			queue = append(queue, id)
		}
		for len(queue) > 0 {
			id := queue[len(queue)-1]
			queue = queue[:len(queue)-1]
			if _, done := decoded[id]; done {
				continue
			}
			st := ix.style(id) // shared by the readers of the index: read only
			if st == nil {
				continue
			}
			decoded[id] = st
			if b := st.BasedOn.Val; b != "" {
				queue = append(queue, b)
			}
		}
	} else {
		var v struct {
			Styles []xmlStyle `xml:"style"`
		}
		if xml.Unmarshal(data, &v) != nil {
			return nil
		}
		for i := range v.Styles {
			decoded[v.Styles[i].ID] = &v.Styles[i]
		}
	}
	type raw struct {
		styleInfo
		basedOn    string
		hasHeading bool
		hasNum     bool
	}
	all := map[string]*raw{}
	for id, s := range decoded {
		if s.Type != "" && s.Type != "paragraph" {
			continue
		}
		r := &raw{basedOn: s.BasedOn.Val}
		if s.PPr.Outline != nil {
			if n, err := strconv.Atoi(s.PPr.Outline.Val); err == nil {
				r.hasHeading = true
				if n < 9 {
					r.heading = n + 1
				}
			}
		} else if n := headingFromName(s.Name.Val); n > 0 {
			r.hasHeading, r.heading = true, n
		}
		if s.PPr.NumPr != nil {
			r.hasNum, r.numID = true, s.PPr.NumPr.NumID.Val
			if s.PPr.NumPr.Ilvl != nil {
				r.ilvl, _ = strconv.Atoi(s.PPr.NumPr.Ilvl.Val)
			}
		}
		all[id] = r
	}
	out := make(styleMap, len(all))
	for id, r := range all {
		info := r.styleInfo
		// Walk basedOn for what the style does not set itself, with a
		// bound against cycles.
		gotH, gotN := r.hasHeading, r.hasNum
		for b, i := all[r.basedOn], 0; b != nil && i < 20 && !(gotH && gotN); b, i = all[b.basedOn], i+1 {
			if !gotH && b.hasHeading {
				info.heading, gotH = b.heading, true
			}
			if !gotN && b.hasNum {
				info.numID, info.ilvl, gotN = b.numID, b.ilvl, true
			}
		}
		out[id] = info
	}
	return out
}

var styleIDAttr = regexp.MustCompile(`\bw:styleId="([^"]*)"`)

// indexStyles finds each <w:style> element by its id without decoding it;
// nil when the part does not use the usual w: prefix.
func indexStyles(data []byte) map[string][]byte {
	open, end := []byte("<w:style "), []byte("</w:style>")
	if !bytes.Contains(data, open) {
		return nil
	}
	out := map[string][]byte{}
	for rest := data; ; {
		i := bytes.Index(rest, open)
		if i < 0 {
			return out
		}
		rest = rest[i:]
		tagEnd := bytes.IndexByte(rest, '>')
		if tagEnd < 0 {
			return out
		}
		n := tagEnd + 1
		if rest[tagEnd-1] != '/' {
			j := bytes.Index(rest, end)
			if j < 0 {
				return out
			}
			n = j + len(end)
		}
		if m := styleIDAttr.FindSubmatch(rest[:tagEnd]); m != nil {
			out[string(m[1])] = rest[:n]
		}
		rest = rest[n:]
	}
}

// resolveParagraphs gives every paragraph, in document order, the heading
// level and list numbering it inherits from its style, and its list label.
func resolveParagraphs(blocks []extract.Block, styles styleMap, num *numbering) {
	for _, b := range blocks {
		switch {
		case b.Para != nil:
			resolveParagraph(b.Para, styles, num)
		case b.Table != nil:
			for _, c := range b.Table.Cells {
				resolveParagraphs(c.Blocks, styles, num)
			}
		}
	}
}

func resolveParagraph(p *extract.Paragraph, styles styleMap, num *numbering) {
	st, ok := styles[p.Style]
	if p.Heading < 0 {
		p.Heading = 0
		if ok {
			p.Heading = st.heading
		}
	}
	if p.List == nil && ok && st.numID != "" && st.numID != "0" {
		p.List = &extract.ListItem{NumID: st.numID, Level: st.ilvl}
	}
	if p.List != nil && num != nil {
		p.List.Label = num.next(p.List.NumID, p.List.Level)
	}
}

type val struct {
	Val string `xml:"val,attr"`
}

// headingFromName reads the level from the built-in heading style names
// ("heading 2", Chinese Word's "标题 2").
func headingFromName(name string) int {
	name = strings.ToLower(strings.TrimSpace(name))
	for _, prefix := range []string{"heading", "标题"} {
		if rest, ok := strings.CutPrefix(name, prefix); ok {
			if n, err := strconv.Atoi(strings.TrimSpace(rest)); err == nil && n >= 1 && n <= 9 {
				return n
			}
		}
	}
	return 0
}

// numbering renders list labels from word/numbering.xml, counting as Word
// does: per list instance (w:num), a level's counter reset whenever a
// higher level advances.
type numbering struct {
	nums     map[string]*numInstance
	abstract map[string][]numLevel
}

type numInstance struct {
	abstractID string
	starts     map[int]int // w:lvlOverride/w:startOverride
	counters   [9]int
	used       [9]bool
}

type numLevel struct {
	start int
	fmt   string
	text  string
}

func parseNumbering(data []byte) *numbering {
	var v struct {
		Abstract []struct {
			ID     string `xml:"abstractNumId,attr"`
			Levels []struct {
				Ilvl  int `xml:"ilvl,attr"`
				Start val `xml:"start"`
				Fmt   val `xml:"numFmt"`
				Text  val `xml:"lvlText"`
			} `xml:"lvl"`
		} `xml:"abstractNum"`
		Nums []struct {
			ID         string `xml:"numId,attr"`
			AbstractID val    `xml:"abstractNumId"`
			Overrides  []struct {
				Ilvl  int  `xml:"ilvl,attr"`
				Start *val `xml:"startOverride"`
			} `xml:"lvlOverride"`
		} `xml:"num"`
	}
	if xml.Unmarshal(data, &v) != nil {
		return nil
	}
	n := &numbering{nums: map[string]*numInstance{}, abstract: map[string][]numLevel{}}
	for _, a := range v.Abstract {
		levels := make([]numLevel, 9)
		for _, l := range a.Levels {
			if l.Ilvl < 0 || l.Ilvl >= 9 {
				continue
			}
			start, err := strconv.Atoi(l.Start.Val)
			if err != nil {
				start = 1
			}
			levels[l.Ilvl] = numLevel{start: start, fmt: l.Fmt.Val, text: l.Text.Val}
		}
		n.abstract[a.ID] = levels
	}
	for _, x := range v.Nums {
		inst := &numInstance{abstractID: x.AbstractID.Val, starts: map[int]int{}}
		for _, o := range x.Overrides {
			if o.Start != nil {
				if s, err := strconv.Atoi(o.Start.Val); err == nil {
					inst.starts[o.Ilvl] = s
				}
			}
		}
		n.nums[x.ID] = inst
	}
	return n
}

// next advances list numID at level ilvl and returns the label to show.
func (n *numbering) next(numID string, ilvl int) string {
	inst := n.nums[numID]
	if inst == nil || ilvl < 0 || ilvl >= 9 {
		return ""
	}
	levels := n.abstract[inst.abstractID]
	if levels == nil {
		return ""
	}
	start := func(l int) int {
		if s, ok := inst.starts[l]; ok {
			return s
		}
		return levels[l].start
	}
	if inst.used[ilvl] {
		inst.counters[ilvl]++
	} else {
		inst.counters[ilvl], inst.used[ilvl] = start(ilvl), true
	}
	for l := ilvl + 1; l < 9; l++ {
		inst.used[l] = false
	}
	lv := levels[ilvl]
	if lv.fmt == "bullet" || lv.fmt == "none" {
		return ""
	}
	label := lv.text
	for l := 0; l <= ilvl; l++ {
		c := inst.counters[l]
		if !inst.used[l] {
			c = start(l)
		}
		label = strings.ReplaceAll(label, "%"+strconv.Itoa(l+1), formatNumber(c, levels[l].fmt))
	}
	return label
}

// formatNumber writes n in a w:numFmt format.
func formatNumber(n int, format string) string {
	switch format {
	case "chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographDigital", "japaneseCounting", "taiwaneseCounting":
		if format == "chineseLegalSimplified" {
			return chineseNumber(n, []rune("零壹贰叁肆伍陆柒捌玖"), "拾")
		}
		return chineseNumber(n, []rune("〇一二三四五六七八九"), "十")
	case "decimalFullWidth", "decimalFullWidth2":
		var b strings.Builder
		for _, d := range strconv.Itoa(n) {
			b.WriteRune(d - '0' + '０')
		}
		return b.String()
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
		if n >= 1 && n <= 20 {
			return string(rune('①' + n - 1))
		}
	case "decimalZero":
		if n < 10 {
			return "0" + strconv.Itoa(n)
		}
	case "upperLetter", "lowerLetter":
		if n >= 1 {
			s := strings.Repeat(string(rune('A'+(n-1)%26)), (n-1)/26+1)
			if format == "lowerLetter" {
				s = strings.ToLower(s)
			}
			return s
		}
	case "upperRoman", "lowerRoman":
		if n >= 1 && n < 4000 {
			s := roman(n)
			if format == "lowerRoman" {
				s = strings.ToLower(s)
			}
			return s
		}
	case "ideographTraditional":
		if n >= 1 && n <= 10 {
			return string([]rune("甲乙丙丁戊己庚辛壬癸")[n-1])
		}
	}
	return strconv.Itoa(n)
}

// chineseNumber writes 1..99 as 一 … 十 … 九十九 and larger numbers digit by
// digit, as Word's chineseCounting does for list labels.
func chineseNumber(n int, digits []rune, ten string) string {
	switch {
	case n < 0:
		return strconv.Itoa(n)
	case n < 10:
		return string(digits[n])
	case n < 20:
		s := ten
		if n%10 != 0 {
			s += string(digits[n%10])
		}
		return s
	case n < 100:
		s := string(digits[n/10]) + ten
		if n%10 != 0 {
			s += string(digits[n%10])
		}
		return s
	}
	var b strings.Builder
	for _, d := range strconv.Itoa(n) {
		b.WriteRune(digits[d-'0'])
	}
	return b.String()
}

func roman(n int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

package report

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/jixiao/jixiao/extract"
)

// Part one of a report, the department as a whole, in prose:
// 一、总体绩效目标, 二、分项绩效目标, 三、工作保障措施.
var (
	overallHeading  = regexp.MustCompile(`^\s*[一二三四五六七八九十]+\s*[、.．]\s*(?:部门)?(?:整体|总体)绩效目标\s*$`)
	subGoalsHeading = regexp.MustCompile(`^\s*[一二三四五六七八九十]+\s*[、.．]\s*分项绩效目标\s*$`)
	measuresHeading = regexp.MustCompile(`^\s*[一二三四五六七八九十]+\s*[、.．]\s*(?:工作)?保障措施\s*$`)
	partHeading     = regexp.MustCompile(`^\s*第[一二三四五六七八九十]+部分`)
)

// partOne reads a paragraph of part one: a heading switches the section,
// other text extends it.
func (rd *reader) partOne(t string, pos extract.Pos) {
	// Each heading regexp needs its words in t: most paragraphs are
	// none, and are not matched against them.
	switch {
	case strings.Contains(t, "绩效目标") && overallHeading.MatchString(t):
		rd.section, rd.cont = sectionOverall, nil
		rd.rep.OverallGoalAt = locationOf(pos)
		return
	case strings.Contains(t, "分项绩效目标") && subGoalsHeading.MatchString(t):
		rd.section, rd.cont = sectionSubGoals, nil
		return
	case strings.Contains(t, "保障措施") && measuresHeading.MatchString(t):
		rd.section, rd.cont = sectionMeasures, nil
		return
	case strings.Contains(t, "部分") && partHeading.MatchString(t):
		rd.section, rd.cont = sectionNone, nil
		return
	}
	switch rd.section {
	case sectionOverall:
		rd.rep.OverallGoal = joinText(rd.rep.OverallGoal, t)
	case sectionSubGoals:
		rd.subGoal(t, pos)
	case sectionMeasures:
		if no, text, ok := measureItem(t); ok {
			rd.rep.Measures = append(rd.rep.Measures, Measure{No: no, Text: text})
			rd.cont = &rd.rep.Measures[len(rd.rep.Measures)-1].Text
		} else if rd.cont != nil {
			*rd.cont = joinText(*rd.cont, t)
		}
	}
}

func (rd *reader) subGoal(t string, pos extract.Pos) {
	goals := rd.rep.SubGoals
	if digits, title, ok := numberedItem(t); ok {
		no, _ := strconv.Atoi(digits)
		rd.rep.SubGoals = append(goals, SubGoal{No: no, Title: title, At: locationOf(pos)})
		rd.cont = &rd.rep.SubGoals[len(rd.rep.SubGoals)-1].Title
		return
	}
	if len(goals) == 0 {
		return
	}
	g := &rd.rep.SubGoals[len(goals)-1]
	if text, ok := labeledField(t, "绩效目标", "年度目标", "目标"); ok {
		g.Goal, rd.cont = text, &g.Goal
	} else if text, ok := labeledField(t, "绩效指标", "指标"); ok {
		g.Indicators, rd.cont = text, &g.Indicators
	} else if rd.cont != nil {
		*rd.cont = joinText(*rd.cont, t)
	}
}

// joinText appends a continuation line. Chinese text joins with nothing in
// between, as a wrapped line does.
func joinText(a, b string) string {
	if a == "" {
		return b
	}
	return a + b
}

// The items of part one are read by scans rather than regexps, which cost
// more than the rest of part one's reading: what each scan reads is what
// the regexp in its comment matched (TestPartOneScans compares them).

// numberedItem reads a numbered item, 1. 甲 or 2、乙: its number and its
// text, as ^\s*(\d+)\s*[.．、]\s*(.*)$ matched them.
func numberedItem(t string) (no, text string, ok bool) {
	s := strings.TrimLeft(t, regexpSpace)
	rest := strings.TrimLeft(s, "0123456789")
	no = s[:len(s)-len(rest)]
	if no == "" {
		return "", "", false
	}
	if rest, ok = cutAnyPrefix(strings.TrimLeft(rest, regexpSpace), ".", "．", "、"); !ok {
		return "", "", false
	}
	if text, ok = lineRest(rest); !ok {
		return "", "", false
	}
	return no, text, true
}

// measureItem reads a measure, （一）甲: its number and its text, as
// ^\s*[（(]\s*([一二三四五六七八九十]+)\s*[)）]\s*(.*)$ matched them.
func measureItem(t string) (no, text string, ok bool) {
	s, ok := cutAnyPrefix(strings.TrimLeft(t, regexpSpace), "（", "(")
	if !ok {
		return "", "", false
	}
	s = strings.TrimLeft(s, regexpSpace)
	rest := strings.TrimLeft(s, "一二三四五六七八九十")
	no = s[:len(s)-len(rest)]
	if no == "" {
		return "", "", false
	}
	if rest, ok = cutAnyPrefix(strings.TrimLeft(rest, regexpSpace), ")", "）"); !ok {
		return "", "", false
	}
	if text, ok = lineRest(rest); !ok {
		return "", "", false
	}
	return no, text, true
}

// labeledField reads the text after one of labels and a colon (目标：…), as
// ^\s*(?:label|…)\s*[：:]\s*(.*)$ matched it. No label starts as another
// does, so the first that starts t is the one.
func labeledField(t string, labels ...string) (string, bool) {
	s, ok := cutAnyPrefix(strings.TrimLeft(t, regexpSpace), labels...)
	if !ok {
		return "", false
	}
	if s, ok = cutColon(strings.TrimLeft(s, regexpSpace)); !ok {
		return "", false
	}
	return lineRest(s)
}

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
	numberedItem    = regexp.MustCompile(`^\s*(\d+)\s*[.．、]\s*(.*)$`)
	measureItem     = regexp.MustCompile(`^\s*[（(]\s*([一二三四五六七八九十]+)\s*[)）]\s*(.*)$`)
	goalField       = regexp.MustCompile(`^\s*(?:绩效目标|年度目标|目标)\s*[：:]\s*(.*)$`)
	indicatorField  = regexp.MustCompile(`^\s*(?:绩效指标|指标)\s*[：:]\s*(.*)$`)
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
		if m := findIf(measureItem, t, startsBracket(t)); m != nil {
			rd.rep.Measures = append(rd.rep.Measures, Measure{No: m[1], Text: m[2]})
			rd.cont = &rd.rep.Measures[len(rd.rep.Measures)-1].Text
		} else if rd.cont != nil {
			*rd.cont = joinText(*rd.cont, t)
		}
	}
}

func (rd *reader) subGoal(t string, pos extract.Pos) {
	goals := rd.rep.SubGoals
	if m := findIf(numberedItem, t, startsDigit(t)); m != nil {
		no, _ := strconv.Atoi(m[1])
		rd.rep.SubGoals = append(goals, SubGoal{No: no, Title: m[2], At: locationOf(pos)})
		rd.cont = &rd.rep.SubGoals[len(rd.rep.SubGoals)-1].Title
		return
	}
	if len(goals) == 0 {
		return
	}
	g := &rd.rep.SubGoals[len(goals)-1]
	if m := findIf(goalField, t, strings.Contains(t, "目标")); m != nil {
		g.Goal, rd.cont = m[1], &g.Goal
	} else if m := findIf(indicatorField, t, strings.Contains(t, "指标")); m != nil {
		g.Indicators, rd.cont = m[1], &g.Indicators
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

// findIf is re.FindStringSubmatch(t) when may, nil otherwise: may says t
// has what re needs to match, so that most texts, which have not, are not
// matched against it.
func findIf(re *regexp.Regexp, t string, may bool) []string {
	if !may {
		return nil
	}
	return re.FindStringSubmatch(t)
}

// regexpSpace is the white space \s matches.
const regexpSpace = "\t\n\f\r "

// startsDigit tells a text that starts with a digit after white space, as
// numberedItem needs.
func startsDigit(t string) bool {
	t = strings.TrimLeft(t, regexpSpace)
	return t != "" && isDigit(t[0])
}

// startsBracket tells a text that starts with an opening bracket after
// white space, as measureItem needs.
func startsBracket(t string) bool {
	t = strings.TrimLeft(t, regexpSpace)
	return strings.HasPrefix(t, "(") || strings.HasPrefix(t, "（")
}

package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"
)

// Words is one row of the full-text index, each field already cut into
// space-joined words.
type Words struct {
	Name  string // project name, indicator 三级, goal title
	Body  string // project goal, 中期目标 and 资金用途; indicator description and 偏差原因; goal text
	Value string // indicator value

	// hash is textHash of the three when NewIndex cut them, so that the
	// single writer need not hash them: Words from NewIndex are not to be
	// edited (build new ones, which the writer hashes).
	hash string
}

// textHash names a row of the full-text index in search_texts: equal
// words are stored once.
func textHash(w Words) string {
	sum := sha256.Sum256([]byte(w.Name + "\x00" + w.Body + "\x00" + w.Value))
	return hex.EncodeToString(sum[:12])
}

// Index holds the words of a report in the order Put stores its parts:
// the overall goal, the 分项 goals, the measures, the department
// indicators, then each project followed by its indicators. Ingest's
// checkers compute it, several at once, so that the single writer
// neither cuts nor hashes text.
type Index []Words

// NewIndex cuts the searchable text of rep.
func NewIndex(rep *Report, seg *Segmenter) Index {
	var ix Index
	walkText(rep, func(name, body, value string) {
		w := Words{Name: seg.Index(name), Body: seg.Index(body), Value: seg.Index(value)}
		w.hash = textHash(w)
		ix = append(ix, w)
	})
	return ix
}

// walkText calls f with the searchable text of each part of rep, in the
// order of Index.
func walkText(rep *Report, f func(name, body, value string)) {
	if rep.OverallGoal != "" {
		f("", rep.OverallGoal, "")
	}
	for _, g := range rep.SubGoals {
		f(g.Title, g.Goal+"\n"+g.Indicators, "")
	}
	for _, m := range rep.Measures {
		f("", m.Text, "")
	}
	for _, in := range rep.DepartmentIndicators {
		indicatorText(&in, f)
	}
	for _, p := range rep.Projects {
		f(p.Name, join(p.Goal, p.MidTermGoal, p.Purpose), "")
		for _, in := range p.Indicators {
			indicatorText(&in, f)
		}
		for _, in := range p.MidTermIndicators {
			indicatorText(&in, f)
		}
	}
}

func indicatorText(in *Indicator, f func(name, body, value string)) {
	f(in.Level3, join(in.Description, in.Deviation), strings.TrimSpace(in.Nature+in.Value+in.Unit))
}

// join joins the texts by line, each distinct one once; a report often
// repeats its goal as 资金用途.
func join(texts ...string) string {
	var out []string
	for _, t := range texts {
		if t != "" && !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return strings.Join(out, "\n")
}

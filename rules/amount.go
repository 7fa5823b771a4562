package rules

import (
	"regexp"
	"sort"
	"strings"

	"github.com/jixiao/jixiao/normalize"
	"github.com/jixiao/jixiao/report"
	"github.com/shopspring/decimal"
)

// amountNoise and percentNoise are what an amount or a percentage is
// written with beside its digits; built once, as a Replacer is costly to
// build.
var (
	amountNoise  = strings.NewReplacer(",", "", " ", "", "万元", "", "元", "", "万", "")
	percentNoise = strings.NewReplacer("%", "", "百分比", "", " ", "")
)

// parseAmount reads an amount as written in the info table ("600.00",
// "1,200.5", "４.１７", "600万元"). Blank reads as zero with ok true and
// blank true.
func parseAmount(s string) (d decimal.Decimal, blank, ok bool) {
	s = normalize.Narrow(normalize.TrimSpace(s))
	if strings.ContainsAny(s, ", 万元") { // a Replacer copies s even when it replaces nothing
		s = amountNoise.Replace(s)
	}
	if s == "" || s == "-" || s == "/" { // Narrow made — and － into -
		return decimal.Zero, true, true
	}
	d, err := decimal.NewFromString(s)
	return d, false, err == nil
}

// parsePercent reads a spending-plan share ("24%", "24", "24.5％",
// "24百分比").
func parsePercent(s string) (decimal.Decimal, bool) {
	s = normalize.Narrow(normalize.TrimSpace(s))
	s = strings.TrimSuffix(s, "%") // the usual 24%, without the Replacer's copy
	if strings.ContainsAny(s, "% 百") {
		s = percentNoise.Replace(s)
	}
	if s == "" {
		return decimal.Zero, false
	}
	d, err := decimal.NewFromString(s)
	return d, err == nil
}

type amountReading struct {
	d         decimal.Decimal
	blank, ok bool
}

type percentReading struct {
	d  decimal.Decimal
	ok bool
}

// amount is parseAmount(s), read once per report.
func (p *Pass) amount(s string) (d decimal.Decimal, blank, ok bool) {
	if r, seen := p.amounts[s]; seen {
		return r.d, r.blank, r.ok
	}
	d, blank, ok = parseAmount(s)
	if p.amounts == nil {
		p.amounts = map[string]amountReading{}
	}
	p.amounts[s] = amountReading{d, blank, ok}
	return d, blank, ok
}

// percent is parsePercent(s), read once per report.
func (p *Pass) percent(s string) (decimal.Decimal, bool) {
	if r, seen := p.percents[s]; seen {
		return r.d, r.ok
	}
	d, ok := parsePercent(s)
	if p.percents == nil {
		p.percents = map[string]percentReading{}
	}
	p.percents[s] = percentReading{d, ok}
	return d, ok
}

// yuanPer is how many 元 one unit of money is.
var yuanPer = map[string]decimal.Decimal{
	"元":  decimal.NewFromInt(1),
	"千元": decimal.NewFromInt(1000),
	"万元": decimal.NewFromInt(10000),
	"亿元": decimal.NewFromInt(100000000),
}

// inAmountUnit expresses a numeric target's amount in the unit of money to
// (the project's amount unit), from its base in 元 (≤50万元 is 500000 元);
// ok is false when the target is no plain amount of money or to no plain
// unit of money.
func inAmountUnit(t normalize.Target, to string) (decimal.Decimal, bool) {
	v, unit, ok := t.Magnitude()
	per, ok2 := yuanPer[to]
	if !ok || !ok2 || unit != "元" {
		return decimal.Zero, false
	}
	return v.Div(per), true
}

// codeFormat is the 项目编码 layout: region, year, P, 12 more.
var codeFormat = regexp.MustCompile(`^\d{6}\d{2}P[0-9A-Z]{12}$`)

// codeRegion returns the region part of a project code, "" when the code
// does not start with six digits.
func codeRegion(code string) string {
	if len(code) < 6 {
		return ""
	}
	for _, c := range code[:6] {
		if c < '0' || c > '9' {
			return ""
		}
	}
	return code[:6]
}

// majorityRegion returns the region code most of rep's project codes start
// with; "" when there are no codes or the top two tie. A batch votes over
// all its reports (batchRegion).
func majorityRegion(rep *report.Report) string {
	votes := map[string]int{}
	for _, p := range rep.Projects {
		voteRegion(votes, p.Code)
	}
	return majority(votes)
}

// voteRegion counts the region code of a project code, if it has one.
func voteRegion(votes map[string]int, code string) {
	if r := codeRegion(strings.TrimSpace(code)); r != "" {
		votes[r]++
	}
}

// majority is the code with the most votes; "" when nobody voted or the
// top two tie.
func majority(votes map[string]int) string {
	type kv struct {
		k string
		n int
	}
	var all []kv
	for k, n := range votes {
		all = append(all, kv{k, n})
	}
	sort.Slice(all, func(i, j int) bool { return all[i].n > all[j].n || all[i].n == all[j].n && all[i].k < all[j].k })
	if len(all) == 0 || len(all) > 1 && all[0].n == all[1].n {
		return ""
	}
	return all[0].k
}

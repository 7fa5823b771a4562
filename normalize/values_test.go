package normalize

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// fixtureValue is one line of values.jsonl: a real indicator value with the
// reading a reviewer gave it, in that file's own vocabulary of kinds.
type fixtureValue struct {
	Text  string          `json:"text"`
	Op    *string         `json:"op"`
	Value json.RawMessage `json:"value"`
	Unit  *string         `json:"unit"`
	Ref   *string         `json:"ref"`
	Kind  string          `json:"kind"`
	Basis string          `json:"basis"`
	Note  string          `json:"note"`
}

// valueDeviations are the fixture values read differently from the
// fixture, each on purpose.
var valueDeviations = map[string]string{
	"≤620万/月": "unit kept as written, 万/月; the fixture completes it to 万元/月 (flag unit_truncated) — completing it is a finding for rules, not a silent edit",
}

// TestValuesFixture reads the 63 real values of values.jsonl and requires
// all of them but the listed deviations to read as the fixture says. The fixture's kinds map to
// report/v1 kinds: quantitative, duration, frequency → numeric; budget_cap
// → reference (same op and ref) or, where it gives a number, numeric;
// deadline → deadline; period → period (its first and last day); qualitative,
// qualitative_trend, duration_qualitative → qualitative. Values written in
// three columns ("≥ | 1 | 年") are read with Split.
func TestValuesFixture(t *testing.T) {
	cases := readJSONL[fixtureValue](t, "values.jsonl")
	r := &rate{name: "values.jsonl"}
	for _, c := range cases {
		var got Target
		if parts := strings.Split(c.Text, " | "); len(parts) == 3 {
			got = Split(parts[0], parts[1], parts[2], Context{})
		} else {
			got = Value(c.Text, Context{})
		}
		why := fixtureMismatch(c, got)
		dev, known := valueDeviations[c.Text]
		switch {
		case why == "" && known:
			t.Errorf("%q: listed as a deviation (%s) but now reads as the fixture says; drop it from valueDeviations", c.Text, dev)
		case why != "" && known:
			t.Logf("%q: documented deviation: %s", c.Text, dev)
		}
		b, _ := got.MarshalJSON()
		r.add(why == "", fmt.Sprintf("%q (%s): %s; got %s", c.Text, c.Kind, why, b))
	}
	// Measured: 62/63, the one miss the deviation above.
	r.check(t, len(valueDeviations))
}

// fixtureMismatch says how got differs from the fixture's reading, or "".
func fixtureMismatch(c fixtureValue, got Target) string {
	str := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	var num *decimal.Decimal
	var text string
	if len(c.Value) > 0 && string(c.Value) != "null" {
		if err := json.Unmarshal(c.Value, &text); err != nil {
			d, err := decimal.NewFromString(string(c.Value))
			if err != nil {
				return "bad fixture value " + string(c.Value)
			}
			num = &d
		}
	}
	numeric := func() string {
		switch {
		case got.Kind != Numeric:
			return "kind " + string(got.Kind) + ", want numeric"
		case got.Op != str(c.Op):
			return "op " + got.Op + ", want " + str(c.Op)
		case num == nil || !got.Value.Equal(*num):
			return "value " + got.Value.String()
		case got.Unit != str(c.Unit):
			return fmt.Sprintf("unit %q, want %q", got.Unit, str(c.Unit))
		}
		return ""
	}
	why := ""
	switch c.Kind {
	case "quantitative", "duration", "frequency":
		why = numeric()
	case "budget_cap":
		if got.Kind == Reference {
			if got.Op != str(c.Op) || got.Ref != str(c.Ref) {
				why = fmt.Sprintf("reference %s %s, want %s %s", got.Op, got.Ref, str(c.Op), str(c.Ref))
			}
		} else if num != nil {
			why = numeric()
		} else {
			why = "kind " + string(got.Kind) + ", want reference"
		}
	case "period":
		// 2023-07/2024-01: from the first day of the one month to the
		// last day of the other.
		from, to, _ := strings.Cut(text, "/")
		end, _ := parseYearMonth(to)
		if got.Kind != Period || got.From != from+"-01" || got.To != end {
			why = fmt.Sprintf("%s %q–%q, want period %q", got.Kind, got.From, got.To, text)
		}
	case "deadline":
		if got.Kind != Deadline || got.Date != text {
			why = fmt.Sprintf("%s %q, want deadline %q", got.Kind, got.Date, text)
		}
	case "qualitative", "qualitative_trend", "duration_qualitative":
		if got.Kind != Qualitative {
			why = "kind " + string(got.Kind) + ", want qualitative"
		}
	default:
		why = "unknown fixture kind " + c.Kind
	}
	if why == "" && got.Basis != c.Basis {
		why = fmt.Sprintf("basis %q, want %q", got.Basis, c.Basis)
	}
	return why
}

// parseYearMonth gives the last day of a YYYY-MM month.
func parseYearMonth(s string) (string, bool) {
	var y, m int
	if _, err := fmt.Sscanf(s, "%d-%d", &y, &m); err != nil {
		return "", false
	}
	return period{year: y, month: m}.iso(), true
}

package normalize

import (
	"github.com/shopspring/decimal"
)

// Kind is the kind of a Target, as named in report/v1.
type Kind string

const (
	Numeric     Kind = "numeric"
	Range       Kind = "range"
	Reference   Kind = "reference"
	Deadline    Kind = "deadline"
	Qualitative Kind = "qualitative"
	Unparsed    Kind = "unparsed"
	Period      Kind = "period"
)

// Target is the normalized reading of one indicator value. Which fields are
// meaningful depends on Kind (see ../shared/spec/report-v1.md); MarshalJSON
// writes exactly the fields of the kind.
type Target struct {
	Kind  Kind
	Op    string          // ">=", "<=", ">", "<", "="; numeric and reference
	Value decimal.Decimal // numeric: exact decimal as written (4.17 stays 4.17)
	Unit  string          // numeric and range: "%" for 百分比/％/%, else as written; "" when none

	Lower, Upper                   decimal.Decimal // range
	LowerInclusive, UpperInclusive bool            // range

	Ref   string // reference: "budget", "last_year", "plan", …
	Date  string // deadline: ISO date, the last day of the period
	From  string // period: ISO date of its first day (--MM-DD when the year is unknown)
	To    string // period: ISO date of its last day, likewise
	Level string // qualitative: 好/较好/一般/差/优/良/中 …
	Text  string // qualitative, deadline, period and unparsed: the text the reading rests on; numeric: the sentence a value was found in

	// Base is, on numeric and range, the amount in the unscaled unit when
	// Unit starts with a scale word (10 万人次 → 100000 人次); nil otherwise.
	Base *Base
	// Delta is, on reference, the change asked for (较上年提高10% → 10 %);
	// nil when none is written.
	Delta *Delta
	// Note is a bracketed remark after the value, kept out of the number:
	// 100%（合格率） → 合格率, ≥90%（含） → 含.
	Note string

	// Optional, any kind; written only when set.
	Tolerance decimal.Decimal // numeric: the deviation allowed either side of Value (±3% → Value 0, Tolerance 3); zero when none
	Basis     string          // the basis written inside the value: 90%(计划标准) → 计划标准
	Approx    bool            // the number is approximate as written: 约, 左右, 多, 余
}

// Base is a numeric or range target's amount in its unscaled unit, so that
// targets compare across reports: 10万人次 and 100000人次 have one base.
type Base struct {
	Value        decimal.Decimal // numeric
	Lower, Upper decimal.Decimal // range
	Unit         string          // the unit without its scale word: 人次, 元, "" for a bare 万
}

// Delta is the change a reference target asks for: 较上年提高10% → 10 %,
// 比上年增长5个百分点 → 5 个百分点, 同比下降不超过3% → 3 %, op <=.
type Delta struct {
	Value decimal.Decimal // the size of the change, as written (not signed: the target's op says which way)
	Unit  string          // %, 个百分点, or the unit as written
	Op    string          // a bound on the change itself (不超过 → "<=", 以上 → ">="); "" when the change is as written
}

// Context is what a value's reading may depend on beyond its own text.
type Context struct {
	Year int // the report's budget year, for 年底前 and 12月31日前; 0 when unknown
}

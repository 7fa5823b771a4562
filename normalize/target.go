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
	Level string // qualitative: 好/较好/一般/差/优/良/中 …
	Text  string // qualitative, deadline and unparsed: the text the reading rests on

	// Optional, any kind; written only when set.
	Tolerance decimal.Decimal // numeric: the deviation allowed either side of Value (±3% → Value 0, Tolerance 3); zero when none
	Basis     string          // the basis written inside the value: 90%(计划标准) → 计划标准
	Approx    bool            // the number is approximate as written: 约, 左右, 多, 余
}

// Context is what a value's reading may depend on beyond its own text.
type Context struct {
	Year int // the report's budget year, for 年底前 and 12月31日前; 0 when unknown
}

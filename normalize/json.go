package normalize

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/shopspring/decimal"
)

// MarshalJSON writes exactly the fields of t's kind, as report/v1 names
// them, numbers as JSON numbers written from the decimal (90, 4.17):
//
//	numeric      kind, op, value, unit ("" when none), base and text when set
//	range        kind, lower, upper, unit, lower_inclusive, upper_inclusive, base when set
//	reference    kind, op, ref, delta when set
//	deadline     kind, date ("" when the text gives none), text
//	period       kind, from, to, text
//	qualitative  kind, level if set, else text
//	unparsed     kind, text
//
// tolerance, approx, basis and note follow, only when set. base is
// {value, unit} on numeric and {lower, upper, unit} on range; delta is
// {value, unit} with op when the change itself is bounded.
func (t Target) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	field := func(name string, v any) {
		if b.Len() > 1 {
			b.WriteByte(',')
		}
		b.WriteString(`"` + name + `":`)
		switch v := v.(type) {
		case decimal.Decimal:
			b.WriteString(v.String())
		case rawJSON:
			b.WriteString(string(v))
		default:
			// Not HTML-escaped: an op reads ">=", not "\u003e=".
			enc := json.NewEncoder(&b)
			enc.SetEscapeHTML(false)
			enc.Encode(v)
			b.Truncate(b.Len() - 1) // Encode's newline
		}
	}
	kind := t.Kind
	if kind == "" {
		kind = Unparsed
	}
	field("kind", string(kind))
	switch kind {
	case Numeric:
		field("op", t.Op)
		field("value", t.Value)
		field("unit", t.Unit)
		if t.Base != nil {
			field("base", rawJSON(`{"value":`+t.Base.Value.String()+`,"unit":`+jsonString(t.Base.Unit)+`}`))
		}
		if t.Text != "" {
			field("text", t.Text)
		}
	case Range:
		field("lower", t.Lower)
		field("upper", t.Upper)
		field("unit", t.Unit)
		field("lower_inclusive", t.LowerInclusive)
		field("upper_inclusive", t.UpperInclusive)
		if t.Base != nil {
			field("base", rawJSON(`{"lower":`+t.Base.Lower.String()+`,"upper":`+t.Base.Upper.String()+`,"unit":`+jsonString(t.Base.Unit)+`}`))
		}
	case Reference:
		field("op", t.Op)
		field("ref", t.Ref)
		if d := t.Delta; d != nil {
			s := `{"value":` + d.Value.String() + `,"unit":` + jsonString(d.Unit)
			if d.Op != "" {
				s += `,"op":` + jsonString(d.Op)
			}
			field("delta", rawJSON(s+"}"))
		}
	case Period:
		field("from", t.From)
		field("to", t.To)
		field("text", t.Text)
	case Deadline:
		field("date", t.Date)
		field("text", t.Text)
	case Qualitative:
		if t.Level != "" {
			field("level", t.Level)
		} else {
			field("text", t.Text)
		}
	case Unparsed:
		field("text", t.Text)
	default:
		return nil, fmt.Errorf("normalize: marshal target: unknown kind %q", t.Kind)
	}
	if !t.Tolerance.IsZero() {
		field("tolerance", t.Tolerance)
	}
	if t.Approx {
		field("approx", true)
	}
	if t.Basis != "" {
		field("basis", t.Basis)
	}
	if t.Note != "" {
		field("note", t.Note)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// rawJSON is JSON written as it is.
type rawJSON string

// jsonString writes s as a JSON string, not HTML-escaped.
func jsonString(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(s)
	return string(bytes.TrimSuffix(b.Bytes(), []byte("\n")))
}

// amountJSON is the wire form of a base or a delta.
type amountJSON struct {
	Value *json.Number `json:"value"`
	Lower *json.Number `json:"lower"`
	Upper *json.Number `json:"upper"`
	Unit  string       `json:"unit"`
	Op    string       `json:"op"`
}

// targetJSON is the wire form of a Target; numbers stay exact as written.
type targetJSON struct {
	Kind           Kind         `json:"kind"`
	Op             string       `json:"op"`
	Value          *json.Number `json:"value"`
	Unit           string       `json:"unit"`
	Lower          *json.Number `json:"lower"`
	Upper          *json.Number `json:"upper"`
	LowerInclusive bool         `json:"lower_inclusive"`
	UpperInclusive bool         `json:"upper_inclusive"`
	Ref            string       `json:"ref"`
	Date           string       `json:"date"`
	Level          string       `json:"level"`
	Text           string       `json:"text"`
	Tolerance      *json.Number `json:"tolerance"`
	Approx         bool         `json:"approx"`
	Basis          string       `json:"basis"`
	Note           string       `json:"note"`
	From           string       `json:"from"`
	To             string       `json:"to"`
	Base           *amountJSON  `json:"base"`
	Delta          *amountJSON  `json:"delta"`
}

// UnmarshalJSON reads what MarshalJSON writes.
func (t *Target) UnmarshalJSON(data []byte) error {
	var w targetJSON
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&w); err != nil {
		return fmt.Errorf("normalize: unmarshal target: %w", err)
	}
	num := func(n *json.Number) (decimal.Decimal, error) {
		if n == nil {
			return decimal.Zero, nil
		}
		return decimal.NewFromString(n.String())
	}
	var err error
	*t = Target{Kind: w.Kind, Op: w.Op, Unit: w.Unit, LowerInclusive: w.LowerInclusive, UpperInclusive: w.UpperInclusive,
		Ref: w.Ref, Date: w.Date, Level: w.Level, Text: w.Text, Approx: w.Approx, Basis: w.Basis,
		Note: w.Note, From: w.From, To: w.To}
	nums := []struct {
		dst *decimal.Decimal
		src *json.Number
	}{{&t.Value, w.Value}, {&t.Lower, w.Lower}, {&t.Upper, w.Upper}, {&t.Tolerance, w.Tolerance}}
	if w.Base != nil {
		t.Base = &Base{Unit: w.Base.Unit}
		nums = append(nums, []struct {
			dst *decimal.Decimal
			src *json.Number
		}{{&t.Base.Value, w.Base.Value}, {&t.Base.Lower, w.Base.Lower}, {&t.Base.Upper, w.Base.Upper}}...)
	}
	if w.Delta != nil {
		t.Delta = &Delta{Unit: w.Delta.Unit, Op: w.Delta.Op}
		nums = append(nums, struct {
			dst *decimal.Decimal
			src *json.Number
		}{&t.Delta.Value, w.Delta.Value})
	}
	for _, f := range nums {
		if *f.dst, err = num(f.src); err != nil {
			return fmt.Errorf("normalize: unmarshal target: %w", err)
		}
	}
	return nil
}

// MarshalJSON writes f as report/v1 writes a mined target: name, text, target.
func (f Found) MarshalJSON() ([]byte, error) {
	t, err := f.Target.MarshalJSON()
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	b.WriteString(`{"name":`)
	enc.Encode(f.Name)
	b.Truncate(b.Len() - 1)
	b.WriteString(`,"text":`)
	enc.Encode(f.Text)
	b.Truncate(b.Len() - 1)
	b.WriteString(`,"target":`)
	b.Write(t)
	b.WriteByte('}')
	return b.Bytes(), nil
}

// UnmarshalJSON reads what MarshalJSON writes.
func (f *Found) UnmarshalJSON(data []byte) error {
	var w struct {
		Name   string `json:"name"`
		Text   string `json:"text"`
		Target Target `json:"target"`
	}
	if err := json.Unmarshal(data, &w); err != nil {
		return fmt.Errorf("normalize: unmarshal found target: %w", err)
	}
	*f = Found{Name: w.Name, Text: w.Text, Target: w.Target}
	return nil
}

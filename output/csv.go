package output

import (
	"encoding/csv"
	"io"
	"strings"

	"github.com/jixiao/jixiao/corpus"
)

func writeCSV(w io.Writer, t *corpus.Table) error {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	rec := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		rec[i] = c.Title
	}
	cw.Write(rec)
	for _, row := range t.Rows {
		for i, v := range row {
			rec[i] = csvCell(v)
		}
		cw.Write(rec)
	}
	cw.Flush()
	return cw.Error()
}

// csvCell is a cell as CSV writes it: text that a spreadsheet would run
// as a formula gets a leading apostrophe (see formulaLike).
func csvCell(v any) string {
	s := cellText(v)
	if _, text := v.(string); text && formulaLike(s) {
		return "'" + s
	}
	return s
}

// formulaLike reports whether a spreadsheet would read the text s as a
// formula: it starts with = + - @, a tab or a carriage return (OWASP, CSV
// injection). A report's cells are typed by the departments that send
// them, so a cell such as =HYPERLINK(…) or -2+3+cmd|' /C calc'!A0 must
// reach the reviewer's spreadsheet as text.
//
// Exempt are a plain signed decimal (-5, +3.5%, -0.25) and a lone "-",
// the forms' usual "nothing to report": neither holds an operator between
// operands, a function or a reference, so a spreadsheet can only read it
// as the number (or dash) it shows; prefixing it would change what the
// finance staff read in every deviation column. int64 and float64 cells
// are numbers, never text, and are written as numbers.
func formulaLike(s string) bool {
	if s == "" || !strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return false
	}
	return s != "-" && !plainNumber(s)
}

// plainNumber reports whether s is an optional sign, digits with at most
// one decimal point, and an optional final %.
func plainNumber(s string) bool {
	if s[0] == '+' || s[0] == '-' {
		s = s[1:]
	}
	s = strings.TrimSuffix(s, "%")
	digits, points := 0, 0
	for _, c := range []byte(s) {
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == '.':
			points++
		default:
			return false
		}
	}
	return digits > 0 && points <= 1
}

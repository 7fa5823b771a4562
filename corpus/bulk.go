package corpus

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// bulk gathers rows for one table, to be inserted by one statement that
// reads them from a JSON array instead of one statement a row: a report
// has a hundred search entries and findings, and each statement through
// database/sql costs more than SQLite's insert. jsonb_each hands each row
// over as JSONB, which ->> reads without parsing it again for each column.
// Values are nil, int, int64 or string; the rows keep their order, and so
// their rowids.
type bulk struct {
	table string
	cols  []string
	buf   []byte // the JSON array so far, without its closing bracket
	n     int
}

func newBulk(table string, cols ...string) *bulk {
	return &bulk{table: table, cols: cols}
}

// add appends a row; false when a string is not valid UTF-8, which JSON
// cannot carry byte for byte (insert that row alone).
func (r *bulk) add(vals ...any) bool {
	for _, v := range vals {
		if s, ok := v.(string); ok && !utf8.ValidString(s) {
			return false
		}
	}
	if r.n == 0 {
		r.buf = append(r.buf[:0], '[')
	} else {
		r.buf = append(r.buf, ',')
	}
	r.buf = append(r.buf, '[')
	for i, v := range vals {
		if i > 0 {
			r.buf = append(r.buf, ',')
		}
		switch v := v.(type) {
		case nil:
			r.buf = append(r.buf, "null"...)
		case int:
			r.buf = strconv.AppendInt(r.buf, int64(v), 10)
		case int64:
			r.buf = strconv.AppendInt(r.buf, v, 10)
		case string:
			r.buf = appendJSONString(r.buf, v)
		default:
			panic("corpus: bulk: unsupported value type") // a programming error
		}
	}
	r.buf = append(r.buf, ']')
	r.n++
	return true
}

// insertSQL is the statement that inserts the gathered rows, bound to the
// JSON array.
func (r *bulk) insertSQL() string {
	sel := make([]string, len(r.cols))
	for i := range r.cols {
		sel[i] = "value->>" + strconv.Itoa(i)
	}
	return "INSERT INTO " + r.table + " (" + strings.Join(r.cols, ", ") + ") SELECT " +
		strings.Join(sel, ", ") + " FROM jsonb_each(?) ORDER BY key"
}

// oneSQL inserts one row from its values.
func (r *bulk) oneSQL() string {
	return "INSERT INTO " + r.table + " (" + strings.Join(r.cols, ", ") + ") VALUES (?" +
		strings.Repeat(", ?", len(r.cols)-1) + ")"
}

// queue adds a row to r, inserting it alone (after the rows gathered so
// far, keeping the order) when JSON cannot carry it.
func (w *writer) queue(r *bulk, vals ...any) {
	if r.add(vals...) {
		return
	}
	w.flush(r)
	w.exec(r.oneSQL(), vals...)
}

// flush inserts the rows gathered in r.
func (w *writer) flush(r *bulk) {
	if r.n == 0 {
		return
	}
	r.buf = append(r.buf, ']')
	w.exec(r.insertSQL(), string(r.buf))
	r.buf, r.n = r.buf[:0], 0
}

// appendJSONString appends s as a JSON string; s is valid UTF-8.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' {
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, '\\', 'n')
		case '\r':
			b = append(b, '\\', 'r')
		case '\t':
			b = append(b, '\\', 't')
		default:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		}
		start = i + 1
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

package output

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/jixiao/jixiao/corpus"
)

// writeJSON writes an array of objects keyed by Column.Key, keeping the
// column order (a map would sort the keys).
func writeJSON(w io.Writer, t *corpus.Table) error {
	var b bytes.Buffer
	enc := func(v any) {
		var e bytes.Buffer
		je := json.NewEncoder(&e)
		je.SetEscapeHTML(false)
		je.Encode(v)
		b.Write(bytes.TrimRight(e.Bytes(), "\n"))
	}
	b.WriteString("[")
	for r, row := range t.Rows {
		if r > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n  {")
		for i, v := range row {
			if i > 0 {
				b.WriteString(", ")
			}
			enc(t.Columns[i].Key)
			b.WriteString(": ")
			enc(v)
		}
		b.WriteString("}")
		if b.Len() > 64<<10 {
			if _, err := w.Write(b.Bytes()); err != nil {
				return err
			}
			b.Reset()
		}
	}
	if len(t.Rows) > 0 {
		b.WriteString("\n")
	}
	b.WriteString("]\n")
	_, err := w.Write(b.Bytes())
	return err
}

// writeJSONValue writes v as a JSON value, or as its text when JSON has
// no form for it.
func writeJSONValue(w *bytes.Buffer, v any) {
	var e bytes.Buffer
	je := json.NewEncoder(&e)
	je.SetEscapeHTML(false)
	if err := je.Encode(v); err != nil {
		e.Reset()
		je.Encode(cellText(v))
	}
	w.Write(bytes.TrimRight(e.Bytes(), "\n"))
}

// WriteJSON writes v as indented JSON, the form of the commands' --format
// json (report/v1 for check): HTML characters stay as written, so ≥, <
// and & read as the forms have them.
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

package output

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/jixiao/jixiao/corpus"
)

// writeJSON writes an array of objects keyed by Column.Key, keeping the
// column order (a map would sort the keys): the rows of a ResultWriter.
func writeJSON(w io.Writer, t *corpus.Table) error {
	r := &ResultWriter{w: w, format: "json"}
	if err := r.Columns(t.Columns); err != nil {
		return err
	}
	for _, row := range t.Rows {
		if err := r.Row(row); err != nil {
			return err
		}
	}
	return r.Close()
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

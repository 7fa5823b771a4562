package output

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/jixiao/jixiao/normalize"
)

// TargetWriter writes the lines of `jixiao normalize`, one per value:
// the text, a tab and its target as JSON, or with JSON set one object
// {"text", "target"} per line.
type TargetWriter struct {
	w    io.Writer
	enc  *json.Encoder
	json bool
}

// NewTargetWriter returns a TargetWriter to w; asJSON picks the form.
func NewTargetWriter(w io.Writer, asJSON bool) *TargetWriter {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // ≥ and < stay as written
	return &TargetWriter{w: w, enc: enc, json: asJSON}
}

// Write writes the line of one value and its target.
func (tw *TargetWriter) Write(text string, t normalize.Target) error {
	if tw.json {
		return tw.enc.Encode(struct {
			Text   string           `json:"text"`
			Target normalize.Target `json:"target"`
		}{text, t})
	}
	if _, err := fmt.Fprintf(tw.w, "%s\t", text); err != nil {
		return err
	}
	return tw.enc.Encode(t)
}

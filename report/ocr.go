package report

import "github.com/jixiao/jixiao/extract"

// UncertainBelow is the confidence under which a cell read by OCR is
// listed in Report.Uncertain for a reviewer to check against the paper.
// Measured on the bench scans (extract's TestOCRAccuracy): of the fields
// at or above it, the share read exactly is printed there.
const UncertainBelow = 0.9

// Uncertain is a cell, or a paragraph, read by OCR with a low confidence.
type Uncertain struct {
	Text     string   `json:"text"`
	Location Location `json:"location"`
}

// uncertainCells lists the table cells and paragraphs of doc read by OCR
// under UncertainBelow, in reading order.
func uncertainCells(doc *extract.Document) []Uncertain {
	if !doc.OCR {
		return nil
	}
	var out []Uncertain
	add := func(text string, p extract.Pos) {
		if text != "" && p.Confidence > 0 && p.Confidence < UncertainBelow {
			out = append(out, Uncertain{Text: text, Location: locationOf(p)})
		}
	}
	var walk func(bs []extract.Block, inCell bool)
	walk = func(bs []extract.Block, inCell bool) {
		for _, b := range bs {
			if b.Para != nil && !inCell {
				add(b.Para.Text, b.Para.Pos)
			}
			if b.Table != nil {
				for _, c := range b.Table.Cells {
					add(c.Text, c.Pos)
					walk(c.Blocks, true)
				}
			}
		}
	}
	walk(doc.Blocks, false)
	return out
}

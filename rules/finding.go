package rules

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/jixiao/jixiao/report"
)

// Severity of a finding.
type Severity string

const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Info    Severity = "info"
)

// Name is the severity as reviewers read it: 错误, 警告, 提示.
func (s Severity) Name() string {
	switch s {
	case Error:
		return "错误"
	case Warning:
		return "警告"
	case Info:
		return "提示"
	}
	return string(s)
}

// ParseSeverity reads a severity written in English or Chinese (error,
// 错误, e …).
func ParseSeverity(s string) (Severity, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "error", "e", "错误":
		return Error, true
	case "warning", "warn", "w", "警告":
		return Warning, true
	case "info", "i", "提示":
		return Info, true
	}
	return "", false
}

// Finding is one thing a reviewer should send back, from a rule.
type Finding struct {
	Rule     string          `json:"rule"`
	Severity Severity        `json:"severity"`
	Message  string          `json:"message"` // Chinese, quoting the cell and saying what is expected
	Location report.Location `json:"location"`
}

// Checked is a report with the findings of the rules on it: together
// they are a report/v1 document (see MarshalJSON).
type Checked struct {
	Report   *report.Report
	Findings []Finding // in reading order, then the cross-document ones
}

// MarshalJSON writes c as report/v1: the report's fields with findings
// among them, where report/v1 places it, before uncertain; [] when there
// are none. HTML characters (≥, <) stay as written, as the encoder that
// calls it decides.
func (c *Checked) MarshalJSON() ([]byte, error) {
	fs := c.Findings
	if fs == nil {
		fs = []Finding{}
	}
	// The outer uncertain hides the report's own, so it follows findings.
	v := struct {
		*report.Report
		Findings  []Finding          `json:"findings"`
		Uncertain []report.Uncertain `json:"uncertain,omitempty"`
	}{c.Report, fs, c.Report.Uncertain}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// FindingProjects tells, for each finding, the index in Report.Projects of
// the project it concerns, -1 for the report as a whole: by the project's
// code in its location, or where the project has none (forms of other
// provinces print no 项目编码) by the table it was read from.
func (c *Checked) FindingProjects() []int {
	byCode := map[string]int{}
	byTable := map[int]int{}
	for i, p := range c.Report.Projects {
		if p.Code != "" {
			byCode[p.Code] = i
			continue
		}
		for _, at := range p.At {
			if at.Table > 0 {
				byTable[at.Table] = i
			}
		}
		for _, ind := range p.Indicators {
			byTable[ind.Location.Table] = i
		}
	}
	owners := make([]int, len(c.Findings))
	for k, f := range c.Findings {
		owners[k] = -1
		if i, ok := byCode[f.Location.Project]; ok && f.Location.Project != "" {
			owners[k] = i
		} else if i, ok := byTable[f.Location.Table]; ok && f.Location.Project == "" && f.Location.Table > 0 {
			owners[k] = i
		}
	}
	return owners
}

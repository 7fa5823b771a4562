// Package rules checks a Report the way a reviewer would and returns the
// findings: each rule a value with a stable ID, a title, a severity and
// Chinese documentation.
package rules

import "github.com/jixiao/jixiao/report"

// Config tunes the rules; the zero value is not useful, start from Default.
type Config struct {
	Disabled   map[string]bool            // rule IDs turned off
	Severities map[string]report.Severity // rule ID → severity overriding the rule's own
	RegionCode string                     // the county's 6-digit region code; "" = majority of the project codes
	Year       int                        // budget year; 0 = the report's own
	Bases      []string                   // the accepted 指标值确定依据 vocabulary
}

// Default returns the configuration used when there is no config file.
func Default() Config {
	return Config{Bases: []string{"计划标准", "行业标准", "历史标准", "其他标准"}}
}

// Check runs every enabled single-report rule on rep and appends the
// findings to rep.Findings.
func Check(rep *report.Report, cfg Config) {}

// CheckBatch runs the rules across reports (duplicate submissions, one
// project code under two names, the county's region code by majority) and
// appends their findings to the reports concerned.
func CheckBatch(reps []*report.Report, cfg Config) {}

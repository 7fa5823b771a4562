package report

import (
	"fmt"
	"strings"
)

// Place is where a finding points, as every text output writes it: the
// file, then 第2页 表1 第6行 第2列, leaving out what is not known. corpus
// writes the same form in SQL (its locationSQL) for the listings it
// builds in the database.
func Place(file string, l Location) string {
	parts := []string{}
	if file != "" {
		parts = append(parts, file)
	}
	if s := l.Chinese(); s != "" {
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

// Chinese is the position alone: 第2页 表1 第6行 第2列.
func (l Location) Chinese() string {
	var parts []string
	if l.Page > 0 {
		parts = append(parts, fmt.Sprintf("第%d页", l.Page))
	}
	if l.Table > 0 {
		parts = append(parts, fmt.Sprintf("表%d", l.Table))
	}
	if l.Row > 0 {
		parts = append(parts, fmt.Sprintf("第%d行", l.Row))
	}
	if l.Col > 0 {
		parts = append(parts, fmt.Sprintf("第%d列", l.Col))
	}
	return strings.Join(parts, " ")
}

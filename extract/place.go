package extract

import (
	"strconv"
	"strings"
)

// Chinese is p as reviewers read it: 第2页 表1 第6行 第2列, or 第3段 for a
// body paragraph, leaving out what is not known; "" when nothing is. It is
// the one rendering of a position for people: Place adds the file, and
// corpus writes the same in SQL (its positionSQL, held to this by a test)
// for the listings it builds in the database.
func (p Pos) Chinese() string {
	var parts []string
	add := func(before string, n int, after string) {
		if n > 0 {
			parts = append(parts, before+strconv.Itoa(n)+after)
		}
	}
	add("第", p.Page, "页")
	add("表", p.Table, "")
	add("第", p.Row, "行")
	add("第", p.Col, "列")
	if p.Table == 0 {
		add("第", p.Para, "段")
	}
	return strings.Join(parts, " ")
}

// Place is where p points, as every text output writes it: the file, then
// Chinese: a.pdf 第2页 表1 第6行 第2列.
func (p Pos) Place() string {
	parts := []string{}
	if p.File != "" {
		parts = append(parts, p.File)
	}
	if s := p.Chinese(); s != "" {
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

package extract

import "testing"

func TestPlace(t *testing.T) {
	for _, tc := range []struct {
		pos  Pos
		want string
	}{
		{Pos{File: "a.pdf", Page: 2, Table: 1, Row: 6, Col: 2}, "a.pdf 第2页 表1 第6行 第2列"},
		{Pos{File: "a.docx", Table: 3, Row: 3}, "a.docx 表3 第3行"},
		{Pos{File: "a.docx"}, "a.docx"},
		{Pos{Row: 4, Col: 1}, "第4行 第1列"},
		{Pos{File: "a.docx", Para: 7}, "a.docx 第7段"},
		{Pos{Page: 2, Para: 7, Table: 1}, "第2页 表1"},
		{Pos{}, ""},
	} {
		if got := tc.pos.Place(); got != tc.want {
			t.Errorf("%+v.Place() = %q, want %q", tc.pos, got, tc.want)
		}
	}
}

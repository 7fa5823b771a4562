package report

import "testing"

func TestPlace(t *testing.T) {
	for _, tc := range []struct {
		file string
		loc  Location
		want string
	}{
		{"a.pdf", Location{Page: 2, Table: 1, Row: 6, Col: 2}, "a.pdf 第2页 表1 第6行 第2列"},
		{"a.docx", Location{Table: 3, Row: 3}, "a.docx 表3 第3行"},
		{"a.docx", Location{}, "a.docx"},
		{"", Location{Row: 4, Col: 1}, "第4行 第1列"},
	} {
		if got := Place(tc.file, tc.loc); got != tc.want {
			t.Errorf("Place(%q, %+v) = %q, want %q", tc.file, tc.loc, got, tc.want)
		}
	}
}

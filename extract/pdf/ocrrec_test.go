package pdf

import (
	"strings"
	"testing"
)

// TestTrimmed: spaces at the ends go, letters inside numbers become
// digits, a degree sign after Chinese becomes a full stop; letters in
// words stay.
func TestTrimmed(t *testing.T) {
	for in, want := range map[string]string{
		" ≥1l公里 ":   "≥11公里",
		"1O0%":      "100%",
		"3O天":       "30天",
		"50ml":      "50ml",
		"l0":        "10",
		"Iot":       "Iot",
		"以上°":       "以上。",
		"30°":       "30°",
		"PM2.5小于35": "PM2.5小于35",
	} {
		var l recLine
		for _, r := range in {
			l.chars = append(l.chars, string(r))
			l.at = append(l.at, 0)
			l.conf = append(l.conf, 1)
		}
		if got := strings.Join(l.trimmed().chars, ""); got != want {
			t.Errorf("%q: got %q, want %q", in, got, want)
		}
	}
}

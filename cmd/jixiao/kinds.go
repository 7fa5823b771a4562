package main

import (
	"strings"

	"github.com/jixiao/jixiao/normalize"
)

// parseKind reads a --kind value written in English (report/v1's names,
// numeric) or in Chinese as the screen shows it (数值, 参照 for
// 参照（如预算数）, 未解析 beside 无法解析).
func parseKind(s string) (string, bool) {
	s = strings.TrimSpace(s)
	for _, k := range kinds {
		name := normalize.KindNames[normalize.Kind(k)]
		short, _, _ := strings.Cut(name, "（")
		if strings.EqualFold(s, k) || s == name || s == short {
			return k, true
		}
	}
	if s == "未解析" {
		return string(normalize.Unparsed), true
	}
	return "", false
}

// kindChoices lists the kinds for a message: 数值（numeric）、区间（range）…
func kindChoices() string {
	var parts []string
	for _, k := range kinds {
		short, _, _ := strings.Cut(normalize.KindNames[normalize.Kind(k)], "（")
		parts = append(parts, short+"（"+k+"）")
	}
	return strings.Join(parts, "、")
}

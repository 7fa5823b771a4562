package normalize

// Value reads one indicator value cell as written into a Target.
func Value(text string, ctx Context) Target {
	return Target{Kind: Unparsed, Text: Fold(text)}
}

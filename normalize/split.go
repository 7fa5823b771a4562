package normalize

// Split reads the three cells of a split layout (指标性质 | 指标值 | 度量单位) as one value.
func Split(nature, value, unit string, ctx Context) Target {
	return Value(nature+value+unit, ctx)
}

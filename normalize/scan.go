package normalize

// Found is one target mined from prose.
type Found struct {
	Name   string `json:"name"` // the indicator name in front of the quantity: 服务对象满意度
	Text   string `json:"text"` // the value as written: 90%以上
	Target Target `json:"target"`
}

// Scan finds the targets inside prose such as 绩效指标 paragraphs.
func Scan(prose string, ctx Context) []Found {
	return nil
}

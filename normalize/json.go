package normalize

import "encoding/json"

// MarshalJSON writes exactly the fields of t's kind.
func (t Target) MarshalJSON() ([]byte, error) {
	return json.Marshal(map[string]any{"kind": t.Kind})
}

package report

import (
	"strings"
	"sync"

	"github.com/jixiao/jixiao/normalize"
)

// memo keeps what a pure function made of a short text for the life of
// the process: forms repeat their labels, and many of their values,
// across documents, and one process (a worker, a web server) reads many
// documents. It is safe for concurrent use and bounded: past max entries
// it starts afresh.
type memo[K comparable, V any] struct {
	mu  sync.Mutex
	m   map[K]V
	max int
	// keep copies a key to be kept, so that a cell cut from a long text
	// does not keep it alive.
	keep func(K) K
}

// get returns f(k), from memory when k was seen.
func (c *memo[K, V]) get(k K, f func(K) V) V {
	c.mu.Lock()
	v, ok := c.m[k]
	c.mu.Unlock()
	if ok {
		return v
	}
	// f reads the kept copy: what it returns may hold parts of its key
	// (a label, a target's text), and is kept too.
	k = c.keep(k)
	v = f(k)
	c.mu.Lock()
	if c.m == nil || len(c.m) >= c.max {
		c.m = make(map[K]V, c.max/4)
	}
	c.m[k] = v
	c.mu.Unlock()
	return v
}

// valueKey is the text of a value: the one cell of a value column, or the
// three of a split layout (指标性质 | 指标值 | 度量单位).
type valueKey struct {
	nature, value, unit string
	split               bool
	year                int
}

func keepValueKey(k valueKey) valueKey {
	k.nature, k.value, k.unit = strings.Clone(k.nature), strings.Clone(k.value), strings.Clone(k.unit)
	return k
}

// maxValue is more bytes than the cells of a value usually have; longer
// ones are read each time rather than kept.
const maxValue = 256

// knownTargets keeps the reading of every short value seen: the indicators of
// many forms share their values (≥95%, 100%, 12月底前).
var knownTargets = memo[valueKey, normalize.Target]{max: 1 << 14, keep: keepValueKey}

// valueTarget is normalize.Value of a value cell, or normalize.Split of the
// cells of a split layout, with the report's year.
func valueTarget(k valueKey) normalize.Target {
	if len(k.nature)+len(k.value)+len(k.unit) > maxValue {
		return readTarget(k)
	}
	return own(knownTargets.get(k, readTarget))
}

func readTarget(k valueKey) normalize.Target {
	ctx := normalize.Context{Year: k.year}
	if k.split {
		return normalize.Split(k.nature, k.value, k.unit, ctx)
	}
	return normalize.Value(k.value, ctx)
}

// own gives a target from memory pointers of its own, so that no two
// reports share them.
func own(t normalize.Target) normalize.Target {
	if t.Base != nil {
		b := *t.Base
		t.Base = &b
	}
	if t.Delta != nil {
		d := *t.Delta
		t.Delta = &d
	}
	return t
}

// scanKey is a text of part one whose targets are mined (normalize.Scan).
type scanKey struct {
	text string
	year int
}

// maxScan bounds the texts whose targets are kept: an overall goal or a
// sub-goal's indicators; longer prose is read each time.
const maxScan = 512

// knownScans keeps the targets mined from the short texts of part one:
// departments word their sub-goals' indicators alike.
var knownScans = memo[scanKey, []normalize.Found]{max: 1 << 12, keep: func(k scanKey) scanKey {
	k.text = strings.Clone(k.text)
	return k
}}

// scanTargets is normalize.Scan of text with the report's year.
func scanTargets(text string, year int) []normalize.Found {
	ctx := normalize.Context{Year: year}
	if len(text) > maxScan {
		return normalize.Scan(text, ctx)
	}
	found := knownScans.get(scanKey{text, year}, func(k scanKey) []normalize.Found {
		return normalize.Scan(k.text, ctx)
	})
	if found == nil {
		return nil
	}
	out := make([]normalize.Found, len(found))
	for i, f := range found {
		f.Target = own(f.Target)
		out[i] = f
	}
	return out
}

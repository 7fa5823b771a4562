package report

import (
	"strings"
	"sync"
)

// memo keeps what a pure function made of a short text for the life of
// the process: forms repeat their labels, and many of their values,
// across documents, and one process (a worker, a web server) reads many
// documents. It is safe for concurrent use and bounded: past max entries
// it starts afresh.
type memo[V any] struct {
	mu  sync.Mutex
	m   map[string]V
	max int
}

// get returns f(s), from memory when s was seen.
func (c *memo[V]) get(s string, f func(string) V) V {
	c.mu.Lock()
	v, ok := c.m[s]
	c.mu.Unlock()
	if ok {
		return v
	}
	v = f(s)
	c.mu.Lock()
	if c.m == nil || len(c.m) >= c.max {
		c.m = make(map[string]V, c.max/4)
	}
	// A clone, so that a cell cut from a long text does not keep it alive.
	c.m[strings.Clone(s)] = v
	c.mu.Unlock()
	return v
}

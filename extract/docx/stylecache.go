package docx

import (
	"bytes"
	"crypto/sha256"
	"sync"
)

// The reports of a county are mostly written from one template, so most
// .docx files of an import carry the same word/styles.xml, often hundreds
// of kilobytes of it; finding its styles cost 3 % of an import. The index
// (indexStyles) is kept by the SHA-256 of the part, which cannot be made to
// collide as a zip CRC can. Entries are immutable once stored: readers in
// several goroutines share them.
const (
	styleCacheEntries = 16
	styleCacheMaxPart = 4 << 20 // larger styles.xml parts are indexed and not kept
)

type styleIndex struct {
	elems map[string][]byte // indexStyles; nil when the part is not w:-prefixed
}

var styleCache = struct {
	sync.Mutex
	m     map[[sha256.Size]byte]*styleIndex
	order [][sha256.Size]byte // keys, oldest first
}{m: map[[sha256.Size]byte]*styleIndex{}}

// cachedStyleIndex returns the index of data, from the cache when the same
// bytes were indexed before.
func cachedStyleIndex(data []byte) *styleIndex {
	if len(data) > styleCacheMaxPart {
		return &styleIndex{elems: indexStyles(data)}
	}
	key := sha256.Sum256(data)
	styleCache.Lock()
	ix := styleCache.m[key]
	styleCache.Unlock()
	if ix != nil {
		return ix
	}
	// The index keeps slices of the part, which is read into a buffer
	// that the next part overwrites: it indexes a copy.
	ix = &styleIndex{elems: indexStyles(bytes.Clone(data))}
	styleCache.Lock()
	defer styleCache.Unlock()
	if _, ok := styleCache.m[key]; !ok {
		if len(styleCache.order) == styleCacheEntries {
			delete(styleCache.m, styleCache.order[0])
			styleCache.order = styleCache.order[1:]
		}
		styleCache.m[key] = ix
		styleCache.order = append(styleCache.order, key)
	}
	return ix
}

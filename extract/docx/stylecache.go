package docx

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/xml"
	"io"
	"sync"
)

// The reports of a county are mostly written from one template, so most
// .docx files of an import carry the same word/styles.xml, often hundreds
// of kilobytes of it; finding its styles cost 3 % of an import. The index
// (indexStyles) is kept by the SHA-256 of the part, which cannot be made to
// collide as a zip CRC can. Entries are immutable once stored, but for the
// styles they decode, added under their lock: readers in several
// goroutines share them.
//
// Inflating and hashing the part cost more than all the rest of reading a
// report (350 KB of styles against 70 KB of body, in the bench corpus), so
// the index is also kept by the SHA-256 of the part as stored in the zip
// (rawStyleKey): its compressed bytes, a tenth of the size, with what
// decides how they read. Two parts stored alike read alike, so a hit needs
// neither; a part stored otherwise (another compression) misses and is
// read and found by its content.
const (
	styleCacheEntries = 16
	styleCacheMaxPart = 4 << 20 // larger styles.xml parts are indexed and not kept
)

type styleIndex struct {
	elems map[string][]byte // indexStyles; nil when the part is not w:-prefixed

	mu      sync.Mutex
	decoded map[string]*xmlStyle // the elements decoded so far; nil for one that does not decode
}

// style returns the style of id decoded, nil when the part has none that
// decodes. Each is decoded once per index.
func (ix *styleIndex) style(id string) *xmlStyle {
	ix.mu.Lock()
	st, done := ix.decoded[id]
	ix.mu.Unlock()
	if done {
		return st
	}
	raw := ix.elems[id]
	if raw == nil {
		return nil
	}
	var s xmlStyle
	if xml.Unmarshal(raw, &s) == nil {
		st = &s
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.decoded == nil {
		ix.decoded = map[string]*xmlStyle{}
	}
	ix.decoded[id] = st
	return st
}

type styleKey = [sha256.Size]byte

// indexCache holds the last styleCacheEntries indexes stored.
type indexCache struct {
	sync.Mutex
	m     map[styleKey]*styleIndex
	order []styleKey // keys, oldest first
}

var (
	styleCache    = indexCache{m: map[styleKey]*styleIndex{}} // by the part's content
	rawStyleCache = indexCache{m: map[styleKey]*styleIndex{}} // by the part as stored
)

func (c *indexCache) get(key styleKey) *styleIndex {
	c.Lock()
	defer c.Unlock()
	return c.m[key]
}

// put stores ix under key, unless an index is there already, and returns
// the one kept.
func (c *indexCache) put(key styleKey, ix *styleIndex) *styleIndex {
	c.Lock()
	defer c.Unlock()
	if old, ok := c.m[key]; ok {
		return old
	}
	if len(c.order) == styleCacheEntries {
		delete(c.m, c.order[0])
		c.order = c.order[1:]
	}
	c.m[key] = ix
	c.order = append(c.order, key)
	return ix
}

// cachedStyleIndex returns the index of data, from the cache when the same
// bytes were indexed before.
func cachedStyleIndex(data []byte) *styleIndex {
	if len(data) > styleCacheMaxPart {
		return &styleIndex{elems: indexStyles(data)}
	}
	key := sha256.Sum256(data)
	if ix := styleCache.get(key); ix != nil {
		return ix
	}
	// The index keeps slices of the part, which is read into a buffer
	// that the next part overwrites: it indexes a copy.
	return styleCache.put(key, &styleIndex{elems: indexStyles(bytes.Clone(data))})
}

// rawStyleKey is the key of f in rawStyleCache: the SHA-256 of its
// compressed bytes and of all that decides what reading them gives — the
// method, the CRC-32 and the size they are checked against. A part with a
// data descriptor, which reading checks too, or too large to be kept, has
// none (ok is false). buf is scratch space, returned for reuse.
func rawStyleKey(f *zip.File, buf []byte) (key styleKey, ok bool, _ []byte) {
	if f.Flags&0x8 != 0 || f.UncompressedSize64 > styleCacheMaxPart || f.CompressedSize64 > styleCacheMaxPart {
		return key, false, buf
	}
	r, err := f.OpenRaw()
	if err != nil {
		return key, false, buf
	}
	head := 2 + 4 + 8 + 8
	n := head + int(f.CompressedSize64)
	if cap(buf) < n {
		buf = make([]byte, n)
	}
	buf = buf[:n]
	binary.LittleEndian.PutUint16(buf, f.Method)
	binary.LittleEndian.PutUint32(buf[2:], f.CRC32)
	binary.LittleEndian.PutUint64(buf[6:], f.UncompressedSize64)
	binary.LittleEndian.PutUint64(buf[14:], f.CompressedSize64)
	if _, err := io.ReadFull(r, buf[head:]); err != nil {
		return key, false, buf
	}
	return sha256.Sum256(buf), true, buf
}

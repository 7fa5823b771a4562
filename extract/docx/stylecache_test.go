package docx

import (
	"fmt"
	"sync"
	"testing"
)

// TestDOCXStyleCache: documents with the same styles.xml share its index,
// documents with other styles.xml under the same style ids read their own,
// in several goroutines at once, and the cache stays bounded.
func TestDOCXStyleCache(t *testing.T) {
	// Document i's paragraph is a heading of level (i % 9) + 1; i also
	// changes a comment, so each styles part is other bytes.
	const n = 3 * styleCacheEntries
	docs := make([][]byte, n)
	for i := range docs {
		docs[i] = styledDOCX(t, fmt.Sprintf(`<?xml version="1.0"?><!-- %d --><w:styles %s><w:style w:type="paragraph" w:styleId="T"><w:name w:val="x"/><w:pPr><w:outlineLvl w:val="%d"/></w:pPr></w:style></w:styles>`, i, wNS, i%9))
	}
	var wg sync.WaitGroup
	errs := make(chan error, 4*n)
	for range 4 {
		wg.Go(func() {
			for i, data := range docs {
				d, err := readBytes(t, "s.docx", data)
				switch {
				case err != nil:
					errs <- err
				case d.Blocks[0].Para.Heading != i%9+1:
					errs <- fmt.Errorf("document %d: heading %d, want %d", i, d.Blocks[0].Para.Heading, i%9+1)
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	styleCache.Lock()
	size, keys := len(styleCache.m), len(styleCache.order)
	styleCache.Unlock()
	if size > styleCacheEntries || size != keys {
		t.Errorf("cache of %d entries (%d keys), at most %d", size, keys, styleCacheEntries)
	}
}

// styledDOCX is a document of one paragraph of style "T", with styles as
// its styles part.
func styledDOCX(t testing.TB, styles string) []byte {
	rels := `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="s" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`
	return makeDOCX(t, `<w:p><w:pPr><w:pStyle w:val="T"/></w:pPr></w:p>`, map[string]string{"word/_rels/document.xml.rels": rels, "word/styles.xml": styles})
}

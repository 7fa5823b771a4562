package corpus

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"unicode"

	"github.com/yanyiwu/gojieba"
)

// The dictionaries travel inside the binary: gojieba looks for its own next
// to its source file, which does not exist on a machine without the module
// cache. idf.utf8 is a one-line stub because keyword extraction is unused
// and cppjieba only insists the file parses.
//
//go:embed dict/jieba.dict.utf8 dict/hmm_model.utf8 dict/user.dict.utf8 dict/idf.utf8 dict/stop_words.utf8
var dictFS embed.FS

// dictFiles in the order gojieba.NewJieba takes them.
var dictFiles = []string{"jieba.dict.utf8", "hmm_model.utf8", "user.dict.utf8", "idf.utf8", "stop_words.utf8"}

// Segmenter cuts Chinese text into words for the full-text index. It is
// safe for concurrent use; loading costs about 0.6 s and 130 MB, so
// commands share one through LoadSegmenter.
type Segmenter struct {
	j *gojieba.Jieba

	mu    sync.Mutex
	cache map[string]string // Index results: reports repeat most of their texts
}

const segCacheSize = 50000 // entries; the cache is dropped when full

var (
	segOnce sync.Once
	seg     *Segmenter
	segErr  error
)

// LoadSegmenter returns the process-wide segmenter, loading it on first
// use with the dictionaries written under cacheDir ("" = the user's cache
// directory, or the temporary directory when there is none).
func LoadSegmenter(cacheDir string) (*Segmenter, error) {
	segOnce.Do(func() { seg, segErr = newSegmenter(cacheDir) })
	return seg, segErr
}

func newSegmenter(cacheDir string) (s *Segmenter, err error) {
	dir, err := writeDicts(cacheDir)
	if err != nil {
		return nil, err
	}
	paths := make([]string, len(dictFiles))
	for i, f := range dictFiles {
		paths[i] = filepath.Join(dir, f)
	}
	defer func() {
		if p := recover(); p != nil {
			s, err = nil, fmt.Errorf("corpus: load dictionaries from %s: %v", dir, p)
		}
	}()
	return &Segmenter{j: gojieba.NewJieba(paths...)}, nil
}

// writeDicts writes the embedded dictionaries once into a directory named
// by their hash, so a new binary with other dictionaries never reads stale
// ones and concurrent first runs do not see half-written files.
func writeDicts(cacheDir string) (string, error) {
	if cacheDir == "" {
		cacheDir = dictBase()
	}
	h := sha256.New()
	for _, f := range dictFiles {
		b, _ := dictFS.ReadFile("dict/" + f)
		fmt.Fprintf(h, "%s %d\n", f, len(b))
		h.Write(b)
	}
	dir := filepath.Join(cacheDir, "dict-"+hex.EncodeToString(h.Sum(nil))[:12])
	if _, err := os.Stat(filepath.Join(dir, dictFiles[len(dictFiles)-1])); err == nil {
		return dir, nil
	}
	if err := os.MkdirAll(cacheDir, 0o755); err != nil {
		return "", fmt.Errorf("corpus: dictionary cache: %w", err)
	}
	tmp, err := os.MkdirTemp(cacheDir, "dict-tmp-")
	if err != nil {
		return "", fmt.Errorf("corpus: dictionary cache: %w", err)
	}
	defer os.RemoveAll(tmp)
	for _, f := range dictFiles {
		b, _ := dictFS.ReadFile("dict/" + f)
		if err := os.WriteFile(filepath.Join(tmp, f), b, 0o644); err != nil {
			return "", fmt.Errorf("corpus: dictionary cache: %w", err)
		}
	}
	if err := os.Rename(tmp, dir); err != nil {
		// Another process won the race; its copy is as good as ours.
		if _, serr := os.Stat(filepath.Join(dir, dictFiles[len(dictFiles)-1])); serr != nil {
			return "", fmt.Errorf("corpus: dictionary cache: %w", err)
		}
	}
	return dir, nil
}

// Index returns text cut for the index: every word and, for long words,
// the dictionary words inside them (搜索引擎模式), joined by spaces so the
// unicode61 tokenizer of FTS5 sees one token per word.
func (s *Segmenter) Index(text string) string {
	if text == "" {
		return ""
	}
	s.mu.Lock()
	words, ok := s.cache[text]
	s.mu.Unlock()
	if ok {
		return words
	}
	words = joinWords(s.j.CutForSearch(text, true))
	s.mu.Lock()
	if len(s.cache) >= segCacheSize || s.cache == nil {
		s.cache = make(map[string]string)
	}
	s.cache[text] = words
	s.mu.Unlock()
	return words
}

// Query returns the words of a search query, cut the way the index was.
func (s *Segmenter) Query(q string) []string {
	var out []string
	for _, w := range s.j.Cut(q, true) {
		if isWord(w) {
			out = append(out, w)
		}
	}
	return out
}

func joinWords(words []string) string {
	var b strings.Builder
	for _, w := range words {
		if !isWord(w) {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}

// isWord reports whether w holds a letter or digit; punctuation and space
// tokens say nothing to the index.
func isWord(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

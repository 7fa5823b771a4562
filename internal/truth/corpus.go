package truth

import (
	"fmt"
	"os"
	"path/filepath"
)

// BenchCorpus returns the folder of the shared bench corpus (200 reports as
// .docx and .pdf with their truth files): $JIXIAO_BENCH, else
// ../shared/bench-corpus beside the repository, found from the working
// directory up. When it is absent the error says where it was looked for,
// for tests to skip with.
func BenchCorpus() (string, error) {
	dir := os.Getenv("JIXIAO_BENCH")
	if dir == "" {
		root, err := repoRoot()
		if err != nil {
			return "", err
		}
		dir = filepath.Join(root, "..", "shared", "bench-corpus")
	}
	if _, err := os.Stat(dir); err != nil {
		return "", fmt.Errorf("bench corpus not found (set JIXIAO_BENCH): %v", err)
	}
	return dir, nil
}

// repoRoot is the nearest folder up from the working directory that holds
// go.mod.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("bench corpus: no go.mod above the working directory")
		}
		dir = parent
	}
}

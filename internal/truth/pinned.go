package truth

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// Pinned holds readings to hashes kept in a file, one "hash  label" line a
// file read, so that a change meant to leave output alone (a faster
// reader) is shown to: Check compares the hash of each reading with the
// file's, or with update rewrites the file (keeping the hashes of files not
// at hand), and with dir set writes each reading there to diff against an
// older reader's.
type Pinned struct {
	File   string // the hashes
	Update bool
	Dir    string
}

// Check compares the hash of each text, by label, with p.File.
func (p Pinned) Check(t *testing.T, texts map[string]string) {
	t.Helper()
	want := map[string]string{}
	if data, err := os.ReadFile(p.File); err == nil {
		sc := bufio.NewScanner(bytes.NewReader(data))
		for sc.Scan() {
			if hash, label, ok := strings.Cut(sc.Text(), "  "); ok {
				want[label] = hash
			}
		}
	} else if !p.Update {
		t.Fatal(err)
	}
	got := map[string]string{}
	for label, text := range texts {
		sum := sha256.Sum256([]byte(text))
		got[label] = hex.EncodeToString(sum[:])
		if p.Dir != "" {
			name := filepath.Join(p.Dir, strings.ReplaceAll(label, "/", "_")+".txt")
			if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	if p.Update {
		for label, hash := range want {
			if _, ok := got[label]; !ok {
				got[label] = hash // a file not at hand keeps its hash
			}
		}
		labels := make([]string, 0, len(got))
		for label := range got {
			labels = append(labels, label)
		}
		sort.Strings(labels)
		var b strings.Builder
		for _, label := range labels {
			fmt.Fprintf(&b, "%s  %s\n", got[label], label)
		}
		if err := os.WriteFile(p.File, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	changed := 0
	for label, hash := range got {
		switch w, ok := want[label]; {
		case !ok:
			t.Errorf("%s: not in %s (run with -update)", label, p.File)
		case w != hash:
			changed++
			t.Errorf("%s: the reading changed (set the dump folder to write the readings, to diff with an older reader's)", label)
		}
	}
	t.Logf("%d readings compared, %d changed", len(got), changed)
}

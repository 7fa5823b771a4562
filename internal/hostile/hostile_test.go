package hostile

import "testing"

// TestSmall: every hostile file is small, as an attacker's upload is.
func TestSmall(t *testing.T) {
	files := Files()
	if len(files) < 10 {
		t.Fatalf("%d files", len(files))
	}
	for name, b := range files {
		t.Logf("%s: %d bytes", name, len(b))
		if len(b) > 200<<10 {
			t.Errorf("%s: %d bytes, more than 200 KB", name, len(b))
		}
	}
}

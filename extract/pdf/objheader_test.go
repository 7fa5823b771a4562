package pdf

import (
	"bytes"
	"errors"
	"testing"

	"github.com/jixiao/jixiao/extract"
)

func TestObjHeader(t *testing.T) {
	type h struct{ num, gen, n int }
	none := h{-1, -1, -1}
	for in, want := range map[string]h{
		"12 0 obj\n<<":                  {12, 0, 8},
		"007 3 obj<<":                   {7, 3, 9},
		"1  0\r\nobj[":                  {1, 0, 9},
		"6 05\n%%EOF\n obj\n<<":         {6, 5, 15},
		"5%c\n0%d\robj":                 {5, 0, 11},
		"\n% lead\n4 0 obj":             {4, 0, 15},
		"+8 -0 obj":                     {8, 0, 9},
		"4294967295 65535 obj":          {4294967295, 65535, 20},
		"3 0 obj":                       {3, 0, 7},
		"4294967296 0 obj":              none,
		"1 65536 obj":                   none,
		"-1 0 obj":                      none,
		"1.0 0 obj":                     none,
		"12 0 objx":                     none,
		"12 0obj":                       none,
		"12 obj":                        none,
		"x12 0 obj":                     none,
		"12 0 R":                        none,
		"12 0 % obj":                    none,
		"":                              none,
		"12 0 ":                         none,
		"99999999999999999999999 0 obj": none,
	} {
		num, gen, n, ok := objHeader([]byte(in))
		got := h{num, gen, n}
		if !ok {
			got = none
		}
		if got != want {
			t.Errorf("objHeader(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestHeaderBefore(t *testing.T) {
	for in, want := range map[string]int{
		"endobj\n12 0 obj":      7,
		"5 0 %7 0\n obj":        0,
		"x 6 05\n%%EOF\n obj":   2,
		"% 7 0\n1 2 obj":        6,
		"endobj":                -1,
		"1 0 %obj":              -1,
		"/Parent 1 0\n 5 0 obj": 13,
		"(a) 1 0 obj":           4,
		"a1 0 obj":              -1,
	} {
		k := bytes.LastIndex([]byte(in), []byte("obj"))
		if got := headerBefore([]byte(in), 0, k); got != want {
			t.Errorf("headerBefore(%q) = %d, want %d", in, got, want)
		}
	}
}

// TestCommentInHeader: a comment inside "N G obj", which the library
// skips, hides no loop from the guard.
func TestCommentInHeader(t *testing.T) {
	// The xref stream's header: object stream 5 lies inside itself.
	self := bytes.Replace(objStmFile(catalogInStream, "", "self", 0), []byte("6 0 obj\n"), []byte("6 0%\nobj\n"), 1)
	if err := checkXref(bytes.NewReader(self), int64(len(self))); !errors.Is(err, extract.ErrMalformed) {
		t.Errorf("object stream inside itself: checkXref gives %v, want ErrMalformed", err)
	}
	// The object stream's header: it extends itself.
	ext := bytes.Replace(objStmFile(catalogInStream, "/Extends 5 0 R", "", 0), []byte("5 0 obj\n"), []byte("5 0 % c\n obj\n"), 1)
	if err := checkObjectStreams(ext); !errors.Is(err, extract.ErrMalformed) {
		t.Errorf("object stream extending itself: checkObjectStreams gives %v, want ErrMalformed", err)
	}
	if err := checkObjectStreamsAt(bytes.NewReader(ext), int64(len(ext))); !errors.Is(err, extract.ErrMalformed) {
		t.Errorf("object stream extending itself: checkObjectStreamsAt gives %v, want ErrMalformed", err)
	}
	for name, data := range map[string][]byte{"self.pdf": self, "extends.pdf": ext} {
		if _, err := readWithin(t, name, data); !errors.Is(err, extract.ErrMalformed) {
			t.Errorf("%s: error %v, want ErrMalformed", name, err)
		}
	}
}

package pdf

import (
	"math"
	"math/rand"
	"strconv"
	"testing"
)

// TestParseNumber wants parseNumber to read every word isNumber takes as
// strconv.ParseFloat does, to the bit: short numbers take its fast path,
// long ones strconv's.
func TestParseNumber(t *testing.T) {
	words := []string{"0", "-0", "+0", "1", "-1", ".5", "-.5", "5.", "0.1", "0.3", "12.34", "-98.765",
		"123456789012345", "1234567.89012345", "0.000000000000001", "-0.000000000000001",
		"1234567890123456", "12345678901234567890", "0.1234567890123456789", "007", "1.2.3", "-.", "+",
		"9007199254740993", "595.276", "841.89", "-1.0000000000000002"}
	rng := rand.New(rand.NewSource(1))
	for range 20000 {
		n := 1 + rng.Intn(18)
		b := make([]byte, 0, n+2)
		if rng.Intn(4) == 0 {
			b = append(b, "+-"[rng.Intn(2)])
		}
		point := rng.Intn(n + 1)
		for i := range n {
			if i == point {
				b = append(b, '.')
			}
			b = append(b, byte('0'+rng.Intn(10)))
		}
		words = append(words, string(b))
	}
	words = append(words, "1e5", "Inf", "NaN", "1-", "+-1", "--1", ".", "", "1a", "0x1")
	for _, w := range words {
		got, ok := parseNumber([]byte(w))
		if !isNumber([]byte(w)) {
			if ok {
				t.Errorf("parseNumber(%q) = %v, true; it is no PDF number", w, got)
			}
			continue
		}
		want, err := strconv.ParseFloat(w, 64)
		if ok != (err == nil) || ok && math.Float64bits(got) != math.Float64bits(want) {
			t.Errorf("parseNumber(%q) = %v, %v; strconv: %v, %v", w, got, ok, want, err)
		}
	}
}

// parseNumber is scanNumber of a whole word: its value, and whether it is
// one number.
func parseNumber(word []byte) (float64, bool) {
	f, end, ok := scanNumber(word, 0)
	return f, ok && end == len(word)
}

// isNumber reports whether word is written as a PDF number: digits with a
// sign and a point at most, no exponent, no Inf or NaN.
func isNumber(word []byte) bool {
	digits := false
	for i := 0; i < len(word); i++ {
		switch c := word[i]; {
		case c >= '0' && c <= '9':
			digits = true
		case c == '.' || (c == '+' || c == '-') && i == 0:
		default:
			return false
		}
	}
	return digits
}

// TestScanNumberEnds wants the lexer to read numbers up to the white
// space or delimiter after them, and words that start like numbers as
// keywords.
func TestScanNumberEnds(t *testing.T) {
	l := &psLexer{b: []byte("12.5/F1 -3[4]+.5 1.2.3 5a (x) 7")}
	var got []psToken
	for tok := l.next(); tok.kind != psEOF; tok = l.next() {
		got = append(got, tok)
	}
	want := []psToken{{kind: psNum, num: 12.5}, {kind: psName, s: "F1"}, {kind: psNum, num: -3}, {kind: psArrayOpen},
		{kind: psNum, num: 4}, {kind: psArrayClose}, {kind: psNum, num: 0.5}, {kind: psKeyword, s: "1.2.3"},
		{kind: psKeyword, s: "5a"}, {kind: psString, s: "x"}, {kind: psNum, num: 7}}
	if len(got) != len(want) {
		t.Fatalf("tokens %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("token %d: %+v, want %+v", i, got[i], want[i])
		}
	}
}

// TestShortKeywords wants every keyword of up to 3 bytes in a slot of its
// own, so that operators are all found without hashing.
func TestShortKeywords(t *testing.T) {
	n := 0
	for k := range psKeywords {
		if len(k) <= 3 {
			n++
			if got := shortKeywords[shortKey(packWord([]byte(k)))]; got != k {
				t.Errorf("%q shares its slot with %q", k, got)
			}
		}
	}
	if n < 70 {
		t.Errorf("%d short keywords, want the content operators", n)
	}
	kw := func(w string) string { s, _ := keyword([]byte(w)); return s }
	if kw("Tj") != "Tj" || kw("Tx") != "Tx" || kw("endbfchar") != "endbfchar" {
		t.Error("keyword does not return the word")
	}
}

// TestHexString: digits in pairs, white space and other bytes between
// them skipped, an odd last digit followed by 0, the string ended by '>'
// or the data.
func TestHexString(t *testing.T) {
	for in, want := range map[string]string{
		"<4E2D>":       "\x4e\x2d",
		"<4e2d6F>":     "\x4e\x2d\x6f",
		"<4E 2D\n>":    "\x4e\x2d",
		"<4 E2D>":      "\x4e\x2d",
		"<4E2>":        "\x4e\x20",
		"<>":           "",
		"<4E2D":        "\x4e\x2d",
		"<4E2":         "\x4e\x20",
		"<zz41>":       "\x41",
		"<4G1>":        "\x41",
		"<0001FFff> x": "\x00\x01\xff\xff",
	} {
		l := &psLexer{b: []byte(in)}
		if got := l.next(); got.kind != psString || got.s != want {
			t.Errorf("%q: %v %q, want a string %q", in, got.kind, got.s, want)
		}
	}
}

// TestOpCodes wants each operator the interpreter acts on read as a
// keyword with its opCode, and other keywords with none.
func TestOpCodes(t *testing.T) {
	for name, op := range opCodes {
		l := &psLexer{b: []byte(name + " ")}
		if tok := l.next(); tok.kind != psKeyword || tok.s != name || tok.op != op || op == opNone {
			t.Errorf("%q: %+v, want a keyword of opCode %d", name, tok, op)
		}
	}
	for _, name := range []string{"BDC", "EMC", "d", "Tr", "true", "endbfchar", "Tx"} {
		if tok := (&psLexer{b: []byte(name)}).next(); tok.op != opNone {
			t.Errorf("%q: opCode %d, want none", name, tok.op)
		}
	}
}

package rules

import "unicode/utf8"

// runeStarts is a set of runes looked up by the first two bytes of their
// UTF-8 form, which tells without decoding that no rune of the set begins
// at most bytes of a text: for each first byte, a bit for each second
// byte (its low six bits). A set holding a one-byte rune matches that byte
// whatever follows. A rune outside the set may match too; a match only
// says where to look.
type runeStarts [256]uint64

func (rs *runeStarts) add(r rune) {
	var buf [utf8.UTFMax]byte
	if utf8.EncodeRune(buf[:], r) == 1 {
		rs[buf[0]] = ^uint64(0)
	} else {
		rs[buf[0]] |= 1 << (buf[1] & 63)
	}
}

// addRange adds the runes lo through hi, stride apart.
func (rs *runeStarts) addRange(lo, hi, stride rune) {
	for r := lo; r <= hi; r += stride {
		rs.add(r)
		if stride == 1 && r >= 0x800 {
			r |= 63 // the next 63 runes begin with the same two bytes
		}
	}
}

// at says whether a rune of the set may begin at byte i of s.
func (rs *runeStarts) at(s string, i int) bool {
	bits := rs[s[i]]
	return bits != 0 && (i+1 == len(s) || bits&(1<<(s[i+1]&63)) != 0)
}

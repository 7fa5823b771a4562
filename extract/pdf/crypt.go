package pdf

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/md5"
	"crypto/rc4"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/binary"
	"fmt"
	"hash"

	"github.com/jixiao/jixiao/extract"
)

// The standard security handler, opened with the empty user password, as
// viewers open a file that only restricts printing or copying. Our own
// code decrypts (rebuild.go writes the file anew in plain text) because
// ledongthuc/pdf has no AES-256 (revisions 5 and 6) and derives RC4 keys
// shorter than 128 bits wrongly. Algorithms from ISO 32000-2, 7.6.4.

// pdfCrypt decrypts the strings and streams of one file.
type pdfCrypt struct {
	key       []byte // the file key
	v         int    // /V: 1 to 4 derive a key per object, 5 uses the file key
	strAES    bool   // strings are AES-encrypted (else RC4)
	stmAES    bool
	strNone   bool // /StrF /Identity: strings are not encrypted
	stmNone   bool
	plainMeta bool // /EncryptMetadata false: the XMP stream is not encrypted
}

// passwordPad pads a password to 32 bytes (algorithm 2, step a).
var passwordPad = []byte("\x28\xbf\x4e\x5e\x4e\x75\x8a\x41\x64\x00\x4e\x56\xff\xfa\x01\x08\x2e\x2e\x00\xb6\xd0\x68\x3e\x80\x2f\x0c\xa9\xfe\x64\x53\x69\x7a")

// newPDFCrypt opens the encryption dictionary enc with the empty user
// password; id is the first string of the trailer's /ID. It fails with
// ErrEncrypted when a password is needed or the handler is unknown.
func newPDFCrypt(enc *pdfVal, id []byte) (*pdfCrypt, error) {
	if f := enc.key("Filter"); f == nil || f.s != "Standard" {
		return nil, fmt.Errorf("%w (security handler %v)", extract.ErrEncrypted, f.names())
	}
	v, r := enc.key("V").int(), enc.key("R").int()
	c := &pdfCrypt{v: v}
	if m := enc.key("EncryptMetadata"); m != nil && m.s == "false" {
		c.plainMeta = true
	}
	// Crypt filters (V 4 and 5) say per kind of object which cipher.
	if v >= 4 {
		cfm := func(name string) (aes, none bool) {
			if name == "" || name == "Identity" {
				return false, true
			}
			m := enc.key("CF").key(name).key("CFM")
			return m != nil && (m.s == "AESV2" || m.s == "AESV3"), m != nil && m.s == "None"
		}
		c.strAES, c.strNone = cfm(enc.key("StrF").str())
		c.stmAES, c.stmNone = cfm(enc.key("StmF").str())
	}
	o, u := []byte(enc.key("O").str()), []byte(enc.key("U").str())
	switch {
	case r >= 5 && v == 5:
		key, err := aes256Key(r, u, []byte(enc.key("UE").str()))
		if err != nil {
			return nil, err
		}
		c.key = key
	case r >= 2 && r <= 4 && v >= 1 && v <= 4:
		n := 5
		if r >= 3 {
			n = enc.key("Length").int() / 8
			if v == 4 {
				n = 16
			}
			if n < 5 || n > 16 {
				n = 5
			}
		}
		c.key = rc4Key(r, n, o, int32(enc.key("P").int()), id, c.plainMeta && r >= 4)
		if !checkUserRC4(r, c.key, u, id) {
			return nil, extract.ErrEncrypted
		}
	default:
		return nil, fmt.Errorf("%w (standard security handler V=%d R=%d is not supported)", extract.ErrEncrypted, v, r)
	}
	return c, nil
}

// s returns a string or name value's text, "" for anything else.
func (v *pdfVal) str() string {
	if v == nil || (v.kind != pdfStr && v.kind != pdfName) {
		return ""
	}
	return v.s
}

// rc4Key computes the file key from the empty password (algorithm 2).
func rc4Key(r, n int, o []byte, p int32, id []byte, plainMeta bool) []byte {
	h := md5.New()
	h.Write(passwordPad)
	h.Write(pad32(o))
	binary.Write(h, binary.LittleEndian, p)
	h.Write(id)
	if plainMeta {
		h.Write([]byte{0xff, 0xff, 0xff, 0xff})
	}
	key := h.Sum(nil)
	if r >= 3 {
		for range 50 {
			s := md5.Sum(key[:n])
			key = s[:]
		}
	}
	return key[:n]
}

func pad32(b []byte) []byte {
	out := make([]byte, 32)
	copy(out, b)
	return out
}

// checkUserRC4 tells whether key opens the file: the /U it gives is the
// file's (algorithms 4 and 5).
func checkUserRC4(r int, key, u, id []byte) bool {
	if r == 2 {
		out := make([]byte, 32)
		rc4XOR(key, out, passwordPad)
		return bytes.Equal(out, pad32(u))
	}
	h := md5.New()
	h.Write(passwordPad)
	h.Write(id)
	x := h.Sum(nil)
	for i := 0; i < 20; i++ {
		k := make([]byte, len(key))
		for j := range key {
			k[j] = key[j] ^ byte(i)
		}
		rc4XOR(k, x, x)
	}
	return len(u) >= 16 && bytes.Equal(x, u[:16])
}

func rc4XOR(key, dst, src []byte) {
	c, err := rc4.NewCipher(key)
	if err != nil {
		return
	}
	c.XORKeyStream(dst, src)
}

// aes256Key checks the empty user password against /U and returns the
// file key decrypted from /UE (algorithm 2.A).
func aes256Key(r int, u, ue []byte) ([]byte, error) {
	if len(u) < 48 || len(ue) < 32 {
		return nil, fmt.Errorf("%w (the /U or /UE entry is short)", extract.ErrEncrypted)
	}
	if !bytes.Equal(hash2B(r, nil, u[32:40]), u[:32]) {
		return nil, extract.ErrEncrypted
	}
	block, err := aes.NewCipher(hash2B(r, nil, u[40:48]))
	if err != nil {
		return nil, err
	}
	key := make([]byte, 32)
	cipher.NewCBCDecrypter(block, make([]byte, 16)).CryptBlocks(key, ue[:32])
	return key, nil
}

// hash2B is the password hash of revision 6 (algorithm 2.B) for a user
// password and salt; revision 5 uses its first step alone.
func hash2B(r int, password, salt []byte) []byte {
	h := sha256.New()
	h.Write(password)
	h.Write(salt)
	k := h.Sum(nil)
	if r == 5 {
		return k
	}
	for round := 0; ; round++ {
		k1 := bytes.Repeat(append(append([]byte{}, password...), k...), 64)
		block, _ := aes.NewCipher(k[:16])
		e := make([]byte, len(k1))
		cipher.NewCBCEncrypter(block, k[16:32]).CryptBlocks(e, k1)
		sum := 0
		for _, b := range e[:16] {
			sum += int(b)
		}
		var next hash.Hash
		switch sum % 3 {
		case 0:
			next = sha256.New()
		case 1:
			next = sha512.New384()
		default:
			next = sha512.New()
		}
		next.Write(e)
		k = next.Sum(nil)
		if round >= 63 && int(e[len(e)-1]) <= round+1-32 {
			break
		}
	}
	return k[:32]
}

// objectKey is the key of object num gen (algorithm 1); AES-256 uses the
// file key itself.
func (c *pdfCrypt) objectKey(num, gen int, useAES bool) []byte {
	if c.v >= 5 {
		return c.key
	}
	h := md5.New()
	h.Write(c.key)
	h.Write([]byte{byte(num), byte(num >> 8), byte(num >> 16), byte(gen), byte(gen >> 8)})
	if useAES {
		h.Write([]byte("sAlT"))
	}
	return h.Sum(nil)[:min(len(c.key)+5, 16)]
}

// decrypt decrypts the string (stream false) or stream data of object
// num gen.
func (c *pdfCrypt) decrypt(num, gen int, data []byte, stream bool) []byte {
	useAES, none := c.strAES, c.strNone
	if stream {
		useAES, none = c.stmAES, c.stmNone
	}
	if c.v < 4 {
		useAES, none = false, false
	}
	if none {
		return data
	}
	key := c.objectKey(num, gen, useAES)
	if !useAES {
		out := make([]byte, len(data))
		rc4XOR(key, out, data)
		return out
	}
	if len(data) < 32 {
		return nil // an IV and no block: the empty string
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return data
	}
	body := data[16 : 16+(len(data)-16)/16*16]
	out := make([]byte, len(body))
	cipher.NewCBCDecrypter(block, data[:16]).CryptBlocks(out, body)
	if n := len(out); n > 0 {
		if p := int(out[n-1]); p >= 1 && p <= 16 && p <= n {
			out = out[:n-p]
		}
	}
	return out
}

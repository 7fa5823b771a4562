package pdf

import (
	"strconv"
	"strings"
)

// Simple-font encodings for fonts without a ToUnicode map. Chinese text
// always comes with a ToUnicode map or a CID encoding, so these tables
// only need to get Latin text right.

// winAnsiHigh is WinAnsiEncoding (Windows-1252) for codes 0x80..0x9F; the
// rest of WinAnsi is Latin-1.
var winAnsiHigh = [32]rune{
	'€', 0, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0, 'Ž', 0,
	0, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0, 'ž', 'Ÿ',
}

// macRomanHigh is MacRomanEncoding for codes 0x80..0xFF.
var macRomanHigh = []rune("ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü" +
	"†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø" +
	"¿¡¬√ƒ≈∆«»…\u00a0ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ" +
	"‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uf8ffÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ")

// baseEncoding returns the text of code in a named base encoding.
func baseEncoding(name string, code byte) rune {
	switch {
	case code < 0x20:
		return 0
	case code < 0x7f:
		if name == "StandardEncoding" {
			switch code {
			case 0x27:
				return '’'
			case 0x60:
				return '‘'
			}
		}
		return rune(code)
	case code == 0x7f:
		return 0
	}
	switch name {
	case "MacRomanEncoding":
		return macRomanHigh[code-0x80]
	case "StandardEncoding":
		return 0
	}
	if code < 0xa0 {
		return winAnsiHigh[code-0x80]
	}
	return rune(code)
}

// glyphNames maps the Adobe glyph names that occur in /Differences arrays
// of Latin fonts to text; names of the form uniXXXX, uXXXX and single
// letters are handled by glyphNameText.
var glyphNames = map[string]string{
	"space": " ", "exclam": "!", "quotedbl": "\"", "numbersign": "#", "dollar": "$",
	"percent": "%", "ampersand": "&", "quotesingle": "'", "quoteright": "’", "quoteleft": "‘",
	"parenleft": "(", "parenright": ")", "asterisk": "*", "plus": "+", "comma": ",",
	"hyphen": "-", "period": ".", "slash": "/", "zero": "0", "one": "1", "two": "2",
	"three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
	"nine": "9", "colon": ":", "semicolon": ";", "less": "<", "equal": "=", "greater": ">",
	"question": "?", "at": "@", "bracketleft": "[", "backslash": "\\", "bracketright": "]",
	"asciicircum": "^", "underscore": "_", "grave": "`", "braceleft": "{", "bar": "|",
	"braceright": "}", "asciitilde": "~", "bullet": "•", "endash": "–", "emdash": "—",
	"quotedblleft": "“", "quotedblright": "”", "quotesinglbase": "‚", "quotedblbase": "„",
	"ellipsis": "…", "dagger": "†", "daggerdbl": "‡", "periodcentered": "·", "degree": "°",
	"copyright": "©", "registered": "®", "trademark": "™", "section": "§", "paragraph": "¶",
	"multiply": "×", "divide": "÷", "plusminus": "±", "sterling": "£", "yen": "¥",
	"Euro": "€", "cent": "¢", "fi": "fi", "fl": "fl", "ff": "ff", "ffi": "ffi", "ffl": "ffl",
	"germandbls": "ß", "nbspace": "\u00a0", "minus": "−", "percent1": "%", "guillemotleft": "«",
	"guillemotright": "»", "exclamdown": "¡", "questiondown": "¿", "mu": "µ", "lessequal": "≤",
	"greaterequal": "≥", "notequal": "≠", "dotlessi": "ı", "circumflex": "ˆ", "tilde": "˜",
	"acute": "´", "dieresis": "¨", "cedilla": "¸", "ordfeminine": "ª", "ordmasculine": "º",
	"onehalf": "½", "onequarter": "¼", "threequarters": "¾", "logicalnot": "¬",
	"eacute": "é", "egrave": "è", "ecircumflex": "ê", "edieresis": "ë", "aacute": "á",
	"agrave": "à", "acircumflex": "â", "adieresis": "ä", "atilde": "ã", "aring": "å",
	"ccedilla": "ç", "iacute": "í", "igrave": "ì", "icircumflex": "î", "idieresis": "ï",
	"ntilde": "ñ", "oacute": "ó", "ograve": "ò", "ocircumflex": "ô", "odieresis": "ö",
	"otilde": "õ", "oslash": "ø", "uacute": "ú", "ugrave": "ù", "ucircumflex": "û",
	"udieresis": "ü", "yacute": "ý", "ydieresis": "ÿ", "ae": "æ", "oe": "œ",
	"Eacute": "É", "Aacute": "Á", "Adieresis": "Ä", "Odieresis": "Ö", "Udieresis": "Ü",
}

// glyphNameText returns the text of a glyph name, "" when unknown.
func glyphNameText(name string) string {
	if s, ok := glyphNames[name]; ok {
		return s
	}
	if i := strings.IndexByte(name, '.'); i > 0 { // "a.sc", "one.oldstyle"
		return glyphNameText(name[:i])
	}
	if len(name) == 1 && (name[0] >= 'a' && name[0] <= 'z' || name[0] >= 'A' && name[0] <= 'Z') {
		return name
	}
	if strings.HasPrefix(name, "uni") && len(name) >= 7 && (len(name)-3)%4 == 0 {
		var b strings.Builder
		for i := 3; i+4 <= len(name); i += 4 {
			v, err := strconv.ParseUint(name[i:i+4], 16, 32)
			if err != nil {
				return ""
			}
			b.WriteRune(rune(v))
		}
		return b.String()
	}
	if strings.HasPrefix(name, "u") && len(name) >= 5 && len(name) <= 7 {
		if v, err := strconv.ParseUint(name[1:], 16, 32); err == nil && v <= 0x10ffff {
			return string(rune(v))
		}
	}
	return ""
}

package corpus

import (
	"os"
	"path/filepath"
	"runtime"
)

// dictBase is the folder the dictionaries are written under when no cache
// directory is given: the user's cache directory, except on Windows when
// its path is not ASCII. cppjieba opens its files with a narrow
// std::ifstream, which reads the path in the ANSI code page there, so under
// a profile such as C:\Users\张三 it cannot open them and aborts the whole
// process (yanyiwu/cppjieba#217) — no error reaches Go. %ProgramData%
// (C:\ProgramData) is ASCII and writable by every user.
func dictBase() string {
	d, err := os.UserCacheDir()
	if err != nil {
		d = os.TempDir()
	}
	return chooseDictBase(runtime.GOOS, d, os.Getenv("ProgramData"))
}

func chooseDictBase(goos, userCache, programData string) string {
	if goos == "windows" && !isASCII(userCache) {
		if programData == "" || !isASCII(programData) {
			programData = `C:\ProgramData`
		}
		return programData + `\jixiao`
	}
	return filepath.Join(userCache, "jixiao")
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

package corpus

import (
	"path/filepath"
	"testing"
)

// TestChooseDictBase: on Windows the dictionaries leave a profile whose
// path cppjieba cannot open; elsewhere they stay in the user's cache.
func TestChooseDictBase(t *testing.T) {
	for _, tc := range []struct{ goos, cache, programData, want string }{
		{"windows", `C:\Users\zhang\AppData\Local`, `C:\ProgramData`, filepath.Join(`C:\Users\zhang\AppData\Local`, "jixiao")},
		{"windows", `C:\Users\张三\AppData\Local`, `C:\ProgramData`, `C:\ProgramData\jixiao`},
		{"windows", `C:\Users\张三\AppData\Local`, "", `C:\ProgramData\jixiao`},
		{"windows", `C:\Users\张三\AppData\Local`, `D:\共享数据`, `C:\ProgramData\jixiao`},
		{"linux", "/home/张三/.cache", "", filepath.Join("/home/张三/.cache", "jixiao")},
	} {
		if got := chooseDictBase(tc.goos, tc.cache, tc.programData); got != tc.want {
			t.Errorf("chooseDictBase(%s, %q, %q) = %q, want %q", tc.goos, tc.cache, tc.programData, got, tc.want)
		}
	}
}

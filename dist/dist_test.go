package dist

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// systemDLLs are DLLs every Windows installation has; the binary may
// import these and nothing else.
var systemDLLs = regexp.MustCompile(`(?i)^(kernel32|msvcrt|ntdll|advapi32|ws2_32|mswsock|user32|gdi32|shell32|ole32|oleaut32|` +
	`bcrypt|bcryptprimitives|crypt32|secur32|iphlpapi|dnsapi|netapi32|userenv|winmm|powrprof|version|shlwapi|ucrtbase|api-ms-win-[a-z0-9-]+)\.dll$`)

// TestWindowsBinaryIsSelfContained builds the Windows binary as make dist
// does and reads its import table: a clerk's PC has none of mingw's
// runtime DLLs (libgcc_s_seh-1, libstdc++-6, libwinpthread-1), which a
// cross build not linked statically needs. Skipped where the mingw-w64
// toolchain is not installed (.ci/run installs it).
func TestWindowsBinaryIsSelfContained(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the cross build takes minutes with a cold cache")
	}
	for _, tool := range []string{"make", "x86_64-w64-mingw32-gcc", "x86_64-w64-mingw32-g++", "x86_64-w64-mingw32-objdump"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed (apt-get install make gcc-mingw-w64-x86-64 g++-mingw-w64-x86-64): the Windows build is not checked", tool)
		}
	}
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 25*time.Minute)
	defer cancel()
	start := time.Now()
	build := exec.CommandContext(ctx, "make", "-C", "..", "dist-windows", "DIST="+dir)
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("make dist-windows: %v\n%s", err, out)
	}
	exe := filepath.Join(dir, "jixiao-windows-amd64.exe")
	st, err := os.Stat(exe)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("make dist-windows: %s, %.1f MB", time.Since(start).Round(time.Second), float64(st.Size())/1e6)
	out, err := exec.CommandContext(ctx, "x86_64-w64-mingw32-objdump", "-p", exe).Output()
	if err != nil {
		t.Fatalf("objdump -p: %v", err)
	}
	var dlls []string
	for _, line := range strings.Split(string(out), "\n") {
		if name, ok := strings.CutPrefix(strings.TrimSpace(line), "DLL Name: "); ok {
			dlls = append(dlls, name)
			if !systemDLLs.MatchString(name) {
				t.Errorf("the binary imports %s, which is not a Windows system DLL", name)
			}
		}
	}
	t.Logf("imports: %s", strings.Join(dlls, ", "))
	if !strings.Contains(strings.ToUpper(strings.Join(dlls, " ")), "KERNEL32.DLL") {
		t.Errorf("no KERNEL32.dll among the imports %q: not a Windows program, or objdump's format changed", dlls)
	}
}

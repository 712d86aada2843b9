// Package reftool finds the reference interpreters loopscope's fidelity
// tests compare the engine with: python3 (CPython 3.11) for asyncio, and
// Debian's /usr/bin/python3 with python3-fastapi and python3-httpx for
// FastAPI scenes.
//
// A test that cannot find its reference is skipped, loudly, on a user's
// machine, and fails when CI is set: the comparisons must always run there.
package reftool

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// DebianPython is the interpreter Debian's python3-fastapi and
// python3-httpx install into.
const DebianPython = "/usr/bin/python3"

// Missing stops the test: it fails when CI is set and is skipped loudly
// otherwise. tool names what is missing and why; skipped says what does
// not get checked.
func Missing(t testing.TB, tool, skipped string) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf("%s, and CI is set: the reference is required there", tool)
	}
	t.Skipf("SKIPPED: %s, so %s on this machine", tool, skipped)
}

// Python returns the path of python3. skipped says what goes unchecked
// without it.
func Python(t testing.TB, skipped string) string {
	t.Helper()
	py, err := exec.LookPath("python3")
	if err != nil {
		Missing(t, "python3 not found", skipped)
	}
	return py
}

// Python311 returns the path of python3 and makes sure it is CPython 3.11,
// the version the subset follows.
func Python311(t testing.TB, skipped string) string {
	t.Helper()
	py := Python(t, skipped)
	out, err := exec.Command(py, "-c", "import sys; print('%d.%d' % sys.version_info[:2])").Output()
	if err != nil || strings.TrimSpace(string(out)) != "3.11" {
		Missing(t, fmt.Sprintf("python3 is not CPython 3.11 (%s)", bytes.TrimSpace(out)), skipped)
	}
	return py
}

// FastAPIPython returns Debian's python3 once it can import fastapi and
// httpx.
func FastAPIPython(t testing.TB, skipped string) string {
	t.Helper()
	if _, err := os.Stat(DebianPython); err != nil {
		Missing(t, DebianPython+" not found (apt-get install python3-fastapi python3-httpx)", skipped)
	}
	if out, err := exec.Command(DebianPython, "-c", "import fastapi, httpx").CombinedOutput(); err != nil {
		Missing(t, fmt.Sprintf("%s cannot import fastapi and httpx (apt-get install python3-fastapi python3-httpx): %s", DebianPython, bytes.TrimSpace(out)), skipped)
	}
	return DebianPython
}

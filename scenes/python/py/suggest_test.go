package py

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestSuggestionsMatchCPython runs scenes that end with a NameError or
// AttributeError under python3 and requires the same last stderr line,
// "Did you mean" suggestion included.
func TestSuggestionsMatchCPython(t *testing.T) {
	pyPath := requirePython(t)
	src, err := os.ReadFile("testdata/suggest.py.txt")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for i, c := range splitChunks(string(src)) {
		path := filepath.Join(dir, "scene.py")
		if err := os.WriteFile(path, []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
		out, _ := exec.Command(pyPath, path).CombinedOutput()
		lines := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
		want := lines[len(lines)-1]
		_, err := runSource(t, c)
		e, ok := err.(*Exception)
		if !ok {
			t.Errorf("chunk %d: %v", i, err)
			continue
		}
		if got := e.TracebackLine(); got != want {
			t.Errorf("chunk %d:\n%s\ngot  %s\nwant %s", i, c, got, want)
		}
	}
}

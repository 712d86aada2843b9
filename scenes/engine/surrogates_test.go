package engine

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"loopscope/internal/reftool"
)

// TestLoneSurrogatesMatchCPython: a str may hold a lone surrogate
// ("\ud800", chr(0xdc00), json's "\udc00"): len, repr, ord and json.dumps
// see it, and printing or encoding it raises UnicodeEncodeError naming its
// position, after the pieces before it were printed. Checked against plain
// python3 (the virtual-clock harness replaces sys.stdout with a writer
// that does not encode, so it cannot be the reference here).
func TestLoneSurrogatesMatchCPython(t *testing.T) {
	python := reftool.Python(t, "lone surrogates are not compared with CPython")
	src := `import json
s = "a\ud800b"
print(len(s), repr(s), ord(s[1]), hex(ord(chr(0xdfff))), s[1] == chr(0xd800))
print(json.dumps(s), json.loads('"\\udc00"') == "\udc00", repr(json.loads('"\\ud83d\\ude00"')))
try:
    s.encode()
except UnicodeEncodeError as e:
    print("encode:", e)
try:
    print("x", "\ud800\udc01y")
except UnicodeEncodeError as e:
    print("print:", e)
print("ok", "é")
print("before", s)
`
	dir := t.TempDir()
	path := filepath.Join(dir, "surrogates.py")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(python, path)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	_ = cmd.Run() // exits 1: the last print fails
	res := Run([]byte(src), Options{Filename: path})
	if res.Stdout != stdout.String() {
		t.Errorf("stdout differs\n--- CPython\n%s--- engine\n%s", stdout.String(), res.Stdout)
	}
	want := cpythonTraceback(stderr.String(), path, path)
	if strings.TrimRight(res.Stderr, "\n") != strings.TrimRight(want, "\n") {
		t.Errorf("stderr differs\n--- CPython\n%s\n--- engine\n%s", want, res.Stderr)
	}
}

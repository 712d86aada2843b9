package logging_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"loopscope/internal/reftool"
	"loopscope/scenes/engine"
)

// TestScenesMatchCPython runs the scenes in testdata in the engine and in
// CPython under vclock, at the same wall-clock start in UTC, and compares
// stdout and stderr (the log records), leaving out the caret lines of
// CPython's tracebacks.
func TestScenesMatchCPython(t *testing.T) {
	python := reftool.Python(t, "logging's output is not compared with CPython")
	vclock, err := filepath.Abs("../../../tools/vclock/vclock.py")
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("testdata/*.py")
	if len(files) == 0 {
		t.Fatal("no scenes in testdata")
	}
	const start = "2026-12-07T17:13:52Z"
	for _, file := range files {
		abs, err := filepath.Abs(file)
		if err != nil {
			t.Fatal(err)
		}
		src, err := os.ReadFile(abs)
		if err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(python, vclock, "--wall-clock", start, abs)
		cmd.Env = append(os.Environ(), "TZ=UTC")
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			t.Fatalf("%s: vclock: %v\n%s", file, err, stderr.String())
		}
		wall, _ := time.Parse(time.RFC3339, start)
		res := engine.Run(src, engine.Options{Filename: abs, WallClock: wall.UTC()})
		if res.Stdout != stdout.String() {
			t.Errorf("%s: stdout differs\n--- CPython\n%s--- engine\n%s", file, stdout.String(), res.Stdout)
		}
		if got, want := res.Stderr, withoutCarets(stderr.String()); got != want {
			t.Errorf("%s: stderr differs\n--- CPython\n%s--- engine\n%s", file, want, got)
		}
	}
}

func withoutCarets(s string) string {
	var out []string
	for _, l := range strings.SplitAfter(s, "\n") {
		if body := strings.TrimSpace(l); body != "" && strings.Trim(body, "^~") == "" {
			continue
		}
		out = append(out, l)
	}
	return strings.Join(out, "")
}

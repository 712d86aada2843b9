package engine

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestUncaughtAt checks, for every corpus scene that ends uncaught, that
// Result.UncaughtAt is what the traceback shows last (the traceback itself
// is held to CPython's by TestTracebacksMatchCPython): the innermost frame
// in the scene's file of the exception that ended the run, and the columns
// its carets underline.
func TestUncaughtAt(t *testing.T) {
	n := 0
	for _, file := range corpusScenes(t) {
		out, err := os.ReadFile(strings.TrimSuffix(file, ".py") + ".out")
		if err != nil || !bytes.Contains(out, []byte("\n=error ")) {
			continue
		}
		name := filepath.Base(file)
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		res := Run(src, corpusOptions(t, name))
		if res.ExitCode != ExitUncaught {
			t.Errorf("%s: exit %d, want an uncaught exception", name, res.ExitCode)
			continue
		}
		n++
		want := lastSceneFrame(res.Stderr, name, strings.Split(string(src), "\n"))
		got := res.UncaughtAt
		if want.EndCol == 0 { // no carets: only the line is shown
			got.Col, got.EndLine, got.EndCol = 0, 0, 0
		}
		if got != want || want.Line == 0 {
			t.Errorf("%s: UncaughtAt %+v, the traceback shows %+v\n%s", name, res.UncaughtAt, want, res.Stderr)
		}
	}
	if n < 10 {
		t.Errorf("only %d scenes end uncaught", n)
	}
}

// lastSceneFrame reads a traceback as CPython prints it: the last frame in
// file of the final (top-level) traceback, with the columns of its carets
// when it has them.
func lastSceneFrame(tb, file string, src []string) Where {
	lines := strings.Split(tb, "\n")
	start := 0
	for i, l := range lines {
		if l == "Traceback (most recent call last):" || strings.HasPrefix(l, "  + Exception Group Traceback") {
			start = i
		}
	}
	frame := regexp.MustCompile(`^(  \| )?  File "` + regexp.QuoteMeta(file) + `", line (\d+), in `)
	var w Where
	for i := start + 1; i < len(lines); i++ {
		l := lines[i]
		if !strings.HasPrefix(l, " ") || strings.HasPrefix(l, "  | ") && !strings.HasPrefix(l, "  |  ") || strings.HasPrefix(l, "  +-") {
			break // the exception's own line: the frames are over
		}
		m := frame.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		w = Where{}
		fmt.Sscan(m[2], &w.Line)
		prefix := m[1] + "    "
		if i+2 < len(lines) && w.Line <= len(src) {
			carets := strings.TrimPrefix(lines[i+2], prefix)
			if c := strings.IndexAny(carets, "~^"); c >= 0 && strings.Trim(carets, " ~^") == "" && strings.HasPrefix(lines[i+2], prefix) {
				indent := len(src[w.Line-1]) - len(strings.TrimLeft(src[w.Line-1], " \t"))
				w.Col = indent + c + 1
				w.EndLine = w.Line
				w.EndCol = indent + len(strings.TrimRight(carets, " ")) + 1
			}
		}
	}
	return w
}

package scenes_test

import (
	"bytes"
	"fmt"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"loopscope/internal/reftool"
	"loopscope/scenes"
	"loopscope/scenes/engine"
	"loopscope/scenes/notes"
	"loopscope/scenes/trace"
)

// golden renders an engine run in tools/vclock's golden form.
func golden(res *engine.Result) string {
	var b strings.Builder
	for _, l := range res.Lines {
		fmt.Fprintf(&b, "%.6f|%s\n", l.Time, l.Text)
	}
	if res.Stdout != "" && !strings.HasSuffix(res.Stdout, "\n") {
		b.WriteString("=noeol\n")
	}
	if res.Uncaught != "" {
		b.WriteString("=error " + res.Uncaught + "\n")
	}
	if res.Err != nil && (res.Err.Kind == "deadlock" || res.Err.Kind == "budget") {
		b.WriteString("=" + res.Err.Kind + "\n")
	}
	fmt.Fprintf(&b, "=exit %d\n", res.ExitCode)
	return b.String()
}

// referencePython is the CPython that can run a scene: Debian's python3
// with FastAPI for scenes that import fastapi, python3 otherwise.
func referencePython(t *testing.T, src []byte) string {
	t.Helper()
	if bytes.Contains(src, []byte("from fastapi")) {
		return reftool.FastAPIPython(t, "this scene is not checked against FastAPI")
	}
	return reftool.Python(t, "this scene is not checked against CPython")
}

// TestLibraryMatchesCPython runs every built-in scene under CPython (with
// the virtual-clock harness, so sleeps cost nothing) and through the
// engine, and requires the same lines at the same loop times.
func TestLibraryMatchesCPython(t *testing.T) {
	for _, s := range scenes.All() {
		t.Run(s.ID, func(t *testing.T) {
			t.Parallel()
			python := referencePython(t, []byte(s.Source))
			abs, err := filepath.Abs(filepath.Join(s.ID, "scene.py"))
			if err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(python, "../tools/vclock/vclock.py", "--golden", abs)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			want, err := cmd.Output()
			if err != nil {
				t.Fatalf("the harness failed on %s: %v\n%s", s.ID, err, stderr.String())
			}
			res := engine.Run([]byte(s.Source), engine.Options{Filename: "scene.py"})
			if got := golden(res); got != string(want) {
				t.Errorf("engine differs from CPython\n--- CPython\n%s--- engine\n%s--- engine stderr\n%s", want, got, res.Stderr)
			}
		})
	}
}

// TestNotesFollowTheTrace checks the notes against what each scene's
// animation shows: every concept its trace emits has a section in both
// languages (so the notes always have something to light), and every
// section is lit by some event (no orphans).
func TestNotesFollowTheTrace(t *testing.T) {
	for _, s := range scenes.All() {
		t.Run(s.ID, func(t *testing.T) {
			res := engine.Run([]byte(s.Source), engine.Options{Filename: "scene.py", Trace: true})
			if res.Trace == nil {
				t.Fatalf("no trace: %s", res.Stderr)
			}
			emitted := map[string]bool{}
			for _, e := range res.Trace.Events {
				if e.Concept != trace.NoConcept {
					emitted[e.Concept.String()] = true
				}
			}
			for _, lang := range scenes.Languages {
				r, err := notes.Render([]byte(s.Notes.In(lang)))
				if err != nil {
					t.Fatalf("notes.%s.md: %v", lang, err)
				}
				for c := range emitted {
					if !slices.Contains(r.IDs(), c) {
						t.Errorf("notes.%s.md has no section {#%s}, which the trace emits", lang, c)
					}
				}
				for _, id := range r.IDs()[1:] {
					if !emitted[id] {
						t.Errorf("notes.%s.md: section {#%s} is orphaned: no event of the scene carries it", lang, id)
					}
				}
			}
		})
	}
}

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
	"loopscope/scenes/playback"
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

// TestNotesFollowTheMoment plays every built-in scene as the page does
// (the engine's trace, replayed by playback) and checks its notes in both
// languages against it with notes.Follow, the check the site's build makes
// of every scene, built-in or a teacher's: some section is lit at every
// event (the introduction at the first), each section is lit at some event,
// the sections start in the order they are written (so the notes read as
// the scene runs and scroll only forward while it plays); and both
// languages tell the story with the same sections starting at the same
// moments.
func TestNotesFollowTheMoment(t *testing.T) {
	for _, s := range scenes.All() {
		t.Run(s.ID, func(t *testing.T) {
			res := engine.Run([]byte(s.Source), engine.Options{Filename: "scene.py", Trace: true})
			if res.Trace == nil {
				t.Fatalf("no trace: %s", res.Stderr)
			}
			rec := playback.Build(res.Trace)
			events := res.Trace.Events
			if rec.Len() != len(events) {
				t.Fatalf("playback plays %d events of %d", rec.Len(), len(events))
			}
			var rules [][]string
			for _, lang := range scenes.Languages {
				r, err := notes.Render([]byte(s.Notes.In(lang)))
				if err != nil {
					t.Fatalf("notes.%s.md: %v", lang, err)
				}
				var these []string
				for _, sec := range r.Sections {
					these = append(these, sec.ID+" "+sec.When.String())
				}
				rules = append(rules, these)
				starts := notes.Starts(r.Sections, events)
				for i := range events {
					if notes.Lit(starts, i) < 0 {
						t.Errorf("notes.%s.md: no section lit at event %d%s", lang, i, notes.Table(r, events))
						break
					}
				}
				for _, e := range notes.Follow(r, events) {
					t.Errorf("notes.%s.md:%d:%d: %s%s", lang, e.Line, e.Col, e.Msg, notes.Table(r, events))
				}
			}
			if len(rules) == 2 && !slices.Equal(rules[0], rules[1]) {
				t.Errorf("the languages' sections differ:\n  %s: %q\n  %s: %q", scenes.Languages[0], rules[0], scenes.Languages[1], rules[1])
			}
		})
	}
}

// TestPromptsFitTheirScenes runs every scene with a predict.txt: each option
// is a line the scene prints (the site's build checks it too), and the
// answers, found in the runs, are not always the same option, which a
// learner would soon notice.
func TestPromptsFitTheirScenes(t *testing.T) {
	at := map[int]int{}
	n, last := 0, 0
	for _, s := range scenes.All() {
		if s.Prompt == nil {
			continue
		}
		n++
		res := engine.Run([]byte(s.Source), engine.Options{Filename: "scene.py"})
		var out strings.Builder
		for _, c := range res.Output {
			out.WriteString(c.Text)
		}
		i, err := s.Prompt.Answer(out.String())
		if err != nil {
			t.Errorf("%s/predict.txt: %v", s.ID, err)
			continue
		}
		at[i]++
		if i == len(s.Prompt.Options)-1 {
			last++
		}
	}
	if n < len(scenes.All())/2 {
		t.Errorf("%d of %d scenes have a prompt", n, len(scenes.All()))
	}
	if len(at) < 2 || last == n || last < n/4 {
		t.Errorf("answers by option: %v, %d of %d the last option: put them in varied places", at, last, n)
	}
}

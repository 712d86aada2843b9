package playback

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"loopscope/scenes"
	"loopscope/scenes/engine"
)

// realScenes returns the built-in library and the CPython-checked corpus:
// name → source.
func realScenes(t *testing.T) map[string]string {
	t.Helper()
	all := map[string]string{}
	for _, sc := range scenes.All() {
		all[sc.ID] = sc.Source
	}
	files, err := filepath.Glob("../testdata/corpus/*.py")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		all[filepath.Base(f)] = string(src)
	}
	return all
}

// Every real trace the engine writes can be followed event by event: no
// handle runs that was never queued, no step of an unknown task, the
// console matches what the engine printed, nothing is left running at the
// end of a run that ended well, and the stage lays out cleanly along it.
func TestRealTraces(t *testing.T) {
	all := realScenes(t)
	if len(all) < 10 {
		t.Fatalf("only %d scenes found", len(all))
	}
	ran := 0
	for name, src := range all {
		r := engine.Run([]byte(src), engine.Options{Filename: name, Trace: true})
		if r.ExitCode == engine.ExitRefused || r.ExitCode == engine.ExitInternal || r.Trace == nil {
			continue // the engine's own tests report these
		}
		ran++
		rec := Build(r.Trace)
		if a := rec.Anomalies(); len(a) > 0 {
			t.Errorf("%s: %d events the state cannot follow, first: %s", name, len(a), a[0])
		}
		var console strings.Builder
		for _, c := range r.Output {
			console.WriteString(c.Text)
		}
		if rec.Output() != console.String() {
			t.Errorf("%s: the console plays %q, the engine printed %q", name, rec.Output(), console.String())
		}
		end := rec.StateAt(rec.Len() - 1)
		if r.ExitCode == engine.ExitOK {
			if end.Loop.Task != 0 || end.Loop.Blocked {
				t.Errorf("%s: at the end task %d still runs (blocked %v)", name, end.Loop.Task, end.Loop.Blocked)
			}
		}
		if r.ExitCode == engine.ExitUncaught && end.Err == "" {
			t.Errorf("%s: ended uncaught but the state has no error", name)
		}
		// Lay it out at a few points and sizes.
		for _, i := range []int{0, rec.Len() / 3, rec.Len() / 2, rec.Len() - 1} {
			s := rec.StateAt(i)
			for _, wh := range [][2]float64{{1280, 800}, {520, 640}} {
				if bad := checkScene(Layout(wh[0], wh[1], 1, s)); len(bad) > 0 {
					t.Errorf("%s at event %d, %gx%g: %s", name, i, wh[0], wh[1], strings.Join(bad[:min(2, len(bad))], "; "))
				}
			}
		}
	}
	t.Logf("followed %d of %d scenes (the rest the engine refused or failed on)", ran, len(all))
}

// A real trace replays from snapshots exactly as it plays straight.
func TestRealTraceSnapshots(t *testing.T) {
	sc, ok := scenes.Get("03_tasks")
	if !ok {
		t.Fatal("no scene 03_tasks in the library")
	}
	r := engine.Run([]byte(sc.Source), engine.Options{Filename: "scene.py", Trace: true})
	if r.Trace == nil {
		t.Fatalf("no trace: %s", r.Stderr)
	}
	rec := build(r.Trace, 5)
	s := &State{rec: rec, Index: -1}
	for i := range r.Trace.Events {
		s.apply(i)
		want := s.clone()
		want.finish()
		got := rec.StateAt(i)
		if got.Caption != want.Caption || len(got.Ready) != len(want.Ready) || len(got.Tasks) != len(want.Tasks) || got.Output != want.Output {
			t.Fatalf("event %d: snapshot replay differs", i)
		}
	}
}

// The tasks asyncio.run starts by itself after main returns get cards
// that say so, titled with the coroutine's own name rather than a cut
// "BaseEventLoop.shu…".
func TestRunCleanupCards(t *testing.T) {
	src := "import asyncio\n\nasync def main():\n    await asyncio.sleep(0)\n\nasyncio.run(main())\n"
	r := engine.Run([]byte(src), engine.Options{Filename: "scene.py", Trace: true})
	if r.ExitCode != engine.ExitOK || r.Trace == nil {
		t.Fatalf("exit %d: %s", r.ExitCode, r.Stderr)
	}
	rec := Build(r.Trace)
	sc := Layout(1440, 900, 1, rec.StateAt(rec.Len()-1))
	var found []string
	for _, it := range sc.Items {
		if it.Kind != KCard || !strings.Contains(it.Sub2, "asyncio.run's cleanup") {
			continue
		}
		found = append(found, it.Text)
		if strings.Contains(it.Text, "BaseEventLoop") || !strings.Contains(it.Text, "shutdown_") {
			t.Errorf("cleanup card titled %q, want the coroutine's own name first", it.Text)
		}
	}
	if len(found) != 2 {
		t.Errorf("cleanup cards %q, want asyncio.run's two (shutdown_asyncgens, shutdown_default_executor)", found)
	}
}

func TestShortCoro(t *testing.T) {
	for in, want := range map[string]string{
		"BaseEventLoop.shutdown_asyncgens()": "shutdown_asyncgens()",
		"main.<locals>.one(3)":               "one(3)",
		"fetch('a.b', 2)":                    "fetch('a.b', 2)",
		"cook()":                             "cook()",
	} {
		if got := ShortCoro(in); got != want {
			t.Errorf("ShortCoro(%q) = %q, want %q", in, got, want)
		}
	}
}

package playback

import (
	"strings"
	"testing"

	"loopscope/scenes"
	"loopscope/scenes/engine"
	"loopscope/scenes/trace"
)

// record runs src through the engine and builds its recording.
func record(t *testing.T, name, src string) *Recording {
	t.Helper()
	r := engine.Run([]byte(src), engine.Options{Filename: name, Trace: true})
	if r.ExitCode != engine.ExitOK {
		t.Fatalf("%s: exit code %d", name, r.ExitCode)
	}
	return Build(r.Trace)
}

// asyncio.run's shutdown in 01_event_loop is one fold: from the loop.phase
// "shutdown" that follows main's last step to the loop's stop, holding the
// shutdown_asyncgens and shutdown_default_executor tasks and nothing the
// scene wrote.
func TestShutdownIsOneFold(t *testing.T) {
	sc, ok := scenes.Get("01_event_loop")
	if !ok {
		t.Fatal("no scene 01_event_loop")
	}
	rec := record(t, sc.Filename(), sc.Source)
	folds := rec.Folds()
	if len(folds) != 1 {
		t.Fatalf("%d folds, want 1: %+v", len(folds), folds)
	}
	f := folds[0]
	evs := rec.Trace().Events
	if e := evs[f.Start]; e.Kind != trace.LoopPhase || e.Phase != trace.PhaseShutdown {
		t.Errorf("the fold starts at %s", e)
	}
	if e := evs[f.End]; e.Kind != trace.LoopStop || e.ID != f.Loop {
		t.Errorf("the fold ends at %s, not its loop's stop", e)
	}
	var inside []string
	for _, e := range evs[f.Start : f.End+1] {
		if e.Kind == trace.TaskNew {
			inside = append(inside, e.Label)
		}
		if e.Kind == trace.Print {
			t.Errorf("the scene's output %q is inside the fold", e.Text)
		}
	}
	if got := strings.Join(inside, " "); got != "BaseEventLoop.shutdown_asyncgens() BaseEventLoop.shutdown_default_executor()" {
		t.Errorf("tasks made in the fold: %s", got)
	}
	for i := f.Start - 1; i <= f.End+1 && i < rec.Len(); i++ {
		s := rec.StateAt(i)
		_, in := s.Folded()
		if in != (i >= f.Start && i <= f.End) {
			t.Errorf("event %d (%s): Folded says %v", i, evs[i].Kind, in)
		}
		if s.Loop.Shutdown != (i >= f.Start && i < f.End) {
			t.Errorf("event %d (%s): Loop.Shutdown is %v", i, evs[i].Kind, s.Loop.Shutdown)
		}
	}
	end := rec.StateAt(rec.Len() - 1)
	for _, tk := range end.Tasks {
		if tk.Shutdown != strings.HasPrefix(tk.Coro, "BaseEventLoop.shutdown_") {
			t.Errorf("task %s (%s): Shutdown is %v", tk.Name, tk.Coro, tk.Shutdown)
		}
	}
	shut := 0
	for _, sp := range end.Timeline {
		if sp.Shutdown != (sp.Start >= f.Start && sp.Start <= f.End) {
			t.Errorf("timeline span %+v: Shutdown %v", sp, sp.Shutdown)
		}
		if sp.Shutdown {
			shut++
		}
	}
	if shut == 0 {
		t.Errorf("no timeline span is marked as the shutdown's")
	}
	t.Logf("01_event_loop: the shutdown folds events %d-%d of %d (%d spans of the timeline)", f.Start, f.End, rec.Len(), shut)
}

// The tasks asyncio.run cancels when main returns are cancelled inside the
// fold, where their finally clauses run.
func TestShutdownFoldHoldsTheCancellations(t *testing.T) {
	rec := record(t, "leftover.py", `import asyncio


async def forever():
    try:
        await asyncio.sleep(10)
    finally:
        print("cleaned up")


async def main():
    asyncio.create_task(forever())
    await asyncio.sleep(0)
    print("main done")


asyncio.run(main())
`)
	folds := rec.Folds()
	if len(folds) != 1 {
		t.Fatalf("%d folds, want 1", len(folds))
	}
	f := folds[0]
	evs := rec.Trace().Events
	cancelled, printed := -1, -1
	for i, e := range evs {
		switch {
		case e.Kind == trace.TaskDone && e.Outcome == trace.OutcomeCancelled:
			cancelled = i
		case e.Kind == trace.Print && e.Text == "cleaned up\n":
			printed = i
		case e.Kind == trace.Print && e.Text == "main done\n" && i >= f.Start:
			t.Errorf("main's own line is inside the fold")
		}
	}
	if cancelled < f.Start || cancelled > f.End || printed < f.Start || printed > f.End {
		t.Errorf("fold %d-%d, the cancellation at %d, its finally's print at %d", f.Start, f.End, cancelled, printed)
	}
	if s := rec.StateAt(f.End); s.Tasks[1].State != TaskCancelled {
		t.Errorf("after the fold the leftover task is %s", s.Tasks[1].State)
	}
}

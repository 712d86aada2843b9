package playback

import (
	"slices"
	"strings"
	"testing"
	"time"

	"loopscope/scenes"
	"loopscope/scenes/engine"
	"loopscope/scenes/trace"
)

// stopsOf returns the events a step by u lands on (UnitLine: of the task
// with id task, of anything for 0), in order.
func stopsOf(rec *Recording, u Unit, task int32) []int32 {
	p := NewPlayer(rec, "")
	var out []int32
	for i := range rec.Len() {
		if p.stop(u, i, task) {
			out = append(out, int32(i))
		}
	}
	return out
}

// runScene runs a scene's source and builds its recording.
func runScene(t *testing.T, name, src string) (*Recording, *engine.Result) {
	t.Helper()
	r := engine.Run([]byte(src), engine.Options{Filename: name, Trace: true})
	if r.Trace == nil {
		t.Fatalf("%s: no trace: %s", name, r.Stderr)
	}
	return Build(r.Trace), r
}

// The stops of every real scene are what its trace says: iterations start
// at loop.phase events, one per turn the state counts and at every select;
// prints are the stdout print events, which make the engine's stdout; a
// task arrives at a line exactly when the line State keeps for it changes
// or it resumes.
func TestStopsFollowTheTrace(t *testing.T) {
	for name, src := range realScenes(t) {
		r := engine.Run([]byte(src), engine.Options{Filename: name, Trace: true})
		if r.Trace == nil || r.ExitCode == engine.ExitRefused || r.ExitCode == engine.ExitInternal {
			continue
		}
		rec := Build(r.Trace)
		evs := r.Trace.Events
		iters := stopsOf(rec, UnitIteration, 0)
		for _, i := range iters {
			if evs[i].Kind != trace.LoopPhase {
				t.Errorf("%s: iteration starts at event %d, a %s", name, i, evs[i].Kind)
			}
		}
		if n := rec.StateAt(rec.Len() - 1).Loop.Iteration; len(iters) != n {
			t.Errorf("%s: %d iteration starts, the loop turned %d times", name, len(iters), n)
		}
		var stdout, printed strings.Builder
		for _, c := range r.Output {
			if !c.Stderr {
				stdout.WriteString(c.Text)
			}
		}
		prints := stopsOf(rec, UnitPrint, 0)
		var want []int32
		for i := range evs {
			e := &evs[i]
			if e.Kind == trace.LoopPhase && e.Phase == trace.PhaseSelect && !slices.Contains(iters, int32(i)) {
				t.Errorf("%s: the select at event %d starts no iteration", name, i)
			}
			if e.Kind == trace.Print && e.Label != "stderr" {
				want = append(want, int32(i))
			}
		}
		for _, i := range prints {
			printed.WriteString(evs[i].Text)
		}
		if !slices.Equal(prints, want) || printed.String() != stdout.String() {
			t.Errorf("%s: print stops %v print %q, the engine's stdout is %q", name, prints, printed.String(), stdout.String())
		}

		// Every task's line, event by event.
		s := &State{rec: rec, Index: -1}
		lines := map[int32]int32{}
		got := map[int32][]int32{}
		for i := range evs {
			s.apply(i)
			for k := range s.Tasks {
				tk := &s.Tasks[k]
				if tk.Line != lines[tk.ID] || (evs[i].Kind == trace.TaskStep && evs[i].ID == tk.ID && evs[i].Line > 0) {
					got[tk.ID] = append(got[tk.ID], int32(i))
				}
				lines[tk.ID] = tk.Line
			}
		}
		for k := range s.Tasks {
			id := s.Tasks[k].ID
			if stops := stopsOf(rec, UnitLine, id); !slices.Equal(stops, got[id]) {
				t.Errorf("%s: task %s arrives at lines at events %v, its line changes at %v", name, s.Tasks[k].Name, stops, got[id])
				break
			}
		}
		all := stopsOf(rec, UnitLine, 0)
		if !slices.IsSorted(all) {
			t.Errorf("%s: line stops out of order", name)
		}
		for _, i := range all {
			if evs[i].Line <= 0 {
				t.Errorf("%s: a line stop at event %d, which has no line", name, i)
			}
		}
	}
}

// Stepping by each unit, forward then back, visits the unit's stops in
// order, and beyond the last (the first) goes to the end (the start).
func TestStepByVisitsEveryStop(t *testing.T) {
	sc, _ := scenes.Get("13_errors_in_tasks")
	rec, _ := runScene(t, "scene.py", sc.Source)
	p := NewPlayer(rec, sc.Source)
	walk := func(u Unit, task int32, dir int) []int32 {
		var seen []int32
		for range rec.Len() {
			before := p.Index()
			p.StepBy(u, dir, task)
			if p.Playing() {
				t.Fatalf("%v: playing after a step", u)
			}
			if p.Index() == before {
				break
			}
			seen = append(seen, int32(p.Index()))
		}
		return seen
	}
	last := int32(rec.Len() - 1)
	for _, u := range []Unit{UnitIteration, UnitPrint, UnitLine} {
		stops := stopsOf(rec, u, 0)
		if len(stops) < 5 {
			t.Fatalf("%v: only %d stops", u, len(stops))
		}
		p.Seek(0)
		fwd := walk(u, 0, 1)
		want := slices.DeleteFunc(append([]int32{}, stops...), func(i int32) bool { return i == 0 })
		if want[len(want)-1] != last {
			want = append(want, last)
		}
		if u != UnitLine && !slices.Equal(fwd, want) {
			t.Errorf("%v forward: %v, want %v", u, fwd, want)
		}
		back := walk(u, 0, -1)
		want = slices.DeleteFunc(append([]int32{}, stops...), func(i int32) bool { return i >= last })
		slices.Reverse(want)
		if want[len(want)-1] != 0 {
			want = append(want, 0)
		}
		if u != UnitLine && !slices.Equal(back, want) {
			t.Errorf("%v back: %v, want %v", u, back, want)
		}
	}
	// Every print step lands on a line of the console.
	p.Seek(0)
	for p.Index() < rec.Len()-1 {
		p.StepBy(UnitPrint, 1, 0)
		if e := rec.Trace().Events[p.Index()]; e.Kind != trace.Print && p.Index() != rec.Len()-1 {
			t.Fatalf("a print step landed on a %s", e.Kind)
		}
	}
	// The line steps of one task are its own, whoever else runs between.
	p.Seek(0)
	var task int32
	for _, tk := range rec.StateAt(rec.Len() - 1).Tasks {
		if tk.Coro == "fetch()" || strings.HasPrefix(tk.Coro, "fetch(") {
			task = tk.ID
			break
		}
	}
	if task == 0 {
		t.Fatal("no fetch task")
	}
	if got, want := walk(UnitLine, task, 1), append(append([]int32{}, stopsOf(rec, UnitLine, task)...), last); !slices.Equal(got, want) {
		t.Errorf("the fetch task's lines: %v, want %v", got, want)
	}
	// Stepping by line with no task picked follows the running one.
	p.Seek(0)
	for p.State().Loop.Task == 0 {
		p.Step(1)
	}
	from, running := p.Index(), p.State().Loop.Task
	p.StepBy(UnitLine, 1, 0)
	want := slices.Index(whos(rec)[from+1:], running) + from + 1
	if want == from || p.Index() != want {
		t.Errorf("line step of the running task %d from %d went to %d, its next line is at %d", running, from, p.Index(), want)
	}
}

// playTo plays p from where it is until it pauses or reaches the end.
func playTo(p *Player) {
	p.Play()
	for p.Playing() {
		p.Advance(MaxFrame)
	}
}

// Playing stops at a breakpoint: on a line, at the first event that
// arrives there; at a timer's due, a task's end, an exception; and the
// next play goes on to the next one.
func TestPlayStopsAtBreakpoints(t *testing.T) {
	sc, _ := scenes.Get("13_errors_in_tasks")
	rec, _ := runScene(t, "scene.py", sc.Source)
	evs := rec.Trace().Events
	p := NewPlayer(rec, sc.Source)
	p.SetSpeed(MaxSpeed)

	// Line 15 (print in fetch) is reached once by each fetch that
	// succeeds: news, mail, news.
	p.SetBreaks([]int32{15}, 0)
	var hits []int
	for range rec.Len() {
		playTo(p)
		if p.AtEnd() && p.Hit() == 0 {
			break
		}
		if p.Hit() != BreakLine || evs[p.Index()].Line != 15 {
			t.Fatalf("stopped at event %d (%s line %d), why %b", p.Index(), evs[p.Index()].Kind, evs[p.Index()].Line, p.Hit())
		}
		hits = append(hits, p.Index())
	}
	var want []int
	for _, i := range stopsOf(rec, UnitLine, 0) {
		if evs[i].Line == 15 {
			want = append(want, int(i))
		}
	}
	if len(want) != 3 || !slices.Equal(hits, want) {
		t.Errorf("line 15 stopped play at %v, tasks arrive there at %v (want 3)", hits, want)
	}
	for i := 0; i < want[0]; i++ {
		if evs[i].Line == 15 {
			t.Errorf("event %d is on line 15 before the first stop", i)
		}
	}
	// Stepping to a breakpoint lands where playing stops.
	p.Seek(0)
	p.StepBy(UnitBreak, 1, 0)
	if p.Index() != want[0] {
		t.Errorf("step to a breakpoint: %d, want %d", p.Index(), want[0])
	}
	if p.Hit() != 0 {
		t.Error("a step reports a breakpoint hit: only playing stops at one")
	}
	p.StepBy(UnitBreak, -1, 0)
	if p.Index() != 0 {
		t.Errorf("step back before the first breakpoint: %d, want 0", p.Index())
	}

	for _, c := range []struct {
		on    BreakOn
		kinds []trace.Kind
	}{
		{BreakTimer, []trace.Kind{trace.TimerDue}},
		{BreakDone, []trace.Kind{trace.TaskDone}},
		{BreakError, []trace.Kind{trace.FutureException, trace.Raise, trace.Uncaught}},
	} {
		p.SetBreaks(nil, c.on)
		p.Seek(0)
		var hits, want []int
		for range rec.Len() {
			playTo(p)
			if p.Hit() == 0 {
				break
			}
			if p.Hit() != c.on {
				t.Fatalf("break on %b: stopped for %b", c.on, p.Hit())
			}
			hits = append(hits, p.Index())
		}
		for i := 1; i < len(evs); i++ {
			if slices.Contains(c.kinds, evs[i].Kind) {
				want = append(want, i)
			}
		}
		if len(want) == 0 || !slices.Equal(hits, want) {
			t.Errorf("break on %b: stopped at %v, want %v", c.on, hits, want)
		}
	}
	// No breakpoint: play runs to the end.
	p.SetBreaks(nil, 0)
	p.Seek(0)
	playTo(p)
	if !p.AtEnd() {
		t.Errorf("without breakpoints play stopped at %d of %d", p.Index(), rec.Len())
	}
}

// Stepping through a 2,000-task scene by every unit: the stops are built
// once, each step is a binary search (timed and reported, not asserted:
// the machine is shared).
func TestStepByScales(t *testing.T) {
	src := "import asyncio\n\nasync def work(i):\n    await asyncio.sleep(i % 7 * 0.01)\n    print(i)\n    return i\n\nasync def main():\n    r = await asyncio.gather(*(work(i) for i in range(2000)))\n    print(sum(r))\n\nasyncio.run(main())\n"
	start := time.Now()
	rec, _ := runScene(t, "scene.py", src)
	t.Logf("%d events, run and built in %v", rec.Len(), time.Since(start))
	if rec.Len() < 30000 {
		t.Fatalf("only %d events", rec.Len())
	}
	p := NewPlayer(rec, src)
	p.SetBreaks([]int32{5}, BreakDone)
	for _, u := range []Unit{UnitIteration, UnitPrint, UnitLine, UnitBreak} {
		p.Seek(0)
		start, steps := time.Now(), 0
		for p.Index() < rec.Len()-1 {
			p.StepBy(u, 1, 0)
			steps++
		}
		t.Logf("unit %d: %d steps to the end in %v", u, steps, time.Since(start))
		if u == UnitPrint && steps != 2002 {
			t.Errorf("%d print steps, want 2,002 (2,001 prints, then the end)", steps)
		}
	}
}

// whos returns who arrives at a line at each event (0: nobody).
func whos(rec *Recording) []int32 {
	out := make([]int32, rec.Len())
	for i, m := range rec.marks {
		out[i] = m >> 1
	}
	return out
}

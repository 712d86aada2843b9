package playback

import (
	"reflect"
	"strings"
	"testing"

	"loopscope/scenes/playback/playtest"
	"loopscope/scenes/trace"
)

// find returns the index of the first event at or after from that matches.
func find(t *testing.T, tr *trace.Trace, from int, ok func(e *trace.Event) bool) int {
	t.Helper()
	for i := from; i < len(tr.Events); i++ {
		if ok(&tr.Events[i]) {
			return i
		}
	}
	t.Fatalf("no matching event after %d", from)
	return -1
}

func TestStateFollowsGather(t *testing.T) {
	tr := playtest.Gather(3, false)
	if err := tr.Validate(); err != nil {
		t.Fatal(err)
	}
	rec := Build(tr)

	// main suspends on the gather future: the three workers' first steps
	// wait in the ready queue in creation order.
	i := find(t, tr, 0, func(e *trace.Event) bool { return e.Kind == trace.TaskSuspend })
	s := rec.StateAt(i)
	var q []string
	for _, h := range s.Ready {
		q = append(q, h.Text)
	}
	if got, want := strings.Join(q, " "), "Task-2.__step Task-3.__step Task-4.__step"; got != want {
		t.Errorf("ready queue = %q, want %q", got, want)
	}
	main := s.Tasks[0]
	if main.State != TaskWaiting || s.Future(main.Await) == nil || s.Future(main.Await).Text != "gather" {
		t.Errorf("main = %+v, want waiting on the gather future", main)
	}
	if main.Line != 12 {
		t.Errorf("main is at line %d, want 12", main.Line)
	}
	for _, w := range s.Tasks[1:] {
		if w.State != TaskReady {
			t.Errorf("%s is %s, want ready", w.Name, w.State)
		}
	}
	if s.Loop.Task != 0 || s.Concept != "await" {
		t.Errorf("loop task %d concept %q after the suspend", s.Loop.Task, s.Concept)
	}

	// Once every worker has run its first step: three timers by deadline,
	// each worker waiting on its own sleep future, the console has the
	// three "start" lines.
	last := i
	for k := 0; k < 3; k++ {
		last = find(t, tr, last+1, func(e *trace.Event) bool { return e.Kind == trace.TaskSuspend })
	}
	s = rec.StateAt(last)
	if len(s.Timers) != 3 || s.Timers[0].Deadline != 0.5 || s.Timers[2].Deadline != 1.5 {
		t.Errorf("timers = %+v", s.Timers)
	}
	for _, w := range s.Tasks[1:] {
		f := s.Future(w.Await)
		if w.State != TaskWaiting || f == nil || !strings.HasPrefix(f.Text, "sleep(") || w.Line != 5 {
			t.Errorf("%s: %+v, want waiting on a sleep at line 5", w.Name, w)
		}
	}
	if s.Output != "start 0\nstart 1\nstart 2\n" {
		t.Errorf("output %q", s.Output)
	}
	if len(s.TaskLines) != 4 {
		t.Errorf("task lines %+v, want 4 live tasks", s.TaskLines)
	}

	// The first timer falls due: it joins the ready queue from the heap.
	i = find(t, tr, last, func(e *trace.Event) bool { return e.Kind == trace.TimerDue })
	s = rec.StateAt(i)
	if len(s.Ready) != 1 || !s.Ready[0].FromTimer || s.Ready[0].Text != "futures._set_result_unless_cancelled" || s.Clock != 0.5 {
		t.Errorf("after timer.due: ready %+v clock %g", s.Ready, s.Clock)
	}
	if len(s.Timers) != 2 {
		t.Errorf("%d timers left, want 2", len(s.Timers))
	}

	// The sleep future resolves; the wakeup handle comes from it.
	i = find(t, tr, i, func(e *trace.Event) bool { return e.Kind == trace.FutureResult })
	fid := tr.Events[i].ID
	i = find(t, tr, i, func(e *trace.Event) bool { return e.Kind == trace.HandleNew })
	s = rec.StateAt(i)
	h := s.Ready[len(s.Ready)-1]
	if h.From != fid || h.Text != "Task-2.__wakeup" {
		t.Errorf("wakeup handle %+v, want from future %d", h, fid)
	}
	if f := s.Future(fid); f.State != FutureDone || !f.Callbacks[0].Fired {
		t.Errorf("future %+v, want done with its callback fired", f)
	}

	// At the end: every task done, the loop stopped, the output complete.
	s = rec.StateAt(tr.Len() - 1)
	for _, w := range s.Tasks {
		if w.State != TaskDone {
			t.Errorf("%s ends %s", w.Name, w.State)
		}
	}
	if s.Loop.Running || s.Output != rec.Output() || !strings.HasSuffix(s.Output, "all done\n") {
		t.Errorf("end: running %v output %q", s.Loop.Running, s.Output)
	}
	if len(s.TaskLines) != 0 {
		t.Errorf("task lines at the end: %+v", s.TaskLines)
	}
	if s.Tasks[1].Result != "0" {
		t.Errorf("Task-2's result %q", s.Tasks[1].Result)
	}

	// Who held the loop: every task step is a span with its task.
	steps := 0
	for _, sp := range s.Timeline {
		if sp.Task != 0 {
			steps++
			if sp.End <= sp.Start {
				t.Errorf("empty span %+v", sp)
			}
		}
	}
	if steps != 2+3*2 {
		t.Errorf("%d task-step spans, want 8", steps)
	}
	if len(s.Stalls) != 0 {
		t.Errorf("stalls without a blocking call: %+v", s.Stalls)
	}
}

func TestStallIsRecorded(t *testing.T) {
	tr := playtest.Gather(2, true)
	rec := Build(tr)
	b := find(t, tr, 0, func(e *trace.Event) bool { return e.Kind == trace.ThreadBlock })
	s := rec.StateAt(b)
	if !s.Stalled() || s.Loop.BlockWhy != "time.sleep(1)" || !strings.HasPrefix(s.Caption, "STALL") {
		t.Errorf("at the block: loop %+v caption %q", s.Loop, s.Caption)
	}
	if th := s.Threads[0]; th.State != ThreadBlocked {
		t.Errorf("main thread %+v", th)
	}
	s = rec.StateAt(b + 1)
	if s.Stalled() {
		t.Errorf("still stalled after the wake")
	}
	if len(s.Stalls) != 1 {
		t.Fatalf("stalls %+v", s.Stalls)
	}
	st := s.Stalls[0]
	if st.T0 != 0 || st.T1 != 1 || st.Start != b || st.End != b+2 || st.Label != "time.sleep(1)" {
		t.Errorf("stall %+v", st)
	}
	var lanes []string
	for _, ts := range rec.StateAt(tr.Len() - 1).ThreadSpans {
		lanes = append(lanes, ts.State.String())
	}
	if got := strings.Join(lanes, " "); got != "running blocked running" {
		t.Errorf("main thread lanes %q", got)
	}
}

// Replaying from snapshots gives the very state a straight replay gives.
func TestSnapshotsAgreeWithReplay(t *testing.T) {
	tr := playtest.Gather(20, true)
	rec := build(tr, 7)
	if rec.Snapshots() < 10 {
		t.Fatalf("only %d snapshots", rec.Snapshots())
	}
	s := &State{rec: rec, Index: -1}
	for i := range tr.Events {
		s.apply(i)
		want := s.clone()
		want.finish()
		got := rec.StateAt(i)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("event %d (%s): snapshot replay differs\n got %+v\nwant %+v", i, tr.Events[i].Kind, got, want)
		}
	}
}

func TestHandCallbacksAndSyncs(t *testing.T) {
	var tr trace.Trace
	ev := func(e trace.Event) { tr.Add(e) }
	ev(trace.Event{Kind: trace.ThreadNew, ID: 1, Thread: 1, Text: "MainThread"})
	ev(trace.Event{Kind: trace.LoopStart, Thread: 1})
	ev(trace.Event{Kind: trace.TaskNew, ID: 2, Thread: 1, Text: "Task-1", Label: "main()"})
	ev(trace.Event{Kind: trace.TaskNew, ID: 3, Thread: 1, Text: "Task-2", Label: "consumer()"})
	ev(trace.Event{Kind: trace.TaskStep, ID: 3, Thread: 1, Line: 5, Col: 1})
	ev(trace.Event{Kind: trace.SyncNew, ID: 4, Thread: 1, Text: "Queue"})
	ev(trace.Event{Kind: trace.SyncWait, ID: 4, Ref: 3, Thread: 1, Label: "get", Concept: trace.ConceptQueue})
	ev(trace.Event{Kind: trace.FutureNew, ID: 5, Thread: 1, Text: "Queue.get"})
	ev(trace.Event{Kind: trace.TaskSuspend, ID: 3, Ref: 5, Thread: 1, Line: 6, Col: 9})
	ev(trace.Event{Kind: trace.FutureNew, ID: 6, Thread: 1, Text: "create_future()"})
	ev(trace.Event{Kind: trace.FutureCallback, ID: 6, Thread: 1, Text: "announce"})
	ev(trace.Event{Kind: trace.FutureException, ID: 6, Thread: 1, Label: "ValueError: boom"})
	ev(trace.Event{Kind: trace.HandleNew, ID: 7, Ref: 0, Cause: 6, Thread: 1, Text: "announce"})
	ev(trace.Event{Kind: trace.SyncOp, ID: 4, Thread: 1, Text: "put", Num: 1})
	ev(trace.Event{Kind: trace.SyncWake, ID: 4, Ref: 5, Thread: 1, Num: 1})
	ev(trace.Event{Kind: trace.TaskCancel, ID: 2, Thread: 1, Label: "bye"})
	ev(trace.Event{Kind: trace.Uncaught, Thread: 1, Text: "ValueError: boom"})
	rec := Build(&tr)

	s := rec.StateAt(8)
	if y := s.Syncs[0]; len(y.Waiters) != 1 || y.Waiters[0].Task != 3 || y.Waiters[0].Future != 5 {
		t.Errorf("queue %+v", y)
	}
	if tk := s.Task(3); tk.Sync != 4 || tk.SyncWhy != "get" || tk.State != TaskWaiting {
		t.Errorf("consumer %+v", tk)
	}
	s = rec.StateAt(12)
	if f := s.Future(6); f.State != FutureFailed || f.Result != "ValueError: boom" {
		t.Errorf("future %+v", f)
	}
	if h := s.Ready[0]; h.From != 6 {
		t.Errorf("the announce handle comes from %d, want the failed future 6", h.From)
	}
	s = rec.StateAt(tr.Len() - 1)
	if y := s.Syncs[0]; len(y.Waiters) != 0 || y.Value != 1 || y.LastOp != "put" {
		t.Errorf("queue after put %+v", y)
	}
	if !s.Tasks[0].Cancel || s.Tasks[0].CancelMsg != "bye" {
		t.Errorf("main %+v", s.Tasks[0])
	}
	if s.Err != "ValueError: boom" || s.ErrKind != trace.Uncaught {
		t.Errorf("err %q %q", s.Err, s.ErrKind)
	}
	if s.Name(4) != "Queue-4" || s.Name(6) != "Future-6" || s.Name(2) != "Task-1" {
		t.Errorf("names %q %q %q", s.Name(4), s.Name(6), s.Name(2))
	}
}

func TestEmptyTrace(t *testing.T) {
	p := New(nil, "")
	if p.Len() != 0 || p.State().Index != -1 || !p.AtEnd() || p.Progress() != 1 {
		t.Errorf("empty player: len %d index %d", p.Len(), p.State().Index)
	}
	p.Play()
	p.Advance(1)
	p.Step(3)
	p.Seek(10)
	if p.Playing() || p.Index() != 0 {
		t.Errorf("empty player moved: %d", p.Index())
	}
}

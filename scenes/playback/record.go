package playback

import (
	"sort"
	"strings"

	"loopscope/scenes/trace"
)

type objKind uint8

const (
	objNone objKind = iota
	objTask
	objFuture
	objHandle
	objTimer
	objThread
	objJob
	objSync
	objRequest // a request to a FastAPI app
	objDep     // a node of a request's dependency tree
	objSocket  // a socket
	numObjKinds
)

type objRef struct {
	kind objKind
	pos  int // creation order within its kind
}

// Recording is a trace prepared for playback: what every object id is,
// the console output, who held the loop thread when, and snapshots of the
// State every few events so that StateAt replays few events.
type Recording struct {
	tr          *trace.Trace
	objs        []objRef // by id
	output      string
	outEnd      []int32 // len(output) after each event
	timeline    []Span
	stalls      []Span
	threadSpans []ThreadSpan
	folds       []Fold
	reqEvents   []int32  // the request and depends events' indexes
	snaps       []*State // snaps[k] is the state after event snapAt[k]
	snapAt      []int
	minK        int
	marks       []int32 // by event, where steps land: 2 × the task's id (the thread's -id) that arrives at a line there, + 1 where a turn of the loop starts
	building    bool
	anomalies   []string
	kinds       uint64    // a bit 1<<k for every trace.Kind k the trace holds
	mistakes    []Mistake // SetMistakes
}

// DefaultSnapshotEvery is the fewest events between two snapshots. Busier
// states (more objects to copy) space them further apart, so a snapshot's
// cost stays proportional to the events it saves replaying.
const DefaultSnapshotEvery = 128

// Build prepares a trace for playback. A nil trace plays as an empty one.
func Build(tr *trace.Trace) *Recording {
	return build(tr, DefaultSnapshotEvery)
}

func build(tr *trace.Trace, minK int) *Recording {
	if tr == nil {
		tr = &trace.Trace{}
	}
	r := &Recording{tr: tr, minK: minK, building: true}
	defer func() { r.building = false }()
	r.index()

	s := &State{rec: r, Index: -1}
	r.snaps = append(r.snaps, s.clone())
	r.snapAt = append(r.snapAt, -1)
	openSpan, openStall := -1, -1
	openThread := []int{}
	openFold := map[int32]int{} // a shutting-down loop's id -> its fold
	n := len(tr.Events)
	lastLine := make([]int32, len(r.objs)) // each task's and thread's line so far, for r.mark
	for i := range tr.Events {
		e := &tr.Events[i]
		stall := r.isStall(e, s)
		iter := s.Loop.Iteration
		s.apply(i)
		r.mark(i, e, s, iter, lastLine)

		// Who holds the loop thread.
		closeSpan := func() {
			if openSpan >= 0 {
				r.timeline[openSpan].End, r.timeline[openSpan].T1 = i, e.Time
				openSpan = -1
			}
		}
		switch e.Kind {
		case trace.HandleRun:
			closeSpan()
			r.timeline = append(r.timeline, Span{Start: i, End: n, T0: e.Time, Handle: e.ID, Label: s.Loop.HandleTxt, Color: -1, Shutdown: len(openFold) > 0})
			openSpan = len(r.timeline) - 1
		case trace.TaskStep:
			if openSpan < 0 {
				r.timeline = append(r.timeline, Span{Start: i, End: n, T0: e.Time, Color: -1, Shutdown: len(openFold) > 0})
				openSpan = len(r.timeline) - 1
			}
			if sp := &r.timeline[openSpan]; sp.Task == 0 {
				if t := s.Task(e.ID); t != nil {
					sp.Task, sp.Label, sp.Color = e.ID, t.Name, t.Color
				}
			}
		case trace.LoopPhase, trace.LoopStop, trace.HandleSkip, trace.Uncaught, trace.Stopped:
			closeSpan()
		}

		// asyncio.run's shutdown: from its loop.phase to the loop's stop.
		switch {
		case e.Kind == trace.LoopPhase && e.Phase == trace.PhaseShutdown:
			if _, open := openFold[e.ID]; !open {
				r.folds = append(r.folds, Fold{Start: i, End: n - 1, T0: e.Time, Loop: e.ID})
				openFold[e.ID] = len(r.folds) - 1
			}
		case e.Kind == trace.LoopStop:
			if k, open := openFold[e.ID]; open {
				r.folds[k].End, r.folds[k].T1 = i, e.Time
				delete(openFold, e.ID)
			}
		}

		// Stalls: a blocking call on the loop thread.
		if stall && openStall < 0 {
			r.stalls = append(r.stalls, Span{Start: i, End: n, T0: e.Time, Label: e.Text, Color: -1, Stall: true, Task: s.Loop.Task})
			openStall = len(r.stalls) - 1
		} else if openStall >= 0 && ((e.Kind == trace.ThreadWake && e.ID == s.Loop.Thread) || e.Kind == trace.LoopStop || e.Kind == trace.Stopped) {
			r.stalls[openStall].End, r.stalls[openStall].T1 = i+1, e.Time
			openStall = -1
		}

		// Each thread's state over time.
		var th *Thread
		switch e.Kind {
		case trace.ThreadNew, trace.ThreadBlock, trace.ThreadWake, trace.ThreadEnd:
			th = s.Thread(e.ID)
		case trace.JobStart:
			th = s.Thread(e.Ref)
		case trace.JobDone:
			if j := s.Job(e.ID); j != nil {
				th = s.Thread(j.Worker)
			}
		}
		if th != nil {
			for len(openThread) <= th.Ord {
				openThread = append(openThread, -1)
			}
			if k := openThread[th.Ord]; k < 0 || r.threadSpans[k].State != th.State || r.threadSpans[k].Why != th.Why {
				if k >= 0 {
					r.threadSpans[k].End, r.threadSpans[k].T1 = i, e.Time
					openThread[th.Ord] = -1
				}
				if th.State != ThreadEnded {
					r.threadSpans = append(r.threadSpans, ThreadSpan{Thread: th.Ord, Start: i, End: n, T0: e.Time, State: th.State, Why: th.Why, In: th.In, Stall: stall && th.State == ThreadBlocked})
					openThread[th.Ord] = len(r.threadSpans) - 1
				}
			}
		}

		if i-r.snapAt[len(r.snapAt)-1] >= r.every(s) {
			r.snaps = append(r.snaps, s.clone())
			r.snapAt = append(r.snapAt, i)
		}
	}
	end := 0.0
	if n > 0 {
		end = tr.Events[n-1].Time
	}
	for k := range r.timeline {
		if r.timeline[k].End == n {
			r.timeline[k].T1 = end
		}
	}
	for k := range r.stalls {
		if r.stalls[k].End == n {
			r.stalls[k].T1 = end
		}
	}
	for k := range r.threadSpans {
		if r.threadSpans[k].End == n {
			r.threadSpans[k].T1 = end
		}
	}
	for _, k := range openFold {
		r.folds[k].T1 = end
	}
	return r
}

// Fold is a run of events the stage may show as one step: asyncio.run's
// shutdown (Runner.close: cancel the tasks left, shutdown_asyncgens,
// shutdown_default_executor, close), from its loop.phase "shutdown" to
// the loop's loop.stop, or to the last event when the run ended inside it.
type Fold struct {
	Start, End int     // its first and last event indexes, both included
	T0, T1     float64 // their virtual times
	Loop       int32   // the loop that shuts down
}

// Len returns the number of events the fold holds.
func (f Fold) Len() int { return f.End - f.Start + 1 }

// Folds returns the recording's folds, by their first event.
func (r *Recording) Folds() []Fold { return r.folds }

// FoldAt returns the fold that holds event i, if there is one.
func (r *Recording) FoldAt(i int) (Fold, bool) {
	for _, f := range r.folds {
		if f.Start <= i && i <= f.End {
			return f, true
		}
	}
	return Fold{}, false
}

// index records what each object id is and the console's growth.
func (r *Recording) index() {
	maxID := int32(0)
	for i := range r.tr.Events {
		e := &r.tr.Events[i]
		maxID = max(maxID, e.ID, e.Ref, e.Thread)
	}
	r.objs = make([]objRef, maxID+1)
	var counts [numObjKinds]int
	var out strings.Builder
	r.outEnd = make([]int32, len(r.tr.Events))
	for i := range r.tr.Events {
		e := &r.tr.Events[i]
		r.kinds |= 1 << e.Kind
		var k objKind
		switch e.Kind {
		case trace.TaskNew:
			k = objTask
		case trace.FutureNew:
			k = objFuture
		case trace.HandleNew:
			k = objHandle
		case trace.TimerNew:
			k = objTimer
		case trace.ThreadNew:
			k = objThread
		case trace.JobNew:
			k = objJob
		case trace.SyncNew:
			k = objSync
		case trace.SocketOp:
			k = objSocket
		case trace.Print:
			out.WriteString(e.Text)
		case trace.Request, trace.Depends:
			r.reqEvents = append(r.reqEvents, int32(i))
			if e.Label == "start" {
				k = objRequest
			} else if e.Label == "solve" {
				k = objDep
			}
		}
		if k != objNone && e.ID > 0 && r.objs[e.ID].kind == objNone {
			r.objs[e.ID] = objRef{kind: k, pos: counts[k]}
			counts[k]++
		}
		r.outEnd[i] = int32(out.Len())
	}
	r.output = out.String()
}

func (r *Recording) obj(id int32) objRef {
	if id <= 0 || int(id) >= len(r.objs) {
		return objRef{}
	}
	return r.objs[id]
}

// isStall reports whether e, applied to s, blocks the running loop's
// thread in a blocking call.
func (r *Recording) isStall(e *trace.Event, s *State) bool {
	if e.Kind != trace.ThreadBlock || e.Concept != trace.ConceptBlocking || !s.Loop.Running {
		return false
	}
	id := e.ID
	if id == 0 {
		id = e.Thread
	}
	return id == s.Loop.Thread
}

// every is how many events may pass before the next snapshot of s.
func (r *Recording) every(s *State) int {
	cost := len(s.Tasks) + len(s.Futures) + len(s.Timers) + len(s.Ready) + len(s.Threads) + len(s.Jobs) + len(s.Syncs) + len(s.Sockets)
	return max(r.minK, cost/2)
}

// Anomalies returns the events the recording could not follow (a handle
// run that was never queued, a step of an unknown task...): none for a
// well-formed trace.
func (r *Recording) Anomalies() []string { return r.anomalies }

// Trace returns the recorded trace.
func (r *Recording) Trace() *trace.Trace { return r.tr }

// Len returns the number of events.
func (r *Recording) Len() int { return len(r.tr.Events) }

// Output returns everything the scene printed.
func (r *Recording) Output() string { return r.output }

// Snapshots returns how many snapshots the recording keeps.
func (r *Recording) Snapshots() int { return len(r.snaps) }

// StateAt returns a fresh State after event i (clamped to -1..Len()-1),
// replayed from the nearest snapshot at or before i.
func (r *Recording) StateAt(i int) *State {
	i = max(-1, min(i, r.Len()-1))
	k := sort.Search(len(r.snapAt), func(k int) bool { return r.snapAt[k] > i }) - 1
	s := r.snaps[k].clone()
	for j := r.snapAt[k] + 1; j <= i; j++ {
		s.apply(j)
	}
	s.finish()
	return s
}

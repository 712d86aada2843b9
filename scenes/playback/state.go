// Package playback turns a scene's trace into pictures: the State of every
// object at any event index (rebuilt from snapshots, so seeking is cheap),
// a Player that paces the events for the eye, and Layout, which places the
// stage's elements as plain data for the drawing code to draw.
//
// Nothing here reads the clock, draws, or imports Ebiten: the page's
// animation loop calls Player.Advance with the wall time of each frame.
package playback

import (
	"sort"

	"loopscope/scenes/trace"
)

// TaskState is where a task is in its life.
type TaskState uint8

// The task states.
const (
	TaskPending   TaskState = iota // created, its first step not yet run
	TaskReady                      // a step is scheduled: its handle is in the ready queue
	TaskRunning                    // its coroutine is running on the loop thread
	TaskWaiting                    // suspended at an await
	TaskDone                       // returned a result
	TaskFailed                     // ended with an exception
	TaskCancelled                  // ended cancelled
)

var taskStateNames = [...]string{"pending", "ready", "running", "waiting", "done", "failed", "cancelled"}

// String returns the state as a learner reads it.
func (s TaskState) String() string { return taskStateNames[s] }

// Finished reports whether the task has ended, whichever way.
func (s TaskState) Finished() bool { return s >= TaskDone }

// FutureState is a future's state.
type FutureState uint8

// The future states, as asyncio names them.
const (
	FuturePending FutureState = iota
	FutureDone
	FutureFailed
	FutureCancelled
)

var futureStateNames = [...]string{"pending", "done", "failed", "cancelled"}

// String returns the state's name.
func (s FutureState) String() string { return futureStateNames[s] }

// ThreadState is what a thread is doing.
type ThreadState uint8

// The thread states.
const (
	ThreadRunning ThreadState = iota
	ThreadBlocked
	ThreadIdle
	ThreadEnded
)

var threadStateNames = [...]string{"running", "blocked", "idle", "ended"}

// String returns the state's name.
func (s ThreadState) String() string { return threadStateNames[s] }

// JobState is where an executor job is.
type JobState uint8

// The job states.
const (
	JobQueued JobState = iota
	JobRunning
	JobDone
	JobFailed
)

var jobStateNames = [...]string{"queued", "running", "done", "failed"}

// String returns the state's name.
func (s JobState) String() string { return jobStateNames[s] }

// Loop is the event loop's picture.
type Loop struct {
	Started   bool        // loop.start has happened
	Running   bool        // between loop.start and loop.stop
	Thread    int32       // the thread that runs it
	Phase     trace.Phase // the phase of _run_once it is in; NoPhase before the first and after loop.stop
	Shutdown  bool        // asyncio.run's shutdown is under way (from loop.phase "shutdown" to loop.stop)
	PhaseNum  float64     // the select timeout (-1: none) or the number of ready handles
	Iteration int         // turns of _run_once so far
	Handle    int32       // the handle being run, 0 if none
	HandleRef int32       // what that handle serves
	HandleTxt string      // what that handle calls
	Task      int32       // the task whose step is running, 0 if none
	Blocked   bool        // the loop thread is stalled in a blocking call
	BlockWhy  string      // why ("time.sleep(2)")
	BlockTo   float64     // until when (-1: unknown)
}

// Handle is a callback in the ready queue.
type Handle struct {
	ID        int32
	Ref       int32  // the task or future it serves
	Text      string // what it calls ("Task-1.__step")
	From      int32  // why it joined (the trace's cause): the future that resolved, the timer that fell due, the task itself or the task that called call_soon; 0 if none
	FromTimer bool   // From is a timer
	Born      int    // the event index it joined the queue
	Cancelled bool
}

// Callback is a done-callback registered on a future or task.
type Callback struct {
	Name   string
	Target int32 // the task or future that awaits the future through it (the waiting task of a Task.__wakeup, gather's outer future...), if known
	Fired  bool  // the future completed and the callback was scheduled
}

// Task is an asyncio Task.
type Task struct {
	ID        int32
	Ord       int // creation order among tasks, from 0
	Name      string
	Coro      string // the coroutine's label ("fetch('a')")
	State     TaskState
	Line, Col int32  // where its coroutine is (0 before the first step)
	Await     int32  // the future or task it waits on (0: none or a bare yield)
	Stack     string // its coroutine's await chain where it last suspended, outermost first ("main:30;fetch:18")
	WokenBy   int32  // what made its latest step ready (the trace's cause): the future or task it awaited, or itself for a first step, a yield or a cancellation
	Sync      int32  // the queue, lock, event... it waits on, 0 if none
	SyncWhy   string
	Result    string // repr of the result, or the exception
	Cancel    bool   // cancel() was requested
	CancelMsg string
	Steps     int // steps run so far
	Color     int // palette index, stable per task
	Callbacks []Callback
	Changed   int  // the event index of its last change
	Shutdown  bool // asyncio.run's shutdown made it (shutdown_asyncgens, shutdown_default_executor)
}

// Future is a Future that is not a Task.
type Future struct {
	ID        int32
	Ord       int
	Text      string // what it is for ("sleep(1)")
	Wraps     int32  // the future it takes its outcome from (wrap_future's concurrent future), 0 if none
	State     FutureState
	Result    string
	Line, Col int32
	Callbacks []Callback
	Born      int
	Settled   int // the event index it completed at (-1 while pending)
}

// Timer is a TimerHandle in the loop's heap.
type Timer struct {
	ID       int32
	Ref      int32 // what it serves (the sleep's future)
	Deadline float64
	Text     string
	Born     int
}

// Thread is an OS thread of the scene: the main (loop) thread or a worker.
type Thread struct {
	ID      int32
	Ord     int
	Name    string
	State   ThreadState
	Why     string        // why it is blocked ("time.sleep(2)", "select")
	In      trace.Concept // what kind of wait: ConceptEventLoop for select, ConceptExecutor for an idle worker, ConceptBlocking for a blocking call; NoConcept when not blocked
	Until   float64       // until when it is blocked (-1: unknown)
	Job     int32         // the executor job it runs, 0 if none
	Changed int
}

// Job is an executor job (run_in_executor, to_thread).
type Job struct {
	ID     int32
	Fn     string
	Future int32 // the executor future
	Worker int32 // the thread running it, 0 while queued
	State  JobState
}

// Waiter is a task waiting on a synchronisation object.
type Waiter struct {
	Task   int32
	Why    string // "get", "put", "acquire", "wait"
	Future int32  // the future it sleeps on, once known
}

// Sync is an asyncio Queue, Lock, Event, Semaphore, Condition or Barrier.
type Sync struct {
	ID      int32
	Kind    string  // "Queue", "Lock", ...
	Value   float64 // what CPython reports now: a Semaphore's _value, 1 for a locked Lock or a set Event, a Queue's qsize(), a Barrier's n_waiting, a Condition's locked()
	LastOp  string  // the last sync.op ("acquire", "put"...)
	Label   string  // the last sync.op's label: a Queue's unfinished tasks, a Barrier's state
	On      int32   // what it is built on: a Condition's lock, a Barrier's condition
	Waiters []Waiter
}

// TaskLine is where a live task is in the source, for the code view.
type TaskLine struct {
	Task  int32
	Name  string
	Line  int32
	Color int
}

// Span is a stretch of the run: who held the loop thread, or a stall.
type Span struct {
	Start, End int     // event indexes [Start, End); End is the trace's length while open
	T0, T1     float64 // virtual times at Start and End
	Task       int32   // the task whose step ran, 0 for a plain callback
	Handle     int32
	Label      string // the task's name ("Task-1"), or what the callback calls; for a stall, why
	Color      int    // the task's colour, -1 for a callback
	Stall      bool
	Shutdown   bool // it ran during asyncio.run's shutdown (inside a Fold)
}

// ThreadSpan is a stretch of one thread's life in one state.
type ThreadSpan struct {
	Thread     int // the thread's Ord
	Start, End int
	T0, T1     float64
	State      ThreadState
	Why        string
	In         trace.Concept // Thread.In over the span
	Stall      bool          // the loop's thread blocked in a blocking call
}

// State is the picture of the run right after the event at Index.
//
// The slices in a State returned by a Player belong to the Player: read
// them, never modify them, and do not keep them past the next call.
type State struct {
	Index   int         // the event just applied; -1 before the first
	Event   trace.Event // that event
	Concept string      // its concept: the notes section to light
	Caption string      // what just happened, in words, in Lang
	Lang    Lang        // the language of Caption and of the stage's words
	Clock   float64     // the virtual clock (a Player interpolates it during jumps)

	Loop    Loop
	Ready   []Handle // FIFO order, head first
	Tasks   []Task   // creation order
	Futures []Future // creation order
	Timers  []Timer  // by deadline, then creation
	Threads []Thread
	Jobs    []Job
	Syncs   []Sync
	Sockets []Socket // creation order

	Output    string     // the console so far
	TaskLines []TaskLine // live tasks' lines
	Err       string     // the uncaught exception or why the engine stopped
	ErrKind   trace.Kind // trace.Uncaught or trace.Stopped, when Err is set
	ErrLine   int32      // the scene's line where it stopped, 0 if unknown
	Budget    string     // the budget that ran out when the engine stopped the scene ("steps", "memory", "events", "time"), "" otherwise
	LastRaise string     // the last exception raised

	Timeline    []Span       // who held the loop thread, in order; the last may be open
	Stalls      []Span       // blocking calls on the loop thread
	ThreadSpans []ThreadSpan // every thread's states over time

	rec *Recording
}

// Task returns the task with the given id, or nil.
func (s *State) Task(id int32) *Task {
	if o := s.rec.obj(id); o.kind == objTask && o.pos < len(s.Tasks) {
		return &s.Tasks[o.pos]
	}
	return nil
}

// Future returns the (non-task) future with the given id, or nil.
func (s *State) Future(id int32) *Future {
	if o := s.rec.obj(id); o.kind == objFuture && o.pos < len(s.Futures) {
		return &s.Futures[o.pos]
	}
	return nil
}

// Thread returns the thread with the given id, or nil.
func (s *State) Thread(id int32) *Thread {
	if o := s.rec.obj(id); o.kind == objThread && o.pos < len(s.Threads) {
		return &s.Threads[o.pos]
	}
	return nil
}

// Sync returns the synchronisation object with the given id, or nil.
func (s *State) Sync(id int32) *Sync {
	if o := s.rec.obj(id); o.kind == objSync && o.pos < len(s.Syncs) {
		return &s.Syncs[o.pos]
	}
	return nil
}

// Job returns the executor job with the given id, or nil.
func (s *State) Job(id int32) *Job {
	if o := s.rec.obj(id); o.kind == objJob && o.pos < len(s.Jobs) {
		return &s.Jobs[o.pos]
	}
	return nil
}

// Name returns what a learner calls object id: a task's or thread's name,
// "Future-7", a timer's callee; "" for 0.
func (s *State) Name(id int32) string {
	if id == 0 {
		return ""
	}
	switch o := s.rec.obj(id); o.kind {
	case objTask:
		if t := s.Task(id); t != nil {
			return t.Name
		}
	case objThread:
		if t := s.Thread(id); t != nil {
			return t.Name
		}
	case objSync:
		if y := s.Sync(id); y != nil {
			return y.Kind + "-" + itoa(int(id))
		}
	case objJob:
		return "job-" + itoa(int(id))
	case objHandle:
		return "handle-" + itoa(int(id))
	}
	return "Future-" + itoa(int(id))
}

// SetLang sets the language the state's caption, and the stage laid out
// from it, speak.
func (s *State) SetLang(l Lang) {
	if s.Lang != l {
		s.Lang = l
		s.Caption = s.caption()
	}
}

// Folded returns the fold (asyncio.run's shutdown) that holds the current
// event, if there is one.
func (s *State) Folded() (Fold, bool) { return s.rec.FoldAt(s.Index) }

// Stalled reports whether the loop thread is blocked right now.
func (s *State) Stalled() bool { return s.Loop.Blocked }

// clone returns a deep copy whose slices share nothing writable with s:
// every slice is cut to its length, so an append reallocates.
func (s *State) clone() *State {
	c := *s
	c.Ready = cloneSlice(s.Ready)
	c.Tasks = cloneSlice(s.Tasks)
	for i := range c.Tasks {
		c.Tasks[i].Callbacks = c.Tasks[i].Callbacks[:len(c.Tasks[i].Callbacks):len(c.Tasks[i].Callbacks)]
	}
	c.Futures = cloneSlice(s.Futures)
	for i := range c.Futures {
		c.Futures[i].Callbacks = c.Futures[i].Callbacks[:len(c.Futures[i].Callbacks):len(c.Futures[i].Callbacks)]
	}
	c.Timers = cloneSlice(s.Timers)
	c.Threads = cloneSlice(s.Threads)
	c.Jobs = cloneSlice(s.Jobs)
	c.Syncs = cloneSlice(s.Syncs)
	c.Sockets = cloneSlice(s.Sockets)
	for i := range c.Syncs {
		c.Syncs[i].Waiters = c.Syncs[i].Waiters[:len(c.Syncs[i].Waiters):len(c.Syncs[i].Waiters)]
	}
	c.TaskLines = nil
	return &c
}

func cloneSlice[T any](s []T) []T {
	if s == nil {
		return nil
	}
	c := make([]T, len(s), len(s)+4)
	copy(c, s)
	return c
}

// Callback slices are shared between clones; mutate them only through
// these helpers, which copy before writing.
func appendCallback(cbs []Callback, cb Callback) []Callback {
	n := make([]Callback, len(cbs), len(cbs)+1)
	copy(n, cbs)
	return append(n, cb)
}

func fireCallbacks(cbs []Callback) []Callback {
	if len(cbs) == 0 {
		return cbs
	}
	n := make([]Callback, len(cbs))
	copy(n, cbs)
	for i := range n {
		n[i].Fired = true
	}
	return n
}

// apply applies event i of the recording to s.
func (s *State) apply(i int) {
	r := s.rec
	e := &r.tr.Events[i]
	s.Index = i
	s.Event = *e
	s.Concept = e.Concept.String()
	s.Clock = e.Time
	s.Output = r.output[:r.outEnd[i]]
	loopThread := s.Loop.Started && e.Thread == s.Loop.Thread

	// Any positioned event on the loop thread while a step runs is where
	// that task's coroutine is now (handle.new's position is the
	// create_task call in the running task, for instance; task.new's is
	// the new coroutine's def, so it does not count). A task whose
	// coroutine is library code (gather's asyncio.sleep children) has no
	// line of its own: the engine gives its events no position.
	if e.Line > 0 && loopThread && s.Loop.Task != 0 && e.Kind != trace.TaskStep && e.Kind != trace.TaskNew {
		if t := s.Task(s.Loop.Task); t != nil {
			t.Line, t.Col = e.Line, e.Col
		}
	}

	switch e.Kind {
	case trace.LoopStart:
		s.Loop.Started, s.Loop.Running, s.Loop.Thread = true, true, e.Thread
	case trace.LoopPhase:
		if e.Phase == trace.PhaseShutdown {
			s.Loop.Shutdown = true
			break
		}
		// A turn of _run_once starts at select; a trace that leaves select
		// out still starts a turn with whatever follows "ready".
		if e.Phase == trace.PhaseSelect || s.Loop.Phase == trace.NoPhase || s.Loop.Phase == trace.PhaseReady {
			s.Loop.Iteration++
		}
		s.Loop.Phase, s.Loop.PhaseNum = e.Phase, e.Num
		s.Loop.Handle, s.Loop.HandleRef, s.Loop.HandleTxt, s.Loop.Task = 0, 0, "", 0
	case trace.LoopStop:
		s.Loop.Running, s.Loop.Shutdown = false, false
		s.Loop.Phase = trace.NoPhase
		s.Loop.Handle, s.Loop.HandleRef, s.Loop.HandleTxt, s.Loop.Task = 0, 0, "", 0

	case trace.TaskNew:
		o := r.obj(e.ID)
		if o.kind == objTask && o.pos == len(s.Tasks) {
			s.Tasks = append(s.Tasks, Task{ID: e.ID, Ord: o.pos, Name: e.Text, Coro: e.Label, Color: o.pos % Palette, Changed: i, Shutdown: s.Loop.Shutdown})
		}
	case trace.TaskStep:
		if t := s.task(e); t != nil {
			t.State, t.Await, t.Sync, t.SyncWhy = TaskRunning, 0, 0, ""
			if e.Line > 0 {
				t.Line, t.Col = e.Line, e.Col
			}
			t.Steps++
			t.Changed = i
		}
		s.Loop.Task = e.ID
	case trace.TaskSuspend:
		if t := s.task(e); t != nil {
			t.State, t.Await, t.Stack = TaskWaiting, e.Ref, e.Label
			if e.Line > 0 {
				t.Line, t.Col = e.Line, e.Col
			}
			t.Changed = i
			if t.Sync != 0 {
				if y := s.Sync(t.Sync); y != nil {
					for k := range y.Waiters {
						if y.Waiters[k].Task == e.ID && y.Waiters[k].Future == 0 {
							y.Waiters[k].Future = e.Ref
						}
					}
				}
			}
		}
		if s.Loop.Task == e.ID {
			s.Loop.Task = 0
		}
	case trace.TaskDone:
		if t := s.task(e); t != nil {
			switch e.Outcome {
			case trace.OutcomeException:
				t.State = TaskFailed
			case trace.OutcomeCancelled:
				t.State = TaskCancelled
			default:
				t.State = TaskDone
			}
			t.Result, t.Await, t.Sync = e.Label, 0, 0
			t.Callbacks = fireCallbacks(t.Callbacks)
			t.Changed = i
		}
		if s.Loop.Task == e.ID {
			s.Loop.Task = 0
		}
	case trace.TaskCancel:
		if t := s.Task(e.ID); t != nil {
			t.Cancel, t.CancelMsg, t.Changed = true, e.Label, i
		}
	case trace.TaskRename:
		if t := s.Task(e.ID); t != nil {
			t.Name, t.Changed = e.Text, i
		}

	case trace.FutureNew:
		o := r.obj(e.ID)
		if o.kind == objFuture && o.pos == len(s.Futures) {
			s.Futures = append(s.Futures, Future{ID: e.ID, Ord: o.pos, Text: e.Text, Wraps: e.Ref, Line: e.Line, Col: e.Col, Born: i, Settled: -1})
		}
	case trace.FutureResult, trace.FutureException, trace.FutureCancelled:
		if f := s.Future(e.ID); f != nil {
			switch e.Kind {
			case trace.FutureResult:
				f.State = FutureDone
			case trace.FutureException:
				f.State = FutureFailed
			default:
				f.State = FutureCancelled
			}
			f.Result, f.Settled = e.Label, i
			f.Callbacks = fireCallbacks(f.Callbacks)
		} else if s.Task(e.ID) == nil {
			s.note(e, "settles an unknown future")
		}
	case trace.FutureCallback:
		cb := Callback{Name: e.Text, Target: e.Ref}
		if f := s.Future(e.ID); f != nil {
			f.Callbacks = appendCallback(f.Callbacks, cb)
		} else if t := s.Task(e.ID); t != nil {
			t.Callbacks = appendCallback(t.Callbacks, cb)
		}

	case trace.HandleNew:
		if s.readyIndex(e.ID) < 0 {
			s.Ready = append(s.Ready, Handle{ID: e.ID, Ref: e.Ref, Text: e.Text, From: e.Cause, Born: i})
			if t := s.Task(e.Ref); t != nil && !t.State.Finished() && t.State != TaskRunning {
				if t.State == TaskWaiting || t.State == TaskPending {
					t.State = TaskReady
				}
				t.WokenBy, t.Changed = e.Cause, i
			}
		}
	case trace.HandleRun:
		h := Handle{ID: e.ID, Ref: e.Ref}
		if k := s.readyIndex(e.ID); k >= 0 {
			h = s.Ready[k]
			s.removeReady(k)
		} else {
			s.note(e, "runs a handle that is not in the ready queue")
		}
		s.Loop.Handle, s.Loop.HandleRef, s.Loop.HandleTxt, s.Loop.Task = h.ID, h.Ref, h.Text, 0
	case trace.HandleCancel:
		if k := s.readyIndex(e.ID); k >= 0 {
			s.Ready[k].Cancelled = true
		} else {
			s.removeTimer(e.ID)
		}
	case trace.HandleSkip:
		if k := s.readyIndex(e.ID); k >= 0 {
			s.removeReady(k)
		}

	case trace.TimerNew:
		tm := Timer{ID: e.ID, Ref: e.Ref, Deadline: e.Num, Text: e.Text, Born: i}
		k := sort.Search(len(s.Timers), func(k int) bool {
			o := &s.Timers[k]
			return o.Deadline > tm.Deadline || (o.Deadline == tm.Deadline && o.ID > tm.ID)
		})
		s.Timers = append(s.Timers, Timer{})
		copy(s.Timers[k+1:], s.Timers[k:])
		s.Timers[k] = tm
	case trace.TimerDue:
		tm, ok := s.removeTimer(e.ID)
		if !ok {
			s.note(e, "an unknown timer falls due")
			tm = Timer{ID: e.ID, Ref: e.Ref, Text: e.Text}
		}
		if s.readyIndex(e.ID) < 0 {
			s.Ready = append(s.Ready, Handle{ID: e.ID, Ref: tm.Ref, Text: tm.Text, From: e.ID, FromTimer: true, Born: i})
		}
	case trace.TimerCancel:
		s.removeTimer(e.ID)

	case trace.ThreadNew:
		o := r.obj(e.ID)
		if o.kind == objThread && o.pos == len(s.Threads) {
			st := ThreadIdle
			if o.pos == 0 {
				st = ThreadRunning
			}
			s.Threads = append(s.Threads, Thread{ID: e.ID, Ord: o.pos, Name: e.Text, State: st, Until: -1, Changed: i})
		}
	case trace.ThreadBlock:
		if th := s.Thread(e.ID); th != nil {
			th.State, th.Why, th.In, th.Until, th.Changed = ThreadBlocked, e.Text, e.Concept, e.Num, i
		}
		if r.isStall(e, s) {
			s.Loop.Blocked, s.Loop.BlockWhy, s.Loop.BlockTo = true, e.Text, e.Num
		}
	case trace.ThreadWake:
		if th := s.Thread(e.ID); th != nil {
			th.State, th.Why, th.In, th.Until, th.Changed = ThreadRunning, "", trace.NoConcept, -1, i
		}
		if s.Loop.Started && e.ID == s.Loop.Thread {
			s.Loop.Blocked, s.Loop.BlockWhy = false, ""
		}
	case trace.ThreadEnd:
		if th := s.Thread(e.ID); th != nil {
			th.State, th.Why, th.In, th.Job, th.Changed = ThreadEnded, "", trace.NoConcept, 0, i
		}

	case trace.JobNew:
		o := r.obj(e.ID)
		if o.kind == objJob && o.pos == len(s.Jobs) {
			s.Jobs = append(s.Jobs, Job{ID: e.ID, Fn: e.Text, Future: e.Ref})
		}
	case trace.JobStart:
		if j := s.Job(e.ID); j != nil {
			j.State, j.Worker = JobRunning, e.Ref
		}
		if th := s.Thread(e.Ref); th != nil {
			th.State, th.Job, th.Why, th.In, th.Changed = ThreadRunning, e.ID, "", trace.NoConcept, i
		}
	case trace.JobDone:
		if j := s.Job(e.ID); j != nil {
			j.State = JobDone
			if e.Outcome == trace.OutcomeException {
				j.State = JobFailed
			}
			if th := s.Thread(j.Worker); th != nil && th.Job == e.ID {
				th.State, th.Job, th.Changed = ThreadIdle, 0, i
			}
		}

	case trace.SyncNew:
		o := r.obj(e.ID)
		if o.kind == objSync && o.pos == len(s.Syncs) {
			s.Syncs = append(s.Syncs, Sync{ID: e.ID, Kind: e.Text, Value: e.Num, On: e.Ref})
			if e.Text == "Condition" {
				if l := s.Sync(e.Ref); l != nil {
					s.Syncs[len(s.Syncs)-1].Value = l.Value
				}
			}
		}
	case trace.SyncWait:
		if y := s.Sync(e.ID); y != nil {
			ws := make([]Waiter, len(y.Waiters), len(y.Waiters)+1)
			copy(ws, y.Waiters)
			y.Waiters = append(ws, Waiter{Task: e.Ref, Why: e.Label})
		}
		if t := s.Task(e.Ref); t != nil {
			t.Sync, t.SyncWhy, t.Changed = e.ID, e.Label, i
		}
	case trace.SyncWake:
		if y := s.Sync(e.ID); y != nil {
			k := -1
			for j := range y.Waiters {
				if y.Waiters[j].Future == e.Ref {
					k = j
					break
				}
			}
			if k >= 0 {
				ws := make([]Waiter, 0, len(y.Waiters)-1)
				ws = append(ws, y.Waiters[:k]...)
				y.Waiters = append(ws, y.Waiters[k+1:]...)
			} else {
				s.note(e, "wakes a future no task waits on")
			}
		}
		s.setValue(e.ID, e.Num)
	case trace.SyncOp:
		if y := s.Sync(e.ID); y != nil {
			y.LastOp, y.Label = e.Text, e.Label
		}
		s.setValue(e.ID, e.Num)

	case trace.SocketOp:
		s.applySocket(e, i)

	case trace.Raise:
		s.LastRaise = e.Text
	case trace.Uncaught:
		s.Err, s.ErrKind = e.Text, trace.Uncaught
	case trace.Stopped:
		s.Err, s.ErrKind, s.ErrLine, s.Budget = e.Text, trace.Stopped, e.Line, e.Label
	}
}

// setValue sets the value of the primitive id, as the trace gave it, and
// of the Conditions built on it when it is a Lock: a Condition is locked
// when its lock is.
func (s *State) setValue(id int32, v float64) {
	y := s.Sync(id)
	if y == nil {
		return
	}
	y.Value = v
	if y.Kind != "Lock" {
		return
	}
	for k := range s.Syncs {
		if c := &s.Syncs[k]; c.On == id && c.Kind == "Condition" {
			c.Value = v
		}
	}
}

func (s *State) readyIndex(id int32) int {
	for k := range s.Ready {
		if s.Ready[k].ID == id {
			return k
		}
	}
	return -1
}

func (s *State) removeReady(k int) {
	if k == 0 {
		s.Ready = s.Ready[1:]
		return
	}
	n := make([]Handle, 0, len(s.Ready)-1+4)
	n = append(n, s.Ready[:k]...)
	s.Ready = append(n, s.Ready[k+1:]...)
}

func (s *State) removeTimer(id int32) (Timer, bool) {
	for k := range s.Timers {
		if s.Timers[k].ID == id {
			tm := s.Timers[k]
			if k == 0 {
				s.Timers = s.Timers[1:]
			} else {
				s.Timers = append(s.Timers[:k:k], s.Timers[k+1:]...)
			}
			return tm, true
		}
	}
	return Timer{}, false
}

// finish fills the fields derived from the rest: TaskLines and Caption.
func (s *State) finish() {
	s.TaskLines = s.TaskLines[:0]
	for k := range s.Tasks {
		t := &s.Tasks[k]
		if t.Line > 0 && !t.State.Finished() {
			s.TaskLines = append(s.TaskLines, TaskLine{Task: t.ID, Name: t.Name, Line: t.Line, Color: t.Color})
		}
	}
	s.Caption = s.caption()
	r := s.rec
	n := sort.Search(len(r.timeline), func(k int) bool { return r.timeline[k].Start > s.Index })
	s.Timeline = r.timeline[:n:n]
	n = sort.Search(len(r.stalls), func(k int) bool { return r.stalls[k].Start > s.Index })
	s.Stalls = r.stalls[:n:n]
	n = sort.Search(len(r.threadSpans), func(k int) bool { return r.threadSpans[k].Start > s.Index })
	s.ThreadSpans = r.threadSpans[:n:n]
}

// Palette is the number of task colours; Task.Color is below it.
const Palette = 8

func itoa(n int) string {
	if n >= 0 && n < 10 {
		return string(rune('0' + n))
	}
	var b [20]byte
	i := len(b)
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// task returns the task e is about, noting an anomaly if there is none.
func (s *State) task(e *trace.Event) *Task {
	t := s.Task(e.ID)
	if t == nil {
		s.note(e, "is about an unknown task")
	}
	return t
}

// note records, while the recording is built, an event the state could
// not follow: a trace that breaks its own rules, or a gap in this package.
func (s *State) note(e *trace.Event, msg string) {
	if s.rec.building {
		s.rec.anomalies = append(s.rec.anomalies, e.String()+": "+msg)
	}
}

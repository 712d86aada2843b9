package asyncio

import (
	"container/heap"
	"fmt"
	"strconv"
	"strings"

	"loopscope/scenes/python/py"
	"loopscope/scenes/trace"
)

// This file is the thread scheduler: the baton that exactly one Python
// thread holds at a time, as tools/vclock/vclock.py implements it over real
// CPython. A thread keeps the baton until it blocks; then the runnable
// thread that became runnable first runs (FIFO); when none is runnable the
// clock jumps to the earliest deadline, and the threads whose deadline is
// reached become runnable in (deadline, block order). None runnable and no
// deadline: deadlock.
//
// Two kinds of blocking exist. A thread running at the top of its own
// interpreter stack (a worker, or the main thread outside asyncio.run)
// suspends: its blocking builtin returns py.ErrBlock and the scheduler runs
// it again later with Thread.Run. A thread running nested Go code (the loop
// thread inside asyncio.run, a callback called with Thread.Call) cannot
// suspend: it blocks inline, running the other threads from inside the
// blocking call until it is picked again.

// NoDeadline is a Wait's Deadline when it has none.
const NoDeadline = -1.0

// Wait is what a blocked thread waits for.
type Wait struct {
	// What says what the thread waits on, for the trace and deadlock
	// messages: "time.sleep(2)", "Lock.acquire()", "select", "result()".
	What string
	// Deadline is the absolute virtual time at which the wait ends anyway,
	// or NoDeadline (any negative value). A deadline <= now makes the thread
	// runnable at once, behind the threads already runnable (time.sleep(0)).
	Deadline float64
	// Ready is the condition waited for; nil when only the deadline or a
	// Wake ends the wait. A woken thread whose Ready is false blocks again
	// (keeping its deadline), as a thread re-checks a lock it was woken for.
	Ready func() bool
	// Done computes the blocking builtin's result once the wait is over;
	// ready tells whether Ready held (false on timeout). nil: None.
	Done func(ready bool) (py.Value, error)
	// Concept tags the thread.block event (default: thread; the loop
	// thread's blocking calls: blocking).
	Concept trace.Concept
}

type threadState uint8

const (
	threadRunnable threadState = iota
	threadRunning
	threadBlocked
	threadFinished
)

type resumeKind uint8

const (
	resumeStart  resumeKind = iota // call body.Next(nil, nil)
	resumeRun                      // Python code started: Run it
	resumePy                       // Python suspended in a blocking builtin: SetOutcome, Run
	resumeNative                   // the body waited: body.Next with the wait's outcome
)

// Thread is the scheduler's record of one Python thread.
type Thread struct {
	Py     *py.Thread
	ID     int32 // object id
	Daemon bool

	m        *Machine
	state    threadState
	resume   resumeKind
	body     ThreadBody
	wait     Wait
	blockSeq uint64
	timedOut bool  // the wait ended by its deadline
	inline   bool  // blocked inside a nested Go call (BlockInline)
	loop     *Loop // the loop running on the thread
	joiners  []*Thread
	// current is the thread's event loop outside a running one
	// (get_event_loop); setEventLoop records that one was set or cleared.
	current      *Loop
	setEventLoop bool
	err          error // how its last Python call ended (the main thread: the module body)
	steps        int64 // the interpreter's instruction count at the last Tick
	// longAt is the instruction count at which the task step running on
	// the thread holds the loop too long (Config.LongStep; 0: none is
	// watched); longEvent and longTask are its task.step and task.
	longAt    int64
	longEvent int
	longTask  int32
}

// Finished reports whether the thread has ended.
func (th *Thread) Finished() bool { return th.state == threadFinished }

// Loop returns the event loop running on the thread, or nil.
func (th *Thread) Loop() *Loop { return th.loop }

// ThreadOf returns the scheduler's record of t.
func ThreadOf(t *py.Thread) *Thread {
	th, _ := t.Data.(*Thread)
	return th
}

// Step is what a ThreadBody does next.
type Step struct {
	// Call, when set, runs Call(*Args, **Kw) on the thread as Python code
	// that may block (suspend); Next is called again with its outcome.
	Call py.Value
	Args []py.Value
	Kw   []py.Kwarg
	// Wait, when set (and Call is not), blocks the thread; Next is called
	// again with the outcome of Wait.Done.
	Wait *Wait
	// Neither set: the thread ends.
}

// ThreadBody drives a thread from Go: an executor's worker loop, the
// thread that shuts the default executor down. Next is called when the
// thread is free: at its start (with nil, nil) and after each Call or Wait
// it asked for, with that outcome.
type ThreadBody interface {
	Next(t *py.Thread, v py.Value, err error) Step
}

// callOnce is the body of a thread that runs one call and ends.
type callOnce struct {
	fn   py.Value
	args []py.Value
	kw   []py.Kwarg
	done bool
}

func (c *callOnce) Next(t *py.Thread, v py.Value, err error) Step {
	if c.done {
		if e, ok := err.(*py.Exception); ok {
			th := ThreadOf(t)
			th.m.LogError("Exception in thread "+t.Name+":", e)
		}
		return Step{}
	}
	c.done = true
	return Step{Call: c.fn, Args: c.args, Kw: c.kw}
}

// BodyFunc adapts a function to ThreadBody.
type BodyFunc func(t *py.Thread, v py.Value, err error) Step

// Next calls f.
func (f BodyFunc) Next(t *py.Thread, v py.Value, err error) Step { return f(t, v, err) }

// SpawnThread creates a thread that runs fn(*args) and ends; it becomes
// runnable now (FIFO) while the creating thread keeps the baton.
func (m *Machine) SpawnThread(name string, fn py.Value, args []py.Value) *Thread {
	return m.SpawnBody(name, false, &callOnce{fn: fn, args: args})
}

// SpawnBody creates a thread driven by body.
func (m *Machine) SpawnBody(name string, daemon bool, body ThreadBody) *Thread {
	th := &Thread{m: m, ID: m.NewID(), body: body, Daemon: daemon, resume: resumeStart}
	th.Py = py.NewThread(m, name, len(m.threads)+1)
	th.Py.SetRecursionLimit(m.cfg.MaxDepth)
	th.Py.Data = th
	m.threads = append(m.threads, th)
	if m.tr != nil {
		m.Emit(trace.Event{Kind: trace.ThreadNew, Concept: trace.ConceptThread, ID: th.ID, Text: name})
	}
	m.makeRunnable(th)
	return th
}

// NextThreadName returns threading's default name for a new thread:
// "Thread-N", or "Thread-N (target)".
func (m *Machine) NextThreadName(target string) string {
	m.threadNames++
	if target == "" {
		return fmt.Sprintf("Thread-%d", m.threadNames)
	}
	return fmt.Sprintf("Thread-%d (%s)", m.threadNames, target)
}

// adoptMain records t, already started on the module body, as the main
// thread; it holds the baton.
func (m *Machine) adoptMain(t *py.Thread) *Thread {
	th := &Thread{m: m, ID: m.NewID(), resume: resumeRun, state: threadRunnable}
	th.Py = t
	t.Data = th
	if t.Name == "" {
		t.Name = "MainThread"
	}
	th.body = &mainBody{th: th}
	m.threads = append(m.threads, th)
	m.main = th
	if m.tr != nil {
		m.Emit(trace.Event{Kind: trace.ThreadNew, Concept: trace.ConceptThread, ID: th.ID, Text: t.Name, Thread: th.ID})
	}
	return th
}

// mainBody ends the main thread as threading._shutdown does: atexit hooks,
// then join every non-daemon thread.
type mainBody struct {
	th      *Thread
	joining bool
}

func (b *mainBody) Next(t *py.Thread, v py.Value, err error) Step {
	m := b.th.m
	if !b.joining {
		b.joining = true
		b.th.err = err
		if err != nil {
			if _, ok := err.(*py.Exception); !ok {
				return Step{} // a stop: end at once
			}
		}
		m.exiting = true
		for _, h := range m.exitHooks {
			if herr := h(t); herr != nil {
				if _, ok := herr.(*py.Exception); !ok {
					b.th.err = herr
					return Step{}
				}
			}
		}
	}
	if m.othersDone() {
		return Step{}
	}
	return Step{Wait: &Wait{What: "join() of the other threads at exit", Deadline: NoDeadline, Ready: m.othersDone}}
}

func (m *Machine) othersDone() bool {
	for _, th := range m.threads {
		if th != m.main && !th.Daemon && th.state != threadFinished {
			return false
		}
	}
	return true
}

// schedule runs threads, starting with the main thread, until done holds.
func (m *Machine) schedule(done func() bool) error {
	m.main.state = threadRunning
	if err := m.runThread(m.main); err != nil {
		return err
	}
	for !done() {
		next, err := m.pick()
		if err != nil {
			return err
		}
		if next.inline {
			return fmt.Errorf("internal error: inline-blocked thread %s picked at top level", next.Py.Name)
		}
		if err := m.runThread(next); err != nil {
			return err
		}
	}
	return nil
}

// runThread gives th the baton until it blocks or ends. A non-nil error
// stops the run.
func (m *Machine) runThread(th *Thread) error {
	prev := m.cur
	m.cur = th
	th.state = threadRunning
	defer func() { m.cur = prev }()
	if m.tr != nil && th.resume != resumeStart && th.resume != resumeRun {
		m.Emit(trace.Event{Kind: trace.ThreadWake, Concept: trace.ConceptThread, ID: th.ID})
	}
	var v py.Value
	var err error
	runPy := false
	switch th.resume {
	case resumeRun:
		runPy = true
	case resumePy:
		v, err = m.waitOutcome(th)
		if err == py.ErrBlock {
			// The wait goes on (a driven loop selects again).
			return nil
		}
		th.Py.SetOutcome(v, err)
		runPy = true
	case resumeNative:
		v, err = m.waitOutcome(th)
		if err != nil {
			if _, ok := err.(*py.Exception); !ok {
				return err
			}
		}
	}
	for {
		if runPy {
			done, res, rerr := th.Py.Run()
			if !done {
				// Blocked, or already runnable again (a deadline <= now).
				if th.state != threadBlocked && th.state != threadRunnable {
					return fmt.Errorf("internal error: thread %s suspended without blocking", th.Py.Name)
				}
				th.resume = resumePy
				return nil
			}
			if rerr != nil {
				if _, ok := rerr.(*py.Exception); !ok {
					th.err = rerr
					m.endThread(th)
					return rerr
				}
			}
			v, err = res, rerr
			th.err = rerr
		}
		step := th.body.Next(th.Py, v, err)
		switch {
		case step.Call != nil:
			th.Py.Start(step.Call, step.Args, step.Kw)
			runPy = true
		case step.Wait != nil:
			th.resume = resumeNative
			m.block(th, *step.Wait)
			return nil
		default:
			m.endThread(th)
			if th.err != nil {
				if _, ok := th.err.(*py.Exception); !ok {
					return th.err
				}
			}
			return nil
		}
	}
}

func (m *Machine) endThread(th *Thread) {
	th.state = threadFinished
	if m.tr != nil {
		m.Emit(trace.Event{Kind: trace.ThreadEnd, Concept: trace.ConceptThread, ID: th.ID})
	}
	for _, j := range th.joiners {
		m.Wake(j)
	}
	th.joiners = nil
	if m.exiting && th != m.main {
		m.Wake(m.main)
	}
}

// waitOutcome is the result of th's finished wait.
func (m *Machine) waitOutcome(th *Thread) (py.Value, error) {
	w := th.wait
	th.wait = Wait{}
	ok := true
	if th.timedOut {
		ok = w.Ready != nil && w.Ready()
	}
	if w.Done != nil {
		return w.Done(ok)
	}
	if w.Ready == nil {
		return py.None, nil
	}
	return py.Bool(ok), nil
}

// block marks th blocked on w. It does not switch threads.
func (m *Machine) block(th *Thread, w Wait) {
	th.state = threadBlocked
	th.wait = w
	th.timedOut = false
	m.blockSeq++
	th.blockSeq = m.blockSeq
	if w.Concept == trace.ConceptBlocking && th.loop != nil && th.loop.running {
		m.note(th.Py, Note{Kind: NoteBlock, Text: w.What})
	}
	if m.tr != nil {
		c := w.Concept
		if c == trace.NoConcept {
			c = trace.ConceptThread
		}
		num := w.Deadline
		if num < 0 {
			num = -1
		}
		m.Emit(trace.Event{Kind: trace.ThreadBlock, Concept: c, ID: th.ID, Text: w.What, Num: num})
	}

	if w.Deadline >= 0 {
		if w.Deadline <= m.now {
			th.timedOut = true
			m.makeRunnable(th)
		} else {
			heap.Push(&m.timed, timedEntry{deadline: w.Deadline, seq: th.blockSeq, th: th})
		}
	}
}

func (m *Machine) makeRunnable(th *Thread) {
	th.state = threadRunnable
	m.runnable.push(th)
}

// Wake reports that what th waits for happened: it becomes runnable
// (FIFO) if it is blocked. Its Ready is checked again when it is picked.
func (m *Machine) Wake(th *Thread) {
	if th != nil && th.state == threadBlocked {
		th.timedOut = false
		m.makeRunnable(th)
	}
}

// Suspend blocks t, which must be able to (t.CanBlock()), on w; the
// blocking builtin returns its error, py.ErrBlock. When the wait is over
// the builtin's result is w.Done's.
func (m *Machine) Suspend(t *py.Thread, w Wait) error {
	th := ThreadOf(t)
	m.block(th, w)
	return py.ErrBlock
}

// WaitOn blocks the calling thread on w and returns the blocking
// builtin's outcome: every blocking builtin can end with
// `return m.WaitOn(t, w)`. A thread that can suspend returns py.ErrBlock
// (its result comes later from w.Done); a thread running nested Go code
// runs the other threads inline until the wait is over.
func (m *Machine) WaitOn(t *py.Thread, w Wait) (py.Value, error) {
	if t.CanBlock() {
		return nil, m.Suspend(t, w)
	}
	th := ThreadOf(t)
	if err := m.blockInline(th, w); err != nil {
		return nil, err
	}
	return m.waitOutcome(th)
}

// BlockInline implements py.Host for the interpreter's own blocking
// calls on a thread that cannot suspend.
func (m *Machine) BlockInline(t *py.Thread, ready func() bool, deadline float64) (bool, error) {
	th := ThreadOf(t)
	if deadline < 0 {
		deadline = NoDeadline
	}
	if err := m.blockInline(th, Wait{What: "a blocking call", Deadline: deadline, Ready: ready}); err != nil {
		return false, err
	}
	th.wait = Wait{}
	if !th.timedOut {
		return true, nil
	}
	return ready != nil && ready(), nil
}

// blockInline blocks th, which is running nested on the Go stack, and runs
// the other threads until th is picked again. th.wait and th.timedOut then
// describe how the wait ended (the caller clears th.wait).
func (m *Machine) blockInline(th *Thread, w Wait) error {
	m.block(th, w)
	th.inline = true
	var deferred []*Thread
	defer func() {
		th.inline = false
		// Threads deeper on the Go stack that became runnable while th
		// blocked go back to the head of the queue, in order.
		if len(deferred) > 0 {
			m.runnable.pushFront(deferred)
		}
	}()
	for {
		next, err := m.pick()
		if err != nil {
			return err
		}
		if next == th {
			th.state = threadRunning
			m.cur = th
			if m.tr != nil {
				m.Emit(trace.Event{Kind: trace.ThreadWake, Concept: trace.ConceptThread, ID: th.ID})
			}
			return nil
		}
		if next.inline {
			// It waits further down this Go stack: it can only continue once
			// th has returned. (CPython would run it; scenes rarely get here.)
			deferred = append(deferred, next)
			next.state = threadRunnable
			if m.runnable.len() == 0 && m.timed.live() == 0 {
				return m.deadlock()
			}
			continue
		}
		if err := m.runThread(next); err != nil {
			return err
		}
		m.cur = th
	}
}

// pick returns the next thread to run, moving the clock if it must.
func (m *Machine) pick() (*Thread, error) {
	for {
		for m.runnable.len() > 0 {
			th := m.runnable.pop()
			if th.state != threadRunnable {
				continue
			}
			if !th.timedOut && th.wait.Ready != nil && !th.wait.Ready() {
				// Woken, but what it waits for is gone again: block again.
				w := th.wait
				if w.Deadline >= 0 && m.now >= w.Deadline {
					th.timedOut = true
					return th, nil
				}
				th.state = threadBlocked
				m.blockSeq++
				th.blockSeq = m.blockSeq
				if w.Deadline >= 0 {
					heap.Push(&m.timed, timedEntry{deadline: w.Deadline, seq: th.blockSeq, th: th})
				}
				continue
			}
			return th, nil
		}
		m.timed.dropStale()
		if m.timed.Len() == 0 {
			// Nothing runnable, no deadline. A condition that holds without
			// its Wake is a bug of the waker, but run it rather than stop.
			for _, th := range m.threads {
				if th.state == threadBlocked && th.wait.Ready != nil && th.wait.Ready() {
					m.makeRunnable(th)
				}
			}
			if m.runnable.len() > 0 {
				continue
			}
			return nil, m.deadlock()
		}
		d := m.timed.entries[0].deadline
		if d > m.cfg.MaxVirtualTime {
			return nil, m.timeBudgetExhausted(d)
		}
		if d > m.now {
			if m.tr != nil {
				prev := m.now
				m.now = d
				m.Emit(trace.Event{Kind: trace.ClockJump, Concept: trace.ConceptEventLoop, Num: prev})
			}
			m.now = d
		}
		for m.timed.Len() > 0 && m.timed.entries[0].deadline <= m.now {
			e := heap.Pop(&m.timed).(timedEntry)
			if e.th.state == threadBlocked && e.th.blockSeq == e.seq {
				e.th.timedOut = true
				m.makeRunnable(e.th)
			}
		}
	}
}

// deadlock builds the deadlock error: what every blocked thread and every
// pending task waits on.
func (m *Machine) deadlock() error {
	var parts []string
	line, col := 0, 0
	for _, th := range m.threads {
		if th.state != threadBlocked {
			continue
		}
		if th.loop != nil && th.wait.What == selectWhat {
			for _, t := range th.loop.tasks {
				if t.Done() {
					continue
				}
				l, c := t.coro.Where()
				if line == 0 {
					line, col = l, c
				}
				parts = append(parts, fmt.Sprintf("%s (%s) waits on %s (%s)", t.nameString(), t.coro.QualName(), t.waitingOn(), at(l, c)))
			}
			continue
		}
		what := th.wait.What
		if l, c := th.Py.Where(); l > 0 {
			what = fmt.Sprintf("%s (%s)", what, at(l, c))
			if line == 0 {
				line, col = l, c
			}
		}
		parts = append(parts, fmt.Sprintf("%s waits on %s", th.Py.Name, what))
	}
	msg := "deadlock: nothing can wake the loop"
	if m.main != nil && m.main.state == threadBlocked && m.main.loop == nil {
		msg = "deadlock: no thread can run and none has a deadline"
	}
	if len(parts) > 0 {
		msg += ": " + strings.Join(parts, ", ")
	}
	return &StopError{Kind: "deadlock", Line: line, Col: col, Msg: msg}
}

// threadQueue is the FIFO of runnable threads.
type threadQueue struct {
	items []*Thread
	head  int
}

func (q *threadQueue) len() int { return len(q.items) - q.head }

func (q *threadQueue) push(th *Thread) { q.items = append(q.items, th) }

func (q *threadQueue) pop() *Thread {
	th := q.items[q.head]
	q.items[q.head] = nil
	q.head++
	if q.head == len(q.items) {
		q.items = q.items[:0]
		q.head = 0
	}
	return th
}

func (q *threadQueue) pushFront(ths []*Thread) {
	rest := append([]*Thread(nil), q.items[q.head:]...)
	q.items = append(append(q.items[:0], ths...), rest...)
	q.head = 0
}

type timedEntry struct {
	deadline float64
	seq      uint64
	th       *Thread
}

// threadHeap orders blocked threads' deadlines by (deadline, block order).
type threadHeap struct{ entries []timedEntry }

func (h *threadHeap) Len() int { return len(h.entries) }
func (h *threadHeap) Less(i, j int) bool {
	a, b := &h.entries[i], &h.entries[j]
	if a.deadline != b.deadline {
		return a.deadline < b.deadline
	}
	return a.seq < b.seq
}
func (h *threadHeap) Swap(i, j int) { h.entries[i], h.entries[j] = h.entries[j], h.entries[i] }
func (h *threadHeap) Push(x any)    { h.entries = append(h.entries, x.(timedEntry)) }
func (h *threadHeap) Pop() any {
	n := len(h.entries) - 1
	e := h.entries[n]
	h.entries = h.entries[:n]
	return e
}

func (e *timedEntry) stale() bool { return e.th.state != threadBlocked || e.th.blockSeq != e.seq }

func (h *threadHeap) dropStale() {
	for len(h.entries) > 0 && h.entries[0].stale() {
		heap.Pop(h)
	}
}

func (h *threadHeap) live() int {
	n := 0
	for i := range h.entries {
		if !h.entries[i].stale() {
			n++
		}
	}
	return n
}

// timeBudgetExhausted is the stop when the clock would pass the virtual
// time budget to reach deadline d.
func (m *Machine) timeBudgetExhausted(d float64) *StopError {
	return &StopError{Kind: "budget", Budget: "time", Line: m.lastLine, Col: m.lastCol, Msg: fmt.Sprintf(
		"virtual time budget exhausted at %s: the scene's next wake-up would be at %s s of loop time, past the limit of %s s. "+
			"A scene that sleeps in a loop without end stops here; if it really waits that long, raise the limit with -max-time",
		at(m.lastLine, m.lastCol), strconv.FormatFloat(d, 'f', -1, 64), strconv.FormatFloat(m.cfg.MaxVirtualTime, 'f', -1, 64))}
}

package asyncio

import (
	"container/heap"
	"math"

	"loopscope/scenes/python/py"
	"loopscope/scenes/trace"
)

// The constants of base_events.py.
const (
	// MaximumSelectTimeout is MAXIMUM_SELECT_TIMEOUT: one day. A longer
	// sleep takes several select rounds.
	MaximumSelectTimeout = 24 * 3600.0
	// ClockResolution is loop._clock_resolution on Linux: timers due
	// before now + ClockResolution fire.
	ClockResolution = 1e-09
	// minScheduledTimerHandles and minCancelledTimerHandlesFraction drive
	// the cleanup of cancelled timers in _run_once.
	minScheduledTimerHandles         = 100
	minCancelledTimerHandlesFraction = 0.5
)

// selectWhat is the Wait.What of a loop thread blocked in select.
const selectWhat = "select"

// LoopType is the Python type of the event loop.
var LoopType = &py.Type{Name: "_UnixSelectorEventLoop", Module: "asyncio.unix_events", Base: py.ObjectType}

// Loop is the event loop (BaseEventLoop with a selector whose select is a
// blocking point of virtual time).
type Loop struct {
	m      *Machine
	id     int32
	thread *Thread // the thread running it, while it runs
	// stepBase is the thread's innermost Python frame when the current
	// task's step began: while it is still the innermost, no scene code
	// of the step runs (the task's coroutine is library code, such as
	// gather's asyncio.sleep children), and events have no position.
	stepBase *py.Frame

	ready               ReadyQueue
	timers              TimerHeap
	timerCancelledCount int
	stopping            bool
	running             bool
	closed              bool
	current             *Task
	tasks               []*Task // every task, in creation order (all_tasks)
	liveTasks           int

	selecting bool // the loop thread is blocked in select
	selfPipe  bool // _write_to_self happened since the last select
	pipeData  bool // the self-pipe has unread data
	reader    *Handle
	net       *network // the virtual network (streams: network.go), nil until used

	defaultExecutor        py.Value
	executorShutdownCalled bool
	asyncgensShutdown      bool
}

// NewLoop returns a new event loop (events.new_event_loop()).
func (m *Machine) NewLoop() *Loop {
	l := &Loop{m: m, id: m.NewID()}
	if m.cur != nil {
		for _, fn := range m.newLoopHooks {
			fn(m.cur.Py)
		}
	}
	return l
}

// OnNewLoop registers fn, called on the current thread whenever an event
// loop is created: logging uses it to log what CPython's
// BaseSelectorEventLoop.__init__ does ("Using selector: EpollSelector" at
// DEBUG on the asyncio logger).
func (m *Machine) OnNewLoop(fn func(t *py.Thread)) { m.newLoopHooks = append(m.newLoopHooks, fn) }

// Type returns LoopType.
func (l *Loop) Type() *py.Type { return LoopType }

// Machine returns the run the loop belongs to.
func (l *Loop) Machine() *Machine { return l.m }

// ID returns the loop's object id.
func (l *Loop) ID() int32 { return l.id }

// Time is loop.time(): the virtual clock.
func (l *Loop) Time() float64 { return l.m.now }

// IsRunning is is_running().
func (l *Loop) IsRunning() bool { return l.running }

// IsClosed is is_closed().
func (l *Loop) IsClosed() bool { return l.closed }

// Thread returns the thread running the loop, or nil.
func (l *Loop) Thread() *Thread { return l.thread }

// CurrentTask returns the task running a step, or nil.
func (l *Loop) CurrentTask() *Task { return l.current }

// DefaultExecutor returns the loop's default executor (nil: none yet).
func (l *Loop) DefaultExecutor() py.Value { return l.defaultExecutor }

// SetDefaultExecutor sets the loop's default executor (run_in_executor
// creates it on first use).
func (l *Loop) SetDefaultExecutor(v py.Value) { l.defaultExecutor = v }

// ExecutorShutdownCalled reports whether shutdown_default_executor (or
// close) ran: run_in_executor then refuses new work.
func (l *Loop) ExecutorShutdownCalled() bool { return l.executorShutdownCalled }

func (l *Loop) registerTask(tk *Task) {
	// Drop finished tasks now and then so that all_tasks stays cheap.
	if len(l.tasks) >= 1024 && l.liveTasks < len(l.tasks)/2 {
		kept := l.tasks[:0]
		for _, t := range l.tasks {
			if !t.Done() {
				kept = append(kept, t)
			}
		}
		for i := len(kept); i < len(l.tasks); i++ {
			l.tasks[i] = nil
		}
		l.tasks = kept
		l.liveTasks = len(kept)
	}
	l.tasks = append(l.tasks, tk)
	l.liveTasks++
}

// AllTasks returns the tasks not done yet, in creation order.
func (l *Loop) AllTasks() []*Task {
	var out []*Task
	for _, t := range l.tasks {
		if !t.Done() {
			out = append(out, t)
		}
	}
	return out
}

func (l *Loop) checkClosed() error {
	if l.closed {
		return py.NewException(py.RuntimeErrorType, py.Str("Event loop is closed"))
	}
	return nil
}

// push adds a new handle to the ready queue, recording it.
func (l *Loop) push(h *Handle) {
	l.ready.Push(h)
	if m := l.m; m.tr != nil {
		m.Emit(trace.Event{Kind: trace.HandleNew, Concept: trace.ConceptReadyQueue, ID: h.id, Ref: h.ref(), Cause: l.cause(h), Text: h.label()})
	}
}

// cause is why h joins the ready queue, as the trace's handle.new says:
// the future whose completion scheduled it, the task itself for a step
// (its first, after a bare yield, or to throw a cancellation in), or the
// task running on the loop's thread that called call_soon.
func (l *Loop) cause(h *Handle) int32 {
	switch {
	case h.fut != nil:
		return h.fut.id
	case h.op == opStep:
		return h.task.id
	case l.current != nil && l.thread != nil && l.m.cur == l.thread:
		return l.current.id
	}
	return 0
}

// callSoonStep schedules task.__step(exc).
func (l *Loop) callSoonStep(tk *Task, exc *py.Exception) {
	l.push(&Handle{id: l.m.NewID(), loop: l, op: opStep, task: tk, exc: exc})
}

// scheduleCallback schedules one done callback of f with call_soon.
func (l *Loop) scheduleCallback(f *Future, cb callback) {
	h := &Handle{id: l.m.NewID(), loop: l, fut: f}
	switch {
	case cb.task != nil:
		h.op, h.task = opWakeup, cb.task
	case cb.fn != nil:
		h.op, h.fn = opFutPy, cb.fn
	default:
		h.op, h.gofut, h.name = opFutGo, cb.gofn, cb.name
	}
	l.push(h)
}

// CallSoon is call_soon(fn, *args) for a Python callable.
func (l *Loop) CallSoon(fn py.Value, args []py.Value) *Handle {
	h := &Handle{id: l.m.NewID(), loop: l, op: opPy, fn: fn, args: args}
	l.push(h)
	return h
}

// CallSoonGo is call_soon for a Go callback; name is what the trace shows.
func (l *Loop) CallSoonGo(name string, fn func()) *Handle {
	h := &Handle{id: l.m.NewID(), loop: l, op: opGo, gofn: fn, name: name}
	l.push(h)
	return h
}

// writeToSelf is _write_to_self: it wakes a loop blocked in select.
func (l *Loop) writeToSelf() {
	l.selfPipe = true
	l.pipeData = true
	if l.selecting && l.thread != nil {
		l.m.Wake(l.thread)
	}
}

// CallSoonThreadsafe is call_soon_threadsafe(fn, *args): call_soon plus a
// write to the self-pipe, which wakes a loop blocked in select.
func (l *Loop) CallSoonThreadsafe(fn py.Value, args []py.Value) (*Handle, error) {
	if err := l.checkClosed(); err != nil {
		return nil, err
	}
	h := l.CallSoon(fn, args)
	l.writeToSelf()
	return h, nil
}

// CallSoonThreadsafeGo is CallSoonThreadsafe for a Go callback.
func (l *Loop) CallSoonThreadsafeGo(name string, fn func()) (*Handle, error) {
	if err := l.checkClosed(); err != nil {
		return nil, err
	}
	h := l.CallSoonGo(name, fn)
	l.writeToSelf()
	return h, nil
}

// callAt arms the timer h at when.
func (l *Loop) callAt(when float64, h *Handle) *Handle {
	m := l.m
	h.id = m.NewID()
	h.loop = l
	h.timer = true
	h.when = when
	m.timerSeq++
	h.seq = m.timerSeq
	h.scheduled = true
	heap.Push(&l.timers, h)
	if m.tr != nil {
		m.Emit(trace.Event{Kind: trace.TimerNew, Concept: trace.ConceptTimer, ID: h.id, Ref: h.ref(), Text: h.label(), Num: when})
	}
	return h
}

// CallAt is call_at(when, fn, *args) for a Python callable.
func (l *Loop) CallAt(when float64, fn py.Value, args []py.Value) *Handle {
	return l.callAt(when, &Handle{op: opPy, fn: fn, args: args})
}

// CallLater is call_later(delay, fn, *args): call_at(time() + delay).
func (l *Loop) CallLater(delay float64, fn py.Value, args []py.Value) *Handle {
	return l.CallAt(l.m.now+delay, fn, args)
}

// CallLaterGo is call_later for a Go callback; ref is the future it
// serves (for the trace), or nil.
func (l *Loop) CallLaterGo(delay float64, name string, ref *Future, fn func()) *Handle {
	return l.callAt(l.m.now+delay, &Handle{op: opGo, gofn: fn, name: name, fut: ref})
}

// Stop is stop(): the loop stops after the current iteration.
func (l *Loop) Stop() { l.stopping = true }

// runOnce is _run_once: one full iteration of the event loop.
func (l *Loop) runOnce() error {
	if err := l.selectWait(l.preSelect()); err != nil {
		return err
	}
	return l.postSelect()
}

// preSelect is the first part of _run_once: drop cancelled timers and
// compute select's timeout (< 0: None).
func (l *Loop) preSelect() float64 {
	m := l.m
	// Drop cancelled timers: all of them when they are many, else those at
	// the head of the heap.
	if n := len(l.timers); n > minScheduledTimerHandles &&
		float64(l.timerCancelledCount)/float64(n) > minCancelledTimerHandlesFraction {
		kept := l.timers[:0]
		for _, h := range l.timers {
			if h.cancelled {
				h.scheduled = false
			} else {
				kept = append(kept, h)
			}
		}
		for i := len(kept); i < n; i++ {
			l.timers[i] = nil
		}
		l.timers = kept
		for i, h := range l.timers {
			h.index = i
		}
		heap.Init(&l.timers)
		l.timerCancelledCount = 0
	} else {
		for len(l.timers) > 0 && l.timers[0].cancelled {
			l.timerCancelledCount--
			h := heap.Pop(&l.timers).(*Handle)
			h.scheduled = false
		}
	}

	timeout := -1.0 // None
	if l.ready.Len() > 0 || l.stopping {
		timeout = 0
	} else if len(l.timers) > 0 {
		// min(max(0, when - now), MAXIMUM_SELECT_TIMEOUT) with Python's
		// max and min: a NaN deadline (call_later(nan)) gives 0, so the
		// timer is due at once, as in CPython.
		timeout = l.timers[0].when - m.now
		if !(timeout > 0) {
			timeout = 0
		} else if timeout > MaximumSelectTimeout {
			timeout = MaximumSelectTimeout
		}
	}
	return timeout
}

// selectDeadline is the deadline of select(timeout), and emits the phase.
func (l *Loop) selectDeadline(timeout float64) float64 {
	m := l.m
	deadline := NoDeadline
	switch {
	case l.selfPipe || l.netReady():
		deadline = m.now
	case timeout >= 0:
		deadline = m.now + timeout
		if len(l.timers) > 0 && l.timers[0].when-deadline > idleChunks*MaximumSelectTimeout &&
			len(m.threads) == 1 && m.runnable.len() == 0 {
			// A timer years away: CPython would wake once a day for
			// nothing until then. No other thread can run meanwhile, so
			// the clock goes straight to the timer instead of iterating
			// (2**60 s would take 10**13 iterations).
			deadline = l.timers[0].when
		}
		if timeout > 0 && deadline <= m.now {
			// The clock is so large that the timeout is below its
			// precision: a real clock would still move on, past the timer.
			deadline = math.Nextafter(m.now, math.Inf(1))
			if len(l.timers) > 0 && l.timers[0].when > deadline {
				deadline = l.timers[0].when
			}
		}
	}
	if m.tr != nil {
		m.Emit(trace.Event{Kind: trace.LoopPhase, Concept: trace.ConceptEventLoop, Phase: trace.PhaseSelect, Num: timeout})
	}
	return deadline
}

// idleChunks is how many empty one-day selects the loop makes, with no
// other thread to run, before the clock jumps straight to the next timer.
const idleChunks = 1024

// dueBefore is _run_once's end_time, now + clock resolution: timers due
// before it fire. Past 2**24 s the resolution is below the clock's
// precision and the sum rounds back to now; a real clock would have moved
// on by the next iteration, so a timer due exactly now fires then too,
// never spinning forever.
func dueBefore(now float64) float64 {
	if end := now + ClockResolution; end > now {
		return end
	}
	return math.Nextafter(now, math.Inf(1))
}

// postSelect is the rest of _run_once after select: the self-pipe, the
// timers that are due, then one snapshot of the ready queue.
func (l *Loop) postSelect() error {
	m := l.m
	l.selfPipe = false
	if l.pipeData {
		// The selector reports the self-pipe readable: _process_events
		// queues the reader, which drains it.
		if l.reader == nil {
			l.reader = &Handle{id: m.NewID(), loop: l, op: opReadSelf}
		}
		l.push(l.reader)
	}
	// Ready sockets' callbacks (streams: network.go).
	l.processNetEvents()

	// Timers that are due join the ready queue.
	end := dueBefore(m.now)
	if m.tr != nil && len(l.timers) > 0 && l.timers[0].when < end {
		m.Emit(trace.Event{Kind: trace.LoopPhase, Concept: trace.ConceptTimer, Phase: trace.PhaseTimers})
	}
	for len(l.timers) > 0 {
		h := l.timers[0]
		if h.when >= end {
			break
		}
		heap.Pop(&l.timers)
		h.scheduled = false
		l.ready.Push(h)
		if m.tr != nil {
			m.Emit(trace.Event{Kind: trace.TimerDue, Concept: trace.ConceptTimer, ID: h.id, Ref: h.ref(), Num: h.when})
		}
	}

	ntodo := l.ready.Len()
	if m.tr != nil {
		m.Emit(trace.Event{Kind: trace.LoopPhase, Concept: trace.ConceptEventLoop, Phase: trace.PhaseReady, Num: float64(ntodo)})
		if err := m.checkEvents(); err != nil {
			return err
		}
		if err := m.pauseLoop(); err != nil {
			return err
		}
	}
	t := l.thread.Py
	for i := 0; i < ntodo; i++ {
		h := l.ready.Pop()
		if h.cancelled {
			if m.tr != nil {
				m.Emit(trace.Event{Kind: trace.HandleSkip, Concept: trace.ConceptReadyQueue, ID: h.id, Ref: h.ref()})
			}
			continue
		}
		if m.tr != nil {
			m.Emit(trace.Event{Kind: trace.HandleRun, Concept: trace.ConceptCallback, ID: h.id, Ref: h.ref()})
		}
		if err := h.run(t); err != nil {
			return err
		}
	}
	return nil
}

// selectWait is the selector's select(timeout) (timeout < 0: None): a
// blocking point of the loop thread, with deadline now + timeout; a
// worker's call_soon_threadsafe wakes it early.
func (l *Loop) selectWait(timeout float64) error {
	m := l.m
	deadline := l.selectDeadline(timeout)
	// Fast path: no other thread exists, so nothing can run meanwhile.
	if len(m.threads) == 1 && m.runnable.len() == 0 {
		switch {
		case deadline < 0:
			m.block(l.thread, Wait{What: selectWhat, Deadline: NoDeadline, Concept: trace.ConceptEventLoop})
			return m.deadlock()
		case deadline > m.now:
			if deadline > m.cfg.MaxVirtualTime {
				return m.timeBudgetExhausted(deadline)
			}
			if m.tr != nil {
				prev := m.now
				m.now = deadline
				m.Emit(trace.Event{Kind: trace.ClockJump, Concept: trace.ConceptEventLoop, Num: prev})
			}
			m.now = deadline
		}
	} else {
		l.selecting = true
		err := m.blockInline(l.thread, Wait{What: selectWhat, Deadline: deadline, Ready: l.pipeWritten, Concept: trace.ConceptEventLoop})
		l.selecting = false
		l.thread.wait = Wait{}
		if err != nil {
			return err
		}
	}
	return nil
}

func (l *Loop) pipeWritten() bool { return l.selfPipe || l.netReady() }

// RunForever is run_forever(): iterations until stop().
func (l *Loop) RunForever(t *py.Thread) error {
	if err := l.checkClosed(); err != nil {
		return err
	}
	if l.running {
		return py.NewException(py.RuntimeErrorType, py.Str("This event loop is already running"))
	}
	th := ThreadOf(t)
	if th.loop != nil {
		return py.NewException(py.RuntimeErrorType, py.Str("Cannot run the event loop while another loop is running"))
	}
	th.loop = l
	l.thread = th
	l.running = true
	m := l.m
	if m.tr != nil {
		m.Emit(trace.Event{Kind: trace.LoopStart, Concept: trace.ConceptEventLoop, ID: l.id})
	}
	var err error
	for {
		if err = l.runOnce(); err != nil {
			break
		}
		if l.stopping {
			break
		}
	}
	l.stopping = false
	l.running = false
	th.loop = nil
	l.thread = nil
	return err
}

// runUntilCompleteKey identifies run_until_complete's done callback.
type runUntilCompleteKey struct{}

// RunUntilComplete is run_until_complete(fut): run until fut is done and
// return its result (or raise its exception).
func (l *Loop) RunUntilComplete(t *py.Thread, fut *Future) (py.Value, error) {
	if err := l.checkClosed(); err != nil {
		return nil, err
	}
	if l.running {
		return nil, py.NewException(py.RuntimeErrorType, py.Str("This event loop is already running"))
	}
	key := &runUntilCompleteKey{}
	fut.AddDoneCallbackKey("_run_until_complete_cb", key, func(f *Future) {
		if !f.Cancelled() {
			if x, _ := f.Exception(); x != nil &&
				(x.Class.IsSubtypeOf(py.SystemExitType) || x.Class.IsSubtypeOf(py.KeyboardInterruptType)) {
				return
			}
		}
		f.loop.Stop()
	})
	err := l.RunForever(t)
	fut.RemoveDoneCallback(key)
	if err != nil {
		return nil, err
	}
	if !fut.Done() {
		return nil, py.NewException(py.RuntimeErrorType, py.Str("Event loop stopped before Future completed."))
	}
	v, e := fut.Result()
	if e != nil {
		return nil, e
	}
	return v, nil
}

// Close is close(): the loop drops its handles and shuts its default
// executor down without waiting.
func (l *Loop) Close(t *py.Thread) error {
	if l.running {
		return py.NewException(py.RuntimeErrorType, py.Str("Cannot close a running event loop"))
	}
	if l.closed {
		return nil
	}
	l.closed = true
	l.logUnretrieved()
	for l.ready.Len() > 0 {
		l.ready.Pop()
	}
	l.timers = nil
	l.executorShutdownCalled = true
	if ex := l.defaultExecutor; ex != nil {
		l.defaultExecutor = nil
		if err := callMethod(t, ex, "shutdown", nil, []py.Kwarg{{Name: "wait", Value: py.False}}); err != nil {
			return err
		}
	}
	if m := l.m; m.tr != nil {
		m.Emit(trace.Event{Kind: trace.LoopStop, Concept: trace.ConceptEventLoop, ID: l.id})
	}
	return nil
}

// logUnretrieved writes what CPython logs when a failed task nobody asked
// about is collected: "Task exception was never retrieved".
func (l *Loop) logUnretrieved() {
	for _, tk := range l.tasks {
		if tk.exc != nil && tk.logTraceback {
			tk.logTraceback = false
			l.m.note(nil, Note{Kind: NoteUnretrieved, Task: tk.id})
			l.m.LogError("Task exception was never retrieved\nfuture: "+tk.repr(), tk.exc)
		}
	}
}

// callMethod calls obj.name(*args, **kw) on t, nested.
func callMethod(t *py.Thread, obj py.Value, name string, args []py.Value, kw []py.Kwarg) error {
	ha, ok := obj.(py.HasAttrs)
	if !ok {
		return py.Errorf(py.AttributeErrorType, "'%s' object has no attribute '%s'", obj.Type().Name, name)
	}
	fn, err := ha.Attr(t, name)
	if err != nil {
		return err
	}
	if fn == nil {
		return py.Errorf(py.AttributeErrorType, "'%s' object has no attribute '%s'", obj.Type().Name, name)
	}
	_, err = t.Call(fn, args, kw)
	return err
}

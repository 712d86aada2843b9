// Package trace defines the events a scene's run produces, in order: every
// change a learner could see, from a task being created to a line printed.
// The engine appends them, the CLI prints them as JSON lines, the playground
// replays them. The JSON form is stable: tests, the CLI and the page agree
// on it.
//
// # Objects
//
// Everything an event touches has an object id (ID), unique in one run and
// never reused: tasks, futures, handles (callbacks in the ready queue and
// timers), threads, executor jobs, queues, locks, events. An object's first
// event is its creation (task.new, future.new, handle.new, timer.new,
// thread.new, job.new, sync.new), which gives its name in Text. Ids are
// small integers counted from 1; 0 means "none".
//
// # The JSON form
//
// One event per line, fields in this order, zero-valued fields omitted
// except seq, t and kind:
//
//	{"seq":0,"t":0,"kind":"loop.start","thread":1,"concept":"event-loop"}
//	{"seq":1,"t":0,"kind":"task.new","id":2,"thread":1,"line":12,"col":5,"concept":"task","text":"Task-1","label":"main()"}
//	{"seq":2,"t":0,"kind":"handle.new","id":3,"ref":2,"cause":2,"thread":1,"concept":"ready-queue","text":"Task-1.__step"}
//	{"seq":3,"t":0,"kind":"handle.run","id":3,"ref":2,"thread":1,"concept":"event-loop"}
//	{"seq":4,"t":0,"kind":"task.step","id":2,"thread":1,"line":3,"col":5,"concept":"coroutine"}
//	{"seq":5,"t":0,"kind":"print","thread":1,"line":4,"col":5,"concept":"print","text":"hello\n"}
//	{"seq":6,"t":0,"kind":"future.new","id":4,"thread":1,"line":5,"col":11,"concept":"sleep","text":"sleep(1)"}
//	{"seq":7,"t":0,"kind":"timer.new","id":5,"ref":4,"thread":1,"concept":"timer","text":"futures._set_result_unless_cancelled","num":1}
//	{"seq":8,"t":0,"kind":"task.suspend","id":2,"ref":4,"thread":1,"line":5,"col":11,"concept":"await"}
//
// Fields: seq (index in the trace, from 0), t (virtual seconds since the
// start), kind (see Kind), id (the object the event is about), ref (a
// second object: the future a task waits on, the task a handle steps, the
// future a timer resolves), cause (the object whose change made this event
// happen: the future whose completion put a handle in the ready queue, see
// below), thread (the thread it happened on), line and col (1-based source
// position, when there is one), concept (the notes section it belongs to,
// see Concept), text (a name, printed text, an exception's last line; for
// loop.phase the Phase, for task.done and job.done the Outcome), label (a
// secondary description), num (a number: a timer's deadline, a select
// timeout, a primitive's value).
//
// # Why a task is ready
//
// A task becomes ready when a handle that steps it joins the ready queue
// (handle.new with ref the task). Its cause says why: the future or task
// whose completion scheduled Task.__wakeup (a sleep's future, an awaited
// task, a lock's waiter future), or the task itself for its first step, a
// bare yield (sleep(0)) or a cancellation thrown in. A done-callback's
// handle has the future that completed as its cause; a call_soon from a
// running task has that task; a timer that falls due is its own cause (the
// timer.due event).
//
// # Values of synchronisation primitives
//
// sync.new, sync.op and sync.wake always carry the primitive's value right
// after the event in num (omitted when 0, as every zero field): a
// Semaphore's or BoundedSemaphore's counter (_value), 1 for a locked Lock
// and 0 for an unlocked one, 1 for a set Event, a Queue's qsize(), a
// Barrier's n_waiting (its state, "filling", "draining", "resetting" or
// "broken", in label). A Condition has no value of its own: its sync.new
// names its lock in ref, whose value is the Condition's locked(). So a
// Semaphore released to a waiter reads: sync.op "release" num 1, then
// sync.wake num 0 (the unit handed to the waiter), as CPython's _value.
//
// # Shutdown
//
// asyncio.run ends with Runner.close: cancel the tasks left, run
// shutdown_asyncgens and shutdown_default_executor, close the loop. It
// starts with a loop.phase event whose text is "shutdown" and whose id is
// the loop, and ends with that loop's loop.stop (same id): the events between are its bookkeeping, which a
// player may show folded as one step.
package trace

import (
	"fmt"
	"math"
	"strconv"
	"unicode/utf8"
)

// Kind is the kind of an event.
type Kind uint8

// The event kinds. The comment after each gives its JSON name and what the
// fields mean for it.
const (
	KindInvalid Kind = iota

	LoopStart // loop.start: the event loop starts running (asyncio.run)
	LoopPhase // loop.phase: _run_once enters a phase, or asyncio.run's shutdown begins; text: the Phase ("select", "timers", "ready", "shutdown"); num: select timeout (-1: none) or the number of ready handles; id: the loop, for "shutdown"
	LoopStop  // loop.stop: the loop stops and closes; ends a shutdown
	ClockJump // clock: the virtual clock jumps forward to t; num: the previous time

	TaskNew     // task.new: a task is created; text: its name; label: its coroutine ("main()")
	TaskStep    // task.step: a step of the task starts (its coroutine resumes); line/col: where it resumes
	TaskSuspend // task.suspend: the step ends at an await; ref: the future awaited (0 for a bare yield); label: the coroutine's await chain, outermost first, as function:line joined by ";" ("main:30;fetch:18")
	TaskDone    // task.done: the coroutine finished; text: the Outcome ("result", "exception" or "cancelled"); label: the result's repr or the exception
	TaskCancel  // task.cancel: cancel() was requested; label: the message
	TaskRename  // task.rename: set_name; text: the new name

	FutureNew       // future.new: a future is created; text: what it is for ("sleep(1)", "gather", "create_future()"); ref: the future it takes its outcome from (wrap_future's concurrent future)
	FutureResult    // future.result: set_result; label: repr of the result
	FutureException // future.exception: set_exception; label: the exception's last line
	FutureCancelled // future.cancelled: cancelled; label: the message
	FutureCallback  // future.callback: add_done_callback; ref: the task or future that awaits id through this callback, if any (the task of a Task.__wakeup, gather's outer future, a TaskGroup's parent task, shield's outer future, wait's or wait_for's waiter); text: the callback's name

	HandleNew    // handle.new: a callback joins the ready queue (call_soon); ref: the task or future it serves; cause: why (see the package doc); text: what it calls
	HandleRun    // handle.run: the loop takes the handle off the ready queue and runs it
	HandleCancel // handle.cancel: a handle is cancelled (it stays queued and is skipped)
	HandleSkip   // handle.skip: the loop pops a cancelled handle without running it

	TimerNew    // timer.new: call_later/call_at arms a timer; num: its deadline; ref: what it serves; text: what it calls
	TimerDue    // timer.due: the deadline has passed; the timer moves to the ready queue's tail
	TimerCancel // timer.cancel: the timer is cancelled before it was due

	ThreadNew   // thread.new: a thread is created; text: its name
	ThreadBlock // thread.block: a thread blocks; text: why ("time.sleep(2)", "lock", "select", "result()"); num: deadline or -1
	ThreadWake  // thread.wake: a blocked thread runs again
	ThreadEnd   // thread.end: a thread finishes

	JobNew   // job.new: an executor job is queued; text: the function's name; ref: the executor future
	JobStart // job.start: a worker thread takes the job; ref: the worker thread
	JobDone  // job.done: the job finished; text: the Outcome ("result" or "exception")

	SyncNew  // sync.new: a queue, lock, event, semaphore, condition or barrier is created (or a ThreadPoolExecutor: num its max_workers); text: its kind; num: its value; ref: what it is built on (a Condition's lock, a Barrier's condition)
	SyncWait // sync.wait: a task waits on it; ref: the waiting task; label: why ("get", "put", "acquire", "wait")
	SyncWake // sync.wake: a waiter is woken; ref: the waiter's future; num: the value after (a Semaphore hands one unit to the waiter)
	SyncOp   // sync.op: a change of its state; text: "put", "get", "task_done", "set", "clear", "acquire", "release", "cancel" (a woken Semaphore waiter was cancelled: its unit goes back), "arrive", "leave", "reset", "abort" (a Barrier; label: its state); num: the value after; label for a Queue: the unfinished tasks

	Print    // print: text written to stdout; label "stderr": to stderr (a log record, a warning)
	Raise    // raise: an exception is raised; text: its last line
	Uncaught // uncaught: the scene ends with this exception; text: its last line
	Stopped  // stopped: the engine stopped the scene; text: the message; label: why: a budget ("steps", "time", "events", "memory"), "deadlock" or "interrupted"
	SocketOp // socket: virtual network activity on socket id; text: "listen", "connect", "accept" (id the server's end; ref the client's end; cause the listening socket), "register"/"unregister" (label: "read" or "write": the selector's interest), "ready" (select found it ready; label "read" or "write"), "send", "recv", "read" (its StreamReader hands bytes to the task; num: bytes; label: repr of the first bytes), "buffer" (num: the bytes its transport's write buffer now holds, what send() did not take), "pause" and "resume" (the buffer went over its high-water mark, 64 KiB, and drain() waits; it fell to the low-water mark, 16 KiB: num the buffer), "streams" (ref: the task holding its StreamReader and StreamWriter), "shutdown", "reset", "close"
	Depends  // depends: a step of a FastAPI dependency, or of the endpoint, in one request; id: this use of it (a new object, first seen at "solve"); ref: what it feeds: its parent's use, or the request for the endpoint; cause: for "cached", the use whose value it reuses; text: its name; label: "solve" (reached: its own dependencies come first), "call", "done" (returned, or reached its yield), "cached" (not called: the request's cache has its value), "failed" (raised, or its parameters did not validate), "teardown" (the code after its yield runs); num: 1 if it runs in the thread pool (a def or a class), plus 2 if it has a yield
	Request  // request: a request enters or leaves the app; id: the request; text: "GET /items"; label: "start", or the status code as the response is sent (FastAPI 0.92 sends a success before the teardowns), or "500": an exception reaches the client
	Seed     // seed: a module seeded itself for the run without a seed from the scene (random at import, random.seed()); text: the module; label: the seed, in decimal

	numKinds
)

var kindNames = [...]string{
	KindInvalid:     "invalid",
	LoopStart:       "loop.start",
	LoopPhase:       "loop.phase",
	LoopStop:        "loop.stop",
	ClockJump:       "clock",
	TaskNew:         "task.new",
	TaskStep:        "task.step",
	TaskSuspend:     "task.suspend",
	TaskDone:        "task.done",
	TaskCancel:      "task.cancel",
	TaskRename:      "task.rename",
	FutureNew:       "future.new",
	FutureResult:    "future.result",
	FutureException: "future.exception",
	FutureCancelled: "future.cancelled",
	FutureCallback:  "future.callback",
	HandleNew:       "handle.new",
	HandleRun:       "handle.run",
	HandleCancel:    "handle.cancel",
	HandleSkip:      "handle.skip",
	TimerNew:        "timer.new",
	TimerDue:        "timer.due",
	TimerCancel:     "timer.cancel",
	ThreadNew:       "thread.new",
	ThreadBlock:     "thread.block",
	ThreadWake:      "thread.wake",
	ThreadEnd:       "thread.end",
	JobNew:          "job.new",
	JobStart:        "job.start",
	JobDone:         "job.done",
	SyncNew:         "sync.new",
	SyncWait:        "sync.wait",
	SyncWake:        "sync.wake",
	SyncOp:          "sync.op",
	Print:           "print",
	Raise:           "raise",
	Uncaught:        "uncaught",
	Stopped:         "stopped",
	SocketOp:        "socket",
	Depends:         "depends",
	Request:         "request",
	Seed:            "seed",
}

// String returns the kind's JSON name.
func (k Kind) String() string {
	if int(k) < len(kindNames) && kindNames[k] != "" {
		return kindNames[k]
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// ParseKind returns the kind with the given JSON name.
func ParseKind(s string) (Kind, bool) {
	for k, n := range kindNames {
		if n == s && k != int(KindInvalid) {
			return Kind(k), true
		}
	}
	return KindInvalid, false
}

// Concept names the section of a scene's notes an event belongs to. The
// notes files use these names as section ids.
type Concept uint8

// The concepts, in the order a course meets them.
const (
	NoConcept Concept = iota
	ConceptEventLoop
	ConceptReadyQueue
	ConceptCoroutine
	ConceptAwait
	ConceptTask
	ConceptFuture
	ConceptCallback
	ConceptTimer
	ConceptSleep
	ConceptGather
	ConceptWait
	ConceptTimeout
	ConceptShield
	ConceptTaskGroup
	ConceptCancel
	ConceptQueue
	ConceptEvent
	ConceptLock
	ConceptSemaphore
	ConceptCondition
	ConceptThread
	ConceptExecutor
	ConceptBlocking
	ConceptException
	ConceptPrint
	ConceptStream
	ConceptDepends
	ConceptRequest
	numConcepts
)

var conceptNames = [...]string{
	NoConcept:         "",
	ConceptEventLoop:  "event-loop",
	ConceptReadyQueue: "ready-queue",
	ConceptCoroutine:  "coroutine",
	ConceptAwait:      "await",
	ConceptTask:       "task",
	ConceptFuture:     "future",
	ConceptCallback:   "callback",
	ConceptTimer:      "timer",
	ConceptSleep:      "sleep",
	ConceptGather:     "gather",
	ConceptWait:       "wait",
	ConceptTimeout:    "timeout",
	ConceptShield:     "shield",
	ConceptTaskGroup:  "taskgroup",
	ConceptCancel:     "cancel",
	ConceptQueue:      "queue",
	ConceptEvent:      "event",
	ConceptLock:       "lock",
	ConceptSemaphore:  "semaphore",
	ConceptCondition:  "condition",
	ConceptThread:     "thread",
	ConceptExecutor:   "executor",
	ConceptBlocking:   "blocking",
	ConceptException:  "exception",
	ConceptPrint:      "print",
	ConceptStream:     "stream",
	ConceptDepends:    "depends",
	ConceptRequest:    "request",
}

// String returns the concept's tag, as the notes' section ids spell it.
func (c Concept) String() string {
	if int(c) < len(conceptNames) {
		return conceptNames[c]
	}
	return "concept(" + strconv.Itoa(int(c)) + ")"
}

// Concepts returns every concept tag, in course order.
func Concepts() []Concept {
	cs := make([]Concept, 0, numConcepts-1)
	for c := NoConcept + 1; c < numConcepts; c++ {
		cs = append(cs, c)
	}
	return cs
}

// ParseConcept returns the concept with the given tag.
func ParseConcept(s string) (Concept, bool) {
	for c, n := range conceptNames {
		if n == s && c != int(NoConcept) {
			return Concept(c), true
		}
	}
	return NoConcept, false
}

// Phase is what a loop.phase event enters: a phase of BaseEventLoop's
// _run_once, or the shutdown at the end of asyncio.run. Its JSON name is
// the event's text.
type Phase uint8

// The phases.
const (
	NoPhase       Phase = iota
	PhaseSelect         // select: the loop polls for I/O, waiting at most until the next timer
	PhaseTimers         // timers: the timers that are due move to the ready queue
	PhaseReady          // ready: the loop runs the handles that were ready when the turn began
	PhaseShutdown       // shutdown: asyncio.run's Runner.close begins; it ends at the loop's loop.stop
	numPhases
)

var phaseNames = [...]string{NoPhase: "", PhaseSelect: "select", PhaseTimers: "timers", PhaseReady: "ready", PhaseShutdown: "shutdown"}

// String returns the phase's JSON name.
func (p Phase) String() string {
	if int(p) < len(phaseNames) {
		return phaseNames[p]
	}
	return "phase(" + strconv.Itoa(int(p)) + ")"
}

// ParsePhase returns the phase with the given JSON name.
func ParsePhase(s string) (Phase, bool) {
	for p, n := range phaseNames {
		if n == s && p != int(NoPhase) {
			return Phase(p), true
		}
	}
	return NoPhase, false
}

// Outcome is how a task or an executor job ended (task.done, job.done).
// Its JSON name is the event's text.
type Outcome uint8

// The outcomes.
const (
	NoOutcome        Outcome = iota
	OutcomeResult            // result: it returned
	OutcomeException         // exception: it raised
	OutcomeCancelled         // cancelled: it ended cancelled (a task)
	numOutcomes
)

var outcomeNames = [...]string{NoOutcome: "", OutcomeResult: "result", OutcomeException: "exception", OutcomeCancelled: "cancelled"}

// String returns the outcome's JSON name.
func (o Outcome) String() string {
	if int(o) < len(outcomeNames) {
		return outcomeNames[o]
	}
	return "outcome(" + strconv.Itoa(int(o)) + ")"
}

// ParseOutcome returns the outcome with the given JSON name.
func ParseOutcome(s string) (Outcome, bool) {
	for o, n := range outcomeNames {
		if n == s && o != int(NoOutcome) {
			return Outcome(o), true
		}
	}
	return NoOutcome, false
}

// Event is one change in a scene's run. See the package doc for the
// meaning of each field per kind.
type Event struct {
	Time    float64 // virtual seconds since the start
	Seq     int32   // index in the trace
	Kind    Kind
	Concept Concept
	Phase   Phase   // loop.phase: the phase entered (its JSON text)
	Outcome Outcome // task.done, job.done: how it ended (its JSON text)
	ID      int32   // the object the event is about
	Ref     int32   // a second object
	Cause   int32   // the object whose change made it happen (handle.new: see the package doc)
	Thread  int32   // the thread it happened on (the main thread is the first thread created)
	Line    int32   // 1-based source line, 0 if none
	Col     int32   // 1-based source column, 0 if none
	Num     float64
	Text    string
	Label   string
}

// AppendJSON appends the event's JSON form (no newline) to b.
func (e *Event) AppendJSON(b []byte) []byte {
	var enc Encoder
	return enc.Append(b, e)
}

// Encoder writes events as JSON lines, as AppendJSON does, faster for a
// stream of them: consecutive events mostly share their time, which it
// formats once.
type Encoder struct {
	time    float64
	timeSet bool
	timeStr []byte
}

// Append appends e's JSON form (no newline) to b.
func (enc *Encoder) Append(b []byte, e *Event) []byte {
	b = append(b, `{"seq":`...)
	b = appendUint(b, int64(e.Seq))
	b = append(b, `,"t":`...)
	if !enc.timeSet || enc.time != e.Time || math.IsNaN(e.Time) {
		enc.time, enc.timeSet = e.Time, true
		enc.timeStr = appendFloat(enc.timeStr[:0], e.Time)
	}
	b = append(b, enc.timeStr...)
	b = append(b, `,"kind":"`...)
	b = append(b, e.Kind.String()...)
	b = append(b, '"')
	b = appendInt(b, `,"id":`, e.ID)
	b = appendInt(b, `,"ref":`, e.Ref)
	b = appendInt(b, `,"cause":`, e.Cause)
	b = appendInt(b, `,"thread":`, e.Thread)
	b = appendInt(b, `,"line":`, e.Line)
	b = appendInt(b, `,"col":`, e.Col)
	if e.Concept != NoConcept {
		b = append(b, `,"concept":"`...)
		b = append(b, e.Concept.String()...)
		b = append(b, '"')
	}
	if text := e.text(); text != "" {
		b = append(b, `,"text":`...)
		b = AppendString(b, text)
	}
	if e.Label != "" {
		b = append(b, `,"label":`...)
		b = AppendString(b, e.Label)
	}
	if e.Num != 0 {
		b = append(b, `,"num":`...)
		b = appendFloat(b, e.Num)
	}
	return append(b, '}')
}

// text is the event's JSON text: Text, or the name of its Phase or
// Outcome.
func (e *Event) text() string {
	switch {
	case e.Text != "":
		return e.Text
	case e.Phase != NoPhase:
		return e.Phase.String()
	case e.Outcome != NoOutcome:
		return e.Outcome.String()
	}
	return ""
}

func appendInt(b []byte, key string, v int32) []byte {
	if v == 0 {
		return b
	}
	b = append(b, key...)
	return appendUint(b, int64(v))
}

// appendUint is strconv.AppendInt(b, v, 10) with a short path for the
// small non-negative numbers that fill a trace (ids, lines, columns).
func appendUint(b []byte, v int64) []byte {
	if v < 0 || v >= 1e9 {
		return strconv.AppendInt(b, v, 10)
	}
	var d [9]byte
	i := len(d)
	for {
		i--
		d[i] = byte('0' + v%10)
		v /= 10
		if v == 0 {
			break
		}
	}
	return append(b, d[i:]...)
}

// appendFloat writes f as a JSON number: the shortest form that reads back
// exactly; NaN and infinities, which JSON cannot hold, as null.
func appendFloat(b []byte, f float64) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return append(b, "null"...)
	}
	if f == math.Trunc(f) && math.Abs(f) < 1e15 {
		return strconv.AppendInt(b, int64(f), 10)
	}
	return strconv.AppendFloat(b, f, 'g', -1, 64)
}

const hexDigits = "0123456789abcdef"

// AppendString appends s as a JSON string literal, escaping what JSON
// requires and replacing invalid UTF-8 with U+FFFD.
func AppendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// String returns the event's JSON form.
func (e Event) String() string { return string(e.AppendJSON(nil)) }

// Trace is a scene's events in order.
type Trace struct {
	Events []Event
}

// Add appends an event, setting its sequence number, and returns it.
func (tr *Trace) Add(e Event) *Event {
	e.Seq = int32(len(tr.Events))
	tr.Events = append(tr.Events, e)
	return &tr.Events[len(tr.Events)-1]
}

// Len returns the number of events.
func (tr *Trace) Len() int { return len(tr.Events) }

// Validate checks the trace's invariants: sequence numbers count from 0,
// time never goes backwards, every kind and concept is known.
func (tr *Trace) Validate() error {
	last := 0.0
	for i := range tr.Events {
		e := &tr.Events[i]
		if int(e.Seq) != i {
			return fmt.Errorf("event %d: seq is %d", i, e.Seq)
		}
		if e.Kind == KindInvalid || e.Kind >= numKinds {
			return fmt.Errorf("event %d: invalid kind %d", i, e.Kind)
		}
		if e.Phase >= numPhases || e.Outcome >= numOutcomes {
			return fmt.Errorf("event %d (%s): invalid phase %d or outcome %d", i, e.Kind, e.Phase, e.Outcome)
		}
		if e.Concept >= numConcepts {
			return fmt.Errorf("event %d: invalid concept %d", i, e.Concept)
		}
		if e.Time < last {
			return fmt.Errorf("event %d (%s): time goes back from %g to %g", i, e.Kind, last, e.Time)
		}
		last = e.Time
	}
	return nil
}

package asyncio

// This file holds what the synchronisation primitives share: the traced
// identity of a lock, event, semaphore, condition or queue (syncObj), the
// native coroutine their awaiting methods return (syncCoro), and argument
// helpers for their builtin methods.

import (
	"fmt"
	"math"
	"strconv"

	"loopscope/scenes/python/py"
	"loopscope/scenes/trace"
)

// syncObj is the part of every asyncio synchronisation primitive that the
// trace sees: its id, its kind and concept, and the loop it is bound to
// (mixins._LoopBoundMixin binds it on first use).
type syncObj struct {
	id        int32
	kind      string // "Lock", "Event", "Queue", ...
	concept   trace.Concept
	bound     *Loop
	internal  bool   // a queue's own Event: its set and clear are not shown
	waitLabel string // what sync.wait says a waiter waits for; "wait" when empty
	// value is what the trace shows as the primitive's value after each
	// change (see package trace): a Semaphore's _value, a Lock's locked(),
	// a Queue's qsize().
	value func() float64
}

// init gives the primitive its id and records its creation; ref is a
// second object it is built on (a Condition's lock), value its value.
func (s *syncObj) init(t *py.Thread, kind string, concept trace.Concept, ref int32, value func() float64) {
	m := machineOf(t)
	s.kind, s.concept, s.value = kind, concept, value
	s.id = m.NewID()
	m.Emit(trace.Event{Kind: trace.SyncNew, ID: s.id, Ref: ref, Concept: concept, Text: kind, Num: value()})
}

// boolValue is a flag as the trace's num shows it: 1 or 0.
func boolValue(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// runningLoop is events._get_running_loop(): the loop running on t's
// thread, or nil.
func runningLoop(t *py.Thread) *Loop {
	if th := ThreadOf(t); th != nil {
		if l := th.Loop(); l != nil && l.IsRunning() {
			return l
		}
	}
	return nil
}

// isCancelledError reports whether e is an asyncio.CancelledError.
func isCancelledError(e *py.Exception) bool { return e.Class.IsSubtypeOf(CancelledErrorType) }

// newCancelledError is a bare `raise exceptions.CancelledError` raised
// while context was being handled.
func newCancelledError(context *py.Exception) *py.Exception {
	e := py.NewException(CancelledErrorType)
	e.Context = context
	return e
}

// repr is the repr locks.py builds: the object's default repr (the trace
// id standing for its address) with extra and the waiter count.
func (s *syncObj) repr(extra string, waiters int) string {
	if waiters > 0 {
		extra += ", waiters:" + strconv.Itoa(waiters)
	}
	return fmt.Sprintf("<asyncio.locks.%s object at %#x [%s]>", s.kind, s.id, extra)
}

// machineOf returns the machine running t.
func machineOf(t *py.Thread) *Machine { return t.Host.(*Machine) }

// loop returns the running loop, binding the primitive to it on first use
// (_LoopBoundMixin._get_loop).
func (s *syncObj) loop(t *py.Thread) (*Loop, error) {
	loop := runningLoop(t)
	if loop == nil {
		return nil, py.Errorf(py.RuntimeErrorType, "no running event loop")
	}
	if s.bound == nil {
		s.bound = loop
	}
	if loop != s.bound {
		return nil, py.Errorf(py.RuntimeErrorType, "<asyncio.locks.%s object> is bound to a different event loop", s.kind)
	}
	return loop, nil
}

// newFuture returns the future a waiter awaits, labelled with what it
// waits for ("Lock.acquire").
func (s *syncObj) newFuture(loop *Loop, why string) *Future {
	return loop.NewFuture(s.kind+"."+why, nil, s.concept)
}

// wait records that the current task starts waiting on fut for why.
func (s *syncObj) wait(t *py.Thread, fut *Future, why string) {
	if why == "" {
		why = "wait"
	}
	m := machineOf(t)
	if m.Tracing() {
		var task int32
		if l := runningLoop(t); l != nil && l.CurrentTask() != nil {
			task = l.CurrentTask().ID()
		}
		m.Emit(trace.Event{Kind: trace.SyncWait, ID: s.id, Ref: task, Concept: s.concept, Label: why})
	}
}

// wake resolves the waiter fut with v and records it, with the
// primitive's value now (a Semaphore has already handed the waiter its
// unit).
func (s *syncObj) wake(t *py.Thread, fut *Future, v py.Value) {
	m := machineOf(t)
	if m.Tracing() {
		m.Emit(trace.Event{Kind: trace.SyncWake, ID: s.id, Ref: fut.ID(), Concept: s.concept, Num: s.value()})
	}
	// A waiter that is not done takes the result: SetResult cannot fail.
	_ = fut.SetResult(v)
}

// op records a change of the primitive's state, with its value afterwards.
func (s *syncObj) op(t *py.Thread, what string) { s.opLabel(t, what, "") }

// opLabel is op with a label (a Queue's unfinished tasks, a Barrier's
// state).
func (s *syncObj) opLabel(t *py.Thread, what, label string) {
	if s.internal {
		return
	}
	if m := machineOf(t); m.Tracing() {
		m.Emit(trace.Event{Kind: trace.SyncOp, ID: s.id, Concept: s.concept, Text: what, Label: label, Num: s.value()})
	}
}

// ---------------------------------------------------------------------------
// Native coroutines

// newSyncCoro returns a native coroutine (a goCoro) whose steps are step.
// An exception thrown in before the first step is raised at once, as it
// is for an `async def` that has not started.
func newSyncCoro(qual string, step stepFunc) *goCoro {
	return newGoCoro(qual, func(t *py.Thread, pc int, send py.Value, throw *py.Exception) (int, py.Value, py.CoroState, error) {
		if pc == 0 && throw != nil {
			return 0, nil, py.CoroRaised, throw
		}
		return step(t, pc, send, throw)
	})
}

// suspendOn is a step that suspends at state next on the pending future f
// (`await f`).
func suspendOn(next int, f *Future) (int, py.Value, py.CoroState, error) {
	v, st, err := yieldFuture(f)
	return next, v, st, err
}

// aenterCoro is __aenter__ of locks._ContextManagerMixin:
// `await self.acquire(); return None`, with acquire already called.
func aenterCoro(qual string, acquire py.Coroutine) *goCoro {
	return newSyncCoro(qual, func(t *py.Thread, state int, send py.Value, throw *py.Exception) (int, py.Value, py.CoroState, error) {
		v, st, err := acquire.Resume(t, send, throw)
		switch {
		case err != nil:
			return -1, nil, py.CoroRaised, err
		case st == py.CoroYielded:
			return 1, v, py.CoroYielded, nil
		}
		return -1, py.None, py.CoroReturned, nil
	})
}

// aexitCoro is __aexit__ of locks._ContextManagerMixin: release() and
// return None, so an exception in the block propagates.
func aexitCoro(qual string, release func(t *py.Thread) error) *goCoro {
	return newSyncCoro(qual, func(t *py.Thread, state int, send py.Value, throw *py.Exception) (int, py.Value, py.CoroState, error) {
		if err := release(t); err != nil {
			return -1, nil, py.CoroRaised, err
		}
		return -1, py.None, py.CoroReturned, nil
	})
}

// aenter returns the bound method __aenter__ for a primitive whose entry
// is acquire.
func aenter(recv py.Value, acquire func(t *py.Thread) py.Coroutine) *py.Builtin {
	qual := recv.Type().Name + ".__aenter__"
	return method(recv, qual, func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
		if err := noArgs("__aenter__", args, kw); err != nil {
			return nil, err
		}
		return aenterCoro(qual, acquire(t)), nil
	})
}

// aexit returns the bound method __aexit__ for a primitive whose exit is
// release.
func aexit(recv py.Value, release func(t *py.Thread) error) *py.Builtin {
	qual := recv.Type().Name + ".__aexit__"
	return method(recv, qual, func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
		return aexitCoro(qual, release), nil
	})
}

// timeoutArg reads a timeout argument: None (or missing) is noTimeout.
func timeoutArg(v py.Value) (float64, error) {
	if v == nil || v == py.None {
		return noTimeout, nil
	}
	secs, ok := toSeconds(v)
	if !ok {
		return 0, py.Errorf(py.TypeErrorType, "'%s' object cannot be interpreted as a number of seconds", v.Type().Name)
	}
	return secs, nil
}

// runningLoop is events._get_running_loop(): the loop running on t's
// ---------------------------------------------------------------------------
// Threads blocking on threading primitives

// threadWaiter is one thread blocked in threading.Condition.wait: the
// waiter lock of its own that notify releases.
type threadWaiter struct {
	th       *Thread
	notified bool
}

// threadCond is a threading.Condition's _waiters deque: the threads
// blocked on it, in the order they started waiting.
type threadCond struct {
	waiters []*threadWaiter
}

// add appends a waiter for t's thread.
func (c *threadCond) add(t *py.Thread) *threadWaiter {
	w := &threadWaiter{th: ThreadOf(t)}
	c.waiters = append(c.waiters, w)
	return w
}

// remove drops w if it is still waiting (a timed-out waiter removes
// itself).
func (c *threadCond) remove(w *threadWaiter) {
	for i, x := range c.waiters {
		if x == w {
			copy(c.waiters[i:], c.waiters[i+1:])
			c.waiters[len(c.waiters)-1] = nil
			c.waiters = c.waiters[:len(c.waiters)-1]
			return
		}
	}
}

// notify wakes the first n waiters, oldest first: each becomes runnable
// now, in that order.
func (c *threadCond) notify(m *Machine, n int) {
	for n > 0 && len(c.waiters) > 0 {
		w := c.waiters[0]
		c.waiters[0] = nil
		c.waiters = c.waiters[1:]
		w.notified = true
		m.Wake(w.th)
		n--
	}
}

// notifyAll wakes every waiter.
func (c *threadCond) notifyAll(m *Machine) { c.notify(m, len(c.waiters)) }

// noTimeout is the timeout of a wait without one (timeout=None).
var noTimeout = math.Inf(1)

// waitThread is Condition.wait(timeout) for the thread t, already added
// as w: it blocks t until w is notified or timeout seconds pass, then
// returns done(notified). A timeout <= 0 does not block at all (CPython
// then only tries the waiter lock), and timeout noTimeout waits forever.
// On the loop thread the wait stalls the loop: its trace concept is
// blocking.
func (m *Machine) waitThread(t *py.Thread, w *threadWaiter, timeout float64, what string, done func(notified bool) (py.Value, error)) (py.Value, error) {
	if timeout <= 0 {
		return done(w.notified)
	}
	deadline := NoDeadline
	if !math.IsInf(timeout, 1) {
		deadline = m.Now() + timeout
	}
	return m.WaitOn(t, Wait{What: what, Deadline: deadline, Concept: blockingConcept(ThreadOf(t)),
		Ready: func() bool { return w.notified }, Done: done})
}

package asyncio

// This file ports CPython 3.11's concurrent/futures/_base.py: the
// thread-safe Future, its waiters, wait() and as_completed(). Blocking
// calls (result, exception, wait, as_completed's next) block the calling
// thread in virtual time: a worker suspends, the loop thread stalls.

import (
	"fmt"
	"math"

	"loopscope/scenes/python/py"
	"loopscope/scenes/trace"
)

// The concurrent.futures types and exceptions.
var (
	ConcurrentFutureType = &py.Type{Name: "Future", Module: "concurrent.futures._base", Base: py.ObjectType}
	// FuturesErrorType is concurrent.futures._base.Error, the base of its own
	// exceptions.
	FuturesErrorType = py.NewExceptionType("Error", "concurrent.futures._base", py.ExceptionType)
	// FuturesCancelledErrorType is concurrent.futures.CancelledError: not
	// asyncio's CancelledError (3.11 keeps them apart).
	FuturesCancelledErrorType    = py.NewExceptionType("CancelledError", "concurrent.futures._base", FuturesErrorType)
	FuturesInvalidStateErrorType = py.NewExceptionType("InvalidStateError", "concurrent.futures._base", FuturesErrorType)
	BrokenExecutorType           = py.NewExceptionType("BrokenExecutor", "concurrent.futures._base", py.RuntimeErrorType)
	DoneAndNotDoneFuturesType    = &py.Type{Name: "DoneAndNotDoneFutures", Module: "concurrent.futures._base", Base: py.TupleType}
	asCompletedType              = &py.Type{Name: "generator", Module: "builtins", Base: py.ObjectType}
)

func init() {
	ConcurrentFutureType.New = func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
		if err := noArgs("Future", args, kw); err != nil {
			return nil, err
		}
		return NewConcurrentFuture(t, "Future()"), nil
	}
}

// cfState is a concurrent future's state (_base.py's PENDING ... FINISHED).
type cfState uint8

const (
	cfPending cfState = iota
	cfRunning
	cfCancelled
	cfCancelledAndNotified
	cfFinished
)

var cfStateNames = [...]string{"PENDING", "RUNNING", "CANCELLED", "CANCELLED_AND_NOTIFIED", "FINISHED"}
var cfStateDescriptions = [...]string{"pending", "running", "cancelled", "cancelled", "finished"}

// cfCallback is a done callback: a Python callable or a Go function (the
// bridges to asyncio register Go ones).
type cfCallback struct {
	fn   py.Value
	gofn func(t *py.Thread, f *ConcurrentFuture) error
}

// ConcurrentFuture is concurrent.futures.Future: a result that another
// thread will set, waited for by blocking.
type ConcurrentFuture struct {
	id        int32
	state     cfState
	result    py.Value
	exc       *py.Exception
	cond      threadCond   // threads blocked in result() or exception()
	waiters   []*cfWaiter  // the _Waiter of each wait() / as_completed() watching it
	callbacks []cfCallback // _done_callbacks
}

// NewConcurrentFuture returns a pending future; what describes it in the
// trace.
func NewConcurrentFuture(t *py.Thread, what string) *ConcurrentFuture {
	m := machineOf(t)
	f := &ConcurrentFuture{id: m.NewID()}
	if m.Tracing() {
		m.Emit(trace.Event{Kind: trace.FutureNew, ID: f.id, Concept: trace.ConceptExecutor, Text: what, Label: "concurrent.futures.Future"})
	}
	return f
}

// Type returns ConcurrentFutureType.
func (*ConcurrentFuture) Type() *py.Type { return ConcurrentFutureType }

// ID returns the future's trace id.
func (f *ConcurrentFuture) ID() int32 { return f.id }

// Hash makes sets of futures iterate in creation order (CPython's follows
// memory addresses, which no scene can rely on).
func (f *ConcurrentFuture) Hash() uint64 { return uint64(f.id) }

// Repr returns CPython's repr with the trace id standing for the address.
func (f *ConcurrentFuture) Repr(t *py.Thread) (string, error) {
	desc := cfStateDescriptions[f.state]
	switch {
	case f.state == cfFinished && f.exc != nil:
		return fmt.Sprintf("<Future at %#x state=%s raised %s>", f.id, desc, f.exc.Class.Name), nil
	case f.state == cfFinished:
		return fmt.Sprintf("<Future at %#x state=%s returned %s>", f.id, desc, f.result.Type().Name), nil
	}
	return fmt.Sprintf("<Future at %#x state=%s>", f.id, desc), nil
}

// Done reports whether the future is cancelled or finished.
func (f *ConcurrentFuture) Done() bool { return f.state >= cfCancelled }

// Cancelled reports whether the future was cancelled.
func (f *ConcurrentFuture) Cancelled() bool {
	return f.state == cfCancelled || f.state == cfCancelledAndNotified
}

// Running reports whether a worker runs its call.
func (f *ConcurrentFuture) Running() bool { return f.state == cfRunning }

// Outcome returns the result or the exception of a finished future.
func (f *ConcurrentFuture) Outcome() (py.Value, *py.Exception) { return f.result, f.exc }

// Attr returns the future's methods.
func (f *ConcurrentFuture) Attr(t *py.Thread, name string) (py.Value, error) {
	switch name {
	case "done":
		return method(f, "Future.done", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := noArgs("done", args, kw); err != nil {
				return nil, err
			}
			return py.Bool(f.Done()), nil
		}), nil
	case "cancelled":
		return method(f, "Future.cancelled", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := noArgs("cancelled", args, kw); err != nil {
				return nil, err
			}
			return py.Bool(f.Cancelled()), nil
		}), nil
	case "running":
		return method(f, "Future.running", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := noArgs("running", args, kw); err != nil {
				return nil, err
			}
			return py.Bool(f.Running()), nil
		}), nil
	case "cancel":
		return method(f, "Future.cancel", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := noArgs("cancel", args, kw); err != nil {
				return nil, err
			}
			ok, err := f.Cancel(t)
			if err != nil {
				return nil, err
			}
			return py.Bool(ok), nil
		}), nil
	case "result", "exception":
		return method(f, "Future."+name, func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := parseArgs(name, args, kw, []string{"timeout"}, 0)
			if err != nil {
				return nil, err
			}
			timeout, err := timeoutArg(a[0])
			if err != nil {
				return nil, err
			}
			if name == "result" {
				return f.Result(t, timeout)
			}
			return f.Exception(t, timeout)
		}), nil
	case "add_done_callback":
		return method(f, "Future.add_done_callback", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := parseArgs("add_done_callback", args, kw, []string{"fn"}, 1)
			if err != nil {
				return nil, err
			}
			if err := f.AddDoneCallback(t, cfCallback{fn: a[0]}); err != nil {
				return nil, err
			}
			return py.None, nil
		}), nil
	case "set_result":
		return method(f, "Future.set_result", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := parseArgs("set_result", args, kw, []string{"result"}, 1)
			if err != nil {
				return nil, err
			}
			if err := f.SetResult(t, a[0]); err != nil {
				return nil, err
			}
			return py.None, nil
		}), nil
	case "set_exception":
		return method(f, "Future.set_exception", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := parseArgs("set_exception", args, kw, []string{"exception"}, 1)
			if err != nil {
				return nil, err
			}
			exc, err := toException(t, a[0])
			if err != nil {
				return nil, err
			}
			if err := f.SetException(t, exc); err != nil {
				return nil, err
			}
			return py.None, nil
		}), nil
	case "set_running_or_notify_cancel":
		return method(f, "Future.set_running_or_notify_cancel", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := noArgs("set_running_or_notify_cancel", args, kw); err != nil {
				return nil, err
			}
			ok, err := f.SetRunningOrNotifyCancel(t)
			if err != nil {
				return nil, err
			}
			return py.Bool(ok), nil
		}), nil
	}
	return nil, nil
}

// Cancel cancels a future that is not running or done yet.
func (f *ConcurrentFuture) Cancel(t *py.Thread) (bool, error) {
	switch f.state {
	case cfRunning, cfFinished:
		return false, nil
	case cfCancelled, cfCancelledAndNotified:
		return true, nil
	}
	f.state = cfCancelled
	m := machineOf(t)
	if m.Tracing() {
		m.Emit(trace.Event{Kind: trace.FutureCancelled, ID: f.id, Concept: trace.ConceptExecutor})
	}
	f.cond.notifyAll(m)
	return true, f.invokeCallbacks(t)
}

// SetRunningOrNotifyCancel is what a worker calls before running the job:
// false when the future was cancelled (its waiters are told), else it
// becomes running.
func (f *ConcurrentFuture) SetRunningOrNotifyCancel(t *py.Thread) (bool, error) {
	switch f.state {
	case cfCancelled:
		f.state = cfCancelledAndNotified
		for _, w := range f.waiters {
			w.add(machineOf(t), f)
		}
		return false, nil
	case cfPending:
		f.state = cfRunning
		return true, nil
	}
	return false, py.Errorf(py.RuntimeErrorType, "Future in unexpected state")
}

func (f *ConcurrentFuture) invalidState(t *py.Thread) error {
	r, _ := f.Repr(t)
	return py.Errorf(FuturesInvalidStateErrorType, "%s: %s", cfStateNames[f.state], r)
}

// SetResult finishes the future with v, wakes its waiters and runs its
// done callbacks in the calling thread.
func (f *ConcurrentFuture) SetResult(t *py.Thread, v py.Value) error {
	if f.Done() {
		return f.invalidState(t)
	}
	f.result, f.state = v, cfFinished
	m := machineOf(t)
	if m.Tracing() {
		label, _ := py.Repr(t, v)
		m.Emit(trace.Event{Kind: trace.FutureResult, ID: f.id, Concept: trace.ConceptExecutor, Label: label})
	}
	for _, w := range f.waiters {
		w.add(m, f)
	}
	f.cond.notifyAll(m)
	return f.invokeCallbacks(t)
}

// SetException finishes the future with exc.
func (f *ConcurrentFuture) SetException(t *py.Thread, exc *py.Exception) error {
	if f.Done() {
		return f.invalidState(t)
	}
	f.exc, f.state = exc, cfFinished
	m := machineOf(t)
	if m.Tracing() {
		m.Emit(trace.Event{Kind: trace.FutureException, ID: f.id, Concept: trace.ConceptExecutor, Label: exc.Error()})
	}
	for _, w := range f.waiters {
		w.addException(m, f)
	}
	f.cond.notifyAll(m)
	return f.invokeCallbacks(t)
}

// AddDoneCallback adds cb, or calls it at once in the caller when the
// future is already done.
func (f *ConcurrentFuture) AddDoneCallback(t *py.Thread, cb cfCallback) error {
	m := machineOf(t)
	if m.Tracing() && cb.fn != nil {
		m.Emit(trace.Event{Kind: trace.FutureCallback, ID: f.id, Concept: trace.ConceptCallback, Text: callableName(cb.fn)})
	}
	if !f.Done() {
		f.callbacks = append(f.callbacks, cb)
		return nil
	}
	return f.call(t, cb)
}

func (f *ConcurrentFuture) invokeCallbacks(t *py.Thread) error {
	for _, cb := range f.callbacks {
		if err := f.call(t, cb); err != nil {
			return err
		}
	}
	return nil
}

// call runs one done callback; an Exception it raises is logged (to
// stderr) and swallowed, as _invoke_callbacks does.
func (f *ConcurrentFuture) call(t *py.Thread, cb cfCallback) error {
	var err error
	if cb.gofn != nil {
		err = cb.gofn(t, f)
	} else {
		_, err = t.Call(cb.fn, []py.Value{f}, nil)
	}
	if x, ok := err.(*py.Exception); ok && x.Class.IsSubtypeOf(py.ExceptionType) {
		r, _ := f.Repr(t)
		machineOf(t).WriteStderr("exception calling callback for " + r + "\n" + formatTraceback(x))
		return nil
	}
	return err
}

// Result waits up to timeout seconds (noTimeout: forever; <= 0: not at
// all) for the future and returns its result or raises its exception.
func (f *ConcurrentFuture) Result(t *py.Thread, timeout float64) (py.Value, error) {
	return f.await(t, timeout, "result()", f.getResult, nil)
}

// Exception waits like Result and returns the exception (None if the call
// returned).
func (f *ConcurrentFuture) Exception(t *py.Thread, timeout float64) (py.Value, error) {
	return f.await(t, timeout, "exception()", f.getException, nil)
}

func (f *ConcurrentFuture) getResult() (py.Value, error) {
	if f.exc != nil {
		return nil, f.exc
	}
	return f.result, nil
}

func (f *ConcurrentFuture) getException() (py.Value, error) {
	if f.exc != nil {
		return f.exc, nil
	}
	return py.None, nil
}

// await is the body shared by result() and exception(): check, wait once
// on the future's condition, check again (CancelledError, get's outcome,
// or TimeoutError). after, when set, sees the outcome and may change it
// (a finally clause around the call).
func (f *ConcurrentFuture) await(t *py.Thread, timeout float64, what string, get func() (py.Value, error), after func(py.Value, error) (py.Value, error)) (py.Value, error) {
	check := func(waited bool) (py.Value, error, bool) {
		switch {
		case f.Cancelled():
			return nil, py.NewException(FuturesCancelledErrorType), true
		case f.state == cfFinished:
			v, err := get()
			return v, err, true
		case waited:
			return nil, py.NewException(py.TimeoutErrorType), true
		}
		return nil, nil, false
	}
	finish := func(v py.Value, err error) (py.Value, error) {
		if after != nil {
			return after(v, err)
		}
		return v, err
	}
	if v, err, ok := check(false); ok {
		return finish(v, err)
	}
	w := f.cond.add(t)
	return machineOf(t).waitThread(t, w, timeout, what, func(bool) (py.Value, error) {
		f.cond.remove(w)
		v, err, _ := check(true)
		return finish(v, err)
	})
}

// ---------------------------------------------------------------------------
// wait() and as_completed()

// The return_when constants.
const (
	FirstCompleted = "FIRST_COMPLETED"
	FirstException = "FIRST_EXCEPTION"
	AllCompleted   = "ALL_COMPLETED"
	asCompleted    = "_AS_COMPLETED"
)

// cfWaiter is _base._Waiter and its subclasses: the threading.Event that
// wait() or as_completed() blocks on, and the futures that finished.
type cfWaiter struct {
	kind            string // one of the return_when constants or asCompleted
	pending         int    // _AllCompletedWaiter.num_pending_calls
	stopOnException bool
	finished        []*ConcurrentFuture
	flag            bool       // the Event's flag
	cond            threadCond // threads blocked in event.wait()
}

func (w *cfWaiter) set(m *Machine) {
	w.flag = true
	w.cond.notifyAll(m)
}

// add records that f finished (state cfFinished) or was cancelled.
func (w *cfWaiter) add(m *Machine, f *ConcurrentFuture) {
	w.finished = append(w.finished, f)
	switch w.kind {
	case asCompleted, FirstCompleted:
		w.set(m)
	default:
		w.decrement(m)
	}
}

func (w *cfWaiter) addException(m *Machine, f *ConcurrentFuture) {
	w.finished = append(w.finished, f)
	switch {
	case w.kind == asCompleted || w.kind == FirstCompleted:
		w.set(m)
	case w.stopOnException:
		w.set(m)
	default:
		w.decrement(m)
	}
}

func (w *cfWaiter) decrement(m *Machine) {
	w.pending--
	if w.pending == 0 {
		w.set(m)
	}
}

// installWaiter creates the waiter for return_when and registers it with every
// future (_create_and_install_waiters).
func installWaiter(fs []*ConcurrentFuture, kind string) *cfWaiter {
	w := &cfWaiter{kind: kind}
	switch kind {
	case FirstException, AllCompleted:
		for _, f := range fs {
			if !(f.state == cfCancelledAndNotified || f.state == cfFinished) {
				w.pending++
			}
		}
		w.stopOnException = kind == FirstException
	}
	for _, f := range fs {
		f.waiters = append(f.waiters, w)
	}
	return w
}

func (f *ConcurrentFuture) removeWaiter(w *cfWaiter) {
	for i, x := range f.waiters {
		if x == w {
			f.waiters = append(f.waiters[:i], f.waiters[i+1:]...)
			return
		}
	}
}

// settled is `f._state in [CANCELLED_AND_NOTIFIED, FINISHED]`: a future
// cancelled but not yet seen by a worker does not count.
func (f *ConcurrentFuture) settled() bool {
	return f.state == cfCancelledAndNotified || f.state == cfFinished
}

// futureSet turns fs into a set of distinct futures, in first-seen order.
func futureSet(t *py.Thread, v py.Value) ([]*ConcurrentFuture, error) {
	var fs []*ConcurrentFuture
	seen := map[*ConcurrentFuture]bool{}
	err := py.Iterate(t, v, func(x py.Value) error {
		f, ok := x.(*ConcurrentFuture)
		if !ok {
			return py.Errorf(py.TypeErrorType, "expected a concurrent.futures.Future, got %s", x.Type().Name)
		}
		if !seen[f] {
			seen[f] = true
			fs = append(fs, f)
		}
		return nil
	})
	return fs, err
}

func newFutureSet(t *py.Thread, fs []*ConcurrentFuture) (*py.Set, error) {
	s := py.NewSet()
	for _, f := range fs {
		if err := s.Add(t, f); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// DoneAndNotDoneFutures is the named tuple wait() returns.
type DoneAndNotDoneFutures struct {
	DoneSet, NotDone *py.Set
}

// Type returns DoneAndNotDoneFuturesType.
func (*DoneAndNotDoneFutures) Type() *py.Type { return DoneAndNotDoneFuturesType }

// Len returns 2.
func (*DoneAndNotDoneFutures) Len() int { return 2 }

// Iter iterates (done, not_done), so `done, pending = wait(fs)` works.
func (d *DoneAndNotDoneFutures) Iter(t *py.Thread) (py.Iterator, error) {
	return py.GetIter(t, py.Tuple{d.DoneSet, d.NotDone})
}

// GetItem returns r[0] or r[1].
func (d *DoneAndNotDoneFutures) GetItem(t *py.Thread, k py.Value) (py.Value, error) {
	return py.GetItem(t, py.Tuple{d.DoneSet, d.NotDone}, k)
}

// Attr returns .done and .not_done.
func (d *DoneAndNotDoneFutures) Attr(t *py.Thread, name string) (py.Value, error) {
	switch name {
	case "done":
		return d.DoneSet, nil
	case "not_done":
		return d.NotDone, nil
	}
	return nil, nil
}

// Repr returns DoneAndNotDoneFutures(done=..., not_done=...).
func (d *DoneAndNotDoneFutures) Repr(t *py.Thread) (string, error) {
	a, err := py.Repr(t, d.DoneSet)
	if err != nil {
		return "", err
	}
	b, err := py.Repr(t, d.NotDone)
	if err != nil {
		return "", err
	}
	return "DoneAndNotDoneFutures(done=" + a + ", not_done=" + b + ")", nil
}

func doneAndNotDone(t *py.Thread, done, notDone []*ConcurrentFuture) (py.Value, error) {
	a, err := newFutureSet(t, done)
	if err != nil {
		return nil, err
	}
	b, err := newFutureSet(t, notDone)
	if err != nil {
		return nil, err
	}
	return &DoneAndNotDoneFutures{a, b}, nil
}

// FuturesWait is concurrent.futures.wait(fs, timeout, return_when).
func FuturesWait(t *py.Thread, fsArg py.Value, timeout float64, returnWhen string) (py.Value, error) {
	fs, err := futureSet(t, fsArg)
	if err != nil {
		return nil, err
	}
	var done, notDone []*ConcurrentFuture
	for _, f := range fs {
		if f.settled() {
			done = append(done, f)
		} else {
			notDone = append(notDone, f)
		}
	}
	switch {
	case returnWhen == FirstCompleted && len(done) > 0:
		return doneAndNotDone(t, done, notDone)
	case returnWhen == FirstException && len(done) > 0:
		for _, f := range done {
			if !f.Cancelled() && f.exc != nil {
				return doneAndNotDone(t, done, notDone)
			}
		}
	}
	if len(done) == len(fs) {
		return doneAndNotDone(t, done, notDone)
	}
	switch returnWhen {
	case FirstCompleted, FirstException, AllCompleted:
	default:
		return nil, py.Errorf(py.ValueErrorType, "Invalid return condition: %s", py.StrRepr(returnWhen))
	}
	w := installWaiter(fs, returnWhen)
	finish := func(bool) (py.Value, error) {
		for _, f := range fs {
			f.removeWaiter(w)
		}
		in := map[*ConcurrentFuture]bool{}
		for _, f := range done {
			in[f] = true
		}
		for _, f := range w.finished {
			if !in[f] {
				in[f] = true
				done = append(done, f)
			}
		}
		var rest []*ConcurrentFuture
		for _, f := range fs {
			if !in[f] {
				rest = append(rest, f)
			}
		}
		return doneAndNotDone(t, done, rest)
	}
	return waitEvent(t, w, timeout, "wait()", finish)
}

// waitEvent is threading.Event.wait(timeout) on the waiter's event, then
// finish.
func waitEvent(t *py.Thread, w *cfWaiter, timeout float64, what string, finish func(bool) (py.Value, error)) (py.Value, error) {
	if w.flag {
		return finish(true)
	}
	tw := w.cond.add(t)
	return machineOf(t).waitThread(t, tw, timeout, what, func(ok bool) (py.Value, error) {
		w.cond.remove(tw)
		return finish(ok)
	})
}

// AsCompleted is the generator concurrent.futures.as_completed(fs,
// timeout) returns.
type AsCompleted struct {
	arg      py.Value // the fs argument, read at the first next()
	timeout  float64  // the timeout argument (noTimeout: None)
	started  bool
	fs       []*ConcurrentFuture // `fs`, the set still to yield
	pending  []*ConcurrentFuture
	finished []*ConcurrentFuture // yielded from the end
	total    int
	endTime  float64
	timed    bool
	waiter   *cfWaiter
	closed   bool
}

// NewAsCompleted returns the generator as_completed(fs, timeout); timeout
// noTimeout means None. As with the generator, nothing happens before the
// first next(): that is when the clock starts and the futures already
// done are taken.
func NewAsCompleted(t *py.Thread, fs py.Value, timeout float64) (*AsCompleted, error) {
	return &AsCompleted{arg: fs, timeout: timeout}, nil
}

// start runs the generator's code before its loop.
func (ac *AsCompleted) start(t *py.Thread) error {
	ac.started = true
	if !math.IsInf(ac.timeout, 1) {
		ac.timed = true
		ac.endTime = ac.timeout + machineOf(t).Now()
	}
	fs, err := futureSet(t, ac.arg)
	if err != nil {
		ac.closed = true
		return err
	}
	ac.arg = nil
	ac.fs, ac.total = fs, len(fs)
	var finished []*ConcurrentFuture
	for _, f := range fs {
		if f.settled() {
			finished = append(finished, f)
		} else {
			ac.pending = append(ac.pending, f)
		}
	}
	ac.waiter = installWaiter(fs, asCompleted)
	// _yield_finished_futures pops from the end of list(finished). That
	// list comes from a set, whose order CPython takes from memory
	// addresses; the engine takes creation order (as addresses usually
	// run), so the futures already done come out newest first, as they
	// usually do in CPython.
	ac.finished = finished
	return nil
}

// Type returns the generator type.
func (*AsCompleted) Type() *py.Type { return asCompletedType }

// Next yields the next future to complete, blocking the thread until one
// does; TimeoutError when the timeout passes first. When the thread
// suspends (py.ErrBlock), the outcome it gets later is the next future, or
// StopIteration when there is none.
func (ac *AsCompleted) Next(t *py.Thread) (py.Value, bool, error) {
	if !ac.started {
		if err := ac.start(t); err != nil {
			return nil, false, err
		}
	}
	v, err := ac.next(t, false)
	if x, ok := err.(*py.Exception); ok && x.Class == py.StopIterationType {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	return v, true, nil
}

// next is one turn of the generator's loop; afterTimeout says that the
// wait before it ended by its deadline with nothing finished.
func (ac *AsCompleted) next(t *py.Thread, afterTimeout bool) (py.Value, error) {
	if !ac.closed {
		if f := ac.popFinished(); f != nil {
			return f, nil
		}
	}
	if ac.closed || len(ac.pending) == 0 {
		ac.close()
		return nil, py.NewException(py.StopIterationType)
	}
	waitTimeout := noTimeout
	if ac.timed {
		waitTimeout = ac.endTime - machineOf(t).Now()
		if waitTimeout < 0 {
			ac.close()
			return nil, py.Errorf(py.TimeoutErrorType, "%d (of %d) futures unfinished", len(ac.pending), ac.total)
		}
		if !ac.waiter.flag && (waitTimeout == 0 || afterTimeout) {
			// CPython now calls event.wait(0), which does not block and so
			// lets no virtual time pass: the generator spins for ever (the
			// harness stops it on its budget). A tiny positive rest comes
			// only from rounding and ends the same way.
			line, col := t.Where()
			return nil, &StopError{Kind: "budget", Budget: "steps", Line: line, Col: col, Msg: fmt.Sprintf(
				"budget: as_completed() spins at %.6f (%s): its timeout is reached exactly, and waiting 0 s lets no time pass",
				machineOf(t).Now(), at(line, col))}
		}
	}
	return waitEvent(t, ac.waiter, waitTimeout, "as_completed()", func(bool) (py.Value, error) {
		return ac.afterWait(t)
	})
}

// afterWait takes the futures the waiter collected and yields the oldest;
// when none finished (a timeout), it goes round the loop again.
func (ac *AsCompleted) afterWait(t *py.Thread) (py.Value, error) {
	finished := ac.waiter.finished
	ac.waiter.finished = nil
	ac.waiter.flag = false
	// finished.reverse(), then pop from the end: oldest first.
	for i, j := 0, len(finished)-1; i < j; i, j = i+1, j-1 {
		finished[i], finished[j] = finished[j], finished[i]
	}
	ac.finished = finished
	for _, f := range finished {
		ac.pending = removeFuture(ac.pending, f)
	}
	if f := ac.popFinished(); f != nil {
		return f, nil
	}
	return ac.next(t, true)
}

func (ac *AsCompleted) popFinished() *ConcurrentFuture {
	if len(ac.finished) == 0 {
		return nil
	}
	f := ac.finished[len(ac.finished)-1]
	ac.finished = ac.finished[:len(ac.finished)-1]
	ac.fs = removeFuture(ac.fs, f)
	f.removeWaiter(ac.waiter)
	return f
}

// Close is generator.close(): the finally clause unregisters the waiter.
func (ac *AsCompleted) Close(t *py.Thread) error {
	ac.close()
	return nil
}

// close is the generator's finally clause: unregister the waiter.
func (ac *AsCompleted) close() {
	if ac.closed {
		return
	}
	ac.closed = true
	for _, f := range ac.fs {
		f.removeWaiter(ac.waiter)
	}
}

func removeFuture(fs []*ConcurrentFuture, f *ConcurrentFuture) []*ConcurrentFuture {
	for i, x := range fs {
		if x == f {
			return append(fs[:i], fs[i+1:]...)
		}
	}
	return fs
}

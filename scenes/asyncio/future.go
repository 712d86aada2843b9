package asyncio

import (
	"strings"

	"loopscope/scenes/python/py"
	"loopscope/scenes/trace"
)

// The exception classes of asyncio.exceptions (TimeoutError is the
// builtin one in 3.11).
var (
	CancelledErrorType    = py.NewExceptionType("CancelledError", "asyncio.exceptions", py.BaseExceptionType)
	InvalidStateErrorType = py.NewExceptionType("InvalidStateError", "asyncio.exceptions", py.ExceptionType)
)

// FutureType and TaskType are the Python types of futures and tasks (the C
// accelerated classes, _asyncio.Future and _asyncio.Task).
var (
	FutureType = &py.Type{Name: "Future", Module: "_asyncio", Base: py.ObjectType}
	TaskType   = &py.Type{Name: "Task", Module: "_asyncio", Base: FutureType}
)

type futState uint8

const (
	statePending futState = iota
	stateCancelled
	stateFinished
)

var stateNames = [...]string{"PENDING", "CANCELLED", "FINISHED"}

// callback is one done callback of a Future.
type callback struct {
	task *Task         // Task.__wakeup
	fn   py.Value      // a Python callable, called with the future
	gofn func(*Future) // a Go callback
	name string        // the Go callback's name, for the trace
	key  any           // identifies a Go callback for RemoveDoneCallback
	// waiter is the future or task that awaits the future through this
	// callback (gather's outer future, a TaskGroup's parent task), as
	// CPython 3.14's future_add_to_awaited_by records it; 0 if none.
	waiter int32
}

// Future is asyncio.Future, with the semantics of the C _asyncio.Future
// (futures.py): a result or an exception set once, or cancellation, and
// done callbacks scheduled with call_soon in the order they were added.
type Future struct {
	id           int32
	loop         *Loop
	state        futState
	blocking     bool // _asyncio_future_blocking
	logTraceback bool
	result       py.Value
	exc          *py.Exception
	cancelMsg    py.Value // nil: None
	cancelledExc *py.Exception
	callbacks    []callback
	task         *Task         // set when this Future is a Task's
	gather       *gatherState  // set for a _GatheringFuture
	what         string        // what it is for: "sleep", "create_future()", "gather"
	whatArg      py.Value      // shown as what(arg) when set
	label        string        // what(arg), once made
	concept      trace.Concept // the concept of a task suspending on it
	onCancel     func(msg py.Value) bool
}

// NewFuture returns a pending future on l. what (and arg, when not nil)
// say what it is for; concept is what a task awaiting it is doing.
func (l *Loop) NewFuture(what string, arg py.Value, concept trace.Concept) *Future {
	return l.newFuture(what, arg, concept, 0)
}

// newFuture is NewFuture for a future that awaits object ref (the
// concurrent future that wrap_future's takes its outcome from).
func (l *Loop) newFuture(what string, arg py.Value, concept trace.Concept, ref int32) *Future {
	f := &Future{id: l.m.NewID(), loop: l, what: what, whatArg: arg, concept: concept}
	if l.m.tr != nil {
		l.m.Emit(trace.Event{Kind: trace.FutureNew, Concept: trace.ConceptFuture, ID: f.id, Ref: ref, Text: f.Label()})
	}
	return f
}

// CreateFuture is loop.create_future().
func (l *Loop) CreateFuture() *Future {
	return l.NewFuture("create_future()", nil, trace.ConceptFuture)
}

// ID returns the future's object id.
func (f *Future) ID() int32 { return f.id }

// Hash is the hash sets and dicts use for a Future or Task: its id, so that
// a set of tasks (background_tasks.add(task)) iterates in the same order on
// every run rather than in the order of Go's pointers.
func (f *Future) Hash() uint64 { return uint64(f.id) }

// Loop returns the future's loop.
func (f *Future) Loop() *Loop { return f.loop }

// Label says what the future is for: "sleep(0.5)", "gather(3)".
func (f *Future) Label() string {
	if f.task != nil {
		return f.task.nameString()
	}
	if f.whatArg == nil {
		return f.what
	}
	if f.label == "" {
		// Made once: the trace names the future in many events.
		s, _ := py.Repr(nil, f.whatArg)
		f.label = f.what + "(" + s + ")"
	}
	return f.label
}

// value is the Python object: the Task when f is a Task's.
func (f *Future) value() py.Value {
	if f.task != nil {
		return f.task
	}
	return f
}

// Type returns FutureType.
func (f *Future) Type() *py.Type { return FutureType }

// Done reports whether the future has a result, an exception or was
// cancelled.
func (f *Future) Done() bool { return f.state != statePending }

// Cancelled reports whether the future was cancelled.
func (f *Future) Cancelled() bool { return f.state == stateCancelled }

// AddDoneCallback adds a Go done callback (named for the trace): it is
// scheduled with call_soon when f is done, at once if it already is.
func (f *Future) AddDoneCallback(name string, fn func(*Future)) {
	f.addCallback(callback{gofn: fn, name: name})
}

// AddDoneCallbackKey is AddDoneCallback with a key that
// RemoveDoneCallback can later remove it by.
func (f *Future) AddDoneCallbackKey(name string, key any, fn func(*Future)) {
	f.addCallback(callback{gofn: fn, name: name, key: key})
}

// addCallbackFor is AddDoneCallbackKey for a callback through which
// waiter awaits f: the trace's future.callback names waiter in ref.
func (f *Future) addCallbackFor(waiter *Future, name string, key any, fn func(*Future)) {
	f.addCallback(callback{gofn: fn, name: name, key: key, waiter: waiter.id})
}

// RemoveDoneCallback removes the Go callbacks added with key; it returns
// how many it removed.
func (f *Future) RemoveDoneCallback(key any) int {
	return f.removeCallbacks(func(cb *callback) bool { return cb.key != nil && cb.key == key })
}

// AddPyDoneCallback adds a Python callable as a done callback.
func (f *Future) AddPyDoneCallback(fn py.Value) {
	f.addCallback(callback{fn: fn})
}

func (f *Future) addCallback(cb callback) {
	m := f.loop.m
	if m.tr != nil {
		ref := cb.waiter
		if cb.task != nil {
			ref = cb.task.id
		}
		m.Emit(trace.Event{Kind: trace.FutureCallback, Concept: trace.ConceptCallback, ID: f.id, Ref: ref, Text: cb.label()})
	}
	if f.state != statePending {
		f.loop.scheduleCallback(f, cb)
		return
	}
	f.callbacks = append(f.callbacks, cb)
}

func (cb *callback) label() string {
	switch {
	case cb.task != nil:
		return cb.task.labelWakeup()
	case cb.fn != nil:
		return callableName(cb.fn)
	}
	return cb.name
}

// removeCallbacks drops the callbacks for which match holds; it returns
// how many it removed.
func (f *Future) removeCallbacks(match func(*callback) bool) int {
	kept := f.callbacks[:0]
	n := 0
	for i := range f.callbacks {
		if match(&f.callbacks[i]) {
			n++
			continue
		}
		kept = append(kept, f.callbacks[i])
	}
	for i := len(kept); i < len(f.callbacks); i++ {
		f.callbacks[i] = callback{}
	}
	f.callbacks = kept
	return n
}

// scheduleCallbacks is __schedule_callbacks: call_soon for each callback,
// in the order they were added.
func (f *Future) scheduleCallbacks() {
	cbs := f.callbacks
	f.callbacks = nil
	for _, cb := range cbs {
		f.loop.scheduleCallback(f, cb)
	}
}

// SetResult is set_result; it raises InvalidStateError when f is done.
func (f *Future) SetResult(v py.Value) error {
	if f.state != statePending {
		return py.NewException(InvalidStateErrorType, py.Str("invalid state"))
	}
	f.result = v
	f.state = stateFinished
	if m := f.loop.m; m.tr != nil {
		s, _ := py.Repr(nil, v)
		m.Emit(trace.Event{Kind: trace.FutureResult, Concept: trace.ConceptFuture, ID: f.id, Label: s})
	}
	f.scheduleCallbacks()
	return nil
}

// SetException is set_exception.
func (f *Future) SetException(e *py.Exception) error {
	if f.state != statePending {
		return py.NewException(InvalidStateErrorType, py.Str("invalid state"))
	}
	if e.Class.IsSubtypeOf(py.StopIterationType) {
		return py.NewException(py.TypeErrorType, py.Str("StopIteration interacts badly with generators and cannot be raised into a Future"))
	}
	f.exc = e
	f.state = stateFinished
	f.logTraceback = true
	if m := f.loop.m; m.tr != nil {
		m.Emit(trace.Event{Kind: trace.FutureException, Concept: trace.ConceptException, ID: f.id, Label: e.Error()})
	}
	f.scheduleCallbacks()
	return nil
}

// Cancel is cancel(msg) for whatever f is (a Future, a Task, a gather's
// future); it reports whether it cancelled anything.
func (f *Future) Cancel(msg py.Value) bool {
	switch {
	case f.task != nil:
		return f.task.Cancel(msg)
	case f.gather != nil:
		return f.gather.cancel(f, msg)
	case f.onCancel != nil:
		return f.onCancel(msg)
	}
	return f.baseCancel(msg)
}

// baseCancel is Future.cancel itself.
func (f *Future) baseCancel(msg py.Value) bool {
	f.logTraceback = false
	if f.state != statePending {
		return false
	}
	f.state = stateCancelled
	f.cancelMsg = msg
	if m := f.loop.m; m.tr != nil {
		label := ""
		if msg != nil {
			label, _ = py.ToStr(nil, msg)
		}
		m.Emit(trace.Event{Kind: trace.FutureCancelled, Concept: trace.ConceptCancel, ID: f.id, Label: label})
	}
	f.scheduleCallbacks()
	return true
}

// makeCancelledError is _make_cancelled_error.
func (f *Future) makeCancelledError() *py.Exception {
	if f.cancelledExc != nil {
		e := f.cancelledExc
		f.cancelledExc = nil
		return e
	}
	if f.cancelMsg == nil {
		return py.NewException(CancelledErrorType)
	}
	return py.NewException(CancelledErrorType, f.cancelMsg)
}

// Result is result(): the value, or the exception it raises.
func (f *Future) Result() (py.Value, *py.Exception) {
	switch f.state {
	case stateCancelled:
		return nil, f.makeCancelledError()
	case statePending:
		return nil, py.NewException(InvalidStateErrorType, py.Str("Result is not set."))
	}
	f.logTraceback = false
	if f.exc != nil {
		return nil, f.exc
	}
	return f.result, nil
}

// Exception is exception(): the exception set (nil for none), or the
// exception it raises (CancelledError, InvalidStateError).
func (f *Future) Exception() (*py.Exception, *py.Exception) {
	switch f.state {
	case stateCancelled:
		return nil, f.makeCancelledError()
	case statePending:
		return nil, py.NewException(InvalidStateErrorType, py.Str("Exception is not set."))
	}
	f.logTraceback = false
	return f.exc, nil
}

// AwaitIter implements py.Awaitable: Future.__await__.
func (f *Future) AwaitIter(t *py.Thread) (py.Coroutine, error) {
	return &futureIter{f: f}, nil
}

// futureIter is the iterator Future.__await__ returns.
type futureIter struct {
	f       *Future
	yielded bool
	done    bool
}

func (it *futureIter) Type() *py.Type { return py.GeneratorType }

func (it *futureIter) Resume(t *py.Thread, send py.Value, throw *py.Exception) (py.Value, py.CoroState, error) {
	if throw != nil {
		it.done = true
		return nil, py.CoroRaised, throw
	}
	f := it.f
	if !it.yielded && f.state == statePending {
		it.yielded = true
		f.blocking = true
		return f.value(), py.CoroYielded, nil
	}
	it.done = true
	if f.state == statePending {
		return nil, py.CoroRaised, py.NewException(py.RuntimeErrorType, py.Str("await wasn't used with future"))
	}
	v, e := f.Result()
	if e != nil {
		return nil, py.CoroRaised, e
	}
	return v, py.CoroReturned, nil
}

func (it *futureIter) Close(t *py.Thread) error { it.done = true; return nil }
func (it *futureIter) QualName() string         { return "Future.__await__" }
func (it *futureIter) Where() (int, int)        { return 0, 0 }
func (it *futureIter) Started() bool            { return it.yielded }
func (it *futureIter) Done() bool               { return it.done }

// Repr implements py.Reprer: <Future pending>, <Future finished result=1>.
func (f *Future) Repr(t *py.Thread) (string, error) {
	var b strings.Builder
	b.WriteString("<Future ")
	f.reprInfo(&b)
	b.WriteByte('>')
	return b.String(), nil
}

func (f *Future) reprInfo(b *strings.Builder) {
	b.WriteString(strings.ToLower(stateNames[f.state]))
	if f.state == stateFinished {
		if f.exc != nil {
			b.WriteString(" exception=")
			b.WriteString(f.exc.ReprString())
		} else {
			s, _ := py.Repr(nil, f.result)
			b.WriteString(" result=")
			b.WriteString(s)
		}
	}
	if n := len(f.callbacks); n > 0 {
		b.WriteString(" cb=[")
		b.WriteString(f.callbacks[0].reprName())
		switch {
		case n == 2:
			b.WriteString(", " + f.callbacks[1].reprName())
		case n > 2:
			b.WriteString(", <" + itoa(n-2) + " more>, " + f.callbacks[n-1].reprName())
		}
		b.WriteByte(']')
	}
}

func (cb *callback) reprName() string {
	if cb.task != nil {
		return "Task.task_wakeup()"
	}
	return cb.label() + "()"
}

func (f *Future) methodOwner() string { return f.value().Type().Name }

// Attr implements py.HasAttrs: the Future methods.
func (f *Future) Attr(t *py.Thread, name string) (py.Value, error) {
	return futureAttr(f, f, name)
}

// futureAttr returns the Future method name bound to self (f or its Task).
func futureAttr(f *Future, self py.Value, name string) (py.Value, error) {
	fn, ok := futureMethods[name]
	if !ok {
		switch name {
		case "_asyncio_future_blocking":
			return py.Bool(f.blocking), nil
		case "_state":
			// futures._PENDING, _CANCELLED or _FINISHED, which tutorials print.
			return py.Str(stateNames[f.state]), nil
		}
		return nil, nil
	}
	return &py.Builtin{Name: name, Recv: self, Fn: fn}, nil
}

// futureOf returns the Future of a Future or Task value.
func futureOf(v py.Value) *Future {
	switch x := v.(type) {
	case *Future:
		return x
	case *Task:
		return &x.Future
	}
	return nil
}

var futureMethods map[string]py.BuiltinFunc

func init() {
	futureMethods = map[string]py.BuiltinFunc{
		"result": func(t *py.Thread, recv py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := noArgs("result", args, kw); err != nil {
				return nil, err
			}
			v, e := futureOf(recv).Result()
			if e != nil {
				return nil, e
			}
			return v, nil
		},
		"exception": func(t *py.Thread, recv py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := noArgs("exception", args, kw); err != nil {
				return nil, err
			}
			x, e := futureOf(recv).Exception()
			if e != nil {
				return nil, e
			}
			if x == nil {
				return py.None, nil
			}
			return x, nil
		},
		"done": func(t *py.Thread, recv py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			return py.Bool(futureOf(recv).Done()), noArgs("done", args, kw)
		},
		"cancelled": func(t *py.Thread, recv py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			return py.Bool(futureOf(recv).Cancelled()), noArgs("cancelled", args, kw)
		},
		"cancel": func(t *py.Thread, recv py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := parseArgs("cancel", args, kw, []string{"msg"}, 0)
			if err != nil {
				return nil, err
			}
			return py.Bool(futureOf(recv).Cancel(noneToNil(a[0]))), nil
		},
		"add_done_callback": func(t *py.Thread, recv py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := parseArgs("add_done_callback", args, kw, []string{"fn", "context"}, 1)
			if err != nil {
				return nil, err
			}
			futureOf(recv).AddPyDoneCallback(a[0])
			return py.None, nil
		},
		"remove_done_callback": func(t *py.Thread, recv py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := parseArgs("remove_done_callback", args, kw, []string{"fn"}, 1)
			if err != nil {
				return nil, err
			}
			n := futureOf(recv).removeCallbacks(func(cb *callback) bool { return cb.fn != nil && sameCallable(cb.fn, a[0]) })
			return py.Int(n), nil
		},
		"set_result": func(t *py.Thread, recv py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := parseArgs("set_result", args, kw, []string{"result"}, 1)
			if err != nil {
				return nil, err
			}
			if tk, ok := recv.(*Task); ok {
				_ = tk
				return nil, py.NewException(py.RuntimeErrorType, py.Str("Task does not support set_result operation"))
			}
			if err := futureOf(recv).SetResult(a[0]); err != nil {
				return nil, err
			}
			return py.None, nil
		},
		"set_exception": func(t *py.Thread, recv py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := parseArgs("set_exception", args, kw, []string{"exception"}, 1)
			if err != nil {
				return nil, err
			}
			if _, ok := recv.(*Task); ok {
				return nil, py.NewException(py.RuntimeErrorType, py.Str("Task does not support set_exception operation"))
			}
			e, err := toException(t, a[0])
			if err != nil {
				return nil, err
			}
			if err := futureOf(recv).SetException(e); err != nil {
				return nil, err
			}
			return py.None, nil
		},
		"get_loop": func(t *py.Thread, recv py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			return futureOf(recv).loop, noArgs("get_loop", args, kw)
		},
	}
}

// toException turns an exception instance or class into an instance.
func toException(t *py.Thread, v py.Value) (*py.Exception, error) {
	switch x := v.(type) {
	case *py.Exception:
		return x, nil
	case *py.Type:
		if x.IsException() {
			r, err := t.Call(x, nil, nil)
			if err != nil {
				return nil, err
			}
			if e, ok := r.(*py.Exception); ok {
				return e, nil
			}
		}
	}
	return nil, py.NewException(py.TypeErrorType, py.Str("exceptions must derive from BaseException"))
}

// sameCallable reports whether two callables are the same for
// remove_done_callback (==): identity, or the same method of the same
// object.
func sameCallable(a, b py.Value) bool {
	if a == b {
		return true
	}
	ba, ok1 := a.(*py.Builtin)
	bb, ok2 := b.(*py.Builtin)
	if ok1 && ok2 {
		return ba.Name == bb.Name && ba.Recv != nil && ba.Recv == bb.Recv
	}
	ma, ok1 := a.(*py.BoundMethod)
	mb, ok2 := b.(*py.BoundMethod)
	if ok1 && ok2 {
		return ma.Fn == mb.Fn && ma.Self == mb.Self
	}
	return false
}

func noneToNil(v py.Value) py.Value {
	if v == py.None {
		return nil
	}
	return v
}

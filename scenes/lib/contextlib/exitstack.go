package contextlib

import (
	"loopscope/scenes/lib/internal/args"
	"loopscope/scenes/python/py"
)

// The exit stacks: ExitStack and AsyncExitStack.
var (
	ExitStackType      = newType("ExitStack")
	AsyncExitStackType = newType("AsyncExitStack")
)

// exitCallback is one entry of an exit stack: a context manager to leave,
// an __exit__-like callable (given the exception), or a plain callback
// with its arguments.
type exitCallback struct {
	async bool
	cm    py.Value // a native (Async)ContextManager whose Exit/AExit to call
	fn    py.Value // else this callable
	exit  bool     // fn takes (type, exception, traceback) and may suppress
	args  []py.Value
	kw    []py.Kwarg
}

// ExitStack is contextlib.ExitStack, or AsyncExitStack when Async: the
// callbacks run last pushed first when the stack is left.
type ExitStack struct {
	Async     bool
	callbacks []exitCallback
}

// Type returns ExitStackType or AsyncExitStackType.
func (s *ExitStack) Type() *py.Type {
	if s.Async {
		return AsyncExitStackType
	}
	return ExitStackType
}

func exitArgs(exc *py.Exception) []py.Value {
	if exc == nil {
		return []py.Value{py.None, py.None, py.None}
	}
	return []py.Value{exc.Class, exc, py.None}
}

// callSync runs a sync callback; true suppresses exc.
func callSync(t *py.Thread, cb exitCallback, exc *py.Exception) (bool, error) {
	if cb.cm != nil {
		return cb.cm.(py.ContextManager).Exit(t, exc)
	}
	if cb.exit {
		v, err := t.Call(cb.fn, exitArgs(exc), nil)
		if err != nil {
			return false, err
		}
		return py.Truth(v), nil
	}
	_, err := t.Call(cb.fn, cb.args, cb.kw)
	return false, err
}

// callAsync starts an async callback: the coroutine to await.
func callAsync(t *py.Thread, cb exitCallback, exc *py.Exception) (py.Coroutine, error) {
	var v py.Value
	var err error
	switch {
	case cb.cm != nil:
		v, err = cb.cm.(py.AsyncContextManager).AExit(t, exc)
	case cb.exit:
		v, err = t.Call(cb.fn, exitArgs(exc), nil)
	default:
		v, err = t.Call(cb.fn, cb.args, cb.kw)
	}
	if err != nil {
		return nil, err
	}
	return awaitable(t, v)
}

// fixContext chains a callback's new exception to the one it replaced,
// as ExitStack's _fix_exception_context does.
func fixContext(newExc, old *py.Exception) {
	if old == nil || newExc == old {
		return
	}
	e := newExc
	for i := 0; i < 1000; i++ {
		if e.Context == nil {
			e.Context = old
			return
		}
		if e.Context == old {
			return
		}
		e = e.Context
	}
}

// unwinding is the state of leaving a stack: what was received, whether a
// callback suppressed it, and the exception now pending.
type unwinding struct {
	received, suppressed, pending bool
	cur                           *py.Exception
}

// result records a callback's outcome; a run-stopping error ends it all.
func (u *unwinding) result(suppress bool, err error) error {
	if err != nil {
		e := asException(err)
		if e == nil {
			return err
		}
		fixContext(e, u.cur)
		u.pending, u.cur = true, e
		return nil
	}
	if suppress {
		u.suppressed, u.pending, u.cur = true, false, nil
	}
	return nil
}

func (u *unwinding) end() (bool, error) {
	if u.pending {
		return false, u.cur
	}
	return u.received && u.suppressed, nil
}

func (s *ExitStack) pop() (exitCallback, bool) {
	n := len(s.callbacks)
	if n == 0 {
		return exitCallback{}, false
	}
	cb := s.callbacks[n-1]
	s.callbacks = s.callbacks[:n-1]
	return cb, true
}

// Enter returns the stack itself (an AsyncExitStack is refused).
func (s *ExitStack) Enter(t *py.Thread) (py.Value, error) {
	if s.Async {
		return nil, py.Errorf(py.TypeErrorType, "'AsyncExitStack' object does not support the context manager protocol")
	}
	return s, nil
}

// Exit runs the callbacks, last pushed first.
func (s *ExitStack) Exit(t *py.Thread, exc *py.Exception) (bool, error) {
	u := &unwinding{received: exc != nil, cur: exc}
	for {
		cb, ok := s.pop()
		if !ok {
			return u.end()
		}
		if err := u.result(callSync(t, cb, u.cur)); err != nil {
			return false, err
		}
	}
}

// AEnter returns an awaitable of the stack itself (an ExitStack is
// refused).
func (s *ExitStack) AEnter(t *py.Thread) (py.Value, error) {
	if !s.Async {
		return nil, py.Errorf(py.TypeErrorType, "'ExitStack' object does not support the asynchronous context manager protocol")
	}
	return &noneCoro{v: s}, nil
}

// AExit returns the awaitable that runs the callbacks, last pushed first,
// awaiting the async ones.
func (s *ExitStack) AExit(t *py.Thread, exc *py.Exception) (py.Value, error) {
	return &asyncUnwind{s: s, u: unwinding{received: exc != nil, cur: exc}}, nil
}

// asyncUnwind leaves an AsyncExitStack: a coroutine that awaits each async
// callback in turn and passes their suspensions through.
type asyncUnwind struct {
	s        *ExitStack
	u        unwinding
	inner    py.Coroutine
	counts   bool // the awaited callback's result may suppress
	started  bool
	finished bool
}

func (a *asyncUnwind) Type() *py.Type { return py.CoroutineType }

func (a *asyncUnwind) Resume(t *py.Thread, send py.Value, throw *py.Exception) (py.Value, py.CoroState, error) {
	if a.finished {
		return nil, py.CoroRaised, py.Errorf(py.RuntimeErrorType, "cannot reuse already awaited coroutine")
	}
	a.started = true
	for {
		if a.inner != nil {
			v, st, err := a.inner.Resume(t, send, throw)
			if st == py.CoroYielded {
				return v, st, nil
			}
			a.inner, send, throw = nil, py.None, nil
			if st == py.CoroRaised && asException(err) == nil {
				a.finished = true
				return nil, py.CoroRaised, err
			}
			_ = a.u.result(a.counts && err == nil && py.Truth(v), err)
			continue
		}
		cb, ok := a.s.pop()
		if !ok {
			a.finished = true
			suppress, err := a.u.end()
			if err != nil {
				return nil, py.CoroRaised, err
			}
			return py.Bool(suppress), py.CoroReturned, nil
		}
		if !cb.async {
			if err := a.u.result(callSync(t, cb, a.u.cur)); err != nil {
				a.finished = true
				return nil, py.CoroRaised, err
			}
			continue
		}
		co, err := callAsync(t, cb, a.u.cur)
		if err != nil {
			if err := a.u.result(false, err); err != nil {
				a.finished = true
				return nil, py.CoroRaised, err
			}
			continue
		}
		a.inner, a.counts = co, cb.cm != nil || cb.exit
	}
}

func (a *asyncUnwind) Close(t *py.Thread) error {
	a.finished = true
	if a.inner != nil {
		return a.inner.Close(t)
	}
	return nil
}
func (a *asyncUnwind) QualName() string { return "AsyncExitStack.__aexit__" }
func (a *asyncUnwind) Where() (int, int) {
	if a.inner != nil {
		return a.inner.Where()
	}
	return 0, 0
}
func (a *asyncUnwind) Started() bool { return a.started }
func (a *asyncUnwind) Done() bool    { return a.finished }

// Method returns the stack's methods.
func (s *ExitStack) Method(name string) *py.Builtin {
	if m := stackMethods[name]; m != nil {
		return m
	}
	if s.Async {
		return asyncStackMethods[name]
	}
	return nil
}

func protocolError(v py.Value, async bool) error {
	what := "context manager"
	if async {
		what = "asynchronous context manager"
	}
	typ := v.Type()
	return py.Errorf(py.TypeErrorType, "'%s.%s' object does not support the %s protocol", typ.Module, typ.Name, what)
}

var stackMethods, asyncStackMethods map[string]*py.Builtin

func init() {
	newStack := func(async bool) py.BuiltinFunc {
		return func(t *py.Thread, _ py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
			name := "ExitStack"
			if async {
				name = "AsyncExitStack"
			}
			if err := args.NoKwargs(name, kw); err != nil {
				return nil, err
			}
			if err := args.Count(name, a, 0, 0); err != nil {
				return nil, err
			}
			return &ExitStack{Async: async}, nil
		}
	}
	ExitStackType.New = newStack(false)
	AsyncExitStackType.New = newStack(true)
	m := func(typ *py.Type, name string, fn func(t *py.Thread, s *ExitStack, a []py.Value, kw []py.Kwarg) (py.Value, error)) *py.Builtin {
		return args.Method(typ, name, fn)
	}
	stackMethods = map[string]*py.Builtin{
		"enter_context": m(ExitStackType, "enter_context", func(t *py.Thread, s *ExitStack, a []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := args.Count("enter_context", a, 1, 1); err != nil {
				return nil, err
			}
			cm := a[0]
			if n, ok := cm.(py.ContextManager); ok {
				v, err := n.Enter(t)
				if err != nil {
					return nil, err
				}
				s.callbacks = append(s.callbacks, exitCallback{cm: cm})
				return v, nil
			}
			enter, err1 := py.GetAttr(t, cm, "__enter__")
			exit, err2 := py.GetAttr(t, cm, "__exit__")
			if err1 != nil || err2 != nil {
				return nil, protocolError(cm, false)
			}
			v, err := t.Call(enter, nil, nil)
			if err != nil {
				return nil, err
			}
			s.callbacks = append(s.callbacks, exitCallback{fn: exit, exit: true})
			return v, nil
		}),
		"push": m(ExitStackType, "push", func(t *py.Thread, s *ExitStack, a []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := args.Count("push", a, 1, 1); err != nil {
				return nil, err
			}
			if _, ok := a[0].(py.ContextManager); ok {
				s.callbacks = append(s.callbacks, exitCallback{cm: a[0]})
				return a[0], nil
			}
			if exit, err := py.GetAttr(t, a[0], "__exit__"); err == nil {
				s.callbacks = append(s.callbacks, exitCallback{fn: exit, exit: true})
				return a[0], nil
			}
			s.callbacks = append(s.callbacks, exitCallback{fn: a[0], exit: true})
			return a[0], nil
		}),
		"callback": m(ExitStackType, "callback", func(t *py.Thread, s *ExitStack, a []py.Value, kw []py.Kwarg) (py.Value, error) {
			if len(a) == 0 {
				return nil, py.Errorf(py.TypeErrorType, "ExitStack.callback() missing 1 required positional argument: 'callback'")
			}
			s.callbacks = append(s.callbacks, exitCallback{fn: a[0], args: append([]py.Value(nil), a[1:]...), kw: kw})
			return a[0], nil
		}),
		"pop_all": m(ExitStackType, "pop_all", func(t *py.Thread, s *ExitStack, a []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := args.Count("pop_all", a, 0, 0); err != nil {
				return nil, err
			}
			n := &ExitStack{Async: s.Async, callbacks: s.callbacks}
			s.callbacks = nil
			return n, nil
		}),
		"close": m(ExitStackType, "close", func(t *py.Thread, s *ExitStack, a []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := args.Count("close", a, 0, 0); err != nil {
				return nil, err
			}
			_, err := s.Exit(t, nil)
			return py.None, err
		}),
	}
	asyncStackMethods = map[string]*py.Builtin{
		"enter_async_context": m(AsyncExitStackType, "enter_async_context", func(t *py.Thread, s *ExitStack, a []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := args.Count("enter_async_context", a, 1, 1); err != nil {
				return nil, err
			}
			cm := a[0]
			var enter py.Value
			var cb exitCallback
			if n, ok := cm.(py.AsyncContextManager); ok {
				v, err := n.AEnter(t)
				if err != nil {
					return nil, err
				}
				enter, cb = v, exitCallback{async: true, cm: cm}
			} else {
				aenter, err1 := py.GetAttr(t, cm, "__aenter__")
				aexit, err2 := py.GetAttr(t, cm, "__aexit__")
				if err1 != nil || err2 != nil {
					return nil, protocolError(cm, true)
				}
				v, err := t.Call(aenter, nil, nil)
				if err != nil {
					return nil, err
				}
				enter, cb = v, exitCallback{async: true, fn: aexit, exit: true}
			}
			inner, err := awaitable(t, enter)
			if err != nil {
				return nil, err
			}
			return &thenCoro{inner: inner, qual: "AsyncExitStack.enter_async_context", finish: func(t *py.Thread, v py.Value, err error) (py.Coroutine, py.Value, error) {
				if err != nil {
					return nil, nil, err
				}
				s.callbacks = append(s.callbacks, cb)
				return nil, v, nil
			}}, nil
		}),
		"push_async_exit": m(AsyncExitStackType, "push_async_exit", func(t *py.Thread, s *ExitStack, a []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := args.Count("push_async_exit", a, 1, 1); err != nil {
				return nil, err
			}
			if _, ok := a[0].(py.AsyncContextManager); ok {
				s.callbacks = append(s.callbacks, exitCallback{async: true, cm: a[0]})
				return a[0], nil
			}
			if exit, err := py.GetAttr(t, a[0], "__aexit__"); err == nil {
				s.callbacks = append(s.callbacks, exitCallback{async: true, fn: exit, exit: true})
				return a[0], nil
			}
			s.callbacks = append(s.callbacks, exitCallback{async: true, fn: a[0], exit: true})
			return a[0], nil
		}),
		"push_async_callback": m(AsyncExitStackType, "push_async_callback", func(t *py.Thread, s *ExitStack, a []py.Value, kw []py.Kwarg) (py.Value, error) {
			if len(a) == 0 {
				return nil, py.Errorf(py.TypeErrorType, "AsyncExitStack.push_async_callback() missing 1 required positional argument: 'callback'")
			}
			s.callbacks = append(s.callbacks, exitCallback{async: true, fn: a[0], args: append([]py.Value(nil), a[1:]...), kw: kw})
			return a[0], nil
		}),
		"aclose": m(AsyncExitStackType, "aclose", func(t *py.Thread, s *ExitStack, a []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := args.Count("aclose", a, 0, 0); err != nil {
				return nil, err
			}
			return &thenCoro{inner: &asyncUnwind{s: s}, qual: "AsyncExitStack.aclose", finish: func(t *py.Thread, v py.Value, err error) (py.Coroutine, py.Value, error) {
				return nil, py.None, err
			}}, nil
		}),
	}
}

package asyncio

// The event loop API that asyncio's docs show outside asyncio.run:
// new_event_loop, set_event_loop, loop.run_forever, asyncio.Runner
// (runners.py), run_coroutine_threadsafe (tasks.py) and the
// asyncio.exceptions submodule.

import (
	"loopscope/scenes/python/modules"
	"loopscope/scenes/python/py"
)

// RunnerType is the Python type of asyncio.Runner.
var RunnerType = &py.Type{Name: "Runner", Module: "asyncio.runners", Base: py.ObjectType}

// The states of a Runner (runners._State).
const (
	runnerCreated = iota
	runnerInitialized
	runnerClosed
)

// Runner is asyncio.Runner: a context manager that makes an event loop on
// first use, runs coroutines on it one after another, and closes it as
// asyncio.run does (cancel what is left, shut the default executor down).
type Runner struct {
	state          int
	loop           *Loop
	setEventLoop   bool // set_event_loop was called for this runner's loop
	loopFactory    py.Value
	debug          py.Value
	interruptCount int
}

// Type returns RunnerType.
func (*Runner) Type() *py.Type { return RunnerType }

// Repr implements py.Reprer (runners.Runner has no repr of its own: the
// trace id stands for the address).
func (r *Runner) Repr(t *py.Thread) (string, error) {
	return "<asyncio.runners.Runner object>", nil
}

// lazyInit is Runner._lazy_init.
func (r *Runner) lazyInit(t *py.Thread) error {
	switch r.state {
	case runnerClosed:
		return py.NewException(py.RuntimeErrorType, py.Str("Runner is closed"))
	case runnerInitialized:
		return nil
	}
	if r.loopFactory == nil || r.loopFactory == py.None {
		r.loop = machineOf(t).NewLoop()
		if !r.setEventLoop {
			th := ThreadOf(t)
			th.current, th.setEventLoop = r.loop, true
			r.setEventLoop = true
		}
	} else {
		v, err := t.Call(r.loopFactory, nil, nil)
		if err != nil {
			return err
		}
		l, ok := v.(*Loop)
		if !ok {
			return py.Errorf(py.TypeErrorType, "loop_factory must return an event loop, got %s", reprOf(v))
		}
		r.loop = l
	}
	r.state = runnerInitialized
	return nil
}

// Run is Runner.run(coro): run coro as a task until it is done, on the
// runner's loop.
func (r *Runner) Run(t *py.Thread, coroArg py.Value) (py.Value, error) {
	coro, ok := coroArg.(py.Coroutine)
	if !ok {
		return nil, py.Errorf(py.ValueErrorType, "a coroutine was expected, got %s", reprOf(coroArg))
	}
	if runningLoop(t) != nil {
		return nil, py.NewException(py.RuntimeErrorType, py.Str("Runner.run() cannot be called from a running event loop"))
	}
	if err := r.lazyInit(t); err != nil {
		return nil, err
	}
	task := r.loop.NewTask(t, coro, nil)
	r.interruptCount = 0
	return r.loop.RunUntilComplete(t, &task.Future)
}

// Close is Runner.close(): cancel the tasks left, shut down async
// generators and the default executor, forget the event loop, close it.
func (r *Runner) Close(t *py.Thread) error {
	if r.state != runnerInitialized {
		return nil
	}
	l := r.loop
	l.beginShutdown()
	err := l.cancelAllTasks(t)
	if err == nil {
		_, err = l.RunUntilComplete(t, &l.NewTask(t, l.shutdownAsyncgens(), nil).Future)
	}
	if err == nil {
		_, err = l.RunUntilComplete(t, &l.NewTask(t, l.shutdownDefaultExecutor(), nil).Future)
	}
	if _, ok := err.(*py.Exception); err != nil && !ok {
		return err // a stop: no finally clause runs
	}
	if r.setEventLoop {
		th := ThreadOf(t)
		th.current, th.setEventLoop = nil, true
	}
	if cerr := l.Close(t); cerr != nil && err == nil {
		err = cerr
	}
	r.loop = nil
	r.state = runnerClosed
	return err
}

// Enter implements py.ContextManager: `with asyncio.Runner() as runner`.
func (r *Runner) Enter(t *py.Thread) (py.Value, error) {
	if err := r.lazyInit(t); err != nil {
		return nil, err
	}
	return r, nil
}

// Exit implements py.ContextManager: the runner closes.
func (r *Runner) Exit(t *py.Thread, exc *py.Exception) (bool, error) {
	return false, r.Close(t)
}

// Attr returns the Runner's methods.
func (r *Runner) Attr(t *py.Thread, name string) (py.Value, error) {
	switch name {
	case "run":
		return method(r, "Runner.run", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := parseArgs("run", args, kw, []string{"coro", "context"}, 1)
			if err != nil {
				return nil, err
			}
			return r.Run(t, a[0])
		}), nil
	case "close":
		return method(r, "Runner.close", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := noArgs("close", args, kw); err != nil {
				return nil, err
			}
			return py.None, r.Close(t)
		}), nil
	case "get_loop":
		return method(r, "Runner.get_loop", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := noArgs("get_loop", args, kw); err != nil {
				return nil, err
			}
			if err := r.lazyInit(t); err != nil {
				return nil, err
			}
			return r.loop, nil
		}), nil
	}
	return nil, nil
}

func asyncioNewEventLoop(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
	if err := noArgs("new_event_loop", args, kw); err != nil {
		return nil, err
	}
	return machineOf(t).NewLoop(), nil
}

func asyncioSetEventLoop(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
	a, err := parseArgs("set_event_loop", args, kw, []string{"loop"}, 1)
	if err != nil {
		return nil, err
	}
	th := ThreadOf(t)
	switch l := a[0].(type) {
	case *Loop:
		th.current = l
	default:
		if a[0] != py.None {
			return nil, py.Errorf(py.TypeErrorType, "loop must be an instance of AbstractEventLoop or None, not '%s'", a[0].Type().Name)
		}
		th.current = nil
	}
	th.setEventLoop = true
	return py.None, nil
}

// asyncioRunCoroutineThreadsafe is run_coroutine_threadsafe(coro, loop):
// from another thread, ask loop (with call_soon_threadsafe) to run coro as
// a task, and return a concurrent.futures.Future that gets its outcome.
func asyncioRunCoroutineThreadsafe(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
	a, err := parseArgs("run_coroutine_threadsafe", args, kw, []string{"coro", "loop"}, 2)
	if err != nil {
		return nil, err
	}
	coro, ok := a[0].(py.Coroutine)
	if !ok {
		return nil, py.Errorf(py.TypeErrorType, "A coroutine object is required")
	}
	l, ok := a[1].(*Loop)
	if !ok {
		return nil, py.Errorf(py.AttributeErrorType, "'%s' object has no attribute 'call_soon_threadsafe'", a[1].Type().Name)
	}
	future := NewConcurrentFuture(t, "run_coroutine_threadsafe")
	_, err = l.CallSoonThreadsafeGo("run_coroutine_threadsafe.<locals>.callback", func() {
		lt := l.thread.Py
		task := l.NewTask(lt, coro, nil)
		chainToConcurrent(lt, &task.Future, future)
	})
	if err != nil {
		return nil, err
	}
	return future, nil
}

// chainToConcurrent is futures._chain_future(source, destination) for an
// asyncio source and a concurrent destination: when the source is done,
// its outcome is copied at once, on the loop's thread; cancelling the
// destination cancels the source with call_soon_threadsafe.
func chainToConcurrent(t *py.Thread, source *Future, dest *ConcurrentFuture) {
	_ = dest.AddDoneCallback(t, cfCallback{gofn: func(t *py.Thread, d *ConcurrentFuture) error {
		if !d.Cancelled() {
			return nil
		}
		l := source.Loop()
		if l.IsClosed() {
			return nil
		}
		_, err := l.CallSoonThreadsafeGo("Future.cancel", func() { source.Cancel(nil) })
		return err
	}})
	source.AddDoneCallback("_call_set_state", func(s *Future) {
		lt := s.Loop().thread.Py
		if dest.Cancelled() {
			return
		}
		if s.Cancelled() {
			_, _ = dest.Cancel(lt)
			return
		}
		if ok, err := dest.SetRunningOrNotifyCancel(lt); err != nil || !ok {
			return
		}
		if v, e := s.Result(); e != nil {
			_ = dest.SetException(lt, e)
		} else {
			_ = dest.SetResult(lt, v)
		}
	})
}

// asyncioIsCoroutineFunction is iscoroutinefunction(func): an `async def`
// function (or a method bound to one), not an async generator's.
func asyncioIsCoroutineFunction(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
	a, err := parseArgs("iscoroutinefunction", args, kw, []string{"func"}, 1)
	if err != nil {
		return nil, err
	}
	fn := a[0]
	if m, ok := fn.(*py.BoundMethod); ok {
		fn = m.Fn
	}
	f, ok := fn.(*py.Function)
	return py.Bool(ok && f.Code != nil && f.Code.Coroutine && !f.Code.Generator), nil
}

// exceptionsModule is asyncio.exceptions: the module the exception classes
// come from (asyncio.exceptions.CancelledError is asyncio.CancelledError).
func exceptionsModule() py.Value {
	attrs := map[string]py.Value{}
	for _, name := range []string{"BrokenBarrierError", "CancelledError", "IncompleteReadError",
		"InvalidStateError", "LimitOverrunError", "TimeoutError"} {
		if v, ok := asyncioAttrs[name]; ok {
			attrs[name] = v
		}
	}
	return py.NewModule("asyncio.exceptions", attrs)
}

func init() {
	RegisterAsyncio("new_event_loop", py.NewBuiltin("new_event_loop", asyncioNewEventLoop))
	RegisterAsyncio("set_event_loop", py.NewBuiltin("set_event_loop", asyncioSetEventLoop))
	RegisterAsyncio("run_coroutine_threadsafe", py.NewBuiltin("run_coroutine_threadsafe", asyncioRunCoroutineThreadsafe))
	RegisterAsyncio("Runner", RunnerType)
	RegisterAsyncio("iscoroutinefunction", py.NewBuiltin("iscoroutinefunction", asyncioIsCoroutineFunction))
	asyncioSpec.AddMember(modules.Member{Name: "exceptions", Doc: asyncioDocs["exceptions"]})
	RunnerType.New = func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
		a, err := parseArgs("Runner", nil, kw, []string{"debug", "loop_factory"}, 0)
		if err != nil {
			return nil, err
		}
		if len(args) > 0 {
			return nil, py.Errorf(py.TypeErrorType, "Runner.__init__() takes 1 positional argument but %d were given", len(args)+1)
		}
		return &Runner{debug: a[0], loopFactory: a[1]}, nil
	}
	RegisterLoopMethod("run_forever", func(t *py.Thread, recv py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
		if err := noLoopArgs("run_forever", args, kw); err != nil {
			return nil, err
		}
		return py.None, recv.(*Loop).RunForever(t)
	})
}

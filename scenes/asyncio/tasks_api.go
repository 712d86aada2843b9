package asyncio

import (
	"loopscope/scenes/python/py"
	"loopscope/scenes/trace"
)

// This file ports the asyncio module's task functions from tasks.py and
// runners.py: run, sleep, create_task, ensure_future, gather, wait,
// wait_for, as_completed, shield, current_task, all_tasks.

// getRunningLoop is events.get_running_loop().
func getRunningLoop(t *py.Thread) (*Loop, error) {
	if th := ThreadOf(t); th != nil && th.loop != nil && th.loop.running {
		return th.loop, nil
	}
	return nil, py.NewException(py.RuntimeErrorType, py.Str("no running event loop"))
}

// RunningLoop returns the loop running on t's thread, or nil.
func RunningLoop(t *py.Thread) *Loop {
	l, _ := getRunningLoop(t)
	return l
}

// isCoroutine is asyncio.iscoroutine.
func isCoroutine(v py.Value) bool {
	_, ok := v.(py.Coroutine)
	return ok
}

// EnsureFuture is ensure_future(v): a Future or Task as it is, a
// coroutine wrapped in a new Task on l (the running loop when nil).
func EnsureFuture(t *py.Thread, v py.Value, l *Loop) (*Future, error) {
	if f := futureOf(v); f != nil {
		if l != nil && f.loop != l {
			return nil, py.NewException(py.ValueErrorType, py.Str("The future belongs to a different loop than the one specified as the loop argument"))
		}
		return f, nil
	}
	if c, ok := v.(py.Coroutine); ok {
		if l == nil {
			var err error
			if l, err = currentEventLoop(t); err != nil {
				return nil, err
			}
		}
		return &l.NewTask(t, c, nil).Future, nil
	}
	if c, ok, err := py.AwaitIterOf(t, v); ok {
		// an instance whose class defines __await__
		if err != nil {
			return nil, err
		}
		if l == nil {
			if l, err = getRunningLoop(t); err != nil {
				return nil, err
			}
		}
		return &l.NewTask(t, c, nil).Future, nil
	}
	return nil, py.NewException(py.TypeErrorType, py.Str("An asyncio.Future, a coroutine or an awaitable is required"))
}

// asyncioRun is asyncio.run(main, *, debug=None): a Runner that creates a
// loop, runs main as Task-N until it completes, then cancels what is left,
// shuts async generators and the default executor down, and closes.
func asyncioRun(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
	a, err := parseArgs("run", args, kw, []string{"main", "debug"}, 1)
	if err != nil {
		return nil, err
	}
	th := ThreadOf(t)
	if th.loop != nil && th.loop.running {
		th.m.note(t, Note{Kind: NoteNestedRun})
		return nil, py.NewException(py.RuntimeErrorType, py.Str("asyncio.run() cannot be called from a running event loop"))
	}
	coro, ok := a[0].(py.Coroutine)
	if !ok {
		s, _ := py.Repr(t, a[0])
		return nil, py.Errorf(py.ValueErrorType, "a coroutine was expected, got %s", s)
	}
	if drivenLoops && t.CanBlock() {
		return runDriven(t, th, coro)
	}
	m := th.m
	l := m.NewLoop()
	task := l.NewTask(t, coro, nil)
	res, err := l.RunUntilComplete(t, &task.Future)
	if _, stop := err.(*py.Exception); err != nil && !stop {
		return nil, err
	}
	th.clearEventLoop()
	l.beginShutdown()
	if cerr := l.runnerClose(t); cerr != nil {
		return nil, cerr
	}
	return res, err
}

// beginShutdown records that Runner.close begins: the trace folds what
// follows, up to the loop's loop.stop, into one step.
func (l *Loop) beginShutdown() {
	if m := l.m; m.tr != nil {
		m.Emit(trace.Event{Kind: trace.LoopPhase, Concept: trace.ConceptEventLoop, ID: l.id, Phase: trace.PhaseShutdown})
	}
}

// runnerClose is Runner.close(): _cancel_all_tasks, shutdown_asyncgens,
// shutdown_default_executor (each a run_until_complete, the coroutines
// becoming tasks that take Task-N numbers), then close.
func (l *Loop) runnerClose(t *py.Thread) error {
	if err := l.cancelAllTasks(t); err != nil {
		return err
	}
	if _, err := l.RunUntilComplete(t, &l.NewTask(t, l.shutdownAsyncgens(), nil).Future); err != nil {
		return err
	}
	if _, err := l.RunUntilComplete(t, &l.NewTask(t, l.shutdownDefaultExecutor(), nil).Future); err != nil {
		return err
	}
	return l.Close(t)
}

// cancelAllTasks is runners._cancel_all_tasks.
func (l *Loop) cancelAllTasks(t *py.Thread) error {
	toCancel := l.AllTasks()
	if len(toCancel) == 0 {
		return nil
	}
	children := make([]*Future, len(toCancel))
	for i, tk := range toCancel {
		tk.Cancel(nil)
		children[i] = &tk.Future
	}
	outer := l.gatherFutures(children, true)
	if _, err := l.RunUntilComplete(t, outer); err != nil {
		return err
	}
	for _, tk := range toCancel {
		if tk.Cancelled() {
			continue
		}
		if tk.exc != nil {
			l.m.LogError("unhandled exception during asyncio.run() shutdown\ntask: "+tk.repr(), tk.exc)
		}
	}
	return nil
}

// shutdownDefaultExecutor is BaseEventLoop.shutdown_default_executor: a
// thread shuts the executor down (waiting for its workers) and reports
// back with call_soon_threadsafe; the coroutine awaits that, then joins
// the thread.
func (l *Loop) shutdownDefaultExecutor() py.Coroutine {
	var fut *Future
	var thread *Thread
	return newGoCoro("BaseEventLoop.shutdown_default_executor", func(t *py.Thread, pc int, send py.Value, throw *py.Exception) (int, py.Value, py.CoroState, error) {
		switch pc {
		case 0:
			if throw != nil {
				return 0, nil, py.CoroRaised, throw
			}
			l.executorShutdownCalled = true
			ex := l.defaultExecutor
			if ex == nil {
				return 0, py.None, py.CoroReturned, nil
			}
			fut = l.NewFuture("shutdown_default_executor()", nil, trace.ConceptExecutor)
			m := l.m
			step := 0
			thread = m.SpawnBody(m.NextThreadName("_do_shutdown"), false, BodyFunc(func(t *py.Thread, v py.Value, err error) Step {
				step++
				if step == 1 {
					ha, ok := ex.(py.HasAttrs)
					if ok {
						if fn, _ := ha.Attr(t, "shutdown"); fn != nil {
							return Step{Call: fn, Kw: []py.Kwarg{{Name: "wait", Value: py.True}}}
						}
					}
				}
				if step <= 2 && !l.closed {
					_, _ = l.CallSoonThreadsafeGo("Future.set_result", func() {
						if !fut.Done() {
							_ = fut.SetResult(py.None)
						}
					})
				}
				return Step{}
			}))
			if !fut.Done() {
				v, st, err := yieldFuture(fut)
				return 1, v, st, err
			}
			fallthrough
		default:
			// finally: thread.join()
			if !thread.Finished() {
				if _, err := l.m.Join(t, thread, -1); err != nil {
					return 0, nil, py.CoroRaised, err
				}
			}
			if throw != nil {
				return 0, nil, py.CoroRaised, throw
			}
			v, st, err := futureResult(fut)
			return 0, v, st, err
		}
	})
}

// Join blocks t until th has ended, or timeout seconds (< 0: none) pass;
// the result is None (Thread.join).
func (m *Machine) Join(t *py.Thread, th *Thread, timeout float64) (py.Value, error) {
	if th.Finished() {
		return py.None, nil
	}
	me := ThreadOf(t)
	th.joiners = append(th.joiners, me)
	deadline := NoDeadline
	if timeout >= 0 {
		deadline = m.now + timeout
	}
	return m.WaitOn(t, Wait{What: "join(" + th.Py.Name + ")", Deadline: deadline, Ready: th.Finished, Concept: blockingConcept(me),
		Done: func(bool) (py.Value, error) {
			for i, j := range th.joiners {
				if j == me {
					th.joiners = append(th.joiners[:i], th.joiners[i+1:]...)
					break
				}
			}
			return py.None, nil
		}})
}

// blockingConcept is the concept of th blocking: a thread running an
// event loop stalls the whole loop.
func blockingConcept(th *Thread) trace.Concept {
	if th != nil && th.loop != nil {
		return trace.ConceptBlocking
	}
	return trace.ConceptThread
}

// asyncioSleep is asyncio.sleep(delay, result=None).
func asyncioSleep(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
	var delay, result py.Value
	if len(kw) == 0 && len(args) >= 1 && len(args) <= 2 {
		delay = args[0]
		if len(args) == 2 {
			result = args[1]
		}
	} else {
		a, err := parseArgs("sleep", args, kw, []string{"delay", "result"}, 1)
		if err != nil {
			return nil, err
		}
		delay, result = a[0], a[1]
	}
	if result == nil {
		result = py.None
	}
	d, ok := toSeconds(delay)
	if !ok {
		return nil, py.Errorf(py.TypeErrorType, "'<=' not supported between instances of '%s' and 'int'", delay.Type().Name)
	}
	return &sleepCoro{coroBase: coroBase{qual: "sleep"}, delay: d, arg: delay, result: result}, nil
}

// asyncioCreateTask is asyncio.create_task(coro, *, name=None): the task
// takes a Task-N number even when it gets a name (set_name afterwards).
func asyncioCreateTask(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
	a, err := parseArgs("create_task", args, kw, []string{"coro", "name", "context"}, 1)
	if err != nil {
		return nil, err
	}
	l, err := getRunningLoop(t)
	if err != nil {
		if c, ok := a[0].(py.Coroutine); ok {
			_ = c // CPython leaves the coroutine unawaited (a warning on stderr).
		}
		return nil, err
	}
	tk, err := l.createTask(t, a[0], nil)
	if err != nil {
		return nil, err
	}
	if a[1] != nil && a[1] != py.None {
		tk.SetName(t, a[1])
	}
	return tk, nil
}

// createTask is loop.create_task(coro, name=name).
func (l *Loop) createTask(t *py.Thread, v py.Value, name py.Value) (*Task, error) {
	if err := l.checkClosed(); err != nil {
		return nil, err
	}
	c, ok := v.(py.Coroutine)
	if !ok {
		s, _ := py.Repr(t, v)
		return nil, py.Errorf(py.TypeErrorType, "a coroutine was expected, got %s", s)
	}
	if name == py.None {
		name = nil
	}
	if name != nil {
		if _, ok := name.(py.Str); !ok {
			s, _ := py.ToStr(t, name)
			name = py.Str(s)
		}
	}
	return l.NewTask(t, c, name), nil
}

// ---------------------------------------------------------------------------
// gather

// gatherState is a _GatheringFuture's children and the state of gather's
// _done_callback.
type gatherState struct {
	children         []*Future
	nfuts, nfinished int
	returnExceptions bool
	cancelRequested  bool
	outer            *Future
}

// asyncioGather is gather(*aws, return_exceptions=False).
func asyncioGather(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
	returnExceptions := false
	for _, k := range kw {
		if k.Name != "return_exceptions" {
			return nil, py.Errorf(py.TypeErrorType, "gather() got an unexpected keyword argument '%s'", k.Name)
		}
		returnExceptions = py.Truth(k.Value)
	}
	if len(args) == 0 {
		l, err := currentEventLoop(t)
		if err != nil {
			return nil, err
		}
		outer := l.NewFuture("gather", py.Int(0), trace.ConceptGather)
		_ = outer.SetResult(py.NewList(nil))
		return outer, nil
	}
	var l *Loop
	children := make([]*Future, 0, len(args))
	var seen map[py.Value]*Future
	if len(args) > 8 {
		seen = make(map[py.Value]*Future, len(args))
	}
	g := &gatherState{returnExceptions: returnExceptions}
	cb := g.doneCallback
	// The pending children get their callback once the outer future
	// exists, so the trace can name it as their waiter: appending to a
	// pending future's callbacks is not observable, while a done child's
	// callback is scheduled at once, in argument order, as in CPython.
	var pending []*Future
	later := func(waiter *Future) {
		for _, f := range pending {
			if waiter == nil {
				f.AddDoneCallback("gather._done_callback", cb)
			} else {
				f.addCallbackFor(waiter, "gather._done_callback", nil, cb)
			}
		}
	}
	for i, arg := range args {
		var fut *Future
		if seen != nil {
			if hashableIdentity(arg) {
				fut = seen[arg]
			}
		} else {
			for j := 0; j < i; j++ {
				if sameObject(args[j], arg) {
					fut = children[j]
					break
				}
			}
		}
		if fut == nil {
			f, err := EnsureFuture(t, arg, l)
			if err != nil {
				later(nil)
				return nil, err
			}
			fut = f
			if l == nil {
				l = f.loop
			}
			g.nfuts++
			if seen != nil && hashableIdentity(arg) {
				seen[arg] = f
			}
			if fut.Done() {
				fut.AddDoneCallback("gather._done_callback", cb)
			} else {
				pending = append(pending, fut)
			}
		}
		children = append(children, fut)
	}
	g.children = children
	outer := l.NewFuture("gather", py.Int(len(children)), trace.ConceptGather)
	outer.gather = g
	g.outer = outer
	later(outer)
	return outer, nil
}

// gatherFutures is gather over futures already made (for
// _cancel_all_tasks).
func (l *Loop) gatherFutures(children []*Future, returnExceptions bool) *Future {
	g := &gatherState{returnExceptions: returnExceptions, children: children, nfuts: len(children)}
	outer := l.NewFuture("gather", py.Int(len(children)), trace.ConceptGather)
	outer.gather = g
	g.outer = outer
	for _, f := range children {
		f.addCallbackFor(outer, "gather._done_callback", nil, g.doneCallback)
	}
	return outer
}

// hashableIdentity reports whether v can be a Go map key safely (pointer
// identity).
func hashableIdentity(v py.Value) bool {
	switch v.(type) {
	case *Task, *Future, py.Coroutine:
		return true
	}
	return false
}

// sameObject is Python's `is` for the values gather and wait compare.
func sameObject(a, b py.Value) bool {
	if !hashableIdentity(a) || !hashableIdentity(b) {
		return false
	}
	return a == b
}

// doneCallback is gather's _done_callback(fut).
func (g *gatherState) doneCallback(fut *Future) {
	g.nfinished++
	outer := g.outer
	if outer == nil || outer.Done() {
		if !fut.Cancelled() {
			fut.Exception() // mark it retrieved
		}
		return
	}
	if !g.returnExceptions {
		if fut.Cancelled() {
			_ = outer.SetException(fut.makeCancelledError())
			return
		}
		if x, _ := fut.Exception(); x != nil {
			_ = outer.SetException(x)
			return
		}
	}
	if g.nfinished == g.nfuts {
		results := make([]py.Value, len(g.children))
		for i, f := range g.children {
			if f.Cancelled() {
				msg := py.Value(py.Str(""))
				if f.cancelMsg != nil {
					msg = f.cancelMsg
				}
				results[i] = py.NewException(CancelledErrorType, msg)
			} else if f.exc != nil {
				f.logTraceback = false
				results[i] = f.exc
			} else {
				results[i] = f.result
			}
		}
		if g.cancelRequested {
			// `fut` is the loop variable of the list above: the last child.
			last := g.children[len(g.children)-1]
			_ = outer.SetException(last.makeCancelledError())
		} else {
			_ = outer.SetResult(py.NewList(results))
		}
	}
}

// cancel is _GatheringFuture.cancel(msg): cancel the children.
func (g *gatherState) cancel(outer *Future, msg py.Value) bool {
	if outer.Done() {
		return false
	}
	ret := false
	for _, c := range g.children {
		if c.Cancel(msg) {
			ret = true
		}
	}
	if ret {
		g.cancelRequested = true
	}
	return ret
}

// ---------------------------------------------------------------------------
// shield

// asyncioShield is shield(arg).
func asyncioShield(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
	a, err := parseArgs("shield", args, kw, []string{"arg"}, 1)
	if err != nil {
		return nil, err
	}
	inner, err := EnsureFuture(t, a[0], nil)
	if err != nil {
		return nil, err
	}
	if inner.Done() {
		return inner.value(), nil
	}
	l := inner.loop
	outer := l.NewFuture("shield", nil, trace.ConceptShield)
	key := &struct{ byte }{}
	inner.addCallbackFor(outer, "shield._inner_done_callback", key, func(inner *Future) {
		if outer.Cancelled() {
			if !inner.Cancelled() {
				inner.Exception()
			}
			return
		}
		if inner.Cancelled() {
			outer.Cancel(nil)
			return
		}
		if x, _ := inner.Exception(); x != nil {
			_ = outer.SetException(x)
		} else {
			_ = outer.SetResult(inner.result)
		}
	})
	outer.AddDoneCallback("shield._outer_done_callback", func(*Future) {
		if !inner.Done() {
			inner.RemoveDoneCallback(key)
		}
	})
	return outer, nil
}

// ---------------------------------------------------------------------------
// wait

// The return_when values (concurrent.futures' constants).
const (
	firstCompleted = "FIRST_COMPLETED"
	firstException = "FIRST_EXCEPTION"
	allCompleted   = "ALL_COMPLETED"
)

// releaseWaiter is _release_waiter(waiter, *args).
func releaseWaiter(waiter *Future) {
	if !waiter.Done() {
		_ = waiter.SetResult(py.None)
	}
}

// asyncioWait is wait(fs, *, timeout=None, return_when=ALL_COMPLETED).
func asyncioWait(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
	a, err := parseArgs("wait", args, kw, []string{"fs", "timeout", "return_when"}, 1)
	if err != nil {
		return nil, err
	}
	fsArg := a[0]
	timeout := -1.0
	hasTimeout := a[1] != nil && a[1] != py.None
	if hasTimeout {
		var ok bool
		if timeout, ok = toSeconds(a[1]); !ok {
			return nil, py.Errorf(py.TypeErrorType, "unsupported operand type(s) for +: 'float' and '%s'", a[1].Type().Name)
		}
	}
	returnWhen := allCompleted
	if a[2] != nil {
		s, _ := a[2].(py.Str)
		returnWhen = string(s)
		if returnWhen != firstCompleted && returnWhen != firstException && returnWhen != allCompleted {
			r, _ := py.ToStr(t, a[2])
			return nil, py.Errorf(py.ValueErrorType, "Invalid return_when value: %s", r)
		}
	}
	var fs []*Future
	var waiter *Future
	var timer *Handle
	key := &struct{ byte }{}
	return newGoCoro("wait", func(t *py.Thread, pc int, send py.Value, throw *py.Exception) (int, py.Value, py.CoroState, error) {
		if pc == 0 {
			if throw != nil {
				return 0, nil, py.CoroRaised, throw
			}
			if futureOf(fsArg) != nil || isCoroutine(fsArg) {
				return 0, nil, py.CoroRaised, py.Errorf(py.TypeErrorType, "expect a list of futures, not %s", fsArg.Type().Name)
			}
			var items []py.Value
			if err := py.Iterate(t, fsArg, func(v py.Value) error {
				for _, x := range items {
					if sameObject(x, v) {
						return nil
					}
				}
				items = append(items, v)
				return nil
			}); err != nil {
				return 0, nil, py.CoroRaised, err
			}
			if len(items) == 0 {
				return 0, nil, py.CoroRaised, py.NewException(py.ValueErrorType, py.Str("Set of Tasks/Futures is empty."))
			}
			for _, v := range items {
				if isCoroutine(v) {
					return 0, nil, py.CoroRaised, py.NewException(py.TypeErrorType, py.Str("Passing coroutines is forbidden, use tasks explicitly."))
				}
			}
			l, err := getRunningLoop(t)
			if err != nil {
				return 0, nil, py.CoroRaised, err
			}
			for _, v := range items {
				f, err := EnsureFuture(t, v, l)
				if err != nil {
					return 0, nil, py.CoroRaised, err
				}
				fs = append(fs, f)
			}
			// _wait
			waiter = l.NewFuture("wait", py.Int(len(fs)), trace.ConceptWait)
			if hasTimeout {
				timer = l.CallLaterGo(timeout, "_release_waiter", waiter, func() { releaseWaiter(waiter) })
			}
			counter := len(fs)
			for _, f := range fs {
				f.addCallbackFor(waiter, "wait._on_completion", key, func(f *Future) {
					counter--
					if counter <= 0 || returnWhen == firstCompleted ||
						(returnWhen == firstException && !f.Cancelled() && f.exc != nil) {
						if timer != nil {
							timer.Cancel()
						}
						releaseWaiter(waiter)
					}
				})
			}
			v, st, err := yieldFuture(waiter)
			return 1, v, st, err
		}
		// finally
		if timer != nil {
			timer.Cancel()
		}
		for _, f := range fs {
			f.RemoveDoneCallback(key)
		}
		if throw != nil {
			return 0, nil, py.CoroRaised, throw
		}
		done, pending := py.NewSet(), py.NewSet()
		for _, f := range fs {
			s := pending
			if f.Done() {
				s = done
			}
			if err := s.Add(t, f.value()); err != nil {
				return 0, nil, py.CoroRaised, err
			}
		}
		return 0, py.Tuple{done, pending}, py.CoroReturned, nil
	}), nil
}

// ---------------------------------------------------------------------------
// wait_for (3.11: a coroutine argument is wrapped in a task)

// asyncioWaitFor is wait_for(fut, timeout).
func asyncioWaitFor(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
	a, err := parseArgs("wait_for", args, kw, []string{"fut", "timeout"}, 2)
	if err != nil {
		return nil, err
	}
	arg := a[0]
	hasTimeout := a[1] != py.None
	timeout := 0.0
	if hasTimeout {
		var ok bool
		if timeout, ok = toSeconds(a[1]); !ok {
			return nil, py.Errorf(py.TypeErrorType, "'<=' not supported between instances of '%s' and 'int'", a[1].Type().Name)
		}
	}
	var (
		l         *Loop
		fut       *Future
		sub       py.Coroutine // `await fut` with no timeout
		waiter    *Future
		timer     *Handle
		cancelled *py.Exception // the CancelledError being re-raised after _cancel_and_wait
		cw        *cancelAndWait
	)
	key := &struct{ byte }{}
	const (
		stStart = iota
		stAwaitPlain
		stAwaitWaiter
		stCancelOnCancel  // _cancel_and_wait after our own cancellation
		stCancelOnTimeout // _cancel_and_wait after the timeout
		stCancelZero      // _cancel_and_wait for timeout <= 0
	)
	// finishTimeout is the end of the timeout path: return fut.result(),
	// a CancelledError becoming TimeoutError.
	finishTimeout := func() (py.Value, py.CoroState, error) {
		v, e := fut.Result()
		if e == nil {
			return returned(v)
		}
		if e.Class.IsSubtypeOf(CancelledErrorType) {
			te := py.NewException(py.TimeoutErrorType)
			te.Cause = e
			te.Context = e
			te.SuppressContext = true
			return raised(te)
		}
		return raised(e)
	}
	c := newGoCoro("wait_for", func(t *py.Thread, pc int, send py.Value, throw *py.Exception) (int, py.Value, py.CoroState, error) {
		switch pc {
		case stStart:
			if throw != nil {
				return 0, nil, py.CoroRaised, throw
			}
			var err error
			if l, err = getRunningLoop(t); err != nil {
				return 0, nil, py.CoroRaised, err
			}
			if !hasTimeout {
				if sub, err = toCoroutine(t, arg); err != nil {
					return 0, nil, py.CoroRaised, err
				}
				v, st, err := sub.Resume(t, py.None, nil)
				return stAwaitPlain, v, st, err
			}
			if timeout <= 0 {
				if fut, err = EnsureFuture(t, arg, l); err != nil {
					return 0, nil, py.CoroRaised, err
				}
				if fut.Done() {
					v, st, err := futureResult(fut)
					return 0, v, st, err
				}
				cw = newCancelAndWait(l, fut)
				v, st, err := cw.resume(t, nil)
				if st == py.CoroYielded {
					return stCancelZero, v, st, err
				}
				if err != nil {
					return 0, v, st, err
				}
				v, st, err = finishTimeout()
				return 0, v, st, err
			}
			waiter = l.NewFuture("wait_for", a[1], trace.ConceptTimeout)
			timer = l.CallLaterGo(timeout, "_release_waiter", waiter, func() { releaseWaiter(waiter) })
			if fut, err = EnsureFuture(t, arg, l); err != nil {
				timer.Cancel()
				return 0, nil, py.CoroRaised, err
			}
			fut.addCallbackFor(waiter, "_release_waiter", key, func(*Future) { releaseWaiter(waiter) })
			v, st, err := yieldFuture(waiter)
			return stAwaitWaiter, v, st, err

		case stAwaitPlain:
			v, st, err := sub.Resume(t, send, throw)
			return stAwaitPlain, v, st, err

		case stAwaitWaiter:
			if throw != nil {
				if !throw.Class.IsSubtypeOf(CancelledErrorType) {
					timer.Cancel()
					return 0, nil, py.CoroRaised, throw
				}
				if fut.Done() {
					timer.Cancel()
					v, st, err := futureResult(fut)
					return 0, v, st, err
				}
				fut.RemoveDoneCallback(key)
				cancelled = throw
				cw = newCancelAndWait(l, fut)
				v, st, err := cw.resume(t, nil)
				if st == py.CoroYielded {
					return stCancelOnCancel, v, st, err
				}
				timer.Cancel()
				if err != nil {
					return 0, v, st, err
				}
				return 0, nil, py.CoroRaised, cancelled
			}
			if fut.Done() {
				timer.Cancel()
				v, st, err := futureResult(fut)
				return 0, v, st, err
			}
			fut.RemoveDoneCallback(key)
			cw = newCancelAndWait(l, fut)
			v, st, err := cw.resume(t, nil)
			if st == py.CoroYielded {
				return stCancelOnTimeout, v, st, err
			}
			timer.Cancel()
			if err != nil {
				return 0, v, st, err
			}
			v, st, err = finishTimeout()
			return 0, v, st, err

		case stCancelOnCancel, stCancelOnTimeout, stCancelZero:
			v, st, err := cw.resume(t, throw)
			if st == py.CoroYielded {
				return pc, v, st, err
			}
			if timer != nil {
				timer.Cancel()
			}
			if err != nil {
				return 0, v, st, err
			}
			if pc == stCancelOnCancel {
				return 0, nil, py.CoroRaised, cancelled
			}
			v, st, err = finishTimeout()
			return 0, v, st, err
		}
		return 0, nil, py.CoroRaised, py.NewException(py.SystemErrorType, py.Str("wait_for: bad state"))
	})
	c.args = []py.Value{arg}
	return c, nil
}

// cancelAndWait is _cancel_and_wait(fut): cancel fut and wait until it is
// done, through a waiter so that it stays cancellable itself.
type cancelAndWait struct {
	l       *Loop
	fut     *Future
	waiter  *Future
	key     *struct{ byte }
	started bool
}

func newCancelAndWait(l *Loop, fut *Future) *cancelAndWait {
	return &cancelAndWait{l: l, fut: fut, key: &struct{ byte }{}}
}

// resume runs _cancel_and_wait to its await or its end; on the end the
// state is CoroReturned (None) or CoroRaised.
func (c *cancelAndWait) resume(t *py.Thread, throw *py.Exception) (py.Value, py.CoroState, error) {
	if !c.started {
		c.started = true
		c.waiter = c.l.NewFuture("_cancel_and_wait", nil, trace.ConceptCancel)
		w := c.waiter
		c.fut.addCallbackFor(w, "_release_waiter", c.key, func(*Future) { releaseWaiter(w) })
		c.fut.Cancel(nil)
		if !w.Done() {
			return yieldFuture(w)
		}
	}
	// finally: fut.remove_done_callback(cb)
	c.fut.RemoveDoneCallback(c.key)
	if throw != nil {
		return raised(throw)
	}
	return returned(py.None)
}

// ---------------------------------------------------------------------------
// as_completed (3.11: a plain iterator of coroutines)

// AsCompletedType is the type of as_completed's iterator (a generator).
var asCompletedIterType = &py.Type{Name: "generator", Module: "builtins", Base: py.ObjectType}

type asCompletedIter struct {
	fsArg    py.Value
	timeout  float64
	hasTO    bool
	started  bool
	n        int // coroutines still to hand out
	todo     []*Future
	done     []*Future // the done Queue: nil items are the timeout's dummies
	getters  []*Future
	timer    *Handle
	l        *Loop
	key      *struct{ byte }
	finished bool
}

func (it *asCompletedIter) Type() *py.Type { return asCompletedIterType }

// Iter implements py.Iterable (a generator is its own iterator).
func (it *asCompletedIter) Iter(t *py.Thread) (py.Iterator, error) { return it, nil }

// asyncioAsCompleted is as_completed(fs, *, timeout=None).
func asyncioAsCompleted(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
	a, err := parseArgs("as_completed", args, kw, []string{"fs", "timeout"}, 1)
	if err != nil {
		return nil, err
	}
	it := &asCompletedIter{fsArg: a[0], key: &struct{ byte }{}}
	if a[1] != nil && a[1] != py.None {
		var ok bool
		if it.timeout, ok = toSeconds(a[1]); !ok {
			return nil, py.Errorf(py.TypeErrorType, "unsupported operand type(s) for +: 'float' and '%s'", a[1].Type().Name)
		}
		it.hasTO = true
	}
	return it, nil
}

// Next implements py.Iterator: the first call runs the generator's setup.
func (it *asCompletedIter) Next(t *py.Thread) (py.Value, bool, error) {
	if it.finished {
		return nil, false, nil
	}
	if !it.started {
		it.started = true
		if futureOf(it.fsArg) != nil || isCoroutine(it.fsArg) {
			it.finished = true
			return nil, false, py.Errorf(py.TypeErrorType, "expect an iterable of futures, not %s", it.fsArg.Type().Name)
		}
		l, err := getRunningLoop(t)
		if err != nil {
			it.finished = true
			return nil, false, err
		}
		it.l = l
		var items []py.Value
		if err := py.Iterate(t, it.fsArg, func(v py.Value) error {
			for _, x := range items {
				if sameObject(x, v) {
					return nil
				}
			}
			items = append(items, v)
			return nil
		}); err != nil {
			it.finished = true
			return nil, false, err
		}
		for _, v := range items {
			f, err := EnsureFuture(t, v, l)
			if err != nil {
				it.finished = true
				return nil, false, err
			}
			it.todo = append(it.todo, f)
		}
		for _, f := range it.todo {
			f.AddDoneCallbackKey("as_completed._on_completion", it.key, it.onCompletion)
		}
		if len(it.todo) > 0 && it.hasTO {
			it.timer = l.CallLaterGo(it.timeout, "as_completed._on_timeout", nil, it.onTimeout)
		}
		it.n = len(it.todo)
	}
	if it.n == 0 {
		it.finished = true
		return nil, false, nil
	}
	it.n--
	return it.waitForOne(), true, nil
}

func (it *asCompletedIter) onTimeout() {
	for _, f := range it.todo {
		f.RemoveDoneCallback(it.key)
		it.put(nil)
	}
	it.todo = nil
}

func (it *asCompletedIter) onCompletion(f *Future) {
	if len(it.todo) == 0 {
		return
	}
	for i, x := range it.todo {
		if x == f {
			it.todo = append(it.todo[:i], it.todo[i+1:]...)
			break
		}
	}
	it.put(f)
	if len(it.todo) == 0 && it.timer != nil {
		it.timer.Cancel()
	}
}

// put is done.put_nowait(f): wake the first getter not done.
func (it *asCompletedIter) put(f *Future) {
	it.done = append(it.done, f)
	it.wakeNextGetter()
}

func (it *asCompletedIter) wakeNextGetter() {
	for len(it.getters) > 0 {
		w := it.getters[0]
		it.getters = it.getters[1:]
		if !w.Done() {
			_ = w.SetResult(py.None)
			break
		}
	}
}

// waitForOne is _wait_for_one(): f = await done.get(); a None is the
// timeout; else f.result().
func (it *asCompletedIter) waitForOne() py.Coroutine {
	var getter *Future
	return newGoCoro("as_completed.<locals>._wait_for_one", func(t *py.Thread, pc int, send py.Value, throw *py.Exception) (int, py.Value, py.CoroState, error) {
		if pc == 1 && throw != nil {
			// Queue.get's except clause.
			getter.Cancel(nil)
			for i, g := range it.getters {
				if g == getter {
					it.getters = append(it.getters[:i], it.getters[i+1:]...)
					break
				}
			}
			if len(it.done) > 0 && !getter.Cancelled() {
				it.wakeNextGetter()
			}
			return 0, nil, py.CoroRaised, throw
		}
		if pc == 0 && throw != nil {
			return 0, nil, py.CoroRaised, throw
		}
		if len(it.done) == 0 {
			getter = it.l.NewFuture("as_completed", nil, trace.ConceptWait)
			it.getters = append(it.getters, getter)
			v, st, err := yieldFuture(getter)
			return 1, v, st, err
		}
		f := it.done[0]
		it.done[0] = nil
		it.done = it.done[1:]
		if f == nil {
			return 0, nil, py.CoroRaised, py.NewException(py.TimeoutErrorType)
		}
		v, st, err := futureResult(f)
		return 0, v, st, err
	})
}

// ---------------------------------------------------------------------------
// current_task, all_tasks, loops

func asyncioCurrentTask(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
	a, err := parseArgs("current_task", args, kw, []string{"loop"}, 0)
	if err != nil {
		return nil, err
	}
	l, _ := a[0].(*Loop)
	if l == nil {
		if l, err = getRunningLoop(t); err != nil {
			return nil, err
		}
	}
	if l.current == nil {
		return py.None, nil
	}
	return l.current, nil
}

func asyncioAllTasks(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
	a, err := parseArgs("all_tasks", args, kw, []string{"loop"}, 0)
	if err != nil {
		return nil, err
	}
	l, _ := a[0].(*Loop)
	if l == nil {
		if l, err = getRunningLoop(t); err != nil {
			return nil, err
		}
	}
	s := py.NewSet()
	for _, tk := range l.AllTasks() {
		if err := s.Add(t, tk); err != nil {
			return nil, err
		}
	}
	return s, nil
}

func asyncioGetRunningLoop(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
	if err := noArgs("get_running_loop", args, kw); err != nil {
		return nil, err
	}
	l, err := getRunningLoop(t)
	if err != nil {
		return nil, err
	}
	return l, nil
}

// clearEventLoop is the end of asyncio.run's Runner on the main thread:
// set_event_loop(None), after which get_event_loop() outside a loop raises.
func (th *Thread) clearEventLoop() {
	if th == th.m.main {
		th.current = nil
		th.setEventLoop = true
	}
}

// asyncioGetEventLoop is get_event_loop(): the running loop; outside one,
// the thread's current loop, made on first use unless asyncio.run has
// already set and cleared it.
func asyncioGetEventLoop(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
	if err := noArgs("get_event_loop", args, kw); err != nil {
		return nil, err
	}
	l, err := currentEventLoop(t)
	if err != nil {
		return nil, err
	}
	return l, nil
}

// currentEventLoop is events._get_event_loop(): the running loop; outside
// one, the thread's current loop, which the main thread makes (and sets)
// on first use. asyncio.gather, ensure_future and Future() find their
// loop so outside a coroutine, for run_until_complete.
func currentEventLoop(t *py.Thread) (*Loop, error) {
	if l := RunningLoop(t); l != nil {
		return l, nil
	}
	th := ThreadOf(t)
	if th.current != nil {
		return th.current, nil
	}
	if th.setEventLoop || th != th.m.main {
		return nil, py.Errorf(py.RuntimeErrorType, "There is no current event loop in thread %s.", py.StrRepr(t.Name))
	}
	th.current = th.m.NewLoop()
	th.setEventLoop = true
	return th.current, nil
}

func asyncioIsCoroutine(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
	a, err := parseArgs("iscoroutine", args, kw, []string{"obj"}, 1)
	if err != nil {
		return nil, err
	}
	return py.Bool(isCoroutine(a[0])), nil
}

func asyncioIsFuture(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
	a, err := parseArgs("isfuture", args, kw, []string{"obj"}, 1)
	if err != nil {
		return nil, err
	}
	return py.Bool(futureOf(a[0]) != nil), nil
}

func asyncioEnsureFuture(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
	a, err := parseArgs("ensure_future", args, kw, []string{"coro_or_future", "loop"}, 1)
	if err != nil {
		return nil, err
	}
	l, _ := a[1].(*Loop)
	f, err := EnsureFuture(t, a[0], l)
	if err != nil {
		return nil, err
	}
	return f.value(), nil
}

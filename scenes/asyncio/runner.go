package asyncio

import (
	"loopscope/scenes/python/py"
	"loopscope/scenes/trace"
)

// drivenLoops selects the driven runner for asyncio.run on a thread that
// can suspend (see drivenRunner); false keeps every loop nested.
var drivenLoops = true

// drivenRunner is asyncio.run (runners.Runner) on a thread that can
// suspend: the module body of the main thread, or a worker thread. Instead
// of running the loop nested on the thread's Go stack, the thread suspends
// in asyncio.run and the scheduler drives the loop from one select to the
// next: select is then an ordinary suspension of the thread, so any other
// thread, even one that runs a loop of its own, runs meanwhile exactly as
// the baton rules say. The steps of tasks and callbacks still run nested
// (a blocking call inside a coroutine blocks inline, stalling the loop).
type drivenRunner struct {
	m        *Machine
	l        *Loop
	th       *Thread
	phase    int // 0 main, 1 cancel leftovers, 2 async generators, 3 default executor
	fut      *Future
	key      *runUntilCompleteKey
	toCancel []*Task
	res      py.Value
	err      error
}

// runDriven starts asyncio.run(coro) on t, which can suspend; it returns
// py.ErrBlock (the result comes when the runner finishes).
func runDriven(t *py.Thread, th *Thread, coro py.Coroutine) (py.Value, error) {
	m := th.m
	r := &drivenRunner{m: m, l: m.NewLoop(), th: th}
	task := r.l.NewTask(t, coro, nil)
	return r.begin(&task.Future)
}

// begin is run_until_complete(fut) up to the first select.
func (r *drivenRunner) begin(fut *Future) (py.Value, error) {
	l, th := r.l, r.th
	if err := l.checkClosed(); err != nil {
		return r.next(nil, err)
	}
	r.fut = fut
	r.key = &runUntilCompleteKey{}
	fut.AddDoneCallbackKey("_run_until_complete_cb", r.key, runUntilCompleteCB)
	th.loop = l
	l.thread = th
	l.running = true
	if m := r.m; m.tr != nil {
		m.Emit(trace.Event{Kind: trace.LoopStart, Concept: trace.ConceptEventLoop, ID: l.id})
	}
	return r.selectNext()
}

// runUntilCompleteCB is _run_until_complete_cb: stop the loop.
func runUntilCompleteCB(f *Future) {
	if !f.Cancelled() {
		if x, _ := f.Exception(); x != nil &&
			(x.Class.IsSubtypeOf(py.SystemExitType) || x.Class.IsSubtypeOf(py.KeyboardInterruptType)) {
			return
		}
	}
	f.loop.Stop()
}

// selectNext suspends the thread in the loop's select.
func (r *drivenRunner) selectNext() (py.Value, error) {
	l := r.l
	deadline := l.selectDeadline(l.preSelect())
	l.selecting = true
	r.m.block(r.th, Wait{What: selectWhat, Deadline: deadline, Ready: l.pipeWritten,
		Concept: trace.ConceptEventLoop, Done: r.afterSelect})
	return nil, py.ErrBlock
}

// afterSelect runs the rest of the iteration, then selects again or ends
// run_until_complete.
func (r *drivenRunner) afterSelect(bool) (py.Value, error) {
	l := r.l
	l.selecting = false
	err := l.postSelect()
	if err == nil && !l.stopping {
		return r.selectNext()
	}
	// run_forever ends.
	l.stopping = false
	l.running = false
	r.th.loop = nil
	l.thread = nil
	r.fut.RemoveDoneCallback(r.key)
	if err != nil {
		return r.next(nil, err)
	}
	if !r.fut.Done() {
		return r.next(nil, py.NewException(py.RuntimeErrorType, py.Str("Event loop stopped before Future completed.")))
	}
	v, e := r.fut.Result()
	if e != nil {
		return r.next(nil, e)
	}
	return r.next(v, nil)
}

// next moves the runner on after a run_until_complete ended with (v, err):
// the Runner's close() steps, then the result of asyncio.run.
func (r *drivenRunner) next(v py.Value, err error) (py.Value, error) {
	if err != nil {
		if _, ok := err.(*py.Exception); !ok {
			return nil, err // a stop: no more Python
		}
	}
	l, t := r.l, r.th.Py
	switch r.phase {
	case 0:
		r.res, r.err = v, err
		r.phase = 1
		l.beginShutdown()
		r.toCancel = l.AllTasks()
		if len(r.toCancel) > 0 {
			children := make([]*Future, len(r.toCancel))
			for i, tk := range r.toCancel {
				tk.Cancel(nil)
				children[i] = &tk.Future
			}
			return r.begin(l.gatherFutures(children, true))
		}
		return r.next(nil, nil)
	case 1:
		if err != nil {
			return nil, err
		}
		for _, tk := range r.toCancel {
			if !tk.Cancelled() && tk.exc != nil {
				r.m.LogError("unhandled exception during asyncio.run() shutdown\ntask: "+tk.repr(), tk.exc)
			}
		}
		r.phase = 2
		return r.begin(&l.NewTask(t, l.shutdownAsyncgens(), nil).Future)
	case 2:
		if err != nil {
			return nil, err
		}
		r.phase = 3
		return r.begin(&l.NewTask(t, l.shutdownDefaultExecutor(), nil).Future)
	}
	if err != nil {
		return nil, err
	}
	r.th.clearEventLoop()
	if cerr := l.Close(t); cerr != nil {
		return nil, cerr
	}
	if r.err != nil {
		return nil, r.err
	}
	return r.res, nil
}

// shutdownAsyncgens is BaseEventLoop.shutdown_asyncgens (scenes have no
// async generators to close).
func (l *Loop) shutdownAsyncgens() py.Coroutine {
	return immediate("BaseEventLoop.shutdown_asyncgens", func(t *py.Thread) (py.Value, error) {
		l.asyncgensShutdown = true
		return py.None, nil
	})
}

package asyncio

// This file ports CPython 3.11's concurrent/futures/thread.py (the
// ThreadPoolExecutor, its work queue and worker threads, and the
// interpreter-exit hook that ends idle workers), the concurrent.futures
// module, and asyncio's bridges to it: loop.run_in_executor,
// asyncio.to_thread and wrap_future / _chain_future.
// (loop.shutdown_default_executor is in tasks_api.go: it calls the
// executor's shutdown method on a thread of its own.)
//
// The work queue is queue.SimpleQueue as the harness runs it (the pure
// Python one: a deque and a threading.Semaphore), so which worker takes
// which job follows CPython's Condition wakeups exactly.

import (
	"fmt"
	"loopscope/scenes/python/modules"
	"math"

	"loopscope/scenes/python/py"
	"loopscope/scenes/trace"
)

// CPUCount is os.cpu_count() in every scene: the default executor has
// min(32, CPUCount+4) = 8 workers.
const CPUCount = 4

// The concurrent.futures.thread types.
var (
	ThreadPoolExecutorType = &py.Type{Name: "ThreadPoolExecutor", Module: "concurrent.futures.thread", Base: py.ObjectType}
	BrokenThreadPoolType   = py.NewExceptionType("BrokenThreadPool", "concurrent.futures.thread", BrokenExecutorType)
	executorMapType        = &py.Type{Name: "generator", Module: "builtins", Base: py.ObjectType}
)

func init() {
	ThreadPoolExecutorType.New = newThreadPoolExecutorFromArgs
	internalModules["concurrent.futures.thread"] = newFuturesThreadModule
	registerModule(futuresSpec, newFuturesModule)
	RegisterLoopMethod("run_in_executor", loopRunInExecutor)
	RegisterLoopMethod("set_default_executor", loopSetDefaultExecutor)
	RegisterLoopMethod("shutdown_default_executor", loopShutdownDefaultExecutor)
	RegisterLoopMethod("shutdown_asyncgens", loopShutdownAsyncgens)
	RegisterAsyncio("to_thread", py.NewBuiltin("to_thread", asyncioToThread))
	RegisterAsyncio("wrap_future", py.NewBuiltin("wrap_future", asyncioWrapFuture))
	registerModule(&modules.Spec{
		Name:    "concurrent",
		Doc:     "The package of concurrent.futures.",
		Members: []modules.Member{{Name: "futures", Doc: "The module concurrent.futures."}},
		Package: true,
	}, func(m *Machine) py.Value {
		fut, _ := m.Import(nil, "concurrent.futures")
		return py.NewModule("concurrent", map[string]py.Value{"futures": fut})
	})
}

// futuresSpec is concurrent.futures' entry in the module registry.
var futuresSpec = &modules.Spec{
	Name: "concurrent.futures",
	Doc: "Thread pools and their futures, as CPython 3.11's concurrent.futures: the workers are " +
		"threads of the simulation, scheduled in virtual time.",
	Members: []modules.Member{
		{Name: "ALL_COMPLETED", Doc: "wait()'s return_when: when every future is done."},
		{Name: "BrokenExecutor", Doc: "Raised when an executor can no longer run work."},
		{Name: "CancelledError", Doc: "Raised by result() of a cancelled future."},
		{Name: "FIRST_COMPLETED", Doc: "wait()'s return_when: when any future is done."},
		{Name: "FIRST_EXCEPTION", Doc: "wait()'s return_when: when any future raises, or all are done."},
		{Name: "Future", Doc: "The result of work submitted to an executor: result(), done(), add_done_callback()."},
		{Name: "InvalidStateError", Doc: "Raised when a future's result is set twice."},
		{Name: "ThreadPoolExecutor", Doc: "A pool of worker threads: submit(), map(), shutdown(), `with`."},
		{Name: "TimeoutError", Doc: "Raised by result() and wait() when the timeout runs out."},
		{Name: "as_completed", Doc: "Iterate over futures in the order they finish (blocking)."},
		{Name: "wait", Doc: "Block until futures are done per return_when; returns (done, not_done)."},
		{Name: "ProcessPoolExecutor", Doc: "A pool of worker processes.", Refused: "a playground runs one " +
			"process: use ThreadPoolExecutor (or asyncio.to_thread), whose workers are simulated threads"},
	},
}

// ---------------------------------------------------------------------------
// The modules

// futuresThread is the module concurrent.futures.thread, which holds the
// interpreter-wide state of thread pools: ThreadPoolExecutor._counter,
// _shutdown and _threads_queues.
type futuresThread struct {
	counter       int  // ThreadPoolExecutor._counter
	shutdown      bool // set by _python_exit
	threadsQueues []workerQueue
}

type workerQueue struct {
	th *Thread
	q  *workQueue
}

func newFuturesThreadModule(m *Machine) py.Value {
	mod := &futuresThread{}
	// threading._register_atexit(_python_exit): at exit, wake every worker
	// with a None so that it ends; the main thread then joins them.
	m.AtExit(func(t *py.Thread) error {
		mod.shutdown = true
		for _, e := range mod.threadsQueues {
			e.q.put(m, nil)
		}
		return nil
	})
	return mod
}

// futuresThreadOf returns the run's concurrent.futures.thread state.
func futuresThreadOf(t *py.Thread) *futuresThread {
	v, _ := machineOf(t).Import(t, "concurrent.futures.thread")
	return v.(*futuresThread)
}

// Type returns the module type.
func (*futuresThread) Type() *py.Type { return py.ModuleType }

// Attr returns the module's public names.
func (mod *futuresThread) Attr(t *py.Thread, name string) (py.Value, error) {
	switch name {
	case "ThreadPoolExecutor":
		return ThreadPoolExecutorType, nil
	case "BrokenThreadPool":
		return BrokenThreadPoolType, nil
	case "__name__":
		return py.Str("concurrent.futures.thread"), nil
	}
	return nil, nil
}

func newFuturesModule(m *Machine) py.Value {
	return py.NewModule("concurrent.futures", map[string]py.Value{
		"Future":             ConcurrentFutureType,
		"ThreadPoolExecutor": ThreadPoolExecutorType,
		"wait":               py.NewBuiltin("wait", futuresWait),
		"as_completed":       py.NewBuiltin("as_completed", futuresAsCompleted),
		"FIRST_COMPLETED":    py.Str(FirstCompleted),
		"FIRST_EXCEPTION":    py.Str(FirstException),
		"ALL_COMPLETED":      py.Str(AllCompleted),
		"CancelledError":     FuturesCancelledErrorType,
		"TimeoutError":       py.TimeoutErrorType,
		"InvalidStateError":  FuturesInvalidStateErrorType,
		"BrokenExecutor":     BrokenExecutorType,
	})
}

func futuresWait(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
	a, err := parseArgs("wait", args, kw, []string{"fs", "timeout", "return_when"}, 1)
	if err != nil {
		return nil, err
	}
	timeout, err := timeoutArg(a[1])
	if err != nil {
		return nil, err
	}
	returnWhen := AllCompleted
	if a[2] != nil {
		s, ok := a[2].(py.Str)
		if !ok {
			r, _ := py.Repr(t, a[2])
			return nil, py.Errorf(py.ValueErrorType, "Invalid return condition: %s", r)
		}
		returnWhen = string(s)
	}
	return FuturesWait(t, a[0], timeout, returnWhen)
}

func futuresAsCompleted(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
	a, err := parseArgs("as_completed", args, kw, []string{"fs", "timeout"}, 1)
	if err != nil {
		return nil, err
	}
	timeout, err := timeoutArg(a[1])
	if err != nil {
		return nil, err
	}
	return NewAsCompleted(t, a[0], timeout)
}

// ---------------------------------------------------------------------------
// The work queue

// workItem is _WorkItem: a future and the call that will set it.
type workItem struct {
	id   int32 // the job's trace id
	fut  *ConcurrentFuture
	fn   py.Value
	args []py.Value
	kw   []py.Kwarg
}

// workQueue is the executor's queue.SimpleQueue: a deque of items (nil is
// the None that tells a worker to stop) counted by a threading.Semaphore
// whose Condition the idle workers wait on.
type workQueue struct {
	items []*workItem
	count int        // the Semaphore's _value
	cond  threadCond // workers blocked in get()
}

// put is SimpleQueue.put: append, then Semaphore.release wakes the worker
// that has waited longest.
func (q *workQueue) put(m *Machine, item *workItem) {
	q.items = append(q.items, item)
	q.count++
	q.cond.notify(m, 1)
}

// tryGet is get() when it does not block: the next item, if the
// semaphore can be taken.
func (q *workQueue) tryGet() (*workItem, bool) {
	if q.count == 0 {
		return nil, false
	}
	q.count--
	item := q.items[0]
	q.items[0] = nil
	q.items = q.items[1:]
	return item, true
}

// ---------------------------------------------------------------------------
// ThreadPoolExecutor

// ThreadPoolExecutor is concurrent.futures.ThreadPoolExecutor.
type ThreadPoolExecutor struct {
	id          int32
	mod         *futuresThread
	maxWorkers  int
	prefix      string
	queue       workQueue
	idle        int // _idle_semaphore's value: workers that finished a job and wait for more
	threads     []*Thread
	shutdown    bool
	broken      string
	initializer py.Value
	initargs    []py.Value
}

func newThreadPoolExecutorFromArgs(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
	a, err := parseArgs("ThreadPoolExecutor", args, kw, []string{"max_workers", "thread_name_prefix", "initializer", "initargs"}, 0)
	if err != nil {
		return nil, err
	}
	maxWorkers := -1
	if a[0] != nil && a[0] != py.None {
		n, err := py.AsIndex(a[0])
		if err != nil {
			return nil, err
		}
		if n <= 0 {
			return nil, py.Errorf(py.ValueErrorType, "max_workers must be greater than 0")
		}
		maxWorkers = int(n)
	}
	prefix := ""
	if a[1] != nil {
		s, ok := a[1].(py.Str)
		if !ok {
			return nil, py.Errorf(py.TypeErrorType, "thread_name_prefix must be a str, not %s", a[1].Type().Name)
		}
		prefix = string(s)
	}
	var initializer py.Value
	if a[2] != nil && a[2] != py.None {
		initializer = a[2]
	}
	var initargs []py.Value
	if a[3] != nil {
		if err := py.Iterate(t, a[3], func(v py.Value) error {
			initargs = append(initargs, v)
			return nil
		}); err != nil {
			return nil, err
		}
	}
	ex := NewThreadPoolExecutor(t, maxWorkers, prefix)
	ex.initializer, ex.initargs = initializer, initargs
	return ex, nil
}

// NewThreadPoolExecutor returns a new executor; maxWorkers < 0 means the
// default, min(32, CPUCount+4); an empty prefix means
// "ThreadPoolExecutor-N" from the interpreter-wide counter.
func NewThreadPoolExecutor(t *py.Thread, maxWorkers int, prefix string) *ThreadPoolExecutor {
	mod := futuresThreadOf(t)
	if maxWorkers < 0 {
		maxWorkers = min(32, CPUCount+4)
	}
	if prefix == "" {
		prefix = fmt.Sprintf("ThreadPoolExecutor-%d", mod.counter)
		mod.counter++
	}
	m := machineOf(t)
	ex := &ThreadPoolExecutor{id: m.NewID(), mod: mod, maxWorkers: maxWorkers, prefix: prefix}
	if m.Tracing() {
		m.Emit(trace.Event{Kind: trace.SyncNew, ID: ex.id, Concept: trace.ConceptExecutor, Text: "ThreadPoolExecutor",
			Label: prefix, Num: float64(maxWorkers)})
	}
	return ex
}

// Type returns ThreadPoolExecutorType.
func (*ThreadPoolExecutor) Type() *py.Type { return ThreadPoolExecutorType }

// ID returns the executor's trace id.
func (ex *ThreadPoolExecutor) ID() int32 { return ex.id }

// Threads returns the worker threads started so far, in start order.
func (ex *ThreadPoolExecutor) Threads() []*Thread { return ex.threads }

func (ex *ThreadPoolExecutor) methodOwner() string { return "ThreadPoolExecutor" }

// Attr returns the executor's methods.
func (ex *ThreadPoolExecutor) Attr(t *py.Thread, name string) (py.Value, error) {
	switch name {
	case "submit":
		return method(ex, "submit", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if len(args) == 0 {
				return nil, py.Errorf(py.TypeErrorType, "submit expected at least 1 argument, got 0")
			}
			return ex.Submit(t, args[0], args[1:], kw)
		}), nil
	case "map":
		return method(ex, "map", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			return ex.mapArgs(t, args, kw)
		}), nil
	case "shutdown":
		return method(ex, "shutdown", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := parseArgs("shutdown", args, kw, []string{"wait", "cancel_futures"}, 0)
			if err != nil {
				return nil, err
			}
			wait := a[0] == nil || py.Truth(a[0])
			cancel := a[1] != nil && py.Truth(a[1])
			return ex.Shutdown(t, wait, cancel)
		}), nil
	case "__enter__":
		return method(ex, "__enter__", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			return ex, nil
		}), nil
	case "__exit__":
		return method(ex, "__exit__", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if _, err := ex.Shutdown(t, true, false); err != nil {
				return nil, err
			}
			return py.False, nil
		}), nil
	case "_max_workers":
		return py.Int(ex.maxWorkers), nil
	case "_thread_name_prefix":
		return py.Str(ex.prefix), nil
	}
	return nil, nil
}

// Enter implements `with executor:`; it returns the executor.
func (ex *ThreadPoolExecutor) Enter(t *py.Thread) (py.Value, error) { return ex, nil }

// Exit implements the end of `with executor:`: shutdown(wait=True), which
// blocks until every worker has ended. It never suppresses an exception.
func (ex *ThreadPoolExecutor) Exit(t *py.Thread, exc *py.Exception) (bool, error) {
	_, err := ex.Shutdown(t, true, false)
	return false, err
}

// Submit is submit(fn, /, *args, **kwargs): queue the call and return its
// future, starting a worker if none is idle and the pool is not full.
func (ex *ThreadPoolExecutor) Submit(t *py.Thread, fn py.Value, args []py.Value, kw []py.Kwarg) (*ConcurrentFuture, error) {
	switch {
	case ex.broken != "":
		return nil, py.Errorf(BrokenThreadPoolType, "%s", ex.broken)
	case ex.shutdown:
		return nil, py.Errorf(py.RuntimeErrorType, "cannot schedule new futures after shutdown")
	case ex.mod.shutdown:
		return nil, py.Errorf(py.RuntimeErrorType, "cannot schedule new futures after interpreter shutdown")
	}
	m := machineOf(t)
	name := ""
	if m.Tracing() {
		name = callableName(fn)
	}
	f := NewConcurrentFuture(t, name+"()")
	item := &workItem{id: m.NewID(), fut: f, fn: fn, args: args, kw: kw}
	if m.Tracing() {
		m.Emit(trace.Event{Kind: trace.JobNew, ID: item.id, Ref: f.id, Concept: trace.ConceptExecutor, Text: name,
			Label: ex.prefix, Num: float64(ex.queue.count + 1)})
	}
	ex.queue.put(m, item)
	ex.adjustThreadCount(t)
	return f, nil
}

// adjustThreadCount starts a worker unless one is idle
// (_idle_semaphore.acquire(timeout=0) succeeds) or the pool is full.
func (ex *ThreadPoolExecutor) adjustThreadCount(t *py.Thread) {
	if ex.idle > 0 {
		ex.idle--
		return
	}
	if len(ex.threads) >= ex.maxWorkers {
		return
	}
	m := machineOf(t)
	name := fmt.Sprintf("%s_%d", ex.prefix, len(ex.threads))
	w := &executorWorker{ex: ex}
	th := m.SpawnBody(name, false, w)
	w.th = th
	ex.threads = append(ex.threads, th)
	ex.mod.threadsQueues = append(ex.mod.threadsQueues, workerQueue{th: th, q: &ex.queue})
}

// Shutdown is shutdown(wait, cancel_futures): no new work; with
// cancel_futures the queued jobs are cancelled; a None tells the workers
// to end; with wait the caller joins every worker.
func (ex *ThreadPoolExecutor) Shutdown(t *py.Thread, wait, cancelFutures bool) (py.Value, error) {
	m := machineOf(t)
	ex.shutdown = true
	if cancelFutures {
		for {
			item, ok := ex.queue.tryGet()
			if !ok {
				break
			}
			if item != nil {
				if _, err := item.fut.Cancel(t); err != nil {
					return nil, err
				}
			}
		}
	}
	ex.queue.put(m, nil)
	if !wait {
		return py.None, nil
	}
	return joinThreads(t, ex.threads, "shutdown(wait=True)")
}

// initializerFailed is _initializer_failed: the pool is broken and every
// queued job fails.
func (ex *ThreadPoolExecutor) initializerFailed(t *py.Thread) error {
	ex.broken = "A thread initializer failed, the thread pool is not usable anymore"
	for {
		item, ok := ex.queue.tryGet()
		if !ok {
			return nil
		}
		if item != nil {
			if err := item.fut.SetException(t, py.Errorf(BrokenThreadPoolType, "%s", ex.broken)); err != nil {
				if _, ok := err.(*py.Exception); !ok {
					return err
				}
			}
		}
	}
}

// joinThreads blocks t until every thread of ths has ended (Thread.join on
// each, in order: t is woken as each ends and re-checks the rest).
func joinThreads(t *py.Thread, ths []*Thread, what string) (py.Value, error) {
	me := ThreadOf(t)
	for _, th := range ths {
		if th == me && !th.Finished() {
			return nil, py.Errorf(py.RuntimeErrorType, "cannot join current thread")
		}
	}
	w := joinWait(me, ths, what)
	if w == nil {
		return py.None, nil
	}
	w.Concept = blockingConcept(ThreadOf(t))
	return machineOf(t).WaitOn(t, *w)
}

// joinWait is the wait of the thread me joining ths, or nil when they have
// all ended. Each ending thread wakes me (Thread.join's joiners).
func joinWait(me *Thread, ths []*Thread, what string) *Wait {
	pending := pendingThreads(ths)
	if len(pending) == 0 {
		return nil
	}
	for _, th := range pending {
		th.joiners = append(th.joiners, me)
	}
	return &Wait{
		What:     what,
		Deadline: NoDeadline,
		Ready:    func() bool { return len(pendingThreads(pending)) == 0 },
		Done: func(bool) (py.Value, error) {
			for _, th := range pending {
				th.joiners = removeThread(th.joiners, me)
			}
			return py.None, nil
		},
	}
}

func removeThread(ths []*Thread, th *Thread) []*Thread {
	for i, x := range ths {
		if x == th {
			return append(ths[:i], ths[i+1:]...)
		}
	}
	return ths
}

// ---------------------------------------------------------------------------
// The worker thread

// The phases of a worker.
const (
	workerStart = iota // not started yet
	workerInit         // running the initializer
	workerGet          // blocked in work_queue.get()
	workerRun          // running a job
)

// executorWorker is _worker: take a job from the queue, run it, set its
// future, count itself idle, repeat; a None ends it once the executor is
// shut down (or the interpreter exits).
type executorWorker struct {
	ex    *ThreadPoolExecutor
	th    *Thread
	phase int
	item  *workItem
}

// Next implements ThreadBody.
func (w *executorWorker) Next(t *py.Thread, v py.Value, err error) Step {
	m := machineOf(t)
	ex := w.ex
	switch w.phase {
	case workerStart:
		if ex.initializer != nil {
			w.phase = workerInit
			return Step{Call: ex.initializer, Args: ex.initargs}
		}
	case workerInit:
		if exc, ok := err.(*py.Exception); ok {
			m.WriteStderr("Exception in initializer:\n" + formatTraceback(exc))
			if err := ex.initializerFailed(t); err != nil {
				return w.stop(err)
			}
			return Step{}
		}
	case workerRun:
		if stop := w.finish(t, v, err); stop != nil {
			return w.stop(stop)
		}
	}
	for {
		item, ok := ex.queue.tryGet()
		if !ok {
			waiter := ex.queue.cond.add(t)
			w.phase = workerGet
			return Step{Wait: &Wait{What: "work_queue.get()", Deadline: NoDeadline, Concept: trace.ConceptExecutor,
				Ready: func() bool { return waiter.notified }}}
		}
		if item == nil {
			if ex.mod.shutdown || ex.shutdown {
				ex.shutdown = true
				ex.queue.put(m, nil) // notice the other workers
				return Step{}
			}
			continue
		}
		running, err := item.fut.SetRunningOrNotifyCancel(t)
		if err != nil {
			m.WriteStderr("Exception in worker\n" + err.Error() + "\n")
			return Step{}
		}
		if !running {
			ex.idle++ // the job was cancelled: idle again at once
			continue
		}
		if m.Tracing() {
			m.Emit(trace.Event{Kind: trace.JobStart, ID: item.id, Ref: w.th.ID, Concept: trace.ConceptExecutor,
				Text: callableName(item.fn)})
		}
		w.item = item
		w.phase = workerRun
		return Step{Call: item.fn, Args: item.args, Kw: item.kw}
	}
}

// finish stores the job's outcome in its future (running its done
// callbacks on this thread) and counts the worker idle. It returns an
// error only to stop the run.
func (w *executorWorker) finish(t *py.Thread, v py.Value, err error) error {
	m := machineOf(t)
	item := w.item
	w.item = nil
	var serr error
	if exc, ok := err.(*py.Exception); ok {
		if m.Tracing() {
			m.Emit(trace.Event{Kind: trace.JobDone, ID: item.id, Concept: trace.ConceptExecutor, Outcome: trace.OutcomeException, Label: exc.Error()})
		}
		serr = item.fut.SetException(t, exc)
	} else {
		if v == nil {
			v = py.None
		}
		if m.Tracing() {
			m.Emit(trace.Event{Kind: trace.JobDone, ID: item.id, Concept: trace.ConceptExecutor, Outcome: trace.OutcomeResult})
		}
		serr = item.fut.SetResult(t, v)
	}
	if serr != nil {
		if exc, ok := serr.(*py.Exception); ok {
			// work_item.run() raised: the worker logs it and dies.
			m.WriteStderr("Exception in worker\n" + formatTraceback(exc))
			return errWorkerDied
		}
		return serr
	}
	w.ex.idle++
	return nil
}

// errWorkerDied ends a worker whose job could not store its outcome.
var errWorkerDied = fmt.Errorf("worker died")

// stop ends the worker; a run-stopping error stops the whole run.
func (w *executorWorker) stop(err error) Step {
	if err != errWorkerDied {
		w.th.err = err
	}
	return Step{}
}

// formatTraceback is the text CPython logs for an exception: its last
// traceback line is enough for stderr, which no test compares.
func formatTraceback(e *py.Exception) string {
	return "Traceback (most recent call last):\n" + e.Error() + "\n"
}

// ---------------------------------------------------------------------------
// Executor.map

// executorMap is the generator Executor.map returns: the jobs are all
// submitted at once, and each next() waits for the next result in order.
type executorMap struct {
	fs      []*ConcurrentFuture // still to yield, in order
	timeout bool
	endTime float64
	started bool // the generator has entered its try block
	done    bool
}

func (ex *ThreadPoolExecutor) mapArgs(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
	if len(args) == 0 {
		return nil, py.Errorf(py.TypeErrorType, "map() missing 1 required positional argument: 'fn'")
	}
	fn := args[0]
	timeout := noTimeout
	for _, k := range kw {
		switch k.Name {
		case "timeout":
			var err error
			if timeout, err = timeoutArg(k.Value); err != nil {
				return nil, err
			}
		case "chunksize":
		default:
			return nil, py.Errorf(py.TypeErrorType, "map() got an unexpected keyword argument '%s'", k.Name)
		}
	}
	m := machineOf(t)
	it := &executorMap{}
	if !math.IsInf(timeout, 1) {
		it.timeout = true
		it.endTime = timeout + m.Now()
	}
	// zip(*iterables)
	iters := make([]py.Iterator, len(args)-1)
	for i, a := range args[1:] {
		x, err := py.GetIter(t, a)
		if err != nil {
			return nil, err
		}
		iters[i] = x
	}
	for len(iters) > 0 {
		call := make([]py.Value, len(iters))
		for i, x := range iters {
			v, ok, err := x.Next(t)
			if err != nil {
				return nil, err
			}
			if !ok {
				return it, nil
			}
			call[i] = v
		}
		f, err := ex.Submit(t, fn, call, nil)
		if err != nil {
			return nil, err
		}
		it.fs = append(it.fs, f)
	}
	return it, nil
}

// Type returns the generator type.
func (*executorMap) Type() *py.Type { return executorMapType }

// Next waits for the next result in order (_result_or_cancel): the future
// is cancelled afterwards whatever happened, and when it raised, every
// later future is cancelled too (the generator's finally clause).
func (it *executorMap) Next(t *py.Thread) (py.Value, bool, error) {
	if it.done || len(it.fs) == 0 {
		it.done = true
		return nil, false, nil
	}
	it.started = true
	f := it.fs[0]
	it.fs = it.fs[1:]
	timeout := noTimeout
	if it.timeout {
		timeout = it.endTime - machineOf(t).Now()
	}
	v, err := f.await(t, timeout, "result()", f.getResult, func(v py.Value, err error) (py.Value, error) {
		if _, cerr := f.Cancel(t); cerr != nil {
			return nil, cerr
		}
		if err != nil {
			it.done = true
			for _, g := range it.fs {
				if _, cerr := g.Cancel(t); cerr != nil {
					return nil, cerr
				}
			}
			it.fs = nil
		}
		return v, err
	})
	if err != nil {
		return nil, false, err
	}
	return v, true, nil
}

// Close is generator.close(): once the generator has started, its finally
// clause cancels every future it has not yielded yet (so breaking out of
// `for r in executor.map(...)` cancels the jobs still queued, when the VM
// closes the dropped iterator as CPython's refcounting does).
func (it *executorMap) Close(t *py.Thread) error {
	if it.done || !it.started {
		it.done = true
		return nil
	}
	it.done = true
	fs := it.fs
	it.fs = nil
	for _, f := range fs {
		if _, err := f.Cancel(t); err != nil {
			return err
		}
	}
	return nil
}

// ---------------------------------------------------------------------------
// asyncio's bridges

// RunInExecutor is loop.run_in_executor(executor, fn, *args): executor nil
// or None means the loop's default executor, created on first use with
// thread_name_prefix='asyncio'. It returns the asyncio future chained to
// the job's concurrent future.
func (l *Loop) RunInExecutor(t *py.Thread, executor py.Value, fn py.Value, args []py.Value, kw []py.Kwarg) (*Future, error) {
	if err := l.checkClosed(); err != nil {
		return nil, err
	}
	if executor == nil || executor == py.None {
		if l.ExecutorShutdownCalled() {
			return nil, py.Errorf(py.RuntimeErrorType, "Executor shutdown has been called")
		}
		executor = l.DefaultExecutor()
		if executor == nil {
			executor = NewThreadPoolExecutor(t, -1, "asyncio")
			l.SetDefaultExecutor(executor)
		}
	}
	ex, ok := executor.(*ThreadPoolExecutor)
	if !ok {
		return nil, py.Errorf(py.TypeErrorType, "executor must be a ThreadPoolExecutor, not %s", executor.Type().Name)
	}
	cf, err := ex.Submit(t, fn, args, kw)
	if err != nil {
		return nil, err
	}
	return WrapFuture(t, cf, l), nil
}

// loopRunInExecutor is loop.run_in_executor(executor, func, *args).
func loopRunInExecutor(t *py.Thread, recv py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
	a, rest, err := loopArgs("run_in_executor", args, kw, []string{"executor", "func"}, 2, true)
	if err != nil {
		return nil, err
	}
	f, err := recv.(*Loop).RunInExecutor(t, a[0], a[1], rest, nil)
	if err != nil {
		return nil, err
	}
	return f, nil
}

// loopSetDefaultExecutor is loop.set_default_executor(executor).
func loopSetDefaultExecutor(t *py.Thread, recv py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
	a, _, err := loopArgs("set_default_executor", args, kw, []string{"executor"}, 1, false)
	if err != nil {
		return nil, err
	}
	if _, ok := a[0].(*ThreadPoolExecutor); !ok {
		return nil, py.Errorf(py.TypeErrorType, "executor must be ThreadPoolExecutor instance")
	}
	recv.(*Loop).SetDefaultExecutor(a[0])
	return py.None, nil
}

// loopShutdownDefaultExecutor is loop.shutdown_default_executor(): the
// coroutine asyncio.run also runs at its end (tasks_api.go).
func loopShutdownDefaultExecutor(t *py.Thread, recv py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
	if err := noLoopArgs("shutdown_default_executor", args, kw); err != nil {
		return nil, err
	}
	return recv.(*Loop).shutdownDefaultExecutor(), nil
}

// loopShutdownAsyncgens is loop.shutdown_asyncgens(): the coroutine
// asyncio.run also runs at its end (tasks_api.go); old programs run it
// themselves before loop.close().
func loopShutdownAsyncgens(t *py.Thread, recv py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
	if err := noLoopArgs("shutdown_asyncgens", args, kw); err != nil {
		return nil, err
	}
	return recv.(*Loop).shutdownAsyncgens(), nil
}

// asyncioToThread is asyncio.to_thread(func, /, *args, **kwargs).
func asyncioToThread(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
	if len(args) == 0 {
		return nil, py.Errorf(py.TypeErrorType, "to_thread() missing 1 required positional argument: 'func'")
	}
	return ToThread(t, args[0], append([]py.Value(nil), args[1:]...), kw), nil
}

// asyncioWrapFuture is asyncio.wrap_future(future, *, loop=None).
func asyncioWrapFuture(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
	a, err := parseArgs("wrap_future", args, kw, []string{"future", "loop"}, 1)
	if err != nil {
		return nil, err
	}
	if f, ok := a[0].(*Future); ok {
		return f, nil
	}
	if tk, ok := a[0].(*Task); ok {
		return tk, nil
	}
	cf, ok := a[0].(*ConcurrentFuture)
	if !ok {
		r, _ := py.Repr(t, a[0])
		return nil, py.Errorf(py.AssertionErrorType, "concurrent.futures.Future is expected, got %s", r)
	}
	l, _ := a[1].(*Loop)
	if l == nil {
		if l, err = currentEventLoop(t); err != nil {
			return nil, err
		}
	}
	return WrapFuture(t, cf, l), nil
}

// WrapFuture is asyncio.wrap_future(cf, loop=l): a new asyncio future that
// takes cf's outcome.
func WrapFuture(t *py.Thread, cf *ConcurrentFuture, l *Loop) *Future {
	f := l.newFuture("wrap_future", nil, trace.ConceptExecutor, cf.id)
	chainFuture(t, cf, f)
	return f
}

// chainFuture is futures._chain_future(source, destination) for a
// concurrent source and an asyncio destination: when the source is done,
// the worker that finished it asks the destination's loop, with
// call_soon_threadsafe, to copy the outcome; cancelling the destination
// cancels the source.
func chainFuture(t *py.Thread, source *ConcurrentFuture, dest *Future) {
	loopThread := t
	dest.AddDoneCallback("_call_check_cancel", func(d *Future) {
		if d.Cancelled() {
			// A Python error here would be logged by the loop; Cancel only
			// runs the future's own done callbacks.
			_, _ = source.Cancel(loopThread)
		}
	})
	// source.add_done_callback(_call_set_state); if the source is already
	// done, the callback runs now, in this thread.
	_ = source.AddDoneCallback(t, cfCallback{gofn: func(t *py.Thread, src *ConcurrentFuture) error {
		l := dest.Loop()
		if dest.Cancelled() && l.IsClosed() {
			return nil
		}
		if l.IsClosed() {
			return nil
		}
		_, err := l.CallSoonThreadsafeGo("_set_state", func() { copyFutureState(src, dest) })
		return err
	}})
}

// copyFutureState is futures._copy_future_state from a concurrent future
// to an asyncio one, converting concurrent.futures' exceptions.
func copyFutureState(source *ConcurrentFuture, dest *Future) {
	if dest.Cancelled() {
		return
	}
	if source.Cancelled() {
		dest.Cancel(nil)
		return
	}
	v, exc := source.Outcome()
	if exc != nil {
		_ = dest.SetException(convertFutureExc(exc))
		return
	}
	_ = dest.SetResult(v)
}

// convertFutureExc is futures._convert_future_exc.
func convertFutureExc(exc *py.Exception) *py.Exception {
	switch {
	case exc.Class.IsSubtypeOf(FuturesCancelledErrorType):
		return py.NewException(CancelledErrorType, exc.Args...)
	case exc.Class.IsSubtypeOf(FuturesInvalidStateErrorType):
		return py.NewException(InvalidStateErrorType, exc.Args...)
	}
	return exc
}

// ToThread returns the coroutine asyncio.to_thread(fn, *args, **kwargs):
// run_in_executor(None, ...) on the running loop, awaited.
func ToThread(t *py.Thread, fn py.Value, args []py.Value, kw []py.Kwarg) py.Coroutine {
	var await py.Coroutine
	return newSyncCoro("to_thread", func(t *py.Thread, state int, send py.Value, throw *py.Exception) (int, py.Value, py.CoroState, error) {
		if state == 0 {
			l := runningLoop(t)
			if l == nil {
				return -1, nil, py.CoroRaised, py.Errorf(py.RuntimeErrorType, "no running event loop")
			}
			f, err := l.RunInExecutor(t, nil, fn, args, kw)
			if err != nil {
				return -1, nil, py.CoroRaised, err
			}
			if await, err = f.AwaitIter(t); err != nil {
				return -1, nil, py.CoroRaised, err
			}
			send, throw = py.None, nil
		}
		v, st, err := await.Resume(t, send, throw)
		switch {
		case err != nil:
			return -1, nil, py.CoroRaised, err
		case st == py.CoroYielded:
			return 1, v, py.CoroYielded, nil
		}
		return -1, v, py.CoroReturned, nil
	})
}

func pendingThreads(ths []*Thread) []*Thread {
	var out []*Thread
	for _, th := range ths {
		if !th.Finished() {
			out = append(out, th)
		}
	}
	return out
}

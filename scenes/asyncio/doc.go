// Package asyncio simulates CPython 3.11's asyncio in virtual time: the
// event loop (base_events.py), Handle and TimerHandle (events.py), Future
// (futures.py, the C _asyncio.Future), Task (tasks.py), the module's task
// functions (tasks.py, timeouts.py, taskgroups.py, runners.py), and the
// Python threads they run beside. Output must equal what CPython prints
// under tools/vclock/vclock.py, line for line, at the same loop time.
//
// # The model
//
// A Machine is one run: the virtual clock (Now), one object-id counter
// (NewID), the trace (Emit, guarded by Tracing so that a run without a
// trace builds no event), the budgets, and the threads. It is the
// interpreter's py.Host.
//
// Exactly one thread runs at a time and keeps the baton until it blocks.
// A blocking builtin ends with
//
//	return m.WaitOn(t, Wait{What: "time.sleep(2)", Deadline: m.Now() + 2, Ready: cond, Done: result})
//
// which suspends a thread that can (t.CanBlock(): py.ErrBlock, resumed
// later with Done's result) and otherwise blocks inline, running the other
// threads from inside the call (the loop thread inside asyncio.run). The
// next thread to run is the one that became runnable first; whoever makes
// a wait's condition true calls Wake(th) (Ready is checked again when the
// thread is picked). With none runnable the clock jumps to the earliest
// deadline; with no deadline either it is a deadlock. Deadline is absolute;
// NoDeadline (negative) for none; a deadline <= Now() yields to the threads
// already runnable.
//
// asyncio.run on a thread that can suspend (the module body, a worker
// thread) does not nest the loop on the Go stack: the thread suspends in
// asyncio.run and the scheduler drives the loop from one select to the next
// (runner.go), so select is an ordinary suspension and a worker can run a
// loop of its own. Task steps and callbacks run nested on the loop's thread,
// so a blocking call inside a coroutine blocks inline and stalls the loop,
// as in CPython. A thread blocked inline can only continue once the threads
// above it on the Go stack have returned; the scheduler defers it until
// then (rare: a worker blocking inside a nested call).
//
// Threads: SpawnThread(name, fn, args) runs a Python call and ends;
// SpawnBody(name, daemon, body) is driven by a ThreadBody from Go (an
// executor's worker loop): Next returns a Step that calls Python code
// (which may block), waits, or ends. Join waits for a thread. AtExit
// registers what the main thread runs before joining the others at the end
// (concurrent.futures wakes its idle workers there).
//
// # The loop
//
// Loop is BaseEventLoop: a ReadyQueue (ring buffer) and a TimerHeap
// ordered by (when, creation order), _run_once with its cancelled-timer
// cleanup, select timeout min(max(0, first.when - now), one day) or 0
// when handles are ready, the clock moving to now + timeout (or to the
// instant a thread calls CallSoonThreadsafe, the self-pipe write), and one
// snapshot of the ready queue per iteration. Its API for Go code:
// CallSoon / CallSoonGo, CallLater / CallLaterGo, CallAt,
// CallSoonThreadsafe / CallSoonThreadsafeGo, CreateFuture and NewFuture
// (with a label and a concept for the trace), NewTask, Time, Stop,
// RunUntilComplete, DefaultExecutor / SetDefaultExecutor,
// ExecutorShutdownCalled, CurrentTask. RunningLoop(t) is
// events._get_running_loop().
//
// Future: SetResult, SetException, Cancel(msg), Result, Exception, Done,
// Cancelled, AddDoneCallback(name, func(*Future)) (scheduled with
// call_soon, in add order), AddDoneCallbackKey / RemoveDoneCallback(key),
// AddPyDoneCallback. Native coroutines await a future by yielding it with
// its blocking flag set (see yieldFuture in coro.go).
//
// # Extending the module
//
// RegisterAsyncio(name, value) adds an attribute to the asyncio module,
// RegisterLoopMethod(name, fn) a method to the loop (fn's recv is the
// *Loop), registerModule(spec, maker) an importable module
// (through the registry, py.RegisterModule). parseArgs and
// noArgs (args.go) parse builtin arguments.
//
// Run(prog, cfg) runs a compiled scene and returns its Result (stdout with
// timed lines, the uncaught exception, a budget or deadlock stop, the
// trace, the exceptions CPython's default handler logs); Result.Golden
// renders the corpus's golden form. LogError records such a logged
// exception (Config.Traceback renders its traceback on stderr); Warn
// writes a warning as CPython's warnings module shows it, once per file,
// line and text (NeverAwaited: "coroutine 'f' was never awaited", which
// the interpreter reports through py.NeverAwaitedReporter). Messages that
// name CPython's own files name them under StdlibDir.
package asyncio

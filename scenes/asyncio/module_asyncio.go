package asyncio

import (
	"loopscope/scenes/python/modules"
	"loopscope/scenes/python/py"
)

// asyncioAttrs are the asyncio module's attributes. The sync primitives,
// to_thread and friends join with RegisterAsyncio.
var asyncioAttrs = map[string]py.Value{}

// asyncioSpec is asyncio's entry in the module registry; RegisterAsyncio
// adds each attribute to its members, with its doc from asyncioDocs.
var asyncioSpec = &modules.Spec{
	Name: "asyncio",
	Doc: "The event loop, coroutines, tasks, futures, synchronization primitives, queues and " +
		"streams of CPython 3.11's asyncio, in virtual time: sleeping takes no real time, and " +
		"every step is recorded for playback.",
}

func init() {
	for _, name := range []string{"create_subprocess_exec", "create_subprocess_shell"} {
		asyncioSpec.AddMember(modules.Member{Name: name, Doc: "Start a process.", Refused: "a playground runs " +
			"one process: to stand in for a command that takes a while, await asyncio.sleep(1); for " +
			"blocking work, await asyncio.to_thread(work)"})
	}
}

// RegisterAsyncio adds an attribute to the asyncio module (call it from an
// init function): asyncio.Queue, asyncio.Lock, asyncio.to_thread, ...
// Give it a one-line doc in asyncioDocs, for the language reference.
func RegisterAsyncio(name string, v py.Value) {
	asyncioAttrs[name] = v
	asyncioSpec.AddMember(modules.Member{Name: name, Doc: asyncioDocs[name]})
}

// loopMethods are the event loop's Python methods beyond the core ones;
// RegisterLoopMethod adds one (run_in_executor). The receiver is the *Loop.
var loopMethods = map[string]py.BuiltinFunc{}

// RegisterLoopMethod adds a method to the event loop (call it from an init
// function); fn's recv is the *Loop.
func RegisterLoopMethod(name string, fn py.BuiltinFunc) { loopMethods[name] = fn }

func init() {
	for name, fn := range map[string]py.BuiltinFunc{
		"run":              asyncioRun,
		"sleep":            asyncioSleep,
		"create_task":      asyncioCreateTask,
		"ensure_future":    asyncioEnsureFuture,
		"gather":           asyncioGather,
		"wait":             asyncioWait,
		"wait_for":         asyncioWaitFor,
		"as_completed":     asyncioAsCompleted,
		"shield":           asyncioShield,
		"timeout":          asyncioTimeout,
		"timeout_at":       asyncioTimeoutAt,
		"current_task":     asyncioCurrentTask,
		"all_tasks":        asyncioAllTasks,
		"get_running_loop": asyncioGetRunningLoop,
		"get_event_loop":   asyncioGetEventLoop,
		"iscoroutine":      asyncioIsCoroutine,
		"isfuture":         asyncioIsFuture,
	} {
		RegisterAsyncio(name, py.NewBuiltin(name, fn))
	}
	RegisterAsyncio("CancelledError", CancelledErrorType)
	RegisterAsyncio("InvalidStateError", InvalidStateErrorType)
	RegisterAsyncio("TimeoutError", py.TimeoutErrorType)
	RegisterAsyncio("Future", FutureType)
	RegisterAsyncio("Task", TaskType)
	RegisterAsyncio("TaskGroup", TaskGroupType)
	RegisterAsyncio("Handle", HandleType)
	RegisterAsyncio("TimerHandle", TimerHandleType)
	RegisterAsyncio("FIRST_COMPLETED", py.Str(firstCompleted))
	RegisterAsyncio("FIRST_EXCEPTION", py.Str(firstException))
	RegisterAsyncio("ALL_COMPLETED", py.Str(allCompleted))

	FutureType.New = func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
		a, err := parseArgs("Future", args, kw, []string{"loop"}, 0)
		if err != nil {
			return nil, err
		}
		l, _ := a[0].(*Loop)
		if l == nil {
			v, err := asyncioGetEventLoop(t, nil, nil, nil)
			if err != nil {
				return nil, err
			}
			l = v.(*Loop)
		}
		return l.CreateFuture(), nil
	}
	TaskType.New = func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
		a, err := parseArgs("Task", args, kw, []string{"coro", "loop", "name", "context"}, 1)
		if err != nil {
			return nil, err
		}
		l, _ := a[1].(*Loop)
		if l == nil {
			v, err := asyncioGetEventLoop(t, nil, nil, nil)
			if err != nil {
				return nil, err
			}
			l = v.(*Loop)
		}
		return l.createTask(t, a[0], a[2])
	}

	registerModule(asyncioSpec, func(m *Machine) py.Value {
		attrs := make(map[string]py.Value, len(asyncioAttrs))
		for k, v := range asyncioAttrs {
			attrs[k] = v
		}
		attrs["exceptions"] = exceptionsModule()
		return py.NewModule("asyncio", attrs)
	})
}

// Attr implements py.HasAttrs: the event loop's methods.
func (l *Loop) Attr(t *py.Thread, name string) (py.Value, error) {
	fn, ok := loopCoreMethods[name]
	if !ok {
		if fn, ok = loopMethods[name]; !ok {
			return nil, nil
		}
	}
	return &py.Builtin{Name: name, Recv: l, Fn: fn}, nil
}

func (l *Loop) methodOwner() string { return "BaseEventLoop" }

// Repr implements py.Reprer.
func (l *Loop) Repr(t *py.Thread) (string, error) {
	return "<_UnixSelectorEventLoop running=" + pyBool(l.running) + " closed=" + pyBool(l.closed) + " debug=False>", nil
}

func pyBool(b bool) string {
	if b {
		return "True"
	}
	return "False"
}

// callbackArgs splits call_soon's arguments: the callback and its args
// (context= is accepted and ignored: scenes have no contextvars).
func callbackArgs(fname string, args []py.Value, kw []py.Kwarg, lead int) ([]py.Value, py.Value, []py.Value, error) {
	pos := []string{"callback"}
	switch fname {
	case "call_later":
		pos = []string{"delay", "callback"}
	case "call_at":
		pos = []string{"when", "callback"}
	}
	a, rest, err := loopArgs(fname, args, kw, pos, len(pos), true, "context")
	if err != nil {
		return nil, nil, nil, err
	}
	// Outside debug mode CPython 3.11 does not check that fn is callable:
	// the loop logs the TypeError when it runs the handle.
	return a[:lead], a[lead], rest, nil
}

func reprOf(v py.Value) string {
	s, _ := py.Repr(nil, v)
	return s
}

var loopCoreMethods map[string]py.BuiltinFunc

func init() {
	loopCoreMethods = map[string]py.BuiltinFunc{
		"time": func(t *py.Thread, recv py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			return py.Float(recv.(*Loop).m.now), noLoopArgs("time", args, kw)
		},
		"create_future": func(t *py.Thread, recv py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := noLoopArgs("create_future", args, kw); err != nil {
				return nil, err
			}
			return recv.(*Loop).CreateFuture(), nil
		},
		"create_task": func(t *py.Thread, recv py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, _, err := loopArgs("create_task", args, kw, []string{"coro"}, 1, false, "name", "context")
			if err != nil {
				return nil, err
			}
			return recv.(*Loop).createTask(t, a[0], a[1])
		},
		"call_soon": func(t *py.Thread, recv py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			l := recv.(*Loop)
			_, fn, rest, err := callbackArgs("call_soon", args, kw, 0)
			if err != nil {
				return nil, err
			}
			if err := l.checkClosed(); err != nil {
				return nil, err
			}
			return l.CallSoon(fn, rest), nil
		},
		"call_soon_threadsafe": func(t *py.Thread, recv py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			l := recv.(*Loop)
			_, fn, rest, err := callbackArgs("call_soon_threadsafe", args, kw, 0)
			if err != nil {
				return nil, err
			}
			return l.CallSoonThreadsafe(fn, rest)
		},
		"call_later": func(t *py.Thread, recv py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			l := recv.(*Loop)
			lead, fn, rest, err := callbackArgs("call_later", args, kw, 1)
			if err != nil {
				return nil, err
			}
			d, ok := toSeconds(lead[0])
			if !ok {
				return nil, py.Errorf(py.TypeErrorType, "unsupported operand type(s) for +: 'float' and '%s'", lead[0].Type().Name)
			}
			if err := l.checkClosed(); err != nil {
				return nil, err
			}
			return l.CallLater(d, fn, rest), nil
		},
		"call_at": func(t *py.Thread, recv py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			l := recv.(*Loop)
			lead, fn, rest, err := callbackArgs("call_at", args, kw, 1)
			if err != nil {
				return nil, err
			}
			w, ok := toSeconds(lead[0])
			if !ok {
				return nil, py.Errorf(py.TypeErrorType, "'<' not supported between instances of '%s' and 'float'", lead[0].Type().Name)
			}
			if err := l.checkClosed(); err != nil {
				return nil, err
			}
			return l.CallAt(w, fn, rest), nil
		},
		"is_running": func(t *py.Thread, recv py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			return py.Bool(recv.(*Loop).running), noLoopArgs("is_running", args, kw)
		},
		"is_closed": func(t *py.Thread, recv py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			return py.Bool(recv.(*Loop).closed), noLoopArgs("is_closed", args, kw)
		},
		"get_debug": func(t *py.Thread, recv py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			return py.False, noLoopArgs("get_debug", args, kw)
		},
		// Scenes cannot set a task factory or an exception handler
		// (set_task_factory, set_exception_handler), so the loop has
		// CPython's defaults: None.
		"get_task_factory": func(t *py.Thread, recv py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			return py.None, noLoopArgs("get_task_factory", args, kw)
		},
		"get_exception_handler": func(t *py.Thread, recv py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			return py.None, noLoopArgs("get_exception_handler", args, kw)
		},
		"stop": func(t *py.Thread, recv py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := noLoopArgs("stop", args, kw); err != nil {
				return nil, err
			}
			recv.(*Loop).Stop()
			return py.None, nil
		},
		"close": func(t *py.Thread, recv py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := noLoopArgs("close", args, kw); err != nil {
				return nil, err
			}
			return py.None, recv.(*Loop).Close(t)
		},
		"run_until_complete": func(t *py.Thread, recv py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			l := recv.(*Loop)
			a, _, err := loopArgs("run_until_complete", args, kw, []string{"future"}, 1, false)
			if err != nil {
				return nil, err
			}
			f, err := EnsureFuture(t, a[0], l)
			if err != nil {
				return nil, err
			}
			return l.RunUntilComplete(t, f)
		},
	}
}

// asyncioDocs are the one-line docs of asyncio's attributes, for the
// language reference (LANGUAGE.md).
var asyncioDocs = map[string]string{
	"ALL_COMPLETED":            "wait()'s return_when: when every awaitable is done.",
	"Barrier":                  "Tasks wait() until a set number of them are waiting, then pass together.",
	"BrokenBarrierError":       "Raised by Barrier.wait() when the barrier is reset or aborted.",
	"BoundedSemaphore":         "A semaphore that raises ValueError when released more than acquired.",
	"CancelledError":           "Raised in a task or future that was cancelled.",
	"Condition":                "A condition variable: wait() until another task notify()s.",
	"Event":                    "A flag tasks can wait() on until another task set()s it.",
	"FIRST_COMPLETED":          "wait()'s return_when: when any awaitable is done.",
	"FIRST_EXCEPTION":          "wait()'s return_when: when any awaitable raises, or all are done.",
	"Future":                   "A low-level awaitable result, set with set_result() or set_exception().",
	"Handle":                   "What call_soon() returns: cancel() it before it runs.",
	"IncompleteReadError":      "Raised by StreamReader.readexactly() when the stream ends early.",
	"InvalidStateError":        "Raised when a future's result is set twice, or read before it is done.",
	"LifoQueue":                "A queue that gives back the newest item first.",
	"LimitOverrunError":        "Raised by StreamReader.readuntil() when the separator is not found within the limit.",
	"Lock":                     "A mutual-exclusion lock for tasks: `async with lock:`.",
	"PriorityQueue":            "A queue that gives back the smallest item first.",
	"Queue":                    "A first-in first-out queue between tasks: put(), get(), task_done(), join().",
	"QueueEmpty":               "Raised by get_nowait() on an empty queue.",
	"QueueFull":                "Raised by put_nowait() on a full queue.",
	"Runner":                   "`with asyncio.Runner() as runner:` runs several coroutines, one after another, on one loop.",
	"Semaphore":                "A counter that lets at most N tasks in at once: `async with sem:`.",
	"StreamReader":             "The reading end of a simulated connection (open_connection, start_server).",
	"StreamWriter":             "The writing end of a simulated connection: write(), drain(), close().",
	"Task":                     "A coroutine scheduled on the loop; create it with create_task().",
	"TaskGroup":                "Runs tasks together: `async with TaskGroup() as tg:` waits for all, cancels all on error.",
	"TimeoutError":             "Raised by wait_for() and timeout() when time runs out (the builtin TimeoutError).",
	"TimerHandle":              "What call_later() and call_at() return: cancel() it before it runs.",
	"all_tasks":                "The set of the loop's tasks not yet done.",
	"as_completed":             "Iterate over awaitables in the order they finish.",
	"create_task":              "Schedule a coroutine as a Task on the running loop.",
	"current_task":             "The Task running now, or None.",
	"ensure_future":            "Wrap a coroutine in a Task; a future is returned as it is.",
	"gather":                   "Run awaitables concurrently and return their results in order.",
	"get_event_loop":           "The running loop (or, outside one, the main thread's loop).",
	"get_running_loop":         "The running event loop; RuntimeError outside a coroutine.",
	"exceptions":               "The submodule asyncio's exceptions come from (asyncio.exceptions.CancelledError).",
	"iscoroutine":              "Whether a value is a coroutine object.",
	"iscoroutinefunction":      "Whether a function is an `async def` one (calling it makes a coroutine).",
	"isfuture":                 "Whether a value is a Future (or Task).",
	"new_event_loop":           "A new event loop, to run with run_until_complete() or run_forever() and close().",
	"open_connection":          "Connect to a simulated server started with start_server() in the same scene.",
	"run":                      "Run a coroutine on a new event loop until it is done, then close the loop.",
	"run_coroutine_threadsafe": "From another thread, run a coroutine on a loop; returns a concurrent.futures.Future.",
	"set_event_loop":           "Make a loop the thread's current one (what get_event_loop() returns outside a coroutine).",
	"shield":                   "Protect an awaitable from being cancelled by its awaiter's cancellation.",
	"sleep":                    "Suspend the task for some seconds of virtual time.",
	"start_server":             "Start a simulated server in the scene (no real network).",
	"timeout":                  "`async with asyncio.timeout(s):` cancels the block after s seconds.",
	"timeout_at":               "Like timeout(), with a deadline on the loop's clock.",
	"to_thread":                "Run a blocking function in a worker thread and await its result.",
	"wait":                     "Wait for a set of awaitables until return_when; returns (done, pending).",
	"wait_for":                 "Await with a timeout: cancels the awaitable and raises TimeoutError when it runs out.",
	"wrap_future":              "Wrap a concurrent.futures.Future in an asyncio Future.",
}

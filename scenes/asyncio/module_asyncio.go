package asyncio

import (
	"loopscope/scenes/python/py"
)

// asyncioAttrs are the asyncio module's attributes. The sync primitives,
// to_thread and friends join with RegisterAsyncio.
var asyncioAttrs = map[string]py.Value{}

// RegisterAsyncio adds an attribute to the asyncio module (call it from an
// init function): asyncio.Queue, asyncio.Lock, asyncio.to_thread, ...
func RegisterAsyncio(name string, v py.Value) { asyncioAttrs[name] = v }

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

	RegisterModule("asyncio", func(m *Machine) py.Value {
		attrs := make(map[string]py.Value, len(asyncioAttrs))
		for k, v := range asyncioAttrs {
			attrs[k] = v
		}
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
	for _, k := range kw {
		if k.Name != "context" {
			return nil, nil, nil, py.Errorf(py.TypeErrorType, "%s() got an unexpected keyword argument '%s'", fname, k.Name)
		}
	}
	if len(args) < lead+1 {
		return nil, nil, nil, py.Errorf(py.TypeErrorType, "%s() missing required positional argument", fname)
	}
	fn := args[lead]
	if !py.IsCallable(fn) {
		return nil, nil, nil, py.Errorf(py.TypeErrorType, "a callable object was expected by %s(), got %s", fname, reprOf(fn))
	}
	rest := append([]py.Value(nil), args[lead+1:]...)
	return args[:lead], fn, rest, nil
}

func reprOf(v py.Value) string {
	s, _ := py.Repr(nil, v)
	return s
}

var loopCoreMethods map[string]py.BuiltinFunc

func init() {
	loopCoreMethods = map[string]py.BuiltinFunc{
		"time": func(t *py.Thread, recv py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			return py.Float(recv.(*Loop).m.now), noArgs("time", args, kw)
		},
		"create_future": func(t *py.Thread, recv py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := noArgs("create_future", args, kw); err != nil {
				return nil, err
			}
			return recv.(*Loop).CreateFuture(), nil
		},
		"create_task": func(t *py.Thread, recv py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := parseArgs("create_task", args, kw, []string{"coro", "name", "context"}, 1)
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
			return py.Bool(recv.(*Loop).running), noArgs("is_running", args, kw)
		},
		"is_closed": func(t *py.Thread, recv py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			return py.Bool(recv.(*Loop).closed), noArgs("is_closed", args, kw)
		},
		"get_debug": func(t *py.Thread, recv py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			return py.False, noArgs("get_debug", args, kw)
		},
		"stop": func(t *py.Thread, recv py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			recv.(*Loop).Stop()
			return py.None, noArgs("stop", args, kw)
		},
		"close": func(t *py.Thread, recv py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := noArgs("close", args, kw); err != nil {
				return nil, err
			}
			return py.None, recv.(*Loop).Close(t)
		},
		"run_until_complete": func(t *py.Thread, recv py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			l := recv.(*Loop)
			a, err := parseArgs("run_until_complete", args, kw, []string{"future"}, 1)
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

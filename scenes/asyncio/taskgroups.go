package asyncio

import (
	"math"

	"loopscope/scenes/python/py"
	"loopscope/scenes/trace"
)

// This file ports timeouts.py (asyncio.timeout) and taskgroups.py
// (asyncio.TaskGroup).

// The types of asyncio.timeout's context manager and of TaskGroup.
var (
	TimeoutType   = &py.Type{Name: "Timeout", Module: "asyncio.timeouts", Base: py.ObjectType}
	TaskGroupType = &py.Type{Name: "TaskGroup", Module: "asyncio.taskgroups", Base: py.ObjectType}
)

type timeoutState uint8

const (
	toCreated timeoutState = iota
	toEntered
	toExpiring
	toExpired
	toExited
)

var timeoutStateValues = [...]string{"created", "active", "expiring", "expired", "finished"}

// Timeout is the context manager asyncio.timeout(delay) returns.
type Timeout struct {
	state   timeoutState
	handler *Handle
	task    *Task
	when    py.Value // None or a float
	// cancelling is the task's cancelling() when the block was entered.
	cancelling int
}

// Type returns TimeoutType.
func (to *Timeout) Type() *py.Type { return TimeoutType }

// Repr implements py.Reprer.
func (to *Timeout) Repr(t *py.Thread) (string, error) {
	info := ""
	if to.state == toEntered {
		w := "None"
		if to.when != py.None {
			w, _ = py.Repr(t, py.Float(math.Round(mustSeconds(to.when)*1000)/1000))
		}
		info = " when=" + w
	}
	return "<Timeout [" + timeoutStateValues[to.state] + "]" + info + ">", nil
}

func mustSeconds(v py.Value) float64 {
	f, _ := toSeconds(v)
	return f
}

func asyncioTimeout(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
	a, err := parseArgs("timeout", args, kw, []string{"delay"}, 1)
	if err != nil {
		return nil, err
	}
	l, err := getRunningLoop(t)
	if err != nil {
		return nil, err
	}
	if a[0] == py.None {
		return &Timeout{when: py.None}, nil
	}
	d, ok := toSeconds(a[0])
	if !ok {
		return nil, py.Errorf(py.TypeErrorType, "unsupported operand type(s) for +: 'float' and '%s'", a[0].Type().Name)
	}
	return &Timeout{when: py.Float(l.m.now + d)}, nil
}

func asyncioTimeoutAt(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
	a, err := parseArgs("timeout_at", args, kw, []string{"when"}, 1)
	if err != nil {
		return nil, err
	}
	return &Timeout{when: a[0]}, nil
}

// reschedule is Timeout.reschedule(when).
func (to *Timeout) reschedule(t *py.Thread, when py.Value) error {
	if to.state != toEntered {
		if to.state == toCreated {
			return py.NewException(py.RuntimeErrorType, py.Str("Timeout has not been entered"))
		}
		return py.Errorf(py.RuntimeErrorType, "Cannot change state of %s Timeout", timeoutStateValues[to.state])
	}
	to.when = when
	if to.handler != nil {
		to.handler.Cancel()
	}
	if when == py.None {
		to.handler = nil
		return nil
	}
	l, err := getRunningLoop(t)
	if err != nil {
		return err
	}
	w, ok := toSeconds(when)
	if !ok {
		return py.Errorf(py.TypeErrorType, "'<=' not supported between instances of '%s' and 'float'", when.Type().Name)
	}
	if w <= l.m.now {
		to.handler = l.CallSoonGo("Timeout._on_timeout", to.onTimeout)
	} else {
		to.handler = l.callAt(w, &Handle{op: opGo, gofn: to.onTimeout, name: "Timeout._on_timeout", fut: &to.task.Future})
	}
	return nil
}

// onTimeout is Timeout._on_timeout: cancel the task.
func (to *Timeout) onTimeout() {
	to.task.Cancel(nil)
	to.state = toExpiring
	to.handler = nil
}

// Attr implements py.HasAttrs.
func (to *Timeout) Attr(t *py.Thread, name string) (py.Value, error) {
	switch name {
	case "when":
		return method(to, name, func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			return to.when, noArgs(name, args, kw)
		}), nil
	case "expired":
		return method(to, name, func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			return py.Bool(to.state == toExpiring || to.state == toExpired), noArgs(name, args, kw)
		}), nil
	case "reschedule":
		return method(to, name, func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := parseArgs(name, args, kw, []string{"when"}, 1)
			if err != nil {
				return nil, err
			}
			return py.None, to.reschedule(t, a[0])
		}), nil
	case "__aenter__":
		return method(to, name, func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			return to.AEnter(t)
		}), nil
	case "__aexit__":
		return method(to, name, func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			return to.AExit(t, excArg(args))
		}), nil
	}
	return nil, nil
}

// excArg is the exception among __aexit__'s (type, value, traceback).
func excArg(args []py.Value) *py.Exception {
	if len(args) >= 2 {
		if e, ok := args[1].(*py.Exception); ok {
			return e
		}
	}
	return nil
}

// AEnter is Timeout.__aenter__.
func (to *Timeout) AEnter(t *py.Thread) (py.Value, error) {
	return immediate("Timeout.__aenter__", func(t *py.Thread) (py.Value, error) {
		if to.state != toCreated {
			return nil, py.NewException(py.RuntimeErrorType, py.Str("Timeout has already been entered"))
		}
		l, err := getRunningLoop(t)
		if err != nil {
			return nil, err
		}
		if l.current == nil {
			return nil, py.NewException(py.RuntimeErrorType, py.Str("Timeout should be used inside a task"))
		}
		to.state = toEntered
		to.task = l.current
		to.cancelling = to.task.Cancelling()
		if err := to.reschedule(t, to.when); err != nil {
			return nil, err
		}
		return to, nil
	}), nil
}

// AExit is Timeout.__aexit__: an expired timeout turns the task's
// CancelledError into TimeoutError.
func (to *Timeout) AExit(t *py.Thread, exc *py.Exception) (py.Value, error) {
	return immediate("Timeout.__aexit__", func(t *py.Thread) (py.Value, error) {
		if to.handler != nil {
			to.handler.Cancel()
			to.handler = nil
		}
		switch to.state {
		case toExpiring:
			to.state = toExpired
			if to.task.Uncancel() <= to.cancelling && exc != nil && exc.Class == CancelledErrorType {
				// timeouts.py: raise TimeoutError from exc_val
				te := py.NewException(py.TimeoutErrorType)
				te.Cause, te.Context, te.SuppressContext = exc, exc, true
				return nil, te
			}
		case toEntered:
			to.state = toExited
		}
		return py.None, nil
	}), nil
}

// TaskGroup is asyncio.TaskGroup.
type TaskGroup struct {
	entered, exiting, aborting bool
	loop                       *Loop
	parent                     *Task
	parentCancelRequested      bool
	tasks                      []*Task // the _tasks set, in creation order
	errors                     []*py.Exception
	baseError                  *py.Exception
	onCompleted                *Future
}

// Type returns TaskGroupType.
func (g *TaskGroup) Type() *py.Type { return TaskGroupType }

func init() {
	TaskGroupType.New = func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
		if err := noArgs("TaskGroup", args, kw); err != nil {
			return nil, err
		}
		return &TaskGroup{}, nil
	}
}

// Repr implements py.Reprer: <TaskGroup tasks=2 entered>.
func (g *TaskGroup) Repr(t *py.Thread) (string, error) {
	s := "<TaskGroup"
	if len(g.tasks) > 0 {
		s += " tasks=" + itoa(len(g.tasks))
	}
	if len(g.errors) > 0 {
		s += " errors=" + itoa(len(g.errors))
	}
	if g.aborting {
		s += " cancelling"
	} else if g.entered {
		s += " entered"
	}
	return s + ">", nil
}

func (g *TaskGroup) repr() string {
	s, _ := g.Repr(nil)
	return s
}

func isBaseError(e *py.Exception) bool {
	return e.Class.IsSubtypeOf(py.SystemExitType) || e.Class.IsSubtypeOf(py.KeyboardInterruptType)
}

// abort cancels the tasks not done.
func (g *TaskGroup) abort() {
	g.aborting = true
	for _, tk := range g.tasks {
		if !tk.Done() {
			tk.Cancel(nil)
		}
	}
}

// onTaskDone is _on_task_done(task).
func (g *TaskGroup) onTaskDone(f *Future) {
	tk := f.task
	for i, x := range g.tasks {
		if x == tk {
			g.tasks = append(g.tasks[:i], g.tasks[i+1:]...)
			break
		}
	}
	if g.onCompleted != nil && len(g.tasks) == 0 && !g.onCompleted.Done() {
		_ = g.onCompleted.SetResult(py.True)
	}
	if tk.Cancelled() {
		return
	}
	exc, _ := tk.Exception()
	if exc == nil {
		return
	}
	g.errors = append(g.errors, exc)
	if isBaseError(exc) && g.baseError == nil {
		g.baseError = exc
	}
	if g.parent.Done() {
		g.loop.m.LogError("Task "+tk.repr()+" has errored out but its parent task "+g.parent.repr()+" is already completed\ntask: "+tk.repr(), exc)
		return
	}
	if !g.aborting && !g.parentCancelRequested {
		g.abort()
		g.parentCancelRequested = true
		g.parent.Cancel(nil)
	}
}

// createTask is TaskGroup.create_task(coro, *, name=None).
func (g *TaskGroup) createTask(t *py.Thread, coro, name py.Value) (py.Value, error) {
	if !g.entered {
		return nil, py.Errorf(py.RuntimeErrorType, "TaskGroup %s has not been entered", g.repr())
	}
	if g.exiting && len(g.tasks) == 0 {
		return nil, py.Errorf(py.RuntimeErrorType, "TaskGroup %s is finished", g.repr())
	}
	if g.aborting {
		return nil, py.Errorf(py.RuntimeErrorType, "TaskGroup %s is shutting down", g.repr())
	}
	tk, err := g.loop.createTask(t, coro, nil)
	if err != nil {
		return nil, err
	}
	if name != nil && name != py.None {
		tk.SetName(t, name)
	}
	tk.addCallbackFor(&g.parent.Future, "TaskGroup._on_task_done", nil, g.onTaskDone)
	g.tasks = append(g.tasks, tk)
	return tk, nil
}

// Attr implements py.HasAttrs.
func (g *TaskGroup) Attr(t *py.Thread, name string) (py.Value, error) {
	switch name {
	case "create_task":
		return method(g, name, func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := parseArgs(name, args, kw, []string{"coro", "name", "context"}, 1)
			if err != nil {
				return nil, err
			}
			return g.createTask(t, a[0], a[1])
		}), nil
	case "__aenter__":
		return method(g, name, func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			return g.AEnter(t)
		}), nil
	case "__aexit__":
		return method(g, name, func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			return g.AExit(t, excArg(args))
		}), nil
	}
	return nil, nil
}

// AEnter is TaskGroup.__aenter__.
func (g *TaskGroup) AEnter(t *py.Thread) (py.Value, error) {
	return immediate("TaskGroup.__aenter__", func(t *py.Thread) (py.Value, error) {
		if g.entered {
			return nil, py.Errorf(py.RuntimeErrorType, "TaskGroup %s has already been entered", g.repr())
		}
		if g.loop == nil {
			l, err := getRunningLoop(t)
			if err != nil {
				return nil, err
			}
			g.loop = l
		}
		g.parent = g.loop.current
		if g.parent == nil {
			return nil, py.Errorf(py.RuntimeErrorType, "TaskGroup %s cannot determine the parent task", g.repr())
		}
		g.entered = true
		return g, nil
	}), nil
}

// AExit is TaskGroup.__aexit__(et, exc, tb): wait for every task; errors
// become an ExceptionGroup.
func (g *TaskGroup) AExit(t *py.Thread, exc *py.Exception) (py.Value, error) {
	var et py.Value = py.None
	if exc != nil {
		et = exc.Class
	}
	return g.aexit(et, exc), nil
}

// aexit is TaskGroup.__aexit__'s coroutine.
func (g *TaskGroup) aexit(et py.Value, exc *py.Exception) py.Coroutine {
	var propagate *py.Exception
	// finish is everything after the `while self._tasks` loop.
	finish := func() (py.Value, py.CoroState, error) {
		if g.baseError != nil {
			return raised(g.baseError)
		}
		if propagate != nil && len(g.errors) == 0 {
			return raised(propagate)
		}
		if et != py.None && et != py.Value(CancelledErrorType) && exc != nil {
			g.errors = append(g.errors, exc)
		}
		if len(g.errors) > 0 {
			me := py.NewExceptionGroup("unhandled errors in a TaskGroup", g.errors)
			me.SuppressContext = true
			g.errors = nil
			return raised(me)
		}
		return returned(py.None)
	}
	// wait awaits _on_completed_fut while tasks remain.
	wait := func() (int, py.Value, py.CoroState, error) {
		if len(g.tasks) > 0 {
			if g.onCompleted == nil {
				g.onCompleted = g.loop.NewFuture("TaskGroup", py.Int(len(g.tasks)), trace.ConceptTaskGroup)
			}
			if !g.onCompleted.Done() {
				v, st, err := yieldFuture(g.onCompleted)
				return 1, v, st, err
			}
		}
		v, st, err := finish()
		return 0, v, st, err
	}
	return newGoCoro("TaskGroup.__aexit__", func(t *py.Thread, pc int, send py.Value, throw *py.Exception) (int, py.Value, py.CoroState, error) {
		if pc == 0 {
			if throw != nil {
				return 0, nil, py.CoroRaised, throw
			}
			g.exiting = true
			if exc != nil && isBaseError(exc) && g.baseError == nil {
				g.baseError = exc
			}
			if et == py.Value(CancelledErrorType) {
				propagate = exc
			}
			if g.parentCancelRequested {
				if g.parent.Uncancel() == 0 {
					propagate = nil
				}
			}
			if et != py.None && !g.aborting {
				g.abort()
			}
			return wait()
		}
		// Resumed after `await self._on_completed_fut`.
		if throw != nil {
			if !throw.Class.IsSubtypeOf(CancelledErrorType) {
				return 0, nil, py.CoroRaised, throw
			}
			if !g.aborting {
				propagate = throw
				g.abort()
			}
		}
		g.onCompleted = nil
		return wait()
	})
}

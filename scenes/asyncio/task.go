package asyncio

import (
	"strconv"
	"strings"

	"loopscope/scenes/python/py"
	"loopscope/scenes/trace"
)

// Task is asyncio.Task (the C _asyncio.Task, tasks.py semantics): a Future
// that drives a coroutine one __step at a time, suspending it on the
// futures it awaits.
type Task struct {
	Future
	coro       py.Coroutine
	name       py.Value // usually a Str; nil until first asked when unnamed
	num        int      // N of the default name Task-N
	mustCancel bool
	cancelMsg  py.Value // _cancel_message for a pending cancel
	futWaiter  *Future
	numCancels int    // _num_cancels_requested
	stepLabel  string // "Task-2.__step", made once
	numName    string // "Task-2", made once
	wakeLabel  string // "Task-2.__wakeup"
	inRepr     bool
}

// Type returns TaskType.
func (tk *Task) Type() *py.Type { return TaskType }

// NewTask is Task(coro, loop=l, name=name): it registers the task and
// schedules its first __step with call_soon. name nil: "Task-N" from the
// one global counter.
func (l *Loop) NewTask(t *py.Thread, coro py.Coroutine, name py.Value) *Task {
	m := l.m
	tk := &Task{coro: coro}
	tk.Future = Future{id: m.NewID(), loop: l, task: tk, concept: trace.ConceptTask}
	if name == nil {
		m.taskCounter++
		tk.num = m.taskCounter
	} else {
		tk.name = name
	}
	m.note(t, Note{Kind: NoteTask, Task: tk.id})
	if m.tr != nil {
		line, col := coro.Where()
		m.Emit(trace.Event{Kind: trace.TaskNew, Concept: trace.ConceptTask, ID: tk.id, Text: tk.nameString(),
			Label: coro.QualName() + "()", Line: int32(line), Col: int32(col)})
	}
	l.registerTask(tk)
	l.callSoonStep(tk, nil)
	return tk
}

// Name returns the task's name.
func (tk *Task) Name() py.Value {
	if tk.name == nil {
		tk.name = py.Str("Task-" + strconv.Itoa(tk.num))
	}
	return tk.name
}

// nameString is the name as text.
func (tk *Task) nameString() string {
	if tk.name == nil {
		if tk.numName == "" {
			tk.numName = "Task-" + strconv.Itoa(tk.num)
		}
		return tk.numName
	}
	if s, ok := tk.name.(py.Str); ok {
		return string(s)
	}
	s, _ := py.ToStr(nil, tk.name)
	return s
}

func (tk *Task) labelStep() string {
	if tk.stepLabel == "" {
		tk.stepLabel = tk.nameString() + ".__step"
	}
	return tk.stepLabel
}

func (tk *Task) labelWakeup() string {
	if tk.wakeLabel == "" {
		tk.wakeLabel = tk.nameString() + ".__wakeup"
	}
	return tk.wakeLabel
}

// Coro returns the task's coroutine.
func (tk *Task) Coro() py.Coroutine { return tk.coro }

// waitingOn says what a pending task waits on, for deadlock messages.
func (tk *Task) waitingOn() string {
	if tk.futWaiter == nil {
		return "nothing (it is scheduled)"
	}
	if tk.futWaiter.task != nil {
		return "Task " + tk.futWaiter.task.nameString()
	}
	return tk.futWaiter.Label()
}

// Cancel is Task.cancel(msg): it reports false when the task is done.
func (tk *Task) Cancel(msg py.Value) bool {
	tk.logTraceback = false
	if tk.state != statePending {
		return false
	}
	tk.numCancels++
	if m := tk.loop.m; m.tr != nil {
		label := ""
		if msg != nil {
			label, _ = py.ToStr(nil, msg)
		}
		m.Emit(trace.Event{Kind: trace.TaskCancel, Concept: trace.ConceptCancel, ID: tk.id, Label: label})
	}
	if tk.futWaiter != nil {
		if tk.futWaiter.Cancel(msg) {
			// Leave futWaiter: it may be a Task that catches and ignores
			// the cancellation, so it may have to be cancelled again.
			return true
		}
	}
	// __step is already scheduled.
	tk.mustCancel = true
	tk.cancelMsg = msg
	return true
}

// Uncancel is uncancel(): one fewer pending cancellation request.
func (tk *Task) Uncancel() int {
	if tk.numCancels > 0 {
		tk.numCancels--
	}
	return tk.numCancels
}

// Cancelling is cancelling(): the pending cancellation requests.
func (tk *Task) Cancelling() int { return tk.numCancels }

// step is Task.__step(exc).
func (tk *Task) step(t *py.Thread, exc *py.Exception) error {
	l := tk.loop
	m := l.m
	if tk.state != statePending {
		return py.Errorf(InvalidStateErrorType, "_step(): already done: %s", tk.repr())
	}
	if tk.mustCancel {
		if exc == nil || !exc.Class.IsSubtypeOf(CancelledErrorType) {
			exc = tk.makeCancelledErrorTask()
		}
		tk.mustCancel = false
	}
	tk.futWaiter = nil
	if l.current != nil {
		return py.Errorf(py.RuntimeErrorType, "Cannot enter into task %s while another task %s is being executed.", tk.repr(), l.current.repr())
	}
	l.current, l.stepBase = tk, t.Frame()
	if m.tr != nil {
		// The first step starts the coroutine; every later one resumes it
		// where an await suspended it, which is what await means.
		c := trace.ConceptAwait
		if !tk.coro.Started() {
			c = trace.ConceptCoroutine
		}
		line, col := tk.coro.Where()
		m.Emit(trace.Event{Kind: trace.TaskStep, Concept: c, ID: tk.id, Line: int32(line), Col: int32(col)})
	}
	th := ThreadOf(t)
	if m.cfg.LongStep > 0 && m.cfg.Note != nil && th != nil {
		th.longAt, th.longEvent, th.longTask = t.Steps()+m.cfg.LongStep, m.nEvents-1, tk.id
	}
	result, st, err := tk.coro.Resume(t, py.None, exc)
	if th != nil {
		th.longAt = 0
	}
	switch st {
	case py.CoroReturned:
		if tk.mustCancel {
			tk.mustCancel = false
			tk.emitDone(trace.OutcomeCancelled, "")
			tk.baseCancel(tk.cancelMsg)
		} else {
			if m.tr != nil {
				s, _ := py.Repr(nil, result)
				tk.emitDone(trace.OutcomeResult, s)
			}
			_ = tk.Future.SetResult(result)
		}
	case py.CoroRaised:
		e, ok := err.(*py.Exception)
		if !ok {
			l.current = nil
			return err // a run-stopping error
		}
		switch {
		case e.Class.IsSubtypeOf(CancelledErrorType):
			tk.cancelledExc = e
			tk.emitDone(trace.OutcomeCancelled, e.Error())
			tk.baseCancel(nil)
		case e.Class.IsSubtypeOf(py.KeyboardInterruptType) || e.Class.IsSubtypeOf(py.SystemExitType):
			tk.emitDone(trace.OutcomeException, e.Error())
			_ = tk.Future.SetException(e)
			l.current = nil
			return e
		default:
			tk.emitDone(trace.OutcomeException, e.Error())
			_ = tk.Future.SetException(e)
		}
	case py.CoroYielded:
		tk.yielded(result)
	}
	l.current = nil
	if tk.state != statePending {
		l.liveTasks--
	}
	return nil
}

func (tk *Task) emitDone(how trace.Outcome, label string) {
	if m := tk.loop.m; m.tr != nil {
		m.Emit(trace.Event{Kind: trace.TaskDone, Concept: trace.ConceptTask, ID: tk.id, Outcome: how, Label: label})
	}
}

// makeCancelledErrorTask is the task's _make_cancelled_error for a
// pending cancel request (_cancel_message).
func (tk *Task) makeCancelledErrorTask() *py.Exception {
	if tk.cancelMsg == nil {
		return py.NewException(CancelledErrorType)
	}
	return py.NewException(CancelledErrorType, tk.cancelMsg)
}

// yielded handles what the coroutine yielded at the end of a step.
func (tk *Task) yielded(result py.Value) {
	l := tk.loop
	m := l.m
	if result == py.None || result == nil {
		// A bare yield (sleep(0)) gives up one loop iteration.
		if m.tr != nil {
			m.Emit(trace.Event{Kind: trace.TaskSuspend, Concept: trace.ConceptSleep, ID: tk.id, Text: "sleep(0)", Label: tk.stack()})
		}
		l.callSoonStep(tk, nil)
		return
	}
	f := futureOf(result)
	if f == nil {
		s, _ := py.Repr(nil, result)
		l.callSoonStep(tk, py.Errorf(py.RuntimeErrorType, "Task got bad yield: %s", s))
		return
	}
	if f.loop != l {
		l.callSoonStep(tk, py.Errorf(py.RuntimeErrorType, "Task %s got Future %s attached to a different loop", tk.repr(), f.reprString()))
		return
	}
	if !f.blocking {
		l.callSoonStep(tk, py.Errorf(py.RuntimeErrorType, "yield was used instead of yield from in task %s with %s", tk.repr(), f.reprString()))
		return
	}
	if f == &tk.Future {
		l.callSoonStep(tk, py.Errorf(py.RuntimeErrorType, "Task cannot await on itself: %s", tk.repr()))
		return
	}
	f.blocking = false
	if m.tr != nil {
		c := f.concept
		if c == trace.NoConcept {
			c = trace.ConceptAwait
		}
		m.Emit(trace.Event{Kind: trace.TaskSuspend, Concept: c, ID: tk.id, Ref: f.id, Text: f.Label(), Label: tk.stack()})
	}
	m.noteSuspend(tk)
	f.addCallback(callback{task: tk})
	tk.futWaiter = f
	if tk.mustCancel {
		if f.Cancel(tk.cancelMsg) {
			tk.mustCancel = false
		}
	}
}

// stack is the suspended coroutine's await chain for the trace, outermost
// first, as "function:line" joined by ";" ("main:30;fetch:18"): what
// CPython 3.14's asyncio.print_call_graph prints for a task.
func (tk *Task) stack() string {
	g, ok := tk.coro.(interface{ Stack() []py.TracebackEntry })
	if !ok {
		return ""
	}
	var b []byte
	for i, e := range g.Stack() {
		if i > 0 {
			b = append(b, ';')
		}
		b = strconv.AppendInt(append(append(b, e.Function...), ':'), int64(e.Line), 10)
	}
	return string(b)
}

// wakeup is Task.__wakeup(future).
func (tk *Task) wakeup(t *py.Thread, f *Future) error {
	_, e := f.Result()
	return tk.step(t, e)
}

func (f *Future) reprString() string {
	s, _ := py.Repr(nil, f.value())
	return s
}

// Repr implements py.Reprer: <Task pending name='Task-1' coro=<main() running at scene.py:3>>.
func (tk *Task) Repr(t *py.Thread) (string, error) { return tk.repr(), nil }

func (tk *Task) repr() string {
	if tk.inRepr {
		return "..."
	}
	tk.inRepr = true
	defer func() { tk.inRepr = false }()
	var b strings.Builder
	b.WriteString("<Task ")
	if tk.mustCancel && tk.state == statePending {
		b.WriteString("cancelling")
	} else {
		b.WriteString(strings.ToLower(stateNames[tk.state]))
	}
	b.WriteString(" name=")
	b.WriteString(py.StrRepr(tk.nameString()))
	b.WriteString(" coro=<")
	b.WriteString(tk.coro.QualName())
	b.WriteString("() ")
	line, _ := tk.coro.Where()
	file := tk.loop.m.cfg.Filename
	if tk.coro.Done() {
		if d, ok := tk.coro.(interface{ FirstLine() int }); ok {
			line = d.FirstLine()
		}
		b.WriteString("done, defined at " + file + ":" + strconv.Itoa(line))
	} else {
		b.WriteString("running at " + file + ":" + strconv.Itoa(line))
	}
	b.WriteByte('>')
	if tk.state == stateFinished {
		if tk.exc != nil {
			b.WriteString(" exception=" + tk.exc.ReprString())
		} else {
			s, _ := py.Repr(nil, tk.result)
			b.WriteString(" result=" + s)
		}
	}
	if tk.futWaiter != nil && tk.state == statePending {
		b.WriteString(" wait_for=" + tk.futWaiter.reprString())
	}
	if n := len(tk.callbacks); n > 0 && tk.state == statePending {
		var cb strings.Builder
		tk.Future.reprInfo(&cb)
		s := cb.String()
		if i := strings.Index(s, " cb=["); i >= 0 {
			b.WriteString(s[i:])
		}
	}
	b.WriteByte('>')
	return b.String()
}

// Attr implements py.HasAttrs: the Future methods and Task's own.
func (tk *Task) Attr(t *py.Thread, name string) (py.Value, error) {
	if fn, ok := taskMethods[name]; ok {
		return &py.Builtin{Name: name, Recv: tk, Fn: fn}, nil
	}
	return futureAttr(&tk.Future, tk, name)
}

func (tk *Task) methodOwner() string { return "Task" }

var taskMethods map[string]py.BuiltinFunc

func init() {
	taskMethods = map[string]py.BuiltinFunc{
		"get_name": func(t *py.Thread, recv py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			return recv.(*Task).Name(), noArgs("get_name", args, kw)
		},
		"set_name": func(t *py.Thread, recv py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := parseArgs("set_name", args, kw, []string{"value"}, 1)
			if err != nil {
				return nil, err
			}
			recv.(*Task).SetName(t, a[0])
			return py.None, nil
		},
		"get_coro": func(t *py.Thread, recv py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			return recv.(*Task).coro, noArgs("get_coro", args, kw)
		},
		"cancel": func(t *py.Thread, recv py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := parseArgs("cancel", args, kw, []string{"msg"}, 0)
			if err != nil {
				return nil, err
			}
			return py.Bool(recv.(*Task).Cancel(noneToNil(a[0]))), nil
		},
		"cancelling": func(t *py.Thread, recv py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			return py.Int(recv.(*Task).Cancelling()), noArgs("cancelling", args, kw)
		},
		"uncancel": func(t *py.Thread, recv py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			return py.Int(recv.(*Task).Uncancel()), noArgs("uncancel", args, kw)
		},
	}
}

// SetName is set_name(value): str(value) becomes the name.
func (tk *Task) SetName(t *py.Thread, v py.Value) {
	if _, ok := v.(py.Str); !ok {
		s, _ := py.ToStr(t, v)
		v = py.Str(s)
	}
	tk.name = v
	tk.stepLabel, tk.wakeLabel = "", ""
	if m := tk.loop.m; m.tr != nil {
		m.Emit(trace.Event{Kind: trace.TaskRename, Concept: trace.ConceptTask, ID: tk.id, Text: tk.nameString()})
	}
}

package asyncio

import (
	"strings"

	"loopscope/scenes/python/py"
	"loopscope/scenes/trace"
)

// handleOp is what a Handle calls. The common callbacks are small structs
// rather than closures: a task's __step, its __wakeup, a future's done
// callback.
type handleOp uint8

const (
	opPy        handleOp = iota // fn(*args): a Python callable
	opGo                        // gofn()
	opStep                      // task.__step(exc)
	opWakeup                    // task.__wakeup(fut)
	opFutPy                     // fn(fut): a Python done callback
	opFutGo                     // gofut(fut): a Go done callback
	opReadSelf                  // the loop's self-pipe reader (_read_from_self)
	opSetResult                 // futures._set_result_unless_cancelled(fut, fn)
)

// Handle is a callback scheduled on the loop: asyncio.Handle from
// call_soon, or asyncio.TimerHandle (Timer true) from call_later and
// call_at.
type Handle struct {
	id        int32
	loop      *Loop
	op        handleOp
	cancelled bool
	ran       bool // it has run (a later cancel changes nothing visible)
	timer     bool
	scheduled bool // a timer still in the TimerHeap
	index     int  // position in the TimerHeap
	when      float64
	seq       uint64
	task      *Task
	fut       *Future
	exc       *py.Exception
	fn        py.Value
	args      []py.Value
	gofn      func()
	gofut     func(*Future)
	name      string // what it calls, for Go callbacks and labels
}

// HandleType and TimerHandleType are the Python types of handles.
var (
	HandleType      = &py.Type{Name: "Handle", Module: "asyncio.events", Base: py.ObjectType}
	TimerHandleType = &py.Type{Name: "TimerHandle", Module: "asyncio.events", Base: HandleType}
)

// Type returns HandleType or TimerHandleType.
func (h *Handle) Type() *py.Type {
	if h.timer {
		return TimerHandleType
	}
	return HandleType
}

// ID returns the handle's object id.
func (h *Handle) ID() int32 { return h.id }

// Cancelled reports whether the handle was cancelled.
func (h *Handle) Cancelled() bool { return h.cancelled }

// When returns a timer's deadline.
func (h *Handle) When() float64 { return h.when }

// Cancel cancels the handle: a queued handle is skipped, a timer is
// counted for the loop's cleanup of cancelled timers.
func (h *Handle) Cancel() {
	if h.cancelled {
		return
	}
	if h.timer && h.scheduled {
		h.loop.timerCancelledCount++
	}
	h.cancelled = true
	m := h.loop.m
	if m.tr != nil && !h.ran {
		k := trace.HandleCancel
		c := trace.ConceptReadyQueue
		if h.timer && h.scheduled {
			k, c = trace.TimerCancel, trace.ConceptTimer
		}
		m.Emit(trace.Event{Kind: k, Concept: c, ID: h.id, Ref: h.ref()})
	}
	// Drop references, as Handle.cancel does (args = None).
	h.fn, h.args, h.gofn, h.gofut = nil, nil, nil, nil
}

// ref is the object the handle serves, for the trace.
func (h *Handle) ref() int32 {
	switch {
	case h.task != nil:
		return h.task.id
	case h.fut != nil:
		return h.fut.id
	}
	return 0
}

// label is what the handle calls, as a learner reads it.
func (h *Handle) label() string {
	switch h.op {
	case opStep:
		return h.task.labelStep()
	case opWakeup:
		return h.task.labelWakeup()
	case opReadSelf:
		return "loop._read_from_self"
	case opSetResult:
		return "futures._set_result_unless_cancelled"
	case opPy, opFutPy:
		return callableName(h.fn)
	}
	if h.name != "" {
		return h.name
	}
	return "callback"
}

// callableName is a callable's __qualname__ as reprs show it.
func callableName(fn py.Value) string {
	switch f := fn.(type) {
	case *py.Function:
		return f.QualName
	case *py.Builtin:
		if b, ok := f.Recv.(interface{ methodOwner() string }); ok {
			return b.methodOwner() + "." + f.Name
		}
		if f.Recv != nil && !strings.Contains(f.Name, ".") {
			return f.Recv.Type().Name + "." + f.Name
		}
		return f.Name
	case *py.BoundMethod:
		return callableName(f.Fn)
	case nil:
		return "None"
	}
	if _, ok := fn.(*py.Instance); ok || !py.IsCallable(fn) {
		// No __qualname__ or __name__: _format_callback uses repr.
		return reprOf(fn)
	}
	return fn.Type().Name
}

// run calls the handle's callback. A Python exception is logged as
// CPython's default exception handler does (stderr); only a run-stopping
// error is returned.
func (h *Handle) run(t *py.Thread) error {
	h.ran = true
	var err error
	switch h.op {
	case opStep:
		err = h.task.step(t, h.exc)
	case opWakeup:
		err = h.task.wakeup(t, h.fut)
	case opFutGo:
		h.gofut(h.fut)
	case opGo:
		h.gofn()
	case opFutPy:
		_, err = t.Call(h.fn, []py.Value{h.fut.value()}, nil)
	case opPy:
		_, err = t.Call(h.fn, h.args, nil)
	case opReadSelf:
		h.loop.pipeData = false
	case opSetResult:
		if !h.fut.Cancelled() {
			err = h.fut.SetResult(h.fn)
		}
	}
	if err == nil {
		return nil
	}
	e, ok := err.(*py.Exception)
	if !ok {
		return err
	}
	if e.Class.IsSubtypeOf(py.SystemExitType) || e.Class.IsSubtypeOf(py.KeyboardInterruptType) {
		return err
	}
	if h.op == opPy || h.op == opFutPy {
		// CPython's traceback starts in Handle._run, which called it.
		e.AddCaller(py.TracebackEntry{File: StdlibDir + "/asyncio/events.py", Line: handleRunLine, Function: "_run"})
	}
	src := h.source()
	h.loop.m.LogError("Exception in callback "+src+"\nhandle: "+h.repr(), e)
	return nil
}

// Repr implements py.Reprer: <Handle print()>, <TimerHandle when=1 f()>.
func (h *Handle) Repr(t *py.Thread) (string, error) { return h.repr(), nil }

func (h *Handle) repr() string {
	var b strings.Builder
	b.WriteByte('<')
	b.WriteString(h.Type().Name)
	if h.cancelled {
		b.WriteString(" cancelled")
	}
	if h.timer {
		b.WriteString(" when=")
		b.WriteString(py.FloatRepr(h.when))
	}
	if !h.cancelled && !(h.op == opPy && h.fn == py.None) {
		b.WriteByte(' ')
		b.WriteString(h.source())
	}
	b.WriteByte('>')
	return b.String()
}

// source is format_helpers._format_callback_source: the callback's
// qualified name, its arguments (reprlib-shortened), and where a Python
// function was defined.
func (h *Handle) source() string {
	var fn py.Value
	var args []py.Value
	switch h.op {
	case opPy:
		fn, args = h.fn, h.args
	case opFutPy:
		fn, args = h.fn, []py.Value{h.fut.value()}
	case opFutGo, opWakeup:
		args = []py.Value{h.fut.value()}
	case opStep:
		if h.exc != nil {
			args = []py.Value{h.exc}
		}
	case opSetResult:
		args = []py.Value{h.fut.value(), h.fn}
	}
	var b strings.Builder
	var kw []py.Kwarg
	suffix := ""
	label := h.label()
	if p, ok := fn.(partial); ok && (h.op == opPy || h.op == opFutPy) {
		// _format_callback unwraps functools.partial: f(1, x=2)(3)
		for ok {
			suffix = formatArgs(args, kw) + suffix
			fn, args, kw = p.Parts()
			p, ok = fn.(partial)
		}
		label = callableName(fn)
	}
	b.WriteString(label)
	b.WriteString(formatArgs(args, kw))
	b.WriteString(suffix)
	if f, ok := fn.(*py.Function); ok && f.Code != nil {
		b.WriteString(" at " + f.Code.File + ":" + itoa(f.Code.FirstLine))
	}
	return b.String()
}

// partial is a functools.partial, which format_helpers unwraps.
type partial interface {
	Parts() (fn py.Value, args py.Tuple, kw []py.Kwarg)
}

// formatArgs is format_helpers._format_args_and_kwargs: (1, 'a', x=2)
// with reprlib's shortening.
func formatArgs(args []py.Value, kw []py.Kwarg) string {
	var b strings.Builder
	b.WriteByte('(')
	for i, a := range args {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(reprlibRepr(a))
	}
	for i, k := range kw {
		if i > 0 || len(args) > 0 {
			b.WriteString(", ")
		}
		b.WriteString(k.Name + "=" + reprlibRepr(k.Value))
	}
	b.WriteByte(')')
	return b.String()
}

// reprlibRepr is reprlib.repr: strings past 30 characters, ints past 40
// digits and other reprs past 30 characters are cut in the middle.
func reprlibRepr(v py.Value) string {
	switch x := v.(type) {
	case py.Str:
		s := py.StrRepr(string(x))
		if len([]rune(string(x))) <= 30 && len([]rune(s)) <= 30 {
			return s
		}
		r := []rune(string(x))
		if len(r) > 30 {
			r = r[:30]
		}
		s = py.StrRepr(string(r))
		if len([]rune(s)) > 30 {
			i := (30 - 3) / 2
			j := 30 - 3 - i
			all := []rune(string(x))
			s = py.StrRepr(string(all[:i]) + string(all[len(all)-j:]))
			rs := []rune(s)
			s = string(rs[:i]) + "..." + string(rs[len(rs)-j:])
		}
		return s
	case *py.List, py.Tuple, *py.Dict, *py.Set:
		s, _ := py.Repr(nil, v)
		return s
	}
	s, _ := py.Repr(nil, v)
	limit := 30
	if _, ok := v.(py.Int); ok {
		limit = 40
	}
	if r := []rune(s); len(r) > limit {
		i := (limit - 3) / 2
		j := limit - 3 - i
		s = string(r[:i]) + "..." + string(r[len(r)-j:])
	}
	return s
}

func (h *Handle) methodOwner() string { return h.Type().Name }

// Attr implements py.HasAttrs: cancel, cancelled, when.
func (h *Handle) Attr(t *py.Thread, name string) (py.Value, error) {
	switch name {
	case "cancel":
		return method(h, "cancel", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			h.Cancel()
			return py.None, nil
		}), nil
	case "cancelled":
		return method(h, "cancelled", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			return py.Bool(h.cancelled), nil
		}), nil
	case "when":
		if h.timer {
			return method(h, "when", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
				return py.Float(h.when), nil
			}), nil
		}
	}
	return nil, nil
}

// method returns a builtin method bound to recv.
func method(recv py.Value, name string, fn func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error)) *py.Builtin {
	return &py.Builtin{Name: name, Recv: recv, Fn: func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
		return fn(t, args, kw)
	}}
}

// ReadyQueue is the loop's _ready deque: a ring buffer of handles.
type ReadyQueue struct {
	buf  []*Handle
	head int
	n    int
}

// Len returns the number of queued handles.
func (q *ReadyQueue) Len() int { return q.n }

// Push appends h at the tail.
func (q *ReadyQueue) Push(h *Handle) {
	if q.n == len(q.buf) {
		size := 2 * len(q.buf)
		if size == 0 {
			size = 64
		}
		nb := make([]*Handle, size)
		k := copy(nb, q.buf[q.head:])
		copy(nb[k:], q.buf[:q.head])
		q.buf = nb
		q.head = 0
	}
	q.buf[(q.head+q.n)&(len(q.buf)-1)] = h
	q.n++
}

// Pop removes and returns the head.
func (q *ReadyQueue) Pop() *Handle {
	h := q.buf[q.head]
	q.buf[q.head] = nil
	q.head = (q.head + 1) & (len(q.buf) - 1)
	q.n--
	return h
}

// At returns the i-th queued handle from the head.
func (q *ReadyQueue) At(i int) *Handle { return q.buf[(q.head+i)&(len(q.buf)-1)] }

// TimerHeap is the loop's _scheduled heap, ordered by (when, creation
// order) so that timers due at the same instant fire in the order they were
// armed.
type TimerHeap []*Handle

// Len implements heap.Interface.
func (th TimerHeap) Len() int { return len(th) }

// Less implements heap.Interface.
func (th TimerHeap) Less(i, j int) bool {
	a, b := th[i], th[j]
	if a.when != b.when {
		return a.when < b.when
	}
	return a.seq < b.seq
}

// Swap implements heap.Interface.
func (th TimerHeap) Swap(i, j int) {
	th[i], th[j] = th[j], th[i]
	th[i].index = i
	th[j].index = j
}

// Push implements heap.Interface.
func (th *TimerHeap) Push(x any) {
	h := x.(*Handle)
	h.index = len(*th)
	*th = append(*th, h)
}

// Pop implements heap.Interface.
func (th *TimerHeap) Pop() any {
	old := *th
	n := len(old) - 1
	h := old[n]
	old[n] = nil
	*th = old[:n]
	return h
}

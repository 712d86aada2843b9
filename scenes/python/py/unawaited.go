package py

// NeverAwaited describes a coroutine object that was dropped before it ever
// ran: CPython destroys it when its last reference goes away and warns
// "RuntimeWarning: coroutine 'f' was never awaited", naming the line of the
// Python frame that was running at that moment.
type NeverAwaited struct {
	QualName string // the coroutine's __qualname__
	// Line is the scene line CPython's warning names: the line of the
	// statement that dropped the coroutine, or of the call whose frame
	// ended with the coroutine in a local variable.
	Line int
	// Outside is set when no frame of the scene was running: the frame
	// that ended was the first one of a call from outside the scene (a
	// task's step, a callback of the loop), whose caller is the host's.
	Outside bool
}

// NeverAwaitedReporter is implemented by a host that writes CPython's
// never-awaited warnings (on stderr, at most once per line and name).
type NeverAwaitedReporter interface {
	NeverAwaited(t *Thread, w NeverAwaited)
}

// unstartedCoroutine returns v's name if v is a coroutine object that has
// not started (a Python `async def` call's, or a native one), else "".
func unstartedCoroutine(v Value) string {
	switch c := v.(type) {
	case *Generator:
		if c.fn.Code.Coroutine && !c.fn.Code.Generator && !c.started {
			return c.fn.Code.QualName
		}
	case Coroutine:
		if c.Type() == CoroutineType && !c.Started() && !c.Done() {
			return c.QualName()
		}
	}
	return ""
}

// dropped tells the host that v lost what was taken for its last
// reference, at line (0 with outside: no frame of the scene running).
func (t *Thread) dropped(v Value, line int, outside bool) {
	if v == nil {
		return
	}
	name := unstartedCoroutine(v)
	if name == "" {
		return
	}
	if r, ok := t.Host.(NeverAwaitedReporter); ok {
		r.NeverAwaited(t, NeverAwaited{QualName: name, Line: line, Outside: outside})
	}
	// Its frame dies with it: the arguments it was given too.
	switch c := v.(type) {
	case *Generator:
		if c.frame != nil {
			for _, a := range c.frame.locals {
				t.dropped(a, line, outside)
			}
		}
	case ArgsHolder:
		for _, a := range c.HeldArgs() {
			t.dropped(a, line, outside)
		}
	}
}

// ArgsHolder is implemented by a native coroutine that keeps the values it
// was called with until it runs (asyncio.wait_for's awaitable): dropped
// unstarted, they die with it, as a Python coroutine's arguments do.
type ArgsHolder interface {
	HeldArgs() []Value
}

// dropLocals is the end of frame f, whose write-only locals die with it;
// back is the frame that continues (nil: the caller is outside the scene).
func (t *Thread) dropLocals(f, back *Frame) {
	line := 0
	if back != nil {
		line = back.Line()
	}
	for i, wo := range f.code.WriteOnly {
		if wo && i < len(f.locals) {
			t.dropped(f.locals[i], line, back == nil)
		}
	}
}

package asyncio

import (
	"loopscope/scenes/python/py"
	"loopscope/scenes/trace"
)

// coroBase is what every native coroutine shares: its name and whether it
// has started and finished.
type coroBase struct {
	qual    string
	started bool
	done    bool
	args    []py.Value // what it was called with and keeps until it runs (py.ArgsHolder)
}

// HeldArgs implements py.ArgsHolder.
func (c *coroBase) HeldArgs() []py.Value { return c.args }

func (c *coroBase) Type() *py.Type           { return py.CoroutineType }
func (c *coroBase) Close(t *py.Thread) error { c.done = true; return nil }
func (c *coroBase) QualName() string         { return c.qual }
func (c *coroBase) Where() (int, int)        { return 0, 0 }
func (c *coroBase) Started() bool            { return c.started }
func (c *coroBase) Done() bool               { return c.done }

// Repr implements py.Reprer: <coroutine object sleep>.
func (c *coroBase) Repr(t *py.Thread) (string, error) {
	return "<coroutine object " + c.qual + ">", nil
}

var errReused = py.NewException(py.RuntimeErrorType, py.Str("cannot reuse already awaited coroutine"))

// stepFunc is one step of a native coroutine written as a state machine:
// pc is where it is suspended (0 before it starts).
type stepFunc func(t *py.Thread, pc int, send py.Value, throw *py.Exception) (next int, v py.Value, st py.CoroState, err error)

// goCoro is a coroutine written in Go: each await of the Python source it
// ports is one state of step.
type goCoro struct {
	coroBase
	step stepFunc
	pc   int
}

func newGoCoro(qual string, step stepFunc) *goCoro {
	return &goCoro{coroBase: coroBase{qual: qual}, step: step}
}

// Resume implements py.Coroutine.
func (c *goCoro) Resume(t *py.Thread, send py.Value, throw *py.Exception) (py.Value, py.CoroState, error) {
	if c.done {
		return nil, py.CoroRaised, py.NewException(py.RuntimeErrorType, py.Str("cannot reuse already awaited coroutine"))
	}
	c.started = true
	next, v, st, err := c.step(t, c.pc, send, throw)
	c.pc = next
	if st != py.CoroYielded {
		c.done = true
	}
	return v, st, err
}

// yieldFuture suspends on f (the await of a pending future).
func yieldFuture(f *Future) (py.Value, py.CoroState, error) {
	f.blocking = true
	return f.value(), py.CoroYielded, nil
}

// raised ends a coroutine with exception e.
func raised(e error) (py.Value, py.CoroState, error) { return nil, py.CoroRaised, e }

// returned ends a coroutine with value v.
func returned(v py.Value) (py.Value, py.CoroState, error) { return v, py.CoroReturned, nil }

// futureResult ends a coroutine with f.result().
func futureResult(f *Future) (py.Value, py.CoroState, error) {
	v, e := f.Result()
	if e != nil {
		return raised(e)
	}
	return returned(v)
}

// immediate is an `async def` whose body never awaits: it runs fn when it
// is first resumed.
func immediate(qual string, fn func(t *py.Thread) (py.Value, error)) *goCoro {
	return newGoCoro(qual, func(t *py.Thread, pc int, send py.Value, throw *py.Exception) (int, py.Value, py.CoroState, error) {
		if throw != nil {
			return 0, nil, py.CoroRaised, throw
		}
		v, err := fn(t)
		if err != nil {
			return 0, nil, py.CoroRaised, err
		}
		return 0, v, py.CoroReturned, nil
	})
}

// sleepCoro is asyncio.sleep(delay, result): a future resolved by a timer
// (futures._set_result_unless_cancelled), or a bare yield for delay <= 0.
type sleepCoro struct {
	coroBase
	delay  float64
	arg    py.Value
	result py.Value
	fut    *Future
	timer  *Handle
}

// Resume implements py.Coroutine.
func (c *sleepCoro) Resume(t *py.Thread, send py.Value, throw *py.Exception) (py.Value, py.CoroState, error) {
	if c.done {
		return nil, py.CoroRaised, errReused
	}
	if !c.started {
		c.started = true
		if throw != nil {
			c.done = true
			return raised(throw)
		}
		if c.delay <= 0 {
			// __sleep0: a bare yield.
			return py.None, py.CoroYielded, nil
		}
		l, err := getRunningLoop(t)
		if err != nil {
			c.done = true
			return raised(err)
		}
		c.fut = l.NewFuture("sleep", c.arg, trace.ConceptSleep)
		c.timer = l.callAt(l.m.now+c.delay, &Handle{op: opSetResult, fut: c.fut, fn: c.result})
		return yieldFuture(c.fut)
	}
	c.done = true
	if c.fut == nil {
		if throw != nil {
			return raised(throw)
		}
		return returned(c.result)
	}
	c.timer.Cancel()
	if throw != nil {
		return raised(throw)
	}
	if !c.fut.Done() {
		return raised(py.NewException(py.RuntimeErrorType, py.Str("await wasn't used with future")))
	}
	return futureResult(c.fut)
}

// toCoroutine returns what `await v` iterates: a coroutine itself, or an
// awaitable's __await__ iterator.
func toCoroutine(t *py.Thread, v py.Value) (py.Coroutine, error) {
	switch x := v.(type) {
	case py.Coroutine:
		return x, nil
	case py.Awaitable:
		return x.AwaitIter(t)
	}
	return nil, py.Errorf(py.TypeErrorType, "object %s can't be used in 'await' expression", v.Type().Name)
}

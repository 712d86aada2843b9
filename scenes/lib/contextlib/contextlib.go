// Package contextlib is Python's contextlib module for scenes:
// contextmanager and asynccontextmanager (context managers written as
// generators, with exceptions thrown into them as CPython's
// _GeneratorContextManager does), suppress, nullcontext, closing,
// aclosing, ExitStack and AsyncExitStack.
package contextlib

import (
	"loopscope/scenes/lib/internal/args"
	"loopscope/scenes/python/modules"
	"loopscope/scenes/python/py"
)

// Spec is the module's entry in the registry.
var Spec = &modules.Spec{
	Name: "contextlib",
	Doc:  "Context managers: written as generators, ignoring exceptions, doing nothing, and stacks of them entered one by one.",
	Members: []modules.Member{
		{Name: "AsyncExitStack", Doc: "A stack of context managers and callbacks, sync and async, left in reverse order by async with or aclose()."},
		{Name: "ExitStack", Doc: "A stack of context managers and callbacks, left in reverse order by with or close()."},
		{Name: "aclosing", Doc: "An async context manager that awaits thing.aclose() at the end."},
		{Name: "asynccontextmanager", Doc: "Make an async context manager of an async generator function: the code before its yield enters, after it exits."},
		{Name: "closing", Doc: "A context manager that calls thing.close() at the end."},
		{Name: "contextmanager", Doc: "Make a context manager of a generator function: the code before its yield enters, after it exits."},
		{Name: "nullcontext", Doc: "A context manager (sync and async) that does nothing and gives enter_result."},
		{Name: "suppress", Doc: "A context manager that ignores the given exceptions."},
	},
}

func init() {
	py.RegisterModule(Spec, func(py.Host) (py.Value, error) { return New(), nil })
}

// New returns a fresh contextlib module.
func New() *py.Module {
	return py.NewModule("contextlib", map[string]py.Value{
		"AsyncExitStack":      AsyncExitStackType,
		"ExitStack":           ExitStackType,
		"aclosing":            aclosingType,
		"asynccontextmanager": py.NewBuiltin("asynccontextmanager", asyncContextManager),
		"closing":             closingType,
		"contextmanager":      py.NewBuiltin("contextmanager", contextManager),
		"nullcontext":         nullContextType,
		"suppress":            suppressType,
	})
}

func newType(name string) *py.Type {
	return &py.Type{Name: name, Module: "contextlib", Base: py.ObjectType}
}

// asException returns err as a Python exception, or nil for a
// run-stopping error (which no Python code may catch).
func asException(err error) *py.Exception {
	e, _ := err.(*py.Exception)
	return e
}

// noneCoro is an awaitable that finishes at once with a value (the
// coroutine of an async method that never awaits).
type noneCoro struct {
	v    py.Value
	done bool
}

func (c *noneCoro) Type() *py.Type { return py.CoroutineType }

func (c *noneCoro) Resume(t *py.Thread, send py.Value, throw *py.Exception) (py.Value, py.CoroState, error) {
	if c.done {
		return nil, py.CoroRaised, py.Errorf(py.RuntimeErrorType, "cannot reuse already awaited coroutine")
	}
	c.done = true
	if throw != nil {
		return nil, py.CoroRaised, throw
	}
	return c.v, py.CoroReturned, nil
}

func (c *noneCoro) Close(t *py.Thread) error { c.done = true; return nil }
func (c *noneCoro) QualName() string         { return "__aenter__" }
func (c *noneCoro) Where() (int, int)        { return 0, 0 }
func (c *noneCoro) Started() bool            { return c.done }
func (c *noneCoro) Done() bool               { return c.done }

// awaitable returns the coroutine that awaiting v runs.
func awaitable(t *py.Thread, v py.Value) (py.Coroutine, error) {
	switch a := v.(type) {
	case py.Coroutine:
		return a, nil
	case py.Awaitable:
		return a.AwaitIter(t)
	}
	return nil, py.Errorf(py.TypeErrorType, "object %s can't be used in 'await' expression", v.Type().Name)
}

// thenCoro awaits inner, then maps its outcome with finish (which may
// await more by returning a next coroutine).
type thenCoro struct {
	inner  py.Coroutine
	finish func(t *py.Thread, v py.Value, err error) (next py.Coroutine, result py.Value, ferr error)
	qual   string
	done   bool
}

func (c *thenCoro) Type() *py.Type { return py.CoroutineType }

func (c *thenCoro) Resume(t *py.Thread, send py.Value, throw *py.Exception) (py.Value, py.CoroState, error) {
	if c.done {
		return nil, py.CoroRaised, py.Errorf(py.RuntimeErrorType, "cannot reuse already awaited coroutine")
	}
	for {
		v, st, err := c.inner.Resume(t, send, throw)
		if st == py.CoroYielded {
			return v, st, nil
		}
		if st == py.CoroRaised && asException(err) == nil {
			c.done = true
			return nil, py.CoroRaised, err
		}
		next, result, ferr := c.finish(t, v, err)
		if next != nil {
			c.inner, send, throw = next, py.None, nil
			continue
		}
		c.done = true
		if ferr != nil {
			return nil, py.CoroRaised, ferr
		}
		if result == nil {
			result = py.None
		}
		return result, py.CoroReturned, nil
	}
}

func (c *thenCoro) Close(t *py.Thread) error {
	c.done = true
	return c.inner.Close(t)
}
func (c *thenCoro) QualName() string  { return c.qual }
func (c *thenCoro) Where() (int, int) { return c.inner.Where() }
func (c *thenCoro) Started() bool     { return c.inner.Started() }
func (c *thenCoro) Done() bool        { return c.done }

// generator checks that calling a contextmanager's function gave a
// generator of the right kind.
func generator(v py.Value, async bool) (*py.Generator, error) {
	g, ok := v.(*py.Generator)
	if async {
		if !ok || !g.IsAsyncGenerator() {
			return nil, py.Errorf(py.TypeErrorType, "'%s' object is not an async iterator", v.Type().Name)
		}
		return g, nil
	}
	if !ok || g.IsCoroutine() {
		return nil, py.Errorf(py.TypeErrorType, "'%s' object is not an iterator", v.Type().Name)
	}
	return g, nil
}

// factory is the function contextmanager returns: calling it makes a
// context manager of the generator the decorated function returns.
type factory struct {
	fn    py.Value
	async bool
}

var factoryType = &py.Type{Name: "function", Module: "builtins", Base: py.ObjectType}

func (f *factory) Type() *py.Type { return factoryType }

func (f *factory) Call(t *py.Thread, a []py.Value, kw []py.Kwarg) (py.Value, error) {
	v, err := t.Call(f.fn, a, kw)
	if err != nil {
		return nil, err
	}
	g, err := generator(v, f.async)
	if err != nil {
		return nil, err
	}
	if f.async {
		return &AsyncGeneratorContextManager{gen: g}, nil
	}
	return &GeneratorContextManager{gen: g}, nil
}

// Attr returns the decorated function's name, qualified name and doc, and
// __wrapped__ (contextmanager applies functools.wraps).
func (f *factory) Attr(t *py.Thread, name string) (py.Value, error) {
	switch name {
	case "__wrapped__":
		return f.fn, nil
	case "__name__", "__qualname__", "__doc__", "__module__":
		return py.GetAttr(t, f.fn, name)
	}
	return nil, nil
}

// Repr is the decorated function's.
func (f *factory) Repr(t *py.Thread) (string, error) { return py.Repr(t, f.fn) }

func contextManager(t *py.Thread, _ py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
	p, err := args.Parse("contextmanager", a, kw, []string{"func"}, 1)
	if err != nil {
		return nil, err
	}
	return &factory{fn: p[0]}, nil
}

func asyncContextManager(t *py.Thread, _ py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
	p, err := args.Parse("asynccontextmanager", a, kw, []string{"func"}, 1)
	if err != nil {
		return nil, err
	}
	return &factory{fn: p[0], async: true}, nil
}

var (
	generatorCMType      = newType("_GeneratorContextManager")
	asyncGeneratorCMType = newType("_AsyncGeneratorContextManager")
)

// GeneratorContextManager is what a @contextmanager function returns: the
// generator runs to its yield on enter, and on exit to its end, with the
// with block's exception thrown in at the yield.
type GeneratorContextManager struct {
	gen *py.Generator
}

// Type returns contextlib._GeneratorContextManager.
func (m *GeneratorContextManager) Type() *py.Type { return generatorCMType }

// Enter runs the generator to its yield and returns what it yielded.
func (m *GeneratorContextManager) Enter(t *py.Thread) (py.Value, error) {
	v, st, err := m.gen.Resume(t, py.None, nil)
	switch st {
	case py.CoroYielded:
		return v, nil
	case py.CoroReturned:
		e := py.Errorf(py.RuntimeErrorType, "generator didn't yield")
		e.SuppressContext = true
		return nil, e
	}
	return nil, err
}

// Exit resumes the generator (throwing exc in at its yield) and decides,
// as _GeneratorContextManager.__exit__ does, whether exc is suppressed.
func (m *GeneratorContextManager) Exit(t *py.Thread, exc *py.Exception) (bool, error) {
	if exc == nil {
		_, st, err := m.gen.Resume(t, py.None, nil)
		switch st {
		case py.CoroYielded:
			return false, py.Errorf(py.RuntimeErrorType, "generator didn't stop")
		case py.CoroReturned:
			return false, nil
		}
		return false, err
	}
	restore := exc.KeepTraceback()
	_, st, err := m.gen.Resume(t, py.None, exc)
	switch st {
	case py.CoroYielded:
		return false, py.Errorf(py.RuntimeErrorType, "generator didn't stop after throw()")
	case py.CoroReturned:
		// StopIteration: the generator caught the exception
		return true, nil
	}
	return thrownOutcome(err, exc, restore, py.StopIterationType)
}

// thrownOutcome is the common end of __exit__ and __aexit__ after the
// exception was thrown into the generator and something came out: the
// same exception (not suppressed, its traceback as before), or a new one.
func thrownOutcome(err error, exc *py.Exception, restore func(), stop *py.Type) (bool, error) {
	e := asException(err)
	if e == nil {
		return false, err
	}
	if e == exc {
		restore()
		return false, nil
	}
	if e.Class.IsSubtypeOf(py.RuntimeErrorType) && exc.Class.IsSubtypeOf(stop) && e.Cause == exc {
		restore()
		return false, nil
	}
	return false, err
}

// AsyncGeneratorContextManager is what an @asynccontextmanager function
// returns: entering awaits the generator's first step, leaving its end.
type AsyncGeneratorContextManager struct {
	gen *py.Generator
}

// Type returns contextlib._AsyncGeneratorContextManager.
func (m *AsyncGeneratorContextManager) Type() *py.Type { return asyncGeneratorCMType }

// AEnter returns the awaitable that runs the generator to its yield.
func (m *AsyncGeneratorContextManager) AEnter(t *py.Thread) (py.Value, error) {
	step, err := m.gen.ANext(t)
	if err != nil {
		return nil, err
	}
	inner, err := awaitable(t, step)
	if err != nil {
		return nil, err
	}
	return &thenCoro{inner: inner, qual: "_AsyncGeneratorContextManager.__aenter__", finish: func(t *py.Thread, v py.Value, err error) (py.Coroutine, py.Value, error) {
		if err == nil {
			return nil, v, nil
		}
		if e := asException(err); e.Class.IsSubtypeOf(py.StopAsyncIterationType) {
			r := py.Errorf(py.RuntimeErrorType, "generator didn't yield")
			r.SuppressContext = true
			return nil, nil, r
		}
		return nil, nil, err
	}}, nil
}

// AExit returns the awaitable that runs the generator to its end,
// throwing exc in at its yield, and tells whether exc is suppressed.
func (m *AsyncGeneratorContextManager) AExit(t *py.Thread, exc *py.Exception) (py.Value, error) {
	const qual = "_AsyncGeneratorContextManager.__aexit__"
	if exc == nil {
		step, err := m.gen.ANext(t)
		if err != nil {
			return nil, err
		}
		inner, err := awaitable(t, step)
		if err != nil {
			return nil, err
		}
		return &thenCoro{inner: inner, qual: qual, finish: func(t *py.Thread, v py.Value, err error) (py.Coroutine, py.Value, error) {
			if err == nil {
				return nil, nil, py.Errorf(py.RuntimeErrorType, "generator didn't stop")
			}
			if e := asException(err); e.Class.IsSubtypeOf(py.StopAsyncIterationType) {
				return nil, py.False, nil
			}
			return nil, nil, err
		}}, nil
	}
	athrow, err := py.GetAttr(t, m.gen, "athrow")
	if err != nil {
		return nil, err
	}
	restore := exc.KeepTraceback()
	step, err := t.Call(athrow, []py.Value{exc}, nil)
	if err != nil {
		return nil, err
	}
	inner, err := awaitable(t, step)
	if err != nil {
		return nil, err
	}
	return &thenCoro{inner: inner, qual: qual, finish: func(t *py.Thread, v py.Value, err error) (py.Coroutine, py.Value, error) {
		if err == nil {
			return nil, nil, py.Errorf(py.RuntimeErrorType, "generator didn't stop after athrow()")
		}
		if e := asException(err); e.Class.IsSubtypeOf(py.StopAsyncIterationType) && e != exc {
			return nil, py.True, nil
		}
		suppress, err := thrownOutcome(err, exc, restore, py.StopAsyncIterationType)
		return nil, py.Bool(suppress), err
	}}, nil
}

var (
	suppressType    = newType("suppress")
	nullContextType = newType("nullcontext")
	closingType     = newType("closing")
	aclosingType    = newType("aclosing")
)

// suppress is contextlib.suppress(*exceptions).
type suppress struct{ excs []py.Value }

func (s *suppress) Type() *py.Type { return suppressType }

func (s *suppress) Enter(t *py.Thread) (py.Value, error) { return py.None, nil }

// Exit suppresses an exception of one of the classes.
func (s *suppress) Exit(t *py.Thread, exc *py.Exception) (bool, error) {
	if exc == nil {
		return false, nil
	}
	for _, c := range s.excs {
		if matches(exc, c) {
			return true, nil
		}
	}
	return false, nil
}

// matches reports whether exc is an instance of cls (a class or a tuple
// of classes), as issubclass(type(exc), cls).
func matches(exc *py.Exception, cls py.Value) bool {
	switch c := cls.(type) {
	case *py.Type:
		return exc.Class.IsSubtypeOf(c)
	case py.Tuple:
		for _, x := range c {
			if matches(exc, x) {
				return true
			}
		}
	}
	return false
}

// nullContext is contextlib.nullcontext(enter_result=None), sync and async.
type nullContext struct{ result py.Value }

func (n *nullContext) Type() *py.Type                                     { return nullContextType }
func (n *nullContext) Enter(t *py.Thread) (py.Value, error)               { return n.result, nil }
func (n *nullContext) Exit(t *py.Thread, exc *py.Exception) (bool, error) { return false, nil }
func (n *nullContext) AEnter(t *py.Thread) (py.Value, error)              { return &noneCoro{v: n.result}, nil }
func (n *nullContext) AExit(t *py.Thread, exc *py.Exception) (py.Value, error) {
	return &noneCoro{v: py.None}, nil
}

// closing is contextlib.closing(thing) (and aclosing, async=true).
type closing struct {
	thing py.Value
	async bool
}

func (c *closing) Type() *py.Type {
	if c.async {
		return aclosingType
	}
	return closingType
}

func (c *closing) Enter(t *py.Thread) (py.Value, error) {
	if c.async {
		return nil, py.Errorf(py.TypeErrorType, "'aclosing' object does not support the context manager protocol")
	}
	return c.thing, nil
}

// Exit calls thing.close().
func (c *closing) Exit(t *py.Thread, exc *py.Exception) (bool, error) {
	closeFn, err := py.GetAttr(t, c.thing, "close")
	if err != nil {
		return false, err
	}
	_, err = t.Call(closeFn, nil, nil)
	return false, err
}

func (c *closing) AEnter(t *py.Thread) (py.Value, error) {
	if !c.async {
		return nil, py.Errorf(py.TypeErrorType, "'closing' object does not support the asynchronous context manager protocol")
	}
	return &noneCoro{v: c.thing}, nil
}

// AExit returns the awaitable of thing.aclose(), whose None result does
// not suppress.
func (c *closing) AExit(t *py.Thread, exc *py.Exception) (py.Value, error) {
	acloseFn, err := py.GetAttr(t, c.thing, "aclose")
	if err != nil {
		return nil, err
	}
	return t.Call(acloseFn, nil, nil)
}

func init() {
	suppressType.New = func(t *py.Thread, _ py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
		if err := args.NoKwargs("suppress", kw); err != nil {
			return nil, err
		}
		return &suppress{excs: append([]py.Value(nil), a...)}, nil
	}
	nullContextType.New = func(t *py.Thread, _ py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
		p, err := args.Parse("nullcontext", a, kw, []string{"enter_result"}, 0)
		if err != nil {
			return nil, err
		}
		if p[0] == nil {
			p[0] = py.None
		}
		return &nullContext{result: p[0]}, nil
	}
	closingType.New = func(t *py.Thread, _ py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
		p, err := args.Parse("closing", a, kw, []string{"thing"}, 1)
		if err != nil {
			return nil, err
		}
		return &closing{thing: p[0]}, nil
	}
	aclosingType.New = func(t *py.Thread, _ py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
		p, err := args.Parse("aclosing", a, kw, []string{"thing"}, 1)
		if err != nil {
			return nil, err
		}
		return &closing{thing: p[0], async: true}, nil
	}
}

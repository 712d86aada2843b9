package py

// Generator is a generator or coroutine object made by calling a Python
// function that contains yield (a generator) or is async def (a coroutine).
// It owns its base frame; a coroutine that awaits another coroutine pushes
// that one's frame on top, and the chain stays on the heap while suspended.
type Generator struct {
	fn       *Function
	frame    *Frame // base frame; nil once finished
	top      *Frame // innermost frame of the await chain while suspended
	started  bool
	running  bool
	done     bool
	lastLine int
	lastCol  int
	// yieldedValue is set when the last suspension was a yield statement
	// (not an await passing a yield through), for async generators.
	yieldedValue bool
}

// ContextManager is a native object usable in a with statement.
type ContextManager interface {
	Value
	// Enter is __enter__; its result is bound by "as".
	Enter(t *Thread) (Value, error)
	// Exit is __exit__; exc is nil on a normal exit. Returning true
	// suppresses exc.
	Exit(t *Thread, exc *Exception) (suppress bool, err error)
}

// AsyncContextManager is a native object usable in an async with statement.
// AEnter and AExit return awaitables (a Coroutine or an Awaitable); the
// result of awaiting AEnter's is bound by "as", and a true result of
// awaiting AExit's suppresses exc.
type AsyncContextManager interface {
	Value
	AEnter(t *Thread) (Value, error)
	AExit(t *Thread, exc *Exception) (Value, error)
}

// AsyncIterable is implemented by native objects usable in async for.
type AsyncIterable interface {
	Value
	// AIter returns the async iterator (__aiter__).
	AIter(t *Thread) (AsyncIterator, error)
}

// AsyncIterator is an async iterator: ANext returns an awaitable whose
// result is the next item; it raises StopAsyncIteration at the end.
type AsyncIterator interface {
	Value
	ANext(t *Thread) (Value, error)
}

func newGenerator(t *Thread, fn *Function, args []Value, kw []Kwarg) (Value, error) {
	f := newFrame(fn, nil)
	if err := bindArgs(t, fn, f.locals, args, kw); err != nil {
		return nil, err
	}
	f.moveArgsToCells()
	g := &Generator{fn: fn, frame: f, lastLine: fn.Code.FirstLine}
	f.gen = g
	return g, nil
}

// Type returns CoroutineType, GeneratorType or AsyncGeneratorType.
func (g *Generator) Type() *Type {
	if g.fn.Code.Coroutine {
		if g.fn.Code.Generator {
			return AsyncGeneratorType
		}
		return CoroutineType
	}
	return GeneratorType
}

// IsAsyncGenerator reports whether g comes from an async def with yield.
func (g *Generator) IsAsyncGenerator() bool { return g.fn.Code.Coroutine && g.fn.Code.Generator }

// AIter makes an async generator its own async iterator.
func (g *Generator) AIter(t *Thread) (AsyncIterator, error) {
	if !g.IsAsyncGenerator() {
		return nil, Errorf(TypeErrorType, "'async for' requires an object with __aiter__ method, got %s", g.Type().Name)
	}
	return g, nil
}

// ANext returns the awaitable of one step of an async generator.
func (g *Generator) ANext(t *Thread) (Value, error) {
	if !g.IsAsyncGenerator() {
		return nil, Errorf(TypeErrorType, "'%s' object is not an async iterator", g.Type().Name)
	}
	return &asyncGenStep{g: g}, nil
}

// asyncGenStep is the awaitable that __anext__ (or asend/athrow) returns:
// it runs the async generator until its next yield (the await's result)
// or its end (StopAsyncIteration), passing the awaits inside through.
type asyncGenStep struct {
	g       *Generator
	started bool
	done    bool
	send    Value
	throw   *Exception
}

// Type returns the async_generator_asend type.
func (s *asyncGenStep) Type() *Type { return asyncGenStepType }

var asyncGenStepType = &Type{Name: "async_generator_asend", Module: "builtins", Base: ObjectType}

// Resume runs the generator one step.
func (s *asyncGenStep) Resume(t *Thread, send Value, throw *Exception) (Value, CoroState, error) {
	if s.done {
		return nil, CoroRaised, Errorf(RuntimeErrorType, "cannot reuse already awaited __anext__()/asend()")
	}
	if !s.started {
		s.started = true
		send, throw = s.send, s.throw
		if send == nil {
			send = None
		}
	}
	g := s.g
	if g.done {
		s.done = true
		return nil, CoroRaised, NewException(StopAsyncIterationType)
	}
	v, st, err := g.Resume(t, send, throw)
	switch st {
	case CoroYielded:
		if g.yieldedValue {
			s.done = true
			return v, CoroReturned, nil
		}
		return v, CoroYielded, nil
	case CoroReturned:
		s.done = true
		return nil, CoroRaised, NewException(StopAsyncIterationType)
	}
	s.done = true
	return nil, CoroRaised, err
}

// Close abandons the step.
func (s *asyncGenStep) Close(t *Thread) error { s.done = true; return nil }

// QualName returns the generator's qualified name.
func (s *asyncGenStep) QualName() string { return s.g.QualName() }

// Where returns where the generator is suspended.
func (s *asyncGenStep) Where() (int, int) { return s.g.Where() }

// Started reports whether the step has run.
func (s *asyncGenStep) Started() bool { return s.started }

// Done reports whether the step has finished.
func (s *asyncGenStep) Done() bool { return s.done }

// Repr returns <coroutine object main at 0x...>.
func (g *Generator) Repr(t *Thread) (string, error) {
	return "<" + g.Type().Name + " object " + g.fn.QualName + " at " + fakeAddr(g) + ">", nil
}

// IsCoroutine reports whether g is a coroutine (from async def).
func (g *Generator) IsCoroutine() bool { return g.fn.Code.Coroutine }

// QualName returns the function's __qualname__.
func (g *Generator) QualName() string { return g.fn.QualName }

// Name returns the function's __name__.
func (g *Generator) Name() string { return g.fn.Name }

// Started reports whether the coroutine has run at all.
func (g *Generator) Started() bool { return g.started }

// Done reports whether it has finished.
func (g *Generator) Done() bool { return g.done }

// Running reports whether it is executing now.
func (g *Generator) Running() bool { return g.running }

// Where returns where the coroutine is suspended (the innermost frame of its
// await chain), or its definition line before it starts.
func (g *Generator) Where() (line, col int) {
	if g.started && !g.done {
		if g.running && g.frame != nil {
			// running: the innermost frame is the thread's; report the base
			p := g.frame.position()
			return int(p.Line), int(p.Col)
		}
		if g.top != nil {
			p := g.top.position()
			return int(p.Line), int(p.Col)
		}
	}
	return g.lastLine, g.lastCol
}

// Stack returns the frames of the coroutine's await chain, outermost first
// (for traces of a suspended task).
func (g *Generator) Stack() []TracebackEntry {
	var out []TracebackEntry
	if g.done || !g.started || g.top == nil {
		return nil
	}
	for f := g.top; f != nil; f = f.back {
		out = append(out, f.tracebackEntry())
		if f == g.frame {
			break
		}
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

func (g *Generator) finish() {
	if g.frame != nil {
		p := g.frame.position()
		g.lastLine, g.lastCol = int(p.Line), int(p.Col)
	}
	g.done, g.running = true, false
	g.frame, g.top = nil, nil
}

// finishRaised ends the generator with exc; StopIteration escaping a
// generator becomes RuntimeError, as PEP 479 says.
func (g *Generator) finishRaised(exc *Exception) *Exception {
	g.finish()
	if g.IsAsyncGenerator() && exc.Class.IsSubtypeOf(StopAsyncIterationType) {
		r := Errorf(RuntimeErrorType, "async generator raised StopAsyncIteration")
		r.Cause, r.Context, r.SuppressContext = exc, exc, true
		r.tb = append([]TracebackEntry(nil), exc.tb...)
		return r
	}
	if exc.Class.IsSubtypeOf(StopIterationType) {
		what := "generator"
		if g.fn.Code.Coroutine {
			what = "coroutine"
		}
		r := Errorf(RuntimeErrorType, "%s raised StopIteration", what)
		r.Cause = exc
		r.Context = exc
		r.SuppressContext = true
		r.tb = append([]TracebackEntry(nil), exc.tb...)
		return r
	}
	return exc
}

// Resume runs the coroutine (or generator) until it yields, returns or
// raises.
func (g *Generator) Resume(t *Thread, send Value, throw *Exception) (result Value, state CoroState, err error) {
	defer func() {
		if err != nil && state == CoroYielded {
			state = CoroRaised
		}
	}()
	defer t.recoverPanic(&err)
	what := "generator"
	if g.fn.Code.Coroutine {
		what = "coroutine"
	}
	if g.running {
		return nil, CoroRaised, Errorf(ValueErrorType, "%s already executing", what)
	}
	if g.done {
		if throw != nil {
			return nil, CoroRaised, throw
		}
		if g.fn.Code.Coroutine {
			return nil, CoroRaised, Errorf(RuntimeErrorType, "cannot reuse already awaited coroutine")
		}
		return None, CoroReturned, nil
	}
	if send == nil {
		send = None
	}
	var top *Frame
	var d delivery
	if !g.started {
		if send != None {
			return nil, CoroRaised, Errorf(TypeErrorType, "can't send non-None value to a just-started %s", what)
		}
		if throw != nil {
			g.finish()
			return nil, CoroRaised, throw
		}
		g.started = true
		top = g.frame
	} else {
		top = g.top
		kind := deliverPush
		if pc := top.pc - 1; pc >= 0 && (top.code.Instrs[pc].Op == AWAIT || top.code.Instrs[pc].Op == YIELD_FROM) {
			kind = deliverAwait
		}
		d = delivery{kind: kind, v: send}
		if throw != nil {
			d.err = throw
		}
	}
	vm := &t.vm
	chain := 1
	for f := top; f != g.frame && f != nil; f = f.back {
		chain++
	}
	if vm.depth+chain > vm.limit {
		return nil, CoroRaised, recursionError()
	}
	base := g.frame
	base.back = vm.frame
	saveFrame, saveDepth := vm.frame, vm.depth
	vm.depth += chain
	vm.nested++
	g.running = true
	g.top = nil
	v, st, err := t.exec(top, base, d)
	innermost := vm.frame
	vm.nested--
	vm.frame, vm.depth = saveFrame, saveDepth
	switch st {
	case execYielded:
		g.running = false
		g.top = innermost
		g.yieldedValue = innermost.pc > 0 && innermost.code.Instrs[innermost.pc-1].Op == YIELD_VALUE
		if v == nil {
			v = None
		}
		return v, CoroYielded, nil
	}
	if err != nil {
		if !g.done {
			// aborted by a run-stopping error
			g.finish()
		}
		return nil, CoroRaised, err
	}
	return v, CoroReturned, nil
}

// Close is coro.close().
func (g *Generator) Close(t *Thread) error {
	if !g.started || g.done {
		g.finish()
		return nil
	}
	_, st, err := g.Resume(t, None, NewException(GeneratorExitType))
	switch st {
	case CoroYielded:
		what := "generator"
		if g.fn.Code.Coroutine {
			what = "coroutine"
		}
		return Errorf(RuntimeErrorType, "%s ignored GeneratorExit", what)
	case CoroRaised:
		if e, ok := err.(*Exception); ok && (e.Class.IsSubtypeOf(GeneratorExitType) || e.Class.IsSubtypeOf(StopIterationType)) {
			return nil
		}
		return err
	}
	return nil
}

// Next makes a generator an Iterator.
func (g *Generator) Next(t *Thread) (Value, bool, error) {
	v, st, err := g.Resume(t, None, nil)
	switch st {
	case CoroYielded:
		return v, true, nil
	case CoroReturned:
		return nil, false, nil
	}
	return nil, false, err
}

func getAwaitable(t *Thread, x Value) (Value, error) {
	switch v := x.(type) {
	case *Generator:
		if !v.fn.Code.Coroutine || v.fn.Code.Generator {
			return nil, Errorf(TypeErrorType, "object %s can't be used in 'await' expression", v.Type().Name)
		}
		if v.done {
			return nil, Errorf(RuntimeErrorType, "cannot reuse already awaited coroutine")
		}
		if v.started {
			return nil, Errorf(RuntimeErrorType, "coroutine is being awaited already")
		}
		return v, nil
	case Coroutine:
		return v, nil
	case Awaitable:
		return v.AwaitIter(t)
	case *Instance:
		return instanceAwait(t, v)
	}
	return nil, Errorf(TypeErrorType, "object %s can't be used in 'await' expression", typeName(x))
}

func getAIter(t *Thread, x Value) (Value, error) {
	if o, ok := x.(*Instance); ok {
		v, ok, err := callSpecial(t, o, "__aiter__")
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, Errorf(TypeErrorType, "'async for' requires an object with __aiter__ method, got %s", typeName(x))
		}
		if o, isInst := v.(*Instance); isInst {
			if m, _ := special(t, o, "__anext__"); m == nil || m == None {
				return nil, Errorf(TypeErrorType, "'async for' received an object from __aiter__ that does not implement __anext__: %s", typeName(v))
			}
		}
		return v, nil
	}
	if a, ok := x.(AsyncIterable); ok {
		return a.AIter(t)
	}
	if a, ok := x.(AsyncIterator); ok {
		return a, nil
	}
	return nil, Errorf(TypeErrorType, "'async for' requires an object with __aiter__ method, got %s", typeName(x))
}

func getANext(t *Thread, x Value) (Value, error) {
	if o, ok := x.(*Instance); ok {
		aw, ok, err := callSpecial(t, o, "__anext__")
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, Errorf(TypeErrorType, "'async for' received an invalid object from __aiter__: %s", typeName(x))
		}
		return getAwaitable(t, aw)
	}
	a, ok := x.(AsyncIterator)
	if !ok {
		return nil, Errorf(TypeErrorType, "'async for' received an invalid object from __aiter__: %s", typeName(x))
	}
	aw, err := a.ANext(t)
	if err != nil {
		return nil, err
	}
	return getAwaitable(t, aw)
}

// asyncGenClose is the awaitable of agen.aclose(): GeneratorExit at the
// suspension point; a yield in response is a RuntimeError.
type asyncGenClose struct {
	g     *Generator
	began bool
	done  bool
}

// Type returns the async_generator_athrow type.
func (c *asyncGenClose) Type() *Type { return asyncGenCloseType }

var asyncGenCloseType = &Type{Name: "async_generator_athrow", Module: "builtins", Base: ObjectType}

// Resume throws GeneratorExit into the generator (first step) and passes
// its awaits through.
func (c *asyncGenClose) Resume(t *Thread, send Value, throw *Exception) (Value, CoroState, error) {
	g := c.g
	if c.done || g.done || !g.started {
		c.done = true
		g.finish()
		return None, CoroReturned, nil
	}
	if !c.began {
		c.began = true
		throw = NewException(GeneratorExitType)
	}
	v, st, err := g.Resume(t, send, throw)
	switch st {
	case CoroYielded:
		if g.yieldedValue {
			c.done = true
			return nil, CoroRaised, Errorf(RuntimeErrorType, "async generator ignored GeneratorExit")
		}
		return v, CoroYielded, nil
	case CoroReturned:
		c.done = true
		return None, CoroReturned, nil
	}
	c.done = true
	if e, ok := err.(*Exception); ok && (e.Class.IsSubtypeOf(GeneratorExitType) || e.Class.IsSubtypeOf(StopAsyncIterationType)) {
		return None, CoroReturned, nil
	}
	return nil, CoroRaised, err
}

// Close abandons the close.
func (c *asyncGenClose) Close(t *Thread) error { c.done = true; return nil }

// QualName returns the generator's qualified name.
func (c *asyncGenClose) QualName() string { return c.g.QualName() }

// Where returns where the generator is suspended.
func (c *asyncGenClose) Where() (int, int) { return c.g.Where() }

// Started reports whether the close has begun.
func (c *asyncGenClose) Started() bool { return c.began }

// Done reports whether it has finished.
func (c *asyncGenClose) Done() bool { return c.done }

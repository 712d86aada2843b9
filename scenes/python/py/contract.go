// Package py is the runtime of the scene language: its values, the
// compiler from the resolved AST to bytecode, and the virtual machine that
// runs it.
//
// This file is the contract between the interpreter and its host (the
// virtual-time event loop in scenes/asyncio). The interpreter knows nothing of
// event loops, timers or threads' scheduling; the host knows nothing of
// bytecode. They meet here:
//
//   - Values: everything a scene can hold implements Value. Native objects
//     (a Future, a Task, the loop) implement HasAttrs so that `obj.name`
//     works, and return their methods as *Builtin values bound to themselves.
//   - Calls: the host calls Python callables with Thread.Call, which runs them
//     to completion on the Go stack (a "nested" run).
//   - Coroutines: calling an `async def` function returns a Coroutine; the
//     host (a Task) drives it with Resume, one step at a time. Awaiting inside
//     the coroutine never uses the Go stack: an await of another coroutine
//     pushes its frame, and a yield unwinds to the Resume that started the
//     step, leaving the frames on the heap. Native coroutines (asyncio.sleep,
//     Queue.get, ...) implement the same interface in Go.
//   - Threads: every Python thread is a *Thread. A worker thread is run by
//     the host with Thread.Run and can be suspended in the middle of nested
//     Python calls when a builtin returns ErrBlock (time.sleep in a worker,
//     waiting on a lock, a future's result). A thread that is running nested
//     (inside Thread.Call, as the loop thread always is while it runs
//     callbacks and task steps) cannot suspend: its blocking builtins ask the
//     host to run the other threads inline until the wait is over.
package py

// Value is any value a scene can hold.
type Value interface {
	// Type returns the value's Python type; type(x).__name__ is Type().Name.
	Type() *Type
}

// Kwarg is one keyword argument of a call, in call order.
type Kwarg struct {
	Name  string
	Value Value
}

// BuiltinFunc is the Go implementation of a builtin function or method.
// recv is the bound receiver (nil for a plain function). The error is a
// *Exception for a Python exception, ErrBlock to suspend the calling thread
// (only when t.CanBlock()), or any other error to abort the whole run
// (budgets, internal errors), which no Python code can catch.
type BuiltinFunc func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error)

// Builtin is a function or bound method implemented in Go.
type Builtin struct {
	Name string // as CPython names it in messages: "sleep", "Future.set_result"
	Recv Value  // the bound receiver, or nil
	Fn   BuiltinFunc
}

// HasAttrs is implemented by values with attributes: modules and native
// objects. Attr returns (nil, nil) when there is no such attribute; the
// interpreter then raises AttributeError as CPython words it.
type HasAttrs interface {
	Value
	Attr(t *Thread, name string) (Value, error)
}

// HasSetAttr is implemented by native objects whose attributes scenes may
// assign (few are).
type HasSetAttr interface {
	HasAttrs
	SetAttr(t *Thread, name string, v Value) error
}

// CoroState says how a coroutine step ended.
type CoroState uint8

// The outcomes of a Coroutine.Resume.
const (
	CoroYielded  CoroState = iota // suspended; Resume's value is what it yielded (a Future, or None for a bare yield)
	CoroReturned                  // finished; the value is its return value (StopIteration.value)
	CoroRaised                    // finished by an exception; the error is set
)

// Coroutine is a coroutine object: one from calling an `async def`, or a
// native one. A Task drives it as CPython's Task.__step drives coro.send and
// coro.throw.
type Coroutine interface {
	Value
	// Resume runs the coroutine until it yields, returns or raises. send is
	// the value sent in (None to start it or after a bare yield); when throw
	// is non-nil the exception is raised at the suspension point instead
	// (coro.throw). On CoroYielded the Value is the yielded object; on
	// CoroReturned the return value; on CoroRaised the error (a *Exception,
	// or a run-stopping error).
	Resume(t *Thread, send Value, throw *Exception) (Value, CoroState, error)
	// Close is coro.close(): GeneratorExit at the suspension point.
	Close(t *Thread) error
	// QualName is the coroutine's __qualname__ ("main", "worker").
	QualName() string
	// Where is the source position the coroutine is suspended at (the
	// innermost frame of its await chain), or its definition line if it has
	// not started; line and col are 1-based, 0 when unknown.
	Where() (line, col int)
	// Started and Done report whether it has run at all, and whether it
	// has finished.
	Started() bool
	Done() bool
}

// Awaitable is implemented by native values that `await` accepts besides
// coroutines (Futures, Tasks). AwaitIter returns the iterator that
// __await__ would: for a Future, one that yields the Future itself while it
// is pending and then returns its result.
type Awaitable interface {
	Value
	AwaitIter(t *Thread) (Coroutine, error)
}

// Host is what the interpreter asks of its embedder: the asyncio machine in
// the engine, or a simple host in tests.
type Host interface {
	// Import returns the module value for a supported module name
	// ("asyncio", "time", "concurrent.futures", "fastapi", "httpx").
	Import(t *Thread, name string) (Value, error)
	// Write is print's output; the host timestamps and records it.
	Write(t *Thread, s string)
	// Tick is called by the interpreter every TickInterval bytecode
	// instructions (and on every call); a non-nil error (a budget) aborts the
	// run. line and col are where the scene is: the instruction about to
	// run, or the call being made.
	Tick(t *Thread, line, col int) error
	// BlockInline is called by blocking builtins on a thread that cannot
	// suspend (t.CanBlock() is false): the host runs other threads until
	// ready() reports true or the virtual clock reaches deadline (deadline < 0:
	// none), and returns whether ready() held. It may return a run-stopping
	// error (deadlock, budget).
	BlockInline(t *Thread, ready func() bool, deadline float64) (bool, error)
}

// TickInterval is how many instructions pass between two Host.Tick calls.
const TickInterval = 1 << 12

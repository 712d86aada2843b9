package py

import (
	"errors"
	"fmt"
	"runtime/debug"
)

// DefaultRecursionLimit is the default depth of nested calls, as
// sys.getrecursionlimit() reports in CPython.
const DefaultRecursionLimit = 1000

// threadVM is the interpreter's per-thread state.
type threadVM struct {
	frame   *Frame // innermost frame of the active run, or of a blocked Run
	depth   int    // live Python frames and nested runs
	limit   int    // recursion limit
	nested  int    // dispatch loops and calls active on the Go stack beyond Run's own
	inRun   bool
	steps   int   // instructions left before the next Host.Tick
	ticked  int64 // instructions counted by past Tick intervals
	charged int64 // bytes allocated and not yet told to the host (memory.go)

	startFn   Value
	startArgs []Value
	startKw   []Kwarg
	started   bool
	finished  bool
	result    Value
	resultErr error

	blocked    bool
	runBase    *Frame // Run's outermost frame, nil when the start call itself blocked
	outcome    Value
	outcomeErr error
	outcomeSet bool

	framePool []*Frame // finished plain frames, reused by calls

	objects uint64 // instances made by the thread (their ids)
}

// NewThread returns a thread whose Python calls report to host.
func NewThread(host Host, name string, ident int) *Thread {
	t := &Thread{Name: name, Ident: ident, Host: host}
	t.vm.limit = DefaultRecursionLimit
	t.vm.steps = TickInterval
	return t
}

// Steps returns how many bytecode instructions the thread has run so far.
func (t *Thread) Steps() int64 { return t.vm.ticked + int64(TickInterval-t.vm.steps) }

// SetRecursionLimit sets the depth at which calls raise RecursionError.
func (t *Thread) SetRecursionLimit(n int) {
	if n < 10 {
		n = 10
	}
	t.vm.limit = n
}

// RecursionLimit returns the thread's recursion limit.
func (t *Thread) RecursionLimit() int { return t.vm.limit }

// Start sets the call that Run makes: fn(*args, **kw).
func (t *Thread) Start(fn Value, args []Value, kw []Kwarg) {
	for fw, ok := fn.(Forwarder); ok; fw, ok = fn.(Forwarder) {
		fn, args, kw = fw.Forward(args, kw)
	}
	t.vm.startFn, t.vm.startArgs, t.vm.startKw = fn, args, kw
	t.vm.started, t.vm.finished, t.vm.blocked = false, false, false
	t.vm.result, t.vm.resultErr = nil, nil
	t.vm.frame, t.vm.runBase, t.vm.depth, t.vm.nested = nil, nil, 0, 0
	t.vm.outcome, t.vm.outcomeErr, t.vm.outcomeSet = nil, nil, false
}

// CanBlock reports whether a builtin called now may return ErrBlock: only
// when the thread runs under Run and not inside a nested Call or Resume.
func (t *Thread) CanBlock() bool { return t.vm.inRun && t.vm.nested == 0 }

// SetOutcome gives the result of the builtin call that returned ErrBlock;
// the next Run continues from there.
func (t *Thread) SetOutcome(v Value, err error) {
	t.vm.outcome, t.vm.outcomeErr, t.vm.outcomeSet = v, err, true
}

// Blocked reports whether the thread is suspended in a blocking builtin.
func (t *Thread) Blocked() bool { return t.vm.blocked }

// Where returns the position of the innermost Python frame running (or
// suspended) on the thread, 0, 0 if none.
func (t *Thread) Where() (line, col int) {
	if f := t.vm.frame; f != nil {
		p := f.position()
		return int(p.Line), int(p.Col)
	}
	return 0, 0
}

// Frame returns the innermost Python frame running (or suspended) on the
// thread, nil if none: the host compares it to tell whether Python code was
// entered since.
func (t *Thread) Frame() *Frame { return t.vm.frame }

// HandledException is the exception being handled where the thread is
// (sys.exc_info()[1]), or nil.
func (t *Thread) HandledException() *Exception {
	if t.vm.frame == nil {
		return nil
	}
	return handledException(t.vm.frame)
}

// Stack returns the thread's current Python frames as traceback entries,
// outermost first.
func (t *Thread) Stack() []TracebackEntry {
	var out []TracebackEntry
	for f := t.vm.frame; f != nil; f = f.back {
		out = append(out, f.tracebackEntry())
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// InternalError is a Go panic turned into an error, with the Python
// position it happened at.
type InternalError struct {
	File  string
	Line  int
	Panic any
	Stack string
}

// Error describes the panic and where it happened.
func (e *InternalError) Error() string {
	return fmt.Sprintf("internal error at %s:%d: %v", e.File, e.Line, e.Panic)
}

func (t *Thread) recoverPanic(err *error) {
	if r := recover(); r != nil {
		ie := &InternalError{Panic: r, Stack: string(debug.Stack())}
		if f := t.vm.frame; f != nil {
			ie.File = f.code.File
			ie.Line = f.Line()
		}
		*err = ie
	}
}

// Run runs the thread until it blocks (done=false: a builtin returned
// ErrBlock; the host calls SetOutcome and then Run again) or its start call
// ends (done=true with its result or error).
func (t *Thread) Run() (done bool, result Value, err error) {
	defer t.recoverPanic(&err)
	vm := &t.vm
	if vm.finished {
		return true, vm.result, vm.resultErr
	}
	vm.inRun = true
	saveNested := vm.nested
	vm.nested = 0
	defer func() {
		vm.inRun = false
		vm.nested = saveNested
	}()
	var v Value
	var st execStatus
	if !vm.started {
		vm.started = true
		fn, ok := vm.startFn.(*Function)
		if ok && !fn.Code.Generator && !fn.Code.Coroutine {
			if vm.depth >= vm.limit {
				return t.finish(nil, recursionError())
			}
			f := newFrame(fn, nil)
			if err := bindArgs(t, fn, f.locals, vm.startArgs, vm.startKw); err != nil {
				return t.finish(nil, err)
			}
			f.moveArgsToCells()
			vm.runBase = f
			vm.depth++
			v, st, err = t.exec(f, f, delivery{})
		} else {
			vm.runBase = nil
			v, err = t.callValue(vm.startFn, vm.startArgs, vm.startKw)
			if err == ErrBlock {
				vm.blocked = true
				vm.outcomeSet = false
				return false, nil, nil
			}
			return t.finish(v, err)
		}
	} else if vm.blocked {
		if !vm.outcomeSet {
			return true, nil, errors.New("py: Run on a blocked thread before SetOutcome")
		}
		vm.blocked = false
		vm.outcomeSet = false
		if vm.runBase == nil {
			return t.finish(vm.outcome, vm.outcomeErr)
		}
		d := delivery{kind: deliverPush, v: vm.outcome, err: vm.outcomeErr}
		v, st, err = t.exec(vm.frame, vm.runBase, d)
	} else {
		return true, nil, errors.New("py: Run on a thread that is not blocked")
	}
	if st == execBlocked {
		vm.blocked = true
		vm.outcomeSet = false
		return false, nil, nil
	}
	vm.depth = 0
	return t.finish(v, err)
}

func (t *Thread) finish(v Value, err error) (bool, Value, error) {
	t.vm.finished = true
	t.vm.result, t.vm.resultErr = v, err
	t.vm.frame = nil
	return true, v, err
}

// Call calls fn(*args, **kw) to completion on the Go stack. The thread
// cannot block while inside it (CanBlock is false).
func (t *Thread) Call(fn Value, args []Value, kw []Kwarg) (result Value, err error) {
	defer t.recoverPanic(&err)
	t.vm.nested++
	defer func() { t.vm.nested-- }()
	return t.callValue(fn, args, kw)
}

func recursionError() *Exception {
	return Errorf(RecursionErrorType, "maximum recursion depth exceeded")
}

// callValue calls fn; a Python function runs in a nested dispatch loop.
func (t *Thread) callValue(fn Value, args []Value, kw []Kwarg) (Value, error) {
	switch fn := fn.(type) {
	case *Builtin:
		if t.vm.depth >= t.vm.limit+50 {
			return nil, Errorf(RecursionErrorType, "maximum recursion depth exceeded while calling a Python object")
		}
		t.vm.depth++
		v, err := fn.Fn(t, fn.Recv, args, kw)
		t.vm.depth--
		if err == ErrBlock && !t.CanBlock() {
			return nil, fmt.Errorf("py: %s blocked on a thread that cannot block", fn.Name)
		}
		return v, err
	case *Function:
		if fn.Code.Generator || fn.Code.Coroutine {
			return newGenerator(t, fn, args, kw)
		}
		if t.vm.depth >= t.vm.limit {
			return nil, recursionError()
		}
		f := t.callFrame(fn, t.vm.frame)
		if err := bindArgs(t, fn, f.locals, args, kw); err != nil {
			t.releaseFrame(f)
			return nil, err
		}
		f.moveArgsToCells()
		saveFrame, saveDepth := t.vm.frame, t.vm.depth
		t.vm.nested++
		t.vm.depth++
		v, _, err := t.exec(f, f, delivery{})
		t.vm.nested--
		t.vm.frame, t.vm.depth = saveFrame, saveDepth
		t.releaseFrame(f)
		return v, err
	case *BoundMethod:
		a := make([]Value, 0, len(args)+1)
		a = append(append(a, fn.Self), args...)
		return t.callValue(fn.Fn, a, kw)
	case *Type:
		return callType(t, fn, args, kw)
	case *Instance:
		m, err := special(t, fn, "__call__")
		if err != nil {
			return nil, err
		}
		if m == nil || m == None {
			return nil, Errorf(TypeErrorType, "'%s' object is not callable", typeName(fn))
		}
		return t.callValue(m, args, kw)
	case Callable:
		if t.vm.depth >= t.vm.limit+50 {
			return nil, Errorf(RecursionErrorType, "maximum recursion depth exceeded while calling a Python object")
		}
		t.vm.depth++
		v, err := fn.Call(t, args, kw)
		t.vm.depth--
		return v, err
	}
	return nil, Errorf(TypeErrorType, "'%s' object is not callable", typeName(fn))
}

func callType(t *Thread, typ *Type, args []Value, kw []Kwarg) (Value, error) {
	if typ.MRO != nil {
		return callClass(t, typ, args, kw)
	}
	if typ.New != nil {
		return typ.New(t, typ, args, kw)
	}
	if typ.IsException() {
		return newExceptionFromType(t, typ, args, kw)
	}
	return nil, Errorf(TypeErrorType, "cannot create '%s' instances", typ.QualifiedName())
}

// Program is a compiled scene.
type Program struct {
	Filename string
	Code     *Code    // the module body
	Globals  []string // the module's global variable slots
	// RecursionLimit, when positive, replaces DefaultRecursionLimit for the
	// threads of this program's Main.
	RecursionLimit int
	builtins       []Value // builtin value for each global slot (nil if none)
}

// Main returns a thread that runs the module body when the host calls Run,
// and the module object it fills.
func (p *Program) Main(host Host) *Thread {
	t := NewThread(host, "MainThread", 1)
	if p.RecursionLimit > 0 {
		t.SetRecursionLimit(p.RecursionLimit)
	}
	m := p.NewModule()
	fn := &Function{Code: p.Code, Globals: m, Name: "<module>", QualName: "<module>"}
	t.Start(fn, nil, nil)
	return t
}

// NewModule returns a fresh __main__ module for the program.
func (p *Program) NewModule() *Module {
	m := &Module{Name: "__main__", Dict: map[string]Value{}, slots: make([]Value, len(p.Globals)), index: make(map[string]int, len(p.Globals))}
	for i, n := range p.Globals {
		m.index[n] = i
	}
	m.builtins = p.builtins
	m.names = p.Globals
	return m
}

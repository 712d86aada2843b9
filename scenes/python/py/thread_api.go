package py

// Thread is one Python thread: the main thread, an executor's worker, a
// thread asyncio starts. It holds the interpreter's frame stack on the heap,
// so the host can suspend it (ErrBlock) and run it again later.
type Thread struct {
	Name  string // "MainThread", "ThreadPoolExecutor-0_0", "asyncio_0"
	Ident int    // 1 for the main thread, then counting up
	Host  Host
	// Data is the host's own per-thread state.
	Data any

	vm threadVM // the interpreter's state; see vm.go
}

// The rest of Thread's API, implemented by the interpreter (vm.go):
//
//	NewThread(host Host, name string, ident int) *Thread
//	(t *Thread) Start(fn Value, args []Value, kw []Kwarg)   // the call Run will make
//	(t *Thread) Run() (done bool, result Value, err error)  // run until it blocks (done=false) or ends
//	(t *Thread) SetOutcome(v Value, err error)              // the result of the builtin that returned ErrBlock
//	(t *Thread) Call(fn Value, args []Value, kw []Kwarg) (Value, error) // nested call on the Go stack
//	(t *Thread) CanBlock() bool                            // false inside Call
//	(t *Thread) Where() (line, col int)                    // position of the innermost frame
//	(t *Thread) Stack() []TracebackEntry                   // the live Python frames, outermost first
//	(t *Thread) Steps() int64                              // bytecode instructions run so far
//	(t *Thread) SetRecursionLimit(n int)                   // depth at which calls raise RecursionError
//	(t *Thread) Blocked() bool                             // suspended in a blocking builtin
//
// and for coroutines (*Generator implements Coroutine):
//
//	(g *Generator) Stack() []TracebackEntry // frames of a suspended await chain, outermost first
//
// and for programs:
//
//	Compile(filename string, f *syntax.File) (*Program, error) // after resolve.File
//	(p *Program) Main(host Host) *Thread                        // a thread that runs the module body

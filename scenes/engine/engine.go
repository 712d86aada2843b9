// Package engine is the one entry to loopscope's simulation: it parses a
// scene, checks it against the supported subset, compiles it, and runs it
// in virtual time as CPython's asyncio would, returning what the scene
// printed and, on request, the trace of every event. The CLI, the page and
// the tests all call Run.
package engine

import (
	"fmt"
	"io"
	"time"

	"loopscope/scenes/asyncio"
	"loopscope/scenes/python/syntax"
	"loopscope/scenes/trace"
)

// Exit statuses, as the CLI reports them.
const (
	ExitOK       = 0  // the scene ran to its end
	ExitUncaught = 1  // the scene ended with an uncaught exception, as CPython would
	ExitRefused  = 2  // the scene is not Python, or not in the supported subset
	ExitStopped  = 3  // a budget ran out, or the scene deadlocked
	ExitInternal = 70 // a bug in loopscope (reported with the scene's position)
)

// PageMaxSteps is the playground page's step budget, lower than the
// default (wasm/main.go says why). The site's build runs every scene
// within it, so that a scene the page could not run to its end fails the
// build instead.
const PageMaxSteps = 50_000_000

// Budgets bound a run. A zero field takes its default.
type Budgets struct {
	MaxSteps       int64   // bytecode instructions (default 2,000,000,000)
	MaxVirtualTime float64 // seconds of virtual time (default 100,000)
	MaxEvents      int     // trace events (default 5,000,000)
	MaxMemory      int64   // bytes of heap (default 1 GiB)
	MaxDepth       int     // Python call depth before RecursionError (default 1000)
}

// Options configure a run.
type Options struct {
	Filename string // the name errors and tracebacks show ("scene.py")
	Trace    bool   // record the trace
	// TraceTo, when set with Trace, receives the trace as JSON lines, one
	// event a line, as the scene runs; the trace is then not kept in memory
	// (Result.Trace is nil). Check the writer's own errors (bufio's Flush).
	TraceTo io.Writer
	Budgets Budgets
	// Seed, when SeedSet, seeds the random generators the scene does not
	// seed itself (random at import, random.seed()); otherwise each run
	// picks a seed from the real clock. The trace records it (seed event).
	Seed    uint64
	SeedSet bool
	// WallClock is when the scene's wall clock starts (time.time(),
	// datetime.now(), logging's asctime): that instant plus the virtual
	// time elapsed. Its Location is the scene's local time zone. The CLI
	// passes the real time and the process's zone, the page the browser's;
	// the zero value is the Unix epoch in UTC (no package under scenes/
	// reads the real clock).
	WallClock time.Time
	// Pause, when set, is called every few thousand instructions and
	// every few thousand events with how far the run has come, at the same
	// points on every run of a scene. The caller may block in it (the
	// page's module lets the browser handle input and draw in between);
	// an error it returns stops the run where the scene is: ExitStopped,
	// with an Error of kind "interrupted" at the scene's line and column.
	Pause func(Progress) error
	// Note, when set, is told what the mistake detectors judge (package
	// mistakes, whose Run sets it); LongStep is how many instructions a
	// task's step may run before it is noted as holding the loop.
	Note     func(asyncio.Note)
	LongStep int64
}

// Progress is how far a run has come, as Options.Pause is told.
type Progress struct {
	Steps  int64   // bytecode instructions run
	Time   float64 // the virtual clock, in seconds
	Events int     // trace events recorded
	Line   int     // the scene's line (0 if unknown)
	Col    int     // and column
}

// Line is one line of the scene's standard output, with the virtual time at
// which its newline was written.
type Line struct {
	Time float64
	Text string
}

// Chunk is a run of text the scene wrote to one stream: stdout, or
// stderr when Stderr is set.
type Chunk struct {
	Stderr bool
	Text   string
}

// Error is why a scene was refused or stopped.
type Error struct {
	// Kind is "syntax" (refused before running), "budget", "deadlock",
	// "interrupted" (Options.Pause stopped it) or "internal".
	Kind string
	// Budget names the budget that ran out, for Kind "budget": "steps",
	// "time", "events" or "memory".
	Budget string
	File   string
	Line   int // 1-based; 0 when unknown
	Col    int // 1-based; 0 when unknown
	Msg    string
}

// Error returns "file:line:col: msg", leaving out what is unknown.
func (e *Error) Error() string {
	switch {
	case e.Line > 0 && e.Col > 0:
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	default:
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	}
}

// Where is a stretch of the scene's source: from Line:Col to EndLine:EndCol
// (1-based, columns in characters, EndCol just after the last one); the
// zero Where is nowhere, and a zero EndLine or EndCol is unknown.
type Where struct {
	Line, Col, EndLine, EndCol int
}

// Result is the outcome of a run.
type Result struct {
	Stdout string // exactly what python3 would print on stdout
	Lines  []Line // Stdout split into timed lines (a final line without newline included)
	Stderr string // the traceback of an uncaught exception, or the error message
	// Output is what the scene wrote to stdout and stderr while it ran,
	// in order, as a terminal shows it; Stderr ends with what comes after
	// (an uncaught exception's traceback, a stop message).
	Output   []Chunk
	Uncaught string // the uncaught exception's line ("ValueError: boom"), if any
	// UncaughtAt is where the uncaught exception came from in the scene:
	// its innermost frame in the scene's own file, with the columns of
	// the failing expression that CPython underlines (zero when none).
	UncaughtAt Where
	ExitCode   int          // one of the Exit constants, or, when Exited, the scene's own status
	Exited     bool         // the scene ended itself with sys.exit (SystemExit): ExitCode is its status, as CPython's
	Err        *Error       // set for ExitRefused, ExitStopped and ExitInternal
	Trace      *trace.Trace // nil unless Options.Trace
	FinalTime  float64      // the virtual clock at the end
	// File is the scene's resolved syntax tree (nil when it was refused).
	File *syntax.File
}

// Run parses, checks, compiles and runs a scene.
func Run(src []byte, opts Options) *Result {
	if opts.Filename == "" {
		opts.Filename = "scene.py"
	}
	return run(src, opts)
}

package asyncio

import (
	"fmt"
	"io"
	"math"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"time"

	"loopscope/scenes/python/modules"
	"loopscope/scenes/python/py"
	"loopscope/scenes/trace"
)

// Config configures a run. Zero budget fields take their defaults.
type Config struct {
	Filename string // the scene's file name, as tracebacks show it
	Trace    bool   // record the trace (off: no event is built at all)
	// TraceTo, when set with Trace, receives each event as a JSON line
	// (trace.Event.AppendJSON) as it happens, and the trace is not kept:
	// Result.Trace is nil. Write errors are the writer's to keep (a
	// bufio.Writer reports them at Flush).
	TraceTo        io.Writer
	MaxSteps       int64   // bytecode instructions (default 2,000,000,000)
	MaxVirtualTime float64 // seconds of virtual time (default 100,000)
	MaxEvents      int     // trace events (default 5,000,000)
	MaxMemory      int64   // bytes of Go heap (default 1 GiB)
	MaxDepth       int     // Python call depth (default 1000), for the VM
	// Seed, when SeedSet, is the seed of the random generators that the
	// scene does not seed itself (random at import, random.seed() with no
	// argument); otherwise the machine picks one from the real clock. The
	// trace records it either way (trace.Seed).
	Seed    uint64
	SeedSet bool
	// Traceback, when set, renders a logged exception's traceback as CPython
	// prints it ("Traceback (most recent call last):" ... last line); without
	// it the log has the last line only.
	Traceback func(*py.Exception) string
	// WallClock is the wall clock's start: time.time() reads it plus the
	// virtual time elapsed, and its Location is the scene's local time
	// zone. The zero value is the Unix epoch in UTC; the CLI and the page
	// pass the real time and the user's zone.
	WallClock time.Time
	// SourceLine, when set, returns the scene's source line n (1-based),
	// which warnings quote.
	SourceLine func(n int) string
	// Pause, when set, is called about every PauseSteps instructions and
	// every PauseEvents trace events with the run's progress. The host may
	// block in it (the page lets the browser handle input and draw); an
	// error it returns stops the run where the scene is, as a StopError
	// of kind "interrupted". The calls fall at the same points on every
	// run of a scene, and change nothing the scene sees.
	Pause func(Progress) error
	// Note, when set, is told what the mistake detectors judge (Note);
	// LongStep is how many instructions a task's step may run before it
	// is noted as holding the loop (0: none is).
	Note     func(Note)
	LongStep int64
}

// Progress is how far a run has come, as Config.Pause is told.
type Progress struct {
	Steps  int64   // bytecode instructions run
	Time   float64 // the virtual clock
	Events int     // trace events recorded
	Line   int     // where the scene is: its line (0 if unknown)
	Col    int     // and column
}

// How often Config.Pause is called: every PauseSteps instructions (about
// a millisecond of the browser's work, so a host that yields every so
// many milliseconds does so on time) and every PauseEvents events.
const (
	PauseSteps  = 1 << 12
	PauseEvents = 1 << 11
)

// The default budgets. Each is far beyond what a program that ends needs:
// DefaultMaxSteps is about 13 s of CPython 3.11's own work at its fastest
// (tight loops of simple instructions run about 150 million of them per
// second), so a program CPython finishes in under 10 s is never stopped by
// it; the engine runs 10 to 40 million per second natively.
const (
	DefaultMaxSteps       = 2_000_000_000
	DefaultMaxVirtualTime = 100_000.0
	DefaultMaxEvents      = 5_000_000
	DefaultMaxMemory      = 1 << 30
	DefaultMaxDepth       = 1000
)

// Chunk is a run of text written to one stream: stdout, or stderr when
// Stderr is set.
type Chunk struct {
	Stderr bool
	Text   string
}

// Line is one line of standard output with the virtual time at which its
// newline was written (for a final line without a newline: the end).
type Line struct {
	Time float64
	Text string
}

// Exit codes of a run.
const (
	ExitOK       = 0
	ExitUncaught = 1
	ExitStopped  = 3
)

// StopError is why the engine stopped a scene: a budget ran out or nothing
// could ever run again. It is returned through the interpreter as a
// run-stopping error, which no Python code can catch.
type StopError struct {
	Kind   string // "budget", "deadlock", or "interrupted" (Config.Pause said so)
	Budget string // for "budget": which one ran out: "steps", "time", "events" or "memory"
	Line   int    // the scene line it happened at, 0 if unknown
	Col    int    // and its column, 0 if unknown
	Msg    string // the whole message
}

// Error returns the message.
func (e *StopError) Error() string { return e.Msg }

// LoggedError is an exception that CPython's default exception handler
// logs to stderr without stopping anything (an error in a callback, a task
// error never retrieved): Message is the handler's text ("Exception in
// callback f() at scene.py:9\nhandle: <Handle f() at scene.py:9>"), then
// CPython prints Exc's traceback.
type LoggedError struct {
	Time    float64
	Message string
	Exc     *py.Exception
}

// Result is the outcome of Run.
type Result struct {
	Stdout    string        // everything printed, exactly
	Lines     []Line        // Stdout as timed lines (a last line without newline included)
	NoEOL     bool          // the last line had no newline
	Stderr    string        // what CPython would log on stderr (callback errors, thread errors), last lines only
	Output    []Chunk       // stdout and stderr as the scene wrote them, in order (as a terminal shows them)
	Logged    []LoggedError // the logged exceptions, in order, for a full traceback each
	Trace     *trace.Trace  // nil unless Config.Trace
	Uncaught  *py.Exception // the exception that ended the scene, with its traceback
	Stop      *StopError    // the budget or deadlock that stopped it
	Internal  error         // a bug in loopscope, if any
	ExitCode  int           // ExitOK, ExitUncaught or ExitStopped; when Exited, the scene's own status
	Exited    bool          // the scene raised SystemExit (sys.exit): ExitCode is its status
	FinalTime float64       // the virtual clock at the end
	Steps     int64         // bytecode instructions run (counted in ticks)
}

// Golden renders the result in the corpus's golden form: `%.6f|text` per
// line, `=noeol`, `=error LAST`, `=deadlock` or `=budget`, `=exit N`.
func (r *Result) Golden() string {
	var b strings.Builder
	for _, l := range r.Lines {
		fmt.Fprintf(&b, "%.6f|%s\n", l.Time, l.Text)
	}
	if r.NoEOL {
		b.WriteString("=noeol\n")
	}
	if r.Uncaught != nil {
		b.WriteString("=error " + r.Uncaught.Error() + "\n")
	}
	if r.Stop != nil {
		b.WriteString("=" + r.Stop.Kind + "\n")
	}
	fmt.Fprintf(&b, "=exit %d\n", r.ExitCode)
	return b.String()
}

// Machine is one run of a scene: the virtual clock, the object ids, the
// threads and their scheduler, the trace and the budgets. It is the
// interpreter's py.Host.
type Machine struct {
	cfg Config
	now float64
	ids int32
	tr  *trace.Trace // nil when tracing is off
	// Events are recorded in fixed-size chunks and joined into tr at the
	// end: no re-copying of a growing slice, peak memory twice the trace.
	chunks  [][]trace.Event
	chunk   []trace.Event
	nEvents int
	line    []byte        // one event's JSON line, when the trace is streamed
	enc     trace.Encoder // and its encoder

	stdout strings.Builder
	// output marks where the writes switch stream: each mark ends a run
	// of one stream at an offset of stdout or stderr (Result.Output).
	output  []outputMark
	lines   []Line
	partial strings.Builder
	stderr  strings.Builder
	logged  []LoggedError

	// The scheduler (threads.go).
	threads  []*Thread
	runnable threadQueue
	timed    threadHeap
	blockSeq uint64
	cur      *Thread
	main     *Thread
	exiting  bool // the main thread is joining the others at exit

	taskCounter  int    // asyncio.tasks._task_name_counter
	threadNames  int    // threading's "Thread-N" counter
	timerSeq     uint64 // TimerHandle creation order
	steps        int64
	charged      int64 // bytes charged since the heap was last measured
	nextMemCheck int64 // m.steps at which Tick measures the heap
	lastLine     int   // where the last Tick found the scene
	lastCol      int
	heapBase     int64 // the heap before the run: the memory budget counts what the run adds
	nextPause    int64 // m.steps at which Tick calls Config.Pause
	pauseEvents  int   // m.nEvents at which the loop calls Config.Pause

	modules map[string]py.Value
	// newLoopHooks run when an event loop is created (OnNewLoop).
	newLoopHooks []func(t *py.Thread)
	exitHooks    []func(t *py.Thread) error
	seeds        uint64 // the state of FreshSeed's sequence
	seeded       bool
	warned       map[string]bool // the warnings shown (Warn), by file, line and text
}

// NewMachine returns a machine configured by cfg, with no threads yet. Run
// is the usual entry; tests use NewMachine with native coroutines.
func NewMachine(cfg Config) *Machine {
	if cfg.Filename == "" {
		cfg.Filename = "scene.py"
	}
	if cfg.MaxSteps <= 0 {
		cfg.MaxSteps = DefaultMaxSteps
	}
	if !(cfg.MaxVirtualTime > 0) || math.IsInf(cfg.MaxVirtualTime, 1) {
		cfg.MaxVirtualTime = DefaultMaxVirtualTime
	}
	if cfg.MaxEvents <= 0 {
		cfg.MaxEvents = DefaultMaxEvents
	}
	if cfg.MaxMemory <= 0 {
		cfg.MaxMemory = DefaultMaxMemory
	}
	if cfg.MaxDepth <= 0 {
		cfg.MaxDepth = DefaultMaxDepth
	}
	if cfg.WallClock.IsZero() {
		cfg.WallClock = time.Unix(0, 0).UTC()
	}
	m := &Machine{cfg: cfg, heapBase: heapBase(), nextPause: PauseSteps, pauseEvents: PauseEvents}
	if cfg.Trace {
		m.tr = &trace.Trace{}
	}
	return m
}

// Filename returns the scene's file name, as tracebacks show it.
func (m *Machine) Filename() string { return m.cfg.Filename }

// Now returns the virtual clock, in seconds since the start.
func (m *Machine) Now() float64 { return m.now }

// WallTime is time.time(): the wall clock's start plus the virtual time
// elapsed (a float addition, as tools/vclock/vclock.py does it).
func (m *Machine) WallTime() float64 { return m.WallStart() + m.now }

// WallStart is the wall clock's start in seconds since the epoch (what
// time.time() read when the virtual clock was 0.0).
func (m *Machine) WallStart() float64 {
	w := m.cfg.WallClock
	return float64(w.Unix()) + float64(w.Nanosecond())/1e9
}

// FormatTraceback renders an exception's traceback as CPython prints it
// (Config.Traceback), or its last line when the run has no renderer.
func (m *Machine) FormatTraceback(e *py.Exception) string {
	if m.cfg.Traceback != nil {
		return m.cfg.Traceback(e)
	}
	return e.Error() + "\n"
}

// WallTimeNS is time.time_ns(): the start in nanoseconds plus
// int(now * 1e9).
func (m *Machine) WallTimeNS() int64 {
	return m.cfg.WallClock.UnixNano() + int64(m.now*1e9)
}

// Location is the scene's local time zone (UTC when none was given).
func (m *Machine) Location() *time.Location {
	return m.cfg.WallClock.Location()
}

// NewID returns a fresh object id (one counter for every object).
func (m *Machine) NewID() int32 {
	m.ids++
	return m.ids
}

// Tracing reports whether events are recorded. Build an event's strings
// only when it is true.
func (m *Machine) Tracing() bool { return m.tr != nil }

// Emit records e at the current virtual time on the running thread. When
// e.Line is 0 it takes the running thread's position. It does nothing when
// tracing is off; callers guard expensive labels with Tracing.
func (m *Machine) Emit(e trace.Event) {
	if m.tr == nil {
		return
	}
	e.Time = m.now
	if m.cur != nil {
		if e.Thread == 0 {
			e.Thread = m.cur.ID
		}
		if e.Line == 0 && m.cur.Py != nil {
			l, c := m.where(m.cur)
			e.Line, e.Col = int32(l), int32(c)
		}
	}
	e.Seq = int32(m.nEvents)
	m.nEvents++
	if w := m.cfg.TraceTo; w != nil {
		m.line = append(m.enc.Append(m.line[:0], &e), '\n')
		w.Write(m.line)
		return
	}
	if len(m.chunk) == cap(m.chunk) {
		if m.chunk != nil {
			m.chunks = append(m.chunks, m.chunk)
		}
		m.chunk = make([]trace.Event, 0, eventChunk)
	}
	m.chunk = append(m.chunk, e)
}

// eventChunk is how many events one chunk of the trace holds.
const eventChunk = 1 << 14

// joinTrace moves the recorded events into m.tr.
func (m *Machine) joinTrace() {
	if m.tr == nil || m.nEvents == len(m.tr.Events) {
		return
	}
	evs := make([]trace.Event, 0, m.nEvents)
	for _, c := range m.chunks {
		evs = append(evs, c...)
	}
	evs = append(evs, m.chunk...)
	m.chunks, m.chunk = nil, nil
	m.tr.Events = evs
}

// where returns the position of what runs on th: the current task's
// suspension point when th runs a loop, else its innermost frame.
func (m *Machine) where(th *Thread) (int, int) {
	if l := th.loop; l != nil && l.current != nil {
		if line, col := l.current.coro.Where(); line > 0 {
			return line, col
		}
		if th.Py.Frame() == l.stepBase {
			// A library coroutine steps: the innermost frame is the
			// loop's caller (the asyncio.run line), not where it is.
			return 0, 0
		}
	}
	return th.Py.Where()
}

// Import implements py.Host: the modules a scene may import (each built
// once per run by its registered maker, py.MakeModule).
func (m *Machine) Import(t *py.Thread, name string) (py.Value, error) {
	if m.modules == nil {
		m.modules = map[string]py.Value{}
	}
	if v, ok := m.modules[name]; ok {
		return v, nil
	}
	var v py.Value
	if mk, ok := internalModules[name]; ok {
		v = mk(m)
	} else {
		var err error
		if v, err = py.MakeModule(m, name); err != nil {
			return nil, err
		}
	}
	m.modules[name] = v
	return v, nil
}

// internalModules are the modules that the runtime imports for itself
// (concurrent.futures.thread) and scenes cannot import.
var internalModules = map[string]func(m *Machine) py.Value{}

// registerModule registers an importable module built by mk (once per
// run) through the registry (py.RegisterModule).
func registerModule(spec *modules.Spec, mk func(m *Machine) py.Value) {
	py.RegisterModule(spec, func(h py.Host) (py.Value, error) {
		return mk(h.(*Machine)), nil
	})
}

// FreshSeed returns a seed for a generator the scene did not seed: the
// first is Config.Seed (or, unless SeedSet, one from the real clock), each
// next one follows from it (splitmix64), so that a run with a fixed seed
// repeats exactly. The caller records it in the trace (trace.Seed).
func (m *Machine) FreshSeed() uint64 {
	if !m.seeded {
		m.seeded = true
		if m.cfg.SeedSet {
			m.seeds = m.cfg.Seed
		} else {
			m.seeds = uint64(time.Now().UnixNano())
		}
		return m.seeds
	}
	m.seeds += 0x9e3779b97f4a7c15
	z := m.seeds
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// Write implements py.Host: print's output, timestamped per line.
func (m *Machine) Write(t *py.Thread, s string) {
	m.stdout.WriteString(s)
	m.addOutput(false, s)
	if m.tr != nil {
		m.Emit(trace.Event{Kind: trace.Print, Concept: trace.ConceptPrint, Text: s})
	}
	for {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			m.partial.WriteString(s)
			return
		}
		text := s[:i]
		if m.partial.Len() > 0 {
			m.partial.WriteString(text)
			text = m.partial.String()
			m.partial.Reset()
		}
		m.lines = append(m.lines, Line{Time: m.now, Text: text})
		s = s[i+1:]
	}
}

// LogError records what the default exception handler logs: message,
// then exc's traceback (stderr gets message and exc's last line).
func (m *Machine) LogError(message string, exc *py.Exception) {
	m.logged = append(m.logged, LoggedError{Time: m.now, Message: message, Exc: exc})
	m.WriteStderr(message + "\n")
	switch {
	case exc == nil:
	case m.cfg.Traceback != nil:
		m.WriteStderr(m.cfg.Traceback(exc))
	default:
		m.WriteStderr(exc.Error() + "\n")
	}
}

// WriteStderr records text CPython would write to stderr (logged callback
// errors, thread exceptions, logging's records, print(file=sys.stderr)),
// in order with stdout; the trace gets it as a print event labelled
// "stderr", so that the page's console shows it where it happened.
func (m *Machine) WriteStderr(s string) {
	m.stderr.WriteString(s)
	m.addOutput(true, s)
	if m.tr != nil {
		m.Emit(trace.Event{Kind: trace.Print, Concept: trace.ConceptPrint, Text: s, Label: "stderr"})
	}
}

// outputMark ends a run of writes to one stream, at offset end of it.
type outputMark struct {
	stderr bool
	end    int
}

// addOutput records that s was just written to stdout or stderr.
func (m *Machine) addOutput(stderr bool, s string) {
	if s == "" {
		return
	}
	end := m.stdout.Len()
	if stderr {
		end = m.stderr.Len()
	}
	if n := len(m.output); n > 0 && m.output[n-1].stderr == stderr {
		m.output[n-1].end = end
		return
	}
	m.output = append(m.output, outputMark{stderr: stderr, end: end})
}

// orderedOutput cuts stdout and stderr into the runs the marks record.
func (m *Machine) orderedOutput() []Chunk {
	out := make([]Chunk, 0, len(m.output))
	streams := [2]string{m.stdout.String(), m.stderr.String()}
	var at [2]int
	for _, mk := range m.output {
		i := 0
		if mk.stderr {
			i = 1
		}
		out = append(out, Chunk{Stderr: mk.stderr, Text: streams[i][at[i]:mk.end]})
		at[i] = mk.end
	}
	return out
}

// memCheckSteps is how many instructions pass between two heap
// measurements made whatever was charged.
const memCheckSteps = 1 << 18

var memSample = []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}

// stepCounter is implemented by an interpreter thread that counts the
// instructions it has run (see NEEDS.md).
type stepCounter interface{ Steps() int64 }

// ticksPerCall is what one Tick counts for when the interpreter does not
// count instructions itself: it ticks every py.TickInterval instructions
// and on every call, and cannot say which.
const ticksPerCall = 32

// Tick implements py.Host: the step and memory budgets.
func (m *Machine) Tick(t *py.Thread, line, col int) error {
	if sc, ok := any(t).(stepCounter); ok {
		if th := ThreadOf(t); th != nil {
			n := sc.Steps()
			m.steps += n - th.steps
			th.steps = n
			if th.longAt > 0 && n >= th.longAt {
				th.longAt = 0
				m.cfg.Note(Note{Kind: NoteLong, Event: th.longEvent, Task: th.longTask, Line: line, Col: col})
			}
		}
	} else {
		m.steps += ticksPerCall
	}
	m.lastLine, m.lastCol = line, col
	if m.steps > m.cfg.MaxSteps {
		return &StopError{Kind: "budget", Budget: "steps", Line: line, Col: col, Msg: fmt.Sprintf(
			"step budget exhausted at %s: the scene ran %s Python steps (bytecode instructions) and had not finished. "+
				"A loop that never ends stops here; if the scene is only long, give it more steps with -max-steps",
			at(line, col), thousands(m.cfg.MaxSteps))}
	}
	if m.steps >= m.nextMemCheck {
		// A backstop for what the interpreter does not charge.
		m.nextMemCheck = m.steps + memCheckSteps
		if err := m.checkMemory(line, col); err != nil {
			return err
		}
	}
	if m.steps >= m.nextPause {
		m.nextPause = m.steps + PauseSteps
		return m.pause(line, col)
	}
	return nil
}

// pauseLoop calls Config.Pause from the event loop when PauseEvents
// events have been recorded since the last call: a scene whose loop turns
// over and over runs few instructions of its own between events.
func (m *Machine) pauseLoop() error {
	if m.nEvents < m.pauseEvents {
		return nil
	}
	m.pauseEvents = m.nEvents + PauseEvents
	return m.pause(m.lastLine, m.lastCol)
}

// pause calls Config.Pause, if set, with the run's progress at line and
// col; its error stops the run there.
func (m *Machine) pause(line, col int) error {
	if m.cfg.Pause == nil {
		return nil
	}
	if err := m.cfg.Pause(Progress{Steps: m.steps, Time: m.now, Events: m.nEvents, Line: line, Col: col}); err != nil {
		return &StopError{Kind: "interrupted", Line: line, Col: col, Msg: fmt.Sprintf(
			"interrupted at %s after %s Python steps and %s s of loop time: %v",
			at(line, col), thousands(m.steps), strconv.FormatFloat(m.now, 'f', -1, 64), err)}
	}
	return nil
}

// Charge implements py.MemoryHost: the interpreter's allocations, told in
// batches, and each large one before it is made. A piece larger than the
// whole budget raises MemoryError, as CPython's allocator refuses what it
// cannot have; otherwise the heap is measured whenever a step of the
// budget has been charged since the last measure, and the run stops if the
// heap and the piece would pass the budget.
func (m *Machine) Charge(t *py.Thread, n int64, whole bool) error {
	if whole && n > m.cfg.MaxMemory {
		return py.NewException(py.MemoryErrorType)
	}
	m.charged += n
	step := max(m.cfg.MaxMemory/64, 1<<20)
	if m.charged < step && !(whole && n >= step) {
		return nil
	}
	m.charged = 0
	line, col := t.Where()
	if !whole {
		n = 0
	}
	return m.checkMemoryFor(line, col, n)
}

// heapBase is the heap a run starts on: what the process keeps from
// before (the page keeps the last run's trace to play it while the next
// one runs), which the run's memory budget does not count. A heap past
// 256 MiB is collected first, so that garbage left by an earlier run (the
// list it grew until its budget ran out) is not taken for kept data, which
// would let this run grow by that much more than its budget; a smaller
// one is not worth the time a collection takes before every run.
func heapBase() int64 {
	h := heapBytes()
	if h > 256<<20 {
		runtime.GC()
		h = heapBytes()
	}
	return h
}

// heapBytes reads the bytes of heap objects, live or not yet swept.
func heapBytes() int64 {
	metrics.Read(memSample)
	if v := memSample[0].Value; v.Kind() == metrics.KindUint64 {
		return int64(v.Uint64())
	}
	return 0
}

func (m *Machine) checkMemory(line, col int) error { return m.checkMemoryFor(line, col, 0) }

// checkMemoryFor stops the run when the heap, with next more bytes about
// to be allocated, passes the budget. The heap measure counts garbage not
// yet collected, so an over-budget measure is taken again after a
// collection before the scene is stopped.
func (m *Machine) checkMemoryFor(line, col int, next int64) error {
	if heapBytes()-m.heapBase+next <= m.cfg.MaxMemory {
		return nil
	}
	runtime.GC()
	if heapBytes()-m.heapBase+next > m.cfg.MaxMemory {
		return &StopError{Kind: "budget", Budget: "memory", Line: line, Col: col, Msg: fmt.Sprintf(
			"memory budget exhausted at %s: the scene's objects took more than %s MiB. "+
				"A scene that allocates without end stops here; if it really needs that much, raise it with -max-memory",
			at(line, col), thousands(m.cfg.MaxMemory>>20))}
	}
	return nil
}

// checkEvents stops the run when the trace is full.
func (m *Machine) checkEvents() error {
	if m.tr != nil && m.nEvents > m.cfg.MaxEvents {
		return &StopError{Kind: "budget", Budget: "events", Line: m.lastLine, Col: m.lastCol, Msg: fmt.Sprintf(
			"event budget exhausted at %s: the trace recorded %s events, all kept so that playback can step back. "+
				"Raise it with -max-events, or run the scene without a trace (loopscope run has no such limit)",
			at(m.lastLine, m.lastCol), thousands(int64(m.cfg.MaxEvents)))}
	}
	return nil
}

// at names a position in a message: "line 8, column 5".
func at(line, col int) string {
	if col > 0 {
		return fmt.Sprintf("line %d, column %d", line, col)
	}
	return fmt.Sprintf("line %d", line)
}

// thousands writes n with commas between groups of three digits
// (2,000,000,000), as budgets are read.
func thousands(n int64) string {
	if n < 0 {
		return "-" + thousands(-n)
	}
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// AtExit registers fn to run on the main thread when the scene's module
// body has finished, before the main thread joins the other threads (as
// threading._register_atexit hooks do: concurrent.futures uses one to wake
// its idle workers so that they end).
func (m *Machine) AtExit(fn func(t *py.Thread) error) {
	m.exitHooks = append(m.exitHooks, fn)
}

// Run runs a compiled scene in virtual time: the module body on the main
// thread, then what CPython does at exit (atexit hooks, joining every
// non-daemon thread).
func Run(prog *py.Program, cfg Config) *Result {
	m := NewMachine(cfg)
	t := prog.Main(m)
	t.SetRecursionLimit(m.cfg.MaxDepth)
	return m.runMain(t)
}

// runMain drives the main thread t (already started) and every other
// thread to the end, and builds the result.
func (m *Machine) runMain(t *py.Thread) (res *Result) {
	res = &Result{}
	defer func() {
		if r := recover(); r != nil {
			res.Internal = fmt.Errorf("internal error: %v", r)
			res.ExitCode = ExitStopped
			m.fill(res)
		}
	}()
	main := m.adoptMain(t)
	err := m.schedule(func() bool { return main.state == threadFinished })
	if err == nil && main.err != nil {
		err = main.err
	}
	switch e := err.(type) {
	case nil:
	case *py.Exception:
		if e.Class.IsSubtypeOf(py.SystemExitType) {
			// sys.exit(): no traceback; the exit status is the code, or 1
			// after printing a code that is not an int (handle_system_exit).
			res.ExitCode, res.Exited = m.exitStatus(e), true
			break
		}
		res.Uncaught = e
		res.ExitCode = ExitUncaught
		if m.tr != nil {
			m.Emit(trace.Event{Kind: trace.Uncaught, Concept: trace.ConceptException, Text: e.Error()})
		}
	case *StopError:
		res.Stop = e
		res.ExitCode = ExitStopped
		if m.tr != nil {
			what := e.Kind
			if e.Budget != "" {
				what = e.Budget
			}
			m.Emit(trace.Event{Kind: trace.Stopped, Text: e.Msg, Label: what, Line: int32(e.Line), Col: int32(e.Col)})
		}
	default:
		res.Internal = e
		res.ExitCode = ExitStopped
	}
	m.fill(res)
	return res
}

// exitStatus is CPython's handle_system_exit for an uncaught SystemExit:
// its code None is status 0, an int is the status, anything else is
// printed to stderr and gives status 1.
func (m *Machine) exitStatus(e *py.Exception) int {
	var code py.Value = py.None
	switch len(e.Args) {
	case 0:
	case 1:
		code = e.Args[0]
	default:
		code = e.Args
	}
	switch c := code.(type) {
	case py.NoneType:
		return 0
	case py.Int:
		return int(c)
	case py.Bool:
		if c {
			return 1
		}
		return 0
	}
	s, err := py.ToStr(nil, code)
	if err != nil {
		s = "<exit code>"
	}
	m.WriteStderr(s + "\n")
	return 1
}

func (m *Machine) fill(res *Result) {
	res.Stdout = m.stdout.String()
	res.Lines = m.lines
	if m.partial.Len() > 0 {
		res.Lines = append(res.Lines, Line{Time: m.now, Text: m.partial.String()})
		res.NoEOL = true
	}
	res.Stderr = m.stderr.String()
	res.Output = m.orderedOutput()
	res.Logged = m.logged
	m.joinTrace()
	if m.cfg.TraceTo == nil {
		res.Trace = m.tr
	}
	res.FinalTime = m.now
	res.Steps = m.steps
}

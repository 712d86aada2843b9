// Package mistakes finds the classic asyncio mistakes in a scene and its
// run: a blocking call on the loop's thread, a task step that holds the
// loop for very long, a coroutine never awaited, a task's exception never
// retrieved, a task whose reference is dropped, independent awaits done
// one after the other while the loop sat idle, and asyncio.run called
// from a running loop. Each is found at its line and column, with the
// trace event where it shows and the section of the built-in notes that
// explains it.
//
// Some are read from the scene's syntax tree (a dropped task, and which
// awaits could be independent), the others from what the run did: its
// trace and what the machine noted (asyncio.Note). A detector reports
// only what it is sure of, so only what the run reached: code that never
// ran makes no mistake here.
package mistakes

import (
	"sort"
	"strconv"
	"strings"

	"loopscope/scenes/asyncio"
	"loopscope/scenes/python/py"
	"loopscope/scenes/python/resolve"
	"loopscope/scenes/python/syntax"
	"loopscope/scenes/trace"
)

// Kind names a mistake.
type Kind string

// The mistakes.
const (
	Blocking       Kind = "blocking"          // a blocking call (time.sleep) on the thread of a running loop
	LongStep       Kind = "long-step"         // a task step that runs StepLimit instructions without an await
	NeverAwaited   Kind = "never-awaited"     // a coroutine object dropped without being awaited
	NeverRetrieved Kind = "never-retrieved"   // a failed task whose exception nobody retrieved
	DroppedTask    Kind = "dropped-task"      // asyncio.create_task(...) as a statement: the task is not kept
	Sequential     Kind = "sequential-awaits" // two independent awaits in a row, while the loop had nothing else to do
	NestedRun      Kind = "nested-run"        // asyncio.run called from a running loop
)

// Kinds lists every kind, in the order the package doc names them.
var Kinds = []Kind{Blocking, LongStep, NeverAwaited, NeverRetrieved, DroppedTask, Sequential, NestedRun}

// StepLimit is how many bytecode instructions one step of a task may run
// before it counts as holding the loop: about a tenth of a second of
// CPython's work (it runs 50 to 150 million simple instructions a
// second), the time after which asyncio's debug mode logs a step as slow
// (loop.slow_callback_duration).
const StepLimit = 10_000_000

// Mistake is one mistake found in a scene.
type Mistake struct {
	Kind Kind
	// Line and Col are where it is in the scene (1-based, columns in
	// characters); EndCol is just after it on that line (0: unknown).
	Line, Col, EndCol int
	// Event is the index of the first trace event where it shows.
	Event int
	// Notes is the section of the built-in notes that explains it, as
	// "scene#section" ("16_blocking#blocking").
	Notes string
	// Arg is what the message names: the blocking call, the coroutine,
	// the exception, the line of the earlier await.
	Arg string
}

// Notes returns the section of the built-in notes that explains the
// kind, as "scene#section".
func (k Kind) Notes() string { return notesOf[k] }

// notesOf is where the built-in notes explain each kind.
var notesOf = map[Kind]string{
	Blocking:       "16_blocking#blocking",
	LongStep:       "16_blocking#blocking",
	NeverAwaited:   "01_event_loop#coroutine",
	NeverRetrieved: "13_errors_in_tasks#exception",
	DroppedTask:    "03_tasks#task",
	Sequential:     "07_async_servers#await",
	NestedRun:      "01_event_loop#thread",
}

// Find returns the mistakes of a scene and its run, in source order: f is
// the scene's resolved syntax tree, tr the run's trace, notes what the
// machine noted while it ran (asyncio.Config.Note, with LongStep set to StepLimit).
func Find(f *syntax.File, tr *trace.Trace, notes []asyncio.Note) []Mistake {
	d := &finder{f: f, tr: tr, seen: map[string]bool{}, created: map[int32]asyncio.Note{}}
	if tr == nil {
		d.tr = &trace.Trace{}
	}
	d.scan()
	nested := map[int]bool{}
	for _, n := range notes {
		switch n.Kind {
		case asyncio.NoteTask:
			if _, ok := d.created[n.Task]; !ok {
				d.created[n.Task] = n
			}
		case asyncio.NoteNestedRun:
			nested[n.Line] = true
		}
	}
	for _, n := range notes {
		switch n.Kind {
		case asyncio.NoteBlock:
			if d.blockedFor(n.Event) {
				d.add(Blocking, n.Line, n.Col, n.Event, n.Text)
			}
		case asyncio.NoteLong:
			d.add(LongStep, n.Line, n.Col, n.Event, thousands(StepLimit))
		case asyncio.NoteNeverAwaited:
			// asyncio.run(main()) from a running loop drops main(): the
			// nested run is the mistake to fix.
			if name := n.Text[strings.LastIndexByte(n.Text, '.')+1:]; !nested[n.Line] {
				if c := d.callNamed(n.Line, name); c != nil {
					d.add(NeverAwaited, int(c.Pos().Line), int(c.Pos().Col), n.Event, n.Text)
				}
			}
		case asyncio.NoteUnretrieved:
			if c, ok := d.created[n.Task]; ok {
				d.add(NeverRetrieved, c.Line, c.Col, n.Event, d.failure(n.Task))
			}
		case asyncio.NoteNestedRun:
			d.add(NestedRun, n.Line, n.Col, n.Event, "")
		}
	}
	for _, c := range d.dropped {
		ev := -1
		for _, n := range notes {
			if n.Kind == asyncio.NoteTask && n.Line == int(c.Pos().Line) {
				ev = n.Event
				break
			}
		}
		if ev >= 0 { // the call made a task (asyncio.create_task(42) raises instead)
			d.add(DroppedTask, int(c.Pos().Line), int(c.Pos().Col), ev, "")
		}
	}
	d.sequential(notes)
	sort.SliceStable(d.out, func(i, j int) bool {
		a, b := d.out[i], d.out[j]
		return a.Line < b.Line || a.Line == b.Line && a.Col < b.Col
	})
	return d.out
}

// finder is one search.
type finder struct {
	f       *syntax.File
	tr      *trace.Trace
	out     []Mistake
	seen    map[string]bool
	created map[int32]asyncio.Note // each task's NoteTask
	calls   []*syntax.CallExpr     // every call, in source order
	dropped []*syntax.CallExpr     // create_task and ensure_future calls whose task is dropped
	pairs   []pair                 // awaits in a row that could be independent
}

// add records a mistake once per kind and place, with its end column
// when a call starts there.
func (d *finder) add(k Kind, line, col, event int, arg string) {
	key := string(k) + ":" + strconv.Itoa(line) + ":" + strconv.Itoa(col)
	if line <= 0 || d.seen[key] {
		return
	}
	d.seen[key] = true
	m := Mistake{Kind: k, Line: line, Col: col, Event: event, Notes: notesOf[k], Arg: arg}
	for _, c := range d.calls {
		if p := c.Pos(); int(p.Line) == line && int(p.Col) == col && c.End().Line == p.Line {
			m.EndCol = int(c.End().Col)
			break
		}
	}
	d.out = append(d.out, m)
}

// blockedFor reports whether the thread that blocked at event i stayed
// blocked while the virtual clock moved (time.sleep(0) holds nothing up).
func (d *finder) blockedFor(i int) bool {
	ev := d.tr.Events
	if i < 0 || i >= len(ev) || ev[i].Kind != trace.ThreadBlock {
		return false
	}
	for _, e := range ev[i+1:] {
		if e.Kind == trace.ThreadWake && e.ID == ev[i].ID {
			return e.Time > ev[i].Time
		}
	}
	return true // still blocked when the run ended
}

// failure returns the exception a task ended with, as its task.done says.
func (d *finder) failure(task int32) string {
	for _, e := range d.tr.Events {
		if e.Kind == trace.TaskDone && e.ID == task {
			return e.Label
		}
	}
	return ""
}

// callNamed returns the first call on line whose function is named name
// (f(...), x.f(...)).
func (d *finder) callNamed(line int, name string) *syntax.CallExpr {
	for _, c := range d.calls {
		if int(c.Pos().Line) == line && calleeName(c) == name {
			return c
		}
	}
	return nil
}

// calleeName is the called function's name: f for f(...) and x.f(...).
func calleeName(c *syntax.CallExpr) string {
	switch fn := c.Fn.(type) {
	case *syntax.Ident:
		return fn.Name
	case *syntax.DotExpr:
		return fn.Name.Name
	}
	return ""
}

// binding is the resolver's binding of a name, or nil.
func binding(x syntax.Expr) *resolve.Binding {
	if id, ok := x.(*syntax.Ident); ok {
		b, _ := id.Binding.(*resolve.Binding)
		return b
	}
	return nil
}

// inChain reports whether a task's await chain has a frame at line from
// to line to.
func (d *finder) inChain(stack []py.TracebackEntry, from, to int) bool {
	for _, fr := range stack {
		if fr.File == d.f.Path && fr.Line >= from && fr.Line <= to {
			return true
		}
	}
	return false
}

// thousands writes n with commas: 10,000,000.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

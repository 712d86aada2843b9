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
	"strings"

	"loopscope/scenes/asyncio"
	"loopscope/scenes/python/py"
	"loopscope/scenes/python/resolve"
	"loopscope/scenes/python/syntax"
	"loopscope/scenes/trace"
)

// Kind is a kind of mistake.
type Kind uint8

// The mistakes, in the order the package doc names them; String gives
// each one's name.
const (
	Blocking       Kind = iota // blocking: a blocking call (time.sleep) on the thread of a running loop
	LongStep                   // long-step: a task step that runs StepLimit instructions without an await
	NeverAwaited               // never-awaited: a coroutine object dropped without being awaited
	NeverRetrieved             // never-retrieved: a failed task whose exception nobody retrieved
	DroppedTask                // dropped-task: asyncio.create_task(...) as a statement: the task is not kept
	Sequential                 // sequential-awaits: two independent awaits in a row, while the loop had nothing else to do
	NestedRun                  // nested-run: asyncio.run called from a running loop
	NumKinds
)

var kindNames = [NumKinds]string{"blocking", "long-step", "never-awaited", "never-retrieved", "dropped-task", "sequential-awaits", "nested-run"}

// String returns the kind's name: "blocking", "long-step"...
func (k Kind) String() string { return kindNames[k] }

// notesOf is where the built-in notes explain each kind.
var notesOf = [NumKinds]string{"16_blocking#blocking", "16_blocking#blocking", "01_event_loop#coroutine",
	"13_errors_in_tasks#exception", "03_tasks#task", "07_async_servers#await", "01_event_loop#thread"}

// Notes returns the section of the built-in notes that explains the
// kind, as "scene#section".
func (k Kind) Notes() string { return notesOf[k] }

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

// Find returns the mistakes of a scene and its run, in source order: src
// is the scene, f its resolved syntax tree, tr the run's trace, notes
// what the machine noted while it ran (asyncio.Config.Note, with LongStep
// set to StepLimit).
func Find(src []byte, f *syntax.File, tr *trace.Trace, notes []asyncio.Note) []Mistake {
	d := &finder{f: f, tr: tr, notes: notes}
	if tr == nil {
		d.tr = &trace.Trace{}
	}
	d.scan(src)
	for _, n := range notes {
		switch n.Kind {
		case asyncio.NoteBlock:
			if d.blockedFor(n.Event) {
				d.add(Blocking, n.Line, n.Col, n.Event, n.Text)
			}
		case asyncio.NoteLong:
			d.add(LongStep, n.Line, n.Col, n.Event, "10,000,000")
		case asyncio.NoteNeverAwaited:
			// asyncio.run(main()) from a running loop drops main(): the
			// nested run is the mistake to fix.
			if c := d.call(n.Line, 0, n.Text[strings.LastIndexByte(n.Text, '.')+1:]); c != nil && d.noted(asyncio.NoteNestedRun, 0, n.Line) == nil {
				d.add(NeverAwaited, int(c.Pos().Line), int(c.Pos().Col), n.Event, n.Text)
			}
		case asyncio.NoteUnretrieved:
			if c := d.noted(asyncio.NoteTask, n.Task, 0); c != nil {
				d.add(NeverRetrieved, c.Line, c.Col, n.Event, d.failure(n.Task))
			}
		case asyncio.NoteNestedRun:
			d.add(NestedRun, n.Line, n.Col, n.Event, "")
		}
	}
	for _, c := range d.dropped {
		// Only a call that made a task (asyncio.create_task(42) raises).
		if n := d.noted(asyncio.NoteTask, 0, int(c.Pos().Line)); n != nil {
			d.add(DroppedTask, int(c.Pos().Line), int(c.Pos().Col), n.Event, "")
		}
	}
	d.sequential()
	// In source order (insertion: few, and mostly in order already).
	out := d.out
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && (out[j].Line < out[j-1].Line || out[j].Line == out[j-1].Line && out[j].Col < out[j-1].Col); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// finder is one search.
type finder struct {
	f       *syntax.File
	tr      *trace.Trace
	notes   []asyncio.Note
	out     []Mistake
	dropped []*syntax.CallExpr // create_task and ensure_future calls whose task is dropped
	pairs   []pair             // awaits in a row that could be independent
}

// noted returns the first note of a kind about task (0: any) at line (0:
// any), or nil.
func (d *finder) noted(k asyncio.NoteKind, task int32, line int) *asyncio.Note {
	for i := range d.notes {
		if n := &d.notes[i]; n.Kind == k && (task == 0 || n.Task == task) && (line == 0 || n.Line == line) {
			return n
		}
	}
	return nil
}

// add records a mistake once per kind and place, with its end column
// when a call starts there.
func (d *finder) add(k Kind, line, col, event int, arg string) {
	for _, m := range d.out {
		if m.Kind == k && m.Line == line && m.Col == col {
			return
		}
	}
	m := Mistake{Kind: k, Line: line, Col: col, Event: event, Notes: k.Notes(), Arg: arg}
	if c := d.call(line, col, ""); c != nil && c.End().Line == c.Pos().Line {
		m.EndCol = int(c.End().Col)
	}
	if line > 0 {
		d.out = append(d.out, m)
	}
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

// call returns the first call at line, at col (0: any), of a function
// named name ("": any): f(...) or x.f(...).
func (d *finder) call(line, col int, name string) (found *syntax.CallExpr) {
	syntax.Walk(d.f, func(n syntax.Node) bool {
		if c, ok := n.(*syntax.CallExpr); ok && found == nil && int(c.Pos().Line) == line && (col == 0 || int(c.Pos().Col) == col) && (name == "" || calleeName(c) == name) {
			found = c
		}
		return found == nil
	})
	return found
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

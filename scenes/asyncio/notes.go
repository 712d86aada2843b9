package asyncio

import "loopscope/scenes/python/py"

// NoteKind is what a Note reports.
type NoteKind uint8

// The notes a run gives Config.Note: what the mistake detectors
// (package mistakes) judge, with what the trace alone does not say.
const (
	NoteTask         NoteKind = iota + 1 // a task was created: Line, Col of the scene's call that created it
	NoteSuspend                          // a task's step ended at an await with nothing else ready: Stack, its await chain
	NoteLong                             // a task's step ran Config.LongStep instructions without giving the loop back: Line, Col where it was then
	NoteBlock                            // the thread of a running loop blocked in a call (time.sleep): Line, Col of the call; Text what
	NoteNeverAwaited                     // a coroutine was dropped without being awaited: Line, as CPython's warning names it; Text its __qualname__
	NoteUnretrieved                      // a failed task's exception was never retrieved (logged at the loop's close)
	NoteNestedRun                        // asyncio.run was called from a running loop: Line, Col of the call
)

// Note is something the run saw, as Config.Note is told. Event is the
// index of the trace event it goes with: the task's step for NoteSuspend
// (its task.suspend) and NoteLong (its task.step), else the next event to
// be recorded (the thread.block, the warning's print...).
type Note struct {
	Kind      NoteKind
	Event     int
	Task      int32 // the task's id, when it is about one
	Line, Col int
	Text      string
	Stack     []py.TracebackEntry // NoteSuspend: the task's await chain, outermost first
}

// note tells Config.Note about n at the next event, at where t is when n
// has no position.
func (m *Machine) note(t *py.Thread, n Note) {
	if m.cfg.Note == nil {
		return
	}
	n.Event = m.nEvents
	if n.Line == 0 && t != nil {
		n.Line, n.Col = t.Where()
	}
	m.cfg.Note(n)
}

// noteSuspend tells Config.Note that tk's step ended at an await while the
// loop had nothing else ready, with the task's await chain.
func (m *Machine) noteSuspend(tk *Task) {
	if m.cfg.Note == nil || tk.loop.ready.Len() > 0 {
		return
	}
	if s, ok := tk.coro.(interface{ Stack() []py.TracebackEntry }); ok {
		m.cfg.Note(Note{Kind: NoteSuspend, Event: m.nEvents - 1, Task: tk.id, Stack: s.Stack()})
	}
}

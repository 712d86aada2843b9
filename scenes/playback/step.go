package playback

import "loopscope/scenes/trace"

// Unit is what a step moves by (Player.StepBy). The page names the units
// by these numbers.
type Unit uint8

// The step units.
const (
	UnitEvent     Unit = iota // one event
	UnitIteration             // to the start of a turn of the loop (_run_once)
	UnitPrint                 // to a line printed to stdout
	UnitLine                  // to where a task (or a thread) arrives at a line of the scene
	UnitBreak                 // to a breakpoint (Player.SetBreaks)
)

// BreakOn says which events stop playing: a set of bits.
type BreakOn uint8

// The breakpoints' kinds.
const (
	BreakLine  BreakOn = 1 << iota // a task or thread arrives at a line with a breakpoint
	BreakTimer                     // a timer falls due (timer.due)
	BreakDone                      // a task finishes (task.done)
	BreakError                     // an exception is set on a task or future, raised, or ends the scene
)

// mark notes where steps land at event i, just applied to s: iter was
// the loop's iteration before it, last holds each actor's line so far
// (by the actor's object id: tasks and threads share one space of ids).
// An actor is who moves to an event's line: the task whose line it is (as
// State keeps Task.Line), or else the thread it happened on (its id
// negated); a task.new has none (its line is its coroutine's def, not
// where anything runs). An actor arrives at a line when it moves there
// from another, and a task each time it resumes.
func (r *Recording) mark(i int, e *trace.Event, s *State, iter int, last []int32) {
	if i == 0 {
		r.marks = make([]int32, r.Len())
	}
	if s.Loop.Iteration != iter {
		r.marks[i] = 1
	}
	who := -e.Thread
	switch {
	case e.Line <= 0 || e.Kind == trace.TaskNew:
		return
	case e.Kind == trace.TaskStep || e.Kind == trace.TaskSuspend:
		who = e.ID
	case e.Thread != s.Loop.Thread:
	case e.Kind == trace.TaskDone: // the task that ran, no longer Loop.Task
		who = e.ID
	case s.Loop.Task != 0:
		who = s.Loop.Task
	}
	k := max(who, -who)
	if who != 0 && (e.Kind == trace.TaskStep || last[k] != e.Line) {
		last[k] = e.Line
		r.marks[i] |= who << 1
	}
}

// stop reports whether a step by u lands on event i: for UnitLine, where
// the task with id task arrives at a line (any task or thread for 0).
func (p *Player) stop(u Unit, i int, task int32) bool {
	e, who := &p.rec.tr.Events[i], p.rec.marks[i]>>1
	switch u {
	case UnitIteration:
		return p.rec.marks[i]&1 != 0
	case UnitPrint:
		return e.Kind == trace.Print && e.Label != "stderr"
	case UnitLine:
		return who != 0 && (task == 0 || who == task)
	case UnitBreak:
		return p.hit(i) != 0
	}
	return true
}

// StepBy pauses and moves n units forward (n > 0) or back (n < 0), as
// Step does: to the next event a step by u lands on (UnitLine: of the
// task with id task, or of the task running now, or of anything when
// none runs), or to the last event (the first) when there is none. Each
// step looks at the events one by one: a 40,000-event scene takes well
// under a millisecond.
func (p *Player) StepBy(u Unit, n int, task int32) {
	if u == UnitLine && task == 0 {
		task = p.State().Loop.Task
	}
	dir := 1
	if n < 0 {
		dir, n = -1, -n
	}
	to := p.idx
	for ; n > 0; n-- {
		for to += dir; to > 0 && to < p.Len()-1 && !p.stop(u, to, task); to += dir {
		}
	}
	p.Step(to - p.idx)
}

// SetBreaks sets where playing stops: where a task or thread arrives at
// one of lines, and at the kinds of events in on.
func (p *Player) SetBreaks(lines []int32, on BreakOn) {
	p.breakLines, p.breakOn = lines, on|BreakLine
}

// hit returns why event i is a breakpoint, 0 if it is not one.
func (p *Player) hit(i int) BreakOn {
	e := &p.rec.tr.Events[i]
	var why BreakOn
	switch e.Kind {
	case trace.TimerDue:
		why = BreakTimer
	case trace.TaskDone:
		why = BreakDone
	case trace.FutureException, trace.Raise, trace.Uncaught:
		why = BreakError
	}
	for _, l := range p.breakLines {
		if l == e.Line && p.rec.marks[i]>>1 != 0 {
			why |= BreakLine
		}
	}
	return why & p.breakOn
}

// Hit returns why playing stopped at the current event, if a breakpoint
// stopped it there and it has not moved since: 0 otherwise.
func (p *Player) Hit() BreakOn {
	if p.hitAt == p.idx+1 && !p.playing {
		return p.hitWhy
	}
	return 0
}

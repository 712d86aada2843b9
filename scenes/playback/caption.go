package playback

import (
	"strconv"
	"strings"

	"loopscope/scenes/trace"
)

// Seconds formats a virtual time as the stage shows it: "1.250 s".
func Seconds(t float64) string {
	return strconv.FormatFloat(t, 'f', 3, 64) + " s"
}

// caption says in one sentence what the current event did.
func (s *State) caption() string {
	if s.Index < 0 {
		return "Press play: nothing has happened yet."
	}
	e := &s.Event
	name := s.Name(e.ID)
	ref := s.Name(e.Ref)
	switch e.Kind {
	case trace.LoopStart:
		return "asyncio.run starts the event loop on " + s.Name(e.Thread) + "."
	case trace.LoopPhase:
		switch e.Text {
		case "select":
			switch {
			case e.Num < 0:
				return "Nothing is ready and no timer is armed: the loop waits for I/O with no timeout."
			case e.Num == 0:
				return "Something is ready: the loop polls for I/O without waiting."
			default:
				return "Nothing is ready: the loop waits up to " + Seconds(e.Num) + " for the next timer."
			}
		case "timers":
			return "The loop moves every timer that is due to the ready queue."
		case "ready":
			if e.Num == 1 {
				return "The loop runs the one callback that was ready when this turn began."
			}
			return "The loop runs the " + itoa(int(e.Num)) + " callbacks that were ready when this turn began, in FIFO order."
		}
		return "The loop enters " + e.Text + "."
	case trace.LoopStop:
		return "The event loop stops."
	case trace.ClockJump:
		return "Nothing to do until the next timer: the clock jumps from " + Seconds(e.Num) + " to " + Seconds(e.Time) + "."
	case trace.TaskNew:
		return name + " is created to run " + e.Label + "; its first step goes to the ready queue."
	case trace.TaskStep:
		t := s.Task(e.ID)
		if t != nil && t.Steps == 1 {
			return name + " starts running " + t.Coro + " on the loop thread."
		}
		return name + " resumes at line " + itoa(int(e.Line)) + "."
	case trace.TaskSuspend:
		if e.Ref == 0 {
			return name + " yields to the loop (a bare yield: sleep(0)) and is rescheduled."
		}
		what := ref
		if f := s.Future(e.Ref); f != nil && f.Text != "" {
			what += " (" + f.Text + ")"
		}
		return name + " awaits " + what + " and hands the loop back."
	case trace.TaskDone:
		switch e.Text {
		case "exception":
			return name + " failed: " + e.Label + "."
		case "cancelled":
			return name + " ended cancelled."
		}
		return name + " finished and returned " + e.Label + "."
	case trace.TaskCancel:
		return "cancel() is requested on " + name + ": CancelledError will be thrown in at its await."
	case trace.TaskRename:
		return "The task is renamed " + e.Text + "."
	case trace.FutureNew:
		if e.Text != "" {
			return name + " is created for " + e.Text + "."
		}
		return name + " is created."
	case trace.FutureResult:
		return name + " is done with result " + e.Label + ": its callbacks are scheduled."
	case trace.FutureException:
		return name + " fails with " + e.Label + ": its callbacks are scheduled."
	case trace.FutureCancelled:
		return name + " is cancelled: its callbacks are scheduled."
	case trace.FutureCallback:
		return e.Text + " is added as a done-callback of " + name + "."
	case trace.HandleNew:
		return e.Text + " joins the ready queue at position " + itoa(len(s.Ready)) + "."
	case trace.HandleRun:
		return "The loop takes " + s.Loop.HandleTxt + " from the head of the ready queue and runs it."
	case trace.HandleCancel:
		return "A handle is cancelled: it stays queued and will be skipped."
	case trace.HandleSkip:
		return "The loop pops a cancelled handle and skips it."
	case trace.TimerNew:
		return "A timer is armed for " + Seconds(e.Num) + ": then it will call " + e.Text + "."
	case trace.TimerDue:
		return "The timer is due: " + e.Text + " moves to the ready queue."
	case trace.TimerCancel:
		return "A timer is cancelled before it was due."
	case trace.ThreadNew:
		return "Thread " + e.Text + " is created."
	case trace.ThreadBlock:
		if s.Loop.Blocked && e.ID == s.Loop.Thread {
			return "STALL: the loop thread is blocked in " + e.Text + ". Nothing else can run until it returns."
		}
		if e.Text == "select" && e.ID == s.Loop.Thread {
			if e.Num >= 0 {
				return "The loop thread sleeps in select until " + Seconds(e.Num) + ": nothing to run before then."
			}
			return "The loop thread sleeps in select until some I/O or another thread wakes it."
		}
		return name + " blocks in " + e.Text + "."
	case trace.ThreadWake:
		return name + " runs again."
	case trace.ThreadEnd:
		return name + " ends."
	case trace.JobNew:
		return e.Text + " is queued for the executor; " + ref + " will carry its result."
	case trace.JobStart:
		j := s.Job(e.ID)
		fn := "a job"
		if j != nil {
			fn = j.Fn
		}
		return ref + " takes " + fn + " and runs it off the loop thread."
	case trace.JobDone:
		return "The executor job finished (" + e.Text + ")."
	case trace.SyncNew:
		return "An asyncio." + e.Text + " is created."
	case trace.SyncWait:
		return ref + " waits on " + name + " (" + e.Label + ")."
	case trace.SyncWake:
		return name + " wakes a waiter."
	case trace.SyncOp:
		return name + ": " + e.Text + " (now " + strconv.FormatFloat(e.Num, 'g', -1, 64) + ")."
	case trace.Print:
		return "print writes " + strconv.Quote(strings.TrimSuffix(e.Text, "\n")) + " to the console."
	case trace.Raise:
		return "raise " + e.Text
	case trace.Uncaught:
		return "The scene ends with an uncaught exception: " + e.Text
	case trace.Stopped:
		return "Stopped: " + e.Text
	case trace.Seed:
		return e.Text + " is seeded with " + e.Label + ", as the scene gave no seed (run it with -seed " + e.Label + " to get the same numbers again)."
	case trace.SocketOp, trace.Depends, trace.Request:
		if e.Label != "" {
			return e.Kind.String() + ": " + e.Text + " (" + e.Label + ")"
		}
		return e.Kind.String() + ": " + e.Text
	}
	return e.Kind.String()
}

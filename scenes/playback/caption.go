package playback

import (
	"strconv"
	"strings"

	"loopscope/scenes/trace"
)

// Seconds formats a virtual time as the stage shows it in language l:
// "1.250 s", "1.250초".
func (l Lang) Seconds(t float64) string {
	return l.t(lSeconds, strconv.FormatFloat(t, 'f', 3, 64))
}

// caption says in one sentence, in the state's language, what the current
// event did.
func (s *State) caption() string {
	l := s.Lang
	if s.Index < 0 {
		return l.t(cPressPlay)
	}
	e := &s.Event
	name := s.Name(e.ID)
	ref := s.Name(e.Ref)
	switch e.Kind {
	case trace.LoopStart:
		return l.t(cLoopStart, s.Name(e.Thread))
	case trace.LoopPhase:
		switch e.Phase {
		case trace.PhaseSelect:
			switch {
			case e.Num < 0:
				return l.t(cSelectNoTimeout)
			case e.Num == 0:
				return l.t(cSelectPoll)
			default:
				return l.t(cSelectWait, l.Seconds(e.Num))
			}
		case trace.PhaseTimers:
			return l.t(cTimers)
		case trace.PhaseReady:
			if e.Num == 1 {
				return l.t(cReadyOne)
			}
			return l.t(cReadyN, itoa(int(e.Num)))
		case trace.PhaseShutdown:
			return l.t(cShutdown)
		}
		return l.t(cPhaseOther, e.Phase.String())
	case trace.LoopStop:
		return l.t(cLoopStop)
	case trace.ClockJump:
		from, to := l.Seconds(e.Num), l.Seconds(e.Time)
		switch {
		case s.Loop.Blocked:
			return l.t(cClockStall, s.Loop.BlockWhy, from, to)
		case len(s.Timers) == 0 || s.Timers[0].Deadline > e.Time:
			// no timer falls due now: a thread or I/O woke the loop
			return l.t(cClockWoken, from, to)
		}
		return l.t(cClockJump, from, to)
	case trace.TaskNew:
		return l.t(cTaskNew, name, e.Label)
	case trace.TaskStep:
		t := s.Task(e.ID)
		if t != nil && t.Steps == 1 {
			return l.t(cTaskFirstStep, name, t.Coro)
		}
		if t != nil && t.WokenBy != 0 && t.WokenBy != t.ID {
			// say what it waited for, now done
			what := s.Name(t.WokenBy)
			if f := s.Future(t.WokenBy); f != nil && f.Text != "" {
				what += " (" + f.Text + ")"
			}
			return l.t(cTaskResumeAfter, name, itoa(int(e.Line)), what)
		}
		return l.t(cTaskResume, name, itoa(int(e.Line)))
	case trace.TaskSuspend:
		if e.Ref == 0 {
			return l.t(cTaskYield, name)
		}
		what := ref
		if f := s.Future(e.Ref); f != nil && f.Text != "" {
			what += " (" + f.Text + ")"
		}
		return l.t(cTaskAwaits, name, what)
	case trace.TaskDone:
		switch e.Outcome {
		case trace.OutcomeException:
			return l.t(cTaskFailed, name, e.Label)
		case trace.OutcomeCancelled:
			return l.t(cTaskCancelled, name)
		}
		return l.t(cTaskReturned, name, e.Label)
	case trace.TaskCancel:
		return l.t(cTaskCancel, name)
	case trace.TaskRename:
		return l.t(cTaskRename, e.Text)
	case trace.FutureNew:
		if e.Text != "" {
			return l.t(cFutureNewFor, name, e.Text)
		}
		return l.t(cFutureNew, name)
	case trace.FutureResult:
		return l.t(cFutureResult, name, e.Label)
	case trace.FutureException:
		return l.t(cFutureException, name, e.Label)
	case trace.FutureCancelled:
		return l.t(cFutureCancelled, name)
	case trace.FutureCallback:
		return l.t(cFutureCallback, e.Text, name)
	case trace.HandleNew:
		return l.t(cHandleNew, e.Text, itoa(len(s.Ready)))
	case trace.HandleRun:
		return l.t(cHandleRun, s.Loop.HandleTxt)
	case trace.HandleCancel:
		return l.t(cHandleCancel)
	case trace.HandleSkip:
		return l.t(cHandleSkip)
	case trace.TimerNew:
		return l.t(cTimerNew, l.Seconds(e.Num), e.Text)
	case trace.TimerDue:
		what := e.Text
		if k := s.readyIndex(e.ID); k >= 0 && what == "" {
			what = s.Ready[k].Text
		}
		return l.t(cTimerDue, what)
	case trace.TimerCancel:
		return l.t(cTimerCancel)
	case trace.ThreadNew:
		return l.t(cThreadNew, e.Text)
	case trace.ThreadBlock:
		if s.Loop.Blocked && e.ID == s.Loop.Thread {
			return l.t(cStall, e.Text)
		}
		if e.Concept == trace.ConceptEventLoop && e.ID == s.Loop.Thread {
			if e.Num >= 0 {
				return l.t(cSelectUntil, l.Seconds(e.Num))
			}
			return l.t(cSelectForever)
		}
		return l.t(cThreadBlocks, name, e.Text)
	case trace.ThreadWake:
		return l.t(cThreadWake, name)
	case trace.ThreadEnd:
		return l.t(cThreadEnd, name)
	case trace.JobNew:
		return l.t(cJobNew, e.Text, ref)
	case trace.JobStart:
		fn := l.t(cAJob)
		if j := s.Job(e.ID); j != nil {
			fn = j.Fn
		}
		return l.t(cJobStart, ref, fn)
	case trace.JobDone:
		switch e.Outcome {
		case trace.OutcomeResult:
			return l.t(cJobDoneResult)
		case trace.OutcomeException:
			return l.t(cJobDoneException)
		}
		return l.t(cJobDone, e.Outcome.String())
	case trace.SyncNew:
		return l.t(cSyncNew, e.Text)
	case trace.SyncWait:
		return l.t(cSyncWait, ref, name, e.Label)
	case trace.SyncWake:
		return l.t(cSyncWake, name)
	case trace.SyncOp:
		n := strconv.FormatFloat(e.Num, 'g', -1, 64)
		kind := ""
		if y := s.Sync(e.ID); y != nil {
			kind = y.Kind
		}
		switch {
		case kind == "Lock" && e.Text == "acquire":
			return l.t(cLockAcquire, name)
		case kind == "Lock" && e.Text == "release":
			return l.t(cLockRelease, name)
		case kind == "Event" && e.Text == "set":
			return l.t(cEventSet, name)
		case kind == "Event" && e.Text == "clear":
			return l.t(cEventClear, name)
		case kind == "Semaphore" || kind == "BoundedSemaphore":
			return l.t(cSemaphoreOp, name, e.Text, n)
		case strings.HasSuffix(kind, "Queue"):
			return l.t(cQueueOp, name, e.Text, n)
		}
		return l.t(cSyncOp, name, e.Text, n)
	case trace.Print:
		return l.t(cPrint, strconv.Quote(strings.TrimSuffix(e.Text, "\n")))
	case trace.Raise:
		return l.t(cRaise, e.Text)
	case trace.Uncaught:
		return l.t(cUncaught, e.Text)
	case trace.Stopped:
		return s.stopWords()
	case trace.Seed:
		return l.t(cSeed, e.Text, e.Label)
	case trace.SocketOp:
		if e.Text == "streams" {
			return l.t(cSockStreams, s.Name(e.Ref))
		}
		if m, ok := socketWords(e); ok {
			return l.t(m, e.Label, itoa(int(e.Num)))
		}
		if strings.HasPrefix(e.Label, "refused ") && e.Text == "connect" {
			return l.t(cSockRefused, strings.TrimPrefix(e.Label, "refused "))
		}
	case trace.Request:
		switch e.Label {
		case "start":
			return l.t(cRequestStart, e.Text)
		case "":
		default:
			return l.t(cRequestAnswer, e.Text, e.Label)
		}
	case trace.Depends:
		endpoint := s.rec.obj(e.Ref).kind == objRequest
		switch {
		case e.Label == "solve":
			return l.t(cDependsSolve, e.Text)
		case e.Label == "call" && endpoint:
			return l.t(cEndpointCall, e.Text)
		case e.Label == "call" && int(e.Num)&1 != 0:
			return l.t(cDependsThread, e.Text)
		case e.Label == "call":
			return l.t(cDependsCall, e.Text)
		case e.Label == "done" && int(e.Num)&2 != 0:
			return l.t(cDependsYield, e.Text)
		case e.Label == "done":
			return l.t(cDependsDone, e.Text)
		case e.Label == "failed":
			return l.t(cDependsFailed, e.Text)
		case e.Label == "cached":
			return l.t(cDependsCached, e.Text)
		case e.Label == "teardown":
			return l.t(cDependsTeardown, e.Text)
		}
	}
	switch e.Kind {
	case trace.SocketOp, trace.Depends, trace.Request:
		plain, labelled := cSocket, cSocketLabel
		switch e.Kind {
		case trace.Depends:
			plain, labelled = cDepends, cDependsLabel
		case trace.Request:
			plain, labelled = cRequest, cRequestLabel
		}
		if e.Label != "" {
			return l.t(labelled, e.Text, e.Label)
		}
		return l.t(plain, e.Text)
	}
	return l.t(cOther, e.Kind.String())
}

// socketWords is the caption of a socket operation that has its own
// words; they take the label (an address, "read" or "write") and the
// number of bytes.
func socketWords(e *trace.Event) (msg, bool) {
	switch e.Text {
	case "listen":
		return cSockListen, true
	case "connect":
		return cSockConnect, !strings.HasPrefix(e.Label, "refused ")
	case "accept":
		return cSockAccept, true
	case "send":
		return cSockSend, true
	case "recv":
		return cSockRecv, true
	case "reset":
		return cSockReset, true
	case "shutdown":
		return cSockShutdown, true
	case "close":
		return cSockClose, true
	case "read":
		return cSockRead, true
	case "buffer":
		if e.Num == 0 {
			return cSockBufferEmpty, true
		}
		return cSockBuffer, true
	case "pause":
		return cSockPause, true
	case "resume":
		return cSockResume, true
	case "ready", "register", "unregister":
		m := cSockReadyRead
		if e.Text == "register" {
			m = cSockWatchRead
		} else if e.Text == "unregister" {
			m = cSockUnwatchRead
		}
		if e.Label == "write" {
			m++ // the message after each one is its "write"
		}
		return m, true
	}
	return 0, false
}

// stopWords says in the state's language why the engine stopped the scene:
// which budget ran out, at which line, and what usually causes it, in
// words a learner reads (the engine's own message names command-line
// flags); a deadlock keeps the engine's account of who waits on what, and
// a stop the learner asked for (the page's Stop) says so.
func (s *State) stopWords() string {
	l := s.Lang
	line := itoa(int(s.ErrLine))
	if s.ErrLine > 0 {
		switch s.Budget {
		case "steps":
			return l.t(cStopSteps, line)
		case "memory":
			return l.t(cStopMemory, line)
		case "events":
			return l.t(cStopEvents, line)
		case "time":
			return l.t(cStopTime, line)
		case "deadlock":
			return l.t(cStopDeadlock, line, s.Err)
		case "interrupted":
			return l.t(cStopInterrupted, line)
		}
	}
	return l.t(cStopped, s.Err)
}

// Package playtest writes traces by hand, the way scenes/trace documents
// them, for the playback tests and the stage's harness: scenes of any size
// without the engine.
package playtest

import (
	"sort"
	"strconv"

	"loopscope/scenes/trace"
)

// gen writes traces with a miniature loop: a ready queue of handles, a timer
// heap, turns of select / timers / ready. Tests and benchmarks use it for
// scenes of any size.
type gen struct {
	tr     trace.Trace
	t      float64
	id     int32
	thread int32
	ready  []ghandle
	timers []gtimer
}

type ghandle struct {
	id, ref int32
	text    string
	run     func()
}

type gtimer struct {
	id, ref int32
	when    float64
	text    string
	run     func()
}

func (g *gen) add(e trace.Event) {
	e.Time = g.t
	if e.Thread == 0 {
		e.Thread = g.thread
	}
	g.tr.Add(e)
}

func (g *gen) newID() int32 { g.id++; return g.id }

// callSoon queues a handle serving ref because of cause (see the trace's
// package doc).
func (g *gen) callSoon(ref, cause int32, text string, run func()) {
	h := g.newID()
	g.add(trace.Event{Kind: trace.HandleNew, ID: h, Ref: ref, Cause: cause, Text: text, Concept: trace.ConceptReadyQueue})
	g.ready = append(g.ready, ghandle{h, ref, text, run})
}

func (g *gen) callLater(d float64, ref int32, text string, run func()) {
	h := g.newID()
	g.add(trace.Event{Kind: trace.TimerNew, ID: h, Ref: ref, Text: text, Num: g.t + d, Concept: trace.ConceptTimer})
	g.timers = append(g.timers, gtimer{h, ref, g.t + d, text, run})
	sort.SliceStable(g.timers, func(a, b int) bool { return g.timers[a].when < g.timers[b].when })
}

// runLoop turns the loop until nothing is ready and no timer is armed.
func (g *gen) runLoop() {
	for len(g.ready) > 0 || len(g.timers) > 0 {
		timeout := 0.0
		if len(g.ready) == 0 {
			timeout = g.timers[0].when - g.t
		}
		g.add(trace.Event{Kind: trace.LoopPhase, Phase: trace.PhaseSelect, Num: timeout, Concept: trace.ConceptEventLoop})
		if timeout > 0 {
			prev := g.t
			g.t += timeout
			g.add(trace.Event{Kind: trace.ClockJump, Num: prev, Concept: trace.ConceptTimer})
		}
		g.add(trace.Event{Kind: trace.LoopPhase, Phase: trace.PhaseTimers, Concept: trace.ConceptTimer})
		for len(g.timers) > 0 && g.timers[0].when <= g.t {
			tm := g.timers[0]
			g.timers = g.timers[1:]
			g.add(trace.Event{Kind: trace.TimerDue, ID: tm.id, Ref: tm.ref, Text: tm.text, Concept: trace.ConceptTimer})
			g.ready = append(g.ready, ghandle{tm.id, tm.ref, tm.text, tm.run})
		}
		n := len(g.ready)
		g.add(trace.Event{Kind: trace.LoopPhase, Phase: trace.PhaseReady, Num: float64(n), Concept: trace.ConceptEventLoop})
		for range n {
			h := g.ready[0]
			g.ready = g.ready[1:]
			g.add(trace.Event{Kind: trace.HandleRun, ID: h.id, Ref: h.ref, Concept: trace.ConceptEventLoop})
			h.run()
		}
	}
	g.add(trace.Event{Kind: trace.LoopStop, Concept: trace.ConceptEventLoop})
}

// sleep makes task (named name) await asyncio.sleep(d) at line, then
// calls then in its next step.
func (g *gen) sleep(task int32, name string, d float64, line int32, then func()) {
	f := g.newID()
	g.add(trace.Event{Kind: trace.FutureNew, ID: f, Line: line, Col: 9, Text: "sleep(" + strconv.FormatFloat(d, 'g', -1, 64) + ")", Concept: trace.ConceptSleep})
	g.callLater(d, f, "futures._set_result_unless_cancelled", func() {
		g.add(trace.Event{Kind: trace.FutureResult, ID: f, Label: "None", Concept: trace.ConceptFuture})
		g.callSoon(task, f, name+".__wakeup", func() {
			g.add(trace.Event{Kind: trace.TaskStep, ID: task, Line: line, Col: 9, Concept: trace.ConceptCoroutine})
			then()
		})
	})
	g.add(trace.Event{Kind: trace.FutureCallback, ID: f, Ref: task, Text: name + ".__wakeup", Concept: trace.ConceptCallback})
	g.add(trace.Event{Kind: trace.TaskSuspend, ID: task, Ref: f, Line: line, Col: 9, Concept: trace.ConceptAwait})
}

func (g *gen) print(line int32, s string) {
	g.add(trace.Event{Kind: trace.Print, Line: line, Col: 5, Text: s + "\n", Concept: trace.ConceptPrint})
}

// Gather returns the trace of
//
//	async def worker(k):             # line 3
//	    print("start", k)            # line 4
//	    await asyncio.sleep(k % 4 * 0.5 + 0.5)   # line 5
//	    print("done", k)             # line 6
//	    return k                     # line 7
//	async def main():                # line 9
//	    time.sleep(1)  if stall      # line 10
//	    ts = [asyncio.create_task(worker(k)) for k in range(n)]  # line 11
//	    await asyncio.gather(*ts)    # line 12
//	    print("all done")            # line 13
//	asyncio.run(main())
func Gather(n int, stall bool) *trace.Trace {
	g := &gen{}
	g.thread = g.newID()
	g.add(trace.Event{Kind: trace.ThreadNew, ID: g.thread, Text: "MainThread", Concept: trace.ConceptThread})
	g.add(trace.Event{Kind: trace.LoopStart, Concept: trace.ConceptEventLoop})
	main := g.newID()
	g.add(trace.Event{Kind: trace.TaskNew, ID: main, Line: 15, Col: 1, Text: "Task-1", Label: "main()", Concept: trace.ConceptTask})
	g.callSoon(main, main, "Task-1.__step", func() {
		g.add(trace.Event{Kind: trace.TaskStep, ID: main, Line: 9, Col: 1, Concept: trace.ConceptCoroutine})
		if stall {
			g.add(trace.Event{Kind: trace.ThreadBlock, ID: g.thread, Line: 10, Col: 5, Text: "time.sleep(1)", Num: g.t + 1, Concept: trace.ConceptBlocking})
			g.t++
			g.add(trace.Event{Kind: trace.ThreadWake, ID: g.thread, Line: 10, Col: 5, Concept: trace.ConceptBlocking})
		}
		gf := g.newID()
		left := n
		var tasks []int32
		for k := range n {
			task := g.newID()
			tasks = append(tasks, task)
			name := "Task-" + strconv.Itoa(k+2)
			g.add(trace.Event{Kind: trace.TaskNew, ID: task, Line: 11, Col: 11, Text: name, Label: "worker(" + strconv.Itoa(k) + ")", Concept: trace.ConceptTask})
			g.callSoon(task, task, name+".__step", func() {
				g.add(trace.Event{Kind: trace.TaskStep, ID: task, Line: 3, Col: 1, Concept: trace.ConceptCoroutine})
				g.print(4, "start "+strconv.Itoa(k))
				g.sleep(task, name, float64(k%4)*0.5+0.5, 5, func() {
					g.print(6, "done "+strconv.Itoa(k))
					g.add(trace.Event{Kind: trace.TaskDone, ID: task, Line: 7, Col: 5, Outcome: trace.OutcomeResult, Label: strconv.Itoa(k), Concept: trace.ConceptTask})
					g.callSoon(gf, task, "gather._done_callback", func() {
						left--
						if left == 0 {
							g.add(trace.Event{Kind: trace.FutureResult, ID: gf, Label: "[...]", Concept: trace.ConceptGather})
							g.callSoon(main, gf, "Task-1.__wakeup", func() {
								g.add(trace.Event{Kind: trace.TaskStep, ID: main, Line: 12, Col: 5, Concept: trace.ConceptCoroutine})
								g.print(13, "all done")
								g.add(trace.Event{Kind: trace.TaskDone, ID: main, Line: 13, Col: 5, Outcome: trace.OutcomeResult, Label: "None", Concept: trace.ConceptTask})
							})
						}
					})
				})
			})
		}
		g.add(trace.Event{Kind: trace.FutureNew, ID: gf, Line: 12, Col: 11, Text: "gather", Concept: trace.ConceptGather})
		for _, task := range tasks {
			g.add(trace.Event{Kind: trace.FutureCallback, ID: task, Ref: gf, Text: "gather._done_callback", Concept: trace.ConceptCallback})
		}
		g.add(trace.Event{Kind: trace.FutureCallback, ID: gf, Ref: main, Text: "Task-1.__wakeup", Concept: trace.ConceptCallback})
		g.add(trace.Event{Kind: trace.TaskSuspend, ID: main, Ref: gf, Line: 12, Col: 11, Concept: trace.ConceptAwait})
	})
	g.runLoop()
	return &g.tr
}

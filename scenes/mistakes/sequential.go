package mistakes

import (
	"sort"
	"strconv"

	"loopscope/scenes/asyncio"
	"loopscope/scenes/python/resolve"
	"loopscope/scenes/python/syntax"
	"loopscope/scenes/trace"
)

// Independent awaits in sequence: a = await fetch(1) then b = await
// fetch(2), which gather would run at the same time. Code alone cannot
// tell: the second may need what the first did (a login before a
// request). So a pair is reported only when the text and the run agree:
//
//  1. Written: two statements in a row in one block of an async def, each
//     `await f(...)`, `x = await f(...)` or `x: T = await f(...)` where f
//     is one of the scene's own coroutine functions or asyncio.to_thread;
//     the second mentions no name the first assigns; and either both keep
//     their results in names or both call the same function (fetch(1),
//     fetch(2)), as independent requests do, where `await connect()` then
//     `await send()` is a sequence on purpose.
//  2. Run: some task went through the first await then straight into the
//     second, and every time it waited in them, the loop ran no other task
//     until it woke the task again, and the virtual clock moved: the loop
//     sat idle while there was waiting to overlap.
//
// The mistake is shown at the second await.

// pair is two awaits in a row that could be independent.
type pair struct {
	first, second syntax.Stmt
	await         *syntax.AwaitExpr // the second's
}

// awaitedCall returns the await and the call of a statement that awaits
// a call (the statement's whole value), and the names it assigns.
func awaitedCall(s syntax.Stmt) (*syntax.AwaitExpr, *syntax.CallExpr, []*resolve.Binding) {
	var x syntax.Expr
	var targets []syntax.Expr
	switch s := s.(type) {
	case *syntax.ExprStmt:
		x = s.X
	case *syntax.AssignStmt:
		x, targets = s.Value, s.Targets
	case *syntax.AnnAssignStmt:
		x, targets = s.Value, []syntax.Expr{s.Target}
	}
	aw, ok := x.(*syntax.AwaitExpr)
	if !ok {
		return nil, nil, nil
	}
	c, ok := aw.X.(*syntax.CallExpr)
	if !ok {
		return nil, nil, nil
	}
	var bound []*resolve.Binding
	for _, t := range targets {
		syntax.Walk(t, func(n syntax.Node) bool {
			if b := binding(asExpr(n)); b != nil {
				bound = append(bound, b)
			}
			return true
		})
	}
	return aw, c, bound
}

func asExpr(n syntax.Node) syntax.Expr {
	x, _ := n.(syntax.Expr)
	return x
}

// pairIf adds a and b, two statements in a row that await calls rule 1
// allows, when the rest of rule 1 holds.
func (d *finder) pairIf(a, b syntax.Stmt) {
	_, c1, bound1 := awaitedCall(a)
	aw2, c2, bound2 := awaitedCall(b)
	if calleeName(c1) != calleeName(c2) && (len(bound1) == 0 || len(bound2) == 0) {
		return
	}
	uses := false
	syntax.Walk(b, func(n syntax.Node) bool {
		if x := binding(asExpr(n)); x != nil {
			for _, b1 := range bound1 {
				uses = uses || x == b1
			}
		}
		return true
	})
	if !uses {
		d.pairs = append(d.pairs, pair{a, b, aw2})
	}
}

// sequential reports the pairs the run confirms (rule 2).
func (d *finder) sequential() {
	if len(d.pairs) == 0 {
		return
	}
	var chains []asyncio.Note // the NoteSuspends, by event
	for _, n := range d.notes {
		if n.Kind == asyncio.NoteSuspend {
			chains = append(chains, n)
		}
	}
	// Each task's suspensions, in order; the tasks in the order they
	// first suspend.
	waits := map[int32][]int{}
	var tasks []int32
	for i, e := range d.tr.Events {
		if e.Kind == trace.TaskSuspend {
			if waits[e.ID] == nil {
				tasks = append(tasks, e.ID)
			}
			waits[e.ID] = append(waits[e.ID], i)
		}
	}
	for _, p := range d.pairs {
		a1, a2 := int(p.first.Pos().Line), int(p.first.End().Line)
		b1, b2 := int(p.second.Pos().Line), int(p.second.End().Line)
		for _, task := range tasks {
			if i := confirm(waits[task], func(i int) (int, bool) {
				k := sort.Search(len(chains), func(k int) bool { return chains[k].Event >= i })
				switch {
				case k == len(chains) || chains[k].Event != i:
					return -1, false // the loop had more to do: no chain was noted
				case d.inChain(chains[k].Stack, a1, a2):
					return 1, d.idle(i)
				case d.inChain(chains[k].Stack, b1, b2):
					return 2, d.idle(i)
				}
				return 0, true
			}); i >= 0 {
				aw := p.await.Pos()
				d.add(Sequential, int(aw.Line), int(aw.Col), i, strconv.Itoa(a1))
				break
			}
		}
	}
}

// confirm looks for a run of suspensions, all idle, in the first await
// (at 1) then in the second (at 2), the second's run ended by a
// suspension elsewhere (0) or by the task's end, and returns the
// second's first suspension, or -1.
func confirm(list []int, at func(i int) (int, bool)) int {
	state, firstB := 0, -1
	for _, i := range list {
		where, idle := at(i)
		switch {
		case where == 1 && idle:
			if state == 2 {
				return firstB
			}
			state = 1
		case where == 2 && idle && state == 1:
			state, firstB = 2, i
		case where == 2 && idle && state == 2:
		case where == 0 && state == 2:
			return firstB
		default:
			state = 0
		}
	}
	if state == 2 {
		return firstB
	}
	return -1
}

// idle reports whether, after the task suspended at event i, the loop
// ran no other task before it stepped the task again, and the clock
// moved meanwhile.
func (d *finder) idle(i int) bool {
	ev := d.tr.Events
	task := ev[i].ID
	for _, e := range ev[i+1:] {
		if e.Kind == trace.TaskStep {
			return e.ID == task && e.Time > ev[i].Time
		}
	}
	return false
}

package playback

import (
	"slices"
	"strconv"
	"strings"
)

// AwaitGraph is who awaits whom at one moment of a run: what CPython
// 3.14's asyncio.capture_call_graph records and `python -m asyncio pstree`
// prints as a tree. A task awaits the future or task it is suspended on,
// and the tasks of a TaskGroup it entered; a future awaits what completes
// it (gather's children, shield's inner, wait's and wait_for's futures).
// Only live objects count: tasks not finished, futures pending.
type AwaitGraph struct {
	s    *State
	fed  map[int32][]int32 // a waiter -> the live tasks and futures tied to it by a done callback, in the order they were tied
	tied map[int32][2]int  // a waiter -> how many were ever tied to it, and how many of those have completed
}

// AwaitGraph returns the state's await graph, from the done callbacks
// through which futures and tasks await others (the trace names the
// waiter of each) and the future each waiting task is suspended on.
func (s *State) AwaitGraph() *AwaitGraph {
	g := &AwaitGraph{s: s, fed: map[int32][]int32{}, tied: map[int32][2]int{}}
	tie := func(id int32, live bool, cbs []Callback) {
		for _, cb := range cbs {
			if cb.Target == 0 {
				continue
			}
			n := g.tied[cb.Target]
			n[0]++
			if live {
				g.fed[cb.Target] = append(g.fed[cb.Target], id)
			} else {
				n[1]++
			}
			g.tied[cb.Target] = n
		}
	}
	for i := range s.Tasks {
		tie(s.Tasks[i].ID, !s.Tasks[i].State.Finished(), s.Tasks[i].Callbacks)
	}
	for i := range s.Futures {
		f := &s.Futures[i]
		tie(f.ID, f.State == FuturePending, f.Callbacks)
		if w := s.Future(f.Wraps); w != nil {
			tie(w.ID, w.State == FuturePending, []Callback{{Target: f.ID}})
		}
	}
	return g
}

// live reports whether id is a task not finished or a pending future.
func (g *AwaitGraph) live(id int32) bool {
	if t := g.s.Task(id); t != nil {
		return !t.State.Finished()
	}
	f := g.s.Future(id)
	return f != nil && f.State == FuturePending
}

// Awaits returns what the live task or future id awaits, in order: for a
// task, the future or task it is suspended on, then the tasks of the
// TaskGroups it entered; for a future, the tasks and futures that
// complete it, in the order they were tied to it.
func (g *AwaitGraph) Awaits(id int32) []int32 {
	if !g.live(id) {
		return nil
	}
	var out []int32
	t := g.s.Task(id)
	if t != nil && t.Await != 0 && g.live(t.Await) {
		out = append(out, t.Await)
	}
	for _, x := range g.fed[id] {
		// a task's own wakeup ties it to the future it awaits, listed first
		if t == nil || x != t.Await && g.s.Task(x) != nil {
			out = append(out, x)
		}
	}
	return out
}

// Tied returns how many tasks and futures future id awaits (gather's
// children...) have completed, of how many it ever awaited.
func (g *AwaitGraph) Tied(id int32) (done, n int) {
	c := g.tied[id]
	return c[1], c[0]
}

// Roots returns the tree's roots in creation order, main first: the live
// tasks nothing awaits, the pending futures nothing awaits that await
// others (a gather not awaited yet), and any live task no root reaches
// (tasks awaiting each other in a cycle).
func (g *AwaitGraph) Roots() []int32 {
	awaited := map[int32]bool{}
	var cand []int32
	consider := func(id int32) {
		xs := g.Awaits(id)
		for _, x := range xs {
			awaited[x] = true
		}
		if g.s.Task(id) != nil || len(xs) > 0 {
			cand = append(cand, id)
		}
	}
	for i := range g.s.Tasks {
		consider(g.s.Tasks[i].ID)
	}
	for i := range g.s.Futures {
		consider(g.s.Futures[i].ID)
	}
	slices.Sort(cand)
	seen := map[int32]bool{}
	var reach func(id int32)
	reach = func(id int32) {
		if !seen[id] {
			seen[id] = true
			for _, x := range g.Awaits(id) {
				reach(x)
			}
		}
	}
	var roots []int32
	for pass := range 2 {
		for _, id := range cand {
			if g.live(id) && !seen[id] && (pass == 1 || !awaited[id]) {
				roots = append(roots, id)
				reach(id)
			}
		}
	}
	slices.Sort(roots)
	return roots
}

// awaitRow is one row of the await graph's tree on the stage.
type awaitRow struct {
	id            int32
	depth, parent int
}

// awaits lays out the await view under the banner, from y down: the
// await graph as a tree, like `python -m asyncio pstree`: each root task
// (main first) with its coroutine's await chain, and under it, indented,
// what it awaits, a task's card or a future's (gather, wait, shield...)
// with what completes it. What a task awaits that awaits nothing itself (a
// sleep, a lock, an executor job) is said on its card. Rows that do not
// fit fold into "+N more"; a wide stage flows the tree into columns.
func (l *layout) awaits(y float64) {
	s, u, sm := l.s, l.u, l.sc.Small
	W, x0, bottom := l.sc.W-2*l.pad, l.pad, l.sc.H-l.pad
	g := s.AwaitGraph()
	alive := 0
	for i := range s.Tasks {
		if !s.Tasks[i].State.Finished() {
			alive++
		}
	}
	sec := l.section(l.t(hAwaits, strconv.Itoa(alive)), x0, y, W, bottom-y)
	top := y + l.title
	cardH, futH, gap, ind := 52*u, 32*u, 6*u, 20*u
	cols := max(1, min(3, int((W+l.gap)/(360*u+l.gap))))
	colW := (W - float64(cols-1)*l.gap) / float64(cols)
	maxDepth := max(0, int((colW-min(colW, 220*u))/ind))

	// The rows, depth first; a row past the most that could fit is only
	// counted.
	most := cols*int((bottom-top)/(futH+gap)) + 1
	var rows []awaitRow
	total := 0
	var walk func(id int32, depth, parent int, path []int32)
	walk = func(id int32, depth, parent int, path []int32) {
		total++
		me := -1
		if len(rows) < most {
			rows = append(rows, awaitRow{id, depth, parent})
			me = len(rows) - 1
		}
		path = append(path, id)
		for _, c := range g.Awaits(id) {
			// a future that awaits nothing itself is said on its task's card
			if !slices.Contains(path, c) && (s.Task(id) == nil || s.Task(c) != nil || len(g.Awaits(c)) > 0) {
				walk(c, depth+1, me, path)
			}
		}
	}
	for _, r := range g.Roots() {
		walk(r, 0, -1, nil)
	}
	if total == 0 {
		l.add(Item{Kind: KLabel, X: x0, Y: top, W: W, H: futH, Text: Fit(l.t(lNoneAlive), W, sm), Tone: ToneDim, Parent: sec, Size: sm})
		return
	}

	col, cy := 0, top
	at := make([]int, len(rows))    // each row's item
	colOf := make([]int, len(rows)) // and column
	seen := map[int32]bool{}
	for k, r := range rows {
		h := futH
		t := s.Task(r.id)
		if t != nil {
			h = cardH
		}
		more := 0.0
		if k < total-1 {
			more = futH + gap // room left for "+N more"
		}
		for cy+h+more > bottom && col < cols-1 && cy > top {
			col, cy = col+1, top
		}
		if cy+h+more > bottom {
			rows = rows[:k]
			break
		}
		x := x0 + float64(col)*(colW+l.gap) + float64(min(r.depth, maxDepth))*ind
		w := x0 + float64(col)*(colW+l.gap) + colW - x
		at[k], colOf[k] = len(l.sc.Items), col
		if t != nil {
			l.card(t, x, cy, w, h, sec)
			it := &l.sc.Items[at[k]]
			if t.Stack != "" && (t.State == TaskWaiting || t.State == TaskReady) {
				it.Sub = FitMiddle(s.Lang.TaskState(t.State)+" · "+strings.ReplaceAll(t.Stack, ";", " › "), w-14*u, sm)
			}
		} else {
			f := s.Future(r.id)
			done, n := g.Tied(r.id)
			sub := l.t(lTied, strconv.Itoa(done), strconv.Itoa(n))
			if n == 0 {
				sub = l.t(lFuturePending)
				for _, j := range s.Jobs {
					if j.Future == r.id {
						sub = l.t(lJobQueued)
						if j.Worker != 0 {
							sub = l.t(lJobRunningOn, s.Name(j.Worker))
						}
					}
				}
			}
			tw := w - 2*min(h*0.3, 9*u) - 16*u
			l.add(Item{Kind: KFuture, Key: key(tagFuture, r.id), X: x, Y: cy, W: w, H: h, Text: Fit(s.Name(r.id)+" "+f.Text, tw, sm), Sub: Fit(sub, tw, sm), Tone: TonePending, Parent: sec, Size: sm, Fresh: f.Born == s.Index})
		}
		if seen[r.id] {
			l.sc.Items[at[k]].Key = 0 // a second path to it: one item moves per key
		}
		seen[r.id] = true
		if p := r.parent; p >= 0 && colOf[p] == col {
			if a, b := &l.sc.Items[at[p]], &l.sc.Items[at[k]]; a.X+10*u < b.X && b.Y > a.Y {
				l.add(Item{Kind: KLink, X: a.X + 10*u, Y: a.Y + a.H, X2: b.X, Y2: b.Y + b.H/2, Tone: ToneWaiting, Parent: sec})
			}
		}
		cy += h + gap
	}
	if n := total - len(rows); n > 0 {
		x := x0 + float64(col)*(colW+l.gap)
		l.add(Item{Kind: KMore, X: x, Y: cy, W: colW, H: futH, Text: Fit(l.t(lMoreAwaits, strconv.Itoa(n)), colW-12*u, sm), Sub: Fit(l.t(lMoreAwaitsSub), colW-12*u, sm), Parent: sec, Size: sm})
	}
}

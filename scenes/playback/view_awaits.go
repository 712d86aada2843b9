package playback

import (
	"strconv"
	"strings"
)

// AwaitRow is one node of the await graph drawn as a tree (see
// State.AwaitTree).
type AwaitRow struct {
	ID       int32 // a task, or a future that awaits others
	Depth    int   // 0 for a root
	Parent   int   // the row of what awaits it, -1 for a root
	Done, Of int   // for a future: how many of the tasks and futures it ever awaited have completed, of how many
}

// AwaitTree returns who awaits whom at this moment, the question CPython
// 3.14's asyncio.capture_call_graph and `python -m asyncio pstree`
// answer, as a tree in pstree's order: each root, then depth first what it
// awaits. A live task awaits the future or task it is suspended on, then
// the tasks of the TaskGroups it entered; a pending future awaits what
// completes it (gather's children, shield's inner, wait's and wait_for's
// futures, wrap_future's concurrent future), as the done callbacks the
// trace names a waiter for tie them. The roots are the live tasks nothing
// awaits in creation order (main first), the pending futures nothing
// awaits that await others, then any live task none of them reaches
// (tasks awaiting each other in a cycle). A future a task awaits that
// awaits nothing itself (a sleep, a lock, a stream read) is no row: its
// task's card says it. A node two waiters await is a row once, under the
// first.
func (s *State) AwaitTree() []AwaitRow {
	w := &awaitWalk{s: s, fed: map[int32][]int32{}, awaits: map[int32][]int32{}, tied: map[int32][2]int{}, seen: map[int32]bool{}}
	nt := len(s.Tasks)
	for k := range nt + len(s.Futures) {
		var cbs []Callback
		id := s.objID(k)
		live := s.live(id)
		if k < nt {
			cbs = s.Tasks[k].Callbacks
		} else {
			f := &s.Futures[k-nt]
			cbs = f.Callbacks
			if f.Wraps != 0 {
				w.tie(id, f.Wraps, s.live(f.Wraps)) // wrap_future's future awaits the concurrent one
			}
		}
		for _, cb := range cbs {
			w.tie(cb.Target, id, live)
		}
	}
	awaited := map[int32]bool{}
	for k := range nt + len(s.Futures) {
		id := s.objID(k)
		if !s.live(id) {
			continue
		}
		var xs []int32
		if k < nt {
			t := &s.Tasks[k]
			if s.live(t.Await) {
				xs = append(xs, t.Await)
			}
			for _, x := range w.fed[id] {
				// its wakeups tie it to what it awaits, listed first; the
				// other tasks tied to it are its TaskGroups'
				if x != t.Await && s.Task(x) != nil {
					xs = append(xs, x)
				}
			}
		} else {
			xs = w.fed[id]
		}
		w.awaits[id] = xs
		for _, x := range xs {
			awaited[x] = true
		}
	}
	for pass := range 2 {
		for k := range nt + len(s.Futures) {
			id := s.objID(k)
			if xs, ok := w.awaits[id]; ok && !w.seen[id] && (pass == 0 && !awaited[id] && (k < nt || len(xs) > 0) || pass == 1 && k < nt) {
				w.walk(id, 0, -1)
			}
		}
	}
	return w.rows
}

// awaitWalk is AwaitTree's work.
type awaitWalk struct {
	s           *State
	fed, awaits map[int32][]int32 // a waiter -> the live tasks and futures tied to it; a live object -> what it awaits
	tied        map[int32][2]int  // a waiter -> how many were ever tied to it, and how many of those have completed
	seen        map[int32]bool
	rows        []AwaitRow
}

// tie records that waiter awaits id through a done callback.
func (w *awaitWalk) tie(waiter, id int32, live bool) {
	if waiter == 0 {
		return
	}
	n := w.tied[waiter]
	n[0]++
	if live {
		w.fed[waiter] = append(w.fed[waiter], id)
	} else {
		n[1]++
	}
	w.tied[waiter] = n
}

// walk adds the rows of id and what it awaits, depth first.
func (w *awaitWalk) walk(id int32, depth, parent int) {
	w.seen[id] = true
	n := w.tied[id]
	w.rows = append(w.rows, AwaitRow{id, depth, parent, n[1], n[0]})
	me := len(w.rows) - 1
	for _, x := range w.awaits[id] {
		if !w.seen[x] && (w.s.Task(id) == nil || w.s.Task(x) != nil || len(w.awaits[x]) > 0) {
			w.walk(x, depth+1, me)
		}
	}
}

// objID is the id of the k-th task, or past the tasks of the future
// k-len(Tasks).
func (s *State) objID(k int) int32 {
	if k < len(s.Tasks) {
		return s.Tasks[k].ID
	}
	return s.Futures[k-len(s.Tasks)].ID
}

// live reports whether id is a task not finished or a pending future.
func (s *State) live(id int32) bool {
	if t := s.Task(id); t != nil {
		return !t.State.Finished()
	}
	f := s.Future(id)
	return f != nil && f.State == FuturePending
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
	rows := s.AwaitTree()
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
	if len(rows) == 0 {
		l.add(Item{Kind: KLabel, X: x0, Y: top, W: W, H: futH, Text: Fit(l.t(lNoneAlive), W, sm), Tone: ToneDim, Parent: sec, Size: sm})
		return
	}

	// Too tall for the stage: each node shows the first c of what it awaits
	// and a "+N more" row (ID 0, N in Of) for the rest, c the most that
	// fits, so that later roots and siblings keep a row; what still does
	// not fit is cut at the end.
	f := awaitFold{rows: rows, kids: make([][]int, len(rows)+1), size: make([]int, len(rows)), h: make([]float64, len(rows)), moreH: futH + gap}
	for k := len(rows) - 1; k >= 0; k-- {
		f.size[k]++
		f.h[k] = futH + gap
		if s.Task(rows[k].ID) != nil {
			f.h[k] = cardH + gap
		}
		if p := rows[k].Parent; p >= 0 {
			f.size[p] += f.size[k]
		}
	}
	for k, r := range rows {
		p := r.Parent
		if p < 0 {
			p = len(rows) // the roots' list
		}
		f.kids[p] = append(f.kids[p], k)
	}
	room := float64(cols)*(bottom-top) - float64(cols-1)*cardH
	if f.c = len(rows); f.fold() > room {
		lo, hi := 1, len(rows)
		for lo < hi {
			if f.c = (lo + hi + 1) / 2; f.fold() <= room {
				lo = f.c
			} else {
				hi = f.c - 1
			}
		}
		f.c = lo
		f.fold()
	}
	rows = f.out

	col, cy := 0, top
	at := make([]int, len(rows))    // each row's item
	colOf := make([]int, len(rows)) // and column
	cut := 0                        // the nodes cut at the end
	for k, r := range rows {
		h := futH
		t := s.Task(r.ID)
		if t != nil {
			h = cardH
		}
		more := 0.0
		if k < len(rows)-1 {
			more = futH + gap // room left for "+N more"
		}
		if cy+h+more > bottom && col < cols-1 {
			col, cy = col+1, top
		}
		if cy+h+more > bottom {
			for _, r := range rows[k:] {
				cut++
				if r.ID == 0 {
					cut += r.Of - 1
				}
			}
			break
		}
		x := x0 + float64(col)*(colW+l.gap) + float64(min(r.Depth, maxDepth))*ind
		w := x0 + float64(col)*(colW+l.gap) + colW - x
		at[k], colOf[k] = len(l.sc.Items), col
		if r.ID == 0 {
			l.add(Item{Kind: KMore, X: x, Y: cy, W: w, H: h, Text: Fit(l.t(lMoreAwaits, strconv.Itoa(r.Of)), w-12*u, sm), Parent: sec, Size: sm})
		} else if t != nil {
			l.card(t, x, cy, w, h, sec)
			it := &l.sc.Items[at[k]]
			if t.Stack != "" && (t.State == TaskWaiting || t.State == TaskReady) {
				it.Sub = FitMiddle(s.Lang.TaskState(t.State)+" · "+strings.ReplaceAll(t.Stack, ";", " › "), w-14*u, sm)
			}
			for _, tm := range s.Timers {
				// a sleep: when its timer falls due
				if f := s.Future(t.Await); f != nil && tm.Ref == f.ID && t.State == TaskWaiting {
					it.Sub2 = Fit(l.t(lAwaitsFor, s.Name(f.ID), f.Text)+" · "+l.t(lTimerAt, s.Lang.Seconds(tm.Deadline)), w-14*u, sm)
				}
			}
		} else {
			f := s.Future(r.ID)
			sub := l.t(lTied, strconv.Itoa(r.Done), strconv.Itoa(r.Of))
			if r.Of == 0 {
				sub = l.t(lFuturePending)
				for _, j := range s.Jobs {
					if j.Future == r.ID {
						sub = l.t(lJobQueued)
						if j.Worker != 0 {
							sub = l.t(lJobRunningOn, s.Name(j.Worker))
						}
					}
				}
			}
			tw := w - 2*min(h*0.3, 9*u) - 16*u
			l.add(Item{Kind: KFuture, Key: key(tagFuture, r.ID), X: x, Y: cy, W: w, H: h, Text: Fit(s.Name(r.ID)+" "+f.Text, tw, sm), Sub: Fit(sub, tw, sm), Tone: TonePending, Parent: sec, Size: sm, Fresh: f.Born == s.Index})
		}
		if p := r.Parent; p >= 0 && colOf[p] == col {
			if a, b := &l.sc.Items[at[p]], &l.sc.Items[at[k]]; a.X+10*u < b.X && b.Y > a.Y {
				l.add(Item{Kind: KLink, X: a.X + 10*u, Y: a.Y + a.H, X2: b.X, Y2: b.Y + b.H/2, Tone: ToneWaiting, Parent: sec})
			}
		}
		cy += h + gap
	}
	if cut > 0 {
		x := x0 + float64(col)*(colW+l.gap)
		l.add(Item{Kind: KMore, X: x, Y: cy, W: colW, H: futH, Text: Fit(l.t(lMoreAwaits, strconv.Itoa(cut)), colW-12*u, sm), Sub: Fit(l.t(lMoreAwaitsSub), colW-12*u, sm), Parent: sec, Size: sm})
	}
}

// awaitFold folds the await view's rows (see layout.awaits).
type awaitFold struct {
	rows  []AwaitRow
	kids  [][]int   // each row's children, the roots last
	size  []int     // each row's subtree, in rows
	h     []float64 // each row's height, gap included
	moreH float64
	c     int // the most children a node shows
	out   []AwaitRow
	used  float64
}

// fold makes out for c and returns its height.
func (f *awaitFold) fold() float64 {
	f.out, f.used = f.out[:0], 0
	f.emit(len(f.rows), -1, 0)
	return f.used
}

// emit adds row k's first c children (the roots for k = len(rows)) with
// their subtrees, and "+N more" for the rest, under out's row parent.
func (f *awaitFold) emit(k, parent, depth int) {
	hidden := 0
	for j, kid := range f.kids[k] {
		if j >= f.c {
			hidden += f.size[kid]
			continue
		}
		r := f.rows[kid]
		r.Parent = parent
		f.out = append(f.out, r)
		f.used += f.h[kid]
		f.emit(kid, len(f.out)-1, depth+1)
	}
	if hidden > 0 {
		f.out = append(f.out, AwaitRow{Depth: depth, Parent: parent, Of: hidden})
		f.used += f.moreH
	}
}

package playback

import (
	"sort"
	"strconv"
)

// depends lays out the Depends view under the banner, from y down: each
// request to a FastAPI app in a column of its own (side by side while they
// overlap; the most recently active when there is no room for all), its
// dependencies as FastAPI solves them, each under the one it feeds, marked
// with where it runs (async def on the loop, def in a worker thread) and
// its state, a cache hit linked to the node whose value it reuses, the
// teardowns after yield numbered in FastAPI's order; then the endpoint and
// the response.
func (l *layout) depends(y float64) {
	s, u, sm := l.s, l.u, l.sc.Small
	W, bottom := l.sc.W-2*l.pad, l.sc.H-l.pad
	qs := s.Requests()
	if len(qs) == 0 {
		l.add(Item{Kind: KLabel, X: l.pad, Y: y, W: W, H: 2 * sm, Text: Fit(l.t(dNone), W, sm), Tone: ToneDim, Parent: -1, Size: sm})
		return
	}
	gap, ind, gutter := 5*u, 16*u, 14*u
	cols := max(1, min(len(qs), int((W+l.gap)/(230*u+l.gap))))
	colW := (W - float64(cols-1)*l.gap) / float64(cols)

	// The requests shown: the most recently active, in the order they came.
	show := make([]int, len(qs))
	last := make([]int, len(qs))
	for k := range qs {
		show[k], last[k] = k, qs[k].Start
		for _, d := range qs[k].Nodes {
			last[k] = max(last[k], d.Changed)
		}
	}
	sort.SliceStable(show, func(a, b int) bool { return last[show[a]] > last[show[b]] })
	show = show[:cols]
	sort.Ints(show)
	// The chips' names at the normal size when every shown tree fits so.
	ts, rows := l.sc.Font, 0
	for _, k := range show {
		rows = max(rows, len(qs[k].Nodes)+2)
	}
	if y+l.title+sm*1.5+float64(rows)*(ts*1.35+sm*1.3+8*u+gap) > bottom {
		ts = sm
	}
	h := ts*1.35 + sm*1.3 + 8*u

	for c, k := range show {
		q := &qs[k]
		x := l.pad + float64(c)*(colW+l.gap)
		sec := l.section("#"+strconv.Itoa(k+1)+" "+q.Text, x, y, colW, bottom-y)
		cy := y + l.title
		var deps []Dep
		if len(q.Nodes) > 1 {
			deps = q.Nodes[1:]
		}
		// Room for the endpoint (its label and chip), the response, and
		// "+N more requests" in the last column when some are not shown.
		reserve := sm*1.5 + 2*(h+gap)
		if c == cols-1 && len(qs) > cols {
			reserve += h + gap
		}
		rows := max(0, int((bottom-cy-reserve+gap)/(h+gap)))
		if len(deps) > rows {
			deps = deps[:max(0, rows-1)]
		}
		maxDepth := max(0, int((colW-gutter-150*u)/ind))
		at := map[int32]int{} // a node -> its chip
		chip := func(d *Dep, x, w float64, sub string) int {
			text := d.Name
			if d.Yield {
				text += " · yield"
			}
			i := l.add(Item{Kind: KChip, Key: key(tagDep, d.ID), X: x, Y: cy, W: w, H: h, Text: Fit(text, w-12*u, ts), Sub: Fit(sub, w-12*u, sm), Tone: depTones[d.State], Parent: sec, Size: ts, Fresh: d.Changed == s.Index})
			at[d.ID] = i
			cy += h + gap
			return i
		}
		for n := range deps {
			d := &deps[n]
			dx := x + float64(min(d.Depth-1, maxDepth))*ind
			b := &l.sc.Items[chip(d, dx, x+colW-gutter-dx, l.depWords(d))]
			if p, ok := at[d.Parent]; ok && l.sc.Items[p].X+8*u < b.X {
				a := &l.sc.Items[p]
				l.add(Item{Kind: KLink, X: a.X + 8*u, Y: a.Y + a.H, X2: b.X, Y2: b.Y + b.H/2, Tone: ToneWaiting, Parent: sec})
			}
			if o, ok := at[d.Reuses]; ok {
				// The reuse: from the gutter beside it up to the node solved.
				a := &l.sc.Items[o]
				l.add(Item{Kind: KLink, X: x + colW - gutter/2, Y: b.Y + b.H/2, X2: a.X + a.W, Y2: a.Y + a.H/2, Tone: ToneCallback, Parent: sec})
			}
		}
		// A stage too short for any row of dependencies (a phone held
		// sideways) counts them in the endpoint's label's place.
		more := len(q.Nodes) - 1 - len(deps)
		if more > 0 {
			mh := h
			if rows == 0 {
				mh = sm * 1.5
			}
			l.add(Item{Kind: KMore, X: x, Y: cy, W: colW - gutter, H: mh, Text: Fit(l.t(dMoreDeps, strconv.Itoa(more)), colW-gutter-12*u, sm), Parent: sec, Size: sm})
			cy += mh + gap
		}
		if len(q.Nodes) > 0 {
			if more == 0 || rows > 0 {
				l.add(Item{Kind: KLabel, X: x, Y: cy, W: colW, H: sm * 1.5, Text: Fit(l.t(dEndpoint), colW, sm), Tone: ToneDim, Parent: sec, Size: sm})
				cy += sm * 1.5
			}
			chip(&q.Nodes[0], x, colW-gutter, l.depWords(&q.Nodes[0]))
		}
		text, sub, tone := "…", l.t(dNoResponse), TonePending
		switch {
		case q.Status == "500":
			text, sub, tone = "500", l.t(dRaised), ToneFailed
		case q.Status != "":
			text, sub, tone = q.Status, l.t(dSent), ToneDone
			if q.Status >= "4" {
				tone = ToneFailed
			}
		}
		l.add(Item{Kind: KChip, X: x, Y: cy, W: colW - gutter, H: h, Text: text, Sub: Fit(sub, colW-gutter-12*u, sm), Tone: tone, Parent: sec, Size: ts})
		cy += h + gap
		if c == cols-1 && len(qs) > cols && cy+h <= bottom {
			l.add(Item{Kind: KMore, X: x, Y: cy, W: colW - gutter, H: h, Text: Fit(l.t(dMoreRequests, strconv.Itoa(len(qs)-cols)), colW-gutter-12*u, sm), Parent: sec, Size: sm})
		}
	}
}

// depTones is how each state of a dependency is drawn.
var depTones = [...]Tone{DepWaiting: ToneWaiting, DepLoop: ToneRunning, DepThread: ToneThread, DepDone: ToneDone,
	DepCached: ToneCallback, DepTornDown: ToneCancelled, DepFailed: ToneFailed, DepSkipped: ToneDim}

// depWords says where dependency d runs and what it is doing.
func (l *layout) depWords(d *Dep) string {
	switch d.State {
	case DepLoop:
		return l.t(dLoop)
	case DepThread:
		return l.t(dThread)
	case DepDone:
		if d.Yield {
			return l.t(dYield)
		}
		return l.t(dDone)
	case DepCached:
		return l.t(dCached)
	case DepTornDown:
		return l.t(dTorn, strconv.Itoa(d.Teardown))
	case DepFailed:
		return l.t(dFailed)
	case DepSkipped:
		return l.t(dSkipped)
	}
	return l.t(dWaiting)
}

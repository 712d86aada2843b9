package playback

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"loopscope/scenes"
	"loopscope/scenes/engine"
	"loopscope/scenes/playback/playtest"
	"loopscope/scenes/trace"
)

// background items may hold others or span rows; everything else is solid.
func solid(k ItemKind) bool {
	switch k {
	case KSection, KSlot, KStallBand, KCursor, KArrow, KLink:
		return false
	}
	return true
}

func overlap(a, b *Item) bool {
	const eps = 0.01
	return a.X+eps < b.X+b.W && b.X+eps < a.X+a.W && a.Y+eps < b.Y+b.H && b.Y+eps < a.Y+a.H
}

func inside(a, b *Item) bool {
	const eps = 0.01
	return a.X >= b.X-eps && a.Y >= b.Y-eps && a.X+a.W <= b.X+b.W+eps && a.Y+a.H <= b.Y+b.H+eps
}

// checkScene reports items off the canvas, sections that overlap, items
// outside their section, siblings that overlap, and text wider than its box.
func checkScene(sc *Scene) []string {
	var bad []string
	canvas := Item{W: sc.W, H: sc.H}
	for i := range sc.Items {
		it := &sc.Items[i]
		desc := func() string { return fmt.Sprintf("item %d (kind %d %q)", i, it.Kind, it.Text) }
		if it.W < 0 || it.H < 0 {
			bad = append(bad, desc()+": negative size")
		}
		if it.Kind == KArrow {
			if it.X < 0 || it.Y < 0 || it.X2 > sc.W || it.Y2 > sc.H || it.X > sc.W || it.Y > sc.H {
				bad = append(bad, desc()+": arrow off the canvas")
			}
			continue
		}
		if !inside(it, &canvas) {
			bad = append(bad, fmt.Sprintf("%s at %.0f,%.0f %.0fx%.0f: off the %.0fx%.0f canvas", desc(), it.X, it.Y, it.W, it.H, sc.W, sc.H))
		}
		if it.Parent >= 0 && !inside(it, &sc.Items[it.Parent]) {
			p := &sc.Items[it.Parent]
			bad = append(bad, fmt.Sprintf("%s at %.0f,%.0f %.0fx%.0f: outside its section %q at %.0f,%.0f %.0fx%.0f", desc(), it.X, it.Y, it.W, it.H, p.Text, p.X, p.Y, p.W, p.H))
		}
		if it.Text != "" && it.Kind != KArrow && it.Kind != KDial {
			if w := TextWidth(it.Text, it.Size); w > it.W+0.01 {
				bad = append(bad, fmt.Sprintf("%s: text %.0f px wide in %.0f", desc(), w, it.W))
			}
		}
		if it.Kind != KDial && it.Kind != KClock {
			subSize := sc.Small
			if it.Kind == KBanner {
				subSize = it.Size
			}
			for _, sub := range []string{it.Sub, it.Sub2} {
				if w := TextWidth(sub, subSize); w > it.W+0.01 {
					bad = append(bad, fmt.Sprintf("%s: line %q %.0f px wide in %.0f", desc(), sub, w, it.W))
				}
			}
		}
		for j := 0; j < i; j++ {
			o := &sc.Items[j]
			if o.Kind == KArrow || o.Kind == KArrowLabel || it.Kind == KArrowLabel {
				continue // an arrow's label may sit in any section: textOverlaps checks it covers no text
			}
			sameLevel := (it.Parent < 0 && o.Parent < 0 && it.Kind != KBanner && o.Kind != KBanner) || (it.Parent >= 0 && it.Parent == o.Parent && solid(it.Kind) && solid(o.Kind))
			if it.Kind == KBanner && o.Kind == KSection || o.Kind == KBanner && it.Kind == KSection {
				sameLevel = true
			}
			if sameLevel && overlap(it, o) {
				bad = append(bad, fmt.Sprintf("%s overlaps item %d (kind %d %q)", desc(), j, o.Kind, o.Text))
			}
		}
	}
	return bad
}

// accounted counts the tasks the scene shows as a card, a ghost or a
// cell, and in "+N more".
func accounted(sc *Scene, s *State) (cards, cells, more, inSlot int) {
	seen := map[uint64]bool{}
	slot := uint64(0)
	defer func() {
		if slot != 0 && !seen[slot] {
			inSlot = 1
		}
	}()
	for i := range sc.Items {
		it := &sc.Items[i]
		switch it.Kind {
		case KSection:
			// with room for one or two cards, the title counts the rest
			// "TASKS · 3 created, 1 alive · +1 more"
			heading, _, _ := strings.Cut(messages[hTasks][sc.Lang], "{")
			tail := strings.TrimPrefix(messages[lTitleMore][sc.Lang], "{1}")
			if k := strings.LastIndex(it.Text, tail[:strings.Index(tail, "{")]); k >= 0 && strings.HasPrefix(it.Text, heading) {
				n := 0
				if _, err := fmt.Sscanf(it.Text[k:], strings.Replace(tail, "{2}", "%d", 1), &n); err == nil {
					more += n
				}
			}
		case KCard, KGhost:
			// a task's card in the grid, or up in the loop thread's slot
			// (with a ghost in the grid, or none when the grid is small)
			heading, _, _ := strings.Cut(messages[hTasks][sc.Lang], "{")
			inGrid := it.Kind == KGhost || strings.HasPrefix(sc.Items[it.Parent].Text, heading)
			if inGrid {
				cards++
			} else {
				slot = it.Key & 0xffffffff
			}
			seen[it.Key&0xffffffff] = seen[it.Key&0xffffffff] || inGrid
		case KCell:
			cells++
		case KMore:
			n := 0
			if _, err := fmt.Sscanf(it.Text, strings.Replace(messages[lMoreTasks][sc.Lang], "{1}", "%d", 1), &n); err == nil {
				more += n
			}
		}
	}
	return
}

func TestLayoutFits(t *testing.T) {
	for _, n := range []int{1, 10, 1000} {
		tr := playtest.Gather(n, true)
		rec := Build(tr)
		// Interesting moments: the stall, the busiest ready queue, all
		// tasks waiting, a timer falling due, the end.
		moments := map[string]int{"end": tr.Len() - 1, "start": 0}
		busiest := 0
		for i := range tr.Events {
			e := &tr.Events[i]
			switch e.Kind {
			case trace.ThreadBlock:
				moments["stall"] = i
			case trace.TimerDue:
				if _, ok := moments["due"]; !ok {
					moments["due"] = i
					moments["waiting"] = i - 1
				}
			case trace.HandleNew:
				if s := rec.StateAt(i); len(s.Ready) > busiest && n <= 10 || (n > 10 && i < 4*n && i > busiest) {
					busiest = max(busiest, i)
					moments["queue"] = i
				}
			case trace.FutureResult:
				moments["resolved"] = i
			}
		}
		for name, i := range moments {
			s := rec.StateAt(i)
			for _, lang := range []Lang{EN, KO} {
				s.SetLang(lang)
				for _, scale := range []float64{1, 2} {
					for _, w := range []float64{480, 640, 800, 1024, 1280, 1920} {
						for _, h := range []float64{560, 720, 1080} {
							sc := Layout(w*scale, h*scale, scale, s)
							where := fmt.Sprintf("%d tasks, %s (event %d), %gx%g @%gx in %s", n, name, i, w, h, scale, lang)
							if bad := checkScene(sc); len(bad) > 0 {
								t.Errorf("%s: %d problems, first: %s", where, len(bad), strings.Join(bad[:min(3, len(bad))], "\n\t"))
								continue
							}
							cards, cells, more, inSlot := accounted(sc, s)
							switch {
							case len(s.Tasks) == 0:
							case cells > 0 && cards == 0 && more == 0:
								// Only the strip fits: it shows every task.
							case cells > 0:
								if cards+more+inSlot != len(s.Tasks) {
									t.Errorf("%s: %d cards + %d more for %d tasks", where, cards, more, len(s.Tasks))
								}
							case more > 0:
								if cards+more+inSlot != len(s.Tasks) {
									t.Errorf("%s: %d cards + %d more for %d tasks", where, cards, more, len(s.Tasks))
								}
							case cards != len(s.Tasks):
								t.Errorf("%s: %d cards for %d tasks and no density strip", where, cards, len(s.Tasks))
							}
							if n == 1000 && s.Index > 4*n && cells == 0 {
								t.Errorf("%s: a thousand tasks without a density strip", where)
							}
						}
					}
				}
			}
		}
	}
}

func TestLayoutShowsCause(t *testing.T) {
	tr := playtest.Gather(3, true)
	rec := Build(tr)
	// A sleep future resolves and its callback joins the ready queue: the
	// new chip comes from the future, with an arrow from it.
	i := find(t, tr, 0, func(e *trace.Event) bool { return e.Kind == trace.FutureResult })
	fid := tr.Events[i].ID
	i = find(t, tr, i, func(e *trace.Event) bool { return e.Kind == trace.HandleNew })
	sc := Layout(1280, 800, 1, rec.StateAt(i))
	var chip, arrow *Item
	for k := range sc.Items {
		it := &sc.Items[k]
		if it.Kind == KChip && it.Key == key(tagChip, tr.Events[i].ID) {
			chip = it
		}
		if it.Kind == KArrow {
			arrow = it
		}
	}
	if chip == nil || chip.From != key(tagFuture, fid) || !chip.Fresh {
		t.Fatalf("the wakeup chip %+v does not come from future %d", chip, fid)
	}
	if arrow == nil || arrow.Tone != ToneCallback {
		t.Errorf("no callback arrow: %+v", arrow)
	}

	// A task that awaits leaves the loop thread's slot for the grid.
	j := find(t, tr, i, func(e *trace.Event) bool { return e.Kind == trace.TaskStep })
	task := tr.Events[j].ID
	at := func(idx int) (slot bool, card *Item) {
		sc := Layout(1280, 800, 1, rec.StateAt(idx))
		for k := range sc.Items {
			it := &sc.Items[k]
			if it.Kind == KCard && it.Key == CardKey(task) {
				return strings.HasPrefix(sc.Items[it.Parent].Text, "ON THE LOOP"), it
			}
		}
		return false, nil
	}
	if slot, c := at(j); !slot || c.Tone != ToneRunning {
		t.Errorf("the running task's card is not in the loop's slot: %+v", c)
	}
	k := find(t, tr, j, func(e *trace.Event) bool { return e.Kind == trace.TaskDone || e.Kind == trace.TaskSuspend })
	if slot, c := at(k); slot || c == nil {
		t.Errorf("after its step the card is still in the slot (or gone): %+v", c)
	}

	// During the stall the banner says so and the timeline has a stall band.
	b := find(t, tr, 0, func(e *trace.Event) bool { return e.Kind == trace.ThreadBlock })
	sc = Layout(1280, 800, 1, rec.StateAt(b+1))
	sc2 := Layout(1280, 800, 1, rec.StateAt(b))
	var banner string
	for _, it := range sc2.Items {
		if it.Kind == KBanner {
			banner = it.Text
		}
	}
	if !strings.HasPrefix(banner, "LOOP BLOCKED in time.sleep(1)") {
		t.Errorf("banner during the stall: %q", banner)
	}
	bands := 0
	for _, it := range sc.Items {
		if it.Kind == KStallBand {
			bands++
		}
	}
	if bands != 1 {
		t.Errorf("%d stall bands after the stall, want 1", bands)
	}
}

func BenchmarkLayout1000(b *testing.B) {
	tr := playtest.Gather(1000, false)
	rec := Build(tr)
	s := rec.StateAt(tr.Len() / 2)
	for b.Loop() {
		Layout(1600, 1000, 2, s)
	}
}

// A handle keeps its key from the ready queue into the loop's slot, so the
// stage can move the very chip the learner saw queued.
func TestChipTravelsFromQueueToSlot(t *testing.T) {
	tr := playtest.Gather(3, false)
	rec := Build(tr)
	i := find(t, tr, 0, func(e *trace.Event) bool { return e.Kind == trace.HandleRun })
	h := tr.Events[i].ID
	where := func(idx int) (parent string, it *Item) {
		sc := Layout(1280, 800, 1, rec.StateAt(idx))
		for k := range sc.Items {
			if sc.Items[k].Kind == KChip && sc.Items[k].Key == key(tagChip, h) {
				return sc.Items[sc.Items[k].Parent].Text, &sc.Items[k]
			}
		}
		return "", nil
	}
	before, a := where(i - 1)
	after, b := where(i)
	if !strings.HasPrefix(before, "READY QUEUE") || !strings.HasPrefix(after, "ON THE LOOP THREAD") {
		t.Fatalf("the chip is in %q then %q", before, after)
	}
	if a.X == b.X && a.Y == b.Y {
		t.Errorf("the chip did not move")
	}
}

// textOverlaps reports pairs of items whose text areas overlap: nothing
// is drawn over other text.
func textOverlaps(sc *Scene) []string {
	type box struct {
		i int
		b Item
	}
	var boxes []box
	for i := range sc.Items {
		if b, ok := TextArea(&sc.Items[i]); ok {
			boxes = append(boxes, box{i, b})
		}
	}
	var bad []string
	for a := range boxes {
		for b := range a {
			x, y := &boxes[a], &boxes[b]
			if overlap(&x.b, &y.b) {
				ix, iy := &sc.Items[x.i], &sc.Items[y.i]
				bad = append(bad, fmt.Sprintf("%d %q over %d %q", ix.Kind, ix.Text, iy.Kind, iy.Text))
			}
		}
	}
	return bad
}

// stageSizes are the stage's sizes on a 1440×900 laptop and on a 390×844
// phone (pixel ratio 2), a little smaller and larger; on a 360×740 phone
// and in a 320 px wide ?embed frame of a course page; and on a phone held
// sideways (844×390: the stage keeps about 200 px of the height).
var stageSizes = []struct {
	name        string
	w, h, scale float64
}{
	{"laptop", 570, 780, 1},
	{"laptop-wide", 1000, 840, 1},
	{"phone", 390, 685, 2},
	{"phone-short", 390, 560, 2},
	{"phone-360", 360, 495, 3},
	{"embed-320", 320, 420, 1},
	{"sideways", 844, 203, 2},
}

// sample returns up to n event indexes spread over a trace of length
// total, with the first and the last.
func sample(total, n int) []int {
	if total <= n {
		out := make([]int, total)
		for i := range out {
			out[i] = i
		}
		return out
	}
	out := make([]int, 0, n+1)
	for k := 0; k < n; k++ {
		out = append(out, k*(total-1)/(n-1))
	}
	return out
}

// Every built-in scene, along its whole run, at laptop and phone sizes:
// nothing outside its place, no text over other text, the caption whole,
// every task's card in creation order with main and the scene's
// witnesses among them, and each card titled with its task's whole name.
func TestSceneLayoutsClean(t *testing.T) {
	for _, scn := range scenes.All() {
		r := engine.Run([]byte(scn.Source), engine.Options{Filename: scn.Filename(), Trace: true})
		if r.Trace == nil {
			t.Fatalf("%s: no trace: %s", scn.ID, r.Stderr)
		}
		rec := Build(r.Trace)
		witnesses := Witnesses(scn.Source)
		for _, v := range rec.Views() {
			for k, sz := range stageSizes {
				problems := 0
				for _, i := range sample(rec.Len(), 160) {
					s := rec.StateAt(i)
					s.SetLang([...]Lang{EN, KO}[(i+k+int(v))%2]) // both languages, every size and view
					sc := LayoutView(v, sz.w*sz.scale, sz.scale*sz.h, sz.scale, s, witnesses...)
					bad := checkScene(sc)
					bad = append(bad, textOverlaps(sc)...)
					bad = append(bad, captionCut(sc, s)...)
					switch v {
					case ViewLoop:
						bad = append(bad, cardProblems(sc, s, witnesses)...)
						bad = append(bad, axisProblems(sc)...)
					case ViewAwaits:
						bad = append(bad, awaitProblems(sc, s)...)
					case ViewDepends:
						bad = append(bad, dependsProblems(sc, s)...)
					}
					if len(bad) > 0 {
						problems++
						if problems <= 2 {
							t.Errorf("%s at event %d of %d, %s view, %s in %s: %d problems: %s", scn.ID, i, rec.Len(), v, sz.name, s.Lang, len(bad), strings.Join(bad[:min(4, len(bad))], "\n\t"))
						}
					}
				}
				if problems > 2 {
					t.Errorf("%s, %s view, %s: %d more events with problems", scn.ID, v, sz.name, problems-2)
				}
			}
		}
	}
}

// captionCut reports a caption cut short on the banner of any view.
func captionCut(sc *Scene, s *State) []string {
	for i := range sc.Items {
		it := &sc.Items[i]
		if it.Kind == KBanner && (strings.HasSuffix(it.Text, "…") || strings.HasSuffix(it.Sub, "…")) && s.Err == "" {
			return []string{fmt.Sprintf("the caption is cut: %q / %q", it.Text, it.Sub)}
		}
	}
	return nil
}

// cardProblems checks the task cards of a scene: in creation order, main
// (the first task) and the witnesses shown (as a card, a ghost, or in the
// loop thread's slot), and each card's title starting with its task's
// whole name.
func cardProblems(sc *Scene, s *State, witnesses []string) []string {
	var bad []string
	lastOrd := -1
	shown := map[int32]bool{}
	heading, _, _ := strings.Cut(messages[hTasks][sc.Lang], "{")
	if !slices.ContainsFunc(sc.Items, func(it Item) bool { return it.Kind == KSection && strings.HasPrefix(it.Text, heading) }) {
		return nil // a stage too short for the task grid (a phone held sideways) leaves it out
	}
	for i := range sc.Items {
		it := &sc.Items[i]
		if it.Kind != KCard && it.Kind != KGhost {
			continue
		}
		id := int32(it.Key & 0xffffffff)
		t := s.Task(id)
		if t == nil {
			bad = append(bad, fmt.Sprintf("card %q of no task", it.Text))
			continue
		}
		shown[id] = true
		if it.Kind == KCard && !strings.HasPrefix(it.Text, t.Name+" ") && it.Text != t.Name {
			bad = append(bad, fmt.Sprintf("card of %s titled %q", t.Name, it.Text))
		}
		if it.Parent >= 0 && sc.Items[it.Parent].Kind == KSection && strings.HasPrefix(sc.Items[it.Parent].Text, heading) {
			if t.Ord < lastOrd {
				bad = append(bad, fmt.Sprintf("card of %s (created %d) after one created %d", t.Name, t.Ord, lastOrd))
			}
			lastOrd = t.Ord
		}
	}
	if len(s.Tasks) > 0 && !shown[s.Tasks[0].ID] {
		bad = append(bad, "main ("+s.Tasks[0].Name+") has no card")
	}
	for k := range s.Tasks {
		t := &s.Tasks[k]
		fn := ShortCoro(t.Coro)
		if i := strings.IndexByte(fn, '('); i >= 0 {
			fn = fn[:i]
		}
		if slices.Contains(witnesses, fn) && !shown[t.ID] {
			bad = append(bad, "the witness "+t.Name+" "+t.Coro+" has no card")
		}
	}
	return bad
}

// axisProblems checks the timeline's time labels: 0 first, then regular
// steps of 1, 2 or 5 times a power of ten.
func axisProblems(sc *Scene) []string {
	var ts []float64
	if !slices.ContainsFunc(sc.Items, func(it Item) bool { return it.Kind == KLane }) {
		return nil // a stage too short for the timeline leaves it out
	}
	for _, it := range sc.Items {
		if it.Kind != KAxis {
			continue
		}
		num := strings.TrimRight(it.Text, " s초")
		v, err := strconv.ParseFloat(num, 64)
		if err != nil {
			return []string{fmt.Sprintf("axis label %q", it.Text)}
		}
		ts = append(ts, v)
	}
	if len(ts) == 0 || ts[0] != 0 {
		return []string{fmt.Sprintf("axis labels %v: not from 0", ts)}
	}
	if len(ts) < 2 {
		return nil
	}
	step := ts[1]
	m := step / math.Pow(10, math.Floor(math.Log10(step)+1e-9))
	if math.Abs(m-1) > 1e-6 && math.Abs(m-2) > 1e-6 && math.Abs(m-5) > 1e-6 {
		return []string{fmt.Sprintf("axis labels %v: a step of %g", ts, step)}
	}
	for k := range ts {
		if math.Abs(ts[k]-float64(k)*step) > 1e-6 {
			return []string{fmt.Sprintf("axis labels %v: not every %g", ts, step)}
		}
	}
	return nil
}

func TestWitnesses(t *testing.T) {
	src := "import asyncio\n# witness: heartbeat\nx = 1  # witness: producer, Task-3\n#witness:\n# not a witness: y\n"
	if got, want := Witnesses(src), []string{"heartbeat", "producer", "Task-3"}; !slices.Equal(got, want) {
		t.Errorf("Witnesses = %q, want %q", got, want)
	}
	sc, _ := scenes.Get("16_blocking")
	if got := Witnesses(sc.Source); !slices.Equal(got, []string{"heartbeat"}) {
		t.Errorf("16_blocking names %q, want its heartbeat", got)
	}
}

// asyncio.run's shutdown takes the timeline width of one step, not a
// quarter of it.
func TestShutdownFoldedOnTheTimeline(t *testing.T) {
	sc, _ := scenes.Get("01_event_loop")
	r := engine.Run([]byte(sc.Source), engine.Options{Filename: sc.Filename(), Trace: true})
	rec := Build(r.Trace)
	folds := rec.Folds()
	if len(folds) != 1 {
		t.Fatalf("folds %+v", folds)
	}
	f := folds[0]
	l := &layout{s: rec.StateAt(rec.Len() - 1)}
	scale := l.eventScale(rec.Len())
	if w := scale(f.End+1) - scale(f.Start); w > 0.05 || w <= 0 {
		t.Errorf("the shutdown's %d events of %d take %.3f of the event scale, want one narrow step (at most 0.05)", f.Len(), rec.Len(), w)
	}
	if scale(0) != 0 || math.Abs(scale(rec.Len())-1) > 1e-9 {
		t.Errorf("the scale runs from %g to %g", scale(0), scale(rec.Len()))
	}
	for i := 1; i <= rec.Len(); i++ {
		if scale(i) < scale(i-1) {
			t.Fatalf("the scale goes back at event %d", i)
		}
	}
}

// A task's line is where its own coroutine is, never the asyncio.run call
// (07's gather children are asyncio.sleep coroutines: library code, with
// no line of their own in the scene).
func TestTaskLinesAreTheirOwn(t *testing.T) {
	for _, scn := range scenes.All() {
		r := engine.Run([]byte(scn.Source), engine.Options{Filename: scn.Filename(), Trace: true})
		rec := Build(r.Trace)
		runLine := int32(0)
		for _, e := range r.Trace.Events {
			if e.Kind == trace.LoopStart {
				runLine = e.Line
				break
			}
		}
		if runLine == 0 {
			continue
		}
		for _, i := range sample(rec.Len(), 200) {
			s := rec.StateAt(i)
			for _, tk := range s.Tasks {
				if tk.Line == runLine && !tk.State.Finished() {
					t.Errorf("%s at event %d: %s %s is at line %d, the asyncio.run call", scn.ID, i, tk.Name, tk.Coro, tk.Line)
				}
			}
		}
	}
}

func TestFitMiddle(t *testing.T) {
	for _, c := range []struct {
		s    string
		w    float64
		want string
	}{
		{"MainThread", 100, "MainThread"},
		{"ThreadPoolExecutor-0_0", 10 * CharWidth(10), "Thr…or-0_0"},
		{"ThreadPoolExecutor-0_1", 5 * CharWidth(10), "T…0_1"},
		{"abc", 0, ""},
	} {
		got := FitMiddle(c.s, c.w, 10)
		if got != c.want || TextWidth(got, 10) > c.w+1e-9 {
			t.Errorf("FitMiddle(%q, %g) = %q, want %q", c.s, c.w, got, c.want)
		}
	}
}

// Past the cap of thread lanes, the last one gathers the other threads
// rather than leaving them out.
func TestThreadLanesGather(t *testing.T) {
	sc, _ := scenes.Get("17_threads_executors")
	r := engine.Run([]byte(sc.Source), engine.Options{Filename: sc.Filename(), Trace: true})
	rec := Build(r.Trace)
	s := rec.StateAt(rec.Len() - 1)
	if len(s.Threads) < 4 {
		t.Fatalf("%d threads, want at least 4 for this test", len(s.Threads))
	}
	l := &layout{s: s, sc: &Scene{W: 1000, Small: 11}, u: 1, pad: 12}
	var threads []tlRow
	for _, row := range l.timelineRows(1) {
		if row.kind == 0 {
			threads = append(threads, row)
		}
	}
	want := l.t(lOtherThreads, strconv.Itoa(len(s.Threads)-1))
	if len(threads) != 2 || !threads[1].fromOrd || threads[1].label != want {
		t.Errorf("compact thread lanes %+v, want the loop's and %q", threads, want)
	}
}

// A learner's names and values may hold any script: the wide runes (drawn
// in 1 em, by the stage font or the browser's fonts) are East Asian ones
// and emoji; Latin, Greek, Cyrillic and the stage's symbols take 0.6 em.
func TestWideRunes(t *testing.T) {
	for _, r := range "다운로드ㄱᄀ漢字かなカナ、（🙂🚀🧪🪄𠀀" {
		if !Wide(r) || RuneWidth(r, 20) != 20 {
			t.Errorf("%q (U+%04X) is not wide", r, r)
		}
	}
	for _, r := range "aZ~é λΩЖя→…·─" {
		if Wide(r) || RuneWidth(r, 20) != CharWidth(20) {
			t.Errorf("%q (U+%04X) is wide", r, r)
		}
	}
	if w := TextWidth("name=\"다운로드\" 🚀", 10); w != 8*CharWidth(10)+5*10 {
		t.Errorf("TextWidth = %g", w)
	}
}

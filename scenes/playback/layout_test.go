package playback

import (
	"fmt"
	"strings"
	"testing"

	"loopscope/scenes/playback/playtest"
	"loopscope/scenes/trace"
)

// background items may hold others or span rows; everything else is solid.
func solid(k ItemKind) bool {
	switch k {
	case KSection, KSlot, KStallBand, KCursor, KArrow:
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
		for j := 0; j < i; j++ {
			o := &sc.Items[j]
			if o.Kind == KArrow {
				continue
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
func accounted(sc *Scene, s *State) (cards, cells, more int) {
	for i := range sc.Items {
		it := &sc.Items[i]
		switch it.Kind {
		case KCard:
			heading, _, _ := strings.Cut(messages[hTasks][sc.Lang], "{")
			if it.Parent >= 0 && strings.HasPrefix(sc.Items[it.Parent].Text, heading) {
				cards++
			}
		case KGhost:
			cards++
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
							cards, cells, more := accounted(sc, s)
							inSlot := 0 // the running task has a ghost in the grid
							switch {
							case len(s.Tasks) == 0:
							case cells > 0 && cards == 0 && more == 0:
								// Only the strip fits: it shows every task.
							case cells > 0:
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

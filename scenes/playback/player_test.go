package playback

import (
	"math"
	"math/rand"
	"testing"
	"time"

	"loopscope/scenes/engine"
	"loopscope/scenes/playback/playtest"
	"loopscope/scenes/trace"
)

const frame = 1.0 / 60

// play advances p frame by frame until it moves past event i, returning
// the screen seconds it spent on i.
func screenTime(p *Player, i int) float64 {
	p.Seek(i - 1)
	p.Step(1) // now at i, animating from 0
	p.Play()
	spent := 0.0
	for p.Index() == i && p.Playing() {
		p.Advance(frame)
		spent += frame
	}
	return spent
}

func TestEveryEventGetsScreenTime(t *testing.T) {
	tr := playtest.Gather(3, false)
	p := New(tr, "")
	for i := 1; i < tr.Len()-1; i++ {
		got := screenTime(p, i)
		if got < QuickTime-frame {
			t.Errorf("event %d (%s) got %.3f s on screen", i, tr.Events[i].Kind, got)
		}
		if got > EventTime+MaxJump+frame {
			t.Errorf("event %d (%s) got %.3f s on screen, more than a capped jump", i, tr.Events[i].Kind, got)
		}
	}
}

func TestLongWaitsAreCompressedAndTheClockRuns(t *testing.T) {
	var tr trace.Trace
	tr.Add(trace.Event{Kind: trace.LoopStart, Thread: 1})
	tr.Add(trace.Event{Kind: trace.LoopPhase, Thread: 1, Phase: trace.PhaseSelect, Num: 3600})
	tr.Add(trace.Event{Time: 3600, Kind: trace.ClockJump, Thread: 1, Num: 0})
	tr.Add(trace.Event{Time: 3600, Kind: trace.LoopPhase, Thread: 1, Phase: trace.PhaseTimers})
	p := New(&tr, "")
	p.Seek(1)
	p.Play()
	var clocks []float64
	spent := 0.0
	for p.Index() < 3 {
		p.Advance(frame)
		spent += frame
		if p.Index() == 2 {
			if !p.Jumping() && p.State().Clock < 3600 {
				t.Fatalf("clock %g while not jumping", p.State().Clock)
			}
			clocks = append(clocks, p.State().Clock)
		}
	}
	if spent > QuickTime+EventTime+MaxJump+2*frame {
		t.Errorf("an hour's wait took %.2f s of screen time", spent)
	}
	if len(clocks) < 30 {
		t.Fatalf("the jump was on screen for %d frames", len(clocks))
	}
	mid := 0
	for k := 1; k < len(clocks); k++ {
		if clocks[k] < clocks[k-1] {
			t.Errorf("the clock ran backwards: %g then %g", clocks[k-1], clocks[k])
		}
		if clocks[k] > 0 && clocks[k] < 3600 {
			mid++
		}
	}
	if mid < 20 {
		t.Errorf("only %d frames showed the clock between 0 and 3600: %v", mid, clocks)
	}
}

func TestSpeedScalesPacing(t *testing.T) {
	tr := playtest.Gather(3, false)
	frames := func(speed float64) int {
		p := New(tr, "")
		p.SetSpeed(speed)
		p.Play()
		n := 0
		for p.Playing() {
			p.Advance(frame)
			n++
		}
		if !p.AtEnd() || p.Index() != tr.Len()-1 {
			t.Fatalf("stopped at %d of %d", p.Index(), tr.Len())
		}
		return n
	}
	one, four := frames(1), frames(4)
	if r := float64(one) / float64(four); math.Abs(r-4) > 0.2 {
		t.Errorf("speed 4 took %d frames, speed 1 %d: ratio %.2f", four, one, r)
	}
	p := New(tr, "")
	p.SetSpeed(100)
	if p.Speed() != MaxSpeed {
		t.Errorf("speed %g, want clamped to %g", p.Speed(), float64(MaxSpeed))
	}
	p.SetSpeed(0)
	if p.Speed() != MinSpeed {
		t.Errorf("speed %g, want clamped to %g", p.Speed(), MinSpeed)
	}
}

func TestTransport(t *testing.T) {
	tr := playtest.Gather(3, false)
	p := New(tr, "src")
	if p.Index() != 0 || p.Playing() || p.Source() != "src" {
		t.Fatalf("new player at %d playing %v", p.Index(), p.Playing())
	}
	p.Step(5)
	if p.Index() != 5 || p.Progress() != 0 || p.State().Index != 5 {
		t.Errorf("after Step(5): index %d progress %g", p.Index(), p.Progress())
	}
	p.Advance(10)
	if p.Index() != 5 || p.Progress() != 1 {
		t.Errorf("paused Advance moved to %d (progress %g)", p.Index(), p.Progress())
	}
	p.Step(-2)
	if p.Index() != 3 || p.Progress() != 1 || p.State().Index != 3 {
		t.Errorf("after Step(-2): index %d progress %g", p.Index(), p.Progress())
	}
	p.Step(-100)
	if p.Index() != 0 {
		t.Errorf("Step(-100) went to %d", p.Index())
	}
	p.Seek(1 << 30)
	if p.Index() != tr.Len()-1 || !p.AtEnd() || p.Time() != tr.Events[tr.Len()-1].Time {
		t.Errorf("Seek past the end: %d", p.Index())
	}
	p.Play() // at the end, play starts over
	if p.Index() != 0 || !p.Playing() {
		t.Errorf("Play at the end: index %d playing %v", p.Index(), p.Playing())
	}
	p.Advance(frame)
	p.Pause()
	i := p.Index()
	p.Advance(5)
	if p.Index() != i || p.Playing() {
		t.Errorf("paused player moved from %d to %d", i, p.Index())
	}
}

// Moving forward incrementally and seeking around give the same states.
func TestPlayerStateMatchesRecording(t *testing.T) {
	tr := playtest.Gather(12, true)
	p := New(tr, "")
	rec := p.Recording()
	r := rand.New(rand.NewSource(1))
	for k := 0; k < 300; k++ {
		switch r.Intn(3) {
		case 0:
			p.Step(1 + r.Intn(3))
		case 1:
			p.Step(-1 - r.Intn(3))
		default:
			p.Seek(r.Intn(tr.Len()))
		}
		got := p.State()
		want := rec.StateAt(p.Index())
		if got.Index != want.Index || len(got.Ready) != len(want.Ready) || len(got.Timers) != len(want.Timers) || got.Output != want.Output || len(got.Timeline) != len(want.Timeline) || got.Caption != want.Caption {
			t.Fatalf("at %d the player's state differs from the recording's", p.Index())
		}
		for j := range got.Tasks {
			if got.Tasks[j].State != want.Tasks[j].State || got.Tasks[j].Line != want.Tasks[j].Line {
				t.Fatalf("at %d task %d differs", p.Index(), j)
			}
		}
	}
}

func BenchmarkBuild(b *testing.B) {
	tr := playtest.Gather(1000, true)
	b.ReportMetric(float64(tr.Len()), "events")
	b.ResetTimer()
	for b.Loop() {
		Build(tr)
	}
}

func BenchmarkSeek(b *testing.B) {
	tr := playtest.Gather(1000, true)
	rec := Build(tr)
	r := rand.New(rand.NewSource(1))
	b.ReportMetric(float64(rec.Snapshots()), "snapshots")
	b.ResetTimer()
	for b.Loop() {
		rec.StateAt(r.Intn(tr.Len()))
	}
}

func BenchmarkPlay1000(b *testing.B) {
	tr := playtest.Gather(1000, false)
	p := New(tr, "")
	p.SetSpeed(MaxSpeed)
	p.Play()
	b.ResetTimer()
	for b.Loop() {
		p.Advance(frame)
		p.State()
		if !p.Playing() {
			p.Play()
		}
	}
}

// BenchmarkBuild100k builds a trace of about 100,000 events (5,000 tasks)
// and reports how much memory the recording keeps.
func BenchmarkBuild100k(b *testing.B) {
	tr := playtest.Gather(5000, false)
	b.ReportMetric(float64(tr.Len()), "events")
	var rec *Recording
	for b.Loop() {
		rec = Build(tr)
	}
	b.ReportMetric(float64(rec.Snapshots()), "snapshots")
	r := rand.New(rand.NewSource(1))
	start := time.Now()
	for range 100 {
		rec.StateAt(r.Intn(tr.Len()))
	}
	b.ReportMetric(float64(time.Since(start).Microseconds())/100, "µs/seek")
}

// 1x is the same seconds per event at any frame rate: players driven with
// the wall time of 10, 11 and 60 frames a second, and of uneven frames, are
// at the same event and the same screen position after the same seconds.
func TestPacingIsRealTime(t *testing.T) {
	tr := playtest.Gather(3, true)
	for _, speed := range []float64{0.5, 1, 3} {
		drive := func(frames func(k int) float64) []float64 {
			p := New(tr, "")
			p.SetSpeed(speed)
			p.Play()
			var at []float64 // the position after each whole second
			wall, next := 0.0, 1.0
			for k := 0; len(at) < 8; k++ {
				dt := frames(k)
				p.Advance(dt)
				wall += dt
				if wall >= next-1e-9 {
					at = append(at, p.Position())
					next++
				}
			}
			return at
		}
		r := rand.New(rand.NewSource(2))
		jitter := make([]float64, 2000)
		for k := range jitter {
			jitter[k] = 0.02 + 0.16*r.Float64()
		}
		rates := map[string]func(int) float64{
			"60 fps": func(int) float64 { return 1.0 / 60 },
			"10 fps": func(int) float64 { return 1.0 / 10 },
			"11 fps": func(int) float64 { return 1.0 / 11 },
			// uneven frames, topped up so each second ends on a frame
			"uneven": func(k int) float64 { return jitter[k%len(jitter)] },
		}
		want := drive(rates["60 fps"])
		for name, f := range rates {
			got := drive(f)
			for s := range want {
				// The uneven and 11 fps frames overshoot a whole second by
				// up to a frame.
				if d := got[s] - want[s]; d < -1e-6 || d > 0.2*speed {
					t.Errorf("speed %g, %s: after %d s at screen second %.3f, at 60 fps %.3f", speed, name, s+1, got[s], want[s])
				}
			}
		}
		// At 60 frames a second, 8 s of wall time play 8×speed screen
		// seconds (or the whole trace, if shorter).
		total := New(tr, "").ScreenTime(0, tr.Len())
		if w := want[len(want)-1]; math.Abs(w-min(8*speed, total)) > 1e-6 {
			t.Errorf("speed %g: after 8 s at %.3f screen seconds, want %.3f", speed, w, min(8*speed, total))
		}
	}
}

func TestFrameClock(t *testing.T) {
	var c FrameClock
	t0 := time.Unix(100, 0)
	if dt := c.Tick(t0); dt != 0 {
		t.Errorf("first tick: %g", dt)
	}
	if dt := c.Tick(t0.Add(100 * time.Millisecond)); math.Abs(dt-0.1) > 1e-9 {
		t.Errorf("a tenth of a second: %g", dt)
	}
	if dt := c.Tick(t0.Add(time.Minute)); dt != MaxFrame {
		t.Errorf("a minute away (a hidden tab): %g, want %g", dt, MaxFrame)
	}
	if dt := c.Tick(t0); dt != 0 {
		t.Errorf("the clock went back: %g", dt)
	}
}

// asyncio.run's shutdown plays as one step: its events share one beat.
func TestShutdownPlaysAsOneStep(t *testing.T) {
	src := "import asyncio\n\nasync def main():\n    await asyncio.sleep(0)\n\nasyncio.run(main())\n"
	r := engine.Run([]byte(src), engine.Options{Filename: "scene.py", Trace: true})
	if r.Trace == nil {
		t.Fatalf("no trace: %s", r.Stderr)
	}
	p := New(r.Trace, src)
	folds := p.Recording().Folds()
	if len(folds) != 1 || folds[0].Len() < 5 {
		t.Fatalf("folds %+v, want asyncio.run's shutdown", folds)
	}
	f := folds[0]
	jumps := 0.0
	for i := f.Start; i <= f.End; i++ {
		jumps += p.jump(i)
	}
	if got := p.ScreenTime(f.Start, f.End+1); got > EventTime+jumps+1e-9 {
		t.Errorf("the shutdown's %d events play for %.2f s, want one beat (%.2f s)", f.Len(), got, EventTime+jumps)
	}
}

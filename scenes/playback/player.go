package playback

import (
	"math"
	"time"

	"loopscope/scenes/trace"
)

// Pacing, in screen seconds at speed 1.
const (
	EventTime = 0.35 // every event gets at least this long on screen
	QuickTime = 0.2  // bookkeeping events (loop phases, skipped handles, callback registration)
	MaxJump   = 1.5  // the longest a virtual-time jump plays, however long it is
	MinSpeed  = 0.1
	MaxSpeed  = 10

	// MaxFrame is the most wall time one call of Advance counts: a longer
	// gap (a hidden tab, a stalled machine) plays as this much, so the
	// player does not race ahead when the page comes back.
	MaxFrame = 0.5
)

// Player plays a recording for the eye: it holds the current event index,
// paces events in screen time and interpolates the clock across jumps.
// It reads no clock of its own: call Advance once per frame with the wall
// time that frame took (a FrameClock measures it), so that 1x is the same
// seconds per event at 10 frames a second as at 60.
type Player struct {
	rec       *Recording
	src       string
	witnesses []string
	idx       int
	anim      float64 // screen seconds (at speed 1) into the current event
	playing   bool
	speed     float64
	lang      Lang
	view      View

	breakLines []int32 // SetBreaks
	breakOn    BreakOn
	hitAt      int // 1 + the event where playing last stopped at a breakpoint, 0: none
	hitWhy     BreakOn

	cur    *State
	curIdx int
}

// New builds a recording of tr and returns a paused player at its first
// event. src is the scene's source, kept for the page's code view.
func New(tr *trace.Trace, src string) *Player {
	return NewPlayer(Build(tr), src)
}

// NewPlayer returns a paused player of an already built recording.
func NewPlayer(rec *Recording, src string) *Player {
	return &Player{rec: rec, src: src, witnesses: Witnesses(src), speed: 1, curIdx: -2}
}

// Witnesses returns the tasks the scene names as the ones it is about
// (see Witnesses), for Layout.
func (p *Player) Witnesses() []string { return p.witnesses }

// Recording returns what the player plays.
func (p *Player) Recording() *Recording { return p.rec }

// Source returns the scene's source.
func (p *Player) Source() string { return p.src }

// Len returns the number of events.
func (p *Player) Len() int { return p.rec.Len() }

// Index returns the current event's index (0 for an empty trace).
func (p *Player) Index() int { return p.idx }

// Playing reports whether the player is playing.
func (p *Player) Playing() bool { return p.playing }

// Speed returns the speed factor.
func (p *Player) Speed() float64 { return p.speed }

// SetLang sets the language of the captions and of the stage's words.
func (p *Player) SetLang(l Lang) { p.lang = l }

// Lang returns the language of the captions and of the stage's words.
func (p *Player) Lang() Lang { return p.lang }

// SetView sets the view the stage shows. A view the recording has
// nothing to show in (see Recording.Views) is kept as the learner's
// choice, and the stage shows the loop view meanwhile.
func (p *Player) SetView(v View) { p.view = v }

// View returns the view the stage shows: the one set by SetView when the
// recording has it, the loop view otherwise.
func (p *Player) View() View {
	if p.rec.shows(p.view) {
		return p.view
	}
	return ViewLoop
}

// Play starts playing; at the end it starts again from the first event.
func (p *Player) Play() {
	if p.Len() == 0 {
		return
	}
	if p.AtEnd() {
		p.idx, p.anim = 0, 0
	}
	p.playing, p.hitAt = true, 0
}

// Pause stops playing where it is; the current event's animation still
// finishes.
func (p *Player) Pause() { p.playing = false }

// Step pauses and moves n events forward (n > 0), animating the last one,
// or back (n < 0), settled.
func (p *Player) Step(n int) {
	p.playing, p.hitAt = false, 0
	if p.Len() == 0 || n == 0 {
		return
	}
	to := max(0, min(p.idx+n, p.Len()-1))
	if to == p.idx {
		p.anim = p.dur(p.idx)
		return
	}
	p.idx = to
	if n > 0 {
		p.anim = 0
	} else {
		p.anim = p.dur(to)
	}
}

// Seek jumps to event i (clamped), settled, keeping play or pause.
func (p *Player) Seek(i int) {
	if p.Len() == 0 {
		return
	}
	p.idx, p.hitAt = max(0, min(i, p.Len()-1)), 0
	p.anim = p.dur(p.idx)
}

// SetSpeed sets the speed factor, clamped to MinSpeed..MaxSpeed.
func (p *Player) SetSpeed(x float64) {
	if math.IsNaN(x) {
		return
	}
	p.speed = max(MinSpeed, min(x, MaxSpeed))
}

// AtEnd reports whether the last event is current and its animation over.
func (p *Player) AtEnd() bool {
	return p.Len() == 0 || (p.idx == p.Len()-1 && p.anim >= p.dur(p.idx))
}

// Advance moves the animation on by dt wall seconds (scaled by the speed).
// While playing it moves to the next event when the current one has had
// its screen time, and stops at the end; paused, it only lets the current
// event's animation finish. Playing pauses at an event that is a
// breakpoint (SetBreaks). A frame longer than MaxFrame counts as
// MaxFrame, so a hidden tab does not race ahead.
func (p *Player) Advance(dt float64) {
	if p.Len() == 0 || !(dt > 0) {
		return
	}
	p.anim += min(dt, MaxFrame) * p.speed
	for {
		d := p.dur(p.idx)
		if p.anim < d {
			return
		}
		if !p.playing || p.idx >= p.Len()-1 {
			p.anim = d
			if p.idx >= p.Len()-1 {
				p.playing = false
			}
			return
		}
		p.anim -= d
		p.idx++
		if w := p.hit(p.idx); w != 0 {
			p.playing, p.hitAt, p.hitWhy = false, p.idx+1, w
		}
	}
}

// Position returns where playback is in screen seconds at speed 1: the
// screen time of every event before the current one plus how far into the
// current one it is. Two players of one recording driven with the same
// wall seconds are at the same position, whatever their frame rates.
func (p *Player) Position() float64 {
	if p.Len() == 0 {
		return 0
	}
	return p.ScreenTime(0, p.idx) + min(p.anim, p.dur(p.idx))
}

// ScreenTime returns how many seconds at speed 1 events from to to-1 take
// to play (each its own beat plus any virtual-time jump into it).
func (p *Player) ScreenTime(from, to int) float64 {
	from, to = max(0, from), min(to, p.Len())
	d := 0.0
	for i := from; i < to; i++ {
		d += p.dur(i)
	}
	return d
}

// Progress returns how far the current event's animation is, 0..1.
func (p *Player) Progress() float64 {
	if p.Len() == 0 {
		return 1
	}
	return min(1, p.anim/p.dur(p.idx))
}

// Time returns the virtual time of the current event.
func (p *Player) Time() float64 {
	if p.Len() == 0 {
		return 0
	}
	return p.rec.tr.Events[p.idx].Time
}

// Jumping reports whether the displayed clock is fast-forwarding across a
// virtual-time jump right now.
func (p *Player) Jumping() bool {
	j := p.jump(p.idx)
	return j > 0 && p.anim < j
}

// State returns the picture at the current event, with Clock interpolated
// across a jump. It belongs to the player: read it, do not modify or keep it.
func (p *Player) State() *State {
	if p.cur == nil || p.curIdx != p.idx {
		if p.cur != nil && p.idx > p.curIdx && p.idx-p.curIdx <= p.rec.minK {
			for j := p.curIdx + 1; j <= p.idx; j++ {
				p.cur.apply(j)
			}
		} else {
			i := p.idx
			if p.Len() == 0 {
				i = -1
			}
			p.cur = p.rec.StateAt(i)
		}
		p.cur.Lang = p.lang
		p.cur.finish()
		p.curIdx = p.idx
	}
	p.cur.SetLang(p.lang)
	p.cur.Clock = p.clock()
	return p.cur
}

// clock is the displayed virtual time: during a jump it runs from the
// previous event's time to the current one's, eased.
func (p *Player) clock() float64 {
	if p.Len() == 0 {
		return 0
	}
	t := p.rec.tr.Events[p.idx].Time
	j := p.jump(p.idx)
	if j == 0 || p.anim >= j {
		return t
	}
	t0 := p.rec.tr.Events[p.idx-1].Time
	if e := &p.rec.tr.Events[p.idx]; e.Kind == trace.ClockJump && e.Num < t {
		t0 = e.Num
	}
	x := p.anim / j
	x = x * x * (3 - 2*x)
	return t0 + (t-t0)*x
}

// jump is the screen time given to the virtual-time jump into event i.
func (p *Player) jump(i int) float64 {
	evs := p.rec.tr.Events
	if i <= 0 || i >= len(evs) {
		return 0
	}
	t0 := evs[i-1].Time
	if e := &evs[i]; e.Kind == trace.ClockJump && e.Num < t0 {
		t0 = e.Num
	}
	dt := evs[i].Time - t0
	if !(dt > 0) {
		return 0
	}
	return min(MaxJump, 0.25+0.5*math.Sqrt(dt))
}

// dur is the screen time of event i: its own beat plus any jump into it.
// The events of asyncio.run's shutdown (a Fold) share one beat: the stage
// shows that bookkeeping as one step.
func (p *Player) dur(i int) float64 {
	d := EventTime
	switch p.rec.tr.Events[i].Kind {
	case trace.LoopPhase, trace.HandleSkip, trace.FutureCallback:
		d = QuickTime
	}
	if f, ok := p.rec.FoldAt(i); ok {
		d = EventTime / float64(f.Len())
	}
	return d + p.jump(i)
}

// FrameClock measures the wall time between frames for Player.Advance.
// The zero value is ready; its first Tick returns 0.
type FrameClock struct {
	last time.Time
}

// Tick returns the seconds since the previous Tick, at most MaxFrame (and
// 0 on the first call, or if the clock went backwards).
func (c *FrameClock) Tick(now time.Time) float64 {
	last := c.last
	c.last = now
	if last.IsZero() {
		return 0
	}
	return max(0, min(now.Sub(last).Seconds(), MaxFrame))
}

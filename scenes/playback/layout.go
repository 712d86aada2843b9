package playback

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"loopscope/scenes/trace"
)

// ItemKind says what a laid-out item is, and so how the stage draws it.
type ItemKind uint8

// The item kinds.
const (
	KSection    ItemKind = iota // a titled region; Text is its title
	KBanner                     // the caption, or a stall or error banner (Tone): Text, Sub and Sub2 are its lines
	KDial                       // the loop: a ring of phases; Text "event loop", Sub the iteration, Sub2 the phase
	KClock                      // the virtual clock; Text is the time (the stage may show an interpolated one), Sub2 what to say while it jumps
	KSlot                       // what runs on the loop thread now
	KChip                       // a handle in the ready queue (or running in the slot)
	KCard                       // a task
	KGhost                      // where a running task's card sits in the grid
	KCell                       // one task (or a group of tasks) in the density strip
	KFuture                     // a future: ring (pending), dot (done), red (failed), crossed (cancelled)
	KSync                       // a queue, lock, event, semaphore
	KTimer                      // a timer in the heap
	KMore                       // "+N more"
	KLane                       // a timeline row's label
	KBar                        // a span in a timeline row
	KStallBand                  // a stall across the whole timeline
	KCursor                     // the current event on the timeline
	KAxis                       // a time label under the timeline
	KArrow                      // cause and effect: from (X, Y) to (X2, Y2)
	KLabel                      // plain text
	KArrowLabel                 // an arrow's words, placed where they cover no other text; Tone is the arrow's
	KLink                       // a tree's branch: down from (X, Y) to Y2, then across to (X2, Y2), where an arrowhead points (left when X2 < X); Tone colours it
)

// Tone is an item's meaning, which the stage maps to a colour.
type Tone uint8

// The tones.
const (
	ToneNeutral Tone = iota
	TonePending
	ToneReady
	ToneRunning
	ToneWaiting
	ToneDone
	ToneFailed
	ToneCancelled
	ToneStall
	ToneTimer
	ToneCallback
	ToneIdle
	ToneDim
	ToneThread // a thread running
)

// Item is one positioned element of the stage. Coordinates are pixels of
// the canvas, with (X, Y) the top-left corner.
type Item struct {
	Kind       ItemKind
	Key        uint64 // identity across layouts, for motion (0: none)
	From       uint64 // the key of what a new item comes out of (0: none)
	X, Y, W, H float64
	X2, Y2     float64 // an arrow's head
	Text       string  // fitted to W
	Sub, Sub2  string  // more lines, at the scene's Small size (a banner's at Size)
	Tone       Tone
	Color      int     // task palette index, -1 for none
	Size       float64 // font size in pixels of Text (Sub and Sub2 use Small)
	Parent     int     // index of the enclosing KSection, -1 at the top
	Fresh      bool    // it appeared at the current event
}

// Scene is the stage laid out for one State.
type Scene struct {
	Lang  Lang // the language of its words
	W, H  float64
	Scale float64
	Font  float64 // normal text size
	Small float64 // small text size
	Items []Item
}

// Key tags, so keys of different kinds never collide.
const (
	tagCard = iota + 1
	tagChip
	tagFuture
	tagTimer
	tagCell
	tagGhost
	tagSync
	tagDial
	tagSlot
	tagClock
	tagSock // a socket in the I/O view's selector
	tagEnd  // a connection's end in the I/O view
	tagDep
)

// Key returns the item key of object id drawn as the given kind of thing.
func key(tag int, id int32) uint64 { return uint64(tag)<<32 | uint64(uint32(id)) }

// CardKey is the key of task id's card; other code finds the card by it.
func CardKey(id int32) uint64 { return key(tagCard, id) }

// CharWidth is the advance of one character of the monospaced font (Go
// Mono) at the given size.
func CharWidth(size float64) float64 { return size * 0.6 }

// RuneWidth is the advance of r at the given size: 1 em for the wide
// characters of East Asian scripts (Hangul, drawn with a Korean font whose
// syllables are square), CharWidth for every other rune.
func RuneWidth(r rune, size float64) float64 {
	if Wide(r) {
		return size
	}
	return CharWidth(size)
}

// TextWidth is how wide s is drawn at the given size: Layout fits and
// truncates every text by it, and the stage centres text by it.
func TextWidth(s string, size float64) float64 {
	n, wide := 0, 0
	for _, r := range s {
		n++
		if Wide(r) {
			wide++
		}
	}
	return float64(n-wide)*CharWidth(size) + float64(wide)*size
}

// Wide reports whether r is East Asian Wide or Fullwidth (Unicode's
// EastAsianWidth W or F): Hangul syllables and jamo, CJK ideographs, kana,
// CJK punctuation and fullwidth forms, and the blocks of emoji pictographs.
// The stage draws a wide rune the stage font lacks with the browser's
// fonts in this 1 em (wasm/stage/fallback.go).
func Wide(r rune) bool {
	if r < 0x1100 {
		return false
	}
	switch {
	case r <= 0x115F, // Hangul jamo (initial consonants)
		r >= 0x2E80 && r <= 0x303E, // CJK radicals, punctuation
		r >= 0x3041 && r <= 0x33FF, // kana, Hangul compatibility jamo, CJK symbols
		r >= 0x3400 && r <= 0x4DBF, // CJK extension A
		r >= 0x4E00 && r <= 0x9FFF, // CJK ideographs
		r >= 0xA000 && r <= 0xA4CF, // Yi
		r >= 0xA960 && r <= 0xA97F, // Hangul jamo extended A
		r >= 0xAC00 && r <= 0xD7A3, // Hangul syllables
		r >= 0xF900 && r <= 0xFAFF, // CJK compatibility ideographs
		r >= 0xFE30 && r <= 0xFE4F, // CJK compatibility forms
		r >= 0xFF00 && r <= 0xFF60, // fullwidth forms
		r >= 0xFFE0 && r <= 0xFFE6,
		r >= 0x1F300 && r <= 0x1F64F, // emoji pictographs and faces
		r >= 0x1F680 && r <= 0x1F6FF, // emoji transport and map symbols
		r >= 0x1F900 && r <= 0x1F9FF,
		r >= 0x1FA70 && r <= 0x1FAFF, // emoji symbols and pictographs extended-A
		r >= 0x20000 && r <= 0x3FFFD: // CJK extensions B and beyond
		return true
	}
	return false
}

// ShortCoro drops the class or enclosing function from a coroutine label
// when one is there: "BaseEventLoop.shutdown_asyncgens()" becomes
// "shutdown_asyncgens()", "Pool.fetch.<locals>.one(3)" becomes "one(3)".
// The arguments are kept whole.
func ShortCoro(label string) string {
	name, args := label, ""
	if i := strings.IndexByte(label, '('); i >= 0 {
		name, args = label[:i], label[i:]
	}
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		name = name[i+1:]
	}
	return name + args
}

// Fit shortens s with "…" so it takes at most w pixels at size, as
// TextWidth measures it.
func Fit(s string, w, size float64) string {
	const eps = 1e-9
	if TextWidth(s, size) <= w+eps {
		return s
	}
	ell := CharWidth(size) // "…"
	if w+eps < ell {
		return ""
	}
	used := ell
	for i, r := range s {
		if used += RuneWidth(r, size); used > w+eps {
			return strings.TrimRight(cutWord(s, i), " ") + "…"
		}
	}
	return s
}

// cutWord returns s[:i], or less when i falls inside a Korean word: a
// Korean word is kept whole or left out, back to the space before it, as
// long as that keeps at least half of s[:i]. Code names and English words
// may be cut anywhere.
func cutWord(s string, i int) string {
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	at, _ := utf8.DecodeRuneInString(s[i:])
	if !unicode.Is(unicode.Hangul, before) || !unicode.Is(unicode.Hangul, at) {
		return s[:i]
	}
	j := strings.LastIndexByte(s[:i], ' ')
	if j <= 0 || utf8.RuneCountInString(s[:j]) < utf8.RuneCountInString(s[:i])/2 {
		return s[:i]
	}
	return strings.TrimRight(s[:j], " ")
}

// Wrap breaks s into at most n lines of at most w pixels at size,
// between words where it can (inside a word longer than a line), and ends
// the last line with "…" when the text does not fit.
func Wrap(s string, w, size float64, n int) []string {
	if n <= 0 || w < CharWidth(size) {
		return nil
	}
	var lines []string
	r := []rune(strings.TrimSpace(s))
	for len(r) > 0 && len(lines) < n {
		if TextWidth(string(r), size) <= w {
			lines = append(lines, string(r))
			r = nil
			break
		}
		if len(lines) == n-1 {
			lines = append(lines, Fit(string(r), w, size))
			r = nil
			break
		}
		// per: how many runes fit; cut at the last space among them
		per, used := 0, 0.0
		for per < len(r) {
			if used += RuneWidth(r[per], size); used > w {
				break
			}
			per++
		}
		per = max(per, 1)
		cut := per
		for k := per; k > 0; k-- {
			if r[k] == ' ' {
				cut = k
				break
			}
		}
		lines = append(lines, strings.TrimRight(string(r[:cut]), " "))
		r = []rune(strings.TrimLeft(string(r[cut:]), " "))
	}
	return lines
}

// TextArea returns where an item's text is drawn, which no other text may
// cover: the whole box of a card, chip, label, lane or banner; a
// section's title line; a slot's message at its foot; nothing for items
// that draw no text (cells, bands, the cursor, arrows).
func TextArea(it *Item) (Item, bool) {
	switch it.Kind {
	case KSection:
		return Item{X: it.X, Y: it.Y, W: TextWidth(it.Text, it.Size), H: it.Size * 1.4}, it.Text != ""
	case KSlot:
		if it.Text == "" {
			return Item{}, false
		}
		w := TextWidth(it.Text, it.Size)
		return Item{X: it.X + (it.W-w)/2, Y: it.Y + it.H - it.Size*1.8, W: w, H: it.Size * 1.3}, true
	case KBar:
		return *it, it.Text != ""
	case KCell, KStallBand, KCursor, KArrow, KLink:
		return Item{}, false
	}
	return *it, true
}

// FitMiddle shortens s with "…" in its middle so it takes at most w
// pixels at size, keeping its end: the end is what tells apart names such
// as "ThreadPoolExecutor-0_0" and "ThreadPoolExecutor-0_1".
func FitMiddle(s string, w, size float64) string {
	if TextWidth(s, size) <= w+1e-9 {
		return s
	}
	r := []rune(s)
	head, tail := 0, 0
	used := CharWidth(size) // "…"
	for head+tail < len(r) {
		// grow the end first, then the start, a rune at a time
		k, take := len(r)-1-tail, &tail
		if tail > 2*head {
			k, take = head, &head // two runes of the end for one of the start
		}
		if used+RuneWidth(r[k], size) > w+1e-9 {
			break
		}
		used += RuneWidth(r[k], size)
		*take++
	}
	if head+tail == 0 && used > w+1e-9 {
		return ""
	}
	return string(r[:head]) + "…" + string(r[len(r)-tail:])
}

type layout struct {
	sc              *Scene
	s               *State
	u               float64 // one unit: scale
	pad, gap, title float64
	cardH           float64
	chipH           float64
	timersAbove     bool // the timer heap found room in the top row
	witnesses       []string
	rh              float64 // a timeline row's height
}

// t returns message m in the stage's language.
func (l *layout) t(m msg, args ...string) string { return l.s.Lang.t(m, args...) }

func (l *layout) add(it Item) int {
	if it.Size == 0 {
		it.Size = l.sc.Font
	}
	if it.Color == 0 && it.Kind != KCard && it.Kind != KCell && it.Kind != KBar && it.Kind != KLane && it.Kind != KGhost {
		it.Color = -1
	}
	l.sc.Items = append(l.sc.Items, it)
	return len(l.sc.Items) - 1
}

func (l *layout) section(title string, x, y, w, h float64) int {
	return l.add(Item{Kind: KSection, X: x, Y: y, W: w, H: h, Text: Fit(title, w, l.sc.Small), Size: l.sc.Small, Parent: -1})
}

// Layout places every element of the loop view (ViewLoop) for state s on
// a w×h canvas whose pixels are scale times CSS pixels (the device pixel
// ratio). Items never overlap their siblings and never leave the canvas.
// witnesses name the tasks the scene is about (see Witnesses): when not
// every task gets a card, theirs are the last to fold into "+N more".
func Layout(w, h, scale float64, s *State, witnesses ...string) *Scene {
	return LayoutView(ViewLoop, w, h, scale, s, witnesses...)
}

// newLayout starts laying out a w×h canvas for s; ok is false when the
// canvas is too small or there is no state, and then the scene stays empty.
func newLayout(w, h, scale float64, s *State, witnesses []string) (l *layout, ok bool) {
	if scale <= 0 {
		scale = 1
	}
	u := scale
	sc := &Scene{W: w, H: h, Scale: scale, Font: 13 * u, Small: 11 * u}
	if s != nil {
		sc.Lang = s.Lang
	}
	l = &layout{sc: sc, s: s, u: u, pad: 12 * u, gap: 10 * u, title: 18 * u, cardH: 64 * u, chipH: 36 * u, rh: 16 * u, witnesses: witnesses}
	return l, w >= 200*u && h >= 200*u && s != nil
}

// banner lays out the caption, or a banner that cannot be missed (a
// stall, an uncaught exception, a stop), across the top of every view, on
// up to two lines (three on a narrow stage). The banner always has room
// for them all, so the stage below does not move as captions change. It
// returns the y where the view's own items start.
func (l *layout) banner() float64 {
	sc, s, u := l.sc, l.s, l.u
	W := sc.W - 2*l.pad
	nLines := 2
	if W-16*u < 80*CharWidth(sc.Font) {
		nLines = 3
	}
	bh := float64(nLines)*sc.Font*1.3 + 10*u
	text, tone := s.Caption, ToneNeutral
	switch {
	case s.Loop.Blocked:
		text, tone = l.t(bStall, s.Loop.BlockWhy), ToneStall
		if s.Loop.BlockTo >= 0 {
			text = l.t(bStallUntil, s.Loop.BlockWhy, s.Lang.Seconds(s.Loop.BlockTo))
		}
	case s.Err != "":
		text, tone = l.t(bUncaught, s.Err), ToneFailed
		if s.ErrKind == trace.Stopped {
			text = s.stopWords()
		}
	}
	lines := Wrap(l.withMistake(text), W-16*u, sc.Font, nLines)
	it := Item{Kind: KBanner, X: l.pad, Y: l.pad, W: W, H: bh, Tone: tone, Parent: -1}
	if len(lines) > 0 {
		it.Text = lines[0]
	}
	if len(lines) > 1 {
		it.Sub = lines[1]
	}
	if len(lines) > 2 {
		it.Sub2 = lines[2]
	}
	l.add(it)
	return l.pad + bh + l.gap
}

// loop lays out the loop view under the banner, from y down: the dial,
// the clock, the slot and the timers; the ready queue; the tasks; the
// futures; the timeline.
func (l *layout) loop(y float64) {
	sc, s, u, h := l.sc, l.s, l.u, l.sc.H
	W := sc.W - 2*l.pad
	x0 := l.pad

	// How much room the lower sections want; the task grid gets the rest.
	// While there is not enough, the sections give up room one step at a
	// time: a row of futures, timeline lanes, card height, the last row
	// of futures.
	futRows, level := 2, 0
	readyH := l.title + l.chipH
	itemH := 34 * u
	const tries = 5
	for try := 0; ; try++ {
		// A short stage (a phone held sideways) gives the top row what is
		// left: top() then puts the clock beside a smaller dial.
		topH := min(l.topHeight(W), h-l.pad-y)
		futH := 0.0
		if futRows > 0 {
			futH = l.title + float64(futRows)*itemH + float64(futRows-1)*6*u + l.gap
		}
		tlH := l.timelineHeight(level)
		rest := h - l.pad - y - topH - readyH - futH - tlH - 3*l.gap
		// At least a row of cards; and when not every task gets a card
		// and there are many, the row of cells for all of them under it.
		least := l.title + l.cardH
		if l.tasksNeed(W) > rest && len(s.Tasks) > 12 {
			least += l.gap + 30*u
		}
		if rest >= least || try == tries {
			// Room to spare: the grid takes what it needs, the timeline's
			// rows grow, and what is left stays free at the bottom.
			if need := l.tasksNeed(W); need < rest {
				extra := rest - need
				rest = need
				rows := float64(len(l.timelineRows(level)))
				l.rh = min(22*u, l.rh+extra/rows)
				tlH = l.timelineHeight(level)
			}
			rest = max(rest, least)
			if over := y + topH + readyH + rest + futH + tlH + 3*l.gap - (h - l.pad); over > 0 {
				// Still too tall: the timeline's rows get thinner.
				rows := float64(len(l.timelineRows(level)))
				l.rh = max(6*u, l.rh-over/rows)
				tlH = l.timelineHeight(level)
			}
			// What still does not fit below the bottom is left out.
			fits := func(H float64) bool { return y+H <= h-l.pad+0.01 }
			l.top(x0, y, W, topH)
			y += topH + l.gap
			if fits(readyH) {
				l.ready(x0, y, W, readyH)
			}
			y += readyH + l.gap
			if fits(rest) {
				l.tasks(x0, y, W, rest)
			}
			y += rest + l.gap
			if futRows > 0 && fits(futH-l.gap) {
				l.futures(x0, y, W, futH-l.gap, futRows)
			}
			if futRows > 0 {
				y += futH
			}
			if fits(tlH) {
				l.timeline(x0, y, W, tlH, level)
			}
			break
		}
		switch try {
		case 0:
			futRows = 1
		case 1:
			level = 1
		case 2:
			l.cardH = 48 * u
		case 3:
			level = 2
		case 4:
			futRows = 0
		}
	}
	l.arrows()
}

// dialD is the loop dial's diameter for a canvas W wide.
func (l *layout) dialD(W float64) float64 {
	return max(96*l.u, min(W*0.16, 140*l.u))
}

func (l *layout) topHeight(W float64) float64 {
	slotH := l.title + l.chipH + 6*l.u + l.cardH + 8*l.u
	return max(l.title+l.dialD(W)+44*l.u, slotH)
}

// top lays out the dial with the clock under it, the running slot, and the
// timer heap in what is left of the row.
func (l *layout) top(x, y, W, H float64) {
	u, s := l.u, l.s
	d := l.dialD(W)
	colW := max(d, 140*u)
	// Too short for the clock under the dial: it goes beside it.
	side := H < l.title+d+44*u
	if side {
		d = min(d, H-l.title-2*u)
		colW = d + 140*u
	}
	sec := l.section(l.t(hEventLoop), x, y, colW, H)
	dial := Item{Kind: KDial, Key: key(tagDial, 0), X: x + (colW-d)/2, Y: y + l.title, W: d, H: d, Parent: sec, Text: l.t(lEventLoop), Size: l.sc.Font}
	if side {
		dial.X = x
	}
	switch {
	case !s.Loop.Started:
		dial.Sub, dial.Tone = l.t(lNotStarted), ToneIdle
	case !s.Loop.Running:
		dial.Sub, dial.Tone = l.t(lStopped), ToneIdle
	default:
		dial.Sub, dial.Sub2, dial.Tone = l.t(lIteration, strconv.Itoa(s.Loop.Iteration)), s.Lang.Phase(s.Loop.Phase), ToneRunning
	}
	if s.Loop.Blocked {
		dial.Tone, dial.Sub2 = ToneStall, l.t(lBlocked)
	}
	l.add(dial)
	clock := Item{Kind: KClock, Key: key(tagClock, 0), X: x, Y: dial.Y + d + 4*u, W: colW, H: y + H - dial.Y - d - 4*u, Size: 22 * u, Parent: sec}
	if side {
		clock.X, clock.Y, clock.W, clock.H = x+d, y+l.title+(d-40*u)/2, colW-d, 40*u
	}
	clock.Text, clock.Sub, clock.Sub2 = Fit(s.Lang.Seconds(s.Clock), clock.W, 22*u), l.t(lVirtualClock), l.t(lFastForward)
	l.add(clock)

	// The slot: the handle the loop is running, and the task whose step it
	// is (narrower on a phone, so the row fits from 320 px).
	sx := x + colW + l.gap
	slotW := min(max(200*u, (W-colW)*0.3), 300*u, x+W-sx)
	slotH := l.title + l.chipH + 6*u + l.cardH + 8*u
	slot := l.section(l.t(hOnLoopThread), sx, y, slotW, min(H, slotH))
	frame := Item{Kind: KSlot, Key: key(tagSlot, 0), X: sx, Y: y + l.title, W: slotW, H: min(H, slotH) - l.title, Parent: slot, Tone: ToneIdle, Size: l.sc.Small}
	switch {
	case s.Loop.Blocked && s.Loop.Task == 0 && s.Loop.Handle == 0:
		frame.Tone, frame.Text = ToneStall, Fit(l.t(lSlotBlocked, s.Loop.BlockWhy), slotW-16*u, l.sc.Small)
	case s.Loop.Blocked:
		frame.Tone = ToneStall
	case s.Loop.Handle != 0 || s.Loop.Task != 0:
		frame.Tone = ToneRunning
	case s.Loop.Running && s.Loop.Phase == trace.PhaseSelect:
		frame.Text = l.t(lSlotSelect)
	case s.Loop.Running:
		frame.Text = l.t(lSlotPhase, s.Lang.Phase(s.Loop.Phase))
	default:
		frame.Text = l.t(lSlotIdle)
	}
	l.add(frame)
	inner := slotW - 12*u
	if s.Loop.Handle != 0 {
		sub := l.t(lRunning)
		if t := s.Task(s.Loop.HandleRef); t != nil {
			sub = l.t(lRuns, t.Name)
		}
		l.add(Item{Kind: KChip, Key: key(tagChip, s.Loop.Handle), X: sx + 6*u, Y: frame.Y + 4*u, W: inner, H: l.chipH, Text: Fit(s.Loop.HandleTxt, inner-12*u, l.sc.Small), Sub: Fit(sub, inner-12*u, l.sc.Small), Tone: ToneRunning, Parent: slot, Size: l.sc.Small})
	}
	if t := s.Task(s.Loop.Task); t != nil {
		cy := frame.Y + l.chipH + 8*u
		ch := min(l.cardH, frame.Y+frame.H-cy-4*u)
		if ch > 20*u {
			l.card(t, sx+6*u, cy, inner, ch, slot)
		}
	}

	// The timer heap, when the row has room for it.
	tx := sx + slotW + l.gap
	if tw := x + W - tx; tw >= 150*u {
		l.timers(tx, y, tw, H)
		l.timersAbove = true
	}
}

func (l *layout) timers(x, y, W, H float64) {
	u, s := l.u, l.s
	sec := l.section(l.t(hTimerHeap, strconv.Itoa(len(s.Timers))), x, y, W, H)
	rowH := 26 * u
	cols := max(1, int((W+l.gap)/(190*u+l.gap)))
	colW := (W - float64(cols-1)*l.gap) / float64(cols)
	rows := max(1, int((H-l.title+4*u)/(rowH+4*u)))
	capacity := rows * cols
	n := len(s.Timers)
	show := n
	if n > capacity {
		show = capacity - 1
	}
	for k := 0; k < show; k++ {
		tm := &s.Timers[k]
		cx := x + float64(k/rows)*(colW+l.gap)
		cy := y + l.title + float64(k%rows)*(rowH+4*u)
		what := tm.Text
		if f := s.Future(tm.Ref); f != nil {
			what = l.t(lWake, s.Name(tm.Ref), f.Text)
		}
		label := s.Lang.Seconds(tm.Deadline)
		l.add(Item{Kind: KTimer, Key: key(tagTimer, tm.ID), X: cx, Y: cy, W: colW, H: rowH, Text: label, Sub: Fit(what, colW-TextWidth(label+"   ", l.sc.Small)-12*u, l.sc.Small), Tone: ToneTimer, Parent: sec, Size: l.sc.Small, Fresh: tm.Born == s.Index})
	}
	if n > show {
		k := show
		cx := x + float64(k/rows)*(colW+l.gap)
		cy := y + l.title + float64(k%rows)*(rowH+4*u)
		l.add(Item{Kind: KMore, X: cx, Y: cy, W: colW, H: rowH, Text: Fit(l.t(lMoreTimers, strconv.Itoa(n-show)), colW-8*u, l.sc.Small), Parent: sec, Size: l.sc.Small})
	}
	if n == 0 {
		l.add(Item{Kind: KLabel, X: x, Y: y + l.title, W: W, H: rowH, Text: Fit(l.t(lNoTimer), W, l.sc.Small), Tone: ToneDim, Parent: sec, Size: l.sc.Small})
	}
}

// chipKey is what a new chip comes out of.
func (l *layout) fromKey(h *Handle) uint64 {
	s := l.s
	switch {
	case h.From == 0:
		return 0
	case h.FromTimer:
		return key(tagTimer, h.From)
	case s.Task(h.From) != nil:
		return key(tagCard, h.From)
	case s.Future(h.From) != nil:
		return key(tagFuture, h.From)
	}
	return 0
}

func (l *layout) ready(x, y, W, H float64) {
	u, s := l.u, l.s
	sec := l.section(l.t(hReadyQueue, strconv.Itoa(len(s.Ready))), x, y, W, H)
	cx := x
	cy := y + l.title
	moreW := 110 * u
	for k := range s.Ready {
		h := &s.Ready[k]
		cw := min(max(TextWidth(h.Text, l.sc.Small)+16*u, 110*u), 230*u)
		last := k == len(s.Ready)-1
		if cx+cw > x+W || (!last && cx+cw+l.gap+moreW > x+W) {
			left := len(s.Ready) - k
			l.add(Item{Kind: KMore, X: cx, Y: cy, W: min(moreW, x+W-cx), H: l.chipH, Text: Fit(l.t(lMore, strconv.Itoa(left)), min(moreW, x+W-cx)-8*u, l.sc.Small), Parent: sec, Size: l.sc.Small})
			break
		}
		sub := ""
		switch {
		case h.Cancelled:
			sub = l.t(lChipCancelled)
		case h.FromTimer:
			sub = l.t(lChipTimerDue)
		case s.Task(h.Ref) != nil:
			sub = l.t(lChipSteps, s.Name(h.Ref))
		case h.Ref != 0:
			sub = l.t(lChipFor, s.Name(h.Ref))
		}
		tone := ToneReady
		if h.Cancelled {
			tone = ToneCancelled
		} else if h.FromTimer || s.Task(h.Ref) == nil {
			tone = ToneCallback
		}
		l.add(Item{Kind: KChip, Key: key(tagChip, h.ID), From: l.fromKey(h), X: cx, Y: cy, W: cw, H: l.chipH, Text: Fit(h.Text, cw-12*u, l.sc.Small), Sub: Fit(sub, cw-12*u, l.sc.Small), Tone: tone, Parent: sec, Size: l.sc.Small, Fresh: h.Born == s.Index})
		cx += cw + l.gap
	}
	if len(s.Ready) == 0 {
		l.add(Item{Kind: KLabel, X: x, Y: cy, W: W, H: l.chipH, Text: Fit(l.t(lEmpty), W, l.sc.Small), Tone: ToneDim, Parent: sec, Size: l.sc.Small})
	}
}

func taskTone(t *Task) Tone {
	switch t.State {
	case TaskPending:
		return TonePending
	case TaskReady:
		return ToneReady
	case TaskRunning:
		return ToneRunning
	case TaskWaiting:
		return ToneWaiting
	case TaskDone:
		return ToneDone
	case TaskFailed:
		return ToneFailed
	}
	return ToneCancelled
}

// card adds task t's card.
func (l *layout) card(t *Task, x, y, w, h float64, parent int) {
	s, u := l.s, l.u
	fs := l.sc.Small
	iw := w - 14*u
	// The title: the coroutine's whole label if it fits, else without its
	// class, else the same a size smaller, before any "…".
	title, ts := t.Name+" "+t.Coro, l.sc.Font
	if TextWidth(title, ts) > iw {
		title = t.Name + " " + ShortCoro(t.Coro)
	}
	if TextWidth(title, ts) > iw && TextWidth(title, l.sc.Small) <= iw {
		ts = l.sc.Small
	}
	state := s.Lang.TaskState(t.State)
	if t.Line > 0 && !t.State.Finished() {
		state = l.t(lAtLine, state, strconv.Itoa(int(t.Line)))
	}
	if t.Cancel && !t.State.Finished() {
		state = l.t(lCancelling, state)
	}
	var what string
	switch {
	case t.State == TaskPending:
		what = l.t(lNotStartedYet)
	case t.State == TaskReady:
		what = l.t(lInReadyQueue)
	case t.State == TaskRunning && s.Loop.Blocked && s.Loop.Task == t.ID:
		what = l.t(lBlocksLoop, s.Loop.BlockWhy)
	case t.State == TaskRunning:
		what = l.t(lRunningStep)
	case t.State == TaskWaiting && t.Sync != 0:
		what = l.t(lWaitsOn, s.Name(t.Sync), t.SyncWhy)
	case t.State == TaskWaiting && t.Await == 0:
		what = l.t(lYielded)
	case t.State == TaskWaiting:
		what = l.t(lAwaits, s.Name(t.Await))
		if f := s.Future(t.Await); f != nil && f.Text != "" {
			what = l.t(lAwaitsFor, s.Name(t.Await), f.Text)
		}
	case t.State == TaskDone && t.Shutdown:
		what = l.t(lRunCleanup)
	case t.State == TaskDone:
		what = l.t(lReturned, t.Result)
	default:
		what = t.Result
	}
	tone := taskTone(t)
	if t.State == TaskRunning && s.Loop.Blocked && s.Loop.Task == t.ID {
		tone = ToneStall
	}
	l.add(Item{Kind: KCard, Key: key(tagCard, t.ID), X: x, Y: y, W: w, H: h, Text: Fit(title, iw, ts), Size: ts, Sub: Fit(state, iw, fs), Sub2: Fit(what, iw, fs), Tone: tone, Color: t.Color, Parent: parent, Fresh: t.Changed == s.Index})
}

// ghost adds the place of task t's card in the grid while the card is up
// in the loop thread's slot.
func (l *layout) ghost(t *Task, x, y, w float64, parent int) {
	iw := w - 14*l.u
	l.add(Item{Kind: KGhost, Key: key(tagGhost, t.ID), X: x, Y: y, W: w, H: l.cardH, Text: Fit(t.Name, iw, l.sc.Small), Sub: Fit(l.t(lGhostSub), iw, l.sc.Small), Color: t.Color, Parent: parent, Size: l.sc.Small})
}

func (l *layout) tasks(x, y, W, H float64) {
	u, s := l.u, l.s
	n := len(s.Tasks)
	live := 0
	for k := range s.Tasks {
		if !s.Tasks[k].State.Finished() {
			live++
		}
	}
	sec := l.section(l.t(hTasks, strconv.Itoa(n), strconv.Itoa(live)), x, y, W, H)
	gy := y + l.title
	gh := H - l.title
	if n == 0 {
		l.add(Item{Kind: KLabel, X: x, Y: gy, W: W, H: min(gh, 20*u), Text: Fit(l.t(lNoTask), W, l.sc.Small), Tone: ToneDim, Parent: sec, Size: l.sc.Small})
		return
	}
	cols := l.cardCols(W)
	cw := min((W-float64(cols-1)*l.gap)/float64(cols), 260*u)
	rows := int((gh + l.gap) / (l.cardH + l.gap))
	if rows*cols >= n {
		for k := range s.Tasks {
			t := &s.Tasks[k]
			cx := x + float64(k%cols)*(cw+l.gap)
			cy := gy + float64(k/cols)*(l.cardH+l.gap)
			if t.ID == s.Loop.Task {
				l.ghost(t, cx, cy, cw, sec)
				continue
			}
			l.card(t, cx, cy, cw, l.cardH, sec)
		}
		return
	}

	// Too many for cards: cards for as many as fit and "+N more"; with
	// more than a dozen tasks (or room for a single card), a strip under
	// them with every task as a cell.
	stripH := 0.0
	if n > 12 || rows*cols < 2 {
		cell := 9 * u
		var perRow, stripRows, group int
		for {
			perRow = max(1, int((W+cell*0.25)/(cell*1.25)))
			group = 1
			maxRows := max(1, int(gh*0.45/(cell*1.25)))
			if perRow*maxRows < n {
				if cell > 4*u {
					cell -= u
					continue
				}
				group = (n + perRow*maxRows - 1) / (perRow * maxRows)
			}
			cells := (n + group - 1) / group
			stripRows = (cells + perRow - 1) / perRow
			break
		}
		stripH = float64(stripRows) * cell * 1.25
		sy := y + H - stripH
		legend := l.t(lLegend)
		if group > 1 {
			legend = l.t(lLegendGroup, strconv.Itoa(group))
		}
		lh := 15 * u
		if gh-stripH-lh > l.cardH {
			l.add(Item{Kind: KLabel, X: x, Y: sy - lh, W: W, H: lh, Text: Fit(legend, W, l.sc.Small), Tone: ToneDim, Parent: sec, Size: l.sc.Small})
			stripH += lh
		}
		for c := 0; c*group < n; c++ {
			t := &s.Tasks[c*group]
			if group > 1 {
				t = busiest(s.Tasks[c*group : min(n, (c+1)*group)])
			}
			l.add(Item{Kind: KCell, Key: key(tagCell, int32(c)), X: x + float64(c%perRow)*cell*1.25, Y: sy + float64(c/perRow)*cell*1.25, W: cell, H: cell, Tone: taskTone(t), Color: t.Color, Parent: sec})
		}
	}
	if stripH > 0 {
		rows = int((gh - stripH) / (l.cardH + l.gap)) // a gap above the strip
	}
	// One slot is kept for the "+N more" card; with room for one or two
	// cards, they go to tasks (not the one already on the loop thread) and
	// the section's title counts the rest.
	slots, single := rows*cols-1, false
	if rows*cols <= 2 {
		if rows*cols < 1 {
			return
		}
		slots, single = rows*cols, true
	}
	// Which tasks get a card: the scene's witnesses, then main (the first
	// task), then live tasks, then the most recently finished; they are
	// placed in creation order, so cards keep their order as tasks come
	// and go, and the rest are counted in "+N more".
	picked := l.pickCards(slots, single)
	shown := 0
	var hidden [TaskCancelled + 1]int
	for k := range s.Tasks {
		t := &s.Tasks[k]
		if !picked[k] {
			if !(single && t.ID == s.Loop.Task) {
				hidden[t.State]++
			}
			continue
		}
		cx := x + float64(shown%cols)*(cw+l.gap)
		cy := gy + float64(shown/cols)*(l.cardH+l.gap)
		if t.ID == s.Loop.Task {
			l.ghost(t, cx, cy, cw, sec)
		} else {
			l.card(t, cx, cy, cw, l.cardH, sec)
		}
		shown++
	}
	more := 0
	var parts []string
	for st, c := range hidden {
		if c > 0 {
			more += c
			parts = append(parts, l.t(lCountState, strconv.Itoa(c), s.Lang.TaskState(TaskState(st))))
		}
	}
	if more > 0 && single {
		l.sc.Items[sec].Text = Fit(l.t(lTitleMore, l.t(hTasks, strconv.Itoa(n), strconv.Itoa(live)), strconv.Itoa(more)), W, l.sc.Small)
	}
	if more > 0 && !single {
		cx := x + float64(shown%cols)*(cw+l.gap)
		cy := gy + float64(shown/cols)*(l.cardH+l.gap)
		sub := ""
		for k, p := range parts {
			if k > 0 {
				sub += " · "
			}
			sub += p
		}
		l.add(Item{Kind: KMore, X: cx, Y: cy, W: cw, H: l.cardH, Text: Fit(l.t(lMoreTasks, strconv.Itoa(more)), cw-14*u, l.sc.Font), Sub: Fit(sub, cw-14*u, l.sc.Small), Parent: sec})
	}
}

// pickCards chooses which tasks (by index) get one of n cards: witnesses
// first, then main, then live tasks in creation order, then finished ones,
// the most recently changed first. With single, the task on the loop
// thread (shown in its slot above) gets none.
func (l *layout) pickCards(n int, single bool) []bool {
	s := l.s
	picked := make([]bool, len(s.Tasks))
	left := n
	take := func(k int) {
		if left > 0 && !picked[k] && !(single && s.Tasks[k].ID == s.Loop.Task) {
			picked[k] = true
			left--
		}
	}
	for k := range s.Tasks {
		if l.witness(&s.Tasks[k]) {
			take(k)
		}
	}
	if len(s.Tasks) > 0 {
		take(0)
	}
	for k := range s.Tasks {
		if !s.Tasks[k].State.Finished() {
			take(k)
		}
	}
	var done []int
	for k := range s.Tasks {
		if s.Tasks[k].State.Finished() && !picked[k] {
			done = append(done, k)
		}
	}
	sort.SliceStable(done, func(a, b int) bool { return s.Tasks[done[a]].Changed > s.Tasks[done[b]].Changed })
	for _, k := range done {
		take(k)
	}
	return picked
}

// witness reports whether the scene names task t as one it is about: by
// its name ("Task-2") or its coroutine function's ("heartbeat").
func (l *layout) witness(t *Task) bool {
	if len(l.witnesses) == 0 {
		return false
	}
	fn := ShortCoro(t.Coro)
	if i := strings.IndexByte(fn, '('); i >= 0 {
		fn = fn[:i]
	}
	for _, w := range l.witnesses {
		if w == t.Name || w == fn {
			return true
		}
	}
	return false
}

// busiest picks the task a density cell shows for a group: the one most
// worth seeing (running, then ready, waiting, pending, then finished).
func busiest(ts []Task) *Task {
	rank := [...]int{TaskRunning: 0, TaskReady: 1, TaskWaiting: 2, TaskPending: 3, TaskFailed: 4, TaskCancelled: 5, TaskDone: 6}
	b := &ts[0]
	for k := range ts {
		if rank[ts[k].State] < rank[b.State] {
			b = &ts[k]
		}
	}
	return b
}

func (l *layout) futures(x, y, W, H float64, rows int) {
	u, s := l.u, l.s
	sec := l.section(l.t(hFutures), x, y, W, H)
	itemW := 165 * u // two columns on a phone
	itemH := 34 * u
	cols := max(1, int((W+l.gap)/(itemW+l.gap)))
	itemW = (W - float64(cols-1)*l.gap) / float64(cols)
	capacity := cols * rows
	type entry struct {
		sync  *Sync
		fut   *Future
		timer *Timer
		job   *Job
	}
	var es []entry
	if !l.timersAbove {
		l.sc.Items[sec].Text = Fit(l.t(hTimersFutures), W, l.sc.Small)
		for k := range s.Timers {
			es = append(es, entry{timer: &s.Timers[k]})
		}
	}
	for k := range s.Syncs {
		es = append(es, entry{sync: &s.Syncs[k]})
	}
	for k := range s.Jobs {
		if s.Jobs[k].State <= JobRunning {
			es = append(es, entry{job: &s.Jobs[k]})
		}
	}
	// A future is shown while pending, and for a while after it settled.
	for k := range s.Futures {
		f := &s.Futures[k]
		if f.State == FuturePending || s.Index-f.Settled < 40 {
			es = append(es, entry{fut: f})
		}
	}
	show := len(es)
	if show > capacity {
		show = capacity - 1
	}
	pos := func(k int) (float64, float64) {
		return x + float64(k%cols)*(itemW+l.gap), y + l.title + float64(k/cols)*(itemH+6*u)
	}
	tw := itemW - 30*u
	for k := 0; k < show; k++ {
		px, py := pos(k)
		e := es[k]
		if tm := e.timer; tm != nil {
			what := tm.Text
			if f := s.Future(tm.Ref); f != nil {
				what = l.t(lWake, s.Name(tm.Ref), f.Text)
			}
			l.add(Item{Kind: KTimer, Key: key(tagTimer, tm.ID), X: px, Y: py, W: itemW, H: itemH, Text: Fit(l.t(lTimerAt, s.Lang.Seconds(tm.Deadline)), tw, l.sc.Small), Sub: Fit(what, tw, l.sc.Small), Tone: ToneTimer, Parent: sec, Size: l.sc.Small, Fresh: tm.Born == s.Index})
			continue
		}
		if j := e.job; j != nil {
			sub, tone := l.t(lJobQueued), ToneWaiting
			if j.State == JobRunning {
				sub, tone = l.t(lJobRunningOn, s.Name(j.Worker)), ToneThread
			}
			l.add(Item{Kind: KSync, Key: key(tagSync, j.ID), X: px, Y: py, W: itemW, H: itemH, Text: Fit(l.t(lJob, j.Fn), tw, l.sc.Small), Sub: Fit(sub, tw, l.sc.Small), Tone: tone, Parent: sec, Size: l.sc.Small})
			continue
		}
		if y := e.sync; y != nil {
			var sub string
			switch y.Kind {
			case "Queue", "LifoQueue", "PriorityQueue":
				sub = l.t(lSize, strconv.FormatFloat(y.Value, 'g', -1, 64))
				if y.LastOp == "task_done" {
					sub = l.t(lUnfinished, strconv.FormatFloat(y.Value, 'g', -1, 64))
				}
			case "Lock":
				sub = l.t(lUnlocked)
				if y.Value != 0 {
					sub = l.t(lLocked)
				}
			case "Event":
				sub = l.t(lEventClear)
				if y.Value != 0 {
					sub = l.t(lEventSet)
				}
			case "ThreadPoolExecutor", "ProcessPoolExecutor":
				sub = l.t(lMaxWorkers, strconv.FormatFloat(y.Value, 'g', -1, 64))
			case "Semaphore", "BoundedSemaphore":
				sub = l.t(lValue, strconv.FormatFloat(y.Value, 'g', -1, 64))
			}
			// (a Condition's or a Barrier's number counts nothing worth showing)
			if n := len(y.Waiters); n > 0 {
				sub = strings.TrimPrefix(l.t(lWaiting, sub, strconv.Itoa(n), s.Name(y.Waiters[0].Task), y.Waiters[0].Why), " · ")
			}
			tone := ToneNeutral
			if len(y.Waiters) > 0 {
				tone = ToneWaiting
			}
			l.add(Item{Kind: KSync, Key: key(tagSync, y.ID), X: px, Y: py, W: itemW, H: itemH, Text: Fit(s.Name(y.ID), tw, l.sc.Small), Sub: Fit(sub, tw, l.sc.Small), Tone: tone, Parent: sec, Size: l.sc.Small})
			continue
		}
		f := e.fut
		tone, sub := TonePending, l.t(lFuturePending)
		switch f.State {
		case FutureDone:
			tone, sub = ToneDone, l.t(lFutureDone, f.Result)
		case FutureFailed:
			tone, sub = ToneFailed, l.t(lFutureFailed, f.Result)
		case FutureCancelled:
			tone, sub = ToneCancelled, l.t(lFutureCancelled)
		}
		if n := len(f.Callbacks); n > 0 {
			// name the callback: it is what will join the ready queue
			cb := f.Callbacks[0].Name
			if n > 1 {
				cb = l.t(lPlus, cb, strconv.Itoa(n-1))
			}
			sub = l.t(lCallback, sub, cb)
		}
		l.add(Item{Kind: KFuture, Key: key(tagFuture, f.ID), X: px, Y: py, W: itemW, H: itemH, Text: Fit(s.Name(f.ID)+" "+f.Text, tw, l.sc.Small), Sub: Fit(sub, tw, l.sc.Small), Tone: tone, Parent: sec, Size: l.sc.Small, Fresh: f.Born == s.Index || f.Settled == s.Index})
	}
	if len(es) > show {
		px, py := pos(show)
		l.add(Item{Kind: KMore, X: px, Y: py, W: itemW, H: itemH, Text: Fit(l.t(lMore, strconv.Itoa(len(es)-show)), itemW-12*u, l.sc.Small), Parent: sec, Size: l.sc.Small})
	}
	if len(es) == 0 {
		l.add(Item{Kind: KLabel, X: x, Y: y + l.title, W: W, H: itemH, Text: Fit(l.t(lNoFuture), W, l.sc.Small), Tone: ToneDim, Parent: sec, Size: l.sc.Small})
	}
}

// timelineRows returns the rows the timeline shows at a level of squeeze
// (0 roomy, 1 compact, 2 tight): threads, then who held the loop (a row
// per task, the last gathering the rest), callbacks, then stalls.
type tlRow struct {
	label string
	tone  Tone
	color int
	task  int32 // the task of a per-task row, -1 for the all-tasks row
	kind  int   // 0 thread, 1 tasks, 2 callbacks, 3 stalls
	ord   int   // thread ord
	// others, in the row of the tasks without a row of their own: which
	// tasks (by index) do have one
	others []bool
	// fromOrd: a thread row for every thread from ord on
	fromOrd bool
}

func (l *layout) timelineRows(level int) []tlRow {
	s := l.s
	var rows []tlRow
	// Fewer lanes at each level of squeeze.
	// Past the cap, the last thread row gathers the other threads (at the
	// tightest level only the loop's thread keeps a row).
	maxThreads := [...]int{4, 2, 1}[level]
	ownRows, gather := min(len(s.Threads), maxThreads), false
	if len(s.Threads) > maxThreads && maxThreads > 1 {
		ownRows, gather = maxThreads-1, true
	}
	for k := range s.Threads {
		if k == ownRows {
			if gather {
				label := l.t(lOtherThreads, strconv.Itoa(len(s.Threads)-k))
				if len(s.Threads)-k == 1 {
					label = s.Threads[k].Name
				}
				rows = append(rows, tlRow{label: label, tone: ToneNeutral, color: -1, kind: 0, ord: s.Threads[k].Ord, fromOrd: true})
			}
			break
		}
		th := &s.Threads[k]
		name := th.Name
		if s.Loop.Started && th.ID == s.Loop.Thread {
			if n := l.t(lLoopLane, name); TextWidth(n, l.sc.Small) <= l.laneW() {
				name = n
			}
		} else if j := s.Job(th.Job); j != nil && TextWidth(name+": "+j.Fn+"()", l.sc.Small) <= l.laneW() {
			name += ": " + j.Fn + "()" // the job, when the lane has room for it
		}
		rows = append(rows, tlRow{label: name, tone: ToneNeutral, color: -1, kind: 0, ord: th.Ord})
	}
	// One row per task up to a cap; past it, the last row gathers the
	// others, so the lanes grow one at a time and never collapse. main
	// and the scene's witnesses keep rows of their own.
	maxTasks := [...]int{5, 3, 2}[level]
	own := make([]bool, len(s.Tasks))
	if len(s.Tasks) <= maxTasks {
		for k := range own {
			own[k] = true
		}
	} else {
		left := maxTasks - 1
		for k := range s.Tasks {
			if left > 0 && (k == 0 || l.witness(&s.Tasks[k])) {
				own[k] = true
				left--
			}
		}
		for k := range s.Tasks {
			if left > 0 && !own[k] {
				own[k] = true
				left--
			}
		}
	}
	others := 0
	for k := range s.Tasks {
		if own[k] {
			rows = append(rows, tlRow{label: s.Tasks[k].Name, color: s.Tasks[k].Color, task: s.Tasks[k].ID, kind: 1})
		} else {
			others++
		}
	}
	if others > 0 {
		label := l.t(lOtherTasks, strconv.Itoa(others))
		if others == 1 {
			label = l.t(lOtherTask)
		}
		rows = append(rows, tlRow{label: label, color: -1, task: -1, kind: 1, others: own})
	}
	rows = append(rows, tlRow{label: l.t(lCallbacks), tone: ToneCallback, color: -1, kind: 2})
	rows = append(rows, tlRow{label: l.t(lStallLane), tone: ToneStall, color: -1, kind: 3})
	return rows
}

func (l *layout) timelineHeight(level int) float64 {
	return l.title + float64(len(l.timelineRows(level)))*l.rowH() + 16*l.u
}

func (l *layout) rowH() float64 { return l.rh }

// laneW is how wide a timeline lane's label may be.
func (l *layout) laneW() float64 { return min(170*l.u, (l.sc.W-2*l.pad)*0.3) - 10*l.u }

// cardCols is how many columns of task cards a grid W wide has: cards are
// at least 160 units wide (two columns on a phone), 140 on a narrow one
// (two columns from 320 px).
func (l *layout) cardCols(W float64) int {
	cw := 160 * l.u
	if W < 2*cw+l.gap {
		cw = 140 * l.u
	}
	return max(1, int((W+l.gap)/(cw+l.gap)))
}

// tasksNeed is the height the task grid needs to show every task as a card.
func (l *layout) tasksNeed(W float64) float64 {
	n := len(l.s.Tasks)
	if n == 0 {
		return l.title + 20*l.u
	}
	cols := l.cardCols(W)
	rows := (n + cols - 1) / cols
	return l.title + float64(rows)*(l.cardH+l.gap)
}

func (l *layout) timeline(x, y, W, H float64, level int) {
	u, s := l.u, l.s
	title := l.t(hTimeline)
	for _, m := range [...]msg{hTimelineShort, hTimelineShortest} {
		if TextWidth(title, l.sc.Small) <= W {
			break
		}
		title = l.t(m)
	}
	sec := l.section(title, x, y, W, H)
	rows := l.timelineRows(level)
	labelW := l.laneW() + 10*u
	cx := x + labelW
	cw := W - labelW
	total := max(1, s.rec.Len())
	scale := l.eventScale(total)
	now := s.Index + 1
	// Half the width counts events, half counts virtual time: bursts of
	// events at one instant get room, and so do waits and stalls, which
	// take time but few events.
	evs := s.rec.tr.Events
	tEnd := 0.0
	if len(evs) > 0 {
		tEnd = evs[len(evs)-1].Time
	}
	wE, wT := 1.0, 0.0
	if tEnd > 0 {
		wE, wT = 0.5, 0.5
	}
	xAt := func(i int) float64 {
		i = max(0, min(i, total))
		f := wE * scale(i)
		if wT > 0 {
			t := tEnd
			if i < len(evs) {
				t = evs[i].Time
			}
			f += wT * t / tEnd
		}
		return cx + cw*f
	}
	// Where "now" is: just after the current event, before any wait that
	// follows it.
	xNow := cx
	if s.Index >= 0 {
		xNow = cx + cw*wE*scale(now)
		if wT > 0 {
			xNow += cw * wT * evs[s.Index].Time / tEnd
		}
	}
	xTo := func(end int) float64 {
		if end > s.Index {
			return xNow
		}
		return xAt(end)
	}
	rh := l.rowH()
	top := y + l.title
	chartH := float64(len(rows)) * rh

	for _, st := range s.Stalls {
		x1, x2 := xAt(st.Start), xTo(st.End)
		if x2-x1 < 2*u {
			x2 = min(x1+2*u, cx+cw)
			x1 = x2 - 2*u
		}
		l.add(Item{Kind: KStallBand, X: x1, Y: top, W: x2 - x1, H: chartH, Tone: ToneStall, Parent: sec})
	}
	for r, row := range rows {
		ry := top + float64(r)*rh
		l.add(Item{Kind: KLane, X: x, Y: ry, W: labelW - 6*u, H: rh, Text: FitMiddle(row.label, labelW-10*u, l.sc.Small), Tone: row.tone, Color: row.color, Parent: sec, Size: l.sc.Small})
		var b barMerger
		b.l, b.sec, b.y, b.h = l, sec, ry+2*u, rh-4*u
		switch row.kind {
		case 0:
			for _, ts := range s.ThreadSpans {
				if ts.Thread != row.ord && !(row.fromOrd && ts.Thread > row.ord) {
					continue
				}
				tone := ToneThread
				switch {
				case ts.Stall:
					tone = ToneStall
				case ts.State == ThreadIdle, ts.State == ThreadBlocked && (ts.In == trace.ConceptEventLoop || ts.In == trace.ConceptExecutor):
					tone = ToneIdle // waiting for work is not a problem
				case ts.State == ThreadBlocked:
					tone = ToneWaiting
				}
				b.add(xAt(ts.Start), xTo(ts.End), tone, -1, ts.Why)
			}
		case 1, 2:
			for _, sp := range s.Timeline {
				if (row.kind == 2) != (sp.Task == 0) || (row.task > 0 && sp.Task != row.task) {
					continue
				}
				if row.others != nil {
					if t := s.Task(sp.Task); t != nil && t.Ord < len(row.others) && row.others[t.Ord] {
						continue
					}
				}
				tone := ToneRunning
				if sp.Task == 0 {
					tone = ToneCallback
				}
				label := sp.Label
				if sp.Task != 0 {
					label = l.t(lStep, sp.Label)
				}
				b.add(xAt(sp.Start), xTo(sp.End), tone, sp.Color, label)
			}
		case 3:
			for _, st := range s.Stalls {
				b.add(xAt(st.Start), xTo(st.End), ToneStall, -1, st.Label)
			}
		}
		b.flush()
	}
	// The cursor and the time axis.
	l.add(Item{Kind: KCursor, X: max(cx, min(xNow-u, cx+cw-2*u)), Y: top, W: 2 * u, H: chartH, Parent: sec})
	ay := top + chartH + 1*u
	ah := min(14*u, y+H-ay)
	if ah > 0 {
		l.axis(sec, evs, tEnd, scale, cx, cw, wE, wT, ay, ah)
	}
}

// eventScale returns where event index i (0..total) falls on the
// timeline's event scale, from 0 to 1: each event takes the same width,
// except that asyncio.run's shutdown (a Fold, dozens of events of
// bookkeeping) takes the width of one narrow step: as many events as 3% of
// the trace (a quarter of 01's timeline was that bookkeeping).
func (l *layout) eventScale(total int) func(i int) float64 {
	folds := l.s.rec.Folds()
	if len(folds) == 0 {
		return func(i int) float64 { return float64(i) / float64(total) }
	}
	step := max(1, 0.03*float64(total)) // a fold's width, in events
	width := func(f Fold) float64 { return min(step, float64(f.Len())) }
	squeezed := float64(total)
	for _, f := range folds {
		squeezed -= float64(f.Len()) - width(f)
	}
	return func(i int) float64 {
		x := float64(i)
		for _, f := range folds {
			switch {
			case i > f.End:
				x -= float64(f.Len()) - width(f)
			case i >= f.Start:
				x -= float64(i-f.Start) * (1 - width(f)/float64(f.Len()))
			}
		}
		return x / squeezed
	}
}

// axis labels the timeline's virtual time at regular steps of 1, 2 or 5
// times a power of ten, as many as fit with room between them. A tick's
// place follows the timeline's mixed scale: at time t, the first event at
// or after t.
func (l *layout) axis(sec int, evs []trace.Event, tEnd float64, scale func(int) float64, cx, cw, wE, wT, ay, ah float64) {
	u := l.u
	label := func(t float64) string {
		return l.t(lSeconds, strings.TrimRight(strings.TrimRight(strconv.FormatFloat(t, 'f', 3, 64), "0"), "."))
	}
	xOf := func(t float64) float64 {
		i := sort.Search(len(evs), func(k int) bool { return evs[k].Time >= t-1e-9 })
		f := wE * scale(i)
		if wT > 0 {
			f += wT * t / tEnd
		}
		return cx + cw*f
	}
	lw := TextWidth(label(tEnd), l.sc.Small) + 10*u
	if tEnd <= 0 {
		txt := label(0)
		l.add(Item{Kind: KAxis, X: cx, Y: ay, W: TextWidth(txt, l.sc.Small), H: ah, Text: txt, Tone: ToneDim, Parent: sec, Size: l.sc.Small})
		return
	}
	// The finest step of 1, 2 or 5 times a power of ten whose labels all
	// fit without touching (bursts of events stretch the scale between
	// some ticks and squeeze it between others).
	type tick struct {
		x, w float64
		txt  string
	}
	var ticks []tick
	most := max(1, int(cw/lw))
	p := math.Pow(10, math.Floor(math.Log10(tEnd/float64(most))))
	for try := 0; try < 30; try++ {
		step := [...]float64{1, 2, 5}[try%3] * p * math.Pow(10, float64(try/3))
		if tEnd/step > float64(most) {
			continue
		}
		ticks = ticks[:0]
		fits := true
		lastX := -1e9
		for k := 0; float64(k)*step <= tEnd+1e-9; k++ {
			t := float64(k) * step
			txt := label(t)
			tw := TextWidth(txt, l.sc.Small)
			px := max(cx, min(xOf(t)-tw/2, cx+cw-tw))
			if px < lastX+8*u {
				fits = false
				break
			}
			ticks = append(ticks, tick{px, tw, txt})
			lastX = px + tw
		}
		if fits {
			break
		}
		if step >= tEnd {
			ticks = ticks[:1] // only 0 fits
			break
		}
	}
	for _, k := range ticks {
		l.add(Item{Kind: KAxis, X: k.x, Y: ay, W: k.w, H: ah, Text: k.txt, Tone: ToneDim, Parent: sec, Size: l.sc.Small})
	}
}

// ArrowPoint returns the point at s (0 at the tail, 1 at the head) of
// arrow it as the stage draws it: a quadratic curve bent to one side.
func (sc *Scene) ArrowPoint(it *Item, s float64) (x, y float64) {
	x0, y0, x1, y1 := it.X, it.Y, it.X2, it.Y2
	dx, dy := x1-x0, y1-y0
	d := math.Hypot(dx, dy)
	if d < 1 {
		return x0, y0
	}
	bend := min(d*0.25, 60*sc.Scale)
	qx, qy := (x0+x1)/2-dy/d*bend, (y0+y1)/2+dx/d*bend
	a, b, c := (1-s)*(1-s), 2*(1-s)*s, s*s
	return a*x0 + b*qx + c*x1, a*y0 + b*qy + c*y1
}

// labelSpot places an arrow's label beside its curve where it covers no
// text of the scene and stays on the canvas, trying points from the tail
// on; ok is false when there is no such place (the arrow goes unlabelled).
func (l *layout) labelSpot(arr *Item, label string) (Item, bool) {
	if label == "" {
		return Item{}, false
	}
	u, sc := l.u, l.sc
	size := sc.Small
	w := TextWidth(label, size) + 6*u
	h := size*1.4 + 4*u
	var areas []Item
	for i := range sc.Items {
		if a, ok := TextArea(&sc.Items[i]); ok {
			areas = append(areas, a)
		}
	}
	for _, at := range [...]float64{0.15, 0.3, 0.5, 0.7, 0.85, 0.1, 0.2, 0.4, 0.6, 0.8, 0.9} {
		px, py := sc.ArrowPoint(arr, at)
		for _, c := range [...][2]float64{{6 * u, -h / 2}, {-w - 6*u, -h / 2}, {-w / 2, 4 * u}, {-w / 2, -h - 4*u},
			{6 * u, 2 * u}, {6 * u, -h - 2*u}, {-w - 6*u, 2 * u}, {-w - 6*u, -h - 2*u}} {
			b := Item{Kind: KArrowLabel, X: px + c[0], Y: py + c[1], W: w, H: h, Text: label, Tone: arr.Tone, Parent: -1, Size: size}
			if b.X < 0 || b.Y < 0 || b.X+b.W > sc.W || b.Y+b.H > sc.H {
				continue
			}
			free := true
			for k := range areas {
				if overlaps(&areas[k], &b) {
					free = false
					break
				}
			}
			if free {
				return b, true
			}
		}
	}
	return Item{}, false
}

// overlaps reports whether two items' boxes overlap.
func overlaps(a, b *Item) bool {
	return a.X < b.X+b.W && b.X < a.X+a.W && a.Y < b.Y+b.H && b.Y < a.Y+a.H
}

// barMerger joins spans closer than a pixel in one row, so a trace of
// 100,000 events draws at most one bar per pixel column.
type barMerger struct {
	l         *layout
	sec       int
	y, h      float64
	open      bool
	x1, x2    float64
	tone      Tone
	color     int
	label     string
	mixedSome bool
}

func (b *barMerger) add(x1, x2 float64, tone Tone, color int, label string) {
	if x2 <= x1 {
		return
	}
	if b.open && x1-b.x2 < 1 && b.tone == tone && (b.color == color || x2-x1 < 1 || b.x2-b.x1 < 1) {
		b.x2 = max(b.x2, x2)
		if label != b.label {
			b.mixedSome = true
		}
		if color != b.color {
			b.color = -1 // many tasks in one bar: no one task's colour
		}
		return
	}
	b.flush()
	b.open, b.x1, b.x2, b.tone, b.color, b.label, b.mixedSome = true, max(x1, b.lastEnd()), x2, tone, color, label, false
}

func (b *barMerger) lastEnd() float64 {
	items := b.l.sc.Items
	if n := len(items); n > 0 && items[n-1].Kind == KBar && items[n-1].Y == b.y {
		return items[n-1].X + items[n-1].W
	}
	return -math.MaxFloat64
}

func (b *barMerger) flush() {
	if !b.open || b.x2-b.x1 <= 0 {
		b.open = false
		return
	}
	txt := ""
	if !b.mixedSome {
		txt = Fit(b.label, b.x2-b.x1-4*b.l.u, b.l.sc.Small)
		if len([]rune(txt)) < 4 && txt != b.label {
			txt = "" // a bar too short for its words shows none, not "…"
		}
	}
	b.l.add(Item{Kind: KBar, X: b.x1, Y: b.y, W: b.x2 - b.x1, H: b.h, Tone: b.tone, Color: b.color, Text: txt, Parent: b.sec, Size: b.l.sc.Small})
	b.open = false
}

// arrows adds the arrows of cause and effect for the current event.
// arrow adds an arrow from item a to item b (none when either is nil)
// with its label where it covers no text.
func (l *layout) arrow(a, b *Item, tone Tone, label string) {
	if a == nil || b == nil {
		return
	}
	ax, ay := a.X+a.W/2, a.Y+a.H/2
	bx, by := b.X+b.W/2, b.Y+b.H/2
	// Leave from and arrive at the edges facing each other.
	if by > ay+a.H/2 {
		ay, by = a.Y+a.H, b.Y
	} else if by < ay-a.H/2 {
		ay, by = a.Y, b.Y+b.H
	}
	arr := Item{Kind: KArrow, X: ax, Y: ay, X2: bx, Y2: by, Tone: tone, Parent: -1, Size: l.sc.Small}
	l.add(arr)
	if at, ok := l.labelSpot(&arr, label); ok {
		l.add(at)
	}
}

func (l *layout) arrows() {
	s := l.s
	if s.Index < 0 {
		return
	}
	e := &s.Event
	find := func(k uint64) *Item {
		for i := range l.sc.Items {
			if l.sc.Items[i].Key == k && l.sc.Items[i].Kind != KGhost {
				return &l.sc.Items[i]
			}
		}
		return nil
	}
	arrow := l.arrow
	switch e.Kind {
	case trace.HandleNew, trace.TimerDue:
		k := s.readyIndex(e.ID)
		if k < 0 {
			return
		}
		h := &s.Ready[k]
		if fk := l.fromKey(h); fk != 0 {
			arrow(find(fk), find(key(tagChip, h.ID)), ToneCallback, l.t(aCallbackToReady))
		}
	case trace.TaskSuspend:
		to := find(key(tagFuture, e.Ref))
		if to == nil {
			to = find(key(tagCard, e.Ref))
		}
		arrow(find(key(tagCard, e.ID)), to, ToneWaiting, l.t(aAwaits))
	case trace.SyncWait:
		arrow(find(key(tagCard, e.Ref)), find(key(tagSync, e.ID)), ToneWaiting, l.t(aWaits))
	}
}

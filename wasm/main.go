//go:build js && wasm

// Command wasm is loopscope's browser program. It runs inside the page's
// stage frame: it exposes window.loopscopeModule (run a scene's source,
// drive the player, read its state) for the page's script, and hands the
// player to the Ebiten stage, which draws it. The notes are rendered when
// the site is built, not here (internal/site).
//
// The page calls in from JavaScript while Ebiten's loop runs in its own
// goroutine, and a run in progress in another (it yields to the browser
// now and then: startRun). WebAssembly here is single-threaded and
// goroutines switch only where they block, which none does while it uses
// the player (a run replaces it at its end, without blocking in between),
// so they share the player without a lock.
package main

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"runtime/debug"
	"strings"
	"syscall/js"
	"time"
	"unicode/utf8"

	"github.com/hajimehoshi/ebiten/v2"

	"loopscope/scenes/asyncio"
	"loopscope/scenes/engine"
	"loopscope/scenes/mistakes"
	"loopscope/scenes/playback"
	"loopscope/scenes/python/resolve"
	"loopscope/scenes/python/syntax"
	"loopscope/wasm/stage"
)

// screen is the stage with frame and tick counters, so the page can tell
// when the first frame is drawn and measure frames per second. The stage
// runs one tick (Update) per frame and paces the player by wall time.
type screen struct {
	*stage.Game
	frames int
	ticks  int
	crash  string
}

// Draw draws a frame and counts it. Under the veil of a long run it draws
// nothing: the page hides the stage then, and a frame drawn on the CPU
// (as headless browsers and some laptops do) would cost the run as much
// time again as it has between two yields.
func (s *screen) Draw(img *ebiten.Image) {
	defer s.recover("drawing")
	if veiled() {
		return
	}
	s.frames++
	s.Game.Draw(img)
}

// Update advances the stage by one tick; under the veil of a long run it
// does nothing (what it lays out is not shown).
func (s *screen) Update() error {
	defer s.recover("updating")
	if veiled() {
		return nil
	}
	s.ticks++
	return s.Game.Update()
}

func (s *screen) recover(doing string) {
	if r := recover(); r != nil && s.crash == "" {
		s.crash = fmt.Sprintf("internal error while %s the stage: %v", doing, r)
		println(s.crash, string(debug.Stack()))
	}
}

var (
	player = playback.New(nil, "")
	stg    = &screen{Game: stage.NewGame(player)}
	// view is the learner's choice of view, which every new run keeps
	// (its player shows the loop view while its recording has nothing for it).
	view playback.View
)

func main() {
	api := js.Global().Get("Object").New()
	export(api, "run", func(args []js.Value) any { return startRun(str(args, 0), str(args, 1)) })
	export(api, "stop", func([]js.Value) any { stopRun(); return nil })
	export(api, "play", func([]js.Value) any { player.Play(); return nil })
	export(api, "pause", func([]js.Value) any { player.Pause(); return nil })
	// step(n, unit, task): n steps by a playback.Unit (UnitLine: of the
	// task with that id); it returns the new event's index.
	export(api, "step", func(args []js.Value) any {
		player.StepBy(playback.Unit(num(args, 1, 0)), num(args, 0, 1), int32(num(args, 2, 0)))
		return player.Index()
	})
	// setBreaks(on, line...): breakpoints on the scene's lines and on the
	// kinds of events in on (playback.BreakOn's bits).
	export(api, "setBreaks", func(args []js.Value) any {
		var lines []int32
		for _, a := range args[min(1, len(args)):] {
			lines = append(lines, int32(a.Int()))
		}
		player.SetBreaks(lines, playback.BreakOn(num(args, 0, 0)))
		return nil
	})
	export(api, "seek", func(args []js.Value) any { player.Seek(num(args, 0, 0)); return nil })
	export(api, "setSpeed", func(args []js.Value) any {
		if len(args) > 0 && args[0].Type() == js.TypeNumber {
			player.SetSpeed(args[0].Float())
		}
		return nil
	})
	export(api, "setLang", func(args []js.Value) any { player.SetLang(playback.ParseLang(str(args, 0))); return nil })
	export(api, "setView", func(args []js.Value) any {
		if v, ok := playback.ParseView(str(args, 0)); ok {
			view = v
			player.SetView(v)
		}
		return nil
	})
	export(api, "state", func([]js.Value) any { return state() })
	export(api, "detail", func([]js.Value) any { return detail() })
	export(api, "transcript", func(args []js.Value) any { return transcript(num(args, 0, 0), num(args, 1, player.Len())) })
	export(api, "tokens", func(args []js.Value) any { return tokens(str(args, 0)) })
	js.Global().Set("loopscopeModule", api)
	if ready := js.Global().Get("loopscopeReady"); ready.Type() == js.TypeFunction {
		ready.Invoke()
	}

	ebiten.SetWindowTitle("loopscope")
	ebiten.SetRunnableOnUnfocused(true)
	ebiten.SetTPS(ebiten.SyncWithFPS) // one Update per frame: it measures the frame's wall time
	if err := ebiten.RunGame(stg); err != nil {
		println("loopscope: ebiten:", err.Error())
	}
}

// export defines api[name] as fn. A Go panic in fn does not kill the
// module: it is recovered and returned as {panic: message}, which the
// page's script turns into an error it shows.
func export(api js.Value, name string, fn func([]js.Value) any) {
	api.Set(name, js.FuncOf(func(_ js.Value, args []js.Value) (out any) {
		defer func() {
			if r := recover(); r != nil {
				msg := fmt.Sprintf("internal error in %s: %v", name, r)
				println(msg, string(debug.Stack()))
				out = map[string]any{"panic": msg}
			}
		}()
		return fn(args)
	}))
}

func str(args []js.Value, i int) string {
	if i < len(args) && args[i].Type() == js.TypeString {
		return args[i].String()
	}
	return ""
}

func num(args []js.Value, i, def int) int {
	if i < len(args) && args[i].Type() == js.TypeNumber {
		return args[i].Int()
	}
	return def
}

// pageMaxSteps is the page's step budget, kept at the engine's former
// default, far below its present one (2,000,000,000): the module runs a
// scene to its end before playing it, yielding to the page as it goes, and
// a loop that never ends reached it in about 6 s in headless Chromium here
// (the learner can Stop it sooner). Longer programs (the docs'
// cpu_bound(), 80 million steps) run on the command line.
const pageMaxSteps = engine.PageMaxSteps

// A run yields to the browser instead of holding the page's thread until
// it ends. The engine calls its Pause hook every few thousand steps; once
// runSlice of wall time has passed since the last yield, the hook blocks
// the run's goroutine until a message posted to the page's own event loop
// comes back. With every goroutine blocked, Go hands the thread back to
// the browser, which handles clicks and keys, runs timers and draws frames
// (the page's and Ebiten's) before the message: the page answers within a
// slice, and a Stop pressed meanwhile ends the run at the hook's next call.
//
// (A Web Worker would take the engine off the page's thread altogether,
// but it would start a second copy of the 13 MB module, whose Ebiten
// package reads document and window as it starts and would need shims in
// the worker, and every trace, up to millions of events, would be encoded
// in the worker and decoded on the page to be played.)

// runSlice is how long a run works between two yields: short enough for
// a click to be answered at once, long enough that yielding costs little
// (each yield lets the browser draw a frame, some milliseconds on a GPU,
// tens of them where the page is drawn on the CPU). The first slice is
// longer: most scenes end within it, and then yielding costs nothing.
const (
	runSlice   = 25 * time.Millisecond
	firstSlice = 100 * time.Millisecond
)

// runVeilAfter is how long a run goes on before the page veils the stage
// and says a run is in progress (state's veil): a quick run never shows it.
const runVeilAfter = 150 * time.Millisecond

// job is a run in progress.
type job struct {
	started   time.Time
	stopped   bool            // Stop was pressed, or a newer run replaced this one
	progress  engine.Progress // how far it has come, as the engine last said
	lastYield time.Time
	yields    int           // how often it yielded to the browser
	yielded   time.Duration // and for how long in all
	done      chan struct{} // closed when the run has ended
}

var (
	current *job // the run in progress, or nil
	// resumed is signalled by the page's event loop after a yield.
	resumed   = make(chan struct{}, 1)
	yieldPort js.Value // posts the message that resumes a yielded run
)

// errStopped is why a run stopped at the learner's request.
var errStopped = errors.New("stopped from the page")

// startRun starts running a scene's source and returns a Promise of the
// outcome (run's result). A run still going is stopped first: the newer
// one starts when it has ended, and its own Promise says it was replaced.
func startRun(src, filename string) js.Value {
	prev := current
	if prev != nil {
		prev.stopped = true
	}
	now := time.Now()
	j := &job{started: now, lastYield: now, done: make(chan struct{})}
	current = j
	executor := js.FuncOf(func(_ js.Value, args []js.Value) any {
		resolve := args[0]
		go func() {
			if prev != nil {
				<-prev.done
			}
			out := run(src, filename, j)
			close(j.done)
			if current == j {
				current = nil
			}
			resolve.Invoke(js.ValueOf(out))
		}()
		return nil
	})
	defer executor.Release()
	return js.Global().Get("Promise").New(executor)
}

// veiled reports whether a run has gone on long enough for the page to
// veil the stage.
func veiled() bool {
	return current != nil && time.Since(current.started) >= runVeilAfter
}

// stopRun ends the run in progress, if any, at the engine's next pause:
// what it recorded so far is played, as a stopped run's.
func stopRun() {
	if current != nil {
		current.stopped = true
	}
}

// pause is a run's engine.Options.Pause: it records the progress, yields
// to the browser when the run has held the thread for a slice, and stops
// the run when asked to.
func (j *job) pause(p engine.Progress) error {
	j.progress = p
	slice := runSlice
	if j.yields == 0 {
		slice = firstSlice
	}
	if !j.stopped && time.Since(j.lastYield) >= slice {
		t := time.Now()
		yieldToBrowser()
		j.lastYield = time.Now()
		j.yielded += j.lastYield.Sub(t)
		j.yields++
	}
	if j.stopped {
		return errStopped
	}
	return nil
}

// yieldToBrowser blocks the calling goroutine until the browser has
// handled what was waiting (input, timers, a frame when one is due): a
// message posted to a MessageChannel comes back as a new task, without
// the 4 ms that nested setTimeout calls are held back.
func yieldToBrowser() {
	if yieldPort.IsUndefined() {
		ch := js.Global().Get("MessageChannel").New()
		ch.Get("port1").Set("onmessage", js.FuncOf(func(js.Value, []js.Value) any {
			select {
			case resumed <- struct{}{}:
			default:
			}
			return nil
		}))
		yieldPort = ch.Get("port2")
	}
	yieldPort.Call("postMessage", nil)
	<-resumed
}

// run runs a scene's source. When the engine produces a trace (the scene
// ended, raised, hit a budget or was stopped) it replaces what is playing;
// when it refuses the scene, what is playing stays and the error comes
// back. A run replaced by a newer one changes nothing: {ok: false,
// replaced: true}.
func run(src, filename string, j *job) (out map[string]any) {
	if filename == "" {
		filename = "scene.py"
	}
	defer func() {
		if r := recover(); r != nil {
			println("loopscope: engine panic:", fmt.Sprint(r), string(debug.Stack()))
			msg := fmt.Sprintf("internal error: %v", r)
			out = map[string]any{"ok": false, "exitCode": engine.ExitInternal, "error": errorObject("internal", 0, 0, msg, filename+": "+msg)}
		}
	}()
	// mistakes.Run is engine.Run with the mistake detectors: edited code
	// gets its mistakes as a built-in scene does.
	res, found := mistakes.Run([]byte(src), engine.Options{
		Filename:  filename,
		Trace:     true,
		Budgets:   engine.Budgets{MaxSteps: pageMaxSteps},
		WallClock: browserClock(),
		Pause:     j.pause,
	})
	if j.stopped && current != j {
		return map[string]any{"ok": false, "replaced": true}
	}
	ok := res.Trace != nil && res.ExitCode != engine.ExitRefused && res.ExitCode != engine.ExitInternal
	out = map[string]any{"ok": ok, "exitCode": res.ExitCode, "stderr": stderrTail(res)}
	switch e := res.Err; {
	case ok && e != nil:
		// Stopped: a budget ran out, the scene deadlocked, or Stop was
		// pressed. The page says why in its own words, at e's line.
		out["stop"] = stopObject(e, j.progress)
	case e != nil:
		out["error"] = errorObject(e.Kind, e.Line, e.Col, e.Msg, e.Error())
	case !ok:
		out["error"] = errorObject("internal", 0, 0, res.Stderr, filename+": "+res.Stderr)
	}
	if !ok {
		return out
	}
	if w := res.UncaughtAt; res.ExitCode == engine.ExitUncaught && w.Line > 0 {
		out["uncaught"] = map[string]any{"line": w.Line, "col": w.Col, "endLine": w.EndLine, "endCol": w.EndCol, "text": res.Uncaught}
	}
	p := playback.New(res.Trace, src)
	// The mistakes the scene made: the page words them (its data has
	// each kind's words), the stage names each as playback reaches it.
	marks := make([]playback.Mistake, len(found))
	list := make([]any, len(found))
	for i, m := range found {
		marks[i] = playback.Mistake{Kind: m.Kind.String(), Line: m.Line, Event: m.Event}
		list[i] = map[string]any{"kind": m.Kind.String(), "line": m.Line, "col": m.Col, "endCol": m.EndCol, "event": m.Event, "notes": m.Notes, "arg": m.Arg}
	}
	p.Recording().SetMistakes(marks)
	out["mistakes"] = list
	p.SetSpeed(player.Speed())
	p.SetLang(player.Lang())
	p.SetView(view)
	player = p
	stg.SetPlayer(p)
	out["events"] = p.Len()
	// What yielding cost: the run's wall time, and how much of it the
	// browser had (scripts/bench-page reports it).
	out["timing"] = map[string]any{"ms": ms(time.Since(j.started)), "yieldedMs": ms(j.yielded), "yields": j.yields}
	return out
}

// stderrTail is what the engine wrote to stderr after the scene's own
// writes (a traceback): the console already plays those (log records,
// warnings) from the trace, where they happened. A stop's message is left
// out: it speaks of the command line's flags, and the page says why the
// run stopped in its own words (the result's stop).
func stderrTail(res *engine.Result) string {
	n := 0
	for _, c := range res.Output {
		if c.Stderr {
			n += len(c.Text)
		}
	}
	tail := res.Stderr[min(n, len(res.Stderr)):]
	if res.ExitCode == engine.ExitStopped && res.Err != nil {
		tail = strings.TrimSuffix(tail, res.Err.Error()+"\n")
	}
	return tail
}

// The page's budgets, for the page's words about a budget that ran out.
// The others are the engine's defaults.
var pageBudgets = map[string]float64{
	"steps":  pageMaxSteps,
	"time":   asyncio.DefaultMaxVirtualTime,
	"events": asyncio.DefaultMaxEvents,
	"memory": asyncio.DefaultMaxMemory,
}

// stopObject describes a run the engine stopped, for the page's words:
// kind ("budget", "deadlock", "interrupted"), budget (for a budget: "steps",
// "time", "events", "memory") and its limit, the line and column where the
// scene was, how far it had come (steps, time, events), and the engine's
// own message (msg, text).
func stopObject(e *engine.Error, p engine.Progress) map[string]any {
	return map[string]any{
		"kind": e.Kind, "budget": e.Budget, "limit": pageBudgets[e.Budget],
		"line": e.Line, "col": e.Col,
		"steps": float64(p.Steps), "time": p.Time, "events": p.Events,
		"msg": e.Msg, "text": e.Error(),
	}
}

// browserClock is the browser's clock now, in the browser's time zone at
// this instant (its offset, named as Intl names it, "GMT+9" or "PST"): the
// scene's wall clock starts there, so time.strftime('%X') shows the
// learner's local time.
func browserClock() time.Time {
	date := js.Global().Get("Date").New()
	ms := date.Call("getTime").Float()
	offset := -date.Call("getTimezoneOffset").Int() * 60
	name := ""
	if intl := js.Global().Get("Intl"); intl.Truthy() {
		opts := map[string]any{"timeZoneName": "short"}
		parts := intl.Get("DateTimeFormat").New("en-US", opts).Call("formatToParts", date)
		for i := 0; i < parts.Length(); i++ {
			if p := parts.Index(i); p.Get("type").String() == "timeZoneName" {
				name = p.Get("value").String()
			}
		}
	}
	if name == "" {
		name = fmt.Sprintf("UTC%+03d:%02d", offset/3600, abs(offset)%3600/60)
	}
	return time.UnixMilli(int64(ms)).In(time.FixedZone(name, offset))
}

// ms is d in milliseconds.
func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func errorObject(kind string, line, col int, msg, text string) map[string]any {
	return map[string]any{"kind": kind, "line": line, "col": col, "msg": msg, "text": text}
}

// state is what the page reads every frame: cheap to make. While a run is
// in progress, running is set, progress says how far it has come, and
// veil that the page should say so over the stage.
func state() map[string]any {
	s := map[string]any{
		"event":   player.Index(),
		"events":  player.Len(),
		"playing": player.Playing(),
		"speed":   player.Speed(),
		"time":    player.Time(),
		"frames":  stg.frames,
		"ticks":   stg.ticks,
		"caption": player.State().Caption, // kept per event by the player: cheap
		"running": current != nil,
		"view":    player.View().String(),
		"views":   views(),
	}
	if j := current; j != nil {
		s["progress"] = map[string]any{"steps": float64(j.progress.Steps), "time": j.progress.Time, "events": j.progress.Events}
		s["veil"] = veiled()
	}
	if stg.crash != "" {
		s["crash"] = stg.crash
	}
	return s
}

// views names the views the current recording has something to show in.
func views() []any {
	vs := player.Recording().Views()
	out := make([]any, len(vs))
	for i, v := range vs {
		out[i] = v.String()
	}
	return out
}

// detail is what the page reads when the current event changes.
func detail() map[string]any {
	if player.Len() == 0 {
		return map[string]any{"output": "", "concept": "", "taskLines": []any{}, "err": ""}
	}
	st := player.State()
	lines := make([]any, len(st.TaskLines))
	for i, tl := range st.TaskLines {
		lines[i] = map[string]any{"name": tl.Name, "line": int(tl.Line), "color": tl.Color, "task": int(tl.Task)}
	}
	return map[string]any{
		"output":    st.Output,
		"concept":   st.Concept,
		"taskLines": lines,
		"err":       st.Err,
		// Why a breakpoint stopped playing here (playback.BreakOn's bits,
		// 0 for none), + 16 × the event's line.
		"hit": int(player.Hit()) + 16*int(st.Event.Line),
	}
}

// tokens colours source for the page's editor with the scanner that reads
// scenes: syntax.Highlight's spans as a Uint32Array of (start, end, color)
// triples, offsets in UTF-16 code units as the page's strings count them.
// One array crosses into JavaScript, so a 500-line scene costs one copy.
func tokens(src string) js.Value {
	spans := syntax.Highlight([]byte(src), resolve.IsBuiltin)
	buf := make([]byte, 12*len(spans))
	u16 := utf16Offsets(src)
	put := func(i int, v int) {
		buf[i], buf[i+1], buf[i+2], buf[i+3] = byte(v), byte(v>>8), byte(v>>16), byte(v>>24)
	}
	for i, sp := range spans {
		put(12*i, u16(sp.Start))
		put(12*i+4, u16(sp.End))
		put(12*i+8, int(sp.Color))
	}
	arr := js.Global().Get("Uint8Array").New(len(buf))
	js.CopyBytesToJS(arr, buf)
	return js.Global().Get("Uint32Array").New(arr.Get("buffer"))
}

// utf16Offsets returns a function from byte offsets in src, asked in
// increasing order, to UTF-16 offsets.
func utf16Offsets(src string) func(int) int {
	ascii := true
	for i := 0; i < len(src); i++ {
		if src[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return func(off int) int { return off }
	}
	b, u := 0, 0
	return func(off int) int {
		for b < off && b < len(src) {
			r, n := utf8.DecodeRuneInString(src[b:])
			b += n
			u++
			if r > 0xFFFF {
				u++
			}
		}
		return u
	}
}

// transcript returns the captions of events from..to-1 in the player's
// language as {from, times: Float64Array, text}: text holds the captions
// separated by U+001E, so a long transcript crosses into JavaScript as two
// values, not one object per event.
func transcript(from, to int) any {
	lines := player.Recording().Transcript(player.Lang(), from, to)
	buf := make([]byte, 8*len(lines))
	var text strings.Builder
	for i, l := range lines {
		binary.LittleEndian.PutUint64(buf[8*i:], math.Float64bits(l.Time))
		if i > 0 {
			text.WriteByte(0x1e)
		}
		text.WriteString(l.Text)
	}
	first := max(0, from)
	if len(lines) > 0 {
		first = lines[0].Event
	}
	arr := js.Global().Get("Uint8Array").New(len(buf))
	js.CopyBytesToJS(arr, buf)
	return map[string]any{"from": first, "times": js.Global().Get("Float64Array").New(arr.Get("buffer")), "text": text.String()}
}

package e2e

import (
	"context"
	"fmt"
	"math"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"loopscope/internal/e2e/browser"
	"loopscope/scenes"
	"loopscope/scenes/engine"
)

// TestPageLoadsAndDrawsFirstFrame loads the page as `go run .` serves it
// and as `build` writes it, in two tabs at once: the static site in a tab
// of its own, closed after, and the served one in the tab the other tests
// share. On each, the stage draws, a scene plays, the console is clean and
// the Content-Security-Policy (the header, or the page's <meta> on the
// static host) is enforced with nothing the page needs blocked.
func TestPageLoadsAndDrawsFirstFrame(t *testing.T) {
	browser.ForEachTarget(t, func(t *testing.T, tg browser.Target) {
		t.Parallel()
		var p *page
		if tg.Name == "served" {
			p = open(t, tg)
		} else {
			// A tab of its own that leaves the shared one open: the two
			// subtests run side by side.
			tb, cancel := browser.NewTab(t)
			t.Cleanup(cancel)
			p = &page{tb.Start(t, tg, false)}
		}
		// The stage frame's canvas fills the frame exactly, so Ebiten's
		// sizes and mouse positions hold.
		frame := p.Rect("#stage")
		var canvas browser.Rect
		p.Eval(`(() => { const c = document.getElementById("stage").contentDocument.querySelector("canvas");
			const r = c.getBoundingClientRect(); return {X: r.x, Y: r.y, W: r.width, H: r.height}; })()`, &canvas)
		if canvas.X != 0 || canvas.Y != 0 || abs(canvas.W-frame.W) > 1 || abs(canvas.H-frame.H) > 1 {
			t.Errorf("canvas %+v in a frame of %+v", canvas, frame)
		}
		// Let a few more frames land, then count colours on the canvas:
		// a blank or dead canvas has one or two.
		f0 := p.State().Frames
		p.WaitFor(fmt.Sprintf("loopscope.state().frames > %d", f0+3), 10*time.Second)
		img := p.Screenshot("first-frame-" + tg.Name)
		scale := float64(img.Bounds().Dx()) / 1440
		if n := browser.Colours(img, frame, scale); n < 12 {
			t.Errorf("the stage shows %d colours: nothing drawn", n)
		}
		// A scene runs and plays.
		p.HasEvents()
		p.Eval("loopscope.setSpeed(10); loopscope.play()", nil)
		p.WaitFor("loopscope.state().event >= 2", 30*time.Second)
		p.Eval("loopscope.pause()", nil)
		if errs := p.ConsoleErrors(); len(errs) > 0 {
			t.Errorf("console errors: %q", errs)
		}
		if v := p.CSPViolations(); len(v) > 0 {
			t.Errorf("the Content-Security-Policy blocked what the page needs: %q", v)
		}
		// The policy is in force: an inline script is refused, and reported
		// (once per policy: the served page has the header and the <meta>).
		var ran bool
		p.Eval(`(() => { const s = document.createElement("script"); s.textContent = "window.__inlineRan = true";
			document.head.appendChild(s); s.remove(); return !!window.__inlineRan; })()`, &ran)
		p.WaitFor("(window.__cspViolations || []).length > 0", 10*time.Second)
		v := p.CSPViolations()
		if ran || len(v) == 0 {
			t.Errorf("an inline script: ran %v, violations %q; want it refused", ran, v)
		}
		for _, x := range v {
			if !strings.HasPrefix(x, "script-src") {
				t.Errorf("an inline script: violation %q, want one of script-src", x)
			}
		}
		p.Eval("window.__cspViolations = []", nil)
		// Every control has its accessible name, the panes are labelled.
		for _, label := range []string{"Play", "Step forward", "Step back", "To start", "To end", "Speed", "Scene", "Run", "Timeline", "Language", "Notes", "Code", "Console"} {
			var n int
			p.Eval(fmt.Sprintf(`document.querySelectorAll('[aria-label=%q]').length`, label), &n)
			if n != 1 {
				t.Errorf("%d elements named %q, want 1", n, label)
			}
		}
	})
}

func TestTransport(t *testing.T) {
	browser.OnServed(t, func(t *testing.T, tg browser.Target) {
		p := open(t, tg)
		s := p.HasEvents()
		if s.Playing || s.Event != 0 {
			t.Fatalf("a freshly loaded scene: %+v, want paused at event 0", s)
		}
		p.Eval("loopscope.setSpeed(10)", nil) // this machine may draw only a few frames a second
		p.Click("Play")
		p.WaitFor("loopscope.state().event >= 2", 30*time.Second)
		if s := p.State(); !s.Playing {
			t.Errorf("playing: %+v", s)
		}
		var label string
		p.Eval(`document.getElementById("play").getAttribute("aria-label")`, &label)
		if label != "Pause" {
			t.Errorf("the play button while playing is named %q, want Pause", label)
		}
		p.Click("Pause")
		held := p.State()
		if held.Playing {
			t.Fatalf("pause: %+v", held)
		}
		// Paused, the index holds: watch it across 30 ticks, several events'
		// worth at 10×.
		p.WaitFor(fmt.Sprintf("loopscope.state().ticks >= %d", held.Ticks+30), 30*time.Second)
		if s := p.State(); s.Event != held.Event {
			t.Errorf("paused at event %d, then at %d", held.Event, s.Event)
		}
		p.Click("Step forward")
		if s := p.State(); s.Event != held.Event+1 || s.Playing {
			t.Errorf("step forward from %d: %+v", held.Event, s)
		}
		p.Click("Step back")
		if s := p.State(); s.Event != held.Event {
			t.Errorf("step back: event %d, want %d", s.Event, held.Event)
		}
		p.Click("To end")
		if s := p.State(); s.Event != s.Events-1 {
			t.Errorf("to end: %+v", s)
		}
		p.Click("To start")
		if s := p.State(); s.Event != 0 {
			t.Errorf("to start: %+v", s)
		}
		// The keyboard, with focus on the page.
		p.Do(chromedp.Click(chromedp.CSS(".notes-pane .pane-title")))
		p.Key(kbRight)
		p.Key(kbRight)
		if s := p.State(); s.Event != 2 {
			t.Errorf("→ → from 0: event %d", s.Event)
		}
		p.Key(kbLeft)
		if s := p.State(); s.Event != 1 {
			t.Errorf("←: event %d", s.Event)
		}
		p.Key(kbEnd)
		if s := p.State(); s.Event != s.Events-1 {
			t.Errorf("End: %+v", s)
		}
		p.Key(kbHome)
		if s := p.State(); s.Event != 0 {
			t.Errorf("Home: %+v", s)
		}
		// Focus inside the stage frame: keys still reach the page.
		frame := p.Rect("#stage")
		p.Do(chromedp.MouseClickXY(frame.X+frame.W/2, frame.Y+frame.H/2))
		p.Key(" ")
		if s := p.State(); !s.Playing {
			t.Errorf("Space with focus in the stage: %+v", s)
		}
		p.Key(" ")
		if s := p.State(); s.Playing {
			t.Errorf("Space again: %+v", s)
		}
		// Inside the editor, keys are typing.
		p.Do(chromedp.Click(chromedp.ID("code")))
		before := p.State()
		p.Key(kbRight)
		p.Key(" ")
		if s := p.State(); s.Event != before.Event || s.Playing {
			t.Errorf("keys in the editor moved the player: %+v", s)
		}
		// The timeline scrubs.
		mid := before.Events / 2
		p.Eval(fmt.Sprintf(`(() => { const tl = document.getElementById("timeline"); tl.value = %d; tl.dispatchEvent(new Event("input")); })()`, mid), nil)
		if s := p.State(); s.Event != mid {
			t.Errorf("timeline to %d: event %d", mid, s.Event)
		}
	})
}

// Keys as chromedp's KeyEvent spells them.
const (
	kbRight = kb.ArrowRight
	kbLeft  = kb.ArrowLeft
	kbHome  = kb.Home
	kbEnd   = kb.End
)

func TestSpeed(t *testing.T) {
	browser.OnServed(t, func(t *testing.T, tg browser.Target) {
		p := open(t, tg)
		p.HasEvents()
		// Events played per wall second at 1× (over 3 s) and at 10× (over
		// 1 s, short of the scene's end), from the start, over at least 5
		// ticks each. The player advances by wall time (one tick per
		// frame), so a busy machine draws fewer frames, not fewer events a
		// second.
		pace := func(speed, secs float64) float64 {
			p.Eval(fmt.Sprintf(`loopscope.pause(); loopscope.seek(0); loopscope.setSpeed(%g);
				window.__speed = {t0: performance.now(), ticks: loopscope.state().ticks}; loopscope.play()`, speed), nil)
			p.WaitFor(fmt.Sprintf("loopscope.state().ticks >= __speed.ticks + 5 && performance.now() - __speed.t0 >= %g", secs*1000), 90*time.Second)
			var m struct {
				Event, Events int
				Secs          float64
			}
			p.Eval(`(() => { loopscope.pause(); const s = loopscope.state();
				return {event: s.event, events: s.events, secs: (performance.now() - __speed.t0) / 1000}; })()`, &m)
			if m.Event >= m.Events-1 {
				t.Fatalf("at %g× the scene ended within %.2f s: too short to measure its pace", speed, m.Secs)
			}
			return float64(m.Event) / m.Secs
		}
		slow, fast := pace(1, 3), pace(10, 1)
		if slow <= 0 || fast < 4*slow {
			t.Errorf("events per second: %.2f at 1×, %.2f at 10×", slow, fast)
		}
		// The control shows the speed and edits it; + and - step it.
		var shown string
		p.Eval(`document.getElementById("speed").value`, &shown)
		if shown != "10" {
			t.Errorf("the speed control shows %q at 10×", shown)
		}
		p.Do(chromedp.SetValue(chromedp.ID("speed"), "2.5"))
		p.Eval(`document.getElementById("speed").dispatchEvent(new Event("change"))`, nil)
		if s := p.State(); s.Speed != 2.5 {
			t.Errorf("typed 2.5: speed %g", s.Speed)
		}
		p.Do(chromedp.Click(chromedp.CSS(".notes-pane .pane-title")))
		p.Key("+")
		if s := p.State(); s.Speed <= 2.5 {
			t.Errorf("+: speed %g", s.Speed)
		}
		p.Key("-")
		p.Key("-")
		if s := p.State(); s.Speed >= 2.5 {
			t.Errorf("- -: speed %g", s.Speed)
		}
		p.Eval("loopscope.setSpeed(100)", nil)
		if s := p.State(); s.Speed != 10 {
			t.Errorf("setSpeed(100): %g, want the 10× limit", s.Speed)
		}
	})
}

func TestScenesAndLanguages(t *testing.T) {
	browser.OnServed(t, func(t *testing.T, tg browser.Target) {
		if len(browser.PageData.Scenes) < 2 {
			t.Fatalf("the library has %d scenes; switching needs two", len(browser.PageData.Scenes))
		}
		p := open(t, tg)
		p.Eval(`loopscope.setLang("en")`, nil)
		first, second := browser.PageData.Scenes[0], browser.PageData.Scenes[1]
		h1 := func() string {
			var s string
			p.Eval(`(document.querySelector("#notes h1") || {}).textContent || ""`, &s)
			return s
		}
		if s := p.State(); s.Scene != first.ID {
			t.Errorf("scene %q on opening, want %q", s.Scene, first.ID)
		}
		if got := h1(); got != first.Titles["en"] {
			t.Errorf("notes title %q, want %q", got, first.Titles["en"])
		}
		p.notesRendered(first.ID, "en")
		// The picker switches scene: the code and the notes follow.
		p.Do(chromedp.SetValue(chromedp.ID("scene"), second.ID))
		p.Eval(`document.getElementById("scene").dispatchEvent(new Event("change"))`, nil)
		if s := p.State(); s.Scene != second.ID {
			t.Errorf("picked %s: scene %q", second.ID, s.Scene)
		}
		if got := h1(); got != second.Titles["en"] {
			t.Errorf("notes title %q after switching, want %q", got, second.Titles["en"])
		}
		p.notesRendered(second.ID, "en")
		var code string
		p.Eval(`document.getElementById("code").value`, &code)
		if code != second.Source {
			t.Error("the editor does not show the picked scene's source")
		}
		// The language toggle.
		p.Click("Language")
		if s := p.State(); s.Lang != "ko" {
			t.Errorf("language %q after the toggle", s.Lang)
		}
		ko := h1()
		if ko != second.Titles["ko"] || !browser.HasHangul(ko) {
			t.Errorf("Korean notes title %q, want %q", ko, second.Titles["ko"])
		}
		var notesLang string
		p.Eval(`document.getElementById("notes").lang`, &notesLang)
		if notesLang != "ko" {
			t.Errorf("notes lang=%q", notesLang)
		}
		p.notesRendered(second.ID, "ko") // the toggle renders the other language
		p.Screenshot("notes-ko-" + tg.Name)
		p.Click("Language")
		if got := h1(); got != second.Titles["en"] {
			t.Errorf("back to English: %q", got)
		}
		p.notesRendered(second.ID, "en")
		// A reload keeps the scene (in the address) and the language.
		p.Eval(`loopscope.setLang("ko")`, nil)
		p.Do(chromedp.Reload())
		p.WaitReady()
		if s := p.State(); s.Scene != second.ID || s.Lang != "ko" {
			t.Errorf("after a reload: scene %q, lang %q", s.Scene, s.Lang)
		}
		p.Eval(`loopscope.setLang("en")`, nil)
	})
}

var lineCol = regexp.MustCompile(`scene\.py:(\d+):(\d+): `)

func TestEditedScene(t *testing.T) {
	browser.OnServed(t, func(t *testing.T, tg browser.Target) {
		p := open(t, tg)
		before := p.HasEvents()
		p.Eval("loopscope.seek(3)", nil)
		// A syntax error on line 3: line and column in the editor and the
		// console; the old run stays.
		bad := "import asyncio\n\nasync def main(:\n    pass\n\nasyncio.run(main())\n"
		p.Do(chromedp.SetValue(chromedp.ID("code"), bad))
		p.Eval(`document.getElementById("code").dispatchEvent(new Event("input"))`, nil)
		p.Click("Run")
		p.RunEnded()
		s := p.State()
		m := lineCol.FindStringSubmatch(browser.StrOr(s.Error))
		if m == nil || m[1] != "3" {
			t.Fatalf("error %q, want scene.py:3:COL", browser.StrOr(s.Error))
		}
		if s.Events != before.Events || s.Event != 3 || s.Scene != before.Scene {
			t.Errorf("the old run did not stay: %+v, was %+v", s, before)
		}
		var ui struct {
			Bar, Console string
			GutterErr    string
			Marked       int
		}
		p.Eval(`({
			Bar: document.getElementById("error-bar").textContent,
			Console: document.getElementById("console").textContent,
			GutterErr: (document.querySelector("#gutter .err") || {}).textContent || "",
			Marked: document.querySelectorAll("#marks .mark.err").length})`, &ui)
		if !strings.Contains(ui.Bar, m[0]) || !strings.Contains(ui.Console, m[0]) {
			t.Errorf("error bar %q, console %q: want %q in both", ui.Bar, ui.Console, m[0])
		}
		if ui.GutterErr != "3" || ui.Marked != 1 {
			t.Errorf("gutter marks line %q, %d line marks", ui.GutterErr, ui.Marked)
		}
		p.Screenshot("syntax-error-" + tg.Name)

		// A good edit runs and plays (Ctrl+Enter), printing what it says.
		good := "import asyncio\n\n\nasync def main():\n    print(\"edited\", 1)\n    await asyncio.sleep(0.1)\n    print(\"edited\", 2)\n\n\nasyncio.run(main())\n"
		p.Do(chromedp.SetValue(chromedp.ID("code"), good))
		p.Eval(`document.getElementById("code").dispatchEvent(new Event("input"))`, nil)
		p.Do(chromedp.Click(chromedp.ID("code")), chromedp.KeyEvent("\r", chromedp.KeyModifiers(chromedp.ModifierCtrl)))
		p.RunEnded()
		s = p.State()
		if s.Error != nil || !s.Playing || !s.Edited || s.Events < 2 {
			t.Fatalf("a good edit: %+v (error %q)", s, browser.StrOr(s.Error))
		}
		// It plays on; its console is the edited scene's.
		p.WaitFor(fmt.Sprintf("loopscope.state().event > %d", s.Event), 60*time.Second)
		var out string
		p.Eval(`loopscope.seek(loopscope.state().events - 1); document.getElementById("console").textContent`, &out)
		if out != "edited 1\nedited 2\n" {
			t.Errorf("console at the end of the edited scene: %q", out)
		}
		var gutter string
		p.Eval(`(document.querySelector("#gutter .err") || {}).textContent || ""`, &gutter)
		if gutter != "" {
			t.Errorf("the error mark stayed on line %s", gutter)
		}

		// Scenes that go wrong while they run still play, up to where they
		// went wrong, and say what happened at their end, in the console:
		// an exception nobody caught, as CPython prints it, and a loop that
		// never yields, stopped by the step budget at its line.
		for _, c := range []struct{ name, src, want string }{
			{"uncaught", "import asyncio\n\n\nasync def main():\n    await asyncio.sleep(0.1)\n    raise ValueError(\"boom\")\n\n\nasyncio.run(main())\n", "ValueError: boom"},
			{"budget", "import asyncio\n\n\nasync def main():\n    n = 0\n    while True:\n        n += 1\n\n\nasyncio.run(main())\n", "line 7"},
		} {
			var r struct {
				OK bool `json:"ok"`
			}
			// The budget's 50,000,000 steps take a while in the browser:
			// wait for the run's end longer than an eval may take.
			p.Eval(fmt.Sprintf("window.__edited = loopscope.run(%q); true", c.src), nil)
			p.RunEnded()
			p.Eval("window.__edited", &r)
			s := p.State()
			if !r.OK || s.Events < 2 || s.Error != nil {
				t.Errorf("%s: run %+v, state %+v (error %q): want it to play", c.name, r, s, browser.StrOr(s.Error))
				continue
			}
			f := s.Frames
			p.Eval("loopscope.pause(); loopscope.seek(loopscope.state().events - 1)", nil)
			p.WaitFor(fmt.Sprintf("loopscope.state().frames > %d", f+2), 30*time.Second)
			var out string
			p.Eval(`document.querySelector("#console .err") ? document.querySelector("#console .err").textContent : ""`, &out)
			if !strings.Contains(out, c.want) {
				t.Errorf("%s: at its end the console says %q, want %q in it", c.name, out, c.want)
			}
			if c.name == "uncaught" && !strings.Contains(out, "Traceback (most recent call last):") {
				t.Errorf("%s: no traceback in %q", c.name, out)
			}
		}
		// And the page goes on: a built-in scene loads and plays.
		first := browser.PageData.Scenes[0].ID
		p.Eval(fmt.Sprintf("loopscope.load(%q); loopscope.play()", first), nil)
		p.WaitFor("loopscope.state().event > 0", 30*time.Second)
		if s := p.State(); s.Scene != first || s.Error != nil {
			t.Errorf("after the bad scenes: %+v (error %q)", s, browser.StrOr(s.Error))
		}
	})
}

// TestSceneScreenshots saves a screenshot of every built-in scene, part
// way through, for a person to look at; it checks each one is drawn, and
// plays the last stretch of each to the end, where playback must stop on
// the last event with everything the scene printed shown.
func TestSceneScreenshots(t *testing.T) {
	browser.OnServed(t, func(t *testing.T, tg browser.Target) {
		p := open(t, tg)
		for _, sc := range browser.PageData.Scenes {
			p.Eval(fmt.Sprintf("loopscope.load(%q)", sc.ID), nil)
			s := p.State()
			if s.Scene != sc.ID || s.Events < 2 {
				t.Errorf("%s: %+v (error %q)", sc.ID, s, browser.StrOr(s.Error))
				continue
			}
			p.Eval(fmt.Sprintf("loopscope.seek(%d)", s.Events*2/3), nil)
			f := p.State().Frames
			p.WaitFor(fmt.Sprintf("loopscope.state().frames > %d", f+1), 30*time.Second) // a seek is settled: the next whole frame shows it
			img := p.Screenshot("scene-" + sc.ID)
			if n := browser.Colours(img, p.Rect("#stage"), float64(img.Bounds().Dx())/1440); n < 12 {
				t.Errorf("%s: the stage shows %d colours", sc.ID, n)
			}
			// Play the last three events at full speed until playback stops
			// itself. (Playing is the slow part of this test on a starved
			// machine: a few frames a second.)
			p.Eval(fmt.Sprintf("loopscope.setSpeed(10); loopscope.seek(%d); loopscope.play()", max(0, s.Events-3)), nil)
			p.WaitFor(fmt.Sprintf("!loopscope.state().playing && loopscope.state().event === %d", s.Events-1), 60*time.Second)
			var console string
			p.Eval(`document.getElementById("console").textContent`, &console)
			if want := sceneStdout(t, sc.ID); !strings.Contains(console, strings.TrimSpace(lastLineOf(want))) {
				t.Errorf("%s at its end: the console does not show the scene's last printed line %q", sc.ID, lastLineOf(want))
			}
			p.Eval("loopscope.setSpeed(1)", nil)
		}
		if v := p.CSPViolations(); len(v) > 0 {
			t.Errorf("the Content-Security-Policy blocked what the page needs: %q", v)
		}
	})
}

// TestLayout comes last: its phone viewport has a pixel ratio of 2, and
// going back to 1 starts the stage again, which takes a while.
func TestLayout(t *testing.T) {
	browser.OnServed(t, func(t *testing.T, tg browser.Target) {
		// A laptop: code and console left, stage centre, notes right.
		p := open(t, tg)
		code, console, stage, notes := p.Rect(".code-pane"), p.Rect(".console-pane"), p.Rect(".stage-pane"), p.Rect(".notes-pane")
		if !(code.Right() <= stage.X+1 && stage.Right() <= notes.X+1 && console.Y >= code.Bottom()-1 && abs(code.X-console.X) < 1) {
			t.Errorf("1440×900: code %+v console %+v stage %+v notes %+v", code, console, stage, notes)
		}
		if stage.W < 500 || stage.H < 500 {
			t.Errorf("1440×900: the stage is only %+v", stage)
		}
		timeline := p.Rect("#timeline")
		if timeline.Bottom() > 900 || timeline.W < 700 {
			t.Errorf("1440×900: timeline %+v", timeline)
		}
		p.Screenshot("layout-1440x900")

		// A small laptop: the notes join the left column, the stage keeps
		// the full height beside them.
		p.Do(chromedp.EmulateViewport(1024, 768))
		p.WaitFor(`document.querySelector(".notes-pane").getBoundingClientRect().right <= document.querySelector(".stage-pane").getBoundingClientRect().x + 1`, 5*time.Second)
		code, stage, notes = p.Rect(".code-pane"), p.Rect(".stage-pane"), p.Rect(".notes-pane")
		if !(notes.Y >= code.Bottom()-1 && stage.H > 560 && stage.W > 560 && notes.H > 180) {
			t.Errorf("1024×768: code %+v stage %+v notes %+v", code, stage, notes)
		}
		p.notesShowText("1024×768")
		p.Screenshot("layout-1024x768")

		// A phone: everything stacks, the stage first. Its pixel ratio is
		// 2, and Ebiten reads the ratio only when it starts: the page starts
		// the stage again, on the same scene at the same event and speed,
		// and its canvas has two device pixels per CSS pixel.
		scene := p.State().Scene
		p.Eval("loopscope.setSpeed(2); loopscope.seek(40)", nil)
		before := p.State()
		p.Do(chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile))
		p.WaitFor(fmt.Sprintf("loopscope.state().restarts > %d", before.Restarts), 30*time.Second)
		p.WaitReady()
		after := p.State()
		if after.Scene != scene || after.Event != 40 || after.Speed != 2 || after.Events != before.Events || after.Playing {
			t.Errorf("after the stage started again at pixel ratio 2: %+v, want scene %s paused at event 40 of %d at speed 2", after, scene, before.Events)
		}
		var canvas struct{ Width, CSS, Ratio float64 }
		p.Eval(`(() => { const f = document.getElementById("stage"), c = f.contentDocument.querySelector("canvas");
			return {width: c.width, css: c.getBoundingClientRect().width, ratio: f.contentWindow.devicePixelRatio}; })()`, &canvas)
		if canvas.Ratio != 2 || math.Abs(canvas.Width-2*canvas.CSS) > 2 {
			t.Errorf("at pixel ratio 2 the stage's canvas is %v device pixels for %v CSS pixels (ratio %v): it would be blurred", canvas.Width, canvas.CSS, canvas.Ratio)
		}
		// One pane at a time, under a row of tabs (TestPhone taps them):
		// the panes share one place, the stage's first.
		p.WaitFor(`getComputedStyle(document.querySelector(".tabs")).display !== "none"`, 5*time.Second)
		code, console, stage, notes = p.Rect(".code-pane"), p.Rect(".console-pane"), p.Rect(".stage-pane"), p.Rect(".notes-pane")
		if code != stage || console != stage || notes != stage {
			t.Errorf("390×844: stage %+v code %+v console %+v notes %+v, want one place", stage, code, console, notes)
		}
		var vis string
		p.Eval(`getComputedStyle(document.querySelector(".notes-pane")).visibility + " " + getComputedStyle(document.querySelector(".stage-pane")).visibility`, &vis)
		if vis != "hidden visible" {
			t.Errorf("390×844: notes and stage are %q, want the stage alone shown", vis)
		}
		p.Do(chromedp.Click(chromedp.ID("tab-notes")))
		for name, r := range map[string]browser.Rect{"stage": stage, "code": code, "notes": notes} {
			if r.W < 380 || r.Right() > 391 {
				t.Errorf("390×844: %s is %+v", name, r)
			}
		}
		var scrollW int
		p.Eval("document.documentElement.scrollWidth", &scrollW)
		if scrollW > 390 {
			t.Errorf("390×844: the page scrolls sideways (%d px wide)", scrollW)
		}
		p.notesShowText("390×844")
		p.Screenshot("layout-390x844")
		p.Do(chromedp.Click(chromedp.ID("tab-stage")))
	})
}

// notesShowText checks that some of the notes' text is in the notes pane's
// view (a reflow must not leave it scrolled into empty space).
func (p *page) notesShowText(where string) {
	p.T.Helper()
	var n int
	p.Eval(`(() => { const box = document.getElementById("notes").getBoundingClientRect();
		return [...document.querySelectorAll("#notes p, #notes h1, #notes h2, #notes li")].filter(e => {
			const r = e.getBoundingClientRect(); return r.bottom > box.top && r.top < box.bottom; }).length; })()`, &n)
	if n == 0 {
		p.T.Errorf("%s: the notes pane shows no text", where)
	}
}

// reducedMotion emulates (or stops emulating) prefers-reduced-motion.
func reducedMotion(on bool) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		var features []*emulation.MediaFeature
		if on {
			features = []*emulation.MediaFeature{{Name: "prefers-reduced-motion", Value: "reduce"}}
		}
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: features})
		return chromedp.Void{}, err
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// sceneStdout is what the engine prints for a built-in scene.
func sceneStdout(t *testing.T, id string) string {
	t.Helper()
	sc, ok := scenes.Get(id)
	if !ok {
		t.Fatalf("no scene %s", id)
	}
	return engine.Run([]byte(sc.Source), engine.Options{Filename: "scene.py"}).Stdout
}

// lastLineOf returns the last non-empty line of s.
func lastLineOf(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return lines[len(lines)-1]
}

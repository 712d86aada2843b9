package beyond

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"loopscope/internal/e2e/browser"
	"loopscope/scenes"
	"loopscope/scenes/engine"
	"loopscope/scenes/playback"
	"loopscope/scenes/trace"
)

// native plays a scene's source in a playback.Player of the test's own:
// where the page's steps must land.
func native(t *testing.T, src string) (*playback.Player, []trace.Event) {
	t.Helper()
	r := engine.Run([]byte(src), engine.Options{Filename: "scene.py", Trace: true})
	if r.Trace == nil {
		t.Fatalf("no trace: %s", r.Stderr)
	}
	return playback.New(r.Trace, src), r.Trace.Events
}

// Stepping and breakpoints, through the page's controls and its API:
// stepBy lands where the player's StepBy does, for every unit, forward
// and back; the unit picked beside the step buttons (with the mouse or U)
// moves the buttons and the arrow keys; a task's tag picks the task steps
// by line follow; a breakpoint set by clicking a line number stops play
// there, and the footer says so in both languages; so do the kinds of
// events ticked in the Breakpoints box; a breakpoint moves with a line
// typed above it and lasts across Run.
func TestStepping(t *testing.T) {
	browser.OnServed(t, func(t *testing.T, tg browser.Target) {
		const id = "13_errors_in_tasks"
		sc, ok := scenes.Get(id)
		if !ok {
			t.Fatalf("no scene %s", id)
		}
		want, evs := native(t, sc.Source)
		p := open(t, tg)
		p.Eval(`loopscope.load(`+browser.JSString(id)+`).then(() => loopscope.pause())`, nil)
		if s := p.HasEvents(); s.Events != want.Len() {
			t.Fatalf("the page plays %d events, the engine made %d", s.Events, want.Len())
		}
		at := func() int { return p.State().Event }
		start := time.Now()
		took := func(what string) { t.Logf("%s: %v", what, time.Since(start).Round(time.Millisecond)) }

		// The API: every unit, a few steps forward and back.
		units := []string{"event", "iteration", "print", "line", "break"}
		want.SetBreaks([]int32{15}, playback.BreakDone)
		p.Eval(`loopscope.setBreakpoint(15); loopscope.breakOn("task")`, nil)
		for u, name := range units {
			want.Seek(0)
			p.Eval(`loopscope.seek(0)`, nil)
			for _, n := range []int{1, 1, 1, -1, 2, -2} {
				want.StepBy(playback.Unit(u), n, 0)
				var got [2]int
				p.Eval(fmt.Sprintf(`[loopscope.stepBy(%q, %d), loopscope.state().event]`, name, n), &got)
				if got[0] != want.Index() || got[1] != got[0] {
					t.Fatalf("stepBy(%q, %d): event %d (state %d), the player's StepBy: %d", name, n, got[0], got[1], want.Index())
				}
			}
		}
		took("the API's units")
		var bad string
		p.Eval(`(() => { try { loopscope.stepBy("lines"); return ""; } catch (e) { return String(e.message); } })()`, &bad)
		if !strings.Contains(bad, "unknown step unit") {
			t.Errorf(`stepBy("lines") did not throw: %q`, bad)
		}
		p.Eval(`loopscope.clearBreakpoint(15); loopscope.breakOn("task", false)`, nil)
		want.SetBreaks(nil, 0)

		// The unit's control: picked with the mouse, then with U; the step
		// buttons and the arrows follow it, Shift+→ moves one event.
		p.Eval(`loopscope.seek(0)`, nil)
		p.Do(chromedp.SetValue(chromedp.CSS("#step-unit"), "print"))
		p.Eval(`document.getElementById("step-unit").dispatchEvent(new Event("change"))`, nil)
		p.Click("Step forward")
		want.Seek(0)
		want.StepBy(playback.UnitPrint, 1, 0)
		if got := at(); got != want.Index() || evs[got].Kind != trace.Print {
			t.Fatalf("Step forward by print: event %d, want %d", got, want.Index())
		}
		p.Eval(`document.getElementById("step-unit").blur(); document.getElementById("code").blur()`, nil)
		p.Key("u") // print -> line
		p.Key("u") // line -> break
		p.Key("u") // break -> event
		p.Key("u") // event -> iteration
		var unit string
		p.Eval(`loopscope.stepUnit() + "/" + document.getElementById("step-unit").value`, &unit)
		if unit != "iteration/iteration" {
			t.Fatalf("after four presses of U the unit is %s", unit)
		}
		from := at()
		p.Key(kb.ArrowRight)
		want.StepBy(playback.UnitIteration, 1, 0)
		if got := at(); got != want.Index() || got == from {
			t.Fatalf("→ by iteration from %d: event %d, want %d", from, got, want.Index())
		}
		p.Do(chromedp.KeyEvent(kb.ArrowRight, chromedp.KeyModifiers(chromedp.ModifierShift)))
		if got := at(); got != want.Index()+1 {
			t.Fatalf("Shift+→: event %d, want %d", got, want.Index()+1)
		}

		took("the unit's control")
		// A task's tag picks the task steps by line follow.
		p.Eval(`(() => { loopscope.seek(0); const s = loopscope.state();
			while (s.event < s.events - 1 && document.querySelectorAll("#tags .tag[data-task]").length < 2) s.event = loopscope.stepBy("event"); })()`, nil)
		var picked struct {
			Task int
			Name string
		}
		p.Eval(`(() => { const c = [...document.querySelectorAll("#tags .tag[data-task]")].pop(); c.click(); return {Task: Number(c.dataset.task), Name: c.textContent}; })()`, &picked)
		var chip string
		p.Eval(`loopscope.stepUnit() + "|" + document.getElementById("step-task").textContent`, &chip)
		if chip != "line|of "+picked.Name {
			t.Fatalf("after a click on %s's tag: %q", picked.Name, chip)
		}
		want.Seek(at())
		for range 3 {
			p.Click("Step forward")
			want.StepBy(playback.UnitLine, 1, int32(picked.Task))
			if got := at(); got != want.Index() {
				t.Fatalf("Step forward by %s's line: event %d, want %d", picked.Name, got, want.Index())
			}
		}

		took("a task's tag")
		// A breakpoint by a click on line 15's number: playing stops there.
		// The editor at its top, and the gutter with it (it follows at the
		// textarea's scroll event).
		// The page redraws after the last action (and then keeps the first
		// task's line in view): scroll once it has.
		p.Eval(`loopscope.pickTask(null); loopscope.setStepUnit("event");
			new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => {
				const code = document.getElementById("code"); code.scrollTop = 0; code.dispatchEvent(new Event("scroll")); done();
			})))`, nil)
		p.WaitFor(`document.getElementById("gutter").scrollTop === document.getElementById("code").scrollTop`, 5*time.Second)
		num := p.Rect("#gutter > div:nth-child(15)")
		var dbg string
		p.Eval(fmt.Sprintf(`(() => { const e = document.elementFromPoint(%g, %g); const c = document.getElementById("code"), g = document.getElementById("gutter");
			return (e ? e.tagName + "#" + e.id + "." + e.className + ":" + e.textContent.slice(0, 20) : "none") + ", code scrolled " + c.scrollTop + ", gutter " + g.scrollTop + ", focus on #" + document.activeElement.id; })()`, num.X+num.W/2, num.Y+num.H/2), &dbg)
		p.Do(chromedp.MouseClickXY(num.X+num.W/2, num.Y+num.H/2))
		var bps []int
		p.Eval(`loopscope.breakpoints()`, &bps)
		var dot bool
		p.Eval(`document.querySelector("#gutter > div:nth-child(15)").classList.contains("bp")`, &dot)
		if !slices.Equal(bps, []int{15}) || !dot {
			t.Fatalf("after a click on line 15's number at %+v (before it: %s): breakpoints %v, red dot %v", num, dbg, bps, dot)
		}
		p.WaitFor(`document.getElementById("break-status").textContent === `+browser.JSString(p.message("break.set", "en", map[string]string{"line": "15"})), 5*time.Second)
		want.SetBreaks([]int32{15}, 0)
		want.Seek(0)
		want.StepBy(playback.UnitBreak, 1, 0)
		hit := want.Index()
		if evs[hit].Line != 15 {
			t.Fatalf("the player's first breakpoint is at event %d, line %d", hit, evs[hit].Line)
		}
		var words map[string]struct{ En, Ko string }
		p.Eval("loopscope.messages()", &words)
		// stopsAt plays from a little before hit and checks that playing
		// stops there and that the footer says why, in the page's language.
		stopsAt := func(hit int, key, line string) {
			t.Helper()
			p.Eval(fmt.Sprintf(`loopscope.setSpeed(10); loopscope.seek(%d); loopscope.play()`, max(0, hit-3)), nil)
			p.WaitFor(`!loopscope.state().playing`, 20*time.Second)
			if got := at(); got != hit {
				t.Fatalf("play from %d stopped at %d, want the breakpoint at %d", hit-3, got, hit)
			}
			var h struct {
				Event      int
				Kind, Text string
				Lang       string
			}
			p.Eval(`Object.assign({Lang: loopscope.state().lang}, loopscope.breakHit())`, &h)
			w := words[key].En
			if h.Lang == "ko" {
				w = words[key].Ko
			}
			w = strings.ReplaceAll(w, "{line}", line)
			if h.Event != hit || "break.hit."+h.Kind != key || h.Text != w {
				t.Fatalf("breakHit() %+v, want event %d, %s: %q", h, hit, key, w)
			}
			p.WaitFor(`document.getElementById("break-status").textContent === `+browser.JSString(w), 5*time.Second)
		}
		stopsAt(hit, "break.hit.line", "15")
		p.Screenshot("stepping-hit-line-" + tg.Name)
		p.Eval(`loopscope.setLang("ko")`, nil)
		stopsAt(hit, "break.hit.line", "15")

		took("a line's breakpoint")
		// A kind of event, ticked in the Breakpoints box.
		p.Click("중단점") // the box's button, named in Korean
		p.WaitFor(`!document.getElementById("breaks-pop").hidden`, 5*time.Second)
		p.Do(chromedp.Click(chromedp.CSS(`#breaks-pop input[data-kind="task"]`)))
		var kinds []string
		p.Eval(`loopscope.breakKinds()`, &kinds)
		if !slices.Equal(kinds, []string{"task"}) {
			t.Fatalf("after ticking 'a task finishes': %v", kinds)
		}
		p.Screenshot("stepping-box-ko-" + tg.Name)
		p.Do(chromedp.Click(chromedp.ID("breaks-close")))
		p.Eval(`loopscope.clearBreakpoint(15)`, nil)
		done := slices.IndexFunc(evs, func(e trace.Event) bool { return e.Kind == trace.TaskDone })
		stopsAt(done, "break.hit.task", "")
		// ... and by the API: the next exception.
		p.Eval(`loopscope.breakOn("task", false); loopscope.breakOn("exception")`, nil)
		exc := slices.IndexFunc(evs, func(e trace.Event) bool { return e.Kind == trace.FutureException })
		stopsAt(exc, "break.hit.exception", "")
		p.Eval(`loopscope.breakOn("exception", false); loopscope.setLang("en")`, nil)

		took("kinds")
		// A line typed above a breakpoint moves it; Run keeps it.
		p.Eval(`loopscope.setBreakpoint(15)`, nil)
		p.Eval(`(() => { const c = document.getElementById("code"); c.focus(); c.setSelectionRange(0, 0); document.execCommand("insertText", false, "# a comment\n"); c.blur(); })()`, nil)
		p.Eval(`loopscope.breakpoints()`, &bps)
		if !slices.Equal(bps, []int{16}) {
			t.Fatalf("after a line typed above it the breakpoint is on %v, want [16]", bps)
		}
		p.Click("Run")
		p.RunEnded()
		p.Eval(`loopscope.pause(); loopscope.breakpoints()`, &bps)
		if !slices.Equal(bps, []int{16}) {
			t.Fatalf("after Run the breakpoints are %v, want [16]", bps)
		}
		edited, evs2 := native(t, "# a comment\n"+sc.Source)
		edited.SetBreaks([]int32{16}, 0)
		edited.StepBy(playback.UnitBreak, 1, 0)
		if evs2[edited.Index()].Line != 16 {
			t.Fatalf("the edited scene's breakpoint: event %d on line %d", edited.Index(), evs2[edited.Index()].Line)
		}
		stopsAt(edited.Index(), "break.hit.line", "16")
		p.Eval(`loopscope.clearBreakpoint(16)`, nil)
		took("an edit and Run")
		if errs := p.ConsoleErrors(); len(errs) > 0 {
			t.Errorf("console errors: %q", errs)
		}
	})
}

// The transport with the step unit and the Breakpoints box, on a desktop,
// a 1024 px laptop (the bar on top in one row) and a phone, in both
// languages: screenshots to look at, and the controls inside the window.
func TestSteppingLayout(t *testing.T) {
	browser.OnServed(t, func(t *testing.T, tg browser.Target) {
		p := open(t, tg)
		defer p.Do(chromedp.EmulateViewport(1440, 900))
		for _, size := range [][2]int64{{1440, 900}, {1024, 768}, {390, 844}} {
			p.Do(chromedp.EmulateViewport(size[0], size[1]))
			for _, lang := range []string{"en", "ko"} {
				p.Eval(`loopscope.setLang(`+browser.JSString(lang)+`); loopscope.setStepUnit("line"); loopscope.clearBreakpoint(3); document.getElementById("tab-code").click()`, nil)
				// A click on line 3's number: the footer says the breakpoint is set.
				num := p.Rect("#gutter > div:nth-child(3)")
				p.Do(chromedp.MouseClickXY(num.X+num.W/2, num.Y+num.H/2))
				p.WaitFor(`document.getElementById("break-status").textContent === `+browser.JSString(p.message("break.set", lang, map[string]string{"line": "3"})), 5*time.Second)
				for _, sel := range []string{"#step-unit", "#step-task", "#breaks", "#fwd", "#break-status"} {
					r := p.Rect(sel)
					if r.W <= 0 || r.X < 0 || r.Right() > float64(size[0])+0.5 {
						t.Errorf("%dx%d %s: %s is at %+v, outside the window", size[0], size[1], lang, sel, r)
					}
				}
				var rows struct {
					Rows  int
					Items string
				}
				p.Eval(`(() => { const kids = [...document.querySelector(".bar").children].filter((k) => k.offsetParent);
					const tops = kids.map((k) => k.getBoundingClientRect().top).sort((a, b) => a - b);
					return {Rows: tops.filter((y, i) => i === 0 || y - tops[i - 1] > 16).length,
						Items: kids.map((k) => (k.id || k.className) + ":" + Math.round(k.getBoundingClientRect().width)).join(" ")}; })()`, &rows)
				t.Logf("%dx%d %s: the bar has %d rows: %s", size[0], size[1], lang, rows.Rows, rows.Items)
				if size[0] >= 1024 && rows.Rows != 1 {
					t.Errorf("%dx%d %s: the bar takes %d rows, not one", size[0], size[1], lang, rows.Rows)
				}
				p.Screenshot(fmt.Sprintf("stepping-transport-%dx%d-%s-%s", size[0], size[1], lang, tg.Name))
			}
		}
		p.Eval(`loopscope.clearBreakpoint(3); loopscope.setStepUnit("event"); loopscope.setLang("en")`, nil)
		_ = strings.TrimSpace
	})
}

package beyond

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"loopscope/internal/e2e/browser"
)

// viewSwitch is what the page shows of its views: the state's view and
// views, and the switch above the stage.
type viewSwitch struct {
	View    string
	Views   []string
	Shown   bool     // the switch is visible
	Buttons []string // its buttons' words
	Pressed []string // the views of its pressed buttons
	Titles  []string
}

func (p *page) viewSwitch() viewSwitch {
	p.T.Helper()
	var v viewSwitch
	p.Eval(`(() => { const box = document.getElementById("views"), bs = [...box.querySelectorAll("button")];
		const s = loopscope.state();
		return {View: s.view, Views: s.views, Shown: !box.hidden && box.getClientRects().length > 0,
			Buttons: bs.map((b) => b.textContent), Pressed: bs.filter((b) => b.getAttribute("aria-pressed") === "true").map((b) => b.dataset.view),
			Titles: bs.map((b) => b.title)}; })()`, &v)
	return v
}

// drawn waits for a few frames after a change and screenshots the page,
// checking the stage shows a picture.
func (p *page) drawn(name string) {
	p.T.Helper()
	f0 := p.State().Frames
	p.WaitFor(fmt.Sprintf("loopscope.state().frames > %d", f0+3), 20*time.Second)
	img := p.Screenshot(name)
	var w float64
	p.Eval(`innerWidth`, &w)
	if n := browser.Colours(img, p.Rect("#stage"), float64(img.Bounds().Dx())/w); n < 12 {
		p.T.Errorf("%s: the stage shows %d colours: nothing drawn", name, n)
	}
}

// The view switch and the await view: a scene with tasks offers the loop
// and the await graph above the stage; the switch's buttons, V and
// loopscope.setView change the view (a name the page has no view for
// changes nothing); the choice outlives a run of code that has no task,
// which offers the loop view alone and hides the switch; a share link
// carries the view. The await graph is screenshotted at several moments of
// 10_fan_out_fan_in and 15_taskgroup on a laptop and a phone, in English
// and in Korean.
func TestAwaitView(t *testing.T) {
	browser.OnServed(t, func(t *testing.T, tg browser.Target) {
		p := openScene(t, tg, "10_fan_out_fan_in")
		v := p.viewSwitch()
		if !slices.Equal(v.Views, []string{"loop", "awaits"}) || v.View != "loop" || !v.Shown || !slices.Equal(v.Buttons, []string{"Loop", "Awaits"}) || !slices.Equal(v.Pressed, []string{"loop"}) {
			t.Fatalf("10_fan_out_fan_in: %+v", v)
		}

		// The control.
		p.Do(chromedp.Click(chromedp.CSS(`#views button[data-view="awaits"]`)))
		if v := p.viewSwitch(); v.View != "awaits" || !slices.Equal(v.Pressed, []string{"awaits"}) {
			t.Fatalf("after a click on Awaits: %+v", v)
		}
		// The key cycles, the API sets, an unknown name is ignored.
		p.Eval(`document.activeElement && document.activeElement.blur()`, nil)
		p.Key("v")
		if v := p.viewSwitch(); v.View != "loop" || !slices.Equal(v.Pressed, []string{"loop"}) {
			t.Fatalf("after V: %+v", v)
		}
		p.Eval(`loopscope.setView("awaits"); loopscope.setView("no such view")`, nil)
		if v := p.viewSwitch(); v.View != "awaits" {
			t.Fatalf("after setView: %+v", v)
		}
		var link string
		p.Eval(`loopscope.share()`, &link)
		if !strings.Contains(link, "v=awaits") {
			t.Errorf("share link %q: no v=awaits", link)
		}

		// The await graph at moments of the run: fanned out (gather's six
		// downloads, four waiting on the semaphore), half of them done.
		var tr []transcriptLine
		p.Eval(`loopscope.transcript()`, &tr)
		at := func(secs float64) int {
			for _, l := range tr {
				if l.Time >= secs {
					return l.Event
				}
			}
			return len(tr) - 1
		}
		// At moments of 10_fan_out_fan_in (gather's six downloads, four
		// waiting on the semaphore; half of them done) and 15_taskgroup, on a
		// laptop and a phone (its pixel ratio kept at 1: a new ratio starts
		// the stage again, which costs seconds here), in both languages.
		for k, m := range []struct {
			scene string
			secs  float64
			size  string
			lang  string
		}{
			{"10_fan_out_fan_in", 0.3, "laptop", "en"}, {"10_fan_out_fan_in", 0.3, "phone", "ko"},
			{"10_fan_out_fan_in", 1.5, "phone", "en"}, {"10_fan_out_fan_in", 1.5, "laptop", "ko"},
			{"15_taskgroup", 0.5, "laptop", "en"}, {"15_taskgroup", 0.5, "phone", "ko"},
		} {
			if m.scene != p.State().Scene {
				p.Eval(fmt.Sprintf(`loopscope.load(%q)`, m.scene), nil)
				p.Eval(`loopscope.pause()`, nil)
				p.Eval(`loopscope.transcript()`, &tr)
			}
			if m.size == "phone" {
				p.Do(chromedp.EmulateViewport(390, 844))
			} else {
				p.Do(chromedp.EmulateViewport(1440, 900))
			}
			p.Eval(fmt.Sprintf(`loopscope.seek(%d); loopscope.setLang(%q)`, at(m.secs), m.lang), nil)
			if v := p.viewSwitch(); v.View != "awaits" || !v.Shown || (m.lang == "ko") != browser.HasHangul(strings.Join(v.Buttons, "")+strings.Join(v.Titles, "")) {
				t.Errorf("%s at %gs, %s %s: %+v", m.scene, m.secs, m.size, m.lang, v)
			}
			p.drawn(fmt.Sprintf("awaits-%d-%s-%gs-%s-%s", k, m.scene, m.secs, m.size, m.lang))
		}
		p.Do(chromedp.EmulateViewport(1440, 900))
		p.Eval(`loopscope.setLang("en")`, nil)

		// Code with no task: the loop view alone, the switch hidden; the
		// learner's choice comes back with the next scene that has tasks.
		p.Eval(`loopscope.run("import time\nprint('no task here')\n")`, nil)
		if v := p.viewSwitch(); v.View != "loop" || !slices.Equal(v.Views, []string{"loop"}) || v.Shown {
			t.Errorf("code with no task: %+v", v)
		}
		p.Eval(`loopscope.load("03_tasks")`, nil)
		if v := p.viewSwitch(); v.View != "awaits" || !v.Shown {
			t.Errorf("03_tasks after code with no task: %+v", v)
		}

		// A share link's view: restored, or said to be unknown.
		p.Eval(`loopscope.setView("loop"); location.hash = "#s=15_taskgroup&v=awaits"`, nil)
		p.WaitFor(`loopscope.state().scene === "15_taskgroup" && !loopscope.state().running && loopscope.state().view === "awaits"`, 30*time.Second)
		p.Eval(`location.hash = "#s=03_tasks&v=nope"`, nil)
		p.WaitFor(`loopscope.state().scene === "03_tasks" && !loopscope.state().running && !document.getElementById("share-pop").hidden`, 30*time.Second)
		if said := p.shareView().Said; !strings.Contains(said, p.message("share.bad.view", "en", map[string]string{"value": "nope"})) {
			t.Errorf("a link with v=nope: the share box says %q", said)
		}
		p.Eval(`document.getElementById("share-close").click(); history.replaceState(null, "", location.pathname)`, nil)
		if errs := p.ConsoleErrors(); len(errs) > 0 {
			t.Errorf("console errors: %q", errs)
		}
	})
}

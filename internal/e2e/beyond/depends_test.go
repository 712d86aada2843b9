package beyond

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"loopscope/internal/e2e/browser"
)

// viewState is what loopscope.state() says of the stage's views.
type viewState struct {
	View   string
	Views  []string
	Frames int
	Event  int
	Events int
}

// The Depends view: scene 19 offers it beside the loop view, and its
// button in the view switch shows it; at several moments of the scene
// (ann's def dependency in a worker thread, get_db reused from the cache,
// the first teardown, the end) the stage draws it, each moment in English
// and in Korean, one on a laptop and the other on a phone. A scene with no FastAPI request has no
// Depends view, and asking for it keeps the loop view.
func TestDependsView(t *testing.T) {
	browser.OnServed(t, func(t *testing.T, tg browser.Target) {
		p := open(t, tg)
		p.Eval(`loopscope.load("01_event_loop")`, nil)
		var v viewState
		p.Eval(`loopscope.setView("depends"); loopscope.state()`, &v)
		if v.View != "loop" || strings.Contains(strings.Join(v.Views, " "), "depends") {
			t.Errorf("01_event_loop: view %q of %v", v.View, v.Views)
		}
		p.Eval(`loopscope.load("19_fastapi_depends")`, nil)
		p.Eval(`loopscope.pause(); loopscope.state()`, &v)
		if !strings.Contains(strings.Join(v.Views, " "), "depends") {
			t.Fatalf("19_fastapi_depends: views %v", v.Views)
		}
		p.Do(chromedp.Click(chromedp.CSS(`#views button[data-view="depends"]`)))
		p.WaitFor(`loopscope.state().view === "depends"`, 10*time.Second)

		// The moments, found by their English captions.
		var tr []transcriptLine
		p.Eval(`loopscope.transcript()`, &tr)
		moments := map[string]int{"end": len(tr) - 1}
		for _, l := range tr {
			for name, words := range map[string]string{"thread": "worker thread", "cached": "already called", "teardown": "torn down"} {
				if _, ok := moments[name]; !ok && strings.Contains(l.Text, words) {
					moments[name] = l.Event
				}
			}
		}
		if len(moments) != 4 {
			t.Fatalf("moments found: %v", moments)
		}
		for _, size := range []string{"laptop", "phone"} {
			if size == "phone" {
				// A phone's width at a pixel ratio of 1: a new ratio would
				// start the stage again (TestSceneLayoutsClean lays the view
				// out at the phone's ratio of 2).
				p.Do(chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile))
				p.WaitFor(`document.getElementById("stage").getBoundingClientRect().width < 400`, 10*time.Second)
			}
			stage := p.Rect("#stage")
			// Each moment in both languages, one on each size.
			for k, lang := range []string{"en", "ko"} {
				if size == "phone" {
					lang = []string{"ko", "en"}[k]
				}
				p.Eval(fmt.Sprintf(`loopscope.setLang(%q)`, lang), nil)
				for _, name := range []string{"thread", "cached", "teardown", "end"}[2*k : 2*k+2] {
					p.Eval(fmt.Sprintf(`loopscope.seek(%d); loopscope.state()`, moments[name]), &v)
					if v.View != "depends" || v.Event != moments[name] {
						t.Fatalf("%s %s %s: view %q at event %d", size, lang, name, v.View, v.Event)
					}
					p.WaitFor(fmt.Sprintf("loopscope.state().frames > %d", v.Frames+1), 10*time.Second)
					img := p.Screenshot(fmt.Sprintf("depends-%s-%s-%s-%s", size, lang, name, tg.Name))
					scale := float64(img.Bounds().Dx()) / map[string]float64{"laptop": 1440, "phone": 390}[size]
					if n := browser.Colours(img, stage, scale); n < 40 {
						t.Errorf("%s %s %s: the stage has %d colours", size, lang, name, n)
					}
				}
			}
		}
		p.Eval(`loopscope.setView("loop")`, nil)
	})
}

package beyond

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"loopscope/internal/e2e/browser"
)

// The I/O view: 18_streams offers it (that a scene without sockets does
// not is playback's TestIOModelStreams); the switch's I/O button shows it, in the page's language; it is drawn at
// moments of the run (the connections accepted, bob's first word sent,
// the select that finds it, the first client gone) on a laptop and a
// phone, in English and in Korean, each moment's caption the transcript's;
// and a writer paused in drain() by a slow reader.
func TestIOView(t *testing.T) {
	browser.OnServed(t, func(t *testing.T, tg browser.Target) {
		p := openScene(t, tg, "18_streams")
		var views []string
		p.Eval(`loopscope.state().views`, &views)
		if !slices.Contains(views, "io") {
			t.Fatalf("18_streams offers %q, no io", views)
		}
		p.Do(chromedp.Click(chromedp.CSS(`#views button[data-view="io"]`)))
		var view string
		p.Eval(`loopscope.state().view`, &view)
		if view != "io" {
			t.Fatalf("after a click on the I/O button the view is %q", view)
		}

		var tr []transcriptLine
		p.Eval(`loopscope.transcript()`, &tr)
		at := func(secs float64, prefix string) int {
			for _, l := range tr {
				if l.Time >= secs && strings.HasPrefix(l.Text, prefix) {
					return l.Event
				}
			}
			t.Fatalf("no caption %q at %g s", prefix, secs)
			return 0
		}
		for k, m := range []struct {
			event       int
			size, lang  string
			what, label string
		}{
			{at(0, "The server accepts"), "laptop", "en", "accept", "I/O"},
			{at(0.4, "A socket sends 5 bytes"), "laptop", "ko", "send", "입출력"},
			{at(0.4, "The selector reports a socket ready to read"), "phone", "en", "ready", "I/O"},
			{at(1.6, "A socket is closed"), "phone", "ko", "close", "입출력"},
		} {
			w, h := 1440, 900
			if m.size == "phone" {
				w, h = 390, 844
			}
			p.Do(chromedp.EmulateViewport(int64(w), int64(h)))
			p.Eval(fmt.Sprintf(`loopscope.seek(%d); loopscope.setLang(%q)`, m.event, m.lang), nil)
			var got struct {
				View, Caption, Button string
				Event                 int
			}
			p.Eval(`(() => { const s = loopscope.state(); return {View: s.view, Caption: s.caption, Event: s.event,
				Button: document.querySelector('#views button[data-view="io"]').textContent}; })()`, &got)
			var want []transcriptLine
			p.Eval(fmt.Sprintf(`loopscope.transcript(%d, %d)`, m.event, m.event+1), &want)
			if got.View != "io" || got.Event != m.event || got.Button != m.label || len(want) != 1 || got.Caption != want[0].Text || browser.HasHangul(got.Caption) != (m.lang == "ko") {
				t.Errorf("%s, %s %s: %+v, transcript %+v", m.what, m.size, m.lang, got, want)
			}
			f0 := p.State().Frames
			p.WaitFor(fmt.Sprintf("loopscope.state().frames > %d", f0+3), 20*time.Second)
			img := p.Screenshot(fmt.Sprintf("io-%d-%s-%s-%s", k, m.what, m.size, m.lang))
			if n := browser.Colours(img, p.Rect("#stage"), float64(img.Bounds().Dx())/float64(w)); n < 12 {
				t.Errorf("%s, %s %s: the stage shows %d colours: nothing drawn", m.what, m.size, m.lang, n)
			}
		}

		// Back-pressure: a fast writer and a slow reader, paused in drain.
		src, err := os.ReadFile("../../../scenes/asyncio/testdata/streams/backpressure.py")
		if err != nil {
			t.Fatal(err)
		}
		p.Do(chromedp.EmulateViewport(1440, 900))
		p.Eval(`loopscope.setLang("en"); loopscope.run(`+browser.JSString(string(src))+`).then(() => loopscope.pause())`, nil)
		p.RunEnded()
		p.Eval(`loopscope.transcript()`, &tr)
		paused := at(0, "The write buffer holds more than 64 KiB")
		p.Eval(fmt.Sprintf(`loopscope.setView("io"); loopscope.seek(%d)`, paused), nil)
		if v := p.State(); v.Event != paused || !strings.HasPrefix(v.Caption, "The write buffer holds more than 64 KiB") {
			t.Errorf("back-pressure: %+v", v)
		}
		f0 := p.State().Frames
		p.WaitFor(fmt.Sprintf("loopscope.state().frames > %d", f0+3), 20*time.Second)
		p.Screenshot("io-4-backpressure-laptop-en")
		if errs := p.ConsoleErrors(); len(errs) > 0 {
			t.Errorf("console errors: %q", errs)
		}
	})
}

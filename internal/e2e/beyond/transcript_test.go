package beyond

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"loopscope/internal/e2e/browser"
)

// transcriptLine is one entry of loopscope.transcript().
type transcriptLine struct {
	Event int
	Time  float64
	Text  string
}

// The transcript: loopscope.transcript() has one caption per event with
// non-decreasing times, in the page's language; the live region says the
// current step's caption after a step forward; the Transcript dialog shows
// the same lines; a focused button keeps its own Space.
func TestTranscript(t *testing.T) {
	browser.OnServed(t, func(t *testing.T, tg browser.Target) {
		p := openScene(t, tg, "03_tasks")
		s := p.State()
		if s.Events < 10 {
			t.Fatalf("03_tasks: %+v", s)
		}
		get := func() []transcriptLine {
			var tr []transcriptLine
			p.Eval(`loopscope.transcript()`, &tr)
			return tr
		}
		for _, lang := range []string{"en", "ko"} {
			p.Eval(fmt.Sprintf(`loopscope.setLang(%q)`, lang), nil)
			tr := get()
			if len(tr) != s.Events {
				t.Fatalf("%s: %d lines for %d events", lang, len(tr), s.Events)
			}
			for i, l := range tr {
				if l.Event != i || l.Text == "" || (i > 0 && l.Time < tr[i-1].Time) {
					t.Fatalf("%s line %d: %+v after %+v", lang, i, l, tr[max(0, i-1)])
				}
				if browser.HasHangul(l.Text) != (lang == "ko") {
					t.Fatalf("%s line %d: %q", lang, i, l.Text)
				}
			}
			if part := func() []transcriptLine {
				var tr []transcriptLine
				p.Eval(`loopscope.transcript(3, 6)`, &tr)
				return tr
			}(); len(part) != 3 || part[0] != tr[3] || part[2] != tr[5] {
				t.Fatalf("%s: transcript(3, 6) = %+v", lang, part)
			}

			// A step forward: the live region says the new step's caption.
			p.Eval(`loopscope.seek(4)`, nil)
			p.Click("Step forward")
			p.WaitFor("loopscope.state().event === 5", 10*time.Second)
			want := tr[5].Text
			p.WaitFor(fmt.Sprintf(`document.getElementById("caption-live").textContent.endsWith(%q)`, want), 10*time.Second)
			var live string
			p.Eval(`document.getElementById("caption-live").textContent`, &live)
			if !strings.Contains(live, fmt.Sprintf("%.3f", tr[5].Time)) {
				t.Errorf("%s: the live region says %q, not the time %.3f", lang, live, tr[5].Time)
			}

			// The dialog, opened by its button, shows the same lines.
			p.Click("Transcript")
			p.WaitFor(`document.getElementById("transcript").open`, 10*time.Second)
			var text string
			p.Eval(`document.getElementById("transcript-text").value`, &text)
			lines := strings.Split(text, "\n")
			if len(lines) != len(tr) {
				t.Fatalf("%s: the dialog shows %d lines for %d events", lang, len(lines), len(tr))
			}
			for i, l := range lines {
				if !strings.HasSuffix(l, tr[i].Text) || !strings.Contains(l, fmt.Sprintf("%.3f", tr[i].Time)) {
					t.Fatalf("%s: dialog line %d %q, transcript %+v", lang, i, l, tr[i])
				}
			}
			p.Screenshot("transcript-" + lang + "-" + tg.Name)
			p.Key("\x1b") // Escape closes the dialog
			p.WaitFor(`!document.getElementById("transcript").open`, 10*time.Second)
		}

		// Space on a focused button presses that button (here the
		// language) and does not also play.
		p.Eval(`loopscope.setLang("en"); loopscope.pause(); document.getElementById("lang").focus()`, nil)
		p.Key(" ")
		p.WaitFor(`loopscope.state().lang === "ko"`, 10*time.Second)
		if p.State().Playing {
			t.Errorf("Space on the language button also started playing")
		}
		// T opens the transcript from the keyboard, with focus in the stage.
		frame := p.Rect("#stage")
		p.Do(chromedp.MouseClickXY(frame.X+frame.W/2, frame.Y+frame.H/2))
		p.Key("t")
		p.WaitFor(`document.getElementById("transcript").open && document.activeElement.id === "transcript-text"`, 10*time.Second)
		p.Key("\x1b")
		p.WaitFor(`!document.getElementById("transcript").open`, 10*time.Second)
		p.Eval(`loopscope.setLang("en")`, nil)
	})
}

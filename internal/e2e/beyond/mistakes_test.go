package beyond

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"loopscope/internal/e2e/browser"
)

// pageMistake is one entry of loopscope.mistakes().
type pageMistake struct {
	Kind    string
	Line    int
	Col     int
	Message string
	Event   int
	Notes   string
}

// The mistake detectors on the page: loopscope.mistakes() names 16_blocking's
// time.sleep at its line and column in the page's language; the editor
// marks it (its columns underlined, its line number amber, its message on
// the number's hover) and lists it under the code with a button that opens
// the notes section explaining it; editing the code takes the marks away,
// and edited code, once run, gets its own (the module finds them).
func TestMistakes(t *testing.T) {
	browser.OnServed(t, func(t *testing.T, tg browser.Target) {
		p := openScene(t, tg, "16_blocking")
		for _, lang := range []string{"en", "ko"} {
			p.Eval(fmt.Sprintf(`loopscope.setLang(%q)`, lang), nil)
			var ms []pageMistake
			p.Eval(`loopscope.mistakes()`, &ms)
			if len(ms) != 1 || ms[0].Kind != "blocking" || ms[0].Line != 30 || ms[0].Col != 5 || ms[0].Notes != "16_blocking#blocking" {
				t.Fatalf("%s: mistakes %+v, want the blocking call at 30:5", lang, ms)
			}
			if !strings.Contains(ms[0].Message, "time.sleep(1.5)") || browser.HasHangul(ms[0].Message) != (lang == "ko") {
				t.Errorf("%s: message %q", lang, ms[0].Message)
			}
			var ed struct {
				Under, Gutter, Title, Item, Read string
			}
			p.Eval(`(() => {
				const g = document.getElementById("gutter").children[29];
				const u = {textContent: [...document.querySelectorAll("#paint .warn-col")].map((e) => e.textContent).join("")};
				const item = document.querySelector("#mistakes .mistake");
				return {Under: u ? u.textContent : "", Gutter: g.className, Title: g.title,
					Item: item ? item.querySelector(".mistake-text").textContent : "", Read: item ? item.querySelector(".read").textContent : ""};
			})()`, &ed)
			if ed.Under != "time.sleep(1.5)" || ed.Gutter != "warn" || ed.Title != ms[0].Message || ed.Item != ms[0].Message {
				t.Errorf("%s: the editor marks %+v", lang, ed)
			}
			want := map[string]string{"en": "the mistake", "ko": "실수"}[lang]
			if !strings.Contains(ed.Read, want) {
				t.Errorf("%s: the notes button says %q, want the section's title (%q)", lang, ed.Read, want)
			}
			// The button opens the section, in the page's language.
			p.Do(chromedp.Click(chromedp.CSS(`#mistakes .read`)))
			p.WaitFor(`document.querySelector("#mistakes .mistake-notes h2#blocking") !== null`, 10*time.Second)
			var notes string
			p.Eval(`document.querySelector("#mistakes .mistake-notes").textContent`, &notes)
			if !strings.Contains(notes, "time.sleep(1.5)") || browser.HasHangul(notes) != (lang == "ko") {
				t.Errorf("%s: the open notes say %q", lang, notes)
			}
			p.Do(chromedp.Click(chromedp.CSS(`#mistakes .read`)))
			p.WaitFor(`document.querySelector("#mistakes .mistake-notes") === null`, 10*time.Second)
		}
		// The stage names it from its event: look at the screenshot.
		p.Eval(`loopscope.seek(loopscope.mistakes()[0].event + 1)`, nil)
		p.WaitFor(`loopscope.state().event === loopscope.mistakes()[0].event + 1`, 10*time.Second)
		var frames int
		p.Eval(`loopscope.state().frames`, &frames)
		p.WaitFor(fmt.Sprintf(`loopscope.state().frames > %d`, frames+2), 10*time.Second)
		p.Screenshot("mistakes-16-ko")
		p.Eval(`loopscope.setLang("en")`, nil)

		// Editing the code takes the marks away: they belong to what ran.
		p.Eval(`(() => { const c = document.getElementById("code"); c.value += "\n"; c.dispatchEvent(new Event("input")); })()`, nil)
		p.WaitFor(`document.querySelectorAll("#gutter .warn").length === 0 && document.getElementById("mistakes").hidden`, 10*time.Second)
		// Edited code gets its mistakes too: the module finds them in its
		// run, at their line, worded in the page's language.
		p.Eval(`loopscope.run("import asyncio\nimport time\n\n\nasync def main():\n    time.sleep(1)\n    await asyncio.sleep(0)\n\n\nasyncio.run(main())\n")`, nil)
		for _, lang := range []string{"en", "ko"} {
			p.Eval(fmt.Sprintf(`loopscope.setLang(%q)`, lang), nil)
			var ms []pageMistake
			p.Eval(`loopscope.mistakes()`, &ms)
			if len(ms) != 1 || ms[0].Kind != "blocking" || ms[0].Line != 6 || ms[0].Col != 5 || ms[0].Notes != "16_blocking#blocking" {
				t.Fatalf("edited, %s: mistakes %+v, want the blocking call at 6:5", lang, ms)
			}
			if !strings.Contains(ms[0].Message, "time.sleep(1)") || browser.HasHangul(ms[0].Message) != (lang == "ko") {
				t.Errorf("edited, %s: message %q", lang, ms[0].Message)
			}
			var marks struct{ Gutter, Item string }
			p.Eval(`({Gutter: document.getElementById("gutter").children[5].className,
				Item: (document.querySelector("#mistakes .mistake-text") || {}).textContent || ""})`, &marks)
			if marks.Gutter != "warn" || marks.Item != ms[0].Message {
				t.Errorf("edited, %s: the editor marks %+v", lang, marks)
			}
		}
		p.Eval(`loopscope.setLang("en")`, nil)
		// The scene again: its mistakes come back.
		p.Eval(`loopscope.load("16_blocking")`, nil)
		p.WaitFor(`loopscope.mistakes().length === 1 && document.querySelectorAll("#gutter .warn").length === 1`, 10*time.Second)
	})
}

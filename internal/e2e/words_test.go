package e2e

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"loopscope/internal/e2e/browser"
)

// message is one entry of the page's table of words (loopscope.messages()).
type message struct{ EN, KO string }

// chromeText gathers what the page's own chrome shows a reader: every
// visible text node and every title, outside what is not the page's words
// (the code, the console's output, the notes, the scene picker's options,
// which come from the scenes; the stage's captions in the transcript's live
// region and dialog, which name the scene's tasks and functions: the
// transcript's own test checks their language).
const chromeText = `(() => {
	const skip = "#code, #paint, #gutter, #marks, .tag, #console, #notes, #scene, #caption-live, #transcript-text, .sprites, script, style";
	const visible = (e) => { const r = e.getBoundingClientRect(), cs = getComputedStyle(e);
		return r.width > 0 && r.height > 0 && cs.visibility !== "hidden" && cs.display !== "none"; };
	const out = [];
	const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	for (let n = walk.nextNode(); n; n = walk.nextNode()) {
		const e = n.parentElement, s = n.textContent.trim();
		if (!s || e.closest(skip) || !visible(e)) continue;
		out.push({kind: "text", where: e.id || e.className || e.tagName, text: s});
	}
	for (const e of document.querySelectorAll("[title]")) {
		if (e.closest(skip)) continue;
		out.push({kind: "title", where: e.id || e.className || e.tagName, text: e.title});
	}
	for (const e of document.querySelectorAll("[placeholder]")) {
		if (e.closest(skip)) continue;
		out.push({kind: "placeholder", where: e.id || e.className || e.tagName, text: e.placeholder});
	}
	return out;
})()`

// chromeItem is one entry of chromeText.
type chromeItem struct{ Kind, Where, Text string }

// notWords are the Latin words a Korean page may show: the brand, the file
// name, the language switch's codes, key names on keys and in tooltips,
// units. Everything else in Latin letters under KO is an untranslated word.
var notWords = regexp.MustCompile(`loopscope|scene\.py|Ctrl\+Enter|\b(EN|KO|Home|End|Space|Esc|Tab|MB|MiB|asyncio)\b`)

// koreanOnly reports whether a message may be empty in English: a sentence
// said before the engine's (CPython's) own English words, "err.*" before a
// refused or stopped run's message, "end.*" before a traceback.
func koreanOnly(key string) bool {
	return strings.HasPrefix(key, "err.") || strings.HasPrefix(key, "end.")
}

var latinWord = regexp.MustCompile(`[A-Za-z]{2,}`)

// TestPageWords checks that every word of the page's chrome comes from its
// table of words, in English and in Korean, and follows the switch: texts,
// tooltips, the document's title and lang, the scene picker, the timeline's
// position and a refused run's message.
func TestPageWords(t *testing.T) {
	browser.OnServed(t, func(t *testing.T, tg browser.Target) {
		p := open(t, tg)
		p.HasEvents()
		var table map[string]message
		p.Eval(`loopscope.messages()`, &table)
		if len(table) < 30 {
			t.Fatalf("the table of words has %d messages", len(table))
		}
		holes := regexp.MustCompile(`\{\w+\}`)
		for key, m := range table {
			if m.KO == "" || (m.EN == "" && !koreanOnly(key)) {
				t.Errorf("message %s: en %q, ko %q: a language is missing", key, m.EN, m.KO)
			}
			if !browser.HasHangul(m.KO) {
				t.Errorf("message %s: ko %q has no Korean", key, m.KO)
			}
			if browser.HasHangul(m.EN) && key != "lang.title" {
				t.Errorf("message %s: en %q has Korean", key, m.EN)
			}
			if m.EN != "" {
				en, ko := holes.FindAllString(m.EN, -1), holes.FindAllString(m.KO, -1)
				slices.Sort(en)
				slices.Sort(ko)
				if !slices.Equal(en, ko) {
					t.Errorf("message %s: en fills %v, ko fills %v", key, en, ko)
				}
			}
		}

		for _, lang := range []string{"en", "ko"} {
			p.Eval(fmt.Sprintf("loopscope.setLang(%q)", lang), nil)
			var doc struct {
				Lang, Title string
				Marked      []struct{ Attr, Key, Value string }
				Options     []string
				Position    string
			}
			p.Eval(`(() => {
				const marked = [];
				for (const [attr, data] of [["text", "t"], ["title", "tTitle"], ["aria-label", "tAria"], ["placeholder", "tPlaceholder"]]) {
					for (const e of document.querySelectorAll("[data-" + data.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase()) + "]")) {
						marked.push({attr, key: e.dataset[data], value: attr === "text" ? e.textContent : e.getAttribute(attr)});
					}
				}
				return {lang: document.documentElement.lang, title: document.title, marked,
					options: [...document.querySelectorAll("#scene option")].map((o) => o.textContent),
					position: document.getElementById("position").textContent};
			})()`, &doc)
			pick := func(m message) string {
				if lang == "ko" {
					return m.KO
				}
				return m.EN
			}
			if doc.Lang != lang {
				t.Errorf("%s: <html lang=%q>", lang, doc.Lang)
			}
			if doc.Title != pick(table["doc.title"]) {
				t.Errorf("%s: the document's title is %q, want %q", lang, doc.Title, pick(table["doc.title"]))
			}
			if len(doc.Marked) < 20 {
				t.Errorf("%s: only %d marked texts", lang, len(doc.Marked))
			}
			for _, m := range doc.Marked {
				want, ok := table[m.Key]
				if !ok {
					t.Errorf("%s: %s names message %q, which the table lacks", lang, m.Attr, m.Key)
				} else if m.Value != pick(want) && !(m.Key == "loading" && m.Attr == "text") {
					t.Errorf("%s: %s of message %s is %q, want %q", lang, m.Attr, m.Key, m.Value, pick(want))
				}
			}
			if len(doc.Options) != len(browser.PageData.Scenes) {
				t.Fatalf("%s: %d scenes in the picker, want %d", lang, len(doc.Options), len(browser.PageData.Scenes))
			}
			for i, sc := range browser.PageData.Scenes {
				if want := sc.ID[:2] + " · " + sc.Titles[lang]; doc.Options[i] != want {
					t.Errorf("%s: picker option %d is %q, want %q", lang, i, doc.Options[i], want)
				}
			}
			posRE := map[string]*regexp.Regexp{
				"en": regexp.MustCompile(`^event \d+ / \d+ · \d+\.\d{3} s$`),
				"ko": regexp.MustCompile(`^이벤트 \d+ / \d+ · \d+\.\d{3}초$`),
			}[lang]
			p.WaitFor(fmt.Sprintf(`/%s/.test(document.getElementById("position").textContent)`, strings.ReplaceAll(posRE.String(), "/", `\/`)), 5*time.Second)

			// At 1440×900 the bar is one row in either language.
			var rows int
			p.Eval(`new Set([...document.querySelector(".bar").children].filter((e) => e.getBoundingClientRect().height > 0)
				.map((e) => { const r = e.getBoundingClientRect(); return Math.round((r.top + r.bottom) / 2 / 16); })).size`, &rows)
			if rows != 1 {
				t.Errorf("%s: the bar at 1440×900 wraps to %d rows", lang, rows)
			}
			p.Screenshot("words-1440x900-" + lang)
			p.chromeSpeaks(lang, "paused")
			// Playing an edited scene: the pause button's tooltip, the
			// edited badge.
			p.Eval(`document.getElementById("code").value += "\n# edited\n"; document.getElementById("code").dispatchEvent(new Event("input")); loopscope.play()`, nil)
			p.WaitFor(`loopscope.state().playing && loopscope.state().edited`, 10*time.Second)
			p.chromeSpeaks(lang, "playing, edited")
			p.Eval(`loopscope.pause(); loopscope.load(loopscope.scenes()[0].id)`, nil)
		}

		// A refused run: in Korean a sentence says what happened, then
		// CPython's words; in English CPython's words alone.
		p.Eval(`loopscope.setLang("ko")`, nil)
		p.Eval(`loopscope.run("import asyncio\n\nasync def main()\n    pass\n")`, nil)
		var bar string
		p.Eval(`document.getElementById("error-bar").textContent`, &bar)
		said, cpython := strings.Index(bar, "문법 오류: 3번째 줄 17번째 칸에 ':' 기호가 필요합니다."), strings.Index(bar, "scene.py:3:17: expected ':'")
		if said < 0 || cpython < said {
			t.Errorf("ko: the error bar says %q, want a Korean sentence, then CPython's words", bar)
		}
		p.Eval(`loopscope.setLang("en")`, nil)
		p.Eval(`document.getElementById("error-bar").textContent`, &bar)
		if browser.HasHangul(bar) || !strings.Contains(bar, "scene.py:3:17: expected ':'") {
			t.Errorf("en: the error bar says %q", bar)
		}
		// Other refusals: the sentence names what CPython's words say.
		p.Eval(`loopscope.setLang("ko")`, nil)
		for _, c := range []struct{ src, said, cpython string }{
			{"x = [1 2]\n", "문법 오류: 1번째 줄 6번째 칸 근처에 쉼표(,)가 빠진 것 같습니다.", "scene.py:1:6: invalid syntax. Perhaps you forgot a comma?"},
			{"if True:\npass\n", "들여쓰기 오류: 1번째 줄의 문장 다음에는 들여쓴 블록이 와야 하는데, 2번째 줄이 들여쓰여 있지 않습니다.", "scene.py:2:1: expected an indented block after 'if' statement on line 1"},
			{"x = (1,\n", "문법 오류: 1번째 줄 5번째 칸에서 연 괄호 '(' 기호가 닫히지 않았습니다.", "scene.py:1:5: '(' was never closed"},
			{"x = (1]\n", "문법 오류: 1번째 줄 7번째 칸의 닫는 괄호 ']' 기호가 여는 괄호 '(' 기호와 짝이 맞지 않습니다.", "scene.py:1:7: closing parenthesis ']' does not match opening parenthesis '('"},
			{"x = 3j\n", "이 놀이터는 1번째 줄 5번째 칸에 쓴 기능을 지원하지 않습니다.", "scene.py:1:5: complex numbers are not supported in scenes"},
		} {
			p.Eval(fmt.Sprintf(`loopscope.run(%q).then(() => document.getElementById("error-bar").textContent)`, c.src), &bar)
			said, cpython := strings.Index(bar, c.said), strings.Index(bar, c.cpython)
			if said < 0 || cpython < said {
				t.Errorf("ko: %q: the error bar says %q, want %q before %q", c.src, bar, c.said, c.cpython)
			}
		}

		// A run that ends with an uncaught exception: at its end, the
		// console says so in Korean before CPython's traceback.
		raising := "import asyncio\n\n\nasync def main():\n    await asyncio.sleep(0.1)\n    raise ValueError(\"boom\")\n\n\nasyncio.run(main())\n"
		for _, lang := range []string{"ko", "en"} {
			var out string
			p.Eval(fmt.Sprintf(`loopscope.setLang(%q); loopscope.run(%q).then(() => { loopscope.pause(); loopscope.seek(loopscope.state().events - 1);
				return document.getElementById("console").textContent; })`, lang, raising), &out)
			said := "처리되지 않은 예외 ValueError 때문에 장면이 끝났습니다."
			if !strings.Contains(out, "Traceback (most recent call last)") || !strings.Contains(out, "ValueError: boom") {
				t.Errorf("%s: the console at the end is %q, want the traceback", lang, out)
			}
			if (lang == "ko") != strings.Contains(out, said) || (lang == "en" && browser.HasHangul(out)) {
				t.Errorf("%s: the console at the end is %q: want %q before the traceback in Korean only", lang, out, said)
			}
		}
		p.Eval(`loopscope.run("import asyncio\n\nasync def main()\n    pass\n")`, nil)
		p.Screenshot("words-error-en")
		p.Eval(`loopscope.setLang("ko")`, nil)
		p.Screenshot("words-error-ko")
		p.Eval(`loopscope.setLang("en")`, nil)
		if errs := p.ConsoleErrors(); len(errs) > 0 {
			t.Errorf("console errors: %q", errs)
		}
	})
}

// TestPhone checks the page on a phone (390×844, pixel ratio 2), in both
// languages: one pane at a time under a row of tabs, the stage as tall as
// the screen leaves, and the notes one tap away (after tapping their tab,
// their heading is on screen, not covered).
func TestPhone(t *testing.T) {
	browser.OnServed(t, func(t *testing.T, tg browser.Target) {
		p := openOwn(t, tg)
		p.HasEvents()
		before := p.State()
		p.Do(chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile))
		p.WaitFor(fmt.Sprintf("loopscope.state().restarts > %d", before.Restarts), 30*time.Second)
		p.WaitReady()
		var table map[string]message
		p.Eval(`loopscope.messages()`, &table)
		// shown reports whether the element's centre, on screen, is the
		// element or inside it: drawn and not covered.
		shown := func(selector string) bool {
			var ok bool
			p.Eval(fmt.Sprintf(`(() => { const e = document.querySelector(%q); if (!e) return false;
				const r = e.getBoundingClientRect(), x = r.x + r.width / 2, y = r.y + Math.min(r.height / 2, 10);
				if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) return false;
				const at = document.elementFromPoint(x, y); return !!at && (at === e || e.contains(at)); })()`, selector), &ok)
			return ok
		}
		for _, lang := range []string{"en", "ko"} {
			p.Eval(fmt.Sprintf(`loopscope.setLang(%q); loopscope.load(loopscope.scenes()[0].id)`, lang), nil)
			var tabs []struct {
				Text, Selected string
				R              browser.Rect
			}
			p.Eval(`[...document.querySelectorAll(".tabs [role=tab]")].map((b) => { const r = b.getBoundingClientRect();
				return {text: b.textContent, selected: b.getAttribute("aria-selected"), r: {X: r.x, Y: r.y, W: r.width, H: r.height}}; })`, &tabs)
			want := []string{"pane.code", "pane.stage", "pane.notes", "pane.console"}
			if len(tabs) != len(want) {
				t.Fatalf("%s: %d tabs, want %d", lang, len(tabs), len(want))
			}
			for i, tb := range tabs {
				m := table[want[i]]
				if w := map[string]string{"en": m.EN, "ko": m.KO}[lang]; tb.Text != w {
					t.Errorf("%s: tab %d says %q, want %q", lang, i, tb.Text, w)
				}
				if tb.R.W < 44 || tb.R.H < 32 || tb.R.Right() > 390 || tb.R.Y < 0 {
					t.Errorf("%s: tab %q is %+v: too small to tap, or off screen", lang, tb.Text, tb.R)
				}
			}
			if tabs[1].Selected != "true" {
				t.Errorf("%s: the stage's tab is not the one selected: %+v", lang, tabs)
			}
			stage, timeline := p.Rect(".stage-pane"), p.Rect(".timeline-bar")
			if !shown("#stage") || stage.W < 380 || stage.H < 560 || stage.Y < tabs[0].R.Bottom()-1 || stage.Bottom() > timeline.Y+1 {
				t.Errorf("%s: the stage is %+v (tabs end at %v, timeline starts at %v): want it shown, as wide as the screen and at least 560 px tall",
					lang, stage, tabs[0].R.Bottom(), timeline.Y)
			}
			var controls []struct {
				Name string
				R    browser.Rect
			}
			p.Eval(`[...document.querySelectorAll(".bar button, .bar select, .bar input, .timeline-bar input, .timeline-bar output")].map((e) => {
				const r = e.getBoundingClientRect(); return {name: e.getAttribute("aria-label") || e.id, r: {X: r.x, Y: r.y, W: r.width, H: r.height}}; })`, &controls)
			for _, c := range controls {
				if c.R.X < 0 || c.R.Right() > 390 || c.R.Y < 0 || c.R.Bottom() > 844 {
					t.Errorf("%s: control %s is %+v: off screen", lang, c.Name, c.R)
				}
			}
			var scrollW, scrollH int
			p.Eval("document.documentElement.scrollWidth", &scrollW)
			p.Eval("document.documentElement.scrollHeight", &scrollH)
			if scrollW > 390 || scrollH > 844 {
				t.Errorf("%s: the page is %d×%d: it scrolls, the bars would move", lang, scrollW, scrollH)
			}
			p.chromeSpeaks(lang, "390×844")
			p.Screenshot("phone-stage-" + lang)

			// One tap: the notes, their heading on screen.
			p.Do(chromedp.Click(chromedp.ID("tab-notes")))
			heading := `(() => { const lit = document.querySelector("#notes .note-section.lit");
				const h = (lit && lit.querySelector("h1, h2, h3")) || document.querySelector("#notes h1, #notes h2");
				if (h) h.id = h.id || "phone-heading"; return h ? "#" + h.id : ""; })()`
			var h string
			p.Eval(heading, &h)
			if h == "" {
				t.Fatalf("%s: the notes have no heading", lang)
			}
			if !shown(h) || shown("#stage") {
				t.Errorf("%s: after tapping the notes' tab, their heading %s is shown %v, the stage %v", lang, h, shown(h), shown("#stage"))
			}
			p.notesShowText("390×844 " + lang)
			p.Screenshot("phone-notes-" + lang)
			p.Do(chromedp.Click(chromedp.ID("tab-code")))
			if !shown("#code") || shown(h) {
				t.Errorf("%s: after tapping the code's tab, the editor is shown %v", lang, shown("#code"))
			}
			p.Screenshot("phone-code-" + lang)
			// Run from the code's tab: a run that plays shows the stage.
			p.Click("Run")
			p.WaitFor(`document.getElementById("layout").dataset.tab === "stage"`, 10*time.Second)
			if !shown("#stage") {
				t.Errorf("%s: after Run on the code's tab, the stage is not shown", lang)
			}
			p.Do(chromedp.Click(chromedp.ID("tab-console")))
			if !shown("#console") {
				t.Errorf("%s: after tapping the console's tab, it is not shown", lang)
			}
			p.Do(chromedp.Click(chromedp.ID("tab-stage")))
			if !shown("#stage") {
				t.Errorf("%s: after tapping the stage's tab, it is not shown", lang)
			}
		}
		// A run that takes a while, started from the code's tab: the stage
		// comes forward with its veil, and Stop (in the bar) ends the run.
		p.Do(chromedp.Click(chromedp.ID("tab-code")))
		p.Eval(fmt.Sprintf(`document.getElementById("code").value = %q; document.getElementById("code").dispatchEvent(new Event("input"))`, spinScene), nil)
		p.Click("Run")
		p.WaitFor(`!document.getElementById("run-veil").hidden && document.getElementById("layout").dataset.tab === "stage"`, 30*time.Second)
		if !shown("#run-veil") {
			t.Errorf("a long run from the code's tab: the stage's veil is not shown")
		}
		p.Click("Stop")
		p.RunEnded()

		// A narrower phone: the bar still two rows, every control and tab
		// on screen, the stage tall.
		p.Do(chromedp.EmulateViewport(360, 740, chromedp.EmulateScale(2), chromedp.EmulateMobile))
		p.WaitFor(`innerWidth === 360`, 5*time.Second)
		for _, lang := range []string{"en", "ko"} {
			p.Eval(fmt.Sprintf("loopscope.setLang(%q)", lang), nil)
			var narrow struct {
				Rows, Off int
				Stage     browser.Rect
			}
			p.Eval(`(() => { const bar = [...document.querySelector(".bar").children].filter((e) => e.getBoundingClientRect().height > 0);
				const off = [...document.querySelectorAll(".bar button, .bar select, .bar input, .tabs button, .timeline-bar input")].filter((e) => {
					const r = e.getBoundingClientRect(); return r.x < 0 || r.right > innerWidth || r.bottom > innerHeight; }).length;
				const s = document.querySelector(".stage-pane").getBoundingClientRect();
				return {rows: new Set(bar.map((e) => { const r = e.getBoundingClientRect(); return Math.round((r.top + r.bottom) / 2 / 16); })).size,
					off, stage: {X: s.x, Y: s.y, W: s.width, H: s.height}}; })()`, &narrow)
			if narrow.Rows > 2 || narrow.Off > 0 || narrow.Stage.H < 480 || narrow.Stage.W < 350 {
				t.Errorf("%s, 360×740: the bar has %d rows, %d controls off screen, the stage is %+v", lang, narrow.Rows, narrow.Off, narrow.Stage)
			}
			p.Screenshot("phone-360-" + lang)
		}
		// A phone held sideways: the tabs too, the bar one row, and the
		// stage (its frame, under the view switch if any) at least 300 of
		// the 390 px: the tabs and the views stand in a column at its left.
		p.Do(chromedp.EmulateViewport(844, 390, chromedp.EmulateScale(2), chromedp.EmulateMobile))
		p.WaitFor(`innerWidth === 844`, 5*time.Second)
		for _, lang := range []string{"en", "ko"} {
			p.Eval(fmt.Sprintf(`loopscope.setLang(%q); loopscope.load("16_blocking")`, lang), nil)
			p.WaitFor(`loopscope.state().scene === "16_blocking" && loopscope.state().views.length > 1`, 20*time.Second)
			var side struct {
				Rows  int
				Tabs  string
				Off   []string
				Stage browser.Rect
			}
			p.Eval(`(() => { const bar = [...document.querySelector(".bar").children].filter((e) => e.getBoundingClientRect().height > 0);
				const s = document.getElementById("stage").getBoundingClientRect();
				const off = [...document.querySelectorAll(".bar button, .bar select, .bar input, .tabs button, .views button, .timeline-bar button, .timeline-bar select, .timeline-bar input")].filter((e) => {
					const r = e.getBoundingClientRect(); if (r.width === 0) return false;
					if (r.x < 0 || r.right > innerWidth || r.y < 0 || r.bottom > innerHeight) return true;
					const at = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2); return !at || !(at === e || e.contains(at)); }).map((e) => e.id || e.textContent);
				return {rows: new Set(bar.map((e) => { const r = e.getBoundingClientRect(); return Math.round((r.top + r.bottom) / 2 / 16); })).size,
					tabs: getComputedStyle(document.querySelector(".tabs")).display, off, stage: {X: s.x, Y: s.y, W: s.width, H: s.height}}; })()`, &side)
			if side.Rows != 1 || side.Tabs == "none" || len(side.Off) > 0 || side.Stage.W < 700 || side.Stage.H < 300 {
				t.Errorf("%s, 844×390: the bar has %d rows, the tabs are %q, controls off screen or covered %q, the stage's frame is %+v: want it at least 700×300",
					lang, side.Rows, side.Tabs, side.Off, side.Stage)
			}
			p.Screenshot("phone-sideways-" + lang)
		}
		p.Do(chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile))

		// A scene with a witness (16's heartbeat), two thirds in, to look at.
		for _, lang := range []string{"en", "ko"} {
			p.Eval(fmt.Sprintf(`loopscope.setLang(%q); loopscope.load("16_blocking")`, lang), nil)
			p.WaitFor(`loopscope.state().scene === "16_blocking" && loopscope.state().events > 1`, 20*time.Second)
			p.Eval(`loopscope.seek(Math.floor(loopscope.state().events * 2 / 3))`, nil)
			p.WaitFor(fmt.Sprintf("loopscope.state().frames > %d", p.State().Frames+2), 10*time.Second)
			p.Screenshot("phone-16-" + lang)
		}
		p.Eval(`loopscope.setLang("en")`, nil)
		if errs := p.ConsoleErrors(); len(errs) > 0 {
			t.Errorf("console errors: %q", errs)
		}
	})
}

// chromeSpeaks checks that every text of the page's chrome is in lang: in
// Korean no Latin word outside notWords, in English no Hangul.
// Texts of the elements whose ids are in skip are not checked.
func (p *page) chromeSpeaks(lang, when string, skip ...string) {
	p.T.Helper()
	var items []chromeItem
	p.Eval(chromeText, &items)
	if len(items) < 15 {
		p.T.Errorf("%s, %s: only %d texts in the chrome: %+v", lang, when, len(items), items)
	}
	for _, it := range items {
		if slices.Contains(skip, it.Where) {
			continue
		}
		switch lang {
		case "ko":
			if w := latinWord.FindString(notWords.ReplaceAllString(it.Text, "")); w != "" {
				p.T.Errorf("ko, %s: the %s of %s is %q: %q is not Korean", when, it.Kind, it.Where, it.Text, w)
			}
		case "en":
			if browser.HasHangul(it.Text) {
				p.T.Errorf("en, %s: the %s of %s is %q: Korean on the English page", when, it.Kind, it.Where, it.Text)
			}
		}
	}
}

// TestLoadingWords fails the module's request in a tab of its own: the
// loading veil says so in the current language, and follows the switch.
func TestLoadingWords(t *testing.T) {
	browser.OnServed(t, func(t *testing.T, tg browser.Target) {
		p := openFailingModule(t, tg)
		for _, c := range []struct{ lang, said, reload string }{
			{"ko", "시뮬레이터를 불러오지 못했습니다: ", "페이지를 새로 고쳐 다시 시작하세요."},
			{"en", "Could not load the simulator: ", "Reload the page to start again."},
		} {
			var text string
			p.Eval(fmt.Sprintf(`loopscope.setLang(%q); document.getElementById("loading-text").textContent`, c.lang), &text)
			if !strings.HasPrefix(text, c.said) || !strings.HasSuffix(text, "\n"+c.reload) {
				t.Errorf("%s: the loading veil says %q, want %q ... %q", c.lang, text, c.said, c.reload)
			}
			var s browser.State
			p.Eval("loopscope.state()", &s)
			if s.Error == nil || !strings.HasPrefix(*s.Error, c.said) {
				t.Errorf("%s: state().error is %q, want the loading veil's words", c.lang, browser.StrOr(s.Error))
			}
			// The veil's detail is the browser's own words ("Failed to
			// fetch"), as CPython's are in a run's error.
			p.chromeSpeaks(c.lang, "without the module", "loading-text")
			p.Screenshot("loading-failed-" + c.lang)
		}
	})
}

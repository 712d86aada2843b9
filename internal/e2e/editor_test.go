package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"loopscope/internal/e2e/browser"
)

// editorMark is what the editor shows of an error: the line marked in the
// gutter and under the code, the marked characters' text and where they
// start in their line, whether they are in the editor's view, and the
// error bar's words.
type editorMark struct {
	GutterLine string  // the line number marked in the gutter
	LineMarks  int     // error strips under the code
	StripLine  float64 // the line the strip is on (from its position)
	MarkedLine int     // the line of #paint holding the marked characters
	Before     string  // that line's text before them
	Marked     string  // their text
	InView     bool    // the marked characters are inside the textarea's box
	Head, Goto string  // the error bar's sentence and its link to the place
	Text       string  // the error bar's engine words
}

const readMark = `(() => {
	const code = document.getElementById("code"), cr = code.getBoundingClientRect();
	const marked = [...document.querySelectorAll("#paint .err-col")];
	const out = {gutterLine: (document.querySelector("#gutter .err") || {}).textContent || "",
		lineMarks: document.querySelectorAll("#marks .mark.err").length, stripLine: 0,
		markedLine: 0, before: "", marked: marked.map((e) => e.textContent).join(""), inView: false,
		head: (document.querySelector("#error-bar .error-head span") || {}).textContent || "",
		goto: (document.querySelector("#error-bar .goto") || {}).textContent || "",
		text: (document.querySelector("#error-bar .error-text") || {}).textContent || ""};
	const strip = document.querySelector("#marks .mark.err");
	if (strip) out.stripLine = (parseFloat(strip.style.top) - parseFloat(getComputedStyle(code).paddingTop)) / parseFloat(getComputedStyle(code).lineHeight) + 1;
	if (marked.length) {
		const line = marked[0].parentElement.closest(".paint-inner > div") || marked[0].parentElement;
		out.markedLine = [...line.parentElement.children].indexOf(line) + 1;
		const r = document.createRange();
		r.setStart(line, 0);
		r.setEndBefore(marked[0].closest(".paint-inner > div > *"));
		out.before = r.toString();
		const a = marked[0].getBoundingClientRect(), b = marked[marked.length - 1].getBoundingClientRect();
		out.inView = a.left >= cr.left && b.right <= cr.right - 10 && a.top >= cr.top && a.bottom <= cr.bottom - 10;
	}
	return out;
})()`

// setCode puts src in the editor as typing would.
func (p *page) setCode(src string) {
	p.T.Helper()
	p.Do(chromedp.SetValue(chromedp.ID("code"), src))
	p.Eval(`document.getElementById("code").dispatchEvent(new Event("input"))`, nil)
}

// TestEditorMarksErrors runs scenes that go wrong, in English and in
// Korean: a syntax error far down a long file and far right on a long
// line, an exception nobody catches, a run the engine stops. Each time the editor scrolls to
// the place, marks the line (gutter and strip) and the characters (the
// column), and the error bar says it in the page's words, with CPython's.
func TestEditorMarksErrors(t *testing.T) {
	browser.OnServed(t, func(t *testing.T, tg browser.Target) {
		p := open(t, tg)
		p.HasEvents()
		filler := strings.Repeat("# a comment that only makes the file long\n", 150)
		long := "x = " + strings.Repeat("1 + ", 26) + "1"
		cases := []struct {
			name, src    string
			line         int
			before, mark string
			kind, engine string
		}{
			// CPython: scene.py:155:17: expected ':'
			{"far-line", "import asyncio\n\n\n" + filler + "\nasync def main()\n    pass\n\nasyncio.run(main())\n",
				155, "async def main()", " ", "syntax", "expected ':'"},
			// CPython: scene.py:6:115: invalid syntax (far right on a 117-column line)
			{"far-column", "import asyncio\n\n\nasync def main():\n    await asyncio.sleep(0)\n    " + long + " $ 2\n\n\nasyncio.run(main())\n",
				6, "    " + long + " ", "$", "syntax", "invalid syntax"},
		}
		words := map[string]map[string]string{
			"en": {"syntax": "Python cannot read the code here:", "uncaught": "The scene ended with an exception nobody caught, raised here:"},
			"ko": {"syntax": "파이썬이 코드를 읽을 수 없는 곳:", "uncaught": "아무도 잡지 않은 예외로 장면이 끝났습니다. 예외가 일어난 곳:"},
		}
		for _, lang := range []string{"en", "ko"} {
			p.Eval(fmt.Sprintf("loopscope.setLang(%q)", lang), nil)
			for _, c := range cases {
				p.Eval(`document.getElementById("code").scrollTop = 0; document.getElementById("code").scrollLeft = 0`, nil)
				p.setCode(c.src)
				p.Click("Run")
				p.RunEnded()
				var m editorMark
				p.Eval(readMark, &m)
				col := len([]rune(c.before)) + 1
				want := fmt.Sprintf("scene.py:%d:%d: %s", c.line, col, c.engine)
				if !strings.Contains(m.Text, want) {
					t.Errorf("%s %s: the error bar says %q, want %q", lang, c.name, m.Text, want)
				}
				if m.GutterLine != fmt.Sprint(c.line) || m.LineMarks != 1 || m.StripLine != float64(c.line) || m.MarkedLine != c.line {
					t.Errorf("%s %s: gutter marks %q, %d strips (line %v), marked characters on line %d: want line %d", lang, c.name, m.GutterLine, m.LineMarks, m.StripLine, m.MarkedLine, c.line)
				}
				if m.Before != c.before || m.Marked != c.mark {
					t.Errorf("%s %s: marked %q after %q, want %q after %q", lang, c.name, m.Marked, m.Before, c.mark, c.before)
				}
				if !m.InView {
					t.Errorf("%s %s: the marked column is not scrolled into view", lang, c.name)
				}
				wantGoto := map[string]string{"en": fmt.Sprintf("Line %d, column %d", c.line, col), "ko": fmt.Sprintf("%d번째 줄 %d번째 칸", c.line, col)}[lang]
				if m.Head != words[lang][c.kind] || m.Goto != wantGoto {
					t.Errorf("%s %s: the error bar's words %q [%q], want %q [%q]", lang, c.name, m.Head, m.Goto, words[lang][c.kind], wantGoto)
				}
				p.Screenshot(fmt.Sprintf("editor-%s-%s", c.name, lang))
				// Scrolled away and back with the error bar's link.
				p.Eval(`document.getElementById("code").scrollTop = 0; document.getElementById("code").scrollLeft = 0; document.getElementById("code").dispatchEvent(new Event("scroll"))`, nil)
				p.Do(chromedp.Click(chromedp.CSS("#error-bar .goto")))
				p.Eval(readMark, &m)
				if !m.InView {
					t.Errorf("%s %s: the error bar's link does not bring the mark back into view", lang, c.name)
				}
			}

			// An exception nobody catches: the scene plays; at its end the
			// editor marks where it was raised, with the expression CPython
			// underlines.
			src := "import asyncio\n\n\nasync def inner(x):\n    await asyncio.sleep(0.1)\n    return {\"a\": 1}[x]\n\n\nasync def main():\n    await inner(\"b\")\n\n\nasyncio.run(main())\n"
			p.setCode(src)
			p.Click("Run")
			p.RunEnded()
			p.Eval("loopscope.pause(); loopscope.seek(0)", nil)
			var m editorMark
			p.Eval(readMark, &m)
			if m.LineMarks != 0 || m.Marked != "" {
				t.Errorf("%s uncaught: at its start the editor marks %+v", lang, m)
			}
			p.Eval("loopscope.seek(loopscope.state().events - 1)", nil)
			p.Eval(readMark, &m)
			if m.GutterLine != "6" || m.LineMarks != 1 || m.Before != "    return " || m.Marked != `{"a": 1}[x]` || !m.InView {
				t.Errorf("%s uncaught: at its end the editor marks %+v, want line 6's {\"a\": 1}[x]", lang, m)
			}
			wantGoto := map[string]string{"en": "Line 6, column 12", "ko": "6번째 줄 12번째 칸"}[lang]
			if m.Head != words[lang]["uncaught"] || m.Goto != wantGoto || m.Text != "KeyError: 'b'" {
				t.Errorf("%s uncaught: the error bar says %q [%q] %q", lang, m.Head, m.Goto, m.Text)
			}
			p.Screenshot("editor-uncaught-" + lang)
			// A run the engine stops (here: a deadlock, nothing can wake the
			// loop): at its end the line it stopped at is marked.
			stuck := "import asyncio\n\n\nasync def main():\n    ev = asyncio.Event()\n    print(\"waiting\")\n    await ev.wait()\n\n\nasyncio.run(main())\n"
			p.setCode(stuck)
			p.Click("Run")
			p.RunEnded()
			p.Eval("loopscope.pause(); loopscope.seek(loopscope.state().events - 1)", nil)
			var st editorMark
			p.Eval(readMark, &st)
			wantStop := map[string]string{"en": "The run was stopped here:", "ko": "실행이 멈춘 곳:"}[lang]
			if st.GutterLine != "7" || st.LineMarks != 1 || st.Before != "    " || st.Marked != "a" || st.Head != wantStop || !strings.Contains(st.Text, "scene.py:7:5: deadlock") {
				t.Errorf("%s deadlock: at its end the editor marks %+v", lang, st)
			}
			p.Screenshot("editor-stopped-" + lang)
			p.setCode(src)
			p.Click("Run")
			p.RunEnded()
			p.Eval("loopscope.pause(); loopscope.seek(loopscope.state().events - 1)", nil)
			// Typing takes the mark away: it belongs to the code as it ran.
			p.setCode(src + "\n")
			p.Eval(readMark, &m)
			if m.LineMarks != 0 || m.Marked != "" || m.Head != "" {
				t.Errorf("%s uncaught: after an edit the editor still marks %+v", lang, m)
			}
		}
		p.Eval(`loopscope.setLang("en")`, nil)
		if errs := p.ConsoleErrors(); len(errs) > 0 {
			t.Errorf("console errors: %q", errs)
		}
	})
}

// box is an element's bounding box, with what it is.
type box struct {
	What       string
	X, Y, W, H float64
}

func (a box) overlaps(b box) bool {
	return a.X < b.X+b.W-0.5 && b.X < a.X+a.W-0.5 && a.Y < b.Y+b.H-0.5 && b.Y < a.Y+a.H-0.5
}

// TestEditorTags plays the scenes whose task tags covered the code and
// each other (10 at event 110, 19, 07 with many tasks on a line) and
// checks at many events that every tag sits in the lane beside the line
// numbers, on its line, clear of the code and of every other tag; that a
// line with several tasks is a stack with their count, which lists every
// name, readable, when hovered or focused; in English and Korean.
func TestEditorTags(t *testing.T) {
	browser.OnServed(t, func(t *testing.T, tg browser.Target) {
		p := open(t, tg)
		sawStack := false
		// checkStacks checks the stacks on screen: their count, and every
		// name on hover and on focus. It reports whether there were any.
		checkStacks := func(lang, id string) bool {
			var stacks []struct {
				Line, Count, Names int
				Label              string
			}
			p.Eval(`[...document.querySelectorAll("#tags .tag-line.stack")].filter((e) => { const r = e.getBoundingClientRect(), l = document.getElementById("tags").getBoundingClientRect();
					return r.top >= l.top && r.bottom <= l.bottom - 60; }).map((e) => ({line: +e.dataset.line,
					count: +e.querySelector(".count").textContent, names: e.querySelectorAll(".tag-list .tag").length, label: e.getAttribute("aria-label")}))`, &stacks)
			for _, st := range stacks {
				if st.Count < 2 || st.Names != min(st.Count, 24) {
					t.Errorf("%s %s: the stack on line %d counts %d and lists %d names", lang, id, st.Line, st.Count, st.Names)
				}
				want := map[string]string{"en": fmt.Sprintf("%d tasks are on line %d: ", st.Count, st.Line), "ko": fmt.Sprintf("%d번째 줄에 태스크 %d개가 있습니다: ", st.Line, st.Count)}[lang]
				if !strings.HasPrefix(st.Label, want) {
					t.Errorf("%s %s: the stack's accessible name is %q, want %q...", lang, id, st.Label, want)
				}
				sel := fmt.Sprintf(`#tags .tag-line[data-line="%d"]`, st.Line)
				for _, how := range []string{"hover", "focus"} {
					if how == "hover" {
						r := p.Rect(sel + " > .count")
						p.Do(chromedp.MouseEvent("mouseMoved", r.X+r.W/2, r.Y+r.H/2))
					} else {
						p.Do(chromedp.MouseEvent("mouseMoved", 5, 5))
						p.Eval(fmt.Sprintf(`document.querySelector(%q).focus()`, sel), nil)
					}
					var list struct {
						Shown bool
						Cut   []string
					}
					p.Eval(fmt.Sprintf(`(() => { const l = document.querySelector(%q + " .tag-list");
							const names = [...l.querySelectorAll(".tag")];
							const r = l.getBoundingClientRect(), ed = document.getElementById("editor").getBoundingClientRect();
							return {shown: getComputedStyle(l).display !== "none" && r.height > 0 && r.top >= ed.top - 0.5 && r.bottom <= ed.bottom + 0.5,
								cut: names.filter((n) => n.scrollWidth > n.clientWidth + 1).map((n) => n.textContent)}; })()`, sel), &list)
					if !list.Shown || len(list.Cut) > 0 {
						t.Errorf("%s %s: on %s the stack of line %d shows its list whole in the editor: %v; names cut %q", lang, id, how, st.Line, list.Shown, list.Cut)
					}
					if how == "focus" {
						p.Screenshot(fmt.Sprintf("editor-stack-%s-%s", id, lang))
						p.Eval(`document.activeElement.blur()`, nil)
					}
				}
			}
			return len(stacks) > 0
		}
		for _, lang := range []string{"en", "ko"} {
			p.Eval(fmt.Sprintf("loopscope.setLang(%q)", lang), nil)
			for _, id := range []string{"07_async_servers", "10_fan_out_fan_in", "19_fastapi_depends"} {
				p.Eval(fmt.Sprintf("loopscope.load(%q)", id), nil)
				s := p.HasEvents()
				events := []int{110}
				for i := 1; i <= 24; i++ {
					events = append(events, s.Events*i/25)
				}
				checked := false
				for _, ev := range events {
					p.Eval(fmt.Sprintf("loopscope.seek(%d)", ev), nil)
					p.checkTags(fmt.Sprintf("%s %s event %d", lang, id, ev))
					if !checked && checkStacks(lang, id) {
						checked, sawStack = true, true
					}
				}
			}
		}
		if !sawStack {
			t.Error("no line had several tasks: the stacks went unchecked")
		}
		p.Eval(`loopscope.setLang("en")`, nil)
		if errs := p.ConsoleErrors(); len(errs) > 0 {
			t.Errorf("console errors: %q", errs)
		}
	})
}

// TestEditorColours checks the colouring from the module's scanner:
// keywords, strings, numbers, comments in spans of their classes, in the
// same place as the textarea's text; kept while typing (an unterminated
// string is a string to the end of its line); and how long a keystroke
// takes in a 500-line file (logged, not asserted).
func TestEditorColours(t *testing.T) {
	browser.OnServed(t, func(t *testing.T, tg browser.Target) {
		p := open(t, tg)
		p.HasEvents()
		var got struct {
			Colored             string
			Kw, Str, Num, Async []string
			Plain, KwColour     string
			Lines, Gutter       int
			PaintX, CodeX       float64
		}
		read := `(() => {
			const texts = (sel) => [...document.querySelectorAll(sel)].map((e) => e.textContent);
			const code = document.getElementById("code"), cs = getComputedStyle(code);
			const first = document.querySelector("#paint .paint-inner > div");
			const r = document.createRange(); r.setStart(first.firstChild.firstChild || first.firstChild, 0); r.setEnd(first.firstChild.firstChild || first.firstChild, 1);
			return {colored: document.getElementById("editor").dataset.colored,
				kw: texts("#paint .t-kw"), str: texts("#paint .t-str"), num: texts("#paint .t-num"), async: texts("#paint .t-async"),
				plain: getComputedStyle(document.querySelector("#paint .paint-inner")).color,
				kwColour: document.querySelector("#paint .t-kw") ? getComputedStyle(document.querySelector("#paint .t-kw")).color : "",
				lines: document.querySelectorAll("#paint .paint-inner > div").length, gutter: document.getElementById("gutter").children.length,
				paintX: r.getBoundingClientRect().x, codeX: code.getBoundingClientRect().x + parseFloat(cs.paddingLeft)};
		})()`
		p.Eval(read, &got)
		has := func(list []string, w string) bool {
			for _, x := range list {
				if x == w {
					return true
				}
			}
			return false
		}
		if got.Colored != "1" || !has(got.Kw, "import") || !has(got.Kw, "def") || !has(got.Async, "await") || !has(got.Async, "async") || len(got.Str) == 0 || len(got.Num) == 0 {
			t.Errorf("the first scene is not coloured: %+v", got)
		}
		if got.KwColour == "" || got.KwColour == got.Plain {
			t.Errorf("keywords are coloured %q, plain text %q", got.KwColour, got.Plain)
		}
		if got.Lines != got.Gutter || abs(got.PaintX-got.CodeX) > 0.5 {
			t.Errorf("the coloured text has %d lines for %d line numbers and starts at x %.1f, the textarea's text at %.1f", got.Lines, got.Gutter, got.PaintX, got.CodeX)
		}

		// Typing, as a learner does: key by key at the end of a line.
		p.setCode("import asyncio\nx = 1\n")
		p.Eval(`(() => { const c = document.getElementById("code"); c.focus(); c.setSelectionRange(21, 21); })()`, nil)
		for _, k := range `y = "half` {
			p.Do(chromedp.KeyEvent(string(k)))
		}
		p.WaitFor(`document.getElementById("editor").dataset.colored === "1"`, 5*time.Second)
		var typed struct {
			Value string
			Str   []string
		}
		p.Eval(`({value: document.getElementById("code").value, str: [...document.querySelectorAll("#paint .t-str")].map((e) => e.textContent)})`, &typed)
		if typed.Value != "import asyncio\nx = 1\ny = \"half" || len(typed.Str) != 1 || typed.Str[0] != `"half` {
			t.Errorf("typing an unfinished string: %q coloured as strings %q", typed.Value, typed.Str)
		}
		p.Eval(`document.getElementById("code").blur()`, nil)

		// A 500-line scene: what one keystroke costs the page (the input
		// handler, styles and layout), beside what it costs a bare
		// textarea holding the same text, measured in turns, in this
		// browser; the median of each.
		var cost struct{ Page, Bare float64 }
		p.Eval(`(() => {
			const c = document.getElementById("code");
			const base = `+browser.JSString(browser.LongScene())+`;
			c.value = base;
			c.dispatchEvent(new Event("input"));
			const bare = document.createElement("textarea");
			bare.className = "bare-probe";
			bare.style.cssText = "position:fixed;left:0;top:0;width:400px;height:400px;white-space:pre";
			document.body.append(bare);
			bare.value = base;
			const type = (ta, i) => {
				ta.focus();
				const t0 = performance.now();
				document.execCommand("insertText", false, i % 10 === 9 ? "\n" : "a");
				document.body.getBoundingClientRect(); // the layout the next frame needs
				return performance.now() - t0;
			};
			c.setSelectionRange(base.length / 2, base.length / 2);
			bare.setSelectionRange(base.length / 2, base.length / 2);
			const page = [], plain = [];
			for (let i = 0; i < 60; i++) { page.push(type(c, i)); plain.push(type(bare, i)); }
			bare.remove();
			c.blur();
			const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
			return {page: median(page), bare: median(plain)};
		})()`, &cost)
		// And what colouring the whole file again costs, once typing pauses.
		var recolour float64
		p.Eval(`(() => {
			const m = document.getElementById("stage").contentWindow.loopscopeModule, src = document.getElementById("code").value, ts = [];
			for (let i = 0; i < 15; i++) { const t0 = performance.now(); m.tokens(src); ts.push(performance.now() - t0); }
			return ts.sort((a, b) => a - b)[7];
		})()`, &recolour)
		var lines int
		p.Eval(`document.getElementById("code").value.split("\n").length`, &lines)
		t.Logf("one keystroke in a %d-line scene: %.2f ms in the editor, %.2f ms in a bare textarea (medians; handler, colouring, style and layout); colouring the whole file again after a pause: %.1f ms (this machine, under load)", lines, cost.Page, cost.Bare, recolour)
		if lines < 500 {
			t.Errorf("the long scene has %d lines", lines)
		}
		p.Eval(read, &got)
		if got.Lines != lines || got.Lines != got.Gutter || !has(got.Kw, "def") {
			t.Errorf("after typing into the long scene: %d painted lines, %d numbers, for %d lines", got.Lines, got.Gutter, lines)
		}
		p.WaitFor(`document.querySelectorAll("#paint .paint-inner > div").length > 0`, 5*time.Second)
		if errs := p.ConsoleErrors(); len(errs) > 0 {
			t.Errorf("console errors: %q", errs)
		}
	})
}

// checkTags checks the task tags on screen: each in the lane beside the
// line numbers, on its line, clear of the code's characters and of every
// other tag.
func (p *page) checkTags(where string) {
	p.T.Helper()
	var g struct {
		Code  box
		Lane  box
		Tags  []box
		Lines []int
		Gut   []float64 // the y of each tag's line number
		Texts []box     // the painted code's characters on screen
	}
	p.Eval(`(() => {
		const bx = (what, e) => { const r = e.getBoundingClientRect(); return {what, x: r.x, y: r.y, w: r.width, h: r.height}; };
		const code = document.getElementById("code"), lane = document.getElementById("tags");
		const cr = code.getBoundingClientRect(), lr = lane.getBoundingClientRect();
		const out = {code: bx("code", code), lane: bx("lane", lane), tags: [], lines: [], gut: [], texts: []};
		for (const e of document.querySelectorAll("#tags .tag-line")) {
			const r = e.getBoundingClientRect();
			if (r.bottom <= lr.top || r.top >= lr.bottom) continue; // scrolled out of view
			for (const c of e.querySelectorAll(":scope > .tag, :scope > .count")) if (c.getBoundingClientRect().width > 0) out.tags.push(bx("line " + e.dataset.line + " " + c.textContent, c));
			out.lines.push(+e.dataset.line);
			out.gut.push(document.getElementById("gutter").children[e.dataset.line - 1].getBoundingClientRect().y);
		}
		for (const e of document.querySelectorAll("#paint .paint-inner > div")) {
			const r = e.getBoundingClientRect();
			if (r.bottom <= cr.top || r.top >= cr.bottom || !e.textContent.trim()) continue;
			const range = document.createRange();
			range.selectNodeContents(e);
			for (const q of range.getClientRects()) if (q.right > cr.left && q.left < cr.right) out.texts.push({what: "code " + e.textContent.trim().slice(0, 20), x: Math.max(q.x, cr.left), y: q.y, w: Math.min(q.right, cr.right) - Math.max(q.x, cr.left), h: q.height});
		}
		return out;
	})()`, &g)
	for i, a := range g.Tags {
		if a.X < g.Lane.X-0.5 || a.X+a.W > g.Code.X+0.5 {
			p.T.Errorf("%s: tag %s at x %.1f..%.1f leaves the lane (%.1f..) or reaches the code (%.1f)", where, a.What, a.X, a.X+a.W, g.Lane.X, g.Code.X)
		}
		for _, b := range g.Tags[i+1:] {
			if a.overlaps(b) {
				p.T.Errorf("%s: %+v overlaps %+v", where, a, b)
			}
		}
		for _, c := range g.Texts {
			if a.overlaps(c) {
				p.T.Errorf("%s: %+v covers %+v", where, a, c)
			}
		}
	}
	for i, y := range g.Gut {
		var tag box
		p.Eval(fmt.Sprintf(`(() => { const r = document.querySelector('#tags .tag-line[data-line="%d"]').getBoundingClientRect(); return {y: r.y, h: r.height}; })()`, g.Lines[i]), &tag)
		if abs(tag.Y-y) > 0.5 {
			p.T.Errorf("%s: the tag of line %d is at y %.1f, its line number at %.1f", where, g.Lines[i], tag.Y, y)
		}
	}
	if len(g.Texts) == 0 {
		p.T.Fatalf("%s: no code on screen", where)
	}
}

// TestEditorPhone looks at the editor on a phone (390×844, pixel ratio
// 2), in English and Korean: the code tab shows the tags in their lane,
// clear of the code, and a syntax error marked at its line and column.
func TestEditorPhone(t *testing.T) {
	browser.OnServed(t, func(t *testing.T, tg browser.Target) {
		p := openOwn(t, tg)
		p.HasEvents()
		before := p.State()
		p.Do(chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile))
		p.WaitFor(fmt.Sprintf("loopscope.state().restarts > %d", before.Restarts), 30*time.Second)
		p.WaitReady()
		for _, lang := range []string{"en", "ko"} {
			p.Eval(fmt.Sprintf(`loopscope.setLang(%q); loopscope.load("10_fan_out_fan_in")`, lang), nil)
			s := p.HasEvents()
			p.Do(chromedp.Click(chromedp.ID("tab-code")))
			// An event where several tasks share a line: the stack is its
			// count, in the lane.
			stacked := false
			for i := 1; i < 20 && !stacked; i++ {
				p.Eval(fmt.Sprintf("loopscope.seek(%d)", s.Events*i/20), nil)
				p.checkTags(fmt.Sprintf("%s 390×844 event %d", lang, s.Events*i/20))
				p.Eval(`(() => { const c = document.querySelector("#tags .tag-line.stack > .count"); if (!c) return false;
					const r = c.getBoundingClientRect(), l = document.getElementById("tags").getBoundingClientRect();
					return r.width > 0 && r.top >= l.top && r.bottom <= l.bottom; })()`, &stacked)
			}
			if !stacked {
				t.Errorf("%s 390×844: no stack of tasks seen in 10_fan_out_fan_in", lang)
			}
			lane, code := p.Rect("#tags"), p.Rect("#code")
			if lane.W < 50 || code.W < 250 || code.Right() > 390.5 {
				t.Errorf("%s 390×844: lane %+v, code %+v", lang, lane, code)
			}
			p.Screenshot("editor-phone-tags-" + lang)

			p.setCode("import asyncio\n\n\nasync def main():\n    print(\"a very long line that a phone cannot show whole\", 1, 2, 3 4)\n\n\nasyncio.run(main())\n")
			p.Eval(`loopscope.run(document.getElementById("code").value)`, nil)
			p.Do(chromedp.Click(chromedp.ID("tab-code")))
			var m editorMark
			p.Eval(readMark, &m)
			if m.GutterLine != "5" || m.MarkedLine != 5 || !m.InView || m.Marked == "" {
				t.Errorf("%s 390×844: the error is marked %+v", lang, m)
			}
			p.Screenshot("editor-phone-error-" + lang)
		}
	})
}

// TestEditorWithoutTheModule loads the page while the module's request
// fails: the editor shows the scene as plain text (no colours, nothing
// transparent left unpainted), and typing keeps it so.
func TestEditorWithoutTheModule(t *testing.T) {
	browser.OnServed(t, func(t *testing.T, tg browser.Target) {
		p := openFailingModule(t, tg)
		read := `(() => ({painted: document.getElementById("editor").classList.contains("painted"),
			colored: document.getElementById("editor").dataset.colored,
			text: [...document.querySelectorAll("#paint .paint-inner > div")].map((d) => d.textContent).join("\n"),
			value: document.getElementById("code").value,
			spans: document.querySelectorAll("#paint [class^=t-]").length}))()`
		var got struct {
			Painted     bool
			Colored     string
			Text, Value string
			Spans       int
		}
		p.Eval(read, &got)
		if !got.Painted || got.Colored != "" || got.Text != got.Value || got.Spans != 0 || got.Value != browser.PageData.Scenes[0].Source {
			t.Errorf("without the module the editor shows %+v", got)
		}
		p.setCode(got.Value + "x = 1\n")
		p.Eval(read, &got)
		if got.Text != got.Value || got.Spans != 0 {
			t.Errorf("typing without the module: the editor shows %q for %q", got.Text, got.Value)
		}
		p.Screenshot("editor-without-module")
	})
}

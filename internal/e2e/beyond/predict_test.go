package beyond

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"loopscope/internal/e2e/browser"
	"loopscope/scenes"
	"loopscope/scenes/engine"
)

// predictState is loopscope.predict().
type predictState struct {
	On       bool
	Phase    string
	Total    int
	Count    int
	Stamped  bool
	Empty    string
	Lines    []string
	Verdicts []string
	Summary  string
	Prompt   *struct {
		Question string
		Options  []string
		Choice   int
		Answer   int
		Text     string
	}
}

func (p *page) predict() predictState {
	p.T.Helper()
	var s predictState
	p.Eval(`loopscope.predict()`, &s)
	return s
}

// predictDOM is what the panel shows: each line's text and verdict, the
// summary, the prompt's verdict.
type predictDOM struct {
	Lines, Verdicts, Was []string
	Summary, Answer      string
}

func (p *page) predictDOM() predictDOM {
	p.T.Helper()
	var d predictDOM
	p.Eval(`(() => { const items = [...document.querySelectorAll("#predict .predict-item")];
		const text = (sel) => { const e = document.querySelector(sel); return e ? e.textContent : ""; };
		return {lines: items.map((li) => li.querySelector(".predict-line").textContent),
			verdicts: items.map((li) => li.dataset.verdict || ""),
			was: items.map((li) => { const w = li.querySelector(".predict-was"); return w ? w.textContent : ""; }),
			summary: text("#predict .predict-summary"), answer: text("#predict .predict-answer")}; })()`, &d)
	return d
}

// firstLines is what a scene prints as the Predict mode orders it: the
// lines that are not blank, without their loop time, the first max.
func firstLines(t *testing.T, src string, max int) (lines []string, total int) {
	t.Helper()
	res := engine.Run([]byte(src), engine.Options{Filename: "scene.py"})
	var out strings.Builder
	for _, c := range res.Output {
		out.WriteString(c.Text)
	}
	for _, l := range strings.Split(out.String(), "\n") {
		if l = scenes.Unstamped(l); strings.TrimSpace(l) != "" {
			lines = append(lines, l)
		}
	}
	total = len(lines)
	return lines[:min(max, len(lines))], total
}

// Predict the output: the Predict button hides the console and shows the
// scene's first 8 lines shuffled, never in order; the learner puts them in
// order with the Up buttons, a drag and Alt+Up, answers the scene's
// question, checks by playing, and each line is marked right or wrong as
// it prints, the summary and the answer said at the end, in English and
// Korean; a second try left as shuffled is marked wrong line by line;
// scenes with nothing to order say so; a new scene brings its own lines;
// the Show the console button leaves the mode.
func TestPredict(t *testing.T) {
	browser.OnServed(t, func(t *testing.T, tg browser.Target) {
		p := open(t, tg)
		t.Cleanup(func() { p.Eval(`loopscope.predictEnd(); loopscope.setLang("en")`, nil) })
		const id = "09_producer_consumer"
		scene, _ := scenes.Get(id)
		truth, total := firstLines(t, scene.Source, 8)
		var out strings.Builder
		for _, c := range engine.Run([]byte(scene.Source), engine.Options{Filename: "scene.py"}).Output {
			out.WriteString(c.Text)
		}
		answer, err := scene.Prompt.Answer(out.String())
		if err != nil {
			t.Fatal(err)
		}
		p.Eval(fmt.Sprintf(`loopscope.load(%q)`, id), nil)
		p.Do(chromedp.Click(chromedp.ID("predict-toggle")))
		p.WaitFor(`loopscope.predict().phase === "order"`, 10*time.Second)
		if !p.hidden("#console") || p.hidden("#predict") {
			t.Fatalf("in the Predict mode the console is shown %v, the panel %v", !p.hidden("#console"), !p.hidden("#predict"))
		}
		s := p.predict()
		shuffled := slices.Clone(s.Lines)
		sorted := func(l []string) []string { l = slices.Clone(l); slices.Sort(l); return l }
		if s.Count != 8 || s.Total != total || !s.Stamped || !slices.Equal(sorted(s.Lines), sorted(truth)) || slices.Equal(s.Lines, truth) {
			t.Fatalf("the lines to order: %+v; want a shuffle of %q (of %d)", s, truth, total)
		}
		if d := p.predictDOM(); !slices.Equal(d.Lines, s.Lines) {
			t.Fatalf("the panel shows %q, the API says %q", d.Lines, s.Lines)
		}
		if st := p.State(); st.Event != 0 || st.Playing {
			t.Errorf("the Predict mode leaves the stage at event %d, playing %v: want the start, paused", st.Event, st.Playing)
		}

		// Put them in order: the first line by a drag of its grip, the
		// second by Alt+Up on the focused line, the others by Up buttons.
		place := func(text string, from int) int {
			l := p.predict().Lines
			for j := from; j < len(l); j++ {
				if l[j] == text {
					return j
				}
			}
			t.Fatalf("%q is not in %q after place %d", text, l, from)
			return -1
		}
		item := func(j int) string { return fmt.Sprintf(`#predict .predict-item[data-place="%d"]`, j) }
		if j := place(truth[0], 0); j > 0 {
			p.Eval(`document.querySelector("#predict .predict-list").scrollIntoView({block: "start"})`, nil)
			g, top := p.Rect(item(j)+" .predict-grip"), p.Rect(item(0))
			left := func(pr *input.DispatchMouseEventParams) { pr.Button, pr.Buttons = input.MouseButtonLeft, 1 }
			x := g.X + g.W/2
			p.Do(chromedp.MouseEvent(chromedp.MousePressed, x, g.Y+g.H/2, left, chromedp.ClickCount(1)),
				chromedp.MouseEvent(chromedp.MouseMoved, x, (g.Y+top.Y)/2, left),
				chromedp.MouseEvent(chromedp.MouseMoved, x, top.Y+2, left),
				chromedp.MouseEvent(chromedp.MouseReleased, x, top.Y+2, left, chromedp.ClickCount(1)))
			if got := p.predict().Lines[0]; got != truth[0] {
				t.Fatalf("after dragging line %d to the top, the first line is %q, want %q", j+1, got, truth[0])
			}
		}
		if j := place(truth[1], 1); j > 1 {
			p.Do(chromedp.Focus(chromedp.CSS(item(j))))
			for ; j > 1; j-- {
				p.Do(chromedp.KeyEvent(kb.ArrowUp, chromedp.KeyModifiers(chromedp.ModifierAlt)))
			}
			if got := p.predict().Lines[1]; got != truth[1] {
				t.Fatalf("after Alt+Up, the second line is %q, want %q", got, truth[1])
			}
			var focused string
			p.Eval(`document.activeElement.dataset.focus || ""`, &focused)
			if focused != "line1" {
				t.Errorf("after Alt+Up the focus is on %q, want the moved line (line1)", focused)
			}
		}
		// The rest by their Up buttons, clicked in the page (a click each
		// through the tools would take seconds on this machine).
		p.Eval(fmt.Sprintf(`(() => { const truth = %s;
			const lines = () => [...document.querySelectorAll("#predict .predict-item .predict-line")].map((e) => e.textContent);
			for (let i = 2; i < truth.length; i++) {
				for (let j = lines().indexOf(truth[i], i); j > i; j--) document.querySelector('#predict .predict-item[data-place="' + j + '"] [data-focus^=up]').click();
			} })()`, jsonOf(t, truth)), nil)
		if got := p.predict().Lines; !slices.Equal(got, truth) {
			t.Fatalf("ordered: %q, want %q", got, truth)
		}

		// The scene's question: pick the right option, then check by playing.
		p.Do(chromedp.Click(chromedp.CSS(fmt.Sprintf(`#predict input[value="%d"]`, answer))))
		p.Eval(`loopscope.setSpeed(10)`, nil)
		p.Do(chromedp.Click(chromedp.ID("predict-check")))
		p.WaitFor(`loopscope.state().playing && loopscope.predict().phase === "checking"`, 10*time.Second)
		p.WaitFor(`loopscope.predict().verdicts.filter(Boolean).length >= 2`, 30*time.Second)
		p.Eval(`loopscope.pause()`, nil)
		// As far as the stage has come: one verdict for each line printed.
		var printed int
		p.Eval(`document.getElementById("console").textContent.split("\n").slice(0, -1).filter((l) => l.trim()).length`, &printed)
		s = p.predict()
		marked := len(slices.DeleteFunc(slices.Clone(s.Verdicts), func(v string) bool { return v == "" }))
		if marked != min(printed, 8) || s.Phase != "checking" || s.Summary != "" {
			t.Errorf("paused after %d lines printed: %d marked (%q), phase %s, summary %q", printed, marked, s.Verdicts, s.Phase, s.Summary)
		}
		p.Key(kb.End)
		p.WaitFor(`loopscope.predict().phase === "done"`, 10*time.Second)
		for _, lang := range []string{"en", "ko"} {
			p.Eval(fmt.Sprintf(`loopscope.setLang(%q)`, lang), nil)
			d := p.predictDOM()
			want := map[string][2]string{
				"en": {"All 8 lines in place!", fmt.Sprintf("Right: “%s” prints first.", scene.Prompt.Options[answer])},
				"ko": {"8줄 모두 제자리에 있습니다!", fmt.Sprintf("맞았습니다. “%s” 줄이 가장 먼저 출력됩니다.", scene.Prompt.Options[answer])},
			}[lang]
			if d.Summary != want[0] || d.Answer != want[1] || slices.ContainsFunc(d.Verdicts, func(v string) bool { return v != "right" }) {
				t.Errorf("%s, all in place: summary %q, answer %q, verdicts %q; want %q", lang, d.Summary, d.Answer, d.Verdicts, want)
			}
		}
		p.Screenshot("predict-right-ko")

		// Again, in Korean: left as shuffled, with another option picked.
		p.Do(chromedp.Click(chromedp.ID("predict-again")))
		p.WaitFor(`loopscope.predict().phase === "order"`, 10*time.Second)
		if s := p.predict(); !slices.Equal(s.Lines, shuffled) || s.Prompt == nil || s.Prompt.Choice != -1 || s.Prompt.Answer != -1 {
			t.Fatalf("Try again: %+v, want the same shuffle %q, no option picked, no answer", s, shuffled)
		}
		wrong := (answer + 1) % len(scene.Prompt.Options)
		p.Do(chromedp.Click(chromedp.CSS(fmt.Sprintf(`#predict input[value="%d"]`, wrong))))
		p.Do(chromedp.Click(chromedp.ID("predict-check")))
		p.WaitFor(`loopscope.predict().phase === "checking"`, 10*time.Second)
		p.Key(kb.End)
		p.WaitFor(`loopscope.predict().phase === "done"`, 10*time.Second)
		d := p.predictDOM()
		right := 0
		for i, v := range d.Verdicts {
			ok := shuffled[i] == truth[i]
			if ok {
				right++
			}
			if (v == "right") != ok || v == "" || (!ok && d.Was[i] != "실제로 여기 출력된 줄: "+truth[i]) || (ok && d.Was[i] != "") {
				t.Errorf("ko, line %d %q: verdict %q, under it %q; the scene printed %q", i+1, shuffled[i], v, d.Was[i], truth[i])
			}
		}
		if want := fmt.Sprintf("8줄 중 %d줄이 제자리에 있습니다.", right); right == 8 || d.Summary != want {
			t.Errorf("ko, as shuffled: summary %q, want %q", d.Summary, want)
		}
		if want := fmt.Sprintf("아쉽습니다. “%s” 줄이 가장 먼저 출력됩니다.", scene.Prompt.Options[answer]); d.Answer != want {
			t.Errorf("ko, a wrong pick: %q, want %q", d.Answer, want)
		}
		var words []string
		p.Eval(`["#console-title", "#predict h3", "#predict-again", "#predict-leave", "#predict-toggle"].map((s) => document.querySelector(s).textContent.trim())`, &words)
		if want := []string{"출력 예측", "장면이 출력할 순서대로 줄을 배열하세요", "다시 하기", "콘솔 보기", "예측"}; !slices.Equal(words, want) {
			t.Errorf("ko: the panel's words %q, want %q", words, want)
		}
		p.Screenshot("predict-wrong-ko")
		p.Eval(`loopscope.setLang("en")`, nil)
		if d := p.predictDOM(); d.Summary != fmt.Sprintf("%d of 8 lines in place.", right) || !strings.HasPrefix(d.Answer, "Not this time: ") {
			t.Errorf("en, as shuffled: summary %q, answer %q", d.Summary, d.Answer)
		}

		// Nothing to order: no line, one line, the same line again and
		// again; and a traceback, which is not part of the order.
		for _, tc := range []struct{ src, empty string }{
			{"import asyncio\n\nasync def main():\n    await asyncio.sleep(0)\n\nasyncio.run(main())\n", "This run prints nothing: there is nothing to predict."},
			{"print('only')\n", "This run prints one line: there is no order to predict."},
			{"for i in range(3):\n    print('tick')\n", "Every line this run prints is the same: there is no order to predict."},
		} {
			p.Eval(fmt.Sprintf(`loopscope.run(%q)`, tc.src), nil)
			p.WaitFor(`loopscope.predict().phase === "empty"`, 10*time.Second)
			var note string
			p.Eval(`document.querySelector("#predict .predict-note").textContent`, &note)
			if s := p.predict(); s.Empty != tc.empty || note != tc.empty || len(s.Lines) != 0 || s.Prompt != nil {
				t.Errorf("%q: %+v, the panel says %q; want %q", tc.src, s, note, tc.empty)
			}
		}
		// Repeated lines: a line is right where the same text printed.
		p.Eval(`loopscope.run("print('a')\nprint('a')\nprint('b')\nraise ValueError('late')\n")`, nil)
		p.WaitFor(`loopscope.predict().phase === "order"`, 10*time.Second)
		var notes string
		p.Eval(`[...document.querySelectorAll("#predict .predict-note")].map((e) => e.textContent).join(" | ")`, &notes)
		if s := p.predict(); slices.Equal(s.Lines, []string{"a", "a", "b"}) || s.Count != 3 || s.Prompt != nil || !strings.Contains(notes, "The traceback the run ends with is not part of the order.") {
			t.Errorf("a, a, b then a traceback: %+v, notes %q", s, notes)
		}
		p.Eval(`loopscope.predictMove(loopscope.predict().lines.indexOf("b"), 2); loopscope.predictCheck()`, nil)
		p.Key(kb.End)
		p.WaitFor(`loopscope.predict().phase === "done"`, 10*time.Second)
		if s := p.predict(); !slices.Equal(s.Verdicts, []string{"right", "right", "right"}) || s.Summary != "All 3 lines in place!" {
			t.Errorf("a, a, b in order: %q, %q", s.Verdicts, s.Summary)
		}

		// Another scene brings its own lines, still in the mode; Show the
		// console leaves it.
		p.Eval(`loopscope.load("01_event_loop")`, nil)
		p.WaitFor(`loopscope.predict().phase === "order"`, 10*time.Second)
		want, _ := firstLines(t, scenes.All()[0].Source, 8)
		if s := p.predict(); !slices.Equal(sorted(s.Lines), sorted(want)) || s.Prompt == nil || s.Prompt.Options[0] != scenes.All()[0].Prompt.Options[0] {
			t.Errorf("after loading 01_event_loop: %+v", s)
		}
		// The same code run again (or the stage started again for a new
		// pixel ratio) keeps the learner's order.
		var kept struct{ Before, After []string }
		p.Eval(`(async () => { loopscope.predictMove(0, 3); const before = loopscope.predict().lines;
			await loopscope.run(document.getElementById("code").value);
			return {before, after: loopscope.predict().lines}; })()`, &kept)
		if !slices.Equal(kept.Before, kept.After) || len(kept.After) != 8 {
			t.Errorf("the same code run again: the order %q became %q", kept.Before, kept.After)
		}
		// A phone: the console's tab is the Predict tab.
		p.Do(chromedp.EmulateViewport(390, 844))
		p.WaitFor(`innerWidth === 390`, 5*time.Second)
		p.Do(chromedp.Click(chromedp.ID("tab-console")))
		var tab string
		p.Eval(`document.getElementById("tab-console").textContent`, &tab)
		if tab != "Predict" || p.hidden("#predict-check") {
			t.Errorf("390 px: the tab says %q, Check by playing shown %v", tab, !p.hidden("#predict-check"))
		}
		p.Eval(`loopscope.setLang("ko")`, nil)
		p.Screenshot("predict-phone-ko")
		p.Do(chromedp.Click(chromedp.ID("predict-leave")))
		if s := p.predict(); s.On || p.hidden("#console") || !p.hidden("#predict") {
			t.Errorf("after Show the console: on %v, console shown %v", s.On, !p.hidden("#console"))
		}
		p.Eval(`document.getElementById("tab-console").textContent`, &tab)
		if tab != "콘솔" || p.hidden("#predict-pane") {
			t.Errorf("390 px, the mode left: the tab says %q, the pane's Predict button shown %v", tab, !p.hidden("#predict-pane"))
		}
	})
}

// jsonOf is v in JSON, for a script.
func jsonOf(t *testing.T, v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// hidden reports whether the element takes no room on the page.
func (p *page) hidden(sel string) bool {
	p.T.Helper()
	var h bool
	p.Eval(fmt.Sprintf(`(() => { const e = document.querySelector(%q); return !e || e.getClientRects().length === 0; })()`, sel), &h)
	return h
}

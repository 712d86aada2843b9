package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"loopscope/internal/e2e/browser"
	"loopscope/scenes/notes"
)

// litWalk is what the page shows at each event of a walk through a scene.
type litWalk struct {
	Events  int      `json:"events"`
	Lit     []string `json:"lit"`     // loopscope.state().lit at each event
	Marked  []string `json:"marked"`  // the sections marked lit, joined by spaces
	Visible []bool   `json:"visible"` // the lit section's top is inside the notes' view
	Heading []string `json:"heading"` // the pane title's words
}

// walkScene loads a scene and seeks to every event, recording the lit
// section. An action redraws the page's side at once: no frame to wait for.
func (p *page) walkScene(id string) litWalk {
	p.T.Helper()
	p.Eval(`loopscope.pause(); loopscope.load(`+browser.JSString(id)+`)`, nil)
	p.WaitFor(`loopscope.state().scene === `+browser.JSString(id)+` && loopscope.state().events > 1`, 30*time.Second)
	var w litWalk
	p.Eval(`(() => {
		const n = document.getElementById("notes"), out = {events: loopscope.state().events, lit: [], marked: [], visible: [], heading: []};
		for (let i = 0; i < out.events; i++) {
			loopscope.seek(i);
			const lit = [...n.querySelectorAll(".note-section.lit")];
			const nr = n.getBoundingClientRect(), r = lit.length ? lit[0].getBoundingClientRect() : null;
			out.lit.push(loopscope.state().lit);
			out.marked.push(lit.map(e => e.dataset.section).join(" "));
			out.visible.push(!!r && r.top >= nr.top - 1 && r.top < nr.bottom);
			out.heading.push(document.getElementById("notes-concept").textContent);
		}
		return out; })()`, &w)
	return w
}

// TestNotesFollowTheMoment walks every built-in scene: at each event the page lights the section the site's build says
// explains it (the one that started last, notes.Lit), and only that one,
// scrolled into the notes' view. At event 0 the notes show their
// introduction, from the top.
func TestNotesFollowTheMoment(t *testing.T) {
	browser.OnServed(t, func(t *testing.T, tg browser.Target) {
		p := open(t, tg)
		// With reduced motion the notes jump to the lit section instead of
		// scrolling smoothly, so its place can be read at once.
		p.Do(reducedMotion(true))
		defer p.Do(reducedMotion(false))
		// Each scene is walked once, the languages taking turns (a walk
		// costs seconds on this machine): every scene and both languages.
		// The scenes' own test checks each scene's notes in both languages
		// natively, with the same rule.
		for k, sd := range browser.PageData.Scenes {
			lang := []string{"en", "ko"}[k%2]
			p.Eval(`loopscope.setLang(`+browser.JSString(lang)+`)`, nil)
			n := sd.Notes[lang]
			w := p.walkScene(sd.ID)
			if w.Events != sd.Events {
				t.Errorf("%s in %s: the page plays %d events, the build counted %d", sd.ID, lang, w.Events, sd.Events)
				continue
			}
			starts := make([]int, len(n.Sections))
			for i, sec := range n.Sections {
				starts[i] = sec.Start
			}
			seen := map[string]bool{}
			for i := range w.Events {
				want := n.Sections[notes.Lit(starts, i)].ID
				seen[w.Lit[i]] = true
				if w.Lit[i] != want || w.Marked[i] != want || !w.Visible[i] {
					t.Errorf("%s in %s, event %d: lit %q, marked %q, in view %v; want %q in view",
						sd.ID, lang, i, w.Lit[i], w.Marked[i], w.Visible[i], want)
					break
				}
				if heading := w.Heading[i]; (want == notes.IntroID) != (heading == "") {
					t.Errorf("%s in %s, event %d: the pane's title reads %q for section %q", sd.ID, lang, i, heading, want)
					break
				}
			}
			if len(seen) != len(n.Sections) {
				t.Errorf("%s in %s: %d of %d sections lit along the walk", sd.ID, lang, len(seen), len(n.Sections))
			}
		}
		p.Eval(`loopscope.setLang("en")`, nil)
	})
}

// TestNotesOpenAtTheIntroduction: a scene loads with its notes scrolled to
// the top and the introduction lit, in both languages; playing on, a
// section lights and is scrolled into view when its moment comes (smooth
// scrolling, as a learner sees it); after an edit the notes say, in the
// page's language, that they describe the original scene.
func TestNotesOpenAtTheIntroduction(t *testing.T) {
	browser.OnServed(t, func(t *testing.T, tg browser.Target) {
		p := open(t, tg)
		sd := browser.PageData.Scenes[0]
		type view struct {
			State  browser.State `json:"state"`
			Scroll int           `json:"scroll"`
			Top    bool          `json:"top"` // the lit section's top is inside the notes' view
			Note   string        `json:"note"`
			Key    string        `json:"key"`
			Shown  bool          `json:"shown"`
		}
		look := func() view {
			var v view
			p.Eval(`(() => { const n = document.getElementById("notes"), lit = n.querySelector(".note-section.lit"), note = n.querySelector(".notes-edited");
				const nr = n.getBoundingClientRect(), r = lit ? lit.getBoundingClientRect() : null;
				return {state: loopscope.state(), scroll: n.scrollTop, top: !!r && r.top >= nr.top - 1 && r.top < nr.bottom,
					note: note ? note.textContent : "", key: note ? note.dataset.key : "", shown: !!note && !note.hidden && note.offsetHeight > 0}; })()`, &v)
			return v
		}
		for _, lang := range []string{"en", "ko"} {
			p.Eval(`loopscope.setLang(`+browser.JSString(lang)+`); loopscope.pause(); loopscope.load(`+browser.JSString(sd.ID)+`)`, nil)
			p.HasEvents()
			v := look()
			if v.State.Event != 0 || v.State.Lit != notes.IntroID || v.Scroll != 0 || !v.Top || v.Shown {
				t.Errorf("%s: the scene opens at event %d with %q lit, scrolled %d px, the note about an edit shown %v; want the introduction, from the top",
					lang, v.State.Event, v.State.Lit, v.Scroll, v.Shown)
			}
			p.Screenshot("notes-intro-" + lang)
		}
		// Korean words stay whole: no word of the notes is split over two
		// lines (a word broken in the middle has a box on each line).
		p.Eval(`loopscope.setLang("ko")`, nil)
		for _, w := range []int{1440, 390} {
			p.Do(chromedp.EmulateViewport(int64(w), 844))
			if w == 390 {
				p.Eval(`document.getElementById("tab-notes") && document.getElementById("tab-notes").click()`, nil)
			}
			var split []string
			p.Eval(`(() => { const out = [], n = document.getElementById("notes");
				const walk = document.createTreeWalker(n, NodeFilter.SHOW_TEXT);
				for (let t = walk.nextNode(); t; t = walk.nextNode()) {
					if (t.parentElement.closest("code, pre")) continue;
					for (const m of t.data.matchAll(/[\uac00-\ud7a3]+/g)) {
						const r = document.createRange();
						r.setStart(t, m.index); r.setEnd(t, m.index + m[0].length);
						const lines = new Set([...r.getClientRects()].map(b => Math.round(b.top)));
						if (lines.size > 1) out.push(m[0]);
					}
				}
				return out; })()`, &split)
			if len(split) > 0 {
				t.Errorf("at %d px wide, Korean words split over two lines: %q", w, split)
			}
			p.Screenshot(fmt.Sprintf("notes-ko-words-%d", w))
		}
		p.Do(chromedp.EmulateViewport(1440, 900))
		p.Eval(`document.getElementById("tab-stage") && document.getElementById("tab-stage").click()`, nil)
		p.Eval(`loopscope.setLang("en")`, nil)

		// Playing: the last section's moment comes, and the notes scroll to it.
		n := sd.Notes["en"]
		last := n.Sections[len(n.Sections)-1]
		p.Eval(fmt.Sprintf(`loopscope.seek(%d); loopscope.setSpeed(1); loopscope.play()`, last.Start-3), nil)
		p.WaitFor(fmt.Sprintf(`loopscope.state().lit === %s`, browser.JSString(last.ID)), 30*time.Second)
		p.Eval(`loopscope.pause()`, nil)
		p.WaitFor(`(() => { const n = document.getElementById("notes"), r = n.querySelector(".note-section.lit").getBoundingClientRect(), nr = n.getBoundingClientRect();
			return r.top >= nr.top - 1 && r.top < nr.bottom - 40; })()`, 10*time.Second)
		if v := look(); v.Scroll == 0 {
			t.Errorf("the notes did not scroll to %q: %+v", last.ID, v)
		}
		p.Screenshot("notes-lit-last")

		// An edit in the editor: the stage still plays the original, so the
		// sections still light; the note says so, in the page's language.
		var edited string
		p.Eval(`(() => { const c = document.getElementById("code"); c.value = c.value.replace("brew(\"coffee\", 3)", "brew(\"coffee\", 5)");
			c.dispatchEvent(new Event("input")); return c.value; })()`, &edited)
		if edited == sd.Source {
			t.Fatal("the edit did not change the source")
		}
		for _, lang := range []string{"en", "ko"} {
			p.Eval(`loopscope.setLang(`+browser.JSString(lang)+`)`, nil)
			v := look()
			if !v.Shown || v.Key != "notes.edited" || v.State.Lit != last.ID || (lang == "ko") != browser.HasHangul(v.Note) {
				t.Errorf("%s, edited, not run: note %q (%s, shown %v), lit %q", lang, v.Note, v.Key, v.Shown, v.State.Lit)
			}
		}
		// The edit runs: no section is lit any more, and the note says why.
		p.Eval(`loopscope.run(document.getElementById("code").value)`, nil)
		p.WaitFor(`document.querySelector("#notes .notes-edited").dataset.key === "notes.editedRun"`, 30*time.Second)
		for _, lang := range []string{"ko", "en"} {
			p.Eval(`loopscope.setLang(`+browser.JSString(lang)+`); loopscope.seek(5)`, nil)
			v := look()
			if !v.Shown || v.State.Lit != "" || (lang == "ko") != browser.HasHangul(v.Note) || !strings.Contains(v.Note, map[string]string{"en": "original scene", "ko": "원래 장면"}[lang]) {
				t.Errorf("%s, edited and run: note %q (shown %v), lit %q", lang, v.Note, v.Shown, v.State.Lit)
			}
			if lang == "ko" {
				p.Screenshot("notes-edited-ko")
			}
		}
		// Back to the built-in scene: the note goes, the introduction is lit,
		// at once, while the edited run may still be on the stage.
		var loading struct {
			Key    string `json:"key"`
			Hidden bool   `json:"hidden"`
			Lit    string `json:"lit"`
		}
		p.Eval(`(() => { loopscope.load(`+browser.JSString(sd.ID)+`); const note = document.querySelector("#notes .notes-edited");
			return {key: note.dataset.key, hidden: note.hidden, lit: loopscope.state().lit}; })()`, &loading)
		if loading.Key != "" || !loading.Hidden || loading.Lit != notes.IntroID {
			t.Errorf("loading the built-in scene after an edited run: note %q (hidden %v), lit %q; want no note and the introduction", loading.Key, loading.Hidden, loading.Lit)
		}
		p.WaitFor(`loopscope.state().lit === "intro" && document.querySelector("#notes .notes-edited").hidden`, 30*time.Second)
	})
}

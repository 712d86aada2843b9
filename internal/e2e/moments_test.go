package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

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
	p.t.Helper()
	p.eval(`loopscope.pause(); loopscope.load(`+jsString(id)+`)`, nil)
	p.waitFor(`loopscope.state().scene === `+jsString(id)+` && loopscope.state().events > 1`, 30*time.Second)
	var w litWalk
	p.eval(`(() => {
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
	onServed(t, func(t *testing.T, tg target) {
		p := open(t, tg)
		// With reduced motion the notes jump to the lit section instead of
		// scrolling smoothly, so its place can be read at once.
		p.do(reducedMotion(true))
		defer p.do(reducedMotion(false))
		// Each scene is walked once, the languages taking turns (a walk
		// costs seconds on this machine): every scene and both languages.
		// The scenes' own test checks each scene's notes in both languages
		// natively, with the same rule.
		for k, sd := range pageData.Scenes {
			lang := []string{"en", "ko"}[k%2]
			p.eval(`loopscope.setLang(`+jsString(lang)+`)`, nil)
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
		p.eval(`loopscope.setLang("en")`, nil)
	})
}

// TestNotesOpenAtTheIntroduction: a scene loads with its notes scrolled to
// the top and the introduction lit, in both languages; playing on, a
// section lights and is scrolled into view when its moment comes (smooth
// scrolling, as a learner sees it); after an edit the notes say, in the
// page's language, that they describe the original scene.
func TestNotesOpenAtTheIntroduction(t *testing.T) {
	onServed(t, func(t *testing.T, tg target) {
		p := open(t, tg)
		sd := pageData.Scenes[0]
		type view struct {
			State  State  `json:"state"`
			Scroll int    `json:"scroll"`
			Top    bool   `json:"top"` // the lit section's top is inside the notes' view
			Note   string `json:"note"`
			Key    string `json:"key"`
			Shown  bool   `json:"shown"`
		}
		look := func() view {
			var v view
			p.eval(`(() => { const n = document.getElementById("notes"), lit = n.querySelector(".note-section.lit"), note = n.querySelector(".notes-edited");
				const nr = n.getBoundingClientRect(), r = lit ? lit.getBoundingClientRect() : null;
				return {state: loopscope.state(), scroll: n.scrollTop, top: !!r && r.top >= nr.top - 1 && r.top < nr.bottom,
					note: note ? note.textContent : "", key: note ? note.dataset.key : "", shown: !!note && !note.hidden && note.offsetHeight > 0}; })()`, &v)
			return v
		}
		for _, lang := range []string{"en", "ko"} {
			p.eval(`loopscope.setLang(`+jsString(lang)+`); loopscope.pause(); loopscope.load(`+jsString(sd.ID)+`)`, nil)
			p.hasEvents()
			v := look()
			if v.State.Event != 0 || v.State.Lit != notes.IntroID || v.Scroll != 0 || !v.Top || v.Shown {
				t.Errorf("%s: the scene opens at event %d with %q lit, scrolled %d px, the note about an edit shown %v; want the introduction, from the top",
					lang, v.State.Event, v.State.Lit, v.Scroll, v.Shown)
			}
			p.screenshot("notes-intro-" + lang)
		}
		// Korean words stay whole: no word of the notes is split over two
		// lines (a word broken in the middle has a box on each line).
		p.eval(`loopscope.setLang("ko")`, nil)
		for _, w := range []int{1440, 390} {
			p.do(chromedp.EmulateViewport(int64(w), 844))
			if w == 390 {
				p.eval(`document.getElementById("tab-notes") && document.getElementById("tab-notes").click()`, nil)
			}
			var split []string
			p.eval(`(() => { const out = [], n = document.getElementById("notes");
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
			p.screenshot(fmt.Sprintf("notes-ko-words-%d", w))
		}
		p.do(chromedp.EmulateViewport(1440, 900))
		p.eval(`document.getElementById("tab-stage") && document.getElementById("tab-stage").click()`, nil)
		p.eval(`loopscope.setLang("en")`, nil)

		// Playing: the last section's moment comes, and the notes scroll to it.
		n := sd.Notes["en"]
		last := n.Sections[len(n.Sections)-1]
		p.eval(fmt.Sprintf(`loopscope.seek(%d); loopscope.setSpeed(1); loopscope.play()`, last.Start-3), nil)
		p.waitFor(fmt.Sprintf(`loopscope.state().lit === %s`, jsString(last.ID)), 30*time.Second)
		p.eval(`loopscope.pause()`, nil)
		p.waitFor(`(() => { const n = document.getElementById("notes"), r = n.querySelector(".note-section.lit").getBoundingClientRect(), nr = n.getBoundingClientRect();
			return r.top >= nr.top - 1 && r.top < nr.bottom - 40; })()`, 10*time.Second)
		if v := look(); v.Scroll == 0 {
			t.Errorf("the notes did not scroll to %q: %+v", last.ID, v)
		}
		p.screenshot("notes-lit-last")

		// An edit in the editor: the stage still plays the original, so the
		// sections still light; the note says so, in the page's language.
		var edited string
		p.eval(`(() => { const c = document.getElementById("code"); c.value = c.value.replace("brew(\"coffee\", 3)", "brew(\"coffee\", 5)");
			c.dispatchEvent(new Event("input")); return c.value; })()`, &edited)
		if edited == sd.Source {
			t.Fatal("the edit did not change the source")
		}
		for _, lang := range []string{"en", "ko"} {
			p.eval(`loopscope.setLang(`+jsString(lang)+`)`, nil)
			v := look()
			if !v.Shown || v.Key != "notes.edited" || v.State.Lit != last.ID || (lang == "ko") != hasHangul(v.Note) {
				t.Errorf("%s, edited, not run: note %q (%s, shown %v), lit %q", lang, v.Note, v.Key, v.Shown, v.State.Lit)
			}
		}
		// The edit runs: no section is lit any more, and the note says why.
		p.eval(`loopscope.run(document.getElementById("code").value)`, nil)
		p.waitFor(`document.querySelector("#notes .notes-edited").dataset.key === "notes.editedRun"`, 30*time.Second)
		for _, lang := range []string{"ko", "en"} {
			p.eval(`loopscope.setLang(`+jsString(lang)+`); loopscope.seek(5)`, nil)
			v := look()
			if !v.Shown || v.State.Lit != "" || (lang == "ko") != hasHangul(v.Note) || !strings.Contains(v.Note, map[string]string{"en": "original scene", "ko": "원래 장면"}[lang]) {
				t.Errorf("%s, edited and run: note %q (shown %v), lit %q", lang, v.Note, v.Shown, v.State.Lit)
			}
			if lang == "ko" {
				p.screenshot("notes-edited-ko")
			}
		}
		// Back to the built-in scene: the note goes, the introduction is lit,
		// at once, while the edited run may still be on the stage.
		var loading struct {
			Key    string `json:"key"`
			Hidden bool   `json:"hidden"`
			Lit    string `json:"lit"`
		}
		p.eval(`(() => { loopscope.load(`+jsString(sd.ID)+`); const note = document.querySelector("#notes .notes-edited");
			return {key: note.dataset.key, hidden: note.hidden, lit: loopscope.state().lit}; })()`, &loading)
		if loading.Key != "" || !loading.Hidden || loading.Lit != notes.IntroID {
			t.Errorf("loading the built-in scene after an edited run: note %q (hidden %v), lit %q; want no note and the introduction", loading.Key, loading.Hidden, loading.Lit)
		}
		p.waitFor(`loopscope.state().lit === "intro" && document.querySelector("#notes .notes-edited").hidden`, 30*time.Second)
	})
}

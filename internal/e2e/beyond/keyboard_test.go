package beyond

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"loopscope/internal/e2e/browser"
)

// markControls numbers every control a keyboard user should reach on the
// page as it is now (visible, enabled, not taken out of the tab order) in
// data-kb, and returns their descriptions in document order. Radio buttons
// count once per group: Tab reaches a group, the arrows move inside it.
const markControls = `(() => {
	const seen = new Set(), out = [];
	for (const e of document.querySelectorAll("[data-kb]")) delete e.dataset.kb;
	for (const e of document.querySelectorAll("button, select, input, textarea, a[href], summary, [tabindex]")) {
		if (e.tabIndex < 0 || e.disabled || !e.getClientRects().length) continue;
		if (e.closest("[hidden], dialog:not([open]), [inert]")) continue;
		const cs = getComputedStyle(e);
		if (cs.visibility !== "visible" || cs.display === "none") continue;
		let id = e.id || e.getAttribute("aria-label") || (e.textContent || "").trim().slice(0, 30) || e.tagName;
		if (e.type === "radio") {
			if (seen.has("radio:" + e.name)) { e.dataset.kb = "radio:" + e.name; continue; }
			id = "radio:" + e.name;
			seen.add(id);
		}
		e.dataset.kb = id;
		out.push(id);
	}
	return out;
})()`

// focused describes the focused element: its data-kb, and whether it
// shows that it has focus (an outline or a ring drawn with a shadow).
const focused = `(() => {
	const e = document.activeElement;
	if (!e || e === document.body) return {id: "", ring: false, code: false};
	const cs = getComputedStyle(e);
	const ring = (cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) > 0) || cs.boxShadow !== "none";
	return {id: e.dataset.kb || ("unmarked " + e.tagName + "#" + e.id), ring: ring && e.matches(":focus-visible"), code: e.id === "code"};
})()`

// TestKeyboardReachesEveryControl: from the top of the page, Tab alone
// (with Escape first to leave the code editor, whose Tab indents, as its
// description says) reaches every visible control, in both languages, on
// a laptop and on a phone, and every control shows its focus.
func TestKeyboardReachesEveryControl(t *testing.T) {
	browser.OnServed(t, func(t *testing.T, tg browser.Target) {
		p := open(t, tg)
		for _, size := range []struct {
			name string
			w, h int64
		}{{"laptop", 1440, 900}, {"phone", 390, 844}} {
			for _, lang := range []string{"en", "ko"} {
				where := fmt.Sprintf("%s %s", size.name, lang)
				p.Do(chromedp.EmulateViewport(size.w, size.h))
				p.Eval(fmt.Sprintf(`loopscope.setLang(%q); loopscope.pause(); document.activeElement && document.activeElement.blur()`, lang), nil)
				var controls []string
				p.Eval(markControls, &controls)
				if len(controls) < 10 {
					t.Fatalf("%s: only %d controls: %q", where, len(controls), controls)
				}
				want := map[string]bool{}
				for _, c := range controls {
					want[c] = true
				}
				reached := map[string]bool{}
				var order []string
				for i := 0; i < 3*len(controls)+10 && len(reached) < len(want); i++ {
					var f struct {
						ID   string
						Ring bool
						Code bool
					}
					p.Eval(focused, &f)
					if f.Code {
						// The editor's description tells how to leave it.
						var desc string
						p.Eval(`(() => { const d = document.getElementById(document.getElementById("code").getAttribute("aria-describedby") || "-"); return d ? d.textContent : ""; })()`, &desc)
						if !strings.Contains(desc, "Esc") || browser.HasHangul(desc) != (lang == "ko") {
							t.Errorf("%s: the code editor's description %q does not say, in the page's language, how to leave it", where, desc)
						}
						p.Do(chromedp.KeyEvent(kb.Escape))
					}
					if f.ID != "" {
						if !f.Ring {
							t.Errorf("%s: %s has focus but shows no ring", where, f.ID)
						}
						if !reached[f.ID] {
							order = append(order, f.ID)
						}
						if want[f.ID] {
							reached[f.ID] = true
						}
					}
					p.Do(chromedp.KeyEvent(kb.Tab))
				}
				var missed []string
				for _, c := range controls {
					if !reached[c] {
						missed = append(missed, c)
					}
				}
				if len(missed) > 0 {
					t.Errorf("%s: Tab never reached %q (reached, in order: %q)", where, missed, order)
				}
			}
		}
		p.Do(chromedp.EmulateViewport(1440, 900))
	})
}

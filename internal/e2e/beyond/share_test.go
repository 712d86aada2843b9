package beyond

import (
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"loopscope/internal/e2e/browser"
)

// onStatic runs f against the static site (the files `go run . build DIR`
// writes, hosted by a plain file server): a share link must work there,
// with no server of loopscope's behind it.
func onStatic(t *testing.T, f func(t *testing.T, tg browser.Target)) {
	t.Helper()
	if browser.SkipReason != "" {
		t.Skip(browser.SkipReason)
	}
	for _, tg := range browser.Targets {
		if tg.Name == "static" {
			t.Run(tg.Name, func(t *testing.T) { f(t, tg) })
			return
		}
	}
	t.Fatal("no static target")
}

// shareView is what the page shows of a share link: the state, the
// editor's code and the share box.
type shareView struct {
	State  browser.State
	Code   string
	Pop    bool   // the share box is shown
	Said   string // its words
	Field  string // the link in its field, when shown
	Button string // the Share button's visible text
	Title  string // and tooltip
}

func (p *page) shareView() shareView {
	p.T.Helper()
	var v shareView
	p.Eval(`({State: loopscope.state(), Code: document.getElementById("code").value,
		Pop: !document.getElementById("share-pop").hidden,
		Said: document.getElementById("share-status").textContent,
		Field: document.getElementById("share-url").hidden ? "" : document.getElementById("share-url").value,
		Button: document.getElementById("share").textContent.trim(),
		Title: document.getElementById("share").title})`, &v)
	return v
}

// openLink loads link afresh (not as a change of fragment: a link opened
// in a new tab) and waits until the page is ready, has run the scene and
// until is true (what the link restores last).
func (p *page) openLink(link, until string) shareView {
	p.T.Helper()
	p.Do(chromedp.Navigate("about:blank"))
	p.Do(chromedp.Navigate(link))
	p.WaitReady()
	p.WaitFor("loopscope.state().events > 1 && !loopscope.state().running && ("+until+")", 60*time.Second)
	return p.shareView()
}

// followLink gives the open page link's fragment, as a link pasted into
// its address bar does (the share box closed first), and waits until the
// page has restored it and until is true.
func (p *page) followLink(link, until string) shareView {
	p.T.Helper()
	p.Eval(`document.getElementById("share-close").click(); location.href = `+browser.JSString(link), nil)
	p.WaitFor("loopscope.state().events > 1 && !loopscope.state().running && ("+until+")", 60*time.Second)
	return p.shareView()
}

// saying is an expression true when the share box says words.
func saying(words string) string {
	return `!document.getElementById("share-pop").hidden && document.getElementById("share-status").textContent.includes(` + browser.JSString(words) + `)`
}

// message is the page's message key in lang, its {name}s filled.
func (p *page) message(key, lang string, args map[string]string) string {
	p.T.Helper()
	var m map[string]struct{ En, Ko string }
	p.Eval("loopscope.messages()", &m)
	w, ok := m[key]
	if !ok {
		p.T.Fatalf("no message %s", key)
	}
	s := w.En
	if lang == "ko" {
		s = w.Ko
	}
	for k, v := range args {
		s = strings.ReplaceAll(s, "{"+k+"}", v)
	}
	return s
}

var fragmentPart = regexp.MustCompile(`[#&]([a-z])=([^&]*)`)

// linkParts is the link's fragment as name -> value.
func linkParts(t *testing.T, link string) map[string]string {
	t.Helper()
	u, err := url.Parse(link)
	if err != nil {
		t.Fatalf("link %q: %v", link, err)
	}
	parts := map[string]string{}
	for _, m := range fragmentPart.FindAllStringSubmatch("#"+u.Fragment, -1) {
		parts[m[1]] = m[2]
	}
	return parts
}

// TestShareRoundTrip makes share links on the static site and opens them
// in a fresh page: an unedited scene at an event, a speed and a language
// (no code in its link), and an edited scene (its code, Korean comment
// and all, comes back, runs and is at the event).
func TestShareRoundTrip(t *testing.T) {
	onStatic(t, func(t *testing.T, tg browser.Target) {
		p := openOwn(t, tg)
		scene := browser.PageData.Scenes[6].ID // 07: a scene with many events
		p.Eval(`loopscope.load(`+browser.JSString(scene)+`).then(() => { loopscope.seek(41); loopscope.setSpeed(1.5); loopscope.setLang("ko"); })`, nil)
		var link string
		p.Eval("loopscope.share()", &link)
		parts := linkParts(t, link)
		if parts["s"] != scene || parts["e"] != "42" || parts["x"] != "1.5" || parts["l"] != "ko" || parts["c"] != "" {
			t.Fatalf("link %q: want s=%s e=42 x=1.5 l=ko and no code", link, scene)
		}
		if !strings.HasPrefix(link, tg.URL) {
			t.Errorf("link %q is not on the site %s", link, tg.URL)
		}
		// Somewhere else first, so nothing is left from before.
		p.Eval(`loopscope.setLang("en"); loopscope.load(loopscope.scenes()[0].id)`, nil)
		v := p.openLink(link, `loopscope.state().event === 41 && loopscope.state().lang === "ko"`)
		if v.State.Scene != scene || v.State.Event != 41 || v.State.Speed != 1.5 || v.State.Lang != "ko" || v.State.Edited || v.Pop {
			t.Errorf("opened %s: %+v, box %v %q; want %s at event 41, 1.5x, ko, not edited, no box", link, v.State, v.Pop, v.Said, scene)
		}
		if v.Code != browser.PageData.Scenes[6].Source {
			t.Errorf("opened %s: the editor does not hold the scene as written", link)
		}

		// The same link pasted in the address bar of an open page: only
		// the fragment changes, and the page restores it all the same.
		p.Eval(`loopscope.setLang("en"); loopscope.load(loopscope.scenes()[0].id)`, nil)
		p.Eval(`location.hash = `+browser.JSString("#"+strings.SplitN(link, "#", 2)[1]), nil)
		p.WaitFor(`loopscope.state().scene === `+browser.JSString(scene)+` && !loopscope.state().running && loopscope.state().event === 41 && loopscope.state().lang === "ko"`, 60*time.Second)
		if s := p.State(); s.Speed != 1.5 || s.Edited {
			t.Errorf("the link as a new fragment: %+v, want 1.5x, not edited", s)
		}

		// An edited scene, with words in Korean: its code comes back and runs.
		code := strings.Replace(browser.PageData.Scenes[6].Source, "import asyncio", "import asyncio\n# 공유한 코드: \"따옴표\" & <기호> + 100%", 1) + "\nprint(\"shared, edited\")\n"
		var r struct{ Ok bool }
		p.Eval(`loopscope.setLang("en"); loopscope.run(`+browser.JSString(code)+`)`, &r)
		if !r.Ok {
			t.Fatal("the edited scene did not run")
		}
		s := p.State()
		at := s.Events - 2
		p.Eval(`loopscope.pause(); loopscope.seek(`+itoa(at)+`); loopscope.setSpeed(0.25)`, nil)
		p.Eval("loopscope.share()", &link)
		parts = linkParts(t, link)
		if parts["c"] == "" || parts["e"] != itoa(at+1) || parts["l"] != "en" || parts["x"] != "0.25" {
			t.Fatalf("edited link %q: want code, e=%d, l=en, x=0.25", link, at+1)
		}
		t.Logf("an edited %d-line scene (%d bytes): a link of %d characters", strings.Count(code, "\n"), len(code), len(link))
		p.Eval(`loopscope.load(loopscope.scenes()[0].id)`, nil)
		v = p.openLink(link, "loopscope.state().event === "+itoa(at))
		if v.Code != code || !v.State.Edited || v.State.Scene != scene || v.State.Events != s.Events || v.State.Speed != 0.25 || v.State.Lang != "en" || v.Pop {
			t.Errorf("opened the edited link: %+v, box %v %q, code same %v; want the edited run of %d events at %d", v.State, v.Pop, v.Said, v.Code == code, s.Events, at)
		}
		var out string
		p.Eval(`loopscope.seek(loopscope.state().events - 1); document.getElementById("console").textContent`, &out)
		if !strings.Contains(out, "shared, edited") {
			t.Errorf("the edited code did not run: console %q", out)
		}

		// A 500-line scene still makes a link of a sane length.
		long := browser.LongScene()
		p.Eval(`loopscope.setLang("en"); document.getElementById("code").value = `+browser.JSString(long)+`; loopscope.share()`, &link)
		t.Logf("a %d-line scene (%d bytes): a link of %d characters", strings.Count(long, "\n"), len(long), len(link))
		if len(link) > 16000 {
			t.Errorf("a 500-line scene makes a link of %d characters", len(link))
		}
	})
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestShareBadLinks opens links that are cut short or wrong in each part:
// the page opens all the same, with what it could restore, and says in
// its words (the link's language, or English) which part it did not
// understand.
func TestShareBadLinks(t *testing.T) {
	onStatic(t, func(t *testing.T, tg browser.Target) {
		p := openOwn(t, tg)
		scene := browser.PageData.Scenes[1].ID
		first := browser.PageData.Scenes[0].ID
		code := browser.PageData.Scenes[1].Source + "\nprint(\"edited\")\n"
		var speed float64
		p.Eval(`loopscope.load(`+browser.JSString(scene)+`).then(() => loopscope.state().speed)`, &speed)
		var link string
		p.Eval(`loopscope.load(`+browser.JSString(scene)+`).then(() => { document.getElementById("code").value = `+browser.JSString(code)+`; return loopscope.share(); })`, &link)
		c := linkParts(t, link)["c"]
		if len(c) < 20 {
			t.Fatalf("link %q: no code", link)
		}
		base := tg.URL + "#s=" + scene
		cases := []struct {
			name, frag, lang string
			key              string
			args             map[string]string
			scene            string
			edited           bool
		}{
			{"cut code", "&l=en&c=" + c[:len(c)/2], "en", "share.bad.code", nil, scene, false},
			{"cut code ko", "&l=ko&c=" + c[:len(c)-3], "ko", "share.bad.code", nil, scene, false},
			{"not base64", "&l=ko&c=%21%21*%24", "ko", "share.bad.code", nil, scene, false},
			{"not deflate", "&l=en&c=AAAAAAAAAAAA", "en", "share.bad.code", nil, scene, false},
			{"event past the end", "&l=ko&e=999999", "ko", "share.bad.event", map[string]string{"value": "999999", "events": ""}, scene, false},
			{"event not a number", "&l=en&e=abc&c=" + c, "en", "share.bad.event", map[string]string{"value": "abc", "events": ""}, scene, true},
			{"speed NaN", "&l=ko&x=NaN", "ko", "share.bad.speed", map[string]string{"value": "NaN", "speed": "1"}, scene, false},
			{"speed too fast", "&l=en&x=1e9", "en", "share.bad.speed", map[string]string{"value": "1e9", "speed": "1"}, scene, false},
			{"unknown language", "&l=xx", "en", "share.bad.lang", map[string]string{"value": "xx"}, scene, false},
		}
		// An unknown scene: the first one opens.
		unknown := tg.URL + "#s=99_no_such_scene&l=ko&e=3"
		for i, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				p.T = t
				p.Eval(`loopscope.setLang("en")`, nil)
				args := map[string]string{}
				for k, v := range tc.args {
					args[k] = v
				}
				if _, ok := args["speed"]; ok { // the scene's own speed
					args["speed"] = strconv.FormatFloat(speed, 'f', -1, 64)
				}
				head := p.message("share.bad", tc.lang, nil)
				// The first link opens afresh, the others as links
				// pasted into the open page: a fresh page costs a cold
				// load of the module each time.
				until := saying(head) + fmt.Sprintf(" && loopscope.state().lang === %q && loopscope.state().edited === %v && loopscope.state().scene === %q", tc.lang, tc.edited, tc.scene)
				var v shareView
				if i == 0 {
					v = p.openLink(base+tc.frag, until)
				} else {
					v = p.followLink(base+tc.frag, until)
				}
				if _, ok := args["events"]; ok { // the run's
					args["events"] = strconv.Itoa(v.State.Events)
				}
				want := p.message(tc.key, tc.lang, args)
				if !v.Pop || !strings.Contains(v.Said, head) || !strings.Contains(v.Said, want) {
					t.Errorf("%s: box %v %q; want %q and %q", base+tc.frag, v.Pop, v.Said, head, want)
				}
				if v.State.Scene != tc.scene || v.State.Edited != tc.edited || v.State.Lang != tc.lang || v.State.Error != nil || v.State.Events < 2 {
					t.Errorf("%s: the page is not working as it should: %+v", base+tc.frag, v.State)
				}
				// The page works: it plays on.
				p.Eval("loopscope.seek(0); loopscope.step(1)", nil)
				if s := p.State(); s.Event != 1 {
					t.Errorf("%s: a step after opening lands on %d", base+tc.frag, s.Event)
				}
				p.Click("Share") // and shares again
				p.WaitFor(`!document.getElementById("share-pop").hidden && !document.getElementById("share-status").textContent.includes(`+browser.JSString(head)+`)`, 10*time.Second)
			})
		}
		t.Run("unknown scene", func(t *testing.T) {
			p.T = t
			want := p.message("share.bad.scene", "ko", map[string]string{"value": "99_no_such_scene"})
			v := p.openLink(unknown, "loopscope.state().event === 2 && "+saying(want))
			if !v.Pop || !strings.Contains(v.Said, want) || v.State.Scene != first || v.State.Lang != "ko" {
				t.Errorf("%s: box %v %q, state %+v; want %q on the first scene in ko", unknown, v.Pop, v.Said, v.State, want)
			}
			// The box speaks the page's language after a switch.
			p.Eval(`loopscope.setLang("en")`, nil)
			v = p.shareView()
			if want := p.message("share.bad.scene", "en", map[string]string{"value": "99_no_such_scene"}); !strings.Contains(v.Said, want) {
				t.Errorf("after a switch to English the box says %q, want %q", v.Said, want)
			}
		})
		p.T = t
		if errs := p.ConsoleErrors(); len(errs) > 0 {
			t.Errorf("console errors: %q", errs)
		}
	})
}

// TestShareButton clicks Share in both languages: the link goes to the
// clipboard and the page says so; when the clipboard is refused, the link
// shows selected in a field, to copy by hand.
func TestShareButton(t *testing.T) {
	onStatic(t, func(t *testing.T, tg browser.Target) {
		p := openOwn(t, tg)
		for _, lang := range []string{"en", "ko"} {
			p.Eval(`loopscope.setLang("`+lang+`"); loopscope.seek(5)`, nil)
			v := p.shareView()
			if v.Button != p.message("share.label", lang, nil) || v.Title != p.message("share.title", lang, nil) {
				t.Errorf("%s: the button says %q, tooltip %q", lang, v.Button, v.Title)
			}
			var want string
			p.Eval("loopscope.share()", &want)

			// Allowed: the clipboard gets the link. (The test's browser has
			// no window to focus, which a real clipboard write needs, so
			// the clipboard here keeps what it is given.)
			p.Eval(`Object.defineProperty(navigator.clipboard, "writeText", {configurable: true, value: (s) => { window.__copied = s; return Promise.resolve(); }})`, nil)
			p.Click("Share")
			copied := p.message("share.copied", lang, nil)
			p.WaitFor(`document.getElementById("share-status").textContent === `+browser.JSString(copied), 10*time.Second)
			var got string
			p.Eval("window.__copied", &got)
			if got != want {
				t.Errorf("%s: the clipboard holds %q, want %q", lang, got, want)
			}
			var hash string
			p.Eval("location.href", &hash)
			if hash != want {
				t.Errorf("%s: after Share the address is %q, want the link", lang, hash)
			}
			p.Screenshot("share-copied-" + lang)
			p.Do(chromedp.Click(chromedp.ID("share-close")))

			// Refused (an insecure page has no navigator.clipboard at all;
			// a browser may also say no): the link is in a field, selected.
			p.Eval(`Object.defineProperty(navigator.clipboard, "writeText", {configurable: true, value: () => Promise.reject(new DOMException("denied", "NotAllowedError"))})`, nil)
			p.Click("Share")
			manual := p.message("share.manual", lang, nil)
			p.WaitFor(`document.getElementById("share-status").textContent === `+browser.JSString(manual), 10*time.Second)
			var f struct {
				Value    string
				Selected string
				Focused  bool
			}
			p.Eval(`(() => { const f = document.getElementById("share-url");
				return {Value: f.value, Selected: f.value.slice(f.selectionStart, f.selectionEnd), Focused: document.activeElement === f}; })()`, &f)
			if f.Value != want || f.Selected != want || !f.Focused {
				t.Errorf("%s: field %+v, want the link %q, selected", lang, f, want)
			}
			p.Screenshot("share-manual-" + lang)
			p.Eval(`delete navigator.clipboard.writeText`, nil)
			p.Do(chromedp.Click(chromedp.ID("share-close")))
		}
		if errs := p.ConsoleErrors(); len(errs) > 0 {
			t.Errorf("console errors: %q", errs)
		}
	})
}

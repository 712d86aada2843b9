package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"loopscope/scenes/notes"
)

// notesRenderedByModule checks that the notes pane holds the scene's notes
// in lang as the module renders them: the page data carries only markdown,
// so HTML there came from the module's notes export. It must be what
// notes.Render makes of the same markdown (compared after the browser has
// parsed both, and without the lit mark), with a title and sections.
func (p *page) notesRenderedByModule(sceneID, lang string) {
	p.t.Helper()
	var md string
	for _, sd := range pageData.Scenes {
		if sd.ID == sceneID {
			md = sd.Notes[lang]
		}
	}
	if md == "" {
		p.t.Fatalf("no %s notes for %s in the page data", lang, sceneID)
	}
	want, err := notes.Render([]byte(md))
	if err != nil {
		p.t.Fatal(err)
	}
	var got struct {
		Shown    string `json:"shown"`
		Same     bool   `json:"same"`
		H1       int    `json:"h1"`
		Sections int    `json:"sections"`
	}
	p.eval(fmt.Sprintf(`(() => {
		const n = document.getElementById("notes").cloneNode(true);
		for (const e of n.querySelectorAll(".lit")) e.classList.remove("lit");
		const t = document.createElement("template");
		t.innerHTML = %s;
		return {shown: loopscope.state().notes, same: n.innerHTML === t.innerHTML,
			h1: n.querySelectorAll("h1").length, sections: n.querySelectorAll("section.note-section[data-section]").length};
	})()`, jsString(want.HTML)), &got)
	if got.Shown != "html" || !got.Same || got.H1 != 1 || got.Sections != len(want.Sections) || got.Sections == 0 {
		p.t.Errorf("%s notes in %s: pane %+v, want the module's rendering with %d sections", sceneID, lang, got, len(want.Sections))
	}
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// TestNotesBeforeAndWithoutTheModule loads the page in a tab of its own
// that holds back or fails the module's request, or serves a notes file the
// module cannot render: the notes are plain text until the module is
// ready, stay so when it never loads, and a rendering error is a message
// in the notes pane, not a broken page.
func TestNotesBeforeAndWithoutTheModule(t *testing.T) {
	onServed(t, func(t *testing.T, tg target) {
		tb, cancel := newTab(t) // a tab of its own
		defer cancel()
		ctx := tb.ctx
		p := &page{t: t, tab: tb}
		first := pageData.Scenes[0]

		// What to do with each request for the module ("hold", "go",
		// "fail"), and the page to serve instead of index.html (nil: the
		// real one). Other documents (the stage frame) go through.
		var mu sync.Mutex
		wasm, index := "hold", []byte(nil)
		held := make(chan fetch.RequestID, 8)
		events := chromedp.Events(ctx, fetch.RequestPaused)
		p.do(chromedp.Func(func(ctx context.Context, tt *chromedp.Target) error {
			_, err := cdp.Call(ctx, tt, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{
				{URLPattern: "*/main.wasm*"},
				{URLPattern: tg.url + "*", ResourceType: network.ResourceTypeDocument},
			}})
			return err
		}))
		answer := func(f func(ctx context.Context, tt *chromedp.Target) error) {
			if err := chromedp.Do(ctx, chromedp.Func(f)); err != nil && ctx.Err() == nil {
				t.Errorf("answering a paused request: %v", err)
			}
		}
		continueRequest := func(id fetch.RequestID) {
			answer(func(ctx context.Context, tt *chromedp.Target) error {
				_, err := cdp.Call(ctx, tt, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: id})
				return err
			})
		}
		done := make(chan struct{})
		defer func() { cancel(); <-done }()
		go func() {
			defer close(done)
			for ev, err := range events {
				if err != nil {
					return
				}
				id := ev.RequestID
				mu.Lock()
				mode, page := wasm, index
				mu.Unlock()
				switch {
				case ev.ResourceType == network.ResourceTypeDocument && ev.Request.URL == tg.url && page != nil:
					answer(func(ctx context.Context, tt *chromedp.Target) error {
						_, err := cdp.Call(ctx, tt, fetch.FulfillRequest, fetch.FulfillRequestParams{RequestID: id, ResponseCode: 200,
							ResponseHeaders: []*fetch.HeaderEntry{{Name: "Content-Type", Value: "text/html; charset=utf-8"}}, Body: page})
						return err
					})
				case ev.ResourceType == network.ResourceTypeDocument || mode == "go":
					continueRequest(id)
				case mode == "fail":
					answer(func(ctx context.Context, tt *chromedp.Target) error {
						_, err := cdp.Call(ctx, tt, fetch.FailRequest, fetch.FailRequestParams{RequestID: id, ErrorReason: network.ErrorReasonFailed})
						return err
					})
				default:
					held <- id
				}
			}
		}()
		set := func(w string, page []byte) {
			mu.Lock()
			wasm, index = w, page
			mu.Unlock()
		}
		plainText := func(when string) {
			t.Helper()
			var got struct {
				State      State  `json:"state"`
				Text       string `json:"text"`
				WhiteSpace string `json:"whiteSpace"`
				Elements   int    `json:"elements"`
			}
			p.eval(`(() => { const n = document.getElementById("notes"), src = n.querySelector(".notes-source");
				return {state: loopscope.state(), text: src ? src.textContent : "", whiteSpace: src ? getComputedStyle(src).whiteSpace : "",
					elements: n.querySelectorAll("h1, h2, p, section, a, code").length}; })()`, &got)
			if got.State.Notes != "plain" || got.Text != first.Notes[got.State.Lang] || got.WhiteSpace != "pre-wrap" || got.Elements != 0 {
				t.Errorf("%s: notes %q, %d rendered elements, white-space %q, text %.60q; want the %s markdown as plain text",
					when, got.State.Notes, got.Elements, got.WhiteSpace, got.Text, got.State.Lang)
			}
		}

		// 1. The module is on its way: the notes are the markdown, as text.
		p.do(chromedp.EmulateViewport(1440, 900), chromedp.Navigate(tg.url+"#"+first.ID))
		var id fetch.RequestID
		select {
		case id = <-held:
		case <-time.After(60 * time.Second):
			t.Fatal("the page never asked for the module")
		}
		p.waitFor(`window.loopscope && loopscope.state().notes === "plain"`, 10*time.Second)
		if s := p.state(); s.Ready {
			t.Fatalf("ready with the module held back: %+v", s)
		}
		p.eval(`loopscope.setLang("ko")`, nil) // the toggle works without the module too
		plainText("before the module, in Korean")
		p.eval(`loopscope.setLang("en")`, nil)
		plainText("before the module")
		p.screenshot("notes-plain-before-module")

		// ... and once it is ready, the module's rendering replaces them.
		set("go", nil)
		continueRequest(id)
		p.waitReady()
		p.notesRenderedByModule(first.ID, "en")

		// 2. The module fails to load: the plain text stays, beside the failure.
		set("fail", nil)
		p.do(chromedp.Reload())
		p.waitFor(`document.getElementById("loading").classList.contains("failed")`, 30*time.Second)
		plainText("the module failed to load")
		if s := p.state(); s.Ready || s.Error == nil {
			t.Errorf("the module failed to load: %+v", s)
		}

		// 3. A notes file the module cannot render (two sections with one id;
		// the build refuses it, so the page is doctored here): a message in
		// the notes pane, the markdown under it, and a page that still plays.
		resp, err := http.Get(tg.url)
		if err != nil {
			t.Fatal(err)
		}
		page, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		bad := "# Broken\n\n## One {#await}\n\n## Two {#await}\n\n<script>alert(1)</script>\n"
		orig, _ := json.Marshal(first.Notes["en"]) // as site.New encodes it
		badJSON, _ := json.Marshal(bad)
		if !strings.Contains(string(page), string(orig)) {
			t.Fatal("the served page does not hold the first scene's notes as JSON markdown")
		}
		set("go", []byte(strings.Replace(string(page), string(orig), string(badJSON), 1)))
		p.do(chromedp.Reload())
		p.waitReady()
		p.eval(`loopscope.setLang("en"); loopscope.load(`+jsString(first.ID)+`)`, nil)
		var got struct {
			State   State  `json:"state"`
			Alert   string `json:"alert"`
			Source  string `json:"source"`
			Scripts int    `json:"scripts"`
		}
		p.eval(`(() => { const n = document.getElementById("notes"), a = n.querySelector('[role="alert"]'), src = n.querySelector(".notes-source");
			return {state: loopscope.state(), alert: a ? a.textContent : "", source: src ? src.textContent : "",
				scripts: n.querySelectorAll("script").length}; })()`, &got)
		if got.State.Notes != "error" || !strings.Contains(got.Alert, "could not be rendered") || !strings.Contains(got.Alert, `"await"`) ||
			got.Source != bad || got.Scripts != 0 {
			t.Errorf("broken notes: %+v", got)
		}
		if got.State.Error != nil || got.State.Events < 2 {
			t.Errorf("broken notes broke the page: %+v", got.State)
		}
		p.screenshot("notes-render-error")
		// The other language and the next scene render as ever.
		p.eval(`loopscope.setLang("ko")`, nil)
		p.notesRenderedByModule(first.ID, "ko")
		p.eval(`loopscope.setLang("en"); loopscope.load(`+jsString(pageData.Scenes[1].ID)+`)`, nil)
		p.notesRenderedByModule(pageData.Scenes[1].ID, "en")
	})
}

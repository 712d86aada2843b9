package e2e

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"loopscope/internal/e2e/browser"
	"loopscope/internal/site"
)

// notesRendered checks that the notes pane holds the scene's notes in lang
// as the site rendered them when it was built (compared after the browser
// has parsed both, without the page's marks on sections), with a title and
// sections.
func (p *page) notesRendered(sceneID, lang string) {
	p.T.Helper()
	var want *site.NotesData
	for _, sd := range browser.PageData.Scenes {
		if n, ok := sd.Notes[lang]; ok && sd.ID == sceneID {
			want = &n
		}
	}
	if want == nil || want.HTML == "" {
		p.T.Fatalf("no %s notes for %s in the page data", lang, sceneID)
	}
	var got struct {
		Shown    string `json:"shown"`
		Lang     string `json:"lang"`
		Same     bool   `json:"same"`
		H1       int    `json:"h1"`
		Sections int    `json:"sections"`
	}
	p.Eval(fmt.Sprintf(`(() => {
		const n = document.getElementById("notes").cloneNode(true);
		for (const e of n.querySelectorAll(".lit")) e.classList.remove("lit");
		for (const e of n.querySelectorAll(".notes-edited")) e.remove();
		const t = document.createElement("template");
		t.innerHTML = %s;
		return {shown: loopscope.state().notes, lang: n.lang, same: n.innerHTML === t.innerHTML,
			h1: n.querySelectorAll("h1").length, sections: n.querySelectorAll("section.note-section[data-section]").length};
	})()`, browser.JSString(want.HTML)), &got)
	if got.Shown != "html" || got.Lang != lang || !got.Same || got.H1 != 1 || got.Sections != len(want.Sections) || got.Sections < 2 {
		p.T.Errorf("%s notes in %s: pane %+v, want the build's rendering with %d sections", sceneID, lang, got, len(want.Sections))
	}
}

// TestNotesBeforeAndWithoutTheModule loads the page in a tab of its own
// that holds back or fails the module's request: the notes, rendered when
// the site was built, show at once in either language, while the module
// loads and when it never does.
func TestNotesBeforeAndWithoutTheModule(t *testing.T) {
	browser.OnServed(t, func(t *testing.T, tg browser.Target) {
		tb, cancel := browser.NewTab(t) // a tab of its own
		defer cancel()
		ctx := tb.Ctx
		p := &page{&browser.Page{T: t, Tab: tb}}
		first := browser.PageData.Scenes[0]

		// What to do with each request for the module: "hold", "go" or "fail".
		var mu sync.Mutex
		wasm := "hold"
		held := make(chan fetch.RequestID, 8)
		events := chromedp.Events(ctx, fetch.RequestPaused)
		p.Do(chromedp.Func(func(ctx context.Context, tt *chromedp.Target) error {
			_, err := cdp.Call(ctx, tt, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{{URLPattern: "*/main.wasm*"}}})
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
				mode := wasm
				mu.Unlock()
				switch mode {
				case "go":
					continueRequest(id)
				case "fail":
					answer(func(ctx context.Context, tt *chromedp.Target) error {
						_, err := cdp.Call(ctx, tt, fetch.FailRequest, fetch.FailRequestParams{RequestID: id, ErrorReason: network.ErrorReasonFailed})
						return err
					})
				default:
					held <- id
				}
			}
		}()
		set := func(w string) {
			mu.Lock()
			wasm = w
			mu.Unlock()
		}

		// 1. The module is on its way: the notes are there, in both languages.
		p.Do(chromedp.EmulateViewport(1440, 900), chromedp.Navigate(tg.URL+"#"+first.ID))
		var id fetch.RequestID
		select {
		case id = <-held:
		case <-time.After(60 * time.Second):
			t.Fatal("the page never asked for the module")
		}
		p.WaitFor(`window.loopscope && loopscope.state().notes === "html"`, 10*time.Second)
		if s := p.State(); s.Ready {
			t.Fatalf("ready with the module held back: %+v", s)
		}
		p.Eval(`loopscope.setLang("ko")`, nil) // the toggle works without the module too
		p.notesRendered(first.ID, "ko")
		p.Eval(`loopscope.setLang("en")`, nil)
		p.notesRendered(first.ID, "en")
		p.Screenshot("notes-before-module")

		// ... and once it is ready, they stay, at the introduction.
		set("go")
		continueRequest(id)
		p.WaitReady()
		p.notesRendered(first.ID, "en")

		// 2. The module fails to load: the notes stay, beside the failure.
		set("fail")
		p.Do(chromedp.Reload())
		p.WaitFor(`document.getElementById("loading").classList.contains("failed")`, 30*time.Second)
		p.notesRendered(first.ID, "en")
		if s := p.State(); s.Ready || s.Error == nil {
			t.Errorf("the module failed to load: %+v", s)
		}
	})
}

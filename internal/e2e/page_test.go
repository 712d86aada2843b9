package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// State is window.loopscope.state().
type State struct {
	Ready    bool    `json:"ready"`
	Scene    string  `json:"scene"`
	Edited   bool    `json:"edited"`
	Event    int     `json:"event"`
	Events   int     `json:"events"`
	Playing  bool    `json:"playing"`
	Speed    float64 `json:"speed"`
	Time     float64 `json:"time"`
	Concept  string  `json:"concept"` // the current event's
	Lit      string  `json:"lit"`     // the notes section lit
	Error    *string `json:"error"`
	Lang     string  `json:"lang"`
	Notes    string  `json:"notes"` // what the notes pane holds: "html", or "" for nothing
	Frames   int     `json:"frames"`
	Ticks    int     `json:"ticks"`
	Restarts int     `json:"restarts"` // how often the stage frame started again for a new pixel ratio
	Caption  string  `json:"caption"`  // the stage's caption of the current event, in the page's language
}

// tab is one browser tab on the playground, shared by the tests of one
// target: a cold load costs seconds under the software renderer.
type tab struct {
	ctx    context.Context
	mu     sync.Mutex
	errors []string // console errors and uncaught exceptions
}

var (
	tabsMu sync.Mutex
	tabs   = map[string]*tab{}
)

// page is a test's view of a target's tab.
type page struct {
	t *testing.T
	*tab
	firstError int // console errors before this index belong to earlier tests
}

// rect is an element's box in CSS pixels.
type rect struct{ X, Y, W, H float64 }

func (r rect) right() float64  { return r.X + r.W }
func (r rect) bottom() float64 { return r.Y + r.H }

// newTab opens a browser tab that records console errors, uncaught
// exceptions and Content-Security-Policy violations (in the page and in
// its stage frame). It lives until cancel, or as long as the browser.
func newTab(t *testing.T) (*tab, context.CancelFunc) {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browserCtx)
	tb := &tab{ctx: ctx}
	msgs := chromedp.Console(ctx)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.IsException() {
				tb.mu.Lock()
				tb.errors = append(tb.errors, fmt.Sprintf("%s: %s (%s:%d)", m.Type, m.Text, m.URL, m.Line))
				tb.mu.Unlock()
			}
		}
	}()
	// Before any document of the tab runs a script: violations of the
	// policy, in any frame, gather in the page's window.
	if err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tt *chromedp.Target) error {
		_, err := cdp.Call(ctx, tt, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: cspWatcher})
		return err
	})); err != nil {
		cancel()
		t.Fatalf("opening a tab: %v", err)
	}
	return tb, cancel
}

// cspWatcher records every Content-Security-Policy violation of a frame in
// the top window's __cspViolations.
const cspWatcher = `addEventListener("securitypolicyviolation", (e) => {
	let w = window;
	try { if (top.document) w = top; } catch (_) {}
	(w.__cspViolations = w.__cspViolations || []).push(e.effectiveDirective + " blocked " + (e.blockedURI || "?") +
		" in " + (e.sourceFile || location.pathname) + ":" + e.lineNumber);
}, true);`

// open returns the target's shared tab, loading the playground the first
// time, and puts it back where every test starts: a 1440×900 viewport,
// English, the first scene loaded and paused at speed 1, the first frame
// drawn.
func open(t *testing.T, tg target) *page {
	t.Helper()
	tabsMu.Lock()
	tb, ok := tabs[tg.name]
	if !ok {
		tb, _ = newTab(t) // lives as long as the browser
		tabs[tg.name] = tb
	}
	tabsMu.Unlock()
	return tb.start(t, tg, ok)
}

// openOwn loads the playground in a tab of the test's own, closed when
// the test ends, so that it does not go on drawing behind the other tests.
func openOwn(t *testing.T, tg target) *page {
	t.Helper()
	tb, cancel := newTab(t)
	t.Cleanup(cancel)
	return tb.start(t, tg, false)
}

// openFailingModule opens the playground at 1440x900 in a tab of its own
// whose request for the module fails, as a network that drops it would,
// and waits for the loading veil to say so. The tab closes when the test
// ends.
func openFailingModule(t *testing.T, tg target) *page {
	t.Helper()
	tb, cancel := newTab(t)
	p := &page{t: t, tab: tb}
	events := chromedp.Events(tb.ctx, fetch.RequestPaused)
	p.do(chromedp.Func(func(ctx context.Context, tt *chromedp.Target) error {
		_, err := cdp.Call(ctx, tt, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{{URLPattern: "*/main.wasm*"}}})
		return err
	}))
	done := make(chan struct{})
	t.Cleanup(func() { cancel(); <-done })
	go func() {
		defer close(done)
		for ev, err := range events {
			if err != nil {
				return
			}
			err := chromedp.Do(tb.ctx, chromedp.Func(func(ctx context.Context, tt *chromedp.Target) error {
				_, err := cdp.Call(ctx, tt, fetch.FailRequest, fetch.FailRequestParams{RequestID: ev.RequestID, ErrorReason: network.ErrorReasonFailed})
				return err
			}))
			if err != nil && tb.ctx.Err() == nil {
				t.Errorf("failing the module's request: %v", err)
			}
		}
	}()
	p.do(chromedp.EmulateViewport(1440, 900), chromedp.Navigate(tg.url))
	p.waitFor(`document.getElementById("loading").classList.contains("failed")`, 30*time.Second)
	return p
}

// start loads the playground in the tab (loaded: it is there already)
// and puts the page where every test starts.
func (tb *tab) start(t *testing.T, tg target, loaded bool) *page {
	t.Helper()
	ok := loaded
	p := &page{t: t, tab: tb}
	p.firstError = len(p.allErrors())
	var dpr float64
	var restarts int
	if ok {
		p.eval("devicePixelRatio", &dpr)
		p.eval("loopscope.state().restarts", &restarts)
	}
	p.do(chromedp.EmulateViewport(1440, 900))
	if !ok {
		p.do(chromedp.Navigate(tg.url))
	} else if dpr != 1 {
		// Back to a pixel ratio of 1: the stage starts again.
		p.waitFor(fmt.Sprintf("loopscope.state().restarts > %d", restarts), 30*time.Second)
	}
	p.waitReady()
	p.eval(`loopscope.stop(); loopscope.pause(); loopscope.setLang("en"); loopscope.load(loopscope.scenes()[0].id).then(() => loopscope.setSpeed(1))`, nil)
	return p
}

// waitReady waits until the module is ready, a frame is drawn and the
// loading veil has faded.
func (p *page) waitReady() {
	p.t.Helper()
	p.waitFor("window.loopscope && loopscope.state().ready && loopscope.state().frames > 0", 60*time.Second)
	p.waitFor(`getComputedStyle(document.getElementById("loading")).opacity === "0"`, 10*time.Second)
}

func (p *page) allErrors() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.errors...)
}

// cspViolations returns the policy violations the page and its stage
// frame have reported since the page loaded.
func (p *page) cspViolations() []string {
	p.t.Helper()
	var v []string
	p.eval("window.__cspViolations || []", &v)
	return v
}

// consoleErrors returns the console errors since the test began.
func (p *page) consoleErrors() []string {
	return p.allErrors()[p.firstError:]
}

// eval evaluates js in the page and decodes its value into out (which may
// be nil). A Promise is awaited: loopscope.load and loopscope.run return
// one, so an eval that ends with them returns once the run has ended.
func (p *page) eval(js string, out any) {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, 60*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[json.RawMessage](js, chromedp.EvalAwaitPromise))
	if err != nil {
		p.t.Fatalf("evaluating %s: %v", js, err)
	}
	if out != nil && len(v) > 0 {
		if err := json.Unmarshal(v, out); err != nil {
			p.t.Fatalf("evaluating %s: decoding %s: %v", js, v, err)
		}
	}
}

// waitFor polls until the expression is truthy.
func (p *page) waitFor(expr string, d time.Duration) {
	p.t.Helper()
	if _, err := chromedp.Run(p.ctx, chromedp.Poll[chromedp.Void](expr, chromedp.WithPollingTimeout(d))); err != nil {
		s, _ := chromedp.Run(p.ctx, chromedp.Evaluate[State]("window.loopscope ? loopscope.state() : {}"))
		p.t.Fatalf("waiting %v for %s: %v (state %+v; console errors %q)", d, expr, err, s, p.consoleErrors())
	}
}

// runEnded waits until no run is in progress: a run started by a click
// (Run, Ctrl+Enter) ends in a moment, or later, since it yields to the page.
func (p *page) runEnded() {
	p.t.Helper()
	p.waitFor("!loopscope.state().running", 5*time.Minute)
}

func (p *page) state() State {
	p.t.Helper()
	var s State
	p.eval("loopscope.state()", &s)
	return s
}

func (p *page) do(actions ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, 60*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		p.t.Fatal(err)
	}
}

// click clicks the control with the given accessible name.
func (p *page) click(label string) {
	p.t.Helper()
	p.do(chromedp.Click(chromedp.CSS(fmt.Sprintf(`[aria-label=%q]`, label))))
}

// key presses a key with focus where it is.
func (p *page) key(k string) {
	p.t.Helper()
	p.do(chromedp.KeyEvent(k))
}

func (p *page) rect(selector string) rect {
	p.t.Helper()
	var r rect
	p.eval(fmt.Sprintf(`(() => { const r = document.querySelector(%q).getBoundingClientRect(); return {X: r.x, Y: r.y, W: r.width, H: r.height}; })()`, selector), &r)
	return r
}

// screenshot captures the viewport, saves it under name in the artifacts
// folder and returns it.
func (p *page) screenshot(name string) image.Image {
	p.t.Helper()
	b, err := chromedp.Run(p.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		p.t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(artifacts, sanitize(name)+".png"), b, 0o644); err != nil {
		p.t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		p.t.Fatal(err)
	}
	return img
}

// colours counts the distinct colours of img inside r (CSS pixels, scaled
// to the screenshot's pixels by scale).
func colours(img image.Image, r rect, scale float64) int {
	seen := map[uint32]bool{}
	b := img.Bounds()
	x0, y0 := max(b.Min.X, int(r.X*scale)), max(b.Min.Y, int(r.Y*scale))
	x1, y1 := min(b.Max.X, int(r.right()*scale)), min(b.Max.Y, int(r.bottom()*scale))
	for y := y0; y < y1; y++ {
		for x := x0; x < x1; x++ {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			seen[cr>>8<<16|cg>>8<<8|cb>>8] = true
		}
	}
	return len(seen)
}

// hasEvents fails the test unless the scene on screen has events to play,
// which needs the engine to run scenes.
func (p *page) hasEvents() State {
	p.t.Helper()
	p.waitFor("loopscope.state().events > 1", 20*time.Second)
	return p.state()
}

func strOr(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}

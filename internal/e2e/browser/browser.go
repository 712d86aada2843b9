// Package browser is the harness of the playground's browser tests: one
// headless Chromium (Debian's) for a whole test run, driven by chromedp,
// against the page as `go run .` serves it and as `go run . build DIR`
// writes it, and the page helpers the tests share. Packages of browser
// tests call Main from their TestMain; see package e2e for the rules they
// keep (one shared tab, conditions not fixed waits, screenshots in
// LOOPSCOPE_ARTIFACTS).
package browser

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"image"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"loopscope/internal/site"
	"loopscope/web"
)

// ChromiumPath is where Debian installs Chromium.
const ChromiumPath = "/usr/bin/chromium"

// What Main found and made, for the tests it runs.
var (
	SkipReason string          // why every test skips, if it does
	Ctx        context.Context // one browser for the whole run
	Targets    []Target        // the same site, served two ways
	Artifacts  string          // where screenshots go
	PageData   *site.PageData  // what the page was given
)

// Target is one way of hosting the playground.
type Target struct {
	Name string // "served" or "static"
	URL  string
}

// Main prepares the run for a package of browser tests, runs them and
// returns the exit code: call it from TestMain as os.Exit(browser.Main(m)).
// It builds the module once, serves the site from memory as `go run .`
// does and from a folder as `go run . build DIR` writes it, and starts one
// headless Chromium for the whole run.
func Main(m *testing.M) int {
	flag.Parse()
	if testing.Short() {
		SkipReason = "-short: the browser tests take minutes"
		return m.Run()
	}
	if _, err := os.Stat(ChromiumPath); err != nil {
		if os.Getenv("CI") != "" {
			fmt.Fprintf(os.Stderr, "e2e: %s is missing and CI is set: install it (apt-get install -y chromium fonts-nanum)\n", ChromiumPath)
			return 1
		}
		SkipReason = "SKIPPING THE BROWSER TESTS: " + ChromiumPath + " not found (apt-get install -y chromium fonts-nanum)"
		fmt.Fprintln(os.Stderr, "e2e: "+SkipReason)
		return m.Run()
	}
	root, err := site.FindRoot(".")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	Artifacts = os.Getenv("LOOPSCOPE_ARTIFACTS")
	if Artifacts == "" {
		Artifacts = filepath.Join(root, ".cache", "screenshots")
	}
	if err := os.MkdirAll(Artifacts, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}

	// One build of the module per run (the cache makes it free when nothing
	// changed), served from memory as `go run .` does and written out as
	// `go run . build DIR` does, then hosted by a plain static file server.
	mod, err := site.BuildModule(root, os.Stderr)
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	s, err := site.New(web.Files, mod)
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	if f, ok := s.File(site.WasmName); ok {
		PageData, err = site.Data(len(f.Data), mod.Hash)
		if err != nil {
			fmt.Fprintln(os.Stderr, "e2e:", err)
			return 1
		}
	}
	served := httptest.NewServer(s)
	defer served.Close()
	dist, err := os.MkdirTemp("", "loopscope-dist-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer os.RemoveAll(dist)
	if err := s.WriteDir(dist); err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	static := httptest.NewServer(http.FileServer(http.Dir(dist)))
	defer static.Close()
	Targets = []Target{{"served", served.URL + "/"}, {"static", static.URL + "/"}}

	profile, err := os.MkdirTemp("", "loopscope-chromium-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer removeProfile(profile)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(ChromiumPath),
		chromedp.UserDataDir(profile),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("enable-unsafe-swiftshader", true),
		chromedp.Flag("disable-background-timer-throttling", true),
		chromedp.Flag("disable-renderer-backgrounding", true),
		chromedp.Flag("disable-backgrounding-occluded-windows", true),
		chromedp.Flag("force-color-profile", "srgb"),
		chromedp.Flag("lang", "en-US"),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	var cancelBrowser context.CancelFunc
	Ctx, cancelBrowser = chromedp.NewContext(allocCtx)
	defer cancelBrowser()
	// The first Run starts the browser: no short timeout here.
	if err := chromedp.Do(Ctx); err != nil {
		fmt.Fprintln(os.Stderr, "e2e: starting chromium:", err)
		return 1
	}
	return m.Run()
}

// removeProfile removes Chromium's user-data dir, retrying while its
// children still write to it after exit.
func removeProfile(dir string) {
	for range 20 {
		if err := os.RemoveAll(dir); err == nil {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// ForEachTarget runs f against the served site and the static one.
// The whole suite runs on the served site; the static one serves the same
// files, so one test that loads, draws and plays there is enough.
func ForEachTarget(t *testing.T, f func(t *testing.T, tg Target)) {
	t.Helper()
	if SkipReason != "" {
		t.Skip(SkipReason)
	}
	for _, tg := range Targets {
		t.Run(tg.Name, func(t *testing.T) { f(t, tg) })
	}
}

// OnServed runs f against the served site only, for checks that would be
// the same page twice (layout, screenshots): not run, rather than skipped.
func OnServed(t *testing.T, f func(t *testing.T, tg Target)) {
	t.Helper()
	if SkipReason != "" {
		t.Skip(SkipReason)
	}
	for _, tg := range Targets {
		if tg.Name == "served" {
			t.Run(tg.Name, func(t *testing.T) { f(t, tg) })
			return
		}
	}
	t.Fatal("no served target")
}

// Sanitize makes a test name usable as a file name.
func Sanitize(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '/' || r == ' ' || r == ':' {
			return '_'
		}
		return r
	}, s)
}

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

// Tab is one browser tab on the playground, shared by the tests of one
// target: a cold load costs seconds under the software renderer.
type Tab struct {
	Ctx    context.Context // the tab's chromedp context
	close  context.CancelFunc
	mu     sync.Mutex
	errors []string // console errors and uncaught exceptions
}

var (
	tabsMu sync.Mutex
	tabs   = map[string]*Tab{}
)

// Page is a test's view of a target's tab.
type Page struct {
	T *testing.T // the test it fails
	*Tab
	firstError int // console errors before this index belong to earlier tests
}

// Rect is an element's box in CSS pixels.
type Rect struct{ X, Y, W, H float64 }

// Right is the box's right edge.
func (r Rect) Right() float64 { return r.X + r.W }

// Bottom is the box's bottom edge.
func (r Rect) Bottom() float64 { return r.Y + r.H }

// NewTab opens a browser tab that records console errors, uncaught
// exceptions and Content-Security-Policy violations (in the page and in
// its stage frame). It lives until cancel, or as long as the browser.
func NewTab(t *testing.T) (*Tab, context.CancelFunc) {
	t.Helper()
	ctx, cancel := chromedp.NewContext(Ctx)
	tb := &Tab{Ctx: ctx, close: cancel}
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

// Open returns the target's shared tab, loading the playground the first
// time, and puts it back where every test starts: a 1440×900 viewport,
// English, the first scene loaded and paused at speed 1, the first frame
// drawn.
func Open(t *testing.T, tg Target) *Page {
	t.Helper()
	tabsMu.Lock()
	tb, ok := tabs[tg.Name]
	if !ok {
		tb, _ = NewTab(t) // lives as long as the browser
		tabs[tg.Name] = tb
	}
	tabsMu.Unlock()
	return tb.Start(t, tg, ok)
}

// OpenOwn loads the playground in a tab of the test's own, closed when
// the test ends, so that it does not go on drawing behind the other tests.
func OpenOwn(t *testing.T, tg Target) *Page {
	t.Helper()
	// The shared tabs close first: the software renderer draws every open
	// tab, and a shared tab left playing took the CPU the test's own tab
	// needed (a test of nine links went from 15 s to over 6 minutes). The
	// next Open loads its tab afresh.
	tabsMu.Lock()
	for name, shared := range tabs {
		shared.close()
		delete(tabs, name)
	}
	tabsMu.Unlock()
	tb, cancel := NewTab(t)
	t.Cleanup(cancel)
	return tb.Start(t, tg, false)
}

// OpenFailingModule opens the playground at 1440x900 in a tab of its own
// whose request for the module fails, as a network that drops it would,
// and waits for the loading veil to say so. The tab closes when the test
// ends.
func OpenFailingModule(t *testing.T, tg Target) *Page {
	t.Helper()
	tb, cancel := NewTab(t)
	p := &Page{T: t, Tab: tb}
	events := chromedp.Events(tb.Ctx, fetch.RequestPaused)
	p.Do(chromedp.Func(func(ctx context.Context, tt *chromedp.Target) error {
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
			err := chromedp.Do(tb.Ctx, chromedp.Func(func(ctx context.Context, tt *chromedp.Target) error {
				_, err := cdp.Call(ctx, tt, fetch.FailRequest, fetch.FailRequestParams{RequestID: ev.RequestID, ErrorReason: network.ErrorReasonFailed})
				return err
			}))
			if err != nil && tb.Ctx.Err() == nil {
				t.Errorf("failing the module's request: %v", err)
			}
		}
	}()
	p.Do(chromedp.EmulateViewport(1440, 900), chromedp.Navigate(tg.URL))
	p.WaitFor(`document.getElementById("loading").classList.contains("failed")`, 30*time.Second)
	return p
}

// Start loads the playground in the tab (loaded: it is there already)
// and puts the page where every test starts.
func (tb *Tab) Start(t *testing.T, tg Target, loaded bool) *Page {
	t.Helper()
	ok := loaded
	p := &Page{T: t, Tab: tb}
	p.firstError = len(p.AllErrors())
	var dpr float64
	var restarts int
	if ok {
		p.Eval("devicePixelRatio", &dpr)
		p.Eval("loopscope.state().restarts", &restarts)
	}
	p.Do(chromedp.EmulateViewport(1440, 900))
	if !ok {
		p.Do(chromedp.Navigate(tg.URL))
	} else if dpr != 1 {
		// Back to a pixel ratio of 1: the stage starts again.
		p.WaitFor(fmt.Sprintf("loopscope.state().restarts > %d", restarts), 30*time.Second)
	}
	p.WaitReady()
	p.Eval(`loopscope.stop(); loopscope.pause(); loopscope.predictEnd(); loopscope.setLang("en"); loopscope.load(loopscope.scenes()[0].id).then(() => { loopscope.setSpeed(1); loopscope.setView("loop"); })`, nil)
	return p
}

// WaitReady waits until the module is ready, a frame is drawn and the
// loading veil has faded.
func (p *Page) WaitReady() {
	p.T.Helper()
	p.WaitFor("window.loopscope && loopscope.state().ready && loopscope.state().frames > 0", 60*time.Second)
	p.WaitFor(`getComputedStyle(document.getElementById("loading")).opacity === "0"`, 10*time.Second)
}

// AllErrors returns the tab's console errors and uncaught exceptions
// since it opened.
func (p *Page) AllErrors() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.errors...)
}

// CSPViolations returns the policy violations the page and its stage
// frame have reported since the page loaded.
func (p *Page) CSPViolations() []string {
	p.T.Helper()
	var v []string
	p.Eval("window.__cspViolations || []", &v)
	return v
}

// ConsoleErrors returns the console errors since the test began.
func (p *Page) ConsoleErrors() []string {
	return p.AllErrors()[p.firstError:]
}

// Eval evaluates js in the page and decodes its value into out (which may
// be nil). A Promise is awaited: loopscope.load and loopscope.run return
// one, so an eval that ends with them returns once the run has ended.
func (p *Page) Eval(js string, out any) {
	p.T.Helper()
	ctx, cancel := context.WithTimeout(p.Ctx, 60*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[json.RawMessage](js, chromedp.EvalAwaitPromise))
	if err != nil {
		p.T.Fatalf("evaluating %s: %v", js, err)
	}
	if out != nil && len(v) > 0 {
		if err := json.Unmarshal(v, out); err != nil {
			p.T.Fatalf("evaluating %s: decoding %s: %v", js, v, err)
		}
	}
}

// WaitFor polls until the expression is truthy.
func (p *Page) WaitFor(expr string, d time.Duration) {
	p.T.Helper()
	if _, err := chromedp.Run(p.Ctx, chromedp.Poll[chromedp.Void](expr, chromedp.WithPollingTimeout(d))); err != nil {
		s, _ := chromedp.Run(p.Ctx, chromedp.Evaluate[State]("window.loopscope ? loopscope.state() : {}"))
		p.T.Fatalf("waiting %v for %s: %v (state %+v; console errors %q)", d, expr, err, s, p.ConsoleErrors())
	}
}

// RunEnded waits until no run is in progress: a run started by a click
// (Run, Ctrl+Enter) ends in a moment, or later, since it yields to the page.
func (p *Page) RunEnded() {
	p.T.Helper()
	p.WaitFor("!loopscope.state().running", 5*time.Minute)
}

// State returns loopscope.state().
func (p *Page) State() State {
	p.T.Helper()
	var s State
	p.Eval("loopscope.state()", &s)
	return s
}

// Do runs chromedp actions in the tab, failing the test on an error.
func (p *Page) Do(actions ...chromedp.Action[chromedp.Void]) {
	p.T.Helper()
	ctx, cancel := context.WithTimeout(p.Ctx, 60*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		p.T.Fatal(err)
	}
}

// Click clicks the control with the given accessible name.
func (p *Page) Click(label string) {
	p.T.Helper()
	p.Do(chromedp.Click(chromedp.CSS(fmt.Sprintf(`[aria-label=%q]`, label))))
}

// Key presses a key with focus where it is.
func (p *Page) Key(k string) {
	p.T.Helper()
	p.Do(chromedp.KeyEvent(k))
}

// Rect returns the box of the first element that matches selector.
func (p *Page) Rect(selector string) Rect {
	p.T.Helper()
	var r Rect
	p.Eval(fmt.Sprintf(`(() => { const r = document.querySelector(%q).getBoundingClientRect(); return {X: r.x, Y: r.y, W: r.width, H: r.height}; })()`, selector), &r)
	return r
}

// Screenshot captures the viewport, saves it under name in the Artifacts
// folder and returns it.
func (p *Page) Screenshot(name string) image.Image {
	p.T.Helper()
	b, err := chromedp.Run(p.Ctx, chromedp.CaptureScreenshot())
	if err != nil {
		p.T.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(Artifacts, Sanitize(name)+".png"), b, 0o644); err != nil {
		p.T.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		p.T.Fatal(err)
	}
	return img
}

// Colours counts the distinct colours of img inside r (CSS pixels, scaled
// to the screenshot's pixels by scale).
func Colours(img image.Image, r Rect, scale float64) int {
	seen := map[uint32]bool{}
	b := img.Bounds()
	x0, y0 := max(b.Min.X, int(r.X*scale)), max(b.Min.Y, int(r.Y*scale))
	x1, y1 := min(b.Max.X, int(r.Right()*scale)), min(b.Max.Y, int(r.Bottom()*scale))
	for y := y0; y < y1; y++ {
		for x := x0; x < x1; x++ {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			seen[cr>>8<<16|cg>>8<<8|cb>>8] = true
		}
	}
	return len(seen)
}

// HasEvents fails the test unless the scene on screen has events to play,
// which needs the engine to run scenes.
func (p *Page) HasEvents() State {
	p.T.Helper()
	p.WaitFor("loopscope.state().events > 1", 20*time.Second)
	return p.State()
}

// StrOr is *s, or "<nil>" for nil.
func StrOr(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}

// JSString is s as a JavaScript string literal, to put in an Eval.
func JSString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// LongScene is a 500-line Python file made of the built-in scenes.
func LongScene() string {
	var b strings.Builder
	n := 0
	for n < 500 {
		for _, sc := range PageData.Scenes {
			b.WriteString(sc.Source)
			n += strings.Count(sc.Source, "\n")
			if n >= 500 {
				break
			}
		}
	}
	return b.String()
}

// HasHangul says whether s has a Hangul letter.
func HasHangul(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Hangul, r) {
			return true
		}
	}
	return false
}

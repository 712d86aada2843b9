package beyond

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"loopscope/internal/e2e/browser"
	"loopscope/internal/site"
	"loopscope/scenes"
	"loopscope/web"
)

// courseSite builds the playground with the README's example course, as
// `go run . build DIR -scenes examples/course` writes it (the module is
// the one browser.Main built: cached), and hosts it twice: from a folder
// (the teacher's static site) and by loopscope's own server (which sends
// the Content-Security-Policy header whose frame-ancestors an embedding
// page must get past). Both stop when the test ends.
func courseSite(t *testing.T) (static, served string) {
	t.Helper()
	root, err := site.FindRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	mod, err := site.BuildModule(root, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	course, err := scenes.LoadCourse(os.DirFS(filepath.Join(root, "examples", "course")), "examples/course")
	if err != nil {
		t.Fatal(err)
	}
	s, err := site.New(web.Files, mod, course...)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "site")
	if err := s.WriteDir(dir); err != nil {
		t.Fatal(err)
	}
	st := httptest.NewServer(http.FileServer(http.Dir(dir)))
	t.Cleanup(st.Close)
	sv := httptest.NewServer(s)
	t.Cleanup(sv.Close)
	return st.URL + "/", sv.URL + "/"
}

// frame reads and clicks the page embedded in a course page's iframe,
// which is on another origin: through an isolated world of the frame (its
// DOM, not its scripts' globals, as the course page's own script could
// not reach them either) and the mouse.
type frame struct {
	p   *browser.Page
	sel string // the <iframe> in the course page
	ctx runtime.ExecutionContextID
}

// eval evaluates js in the frame's document and decodes its value.
func (f *frame) eval(js string, out any) error {
	return chromedp.Do(f.p.Ctx, chromedp.Func(func(ctx context.Context, tt *chromedp.Target) error {
		if f.ctx == 0 {
			tree, err := cdp.Call(ctx, tt, cdppage.GetFrameTree, cdp.Empty{})
			if err != nil {
				return err
			}
			var id cdp.FrameID
			for _, c := range tree.FrameTree.ChildFrames {
				if strings.Contains(c.Frame.URL, "?embed") {
					id = c.Frame.ID
				}
			}
			if id == "" {
				return fmt.Errorf("no embedded frame yet")
			}
			w, err := cdp.Call(ctx, tt, cdppage.CreateIsolatedWorld, cdppage.CreateIsolatedWorldParams{FrameID: id, WorldName: "course-page-test"})
			if err != nil {
				return err
			}
			f.ctx = w.ExecutionContextID
		}
		yes := true
		r, err := cdp.Call(ctx, tt, runtime.Evaluate, runtime.EvaluateParams{Expression: js, ContextID: f.ctx, ReturnByValue: &yes})
		if err != nil {
			f.ctx = 0 // a new document: a new world
			return err
		}
		if r.ExceptionDetails != nil {
			return fmt.Errorf("%s: %s", js, r.ExceptionDetails.Text)
		}
		if out != nil && r.Result != nil && len(r.Result.Value) > 0 {
			return json.Unmarshal(r.Result.Value, out)
		}
		return nil
	}))
}

// waitFor polls until js is true in the frame.
func (f *frame) waitFor(js string, d time.Duration) {
	f.p.T.Helper()
	var last error
	for end := time.Now().Add(d); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
		var ok bool
		if last = f.eval("!!("+js+")", &ok); last == nil && ok {
			return
		}
	}
	var pos string
	_ = f.eval(`document.getElementById("position").textContent`, &pos)
	f.p.T.Fatalf("waiting %v in the frame for %s: %v (position %q; console errors %q)", d, js, last, pos, f.p.ConsoleErrors())
}

// value evaluates js in the frame, failing the test on an error.
func (f *frame) value(js string, out any) {
	f.p.T.Helper()
	if err := f.eval(js, out); err != nil {
		f.p.T.Fatal(err)
	}
}

var eventRe = regexp.MustCompile(`(\d+) / (\d+)`)

// event is the event the frame's timeline is at, as it says it ("event
// 3 / 45", from 1).
func (f *frame) event() int {
	f.p.T.Helper()
	var pos string
	f.value(`document.getElementById("position").textContent`, &pos)
	m := eventRe.FindStringSubmatch(pos)
	if m == nil {
		f.p.T.Fatalf("the frame's position says %q", pos)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// click clicks the frame's element with the mouse, in its middle, where
// the course page shows it.
func (f *frame) click(selector string) {
	f.p.T.Helper()
	f.clickAt(selector, 0.5)
}

// clickAt clicks the frame's element with the mouse at the fraction fx of
// its width, halfway down.
func (f *frame) clickAt(selector string, fx float64) {
	f.p.T.Helper()
	var r browser.Rect
	f.value(fmt.Sprintf(`(() => { const e = document.querySelector(%q); e.scrollIntoView({block: "nearest"});
		const r = e.getBoundingClientRect(); return {X: r.x, Y: r.y, W: r.width, H: r.height}; })()`, selector), &r)
	if r.W == 0 || r.H == 0 {
		f.p.T.Fatalf("%s is not shown in the frame", selector)
	}
	at := f.p.Rect(f.sel)
	f.p.Do(chromedp.MouseClickXY(at.X+r.X+r.W*fx, at.Y+r.Y+r.H/2))
}

// TestCourseAndEmbed: a teacher's scenes, built with -scenes, show in
// the picker's Course group and play, one with notes in Korean only; the
// Share box's embed code, for an edited scene at a moment, put in a
// course page on another origin, shows that scene at that moment with the
// compact transport, and plays; its Code toggle and its link to the full
// page work; and it is looked at in English and Korean at 640x400 and at
// a phone's width.
func TestCourseAndEmbed(t *testing.T) {
	if browser.SkipReason != "" {
		t.Skip(browser.SkipReason)
	}
	static, served := courseSite(t)
	tab, cancel := browser.NewTab(t)
	t.Cleanup(cancel)
	p := &browser.Page{T: t, Tab: tab}
	p.Do(chromedp.EmulateViewport(1280, 800), chromedp.Navigate(static+"#21_wait_for_ko"))
	p.WaitReady()
	p.WaitFor(`loopscope.state().scene === "21_wait_for_ko" && loopscope.state().events > 1 && !loopscope.state().running`, 30*time.Second)

	// The picker: the built-in scenes, then the course's, in their group.
	var picker []struct {
		Label   string
		Options []string
	}
	p.Eval(`loopscope.setLang("en"); [...document.querySelectorAll("#scene optgroup")].map((g) => ({label: g.label, options: [...g.querySelectorAll("option")].map((o) => o.value)}))`, &picker)
	if len(picker) != 2 || picker[0].Label != "loopscope's scenes" || len(picker[0].Options) != len(browser.PageData.Scenes) ||
		picker[1].Label != "Course" || strings.Join(picker[1].Options, " ") != "20_coffee_orders 21_wait_for_ko" {
		t.Errorf("the picker's groups: %+v", picker)
	}
	// Korean notes only: shown under English words that say so.
	var notes struct{ Lang, Said, First string }
	p.Eval(`({lang: loopscope.state().notesLang, said: document.querySelector("#notes .notes-lang").textContent,
		first: document.querySelector("#notes h1").textContent})`, &notes)
	if notes.Lang != "ko" || notes.Said != "This scene's notes are written in Korean only." || notes.First != "wait_for: 기다리는 시간에 한도 두기" {
		t.Errorf("the Korean-only notes in English: %+v", notes)
	}
	// Chosen with the picker, the other course scene plays.
	p.Eval(`(() => { const s = document.getElementById("scene"); s.value = "20_coffee_orders"; s.dispatchEvent(new Event("change")); })()`, nil)
	p.WaitFor(`loopscope.state().scene === "20_coffee_orders" && loopscope.state().events > 10 && !loopscope.state().running && loopscope.state().lit === "intro"`, 30*time.Second)
	p.Click("Play")
	p.WaitFor(`loopscope.state().event >= 3 && loopscope.state().lit !== "intro"`, 30*time.Second)
	p.Click("Pause")

	// An edited version, at its fourth event: the Share box's embed code.
	edited := strings.Replace(pageScene(t, "20_coffee_orders"), `make("tea", 2)`, `make("tea", 0.5)`, 1)
	p.Eval(`loopscope.run(`+browser.JSString(edited)+`).then(() => { loopscope.pause(); loopscope.seek(3); })`, nil)
	p.RunEnded()
	p.Click("Share")
	p.Do(chromedp.Click(chromedp.ID("share-embed")))
	p.WaitFor(saying("Embed code copied")+" || "+saying("did not let the page copy the embed code"), 10*time.Second)
	var snippet string
	p.Eval(`loopscope.embedCode()`, &snippet)
	src := regexp.MustCompile(`src="([^"]+)"`).FindStringSubmatch(snippet)
	if src == nil || !strings.HasPrefix(src[1], static+"?embed#s=20_coffee_orders&amp;e=4&amp;") || !strings.Contains(snippet, `title="loopscope scene: Coffee orders: gather keeps your order"`) ||
		!strings.Contains(snippet, `height="420"`) || !strings.Contains(src[1], "&amp;c=") {
		t.Fatalf("the embed code %s", snippet)
	}
	// The course page is on another origin, and the page it frames comes
	// from loopscope's server, whose header decides whether it may.
	course := strings.Replace(strings.ReplaceAll(snippet, "&amp;", "&"), static, served, 1)
	course = strings.Replace(course, `"100%"`, `"640"`, 1)
	course = strings.Replace(course, `height="420"`, `height="400" id="f"`, 1)
	cp := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, "<!doctype html><meta charset=utf-8><title>Lesson 3</title><body style=\"margin:0\">"+course+"<p>Lesson 3: gather.</p>")
	}))
	t.Cleanup(cp.Close)
	p.Do(chromedp.EmulateViewport(640, 460), chromedp.Navigate(cp.URL))
	f := &frame{p: p, sel: "#f"}
	f.waitFor(`document.getElementById("loading").classList.contains("done") && /\d+ \/ \d+/.test(document.getElementById("position").textContent)`, 60*time.Second)
	f.waitFor(`document.getElementById("position").textContent.startsWith("event 4 /")`, 30*time.Second)
	var view struct {
		Code             string
		Bar, Notes, Open bool
		Stage            browser.Rect
		Href             string
	}
	f.value(`(() => { const shown = (id) => { const e = document.querySelector(id); return !!e && e.getClientRects().length > 0; };
		const r = document.getElementById("pane-stage").getBoundingClientRect();
		return {code: document.getElementById("code").value, bar: shown(".bar"), notes: shown("#pane-notes"), open: shown("#embed-open"),
			stage: {X: r.x, Y: r.y, W: r.width, H: r.height}}; })()`, &view)
	if view.Stage.W != 640 {
		var widths []string
		f.value(`[...document.querySelectorAll("body > *, .layout > *, .timeline-bar > *")].map((e) => (e.id || e.className || e.tagName) + " " + e.getBoundingClientRect().width + "/" + e.scrollWidth)`, &widths)
		t.Logf("widths: %q", widths)
	}
	if view.Code != edited || view.Bar || view.Notes || !view.Open || view.Stage.W != 640 || view.Stage.H < 320 {
		t.Errorf("the embedded page: bar %v, notes %v, link %v, stage %+v, edited code restored %v", view.Bar, view.Notes, view.Open, view.Stage, view.Code == edited)
	}
	p.Screenshot("embed_640x400_en")

	// Its transport plays it, by the mouse, through the course page.
	f.click("#play")
	f.waitFor(`document.getElementById("play").dataset.playing === "true"`, 10*time.Second)
	for start := time.Now(); f.event() <= 5; time.Sleep(50 * time.Millisecond) {
		if time.Since(start) > 30*time.Second {
			t.Fatalf("the embedded scene does not play: at event %d", f.event())
		}
	}
	f.click("#play")
	f.waitFor(`document.getElementById("play").dataset.playing === "false"`, 10*time.Second)
	at := f.event()
	f.click("#fwd")
	f.waitFor(fmt.Sprintf(`document.getElementById("position").textContent.startsWith("event %d /")`, at+1), 10*time.Second)

	// The link to the full page: the same scene, code and moment, no ?embed.
	f.click("#embed-code") // the focus leaves the link, then the pointer comes to it
	f.waitFor(`document.getElementById("pane-code").checkVisibility({visibilityProperty: true}) && !document.getElementById("pane-stage").checkVisibility({visibilityProperty: true})`, 10*time.Second)
	p.Screenshot("embed_640x400_en_code")
	var r browser.Rect
	f.value(`(() => { const r = document.getElementById("embed-open").getBoundingClientRect(); return {X: r.x, Y: r.y, W: r.width, H: r.height}; })()`, &r)
	fr := p.Rect("#f")
	p.Do(chromedp.MouseEvent("mouseMoved", fr.X+r.X+r.W/2, fr.Y+r.Y+r.H/2))
	want := served + "#s=20_coffee_orders&e=" + strconv.Itoa(at+1) + "&"
	f.waitFor(`document.getElementById("embed-open").href.startsWith(`+browser.JSString(want)+`)`, 10*time.Second)
	f.value(`document.getElementById("embed-open").href`, &view.Href)
	if !strings.Contains(view.Href, "&c=") || strings.Contains(view.Href, "embed") || !strings.Contains(view.Href, "&l=en") {
		t.Errorf("the link to the full page %q", view.Href)
	}
	// Console, then its Predict button: the learner orders the lines
	// before watching, in the frame.
	f.click("#embed-console")
	f.click("#predict-pane")
	f.waitFor(`!document.getElementById("predict").hidden && document.getElementById("console").hidden && document.getElementById("pane-console").checkVisibility({visibilityProperty: true}) &&
		document.getElementById("embed-console").getAttribute("aria-pressed") === "true" && document.querySelectorAll("#predict li, #predict [draggable]").length > 1`, 10*time.Second)
	p.Screenshot("embed_640x400_en_predict")
	f.click("#predict-leave")
	f.waitFor(`document.getElementById("predict").hidden && !document.getElementById("console").hidden`, 10*time.Second)
	f.click("#embed-console")
	f.waitFor(`document.getElementById("pane-stage").checkVisibility({visibilityProperty: true}) && document.getElementById("embed-console").getAttribute("aria-pressed") === "false"`, 10*time.Second)

	// In Korean (the fragment's l), and at a phone's width.
	p.Eval(`(() => { const f = document.getElementById("f"); f.src = f.src.replace("l=en", "l=ko"); })()`, nil)
	f.waitFor(`document.documentElement.lang === "ko" && document.getElementById("position").textContent.startsWith("이벤트 4 /")`, 30*time.Second)
	var words struct{ Code, Console, Label string }
	f.value(`({code: document.getElementById("embed-code").textContent, console: document.getElementById("embed-console").textContent,
		label: document.getElementById("embed-open").getAttribute("aria-label")})`, &words)
	if words.Code != "코드" || words.Console != "콘솔" || words.Label != "loopscope에서 열기" {
		t.Errorf("the embedded page's words in Korean: %+v", words)
	}
	p.Screenshot("embed_640x400_ko")
	p.Do(chromedp.EmulateViewport(390, 620))
	p.Eval(`(() => { const f = document.getElementById("f"); f.width = 360; f.height = 560; })()`, nil)
	f.waitFor(`innerWidth === 360 && getComputedStyle(document.getElementById("position")).display === "none"`, 10*time.Second)
	var fits bool
	f.value(`(() => { const bar = document.querySelector(".timeline-bar"); return bar.scrollWidth <= bar.clientWidth && bar.getBoundingClientRect().height < 60 &&
		document.getElementById("embed-open").getBoundingClientRect().right <= innerWidth; })()`, &fits)
	if !fits {
		t.Error("at 360 px the embedded page's controls do not fit in one row")
	}
	p.Screenshot("embed_360_ko")
	f.click("#embed-console")
	f.waitFor(`document.getElementById("pane-console").checkVisibility({visibilityProperty: true})`, 10*time.Second)
	f.clickAt("#timeline", 0.99) // the end of the timeline: all the scene printed
	f.waitFor(`document.getElementById("console").textContent.includes("tea: ready after 0.5s")`, 10*time.Second)
	p.Screenshot("embed_360_ko_console")
	f.click("#embed-console")
	p.Eval(`(() => { const f = document.getElementById("f"); f.src = f.src.replace("l=ko", "l=en"); })()`, nil)
	f.waitFor(`document.documentElement.lang === "en" && document.getElementById("position").textContent.startsWith("event 4 /")`, 30*time.Second)
	p.Screenshot("embed_360_en")

	// A misspelt scene in the embed code: the frame says so, over the
	// first scene.
	p.Eval(`(() => { const f = document.getElementById("f"); f.src = f.src.replace(/#.*/, "#s=20_cofee_orders&l=en"); })()`, nil)
	f.waitFor(`!document.getElementById("share-pop").hidden && document.getElementById("share-status").textContent.includes("There is no scene “20_cofee_orders”")`, 30*time.Second)
	p.Screenshot("embed_360_en_misspelt")
	f.click("#share-close")
	f.waitFor(`document.getElementById("share-pop").hidden`, 10*time.Second)

	// A wide frame (the embed code keeps it to 960 px): the code beside the stage.
	p.Do(chromedp.EmulateViewport(1040, 560))
	p.Eval(`(() => { const f = document.getElementById("f"); f.width = 1000; f.height = 480; })()`, nil)
	f.waitFor(`innerWidth === 960`, 10*time.Second) // the embed code's max-width
	f.click("#embed-code")
	f.waitFor(`(() => { const c = document.getElementById("pane-code").getBoundingClientRect(), s = document.getElementById("pane-stage").getBoundingClientRect();
		return document.getElementById("pane-stage").checkVisibility({visibilityProperty: true}) && c.width >= 300 && c.right <= s.left + 1 && s.width >= 500; })()`, 10*time.Second)
	p.Screenshot("embed_960_en_code")
	if errs := p.ConsoleErrors(); len(errs) > 0 {
		t.Errorf("console errors: %q", errs)
	}
}

// pageScene is a scene's source as the page was given it.
func pageScene(t *testing.T, id string) string {
	t.Helper()
	for _, s := range scenes.All() {
		if s.ID == id {
			return s.Source
		}
	}
	b, err := os.ReadFile(filepath.Join("..", "..", "..", "examples", "course", id, "scene.py"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

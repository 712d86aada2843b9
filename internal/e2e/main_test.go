package e2e

import (
	"context"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"loopscope/internal/site"
	"loopscope/web"
)

// chromiumPath is where Debian installs Chromium.
const chromiumPath = "/usr/bin/chromium"

var (
	skipReason string          // why every test skips, if it does
	browserCtx context.Context // one browser for the whole run
	targets    []target        // the same site, served two ways
	artifacts  string          // where screenshots go
	pageData   *site.PageData  // what the page was given
)

// target is one way of hosting the playground.
type target struct {
	name string
	url  string
}

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	flag.Parse()
	if testing.Short() {
		skipReason = "-short: the browser tests take minutes"
		return m.Run()
	}
	if _, err := os.Stat(chromiumPath); err != nil {
		if os.Getenv("CI") != "" {
			fmt.Fprintf(os.Stderr, "e2e: %s is missing and CI is set: install it (apt-get install -y chromium fonts-nanum)\n", chromiumPath)
			return 1
		}
		skipReason = "SKIPPING THE BROWSER TESTS: " + chromiumPath + " not found (apt-get install -y chromium fonts-nanum)"
		fmt.Fprintln(os.Stderr, "e2e: "+skipReason)
		return m.Run()
	}
	root, err := site.FindRoot(".")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	artifacts = os.Getenv("LOOPSCOPE_ARTIFACTS")
	if artifacts == "" {
		artifacts = filepath.Join(root, ".cache", "screenshots")
	}
	if err := os.MkdirAll(artifacts, 0o755); err != nil {
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
		pageData, err = site.Data(len(f.Data), mod.Hash)
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
	targets = []target{{"served", served.URL + "/"}, {"static", static.URL + "/"}}

	profile, err := os.MkdirTemp("", "loopscope-chromium-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer removeProfile(profile)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath),
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
	browserCtx, cancelBrowser = chromedp.NewContext(allocCtx)
	defer cancelBrowser()
	// The first Run starts the browser: no short timeout here.
	if err := chromedp.Do(browserCtx); err != nil {
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

// forEachTarget runs f against the served site and the static one.
// The whole suite runs on the served site; the static one serves the same
// files, so one test that loads, draws and plays there is enough.
func forEachTarget(t *testing.T, f func(t *testing.T, tg target)) {
	t.Helper()
	if skipReason != "" {
		t.Skip(skipReason)
	}
	for _, tg := range targets {
		t.Run(tg.name, func(t *testing.T) { f(t, tg) })
	}
}

// onServed runs f against the served site only, for checks that would be
// the same page twice (layout, screenshots): not run, rather than skipped.
func onServed(t *testing.T, f func(t *testing.T, tg target)) {
	t.Helper()
	if skipReason != "" {
		t.Skip(skipReason)
	}
	for _, tg := range targets {
		if tg.name == "served" {
			t.Run(tg.name, func(t *testing.T) { f(t, tg) })
			return
		}
	}
	t.Fatal("no served target")
}

// sanitize makes a test name usable as a file name.
func sanitize(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '/' || r == ' ' || r == ':' {
			return '_'
		}
		return r
	}, s)
}

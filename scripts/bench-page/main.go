// Command bench-page measures the playground in headless Chromium on
// localhost: the time from navigation to the first frame the stage draws
// (the median of several cold loads), how long the page takes to run a
// scene of 1,000 tasks and a CPU-bound one (the median of several runs:
// runs yield to the browser every 25 ms, and this says what that costs),
// and the frames per second while the scene with 1,000 live tasks plays.
//
//	go run ./scripts/bench-page [-loads 3] [-runs 3] [-seconds 5] [-tasks 1000] [-cpu 1000000] [-size 1440x900]
//
// Under Debian's Chromium the stage renders with SwiftShader (WebGL on the
// CPU), so the figures are this machine's, not a laptop's with a GPU.
package main

import (
	"context"
	"flag"
	"fmt"
	"net/http/httptest"
	"os"
	"slices"
	"time"

	"github.com/chromedp/chromedp"

	"loopscope/internal/site"
	"loopscope/web"
)

// cpuScene is CPU-bound: one call that loops n times, no await in it, so
// the page's run is nearly all bytecode (about 4 steps a turn).
const cpuScene = `import asyncio


def crunch(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


async def main():
    print(crunch(%d))


asyncio.run(main())
`

// scene keeps n tasks alive, each sleeping in turns, so the stage has n
// task cards to draw while events keep coming.
const scene = `import asyncio


async def worker(i):
    for turn in range(3):
        await asyncio.sleep(0.5 + (i %% 7) * 0.1)
    return i


async def main():
    tasks = [asyncio.create_task(worker(i)) for i in range(%d)]
    done = await asyncio.gather(*tasks)
    print(len(done), "tasks done")


asyncio.run(main())
`

func main() {
	loads := flag.Int("loads", 3, "cold page loads to time")
	seconds := flag.Float64("seconds", 5, "seconds of play to count frames over")
	tasks := flag.Int("tasks", 1000, "live tasks in the fps scene")
	runs := flag.Int("runs", 3, "runs of each scene to time")
	cpu := flag.Int("cpu", 1_000_000, "turns of the CPU-bound scene's loop")
	size := flag.String("size", "1440x900", "the viewport, WxH")
	chromium := flag.String("chromium", "/usr/bin/chromium", "the browser")
	flag.Parse()
	var w, h int64
	if _, err := fmt.Sscanf(*size, "%dx%d", &w, &h); err != nil {
		fail(fmt.Errorf("-size %q: %v", *size, err))
	}
	if err := bench(*chromium, *loads, *runs, *seconds, *tasks, *cpu, w, h); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "bench-page:", err)
	os.Exit(1)
}

type timings struct {
	ModuleLoaded *float64 `json:"moduleLoaded"`
	ModuleReady  *float64 `json:"moduleReady"`
	FirstFrame   *float64 `json:"firstFrame"`
}

func bench(chromium string, loads, runs int, seconds float64, tasks, cpu int, w, h int64) error {
	root, err := site.FindRoot(".")
	if err != nil {
		return err
	}
	mod, err := site.BuildModule(root, os.Stderr)
	if err != nil {
		return err
	}
	s, err := site.New(web.Files, mod)
	if err != nil {
		return err
	}
	srv := httptest.NewServer(s)
	defer srv.Close()
	if f, ok := s.File(site.WasmName); ok {
		fmt.Printf("module: %d bytes raw, %d gzip, %d brotli\n", len(f.Data), len(f.Gzip), len(f.Brotli))
	}

	profile, err := os.MkdirTemp("", "loopscope-bench-")
	if err != nil {
		return err
	}
	defer func() {
		for range 20 {
			if os.RemoveAll(profile) == nil {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
	}()
	alloc, cancel := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chromium), chromedp.UserDataDir(profile),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("enable-unsafe-swiftshader", true),
		chromedp.Flag("disable-background-timer-throttling", true), chromedp.Flag("disable-renderer-backgrounding", true),
	)
	defer cancel()
	browser, cancelBrowser := chromedp.NewContext(alloc)
	defer cancelBrowser()
	if err := chromedp.Do(browser); err != nil {
		return fmt.Errorf("starting %s: %w", chromium, err)
	}

	// Time to first frame: each load in a new browser context (its own
	// empty cache), so every load fetches and compiles the module again.
	var first, ready []float64
	for i := range loads {
		tab, cancelTab := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
		ctx, cancelT := context.WithTimeout(tab, 60*time.Second)
		err := chromedp.Do(ctx, chromedp.EmulateViewport(w, h), chromedp.Navigate(srv.URL+"/"))
		if err == nil {
			_, err = chromedp.Run(ctx, chromedp.Poll[chromedp.Void]("window.loopscope && loopscope.timings().firstFrame !== null", chromedp.WithPollingTimeout(45*time.Second)))
		}
		var t timings
		if err == nil {
			t, err = chromedp.Run(ctx, chromedp.Evaluate[timings]("loopscope.timings()"))
		}
		cancelT()
		cancelTab()
		if err != nil {
			return fmt.Errorf("load %d: %w", i+1, err)
		}
		first = append(first, *t.FirstFrame)
		ready = append(ready, *t.ModuleReady)
		fmt.Printf("load %d: module ready %.0f ms, first frame %.0f ms after navigation\n", i+1, *t.ModuleReady, *t.FirstFrame)
	}
	fmt.Printf("time to first frame: median %.0f ms (module ready: median %.0f ms) over %d cold loads at %dx%d\n",
		median(first), median(ready), loads, w, h)

	// Frames per second with many live tasks, playing.
	tab, cancelTab := chromedp.NewContext(browser)
	defer cancelTab()
	ctx, cancelT := context.WithTimeout(tab, 5*time.Minute)
	defer cancelT()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(w, h), chromedp.Navigate(srv.URL+"/")); err != nil {
		return err
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void]("window.loopscope && loopscope.state().ready", chromedp.WithPollingTimeout(45*time.Second))); err != nil {
		return err
	}
	// Each run timed in the page, from the call to the end of its Promise
	// (or its return, for a module that runs to the end before returning).
	timeRun := func(name, src string) error {
		var took, yielded []float64
		var yields []int
		var events any
		for range runs {
			res, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]any](fmt.Sprintf(
				`(async () => { const t0 = performance.now(); const r = await loopscope.run(%q); return {r, ms: performance.now() - t0}; })()`, src),
				chromedp.EvalAwaitPromise))
			if err != nil {
				return err
			}
			r, _ := res["r"].(map[string]any)
			if ok, _ := r["ok"].(bool); !ok || r["stop"] != nil {
				return fmt.Errorf("the %s did not run to its end: %v %v", name, r["error"], r["stop"])
			}
			ms, _ := res["ms"].(float64)
			took = append(took, ms/1000)
			events = r["events"]
			// A module that yields says how long the browser had.
			if tm, ok := r["timing"].(map[string]any); ok {
				y, _ := tm["yieldedMs"].(float64)
				n, _ := tm["yields"].(float64)
				yielded = append(yielded, y/ms)
				yields = append(yields, int(n))
			}
		}
		fmt.Printf("%s: %v events, simulated and recorded in %.2f s in the page (median of %d runs: %.2f)\n", name, events, median(took), runs, took)
		if len(yielded) > 0 {
			fmt.Printf("  yielded to the browser %v times a run; the browser had %.0f%% of the run's time (median; each run: %.2f)\n", yields, 100*median(yielded), yielded)
		}
		return nil
	}
	if err := timeRun(fmt.Sprintf("CPU-bound scene (crunch(%d))", cpu), fmt.Sprintf(cpuScene, cpu)); err != nil {
		return err
	}
	if err := timeRun(fmt.Sprintf("%d-task scene", tasks), fmt.Sprintf(scene, tasks)); err != nil {
		return err
	}
	// Start where every task is alive (after the last creation), and play.
	const frames = "loopscope.state().frames"
	start, err := chromedp.Run(ctx, chromedp.Evaluate[float64](fmt.Sprintf(`(() => { loopscope.pause(); loopscope.seek(%d); loopscope.setSpeed(1); loopscope.play(); return %s; })()`, tasks*3, frames)))
	if err != nil {
		return err
	}
	t0 := time.Now()
	time.Sleep(time.Duration(seconds * float64(time.Second)))
	end, err := chromedp.Run(ctx, chromedp.Evaluate[float64](frames))
	if err != nil {
		return err
	}
	el := time.Since(t0).Seconds()
	st, _ := chromedp.Run(ctx, chromedp.Evaluate[map[string]any]("loopscope.state()"))
	fmt.Printf("fps while playing %d live tasks: %.1f (%.0f frames in %.1f s at %dx%d; now at event %v of %v)\n",
		tasks, (end-start)/el, end-start, el, w, h, st["event"], st["events"])
	return nil
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}

// Command shoot opens a page in headless Chromium, lets it run, prints
// the stage's measurements (window.stageFPS, stageLayouts, stageIndex) and
// the console, and saves a screenshot:
//
//	go run ./wasm/stage/testdata/shoot -url 'http://127.0.0.1:8731/?n=1000&play=1' -out /tmp/x.png
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/chromedp/chromedp"
)

func main() {
	url := flag.String("url", "", "page to open")
	out := flag.String("out", "/tmp/shot.png", "screenshot file")
	w := flag.Int("w", 1400, "viewport width (CSS px)")
	h := flag.Int("h", 900, "viewport height (CSS px)")
	dpr := flag.Float64("dpr", 1, "device pixel ratio")
	wait := flag.Duration("wait", 6*time.Second, "how long to let it run after the first frame")
	ready := flag.String("ready", "window.stageIndex !== undefined", "a JavaScript expression that is true once the page runs")
	js := flag.String("js", "", "JavaScript to run once the page is ready (clicks, key presses)")
	flag.Parse()

	dir, err := os.MkdirTemp("", "shoot")
	if err != nil {
		log.Fatal(err)
	}
	defer func() {
		for range 5 {
			if os.RemoveAll(dir) == nil {
				return
			}
			time.Sleep(300 * time.Millisecond)
		}
	}()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.NoSandbox, chromedp.DisableGPU, chromedp.UserDataDir(dir),
		chromedp.Flag("enable-unsafe-swiftshader", true))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()
	console := chromedp.Console(ctx)
	go func() {
		for m, err := range console {
			if err != nil {
				return
			}
			fmt.Printf("console %s: %s\n", m.Type, m.Text)
		}
	}()
	start := time.Now()
	err = chromedp.Do(ctx,
		chromedp.EmulateViewport(int64(*w), int64(*h), chromedp.EmulateScale(*dpr)),
		chromedp.Navigate(*url),
		chromedp.Poll[chromedp.Void](*ready, chromedp.WithPollingTimeout(90*time.Second)),
	)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("ready after %.1f s\n", time.Since(start).Seconds())
	if *js != "" {
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](*js)); err != nil {
			log.Fatal(err)
		}
	}
	time.Sleep(*wait)
	fps, _ := chromedp.Run(ctx, chromedp.Evaluate[float64]("window.stageFPS || 0"))
	layouts, _ := chromedp.Run(ctx, chromedp.Evaluate[int]("window.stageLayouts || 0"))
	drawMs, _ := chromedp.Run(ctx, chromedp.Evaluate[float64]("window.stageDrawMs || 0"))
	index, _ := chromedp.Run(ctx, chromedp.Evaluate[int]("window.stageIndex || 0"))
	buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		log.Fatal(err)
	}
	if b, err := chromedp.Run(ctx, chromedp.Evaluate[string]("window.stageBench || ''")); err == nil && b != "" {
		fmt.Println("bench:", b)
	}
	fmt.Printf("fps %.1f draw %.2f ms layouts %d index %d\n", fps, drawMs, layouts, index)
	if err := os.WriteFile(*out, buf, 0o644); err != nil {
		log.Fatal(err)
	}
}

//go:build js && wasm

// Command harness plays a hand-written trace on the stage, for looking at
// the stage and measuring it before (and apart from) the page:
//
//	GOOS=js GOARCH=wasm go build -o /tmp/h/main.wasm ./wasm/stage/testdata/harness
//
// then serve index.html, main.wasm and wasm_exec.js. The query string picks
// the scene: ?scene=03_tasks (a built-in scene, run by the engine) or
// ?n=1000 tasks (a hand-written gather), &stall=1 (a time.sleep on the loop), &seek=K
// (event index), &step=N (then animate N events on), &at=0.5 (freeze the
// animation half way), &play=1, &speed=X, &fps=1, &bench=1. window.stageFPS,
// stageDrawMs (Go time per Draw, smoothed) and stageLayouts report
// measurements.
package main

import (
	"net/url"
	"strconv"
	"syscall/js"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"loopscope/scenes"
	"loopscope/scenes/engine"
	"loopscope/scenes/playback"
	"loopscope/scenes/playback/playtest"
	"loopscope/wasm/stage"
)

type measured struct {
	*stage.Game
	drawMs  *float64
	benchAt *int
	freeze  float64
	step    *int // events to step once a frame has been drawn
	ticks   *int
}

// Draw measures the Go side of a frame (the GPU's share is not in it).
func (m measured) Draw(screen *ebiten.Image) {
	t := time.Now()
	m.Game.Draw(screen)
	ms := float64(time.Since(t).Microseconds()) / 1000
	*m.drawMs = *m.drawMs*0.9 + ms*0.1
	js.Global().Set("stageDrawMs", *m.drawMs)
}

// bench times Draw into an offscreen image, and a fixed CPU loop beside
// it, so a busy machine's slowness can be divided out.
func (m measured) bench() {
	img := ebiten.NewImage(1400, 900)
	m.Game.Draw(img)
	t := time.Now()
	for range 20 {
		m.Game.Draw(img)
	}
	draw := float64(time.Since(t).Microseconds()) / 20000
	t = time.Now()
	x := uint64(1)
	for i := range 20_000_000 {
		x = x*6364136223846793005 + uint64(i)
	}
	loop := float64(time.Since(t).Microseconds()) / 1000
	js.Global().Set("stageBench", strconv.FormatFloat(draw, 'f', 2, 64)+" ms per Draw; the 20M-step reference loop took "+strconv.FormatFloat(loop, 'f', 1, 64)+" ms (x="+strconv.FormatUint(x%10, 10)+")")
}

func (m measured) Update() error {
	*m.ticks++
	if *m.ticks == 10 && *m.step != 0 {
		m.Player().Step(*m.step) // after a frame, so the stage sees the motion
	}
	if m.freeze >= 0 {
		// hold the animation where asked: advance the player to that
		// point once, then stop ticking it
		if *m.ticks > 10 && m.Player().Progress() < m.freeze {
			m.Player().Advance(1.0 / 60)
		}
		js.Global().Set("stageIndex", m.Player().Index())
		js.Global().Set("stageFPS", ebiten.ActualFPS())
		js.Global().Set("stageLayouts", m.LayoutRuns())
		return nil
	}
	if m.benchAt != nil && *m.benchAt > 0 {
		*m.benchAt--
		if *m.benchAt == 0 {
			m.bench()
		}
	}
	js.Global().Set("stageFPS", ebiten.ActualFPS())
	js.Global().Set("stageLayouts", m.LayoutRuns())
	js.Global().Set("stageIndex", m.Player().Index())
	return m.Game.Update()
}

func main() {
	q, _ := url.ParseQuery(js.Global().Get("location").Get("search").String()[min(1, len(js.Global().Get("location").Get("search").String())):])
	n, _ := strconv.Atoi(q.Get("n"))
	n = max(1, n)
	tr := playtest.Gather(n, q.Get("stall") == "1")
	src := ""
	if id := q.Get("scene"); id != "" {
		sc, ok := scenes.Get(id)
		if !ok {
			panic("no scene " + id)
		}
		r := engine.Run([]byte(sc.Source), engine.Options{Filename: sc.Filename(), Trace: true})
		if r.Trace == nil {
			panic(r.Stderr)
		}
		tr, src = r.Trace, sc.Source
	}
	p := playback.New(tr, src)
	if s, err := strconv.ParseFloat(q.Get("speed"), 64); err == nil {
		p.SetSpeed(s)
	}
	if k, err := strconv.Atoi(q.Get("seek")); err == nil {
		p.Seek(k)
	}
	step, _ := strconv.Atoi(q.Get("step"))
	if q.Get("play") == "1" {
		p.Play()
	}
	// &at=0.5 freezes the current event's animation half way, for looking
	// at motion in a screenshot.
	freeze := -1.0
	if f, err := strconv.ParseFloat(q.Get("at"), 64); err == nil {
		freeze = f
	}
	var bench *int
	if q.Get("bench") == "1" {
		bench = new(int)
		*bench = 30
	}
	g := stage.NewGame(p)
	g.ShowFPS = q.Get("fps") == "1"
	ebiten.SetWindowSize(1200, 800)
	ebiten.SetTPS(60)
	if err := ebiten.RunGame(measured{g, new(float64), bench, freeze, &step, new(int)}); err != nil {
		panic(err)
	}
}

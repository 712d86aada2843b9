package e2e

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"loopscope/internal/e2e/browser"
	"loopscope/scenes"
	"loopscope/scenes/engine"
	"loopscope/scenes/playback"
)

// TestPacingInSeconds plays the first scene at 1x for a few seconds of wall
// time, at the browser's own frame rate and again with the CPU slowed down
// (fewer frames a second), and checks that the page got about as far as
// the Player's schedule says it should in that many seconds: 1x is so many
// seconds per event, whatever the frame rate. The margins are wide, since
// this machine is shared and slow; the figures are logged.
func TestPacingInSeconds(t *testing.T) {
	browser.OnServed(t, func(t *testing.T, tg browser.Target) {
		p := openOwn(t, tg)
		s := p.HasEvents()
		sc, ok := scenes.Get(s.Scene)
		if !ok {
			t.Fatalf("no scene %s", s.Scene)
		}
		// The same recording, natively: its schedule in screen seconds.
		res := engine.Run([]byte(sc.Source), engine.Options{Filename: sc.Filename(), Trace: true})
		if res.Trace == nil {
			t.Fatalf("natively %s has no trace: %s", sc.ID, res.Stderr)
		}
		if res.Trace.Len() != s.Events {
			t.Fatalf("natively %s has a trace of %d events; the page has %d", sc.ID, res.Trace.Len(), s.Events)
		}
		sched := playback.New(res.Trace, "")

		const wall = 4.0 // seconds of playing per measurement
		measure := func(name string) {
			t.Helper()
			var m struct {
				Secs, Frames float64
				Event        int
			}
			p.Eval(`loopscope.pause(); loopscope.seek(0); loopscope.setSpeed(1);
				window.__pace = {t0: performance.now(), f0: loopscope.state().frames}; loopscope.play()`, nil)
			p.WaitFor(fmt.Sprintf("performance.now() - __pace.t0 >= %g", wall*1000), 60*time.Second)
			p.Eval(`(() => { const s = loopscope.state(); loopscope.pause();
				return {secs: (performance.now() - __pace.t0) / 1000, frames: s.frames - __pace.f0, event: s.event}; })()`, &m)
			start, end := sched.ScreenTime(0, m.Event), sched.ScreenTime(0, m.Event+1)
			fps := m.Frames / m.Secs
			t.Logf("%s: %.2f s of wall time at 1x, %.1f frames a second: event %d, which the schedule plays from %.2f s to %.2f s", name, m.Secs, fps, m.Event, start, end)
			if m.Event+1 >= s.Events {
				t.Fatalf("%s: the scene (%d events) is too short to measure %g s of pacing", name, s.Events, wall)
			}
			// Wide margins: the page may start a frame late, and a frame
			// longer than playback.MaxFrame counts as MaxFrame.
			lo, hi := 0.5*m.Secs-0.5, 1.2*m.Secs+0.5
			if fps < 1/playback.MaxFrame {
				lo = 0.5*m.Secs*fps*playback.MaxFrame - 0.5
			}
			if end < lo || start > hi {
				t.Errorf("%s: after %.2f s at 1x the page is at event %d (schedule %.2f-%.2f s), want within %.2f-%.2f s", name, m.Secs, m.Event, start, end, lo, hi)
			}
		}
		measure("full speed")
		throttle := func(rate float64) {
			p.Do(func(ctx context.Context, tt *chromedp.Target) (chromedp.Void, error) {
				_, err := cdp.Call(ctx, tt, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: rate})
				return chromedp.Void{}, err
			})
		}
		throttle(6)
		defer throttle(1)
		measure("CPU slowed 6x")
	})
}

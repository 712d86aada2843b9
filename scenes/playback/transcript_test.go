package playback

import (
	"strings"
	"testing"
	"time"

	"loopscope/scenes"
	"loopscope/scenes/engine"
)

// A transcript says, event by event, what the stage's caption says at
// that event, in the language asked for, with the event's time.
func TestTranscriptMatchesCaptions(t *testing.T) {
	for _, sc := range scenes.All() {
		r := engine.Run([]byte(sc.Source), engine.Options{Filename: "scene.py", Trace: true})
		if r.Trace == nil {
			t.Fatalf("%s: no trace: %s", sc.ID, r.Stderr)
		}
		rec := Build(r.Trace)
		for _, l := range []Lang{EN, KO} {
			lines := rec.Transcript(l, 0, rec.Len())
			if len(lines) != rec.Len() {
				t.Fatalf("%s: %d lines for %d events", sc.ID, len(lines), rec.Len())
			}
			step := max(1, rec.Len()/7)
			for i := 0; i < rec.Len(); i += step {
				s := rec.StateAt(i)
				s.SetLang(l)
				if lines[i].Event != i || lines[i].Text != strings.ReplaceAll(s.Caption, "\n", " ") || lines[i].Time != s.Clock {
					t.Fatalf("%s %v event %d: transcript %+v, state says %q at %v", sc.ID, l, i, lines[i], s.Caption, s.Clock)
				}
			}
			// A window from the middle is the same as the whole cut there.
			from, to := rec.Len()/3, rec.Len()/2
			part := rec.Transcript(l, from, to)
			if len(part) != to-from || (len(part) > 0 && part[0] != lines[from]) {
				t.Fatalf("%s: window %d..%d differs from the whole transcript", sc.ID, from, to)
			}
		}
	}
	if got := New(nil, "").Recording().Transcript(EN, 0, 10); got != nil {
		t.Fatalf("empty recording: %v", got)
	}
}

// How long a whole transcript takes for the biggest built-in scene and for
// a 2,000-task scene (reported, not asserted: the machine is shared).
func TestTranscriptCost(t *testing.T) {
	big, n := "", 0
	for _, sc := range scenes.All() {
		r := engine.Run([]byte(sc.Source), engine.Options{Filename: "scene.py", Trace: true})
		if r.Trace != nil && len(r.Trace.Events) > n {
			big, n = sc.ID, len(r.Trace.Events)
		}
	}
	sc, _ := scenes.Get(big)
	many := "import asyncio\n\nasync def work(i):\n    await asyncio.sleep(i % 7 * 0.01)\n    return i\n\nasync def main():\n    r = await asyncio.gather(*(work(i) for i in range(2000)))\n    print(sum(r))\n\nasyncio.run(main())\n"
	for _, c := range []struct{ name, src string }{{big, sc.Source}, {"2000 tasks", many}} {
		r := engine.Run([]byte(c.src), engine.Options{Filename: "scene.py", Trace: true})
		if r.Trace == nil {
			t.Fatalf("%s: no trace: %s", c.name, r.Stderr)
		}
		rec := Build(r.Trace)
		start := time.Now()
		lines := rec.Transcript(KO, 0, rec.Len())
		took := time.Since(start)
		if len(lines) != rec.Len() {
			t.Fatalf("%s: %d lines for %d events", c.name, len(lines), rec.Len())
		}
		chars := 0
		for _, l := range lines {
			chars += len(l.Text)
		}
		t.Logf("%s: %d events, whole transcript %v, %d bytes of text", c.name, rec.Len(), took, chars)
	}
}

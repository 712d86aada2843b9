package playback

import (
	"strings"
	"testing"

	"loopscope/scenes"
	"loopscope/scenes/trace"
)

// ioScene lays out the I/O view of s.
func ioScene(w, h, scale float64, s *State) *Scene { return LayoutView(ViewIO, w, h, scale, s) }

// The I/O view of 18_streams at the moments that matter, at a laptop's
// and a phone's size, in both languages: laid out cleanly; the selector
// shows what it watches and lights what select found; each connection
// is the two tasks holding its ends, with the bytes between them.
func TestIOView(t *testing.T) {
	sc, _ := scenes.Get("18_streams")
	rec := record(t, "scene.py", sc.Source)
	at := func(pred func(e *trace.Event) bool) int {
		for i := range rec.Trace().Events {
			if pred(&rec.Trace().Events[i]) {
				return i
			}
		}
		t.Fatal("no such event")
		return 0
	}
	sock := func(text string, tm float64) int {
		return at(func(e *trace.Event) bool { return e.Kind == trace.SocketOp && e.Text == text && e.Time == tm })
	}
	moments := map[string]int{
		"listen": sock("listen", 0),
		"accept": sock("accept", 0),
		"send":   sock("send", 0.4),
		"ready":  sock("ready", 0.4),
		"recv":   sock("recv", 0.4),
		"close":  sock("close", 1.6),
		"end":    rec.Len() - 1,
	}
	for name, i := range moments {
		for _, lang := range []Lang{EN, KO} {
			s := rec.StateAt(i)
			s.SetLang(lang)
			for _, wh := range [][3]float64{{1280, 800, 1}, {520, 640, 1}, {1100, 900, 2}, {390, 700, 1}} {
				scn := ioScene(wh[0], wh[1], wh[2], s)
				if bad := checkScene(scn); len(bad) > 0 {
					t.Errorf("%s %s %v: %s", name, lang, wh, strings.Join(bad[:min(3, len(bad))], "; "))
				}
				var chips, ready, cards, lit int
				for _, it := range scn.Items {
					switch {
					case it.Kind == KChip:
						chips++
						if it.Tone == ToneReady {
							ready++
						}
					case it.Kind == KCard:
						cards++
					case it.Kind == KBar && it.Tone == ToneReady:
						lit++
					}
				}
				switch name {
				case "listen":
					if chips != 0 || cards != 0 {
						t.Errorf("listen %v: %d chips, %d cards before the selector watches anything", wh, chips, cards)
					}
				case "ready":
					if ready != 1 || lit != 1 {
						t.Errorf("ready %v: %d ready chips, %d lit pipes; want the server end ready with bob's 5 bytes in flight", wh, ready, lit)
					}
				case "send":
					if ready != 0 || lit != 1 {
						t.Errorf("send %v: %d ready chips, %d lit pipes", wh, ready, lit)
					}
				case "recv":
					if lit != 0 || cards < 2 || cards%2 != 0 {
						t.Errorf("recv %v: %d lit pipes, %d cards", wh, lit, cards)
					}
				}
			}
		}
	}
}

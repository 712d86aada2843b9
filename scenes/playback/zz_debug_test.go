package playback

import (
	"fmt"
	"os"
	"strconv"
	"testing"

	"loopscope/scenes"
	"loopscope/scenes/engine"
)

func TestZZDebug(t *testing.T) {
	scn, _ := scenes.Get(os.Getenv("SCENE"))
	ev, _ := strconv.Atoi(os.Getenv("EV"))
	w, _ := strconv.ParseFloat(os.Getenv("W"), 64)
	h, _ := strconv.ParseFloat(os.Getenv("H"), 64)
	r := engine.Run([]byte(scn.Source), engine.Options{Filename: scn.Filename(), Trace: true})
	rec := Build(r.Trace)
	sc := Layout(w*2, h*2, 2, rec.StateAt(ev), Witnesses(scn.Source)...)
	for i, it := range sc.Items {
		fmt.Printf("%d kind=%d p=%d %.0f,%.0f %.0fx%.0f %q %q %q\n", i, it.Kind, it.Parent, it.X, it.Y, it.W, it.H, it.Text, it.Sub, it.Sub2)
	}
}

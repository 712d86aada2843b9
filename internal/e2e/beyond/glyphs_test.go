package beyond

import (
	"fmt"
	"image"
	"strings"
	"testing"
	"time"

	"loopscope/internal/e2e/browser"
	"loopscope/scenes/engine"
	"loopscope/scenes/playback"
)

// glyphsScene names a task; at its print the task's card shows, waiting.
const glyphsScene = `import asyncio

async def work():
    await asyncio.sleep(1)

async def main():
    t = asyncio.create_task(work(), name=%q)
    await asyncio.sleep(0.5)
    print("half")
    await t

asyncio.run(main())
`

// Runes the stage font lacks are drawn with the browser's fonts: a task
// named in Hangul syllables the font subset does not hold shows its name
// as glyphs, where a name in runes no font has (CJK extension H) shows the
// font's boxes. The two names are as wide, so the stage is laid out the
// same; the card's name must differ between the two runs by more than the
// stage's own motion does between two frames of one run.
func TestBrowserFontGlyphs(t *testing.T) {
	const hangul, none = "뷁궳", "\U00031350\U00031351"
	for _, r := range hangul {
		if strings.ContainsRune(playback.StageRunes(), r) {
			t.Fatalf("%q is in the stage font: pick syllables it lacks", r)
		}
	}
	if playback.TextWidth(hangul, 10) != playback.TextWidth(none, 10) {
		t.Fatal("the two names are not as wide")
	}
	browser.OnServed(t, func(t *testing.T, tg browser.Target) {
		p := open(t, tg)
		p.Eval(`loopscope.setLang("en")`, nil)
		// Where the card is: the stage laid out natively at the page's size.
		var size struct{ W, H, Scale float64 }
		p.Eval(`(() => { const f = document.getElementById("stage"); return {W: f.clientWidth, H: f.clientHeight, Scale: f.contentWindow.devicePixelRatio}; })()`, &size)
		src := fmt.Sprintf(glyphsScene, hangul)
		res := engine.Run([]byte(src), engine.Options{Trace: true})
		if res.Trace == nil || res.Err != nil {
			t.Fatalf("the scene does not run: %v", res.Err)
		}
		pl := playback.New(res.Trace, src)
		event, card := -1, image.Rectangle{}
		for i := range pl.Len() {
			pl.Seek(i)
			sc := playback.LayoutView(playback.ViewLoop, size.W*size.Scale, size.H*size.Scale, size.Scale, pl.State(), pl.Witnesses()...)
			for _, it := range sc.Items {
				if it.Kind == playback.KCard && strings.Contains(it.Text, hangul) && it.Tone != playback.ToneRunning {
					event, card = i, image.Rect(int(it.X), int(it.Y), int(it.X+it.W), int(it.Y+it.H))
				}
			}
			if event >= 0 {
				break
			}
		}
		if event < 0 {
			t.Fatalf("no event shows the card of %q", hangul)
		}
		frame := p.Rect("#stage")
		// shot runs the scene with the task named name, seeks to the card
		// and returns the card as the screen shows it.
		shot := func(name, file string) image.Image {
			p.Eval(`loopscope.run(`+browser.JSString(fmt.Sprintf(glyphsScene, name))+`).then(() => loopscope.pause())`, nil)
			p.RunEnded()
			p.Eval(fmt.Sprintf(`loopscope.seek(%d)`, event), nil)
			p.WaitFor(fmt.Sprintf(`loopscope.state().event === %d`, event), 10*time.Second)
			f := p.State().Frames
			p.WaitFor(fmt.Sprintf("loopscope.state().frames > %d", f+5), 30*time.Second)
			img := p.Screenshot(file + "-" + tg.Name)
			k := float64(img.Bounds().Dx()) / 1440 / size.Scale
			off := image.Pt(int(frame.X*size.Scale), int(frame.Y*size.Scale))
			r := image.Rect(int(float64(card.Min.X)*k), int(float64(card.Min.Y)*k), int(float64(card.Max.X)*k), int(float64(card.Max.Y)*k))
			return img.(interface {
				SubImage(image.Rectangle) image.Image
			}).SubImage(r.Add(off))
		}
		boxes := shot(none, "glyphs-boxes")
		boxes2 := shot(none, "glyphs-boxes-again")
		glyphs := shot(hangul, "glyphs-hangul")
		motion, drawn := differ(boxes, boxes2), differ(boxes, glyphs)
		t.Logf("card %v at event %d: %d pixels differ between two runs with boxes, %d with the Hangul name", card, event, motion, drawn)
		if drawn < 40 || drawn < 4*motion {
			t.Errorf("the Hangul name %q is drawn as the boxes of a name no font has (%d pixels differ, %d from motion; the browser needs a Korean font: .ci/run installs fonts-nanum)", hangul, drawn, motion)
		}
		if errs := p.ConsoleErrors(); len(errs) > 0 {
			t.Errorf("console errors: %q", errs)
		}
	})
}

// differ counts the pixels that differ between a and b, which have the
// same bounds.
func differ(a, b image.Image) int {
	n := 0
	r := a.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if a.At(x, y) != b.At(x, y) {
				n++
			}
		}
	}
	return n
}

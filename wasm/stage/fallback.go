//go:build js && wasm

package stage

import (
	"image"
	"math"
	"strconv"
	"syscall/js"
)

// The stage font holds Latin-1 and only the Hangul the stage's own
// messages use, but a learner's code may name a task "다운로드" or print
// Greek, Chinese or emoji. Such a rune is drawn by the browser's own
// fonts: fillText on a canvas of the page, at the stage's size, into the
// advance the layout reserved for it (playback.RuneWidth: 1 em for wide
// runes, 0.6 em for the rest), shrunk to fit when the browser's glyph is
// wider, and centred. Its coverage is kept as any other glyph is (face.glyph).
// Only when no browser font has the rune either is the stage font's box
// drawn.

// fallbackFonts is where the browser looks first: monospaced fonts, then
// Korean ones whose Hangul matches the stage font's (Noto Sans CJK), then
// whatever the browser falls back to for the rest.
const fallbackFonts = `px ui-monospace,Menlo,Consolas,"DejaVu Sans Mono","Noto Sans CJK KR","Noto Sans KR","Apple SD Gothic Neo","Malgun Gothic",monospace`

// noRune is a rune no font has (the last private-use code point): what the
// browser draws for it is what it draws for a rune it has no font for.
const noRune = "\U0010FFFD"

// canvas2d is the 2D context the fallback draws in (a JS null until the
// first use, undefined where the browser has no OffscreenCanvas).
var canvas2d = js.Null()

// browserGlyph draws r with the browser's fonts with the pen dx pixels
// right of a whole pixel, in adv pixels of advance; nil when no browser
// font has r (or the browser cannot draw off screen).
func (f *face) browserGlyph(r rune, dx, adv float64) *glyph {
	if canvas2d.IsNull() {
		canvas2d = js.Undefined()
		if oc := js.Global().Get("OffscreenCanvas"); oc.Type() == js.TypeFunction {
			canvas2d = oc.New(1, 1).Call("getContext", "2d", map[string]any{"willReadFrequently": true})
		}
	}
	if !canvas2d.Truthy() {
		return nil
	}
	pad := int(f.size / 2)
	w, h := int(math.Ceil(adv))+2*pad, f.base+int(f.size/2)+pad
	cov := f.paint(string(r), float64(pad)+dx, adv, w, h)
	if string(cov) == string(f.paint(noRune, float64(pad)+dx, adv, w, h)) {
		return nil
	}
	gl := &glyph{advance: fixedPx(adv)}
	box := image.Rectangle{}
	for i, a := range cov {
		if a != 0 {
			box = box.Union(image.Rect(i%w, i/w, i%w+1, i/w+1))
		}
	}
	if box.Empty() {
		return gl
	}
	gl.off = box.Min.Sub(image.Pt(pad, f.base))
	gl.mask = image.NewAlpha(image.Rect(0, 0, box.Dx(), box.Dy()))
	for y := range box.Dy() {
		copy(gl.mask.Pix[y*gl.mask.Stride:][:box.Dx()], cov[(box.Min.Y+y)*w+box.Min.X:])
	}
	return gl
}

// paint draws s white on a clear w×h canvas, its baseline at the face's,
// fitted and centred in adv pixels from x, and returns its coverage: a
// pixel's alpha times its brightest channel, so a colour emoji keeps its
// features when the stage tints it.
func (f *face) paint(s string, x, adv float64, w, h int) []byte {
	c := canvas2d
	cv := c.Get("canvas")
	cv.Set("width", w) // which also clears it and resets the context
	cv.Set("height", h)
	c.Set("font", strconv.FormatFloat(f.size, 'f', 2, 64)+fallbackFonts)
	c.Set("fillStyle", "#fff")
	bw := c.Call("measureText", s).Get("width").Float()
	k := 1.0
	if bw > adv {
		k = adv / bw
	}
	c.Call("setTransform", k, 0, 0, k, x+(adv-bw*k)/2, f.base)
	c.Call("fillText", s, 0, 0)
	px := make([]byte, 4*w*h)
	js.CopyBytesToGo(px, c.Call("getImageData", 0, 0, w, h).Get("data"))
	cov := make([]byte, w*h)
	for i := range cov {
		p := px[4*i:]
		cov[i] = byte(uint(p[3]) * uint(max(p[0], p[1], p[2])) / 255)
	}
	return cov
}

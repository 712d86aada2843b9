//go:build js && wasm

package stage

import (
	"image"
	"syscall/js"
)

// The stage font holds Latin-1 and only the Hangul the stage's own
// messages use, but a learner's code may name a task "다운로드" or print
// Greek, Chinese or emoji. Such a rune is drawn by the browser's own
// fonts: the stage frame's loopscopeGlyph (web/stage.js) fills it on a
// canvas at the stage's size, into the advance the layout reserved for it
// (playback.RuneWidth: 1 em for wide runes, 0.6 em for the rest), shrunk
// to fit when the browser's glyph is wider, and centred; its coverage is
// kept as the stage font's glyphs are (face.glyph). Only when no browser
// font has the rune either (or the frame has no loopscopeGlyph) is the
// stage font's box drawn. The canvas work is in JavaScript, where it costs
// the module nothing.

// browserGlyph draws r with the browser's fonts with the pen dx pixels
// right of a whole pixel, in adv pixels of advance; nil when no browser
// font has r.
func (f *face) browserGlyph(r rune, dx, adv float64) *glyph {
	fn := js.Global().Get("loopscopeGlyph")
	if fn.Type() != js.TypeFunction {
		return nil
	}
	// The canvas is the line box from one pixel left of the pen, as wide
	// as the advance: the glyph's coverage is the mask as it is.
	w, h := int(adv+dx)+3, f.base+int(f.size/2)
	cov := fn.Invoke(string(r), f.size, 1+dx, adv, w, h, f.base)
	if !cov.Truthy() {
		return nil
	}
	gl := &glyph{mask: image.NewAlpha(image.Rect(0, 0, w, h)), off: image.Pt(-1, -f.base), advance: fixedPx(adv)}
	js.CopyBytesToGo(gl.mask.Pix, cov)
	return gl
}

//go:build js && wasm

package stage

import (
	"image"
	"image/color"
	"math"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/opentype"
)

// The stage draws its text with Ebiten's text/v2 in Go Mono, which covers
// Latin, Greek, Cyrillic and the WGL4 symbols; Korean goes to the HTML
// notes. Every advance is 0.6 em, which is what playback.CharWidth assumes
// when the layout fits and truncates text.
//
// Bold is Go Mono drawn again a pixel or two to the right (boldShift)
// rather than Go Mono Bold: that font would add 78 KB to the gzipped
// module, which is over its size budget, and at the stage's sizes the
// doubled strokes read as bold. Each string is drawn once into an image of
// its own (drawText), so the extra pass costs nothing per frame.
var regular = mustParse(gomono.TTF)

// boldShift is how far, in device pixels, the second pass of a bold string
// at size (also in device pixels) is drawn to the right of the first.
func boldShift(size float64) int { return max(1, int(math.Round(size/20))) }

func mustParse(ttf []byte) *opentype.Font {
	f, err := opentype.Parse(ttf)
	if err != nil {
		panic(err)
	}
	return f
}

// face is one font at one size in device pixels, made once and kept: text/v2
// keeps each face's rasterised glyphs, so a face made per frame would
// rasterise every glyph again.
type face struct {
	f text.Face
	// down is how far to move text/v2's line box so that its baseline falls
	// a whole number of pixels, round(ascent + 0.1 em), below the top of
	// ours: the same place the stage has always put it.
	down float64
}

// maxFaces bounds the faces kept; the layout uses a handful of sizes, times
// each device scale factor the page has seen.
const maxFaces = 32

func (g *Game) face(size float64) *face {
	if f := g.faces[size]; f != nil {
		return f
	}
	if len(g.faces) >= maxFaces {
		clear(g.faces)
	}
	ff, err := opentype.NewFace(regular, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		panic(err)
	}
	tf := text.NewGoXFace(ff)
	// text/v2 puts the baseline at the ascent below the line's top, on the
	// whole pixel at or above it.
	asc := tf.Metrics().HAscent
	f := &face{f: tf, down: math.Round(asc+0.1*size) - math.Floor(asc)}
	g.faces[size] = f
	return f
}

// textKey names one string at one size and weight.
type textKey struct {
	s    string
	size float64
	bold bool
}

// textImage is a string drawn once, white, and tinted each time it is used.
type textImage struct {
	img      *ebiten.Image // nil for a string with no ink
	dx, dy   float64       // where img's corner sits from (pen x, line top)
	lastUsed int           // the frame that last drew it
}

// drawText draws s with the top of its line box at y, starting at x.
//
// text/v2 rasterises each glyph once per face and keeps it in an atlas,
// but laying every string out and drawing it glyph by glyph each frame made
// Draw about four times slower (the harness's bench=1: 2-3 ms became 8-13
// ms per Draw here), so each distinct string is drawn once into an image
// of its own and blitted with one DrawImage after that; strings no frame
// has used for a few seconds are dropped (sweepTexts).
func (g *Game) drawText(dst *ebiten.Image, s string, x, y, size float64, b bool, c color.RGBA) {
	if s == "" || c.A == 0 {
		return
	}
	k := textKey{s, size, b}
	ti := g.strs[k]
	if ti == nil {
		ti = g.renderText(k)
		g.strs[k] = ti
	}
	ti.lastUsed = g.frame
	if ti.img == nil {
		return
	}
	op := &g.textOp
	op.GeoM.Reset()
	op.GeoM.Translate(math.Round(x)+ti.dx, math.Round(y)+ti.dy)
	op.ColorScale.Reset()
	op.ColorScale.ScaleWithColor(c)
	dst.DrawImage(ti.img, op)
}

func (g *Game) renderText(k textKey) *textImage {
	s := k.s
	if strings.IndexByte(s, '\n') >= 0 {
		// text/v2 would start a new line; the stage's text is one line.
		s = strings.ReplaceAll(s, "\n", " ")
	}
	f := g.face(k.size)
	g.glyphs = text.AppendGlyphs(g.glyphs[:0], s, f.f, nil)
	// The box every glyph image falls in; glyph positions are whole pixels.
	var box image.Rectangle
	for _, gl := range g.glyphs {
		if gl.Image != nil {
			b := gl.Image.Bounds()
			box = box.Union(image.Rect(0, 0, b.Dx(), b.Dy()).Add(image.Pt(int(gl.X), int(gl.Y))))
		}
	}
	if box.Empty() {
		return &textImage{}
	}
	shift := 0
	if k.bold {
		shift = boldShift(k.size)
	}
	img := ebiten.NewImage(box.Dx()+shift, box.Dy())
	var op ebiten.DrawImageOptions
	for pass := 0; pass <= shift; pass++ {
		for _, gl := range g.glyphs {
			if gl.Image != nil {
				op.GeoM.Reset()
				op.GeoM.Translate(gl.X-float64(box.Min.X)+float64(pass), gl.Y-float64(box.Min.Y))
				img.DrawImage(gl.Image, &op)
			}
		}
	}
	return &textImage{img: img, dx: float64(box.Min.X), dy: float64(box.Min.Y) + f.down}
}

// sweepTexts drops the strings no frame has drawn for a while.
func (g *Game) sweepTexts() {
	if g.frame%120 != 0 {
		return
	}
	for k, ti := range g.strs {
		if g.frame-ti.lastUsed > 240 {
			if ti.img != nil {
				ti.img.Deallocate()
			}
			delete(g.strs, k)
		}
	}
}

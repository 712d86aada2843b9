//go:build js && wasm

package stage

import (
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/gomonobold"
)

// The stage draws text from Go Mono, rasterised once per size and rune
// (font.go) and kept as small Ebiten images, which Ebiten packs into one
// atlas. Go Mono covers Latin, Greek, Cyrillic and the WGL4 symbols;
// Korean goes to the HTML notes.
var regular, bold *ttf

func init() {
	var err error
	if regular, err = parseTTF(gomono.TTF); err != nil {
		panic(err)
	}
	if bold, err = parseTTF(gomonobold.TTF); err != nil {
		panic(err)
	}
}

type faceKey struct {
	size float64
	bold bool
}

// glyphs is one font at one size and the runes drawn so far.
type glyphs struct {
	font   *ttf
	size   float64
	ascent float64
	cache  map[rune]*glyph
}

type glyph struct {
	img     *ebiten.Image // nil for blank glyphs
	dx, dy  float64       // offset of the image from the pen on the baseline
	advance float64
}

func (g *Game) glyphs(size float64, b bool) *glyphs {
	size = math.Round(size*2) / 2
	k := faceKey{size, b}
	gs := g.faces[k]
	if gs == nil {
		f := regular
		if b {
			f = bold
		}
		gs = &glyphs{font: f, size: size, ascent: f.ascent * size / f.unitsPerEm, cache: map[rune]*glyph{}}
		g.faces[k] = gs
	}
	return gs
}

func (gs *glyphs) glyph(r rune) *glyph {
	if gl, ok := gs.cache[r]; ok {
		return gl
	}
	mask, dx, dy, adv := gs.font.rasterize(r, gs.size)
	gl := &glyph{advance: adv, dx: dx, dy: dy}
	if mask != nil {
		b := mask.Bounds()
		px := make([]byte, 4*b.Dx()*b.Dy())
		for i, a := range mask.Pix {
			px[4*i], px[4*i+1], px[4*i+2], px[4*i+3] = a, a, a, a
		}
		img := ebiten.NewImage(b.Dx(), b.Dy())
		img.WritePixels(px)
		gl.img = img
	}
	gs.cache[r] = gl
	return gl
}

// textKey names one rendered string.
type textKey struct {
	s    string
	size float64
	bold bool
}

// textImage is a string rendered once, white, tinted when drawn.
type textImage struct {
	img      *ebiten.Image
	dx, dy   float64 // where the image's corner sits from (pen x, line top)
	lastUsed int
}

// drawText draws s with the top of its line box at y, starting at x. Each
// distinct string is rendered once into its own image and drawn with one
// DrawImage afterwards; strings unused for a few seconds are dropped.
func (g *Game) drawText(dst *ebiten.Image, s string, x, y, size float64, b bool, c color.RGBA) {
	if s == "" || c.A == 0 {
		return
	}
	k := textKey{s, math.Round(size*2) / 2, b}
	ti := g.strs[k]
	if ti == nil {
		ti = g.renderText(k)
		g.strs[k] = ti
	}
	ti.lastUsed = g.frame
	if ti.img == nil {
		return
	}
	op := &ebiten.DrawImageOptions{}
	op.GeoM.Translate(math.Round(x)+ti.dx, math.Round(y)+ti.dy)
	op.ColorScale.ScaleWithColor(c)
	dst.DrawImage(ti.img, op)
}

func (g *Game) renderText(k textKey) *textImage {
	gs := g.glyphs(k.size, k.bold)
	base := math.Round(gs.ascent + k.size*0.1)
	// The box every glyph falls in, relative to (pen 0, line top).
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	pen := 0.0
	for _, r := range k.s {
		gl := gs.glyph(r)
		if gl.img != nil {
			b := gl.img.Bounds()
			x0, y0 := math.Round(pen+gl.dx), base+gl.dy
			minX, minY = min(minX, x0), min(minY, y0)
			maxX, maxY = max(maxX, x0+float64(b.Dx())), max(maxY, y0+float64(b.Dy()))
		}
		pen += gl.advance
	}
	if math.IsInf(minX, 1) {
		return &textImage{}
	}
	img := ebiten.NewImage(int(maxX-minX)+1, int(maxY-minY)+1)
	op := &ebiten.DrawImageOptions{}
	pen = 0
	for _, r := range k.s {
		gl := gs.glyph(r)
		if gl.img != nil {
			op.GeoM.Reset()
			op.GeoM.Translate(math.Round(pen+gl.dx)-minX, base+gl.dy-minY)
			img.DrawImage(gl.img, op)
		}
		pen += gl.advance
	}
	return &textImage{img: img, dx: minX, dy: minY}
}

// sweepTexts drops the rendered strings no frame has used for a while.
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

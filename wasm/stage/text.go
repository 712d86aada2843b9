//go:build js && wasm

package stage

import (
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/gomonobold"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// The stage draws text from Go Mono, rasterised once per size and rune by
// x/image's OpenType rasteriser and kept as small Ebiten images (which
// Ebiten packs into one atlas, so a frame's text batches into few draws).
// Go Mono covers Latin, Greek, Cyrillic and the WGL4 symbols; Korean goes
// to the HTML notes.
var regular, bold *sfnt.Font

func init() {
	var err error
	if regular, err = opentype.Parse(gomono.TTF); err != nil {
		panic(err)
	}
	if bold, err = opentype.Parse(gomonobold.TTF); err != nil {
		panic(err)
	}
}

type faceKey struct {
	size float64
	bold bool
}

// glyphs is one font at one size: its face and the runes drawn so far.
type glyphs struct {
	face   font.Face
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
		face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
		if err != nil {
			panic(err)
		}
		gs = &glyphs{face: face, ascent: float64(face.Metrics().Ascent) / 64, cache: map[rune]*glyph{}}
		g.faces[k] = gs
	}
	return gs
}

func (gs *glyphs) glyph(r rune) *glyph {
	if gl, ok := gs.cache[r]; ok {
		return gl
	}
	dr, mask, mp, adv, ok := gs.face.Glyph(fixed.Point26_6{}, r)
	if !ok {
		dr, mask, mp, adv, _ = gs.face.Glyph(fixed.Point26_6{}, '?')
	}
	gl := &glyph{advance: float64(adv) / 64, dx: float64(dr.Min.X), dy: float64(dr.Min.Y)}
	if !dr.Empty() && mask != nil {
		img := ebiten.NewImage(dr.Dx(), dr.Dy())
		px := make([]byte, 4*dr.Dx()*dr.Dy())
		i := 0
		for y := 0; y < dr.Dy(); y++ {
			for x := 0; x < dr.Dx(); x++ {
				_, _, _, a := mask.At(mp.X+x, mp.Y+y).RGBA()
				a8 := byte(a >> 8)
				px[i], px[i+1], px[i+2], px[i+3] = a8, a8, a8, a8
				i += 4
			}
		}
		img.WritePixels(px)
		gl.img = img
	}
	gs.cache[r] = gl
	return gl
}

// text draws s with the top of its line box at y, starting at x.
func (g *Game) text(dst *ebiten.Image, s string, x, y, size float64, b bool, c color.RGBA) {
	if s == "" || c.A == 0 {
		return
	}
	gs := g.glyphs(size, b)
	pen := math.Round(x)
	base := math.Round(y + gs.ascent + size*0.1)
	op := &ebiten.DrawImageOptions{}
	for _, r := range s {
		gl := gs.glyph(r)
		if gl.img != nil {
			op.GeoM.Reset()
			op.GeoM.Translate(math.Round(pen+gl.dx), base+gl.dy)
			op.ColorScale.Reset()
			op.ColorScale.ScaleWithColor(c)
			dst.DrawImage(gl.img, op)
		}
		pen += gl.advance
	}
}

//go:build js && wasm

package stage

import (
	"image/color"
	"math"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/gomonobold"
	"golang.org/x/image/font/opentype"
)

// The stage draws its text with Ebiten's text/v2 in Go Mono and Go Mono
// Bold. Go Mono covers Latin, Greek, Cyrillic and the WGL4 symbols; Korean
// goes to the HTML notes. Every advance is 0.6 em, which is what
// playback.CharWidth assumes when the layout fits and truncates text.
var regular, bold = mustParse(gomono.TTF), mustParse(gomonobold.TTF)

func mustParse(ttf []byte) *opentype.Font {
	f, err := opentype.Parse(ttf)
	if err != nil {
		panic(err)
	}
	return f
}

type faceKey struct {
	size float64
	bold bool
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

func (g *Game) face(size float64, b bool) *face {
	k := faceKey{size, b}
	if f := g.faces[k]; f != nil {
		return f
	}
	if len(g.faces) >= maxFaces {
		clear(g.faces)
	}
	src := regular
	if b {
		src = bold
	}
	ff, err := opentype.NewFace(src, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		panic(err)
	}
	tf := text.NewGoXFace(ff)
	// text/v2 puts the baseline at the ascent below the line's top, on the
	// whole pixel at or above it.
	asc := tf.Metrics().HAscent
	f := &face{f: tf, down: math.Round(asc+0.1*size) - math.Floor(asc)}
	g.faces[k] = f
	return f
}

// drawText draws s with the top of its line box at y, starting at x. Glyphs
// are rasterised at the device-pixel size once per face and cached by
// text/v2 in an atlas; a string costs one DrawImage per glyph, which Ebiten
// batches into the same draw call.
func (g *Game) drawText(dst *ebiten.Image, s string, x, y, size float64, b bool, c color.RGBA) {
	if s == "" || c.A == 0 {
		return
	}
	if strings.IndexByte(s, '\n') >= 0 {
		// text/v2 would start a new line; the stage's text is one line.
		s = strings.ReplaceAll(s, "\n", " ")
	}
	f := g.face(size, b)
	g.glyphs = text.AppendGlyphs(g.glyphs[:0], s, f.f, nil)
	x0, y0 := math.Round(x), math.Round(y)+f.down
	op := &g.glyphOp
	op.ColorScale.Reset()
	op.ColorScale.ScaleWithColor(c)
	for _, gl := range g.glyphs {
		if gl.Image == nil {
			continue
		}
		op.GeoM.Reset()
		op.GeoM.Translate(x0+gl.X, y0+gl.Y)
		dst.DrawImage(gl.Image, op)
	}
}

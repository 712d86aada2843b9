//go:build js && wasm

package stage

import (
	"image"
	"image/color"
	"math"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"

	"loopscope/scenes/playback"
)

// The stage draws its text in one font, stageFont: Go Mono, which covers
// Latin, Greek, Cyrillic and the WGL4 symbols, with Hangul added for the
// Korean captions. internal/site makes that font when it builds the module
// (internal/stagefont: Go Mono's glyphs without their hinting, and from
// Noto Sans CJK only the glyphs the stage's Korean strings use) and adds it
// to this package with the build tag stagefont (stagefont.go is
// generated); a build without the tag, such as `go vet`, draws Go Mono
// itself with x/image/font/opentype (gomono.go) and no Hangul. Advances are 0.6 em, and 1.0 em for
// wide runes (all of Hangul): what playback.RuneWidth says when the layout
// fits and truncates text.
//
// Bold is the same glyphs drawn again a pixel or two to the right
// (boldShift) rather than a bold font: Go Mono Bold would add 78 KB to the
// gzipped module, which is over its size budget, and at the stage's sizes
// the doubled strokes read as bold.
//
// Glyphs are rasterised by x/image/vector (through ttf.go's reader of the
// stage font), kept per size, rune and sub-pixel position (glyphs), and
// each distinct string is put together once into an image of its own
// (drawText). Ebiten's text/v2 would do the
// same but pulls go-text/typesetting into the module, and with it image
// decoders and language tables: 100 KB of gzip the stage does not use.

// boldShift is how far, in device pixels, the second pass of a bold string
// at size (also in device pixels) is drawn to the right of the first.
func boldShift(size float64) int { return max(1, int(math.Round(size/20))) }

// glyphFace is the stage's font at one size: x/image/font/opentype's face
// over Go Mono (gomono.go), or the stage's own reader of the stage font
// (ttf.go, stagefont.go).
type glyphFace interface {
	// Glyph draws r with the pen at dot: a coverage mask (valid until the
	// next call) for dr, and the pen's advance.
	Glyph(dot fixed.Point26_6, r rune) (dr image.Rectangle, mask image.Image, maskp image.Point, advance fixed.Int26_6, ok bool)
	Metrics() font.Metrics
}

// face is the stage's fonts at one size in device pixels, made once and
// kept with the glyphs rasterised at that size.
type face struct {
	size float64
	font glyphFace
	// base is the baseline's distance below the top of the line box, in
	// whole pixels: round(ascent + 0.1 em), where the stage has always put it.
	base int
	// steps is how many sub-pixel positions a glyph is rasterised at: more
	// for small text, where a quarter pixel shows.
	steps  int
	glyphs map[glyphKey]*glyph
}

// fixedPx is v pixels in 26.6 fixed point.
func fixedPx(v float64) fixed.Int26_6 { return fixed.Int26_6(math.Round(v * 64)) }

// glyphKey names one rune at one sub-pixel position (a step of 1/steps px).
type glyphKey struct {
	r    rune
	step int
}

// glyph is one rasterised glyph: its coverage and where its corner sits from
// the whole pixel left of the pen, on the baseline.
type glyph struct {
	mask    *image.Alpha // nil for a glyph with no ink
	off     image.Point
	advance fixed.Int26_6
}

// maxFaces bounds the faces kept; the layout uses a handful of sizes, times
// each device scale factor the page has seen. maxGlyphs bounds the glyphs
// one face keeps.
const (
	maxFaces  = 32
	maxGlyphs = 2048
)

func (g *Game) face(size float64) *face {
	if f := g.faces[size]; f != nil {
		return f
	}
	if len(g.faces) >= maxFaces {
		clear(g.faces)
	}
	f := &face{size: size, font: newGlyphFace(size), glyphs: map[glyphKey]*glyph{}}
	asc := float64(f.font.Metrics().Ascent) / 64
	f.base = int(math.Round(asc + 0.1*size))
	switch {
	case size < 20:
		f.steps = 8
	case size < 40:
		f.steps = 4
	default:
		f.steps = 2
	}
	g.faces[size] = f
	return f
}

// glyph returns r rasterised with the pen at x (in 26.6 pixels) on the
// baseline, and the pixel its offset counts from.
func (f *face) glyph(r rune, x fixed.Int26_6) (*glyph, int) {
	px := x.Floor()
	step := int(x-fixed.I(px)) * f.steps / 64
	k := glyphKey{r, step}
	if gl := f.glyphs[k]; gl != nil {
		return gl, px
	}
	if len(f.glyphs) >= maxGlyphs {
		clear(f.glyphs)
	}
	dot := fixed.Point26_6{X: fixed.Int26_6(step * 64 / f.steps)}
	dr, mask, mp, adv, ok := f.font.Glyph(dot, r)
	if !ok {
		// The browser's fonts may have it (fallback.go); else the box, in
		// the advance the layout gave the rune.
		w := playback.RuneWidth(r, f.size)
		gl := f.browserGlyph(r, float64(dot.X)/64, w)
		if gl != nil {
			f.glyphs[k] = gl
			return gl, px
		}
		adv = fixedPx(w)
	}
	gl := &glyph{off: dr.Min, advance: adv}
	if m, ok := mask.(*image.Alpha); ok && !dr.Empty() {
		// The face reuses its mask for the next glyph: keep a copy.
		gl.mask = image.NewAlpha(image.Rect(0, 0, dr.Dx(), dr.Dy()))
		for y := range dr.Dy() {
			copy(gl.mask.Pix[y*gl.mask.Stride:][:dr.Dx()], m.Pix[m.PixOffset(mp.X, mp.Y+y):][:dr.Dx()])
		}
	}
	f.glyphs[k] = gl
	return gl, px
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
// Laying every string out and drawing it glyph by glyph each frame made
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

// glyphAt is one glyph of a string being rendered, at its pixel position.
type glyphAt struct {
	gl   *glyph
	x, y int
}

func (g *Game) renderText(k textKey) *textImage {
	s := k.s
	if strings.IndexByte(s, '\n') >= 0 {
		// The stage's text is one line.
		s = strings.ReplaceAll(s, "\n", " ")
	}
	f := g.face(k.size)
	g.glyphs = g.glyphs[:0]
	var box image.Rectangle
	var pen fixed.Int26_6
	for _, r := range s {
		gl, px := f.glyph(r, pen)
		pen += gl.advance
		if gl.mask == nil {
			continue
		}
		p := glyphAt{gl, px + gl.off.X, f.base + gl.off.Y}
		g.glyphs = append(g.glyphs, p)
		box = box.Union(gl.mask.Rect.Add(image.Pt(p.x, p.y)))
	}
	if box.Empty() {
		return &textImage{}
	}
	shift := 0
	if k.bold {
		shift = boldShift(k.size)
	}
	// The string's coverage, each glyph laid over what is there (a glyph's
	// edge may overlap its neighbour's, and a bold pass its own first).
	w, h := box.Dx()+shift, box.Dy()
	cov := make([]byte, w*h)
	for pass := 0; pass <= shift; pass++ {
		for _, p := range g.glyphs {
			m := p.gl.mask
			x0, y0 := p.x-box.Min.X+pass, p.y-box.Min.Y
			for y := range m.Rect.Dy() {
				row := cov[(y0+y)*w+x0:]
				for x, a := range m.Pix[y*m.Stride : y*m.Stride+m.Rect.Dx()] {
					d := uint(row[x])
					row[x] = byte(d + uint(a) - d*uint(a)/255)
				}
			}
		}
	}
	// White, premultiplied: every channel is the coverage.
	pix := make([]byte, 4*len(cov))
	for i, a := range cov {
		pix[4*i], pix[4*i+1], pix[4*i+2], pix[4*i+3] = a, a, a, a
	}
	img := ebiten.NewImage(w, h)
	img.WritePixels(pix)
	return &textImage{img: img, dx: float64(box.Min.X), dy: float64(box.Min.Y)}
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

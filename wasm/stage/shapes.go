//go:build js && wasm

package stage

import (
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
)

// The stage's shapes are triangles queued in one vertex buffer and drawn
// with a single DrawTriangles per pass (flush): a frame with a thousand
// task cells and a hundred rounded cards costs a handful of draws, and the
// shapes carry few vertices (a rounded corner is four segments). Text is
// queued too and drawn after the shapes of its pass, so it is always on
// top of the boxes it sits in.

type queuedText struct {
	s    string
	x, y float64
	size float64
	bold bool
	c    color.RGBA
}

func (g *Game) vert(x, y float64, c color.RGBA) uint16 {
	n := uint16(len(g.qvs))
	g.qvs = append(g.qvs, ebiten.Vertex{
		DstX: float32(x), DstY: float32(y), SrcX: 1, SrcY: 1,
		ColorR: float32(c.R) / 255, ColorG: float32(c.G) / 255, ColorB: float32(c.B) / 255, ColorA: float32(c.A) / 255,
	})
	return n
}

// room flushes first if n more vertices would overflow the buffer.
func (g *Game) room(n int) {
	if len(g.qvs)+n > 60000 {
		g.flushShapes()
	}
}

// quad queues a filled rectangle.
func (g *Game) quad(x, y, w, h float64, c color.RGBA) {
	if c.A == 0 || w <= 0 || h <= 0 {
		return
	}
	g.room(4)
	a, b, cc, d := g.vert(x, y, c), g.vert(x+w, y, c), g.vert(x+w, y+h, c), g.vert(x, y+h, c)
	g.qis = append(g.qis, a, b, cc, a, cc, d)
}

// line queues a segment of width w.
func (g *Game) line(x0, y0, x1, y1, w float64, c color.RGBA) {
	l := math.Hypot(x1-x0, y1-y0)
	if l == 0 || c.A == 0 {
		return
	}
	nx, ny := -(y1-y0)/l*w/2, (x1-x0)/l*w/2
	g.room(4)
	a, b := g.vert(x0+nx, y0+ny, c), g.vert(x1+nx, y1+ny, c)
	cc, d := g.vert(x1-nx, y1-ny, c), g.vert(x0-nx, y0-ny, c)
	g.qis = append(g.qis, a, b, cc, a, cc, d)
}

// tri queues a filled triangle.
func (g *Game) tri(x0, y0, x1, y1, x2, y2 float64, c color.RGBA) {
	g.room(3)
	g.qis = append(g.qis, g.vert(x0, y0, c), g.vert(x1, y1, c), g.vert(x2, y2, c))
}

// roundPts returns the outline of a rounded rectangle, clockwise.
func roundPts(pts [][2]float64, x, y, w, h, r float64) [][2]float64 {
	r = max(0, min(r, w/2, h/2))
	const seg = 4
	corners := [4][3]float64{{x + w - r, y + r, -math.Pi / 2}, {x + w - r, y + h - r, 0}, {x + r, y + h - r, math.Pi / 2}, {x + r, y + r, math.Pi}}
	for _, c := range corners {
		for k := 0; k <= seg; k++ {
			a := c[2] + float64(k)*math.Pi/2/seg
			pts = append(pts, [2]float64{c[0] + r*math.Cos(a), c[1] + r*math.Sin(a)})
		}
	}
	return pts
}

// fillRound queues a filled rounded rectangle (a fan from its centre).
func (g *Game) fillRound(x, y, w, h, r float64, c color.RGBA) {
	if c.A == 0 || w <= 0 || h <= 0 {
		return
	}
	g.pts = roundPts(g.pts[:0], x, y, w, h, r)
	g.room(len(g.pts) + 1)
	mid := g.vert(x+w/2, y+h/2, c)
	first := uint16(len(g.qvs))
	for _, p := range g.pts {
		g.vert(p[0], p[1], c)
	}
	n := uint16(len(g.pts))
	for k := uint16(0); k < n; k++ {
		g.qis = append(g.qis, mid, first+k, first+(k+1)%n)
	}
}

// strokeRound queues a rounded rectangle's outline, sw wide, inside it.
func (g *Game) strokeRound(x, y, w, h, r, sw float64, c color.RGBA) {
	if c.A == 0 || sw <= 0 || w <= 2*sw || h <= 2*sw {
		return
	}
	g.pts = roundPts(g.pts[:0], x, y, w, h, r)
	n := len(g.pts)
	g.pts = roundPts(g.pts, x+sw, y+sw, w-2*sw, h-2*sw, max(0, r-sw))
	g.room(2 * n)
	first := uint16(len(g.qvs))
	for _, p := range g.pts {
		g.vert(p[0], p[1], c)
	}
	for k := 0; k < n; k++ {
		o0, o1 := first+uint16(k), first+uint16((k+1)%n)
		i0, i1 := o0+uint16(n), o1+uint16(n)
		g.qis = append(g.qis, o0, o1, i1, o0, i1, i0)
	}
}

// arc queues a ring segment of radius r (its centre line) and width sw
// from angle a0 to a1.
func (g *Game) arc(cx, cy, r, a0, a1, sw float64, c color.RGBA) {
	if c.A == 0 {
		return
	}
	seg := max(2, int(math.Abs(a1-a0)/(math.Pi/24)))
	g.room(2 * (seg + 1))
	ro, ri := r+sw/2, r-sw/2
	var prevO, prevI uint16
	for k := 0; k <= seg; k++ {
		a := a0 + (a1-a0)*float64(k)/float64(seg)
		o := g.vert(cx+ro*math.Cos(a), cy+ro*math.Sin(a), c)
		i := g.vert(cx+ri*math.Cos(a), cy+ri*math.Sin(a), c)
		if k > 0 {
			g.qis = append(g.qis, prevO, o, i, prevO, i, prevI)
		}
		prevO, prevI = o, i
	}
}

// ring queues a circle's outline; disc a filled circle.
func (g *Game) ring(cx, cy, r, sw float64, c color.RGBA) {
	g.arc(cx, cy, r-sw/2, 0, 2*math.Pi, sw, c)
}

func (g *Game) disc(cx, cy, r float64, c color.RGBA) {
	if c.A == 0 {
		return
	}
	const seg = 24
	g.room(seg + 1)
	mid := g.vert(cx, cy, c)
	first := uint16(len(g.qvs))
	for k := 0; k < seg; k++ {
		a := float64(k) * 2 * math.Pi / seg
		g.vert(cx+r*math.Cos(a), cy+r*math.Sin(a), c)
	}
	for k := uint16(0); k < seg; k++ {
		g.qis = append(g.qis, mid, first+k, first+(k+1)%seg)
	}
}

// text queues s with the top of its line box at y, starting at x.
func (g *Game) text(_ *ebiten.Image, s string, x, y, size float64, b bool, c color.RGBA) {
	if s == "" || c.A == 0 {
		return
	}
	g.texts = append(g.texts, queuedText{s, x, y, size, b, c})
}

// flush draws the queued shapes, then the queued text, onto the screen.
func (g *Game) flush() {
	g.flushShapes()
	for _, t := range g.texts {
		g.drawText(g.qdst, t.s, t.x, t.y, t.size, t.bold, t.c)
	}
	g.texts = g.texts[:0]
}

func (g *Game) flushShapes() {
	if len(g.qis) > 0 && g.qdst != nil {
		g.qdst.DrawTriangles(g.qvs, g.qis, g.white, &ebiten.DrawTrianglesOptions{ColorScaleMode: ebiten.ColorScaleModePremultipliedAlpha})
	}
	g.qvs, g.qis = g.qvs[:0], g.qis[:0]
}

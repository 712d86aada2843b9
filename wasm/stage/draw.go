//go:build js && wasm

package stage

import (
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"loopscope/scenes/playback"
	"loopscope/scenes/trace"
)

func rgb(c uint32) color.RGBA {
	return color.RGBA{uint8(c >> 16), uint8(c >> 8), uint8(c), 0xff}
}

// The dark theme.
var (
	colBG       = rgb(0x0f1420)
	colPanel    = rgb(0x182033)
	colPanelHi  = rgb(0x202a42)
	colBorder   = rgb(0x2c3650)
	colText     = rgb(0xe6e9f0)
	colDim      = rgb(0x8a93a6)
	colFaint    = rgb(0x4a5470)
	colAccent   = rgb(0x5ab0ff)
	colRunning  = rgb(0xffc861)
	colReady    = rgb(0x5ab0ff)
	colWaiting  = rgb(0x9aa3b8)
	colDone     = rgb(0x5fd08a)
	colFailed   = rgb(0xff5c5c)
	colCancel   = rgb(0x7c8496)
	colStall    = rgb(0xff3b3b)
	colTimer    = rgb(0xc9a0ff)
	colCallback = rgb(0xffa94d)
	colIdle     = rgb(0x3a4358)
	colFailedBG = rgb(0x3a1620)
	colThread   = rgb(0x3f8f86)

	palette = [playback.Palette]color.RGBA{
		rgb(0xffb04a), rgb(0x5ab0ff), rgb(0x6fd68a), rgb(0xff7eb6),
		rgb(0xb48cff), rgb(0x4fd6c8), rgb(0xf2d45c), rgb(0xff8a65),
	}
)

func toneColor(t playback.Tone) color.RGBA {
	switch t {
	case playback.TonePending:
		return colFaint
	case playback.ToneReady:
		return colReady
	case playback.ToneRunning:
		return colRunning
	case playback.ToneWaiting:
		return colWaiting
	case playback.ToneDone:
		return colDone
	case playback.ToneFailed:
		return colFailed
	case playback.ToneCancelled:
		return colCancel
	case playback.ToneStall:
		return colStall
	case playback.ToneTimer:
		return colTimer
	case playback.ToneCallback:
		return colCallback
	case playback.ToneIdle:
		return colIdle
	case playback.ToneDim:
		return colDim
	case playback.ToneThread:
		return colThread
	}
	return colText
}

// mix blends a toward b by f.
func mix(a, b color.RGBA, f float64) color.RGBA {
	m := func(x, y uint8) uint8 { return uint8(float64(x) + (float64(y)-float64(x))*f) }
	return color.RGBA{m(a.R, b.R), m(a.G, b.G), m(a.B, b.B), 0xff}
}

// fade scales a colour's alpha (premultiplied).
func fade(c color.RGBA, a float32) color.RGBA {
	if a >= 1 {
		return c
	}
	a = max(0, a)
	return color.RGBA{uint8(float32(c.R) * a), uint8(float32(c.G) * a), uint8(float32(c.B) * a), uint8(float32(c.A) * a)}
}

// box queues a rounded rectangle, filled and outlined.
func (g *Game) box(_ *ebiten.Image, x, y, w, h, r float64, fill color.RGBA, stroke color.RGBA, sw float64) {
	g.fillRound(x, y, w, h, r, fill)
	g.strokeRound(x, y, w, h, r, sw, stroke)
}

// dashed queues a dashed rectangle outline.
func (g *Game) dashed(_ *ebiten.Image, x, y, w, h float64, c color.RGBA, sw, dash float64) {
	seg := func(x0, y0, x1, y1 float64) {
		l := math.Hypot(x1-x0, y1-y0)
		for d := 0.0; d < l; d += 2 * dash {
			e := min(d+dash, l)
			g.line(x0+(x1-x0)*d/l, y0+(y1-y0)*d/l, x0+(x1-x0)*e/l, y0+(y1-y0)*e/l, sw, c)
		}
	}
	seg(x, y, x+w, y)
	seg(x+w, y, x+w, y+h)
	seg(x+w, y+h, x, y+h)
	seg(x, y+h, x, y)
}

func (g *Game) drawItem(dst *ebiten.Image, p placed) {
	it := p.it
	u := g.u()
	a := p.alpha
	x, y, w, h := p.x, p.y, p.w, p.h
	sm := g.to.Small
	pad := 7 * u
	switch it.Kind {
	case playback.KSection:
		g.text(dst, it.Text, x, y+2*u, it.Size, true, fade(colDim, a))

	case playback.KBanner:
		fg, bold := colText, false
		switch it.Tone {
		case playback.ToneStall:
			pulse := 0.5 + 0.5*g.view.pulse
			g.box(dst, x, y, w, h, 5*u, fade(mix(colBG, colStall, pulse), a), colStall, 0)
			fg, bold = rgb(0xffffff), true
		case playback.ToneFailed:
			g.box(dst, x, y, w, h, 5*u, fade(colFailedBG, a), colFailed, 1.5*u)
			fg, bold = colFailed, true
		default:
			g.box(dst, x, y, w, h, 5*u, fade(colPanel, a), colBorder, 0)
		}
		// Up to three lines, centred in the banner's height.
		line := it.Size * 1.3
		lines := [3]string{it.Text, it.Sub, it.Sub2}
		n := 1
		for n < 3 && lines[n] != "" {
			n++
		}
		ty := y + (h-float64(n)*line)/2 + (line-it.Size*1.25)/2
		for k := range n {
			g.text(dst, lines[k], x+8*u, ty+float64(k)*line, it.Size, bold, fade(fg, a))
		}

	case playback.KDial:
		g.drawDial(dst, p)

	case playback.KClock:
		c := colText
		txt := g.view.clock
		jumping := g.view.jumping
		if jumping {
			c = colAccent
		}
		g.text(dst, txt, x+(w-playback.TextWidth(txt, it.Size))/2, y, it.Size, true, fade(c, a))
		sub := it.Sub
		if jumping {
			sub = it.Sub2
		}
		g.text(dst, sub, x+(w-playback.TextWidth(sub, sm))/2, y+it.Size*1.3, sm, false, fade(colDim, a))

	case playback.KSlot:
		c := toneColor(it.Tone)
		switch it.Tone {
		case playback.ToneRunning:
			g.box(dst, x, y, w, h, 8*u, fade(mix(colBG, colRunning, 0.06), a), fade(c, a), 2*u)
		case playback.ToneStall:
			pulse := g.view.pulse
			g.box(dst, x, y, w, h, 8*u, fade(mix(colBG, colStall, 0.15+0.15*pulse), a), fade(colStall, a), 3*u)
		default:
			g.box(dst, x, y, w, h, 8*u, fade(colBG, a), color.RGBA{}, 0)
			g.dashed(dst, x, y, w, h, fade(colBorder, a), 1.5*u, 5*u)
		}
		if it.Text != "" {
			tc := colDim
			if it.Tone == playback.ToneStall {
				tc = colText
			}
			g.text(dst, it.Text, x+(w-playback.TextWidth(it.Text, sm))/2, y+h-sm*1.8, sm, it.Tone == playback.ToneStall, fade(tc, a))
		}

	case playback.KChip:
		c := toneColor(it.Tone)
		fill := mix(colPanel, c, 0.14)
		if it.Fresh {
			fill = mix(colPanel, c, 0.28)
		}
		g.box(dst, x, y, w, h, 6*u, fade(fill, a), fade(c, a), 1.5*u)
		g.text(dst, it.Text, x+6*u, y+4*u, it.Size, true, fade(colText, a))
		g.text(dst, it.Sub, x+6*u, y+4*u+it.Size*1.35, sm, false, fade(mix(colDim, c, 0.4), a))

	case playback.KCard:
		tc := palette[max(0, it.Color)%playback.Palette]
		fill := colPanel
		border := mix(colBorder, tc, 0.7)
		bw := 1.5 * u
		switch it.Tone {
		case playback.ToneRunning:
			fill, border, bw = mix(colPanelHi, tc, 0.12), tc, 3*u
		case playback.ToneReady:
			fill = mix(colPanel, colReady, 0.10)
		case playback.ToneDone:
			fill, border = mix(colPanel, colDone, 0.08), mix(colBorder, tc, 0.35)
		case playback.ToneFailed:
			fill, border = mix(colPanel, colFailed, 0.18), colFailed
		case playback.ToneStall:
			pulse := g.view.pulse
			fill, border, bw = mix(colPanel, colStall, 0.2+0.15*pulse), colStall, 3*u
		case playback.ToneCancelled:
			fill, border = mix(colPanel, colBG, 0.5), colCancel
		case playback.TonePending:
			fill = mix(colPanel, colBG, 0.4)
		}
		g.box(dst, x, y, w, h, 8*u, fade(fill, a), fade(border, a), bw)
		g.quad(x+2*u, y+8*u, 3*u, h-16*u, fade(tc, a))
		g.text(dst, it.Text, x+pad+2*u, y+5*u, it.Size, true, fade(tc, a))
		st := toneColor(it.Tone)
		if it.Tone == playback.ToneWaiting || it.Tone == playback.TonePending {
			st = colText
		}
		line := it.Size * 1.3
		if h >= 3*g.to.Font*1.3 { // room for three lines at the normal size
			g.text(dst, it.Sub, x+pad+2*u, y+5*u+line, sm, false, fade(st, a))
			g.text(dst, it.Sub2, x+pad+2*u, y+5*u+line+sm*1.35, sm, false, fade(colDim, a))
		} else {
			g.text(dst, it.Sub, x+pad+2*u, y+5*u+line, sm, false, fade(st, a))
		}

	case playback.KGhost:
		tc := palette[max(0, it.Color)%playback.Palette]
		g.box(dst, x, y, w, h, 8*u, fade(mix(colBG, tc, 0.06), a), color.RGBA{}, 0)
		g.dashed(dst, x, y, w, h, fade(mix(colBG, tc, 0.8), a), 1.5*u, 6*u)
		g.text(dst, it.Text, x+pad, y+h/2-sm*1.3, sm, true, fade(mix(colDim, tc, 0.5), a))
		g.text(dst, it.Sub, x+pad, y+h/2+sm*0.1, sm, false, fade(mix(colDim, tc, 0.5), a))

	case playback.KFuture:
		r := min(h*0.3, 9*u)
		cx, cy := x+r+4*u, y+h/2
		c := toneColor(it.Tone)
		switch it.Tone {
		case playback.TonePending:
			c = colAccent
			g.ring(cx, cy, r, 2.5*u, fade(c, a))
		case playback.ToneCancelled:
			g.ring(cx, cy, r, 2*u, fade(c, a))
			d := r * 0.7
			g.line(cx-d, cy-d, cx+d, cy+d, 2*u, fade(c, a))
			g.line(cx-d, cy+d, cx+d, cy-d, 2*u, fade(c, a))
		default:
			g.disc(cx, cy, r, fade(c, a))
		}
		if it.Fresh && it.Tone != playback.TonePending {
			// a ripple as it settles
			t := g.view.t
			g.ring(cx, cy, r*(1+1.2*t), 1.5*u, fade(c, a*float32(1-t)))
		}
		tx := x + 2*r + 12*u
		g.text(dst, it.Text, tx, y+2*u, it.Size, true, fade(colText, a))
		g.text(dst, it.Sub, tx, y+2*u+it.Size*1.35, sm, false, fade(mix(colDim, c, 0.35), a))

	case playback.KSync:
		c := colAccent
		switch it.Tone {
		case playback.ToneWaiting:
			c = colWaiting
		case playback.ToneThread:
			c = colThread
		}
		g.box(dst, x, y, w, h, 5*u, fade(colPanel, a), fade(c, a), 1.5*u)
		g.text(dst, it.Text, x+pad, y+3*u, it.Size, true, fade(colText, a))
		g.text(dst, it.Sub, x+pad, y+3*u+it.Size*1.35, sm, false, fade(colDim, a))

	case playback.KTimer:
		g.box(dst, x, y, w, h, 5*u, fade(mix(colPanel, colTimer, 0.08), a), fade(mix(colBorder, colTimer, 0.6), a), 1.2*u)
		if h < 30*u {
			g.text(dst, it.Text, x+pad, y+(h-it.Size*1.25)/2, it.Size, true, fade(colTimer, a))
			g.text(dst, it.Sub, x+pad+playback.TextWidth(it.Text+"  ", it.Size), y+(h-it.Size*1.25)/2, sm, false, fade(colDim, a))
		} else {
			g.text(dst, it.Text, x+pad, y+3*u, it.Size, true, fade(colTimer, a))
			g.text(dst, it.Sub, x+pad, y+3*u+it.Size*1.35, sm, false, fade(colDim, a))
		}

	case playback.KLink:
		c := fade(mix(colBorder, toneColor(it.Tone), 0.5), a)
		d := 6 * u // the head points right, or left to a target on the left
		if it.X2 < x {
			d = -d
		}
		g.line(x, y, x, it.Y2, 1.5*u, c)
		g.line(x, it.Y2, it.X2-d*5/6, it.Y2, 1.5*u, c)
		g.tri(it.X2, it.Y2, it.X2-d, it.Y2-4*u, it.X2-d, it.Y2+4*u, c)

	case playback.KMore:
		g.dashed(dst, x, y, w, h, fade(colBorder, a), 1.2*u, 4*u)
		g.text(dst, it.Text, x+pad, y+4*u, it.Size, true, fade(colDim, a))
		g.text(dst, it.Sub, x+pad, y+4*u+it.Size*1.35, sm, false, fade(colDim, a))

	case playback.KLane:
		c := colDim
		if it.Color >= 0 {
			c = palette[it.Color%playback.Palette]
		} else if it.Tone != playback.ToneNeutral {
			c = toneColor(it.Tone)
		}
		g.text(dst, it.Text, x, y+(h-it.Size*1.2)/2, it.Size, it.Tone == playback.ToneStall, fade(c, a))
		g.quad(x+w+6*u, y+h/2-0.5*u, g.to.W-x-w-18*u, u, fade(rgb(0x1c2438), a))

	case playback.KBar:
		c := toneColor(it.Tone)
		if it.Color >= 0 {
			c = palette[it.Color%playback.Palette]
		}
		if it.Tone == playback.ToneIdle {
			c = rgb(0x283048)
		}
		g.quad(x, y, max(w, u), h, fade(c, a))
		if it.Text != "" {
			g.text(dst, it.Text, x+2*u, y+(h-it.Size*1.2)/2, it.Size, false, fade(colBG, a))
		}

	case playback.KStallBand:
		g.quad(x, y, w, h, color.RGBA{0x40, 0x08, 0x08, 0x40})

	case playback.KCursor:
		g.quad(x, y-3*u, w, h+6*u, fade(colText, a))

	case playback.KAxis, playback.KLabel:
		g.text(dst, it.Text, x, y+(h-it.Size*1.2)/2, it.Size, false, fade(colDim, a))
	}
}

// drawDial draws the loop: three arcs for the phases of a turn, the
// current one lit, with a spark running around it while the loop works.
func (g *Game) drawDial(dst *ebiten.Image, p placed) {
	it := p.it
	u := g.u()
	cx, cy := p.x+p.w/2, p.y+p.h/2
	r := p.w/2 - 6*u
	sw := 9 * u
	lit := toneColor(it.Tone)
	if it.Tone == playback.ToneRunning {
		lit = colAccent
	}
	phases := [...]string{g.to.Lang.Phase(trace.PhaseSelect), g.to.Lang.Phase(trace.PhaseTimers), g.to.Lang.Phase(trace.PhaseReady)}
	for k, ph := range phases {
		a0 := -math.Pi/2 + float64(k)*2*math.Pi/3 + 0.08
		a1 := a0 + 2*math.Pi/3 - 0.16
		c := colBorder
		if it.Sub2 == ph || it.Tone == playback.ToneStall {
			c = lit
		}
		g.arc(cx, cy, r, a0, a1, sw, fade(c, p.alpha))
		// the phase's name just inside its arc, when the dial has room
		if r < 62*u {
			continue
		}
		am := (a0 + a1) / 2
		lx, ly := cx+math.Cos(am)*(r-sw-9*u), cy+math.Sin(am)*(r-sw-9*u)
		sm := g.to.Small * 0.9
		tc := colFaint
		if it.Sub2 == ph {
			tc = lit
		}
		g.text(dst, ph, lx-playback.TextWidth(ph, sm)/2, ly-sm*0.6, sm, it.Sub2 == ph, fade(tc, p.alpha))
	}
	if it.Tone == playback.ToneRunning || it.Tone == playback.ToneStall {
		// the spark
		a := -math.Pi/2 + g.view.spin*2*math.Pi
		if it.Tone == playback.ToneStall {
			a = -math.Pi / 2 // frozen
		}
		g.disc(cx+math.Cos(a)*r, cy+math.Sin(a)*r, 5*u, fade(rgb(0xffffff), p.alpha))
	}
	fs := it.Size
	sm := g.to.Small
	// Each line is centred and made smaller when it would touch the ring:
	// inside the ring, a line of text is as wide as the chord at its
	// farther edge.
	inner := r - sw/2 - 3*u
	line := func(s string, top, size float64, bold bool, c color.RGBA) {
		em := playback.TextWidth(s, 1) // its width in ems
		if em == 0 {
			return
		}
		dy := max(math.Abs(top-cy), math.Abs(top+size*1.2-cy))
		if room := 2 * math.Sqrt(max(0, inner*inner-dy*dy)); em*size > room {
			size = max(math.Floor(room/em*2)/2, sm*0.75) // half pixels: few faces
		}
		g.text(dst, s, cx-em*size/2, top, size, bold, fade(c, p.alpha))
	}
	if r < 62*u {
		// a small dial: the phase goes in the middle, under the iteration
		line(it.Text, cy-fs*1.5, fs, true, colText)
		line(it.Sub, cy-fs*0.2, sm, false, colDim)
		line(it.Sub2, cy+fs*0.8, sm, true, lit)
		return
	}
	line(it.Text, cy-fs*0.9, fs, true, colText)
	line(it.Sub, cy+fs*0.4, sm, false, colDim)
}

// drawArrowLabel draws an arrow's words where Layout placed them, once the
// arrow has grown a little.
func (g *Game) drawArrowLabel(it *playback.Item, t float64) {
	if t <= 0.15 {
		return
	}
	u := g.u()
	c := toneColor(it.Tone)
	g.box(nil, it.X, it.Y, it.W, it.H, 4*u, colBG, c, u)
	g.text(nil, it.Text, it.X+3*u, it.Y+2*u, it.Size, false, c)
}

// drawArrow draws a curved dashed arrow that grows with the tween.
func (g *Game) drawArrow(_ *ebiten.Image, it *playback.Item, t float64) {
	u := g.u()
	c := toneColor(it.Tone)
	if math.Hypot(it.X2-it.X, it.Y2-it.Y) < 1 {
		return
	}
	// the curve Layout placed the label beside
	at := func(s float64) (float64, float64) { return g.to.ArrowPoint(it, s) }
	end := max(0.05, t)
	n := 40
	dash := g.view.dash
	for k := 0; k < n; k++ {
		s0 := (float64(k) + dash) / float64(n)
		s1 := s0 + 0.5/float64(n)
		if s0 > end {
			break
		}
		s1 = min(s1, end)
		ax, ay := at(s0)
		bx, by := at(s1)
		g.line(ax, ay, bx, by, 5*u, colBG)
		g.line(ax, ay, bx, by, 2.5*u, c)
	}
	// the head
	hx, hy := at(end)
	px, py := at(max(0, end-0.04))
	ang := math.Atan2(hy-py, hx-px)
	hl := 10 * u
	g.tri(hx, hy, hx-hl*math.Cos(ang-0.45), hy-hl*math.Sin(ang-0.45), hx-hl*math.Cos(ang+0.45), hy-hl*math.Sin(ang+0.45), c)
}

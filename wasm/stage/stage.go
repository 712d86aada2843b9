//go:build js && wasm

// Package stage draws a playback.Player on an Ebiten canvas: it lays the
// current State out with playback.LayoutView in the player's view (only
// when the event, the size or the view changes), tweens every item from where it was to where it is by the
// player's Progress, and draws. All placement is decided in
// scenes/playback; this package only draws.
package stage

import (
	"image/color"
	"math"
	"runtime/debug"
	"strconv"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"loopscope/scenes/playback"
)

// Game is the stage: an ebiten.Game that plays a Player.
type Game struct {
	p *playback.Player

	// ShowFPS draws the measured frames per second in a corner.
	ShowFPS bool

	scale        float64
	w, h         int // the screen in device pixels, from LayoutF
	laidW, laidH int // the size the current scene was laid out for
	laidView     playback.View
	from, to     *playback.Scene
	fromKeys     map[uint64]int
	toKeys       map[uint64]int
	idx          int
	clock        playback.FrameClock
	secs         float64 // wall seconds the stage has run: drives pulses and sparks
	err          string
	layoutRuns   int
	view         view   // what Update prepared for Draw
	fps          string // the measured frame rate, when ShowFPS

	faces  map[float64]*face // by size in device pixels
	strs   map[textKey]*textImage
	frame  int
	glyphs []glyphAt // reused by renderText
	textOp ebiten.DrawImageOptions
	white  *ebiten.Image
	qvs    []ebiten.Vertex // queued shapes
	qis    []uint16
	qdst   *ebiten.Image
	pts    [][2]float64
	texts  []queuedText // queued text

	cells  *ebiten.Image // the density strip, drawn when the layout changes
	cellsX float64
	cellsY float64
}

// NewGame returns a stage playing p (which may be nil: an empty stage).
func NewGame(p *playback.Player) *Game {
	img := ebiten.NewImage(3, 3)
	img.Fill(color.White)
	return &Game{
		p:     p,
		idx:   -2,
		faces: map[float64]*face{},
		strs:  map[textKey]*textImage{},
		white: img.SubImage(img.Bounds().Inset(1)).(*ebiten.Image),
	}
}

// SetPlayer switches the stage to another player (a new run of the scene).
func (g *Game) SetPlayer(p *playback.Player) {
	g.p = p
	g.from, g.to, g.idx, g.err = nil, nil, -2, ""
	g.view.ready = false
}

// Player returns the player the stage plays.
func (g *Game) Player() *playback.Player { return g.p }

// LayoutRuns returns how many times the stage has laid the scene out: it
// should grow with events and resizes, not with frames.
func (g *Game) LayoutRuns() int { return g.layoutRuns }

// Layout implements ebiten.Game; LayoutF is the one Ebiten uses.
func (g *Game) Layout(outsideWidth, outsideHeight int) (int, int) {
	return outsideWidth, outsideHeight
}

// LayoutF makes the screen as many pixels as the device has, so text is
// crisp on HiDPI displays.
func (g *Game) LayoutF(outsideWidth, outsideHeight float64) (float64, float64) {
	s := ebiten.Monitor().DeviceScaleFactor()
	if s <= 0 {
		s = 1
	}
	g.scale = s
	w, h := math.Ceil(outsideWidth*s), math.Ceil(outsideHeight*s)
	g.w, g.h = int(w), int(h)
	return w, h
}

// Update advances the player by the wall time since the previous frame
// (so 1x is the same seconds per event at any frame rate), lays the
// scene out when the event or the size changed, and works out where every
// item is drawn this frame. Draw then only draws what Update prepared, as
// in Ebiten's own examples.
func (g *Game) Update() (err error) {
	defer func() {
		if r := recover(); r != nil {
			g.err = "stage: " + panicText(r)
			println(g.err, string(debug.Stack()))
		}
	}()
	dt := g.clock.Tick(time.Now())
	g.secs += dt
	g.view.ready = false
	if g.p == nil || g.w <= 0 || g.h <= 0 {
		return nil
	}
	g.p.Advance(dt)
	s := g.p.State()
	v := g.p.View()
	if g.to == nil || s.Index != g.idx || s.Lang != g.to.Lang || g.w != g.laidW || g.h != g.laidH || v != g.laidView {
		sc := playback.LayoutView(v, float64(g.w), float64(g.h), g.u(), s, g.p.Witnesses()...)
		g.layoutRuns++
		if g.to == nil || g.w != g.laidW || g.h != g.laidH || s.Index < g.idx || v != g.laidView {
			g.from, g.fromKeys = sc, keys(sc)
		} else {
			g.from, g.fromKeys = g.to, g.toKeys
		}
		g.to, g.toKeys = sc, keys(sc)
		g.idx, g.laidW, g.laidH, g.laidView = s.Index, g.w, g.h, v
		g.renderCells()
	}
	g.plan(s)
	if g.ShowFPS {
		g.fps = strconv.FormatFloat(ebiten.ActualFPS(), 'f', 1, 64) + " fps"
	}
	return nil
}

func panicText(r any) string {
	switch v := r.(type) {
	case error:
		return v.Error()
	case string:
		return v
	}
	return "panic"
}

// Draw draws what Update prepared: the scene tweened from the previous
// one. It changes nothing but the screen (and the cache of drawn strings).
func (g *Game) Draw(screen *ebiten.Image) {
	g.frame++
	g.sweepTexts()
	screen.Fill(colBG)
	defer func() {
		if r := recover(); r != nil {
			g.err = "stage: " + panicText(r)
			println(g.err, string(debug.Stack()))
			g.drawError(screen)
		}
	}()
	if g.err != "" {
		g.drawError(screen)
		return
	}
	if g.p == nil {
		g.qdst = screen
		g.text(screen, "No scene loaded.", 20*g.u(), 20*g.u(), 14*g.u(), false, colDim)
		g.flush()
		return
	}
	if !g.view.ready {
		return
	}
	g.drawScene(screen)
	if g.ShowFPS {
		u := g.u()
		b := screen.Bounds()
		g.text(screen, g.fps, float64(b.Dx())-CharW(11*u)*float64(len(g.fps))-6*u, float64(b.Dy())-16*u, 11*u, false, colDim)
		g.flush()
	}
}

// CharW is the advance of a Go Mono character at size.
func CharW(size float64) float64 { return playback.CharWidth(size) }

func (g *Game) u() float64 {
	if g.scale <= 0 {
		return 1
	}
	return g.scale
}

func keys(sc *playback.Scene) map[uint64]int {
	m := make(map[uint64]int, len(sc.Items))
	for i := range sc.Items {
		if k := sc.Items[i].Key; k != 0 && sc.Items[i].Kind != playback.KGhost {
			m[k] = i
		}
	}
	return m
}

func ease(x float64) float64 {
	x = max(0, min(1, x))
	return x * x * (3 - 2*x)
}

func (g *Game) drawError(screen *ebiten.Image) {
	u := g.u()
	b := screen.Bounds()
	w := float64(b.Dx()) - 40*u
	g.qdst = screen
	g.quad(20*u, 20*u, w, 60*u, colFailedBG)
	lang := playback.EN
	if g.p != nil {
		lang = g.p.Lang()
	}
	g.text(screen, playback.Fit(lang.StageBroken(), w-20*u, 13*u), 30*u, 28*u, 13*u, true, colText)
	g.text(screen, playback.Fit(g.err, w-20*u, 12*u), 30*u, 50*u, 12*u, false, colFailed)
	g.flush()
}

// placed is an item where it is drawn this frame.
type placed struct {
	it    *playback.Item
	x, y  float64
	w, h  float64
	alpha float32
}

func lerp(a, b, t float64) float64 { return a + (b-a)*t }

// place tweens item it of the new scene from where it was.
func (g *Game) place(it *playback.Item, t float64) placed {
	p := placed{it: it, x: it.X, y: it.Y, w: it.W, h: it.H, alpha: 1}
	if t >= 1 || it.Key == 0 && !it.Fresh {
		return p
	}
	var src *playback.Item
	if k, ok := g.fromKeys[it.Key]; ok && it.Key != 0 {
		src = &g.from.Items[k]
	} else if it.From != 0 {
		if k, ok := g.fromKeys[it.From]; ok {
			src = &g.from.Items[k]
		} else if k, ok := g.toKeys[it.From]; ok {
			src = &g.to.Items[k]
		}
	}
	if src == nil {
		if it.Fresh || it.Key != 0 {
			p.alpha = float32(t)
		}
		return p
	}
	p.x, p.y = lerp(src.X, it.X, t), lerp(src.Y, it.Y, t)
	p.w, p.h = lerp(src.W, it.W, t), lerp(src.H, it.H, t)
	return p
}

// view is one frame as Update worked it out: the items in drawing order
// with where they are, and the animated values Draw reads.
type view struct {
	ready   bool
	leaving []placed // items gone from the new scene, fading where they were
	still   []placed
	moving  []placed         // drawn last, so they pass over the others
	arrows  []*playback.Item // arrows, then their labels
	t       float64          // the eased progress of the current event
	clock   string           // the virtual clock, interpolated across a jump
	jumping bool
	pulse   float64 // 0..1, for stalls
	spin    float64 // 0..1, the dial's spark, a turn every 2 s
	dash    float64 // 0..1, the arrows' marching dashes
}

// plan works out this frame's view from the laid-out scenes and the
// player's progress.
func (g *Game) plan(s *playback.State) {
	v := &g.view
	t := ease(g.p.Progress())
	v.t, v.clock, v.jumping = t, g.to.Lang.Seconds(s.Clock), g.p.Jumping()
	v.pulse = 0.5 + 0.5*math.Sin(g.secs*10)
	v.spin = math.Mod(g.secs/2, 1)
	v.dash = math.Mod(g.secs*3, 1)
	v.leaving, v.still, v.moving, v.arrows = v.leaving[:0], v.still[:0], v.moving[:0], v.arrows[:0]
	if t < 1 && g.from != g.to {
		for i := range g.from.Items {
			it := &g.from.Items[i]
			if it.Key == 0 || it.Kind == playback.KGhost {
				continue
			}
			if _, ok := g.toKeys[it.Key]; ok {
				continue
			}
			switch it.Kind {
			case playback.KCard, playback.KChip, playback.KFuture, playback.KTimer, playback.KSync:
				v.leaving = append(v.leaving, placed{it: it, x: it.X, y: it.Y, w: it.W, h: it.H, alpha: float32(1 - t)})
			}
		}
	}
	for i := range g.to.Items {
		it := &g.to.Items[i]
		switch it.Kind {
		case playback.KCell:
			continue
		case playback.KArrow, playback.KArrowLabel:
			v.arrows = append(v.arrows, it)
			continue
		}
		p := g.place(it, t)
		if p.x != it.X || p.y != it.Y {
			v.moving = append(v.moving, p)
		} else {
			v.still = append(v.still, p)
		}
	}
	v.ready = true
}

// drawScene draws the view.
func (g *Game) drawScene(screen *ebiten.Image) {
	v := &g.view
	g.drawCells(screen)
	g.qdst = screen
	for _, p := range v.leaving {
		g.drawItem(screen, p)
	}
	g.flush()
	for _, p := range v.still {
		g.drawItem(screen, p)
	}
	g.flush()
	for _, p := range v.moving {
		g.drawItem(screen, p)
	}
	g.flush()
	for _, it := range v.arrows {
		if it.Kind == playback.KArrow {
			g.drawArrow(screen, it, v.t)
		}
	}
	g.flush()
	for _, it := range v.arrows {
		if it.Kind == playback.KArrowLabel {
			g.drawArrowLabel(it, v.t)
		}
	}
	g.flush()
}

// renderCells draws the density strip's cells (one per task, up to
// thousands) into an image of their own, once per layout rather than per
// frame.
func (g *Game) renderCells() {
	if g.cells != nil {
		g.cells.Deallocate()
		g.cells = nil
	}
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for i := range g.to.Items {
		if it := &g.to.Items[i]; it.Kind == playback.KCell {
			x0, y0 = min(x0, it.X), min(y0, it.Y)
			x1, y1 = max(x1, it.X+it.W), max(y1, it.Y+it.H)
		}
	}
	if !(x0 < x1 && y0 < y1) {
		return
	}
	x0, y0 = math.Floor(x0), math.Floor(y0)
	g.cells = ebiten.NewImage(int(math.Ceil(x1-x0)), int(math.Ceil(y1-y0)))
	g.cellsX, g.cellsY = x0, y0
	g.qdst = g.cells
	for i := range g.to.Items {
		if it := &g.to.Items[i]; it.Kind == playback.KCell {
			c := toneColor(it.Tone)
			if it.Tone == playback.ToneWaiting {
				c = mix(colBG, palette[max(0, it.Color)%playback.Palette], 0.55)
			}
			g.quad(it.X-x0, it.Y-y0, it.W, it.H, c)
		}
	}
	g.flushShapes()
}

// drawCells draws the strip's image.
func (g *Game) drawCells(screen *ebiten.Image) {
	if g.cells != nil {
		op := &ebiten.DrawImageOptions{}
		op.GeoM.Translate(g.cellsX, g.cellsY)
		screen.DrawImage(g.cells, op)
	}
}

//go:build js && wasm

// Package stage draws a playback.Player on an Ebiten canvas: it lays the
// current State out with playback.Layout (only when the event or the size
// changes), tweens every item from where it was to where it is by the
// player's Progress, and draws. All placement is decided in
// scenes/playback; this package only draws.
package stage

import (
	"image/color"
	"math"
	"runtime/debug"
	"strconv"

	"github.com/hajimehoshi/ebiten/v2"

	"loopscope/scenes/playback"
)

// Game is the stage: an ebiten.Game that plays a Player.
type Game struct {
	p *playback.Player

	// ShowFPS draws the measured frames per second in a corner.
	ShowFPS bool

	scale      float64
	w, h       int
	from, to   *playback.Scene
	fromKeys   map[uint64]int
	toKeys     map[uint64]int
	idx        int
	tick       int
	err        string
	layoutRuns int

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

	cells    *ebiten.Image // the density strip, drawn when the layout changes
	cellsFor *playback.Scene
	cellsX   float64
	cellsY   float64
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
	return math.Ceil(outsideWidth * s), math.Ceil(outsideHeight * s)
}

// Update advances the player by one tick.
func (g *Game) Update() (err error) {
	defer func() {
		if r := recover(); r != nil {
			g.err = "stage: " + panicText(r)
			println(g.err, string(debug.Stack()))
		}
	}()
	g.tick++
	if g.p != nil {
		g.p.Advance(1 / float64(ebiten.TPS()))
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

// Draw draws the current state, tweened from the previous one.
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
	b := screen.Bounds()
	s := g.p.State()
	if g.to == nil || s.Index != g.idx || s.Lang != g.to.Lang || b.Dx() != g.w || b.Dy() != g.h {
		sc := playback.Layout(float64(b.Dx()), float64(b.Dy()), g.u(), s)
		g.layoutRuns++
		if g.to == nil || b.Dx() != g.w || b.Dy() != g.h || s.Index < g.idx {
			g.from, g.fromKeys = sc, keys(sc)
		} else {
			g.from, g.fromKeys = g.to, g.toKeys
		}
		g.to, g.toKeys = sc, keys(sc)
		g.idx, g.w, g.h = s.Index, b.Dx(), b.Dy()
	}
	t := ease(g.p.Progress())
	g.drawScene(screen, s, t)
	if g.ShowFPS {
		u := g.u()
		fps := strconv.FormatFloat(ebiten.ActualFPS(), 'f', 1, 64) + " fps"
		g.text(screen, fps, float64(b.Dx())-CharW(11*u)*float64(len(fps))-6*u, float64(b.Dy())-16*u, 11*u, false, colDim)
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

func (g *Game) drawScene(screen *ebiten.Image, s *playback.State, t float64) {
	sc := g.to
	g.drawCells(screen)
	g.qdst = screen
	// Items that left: fade out where they were.
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
				g.drawItem(screen, s, placed{it: it, x: it.X, y: it.Y, w: it.W, h: it.H, alpha: float32(1 - t)})
			}
		}
	}
	g.flush()
	// Still items first, moving ones last so they pass over the others.
	var moving []placed
	for i := range sc.Items {
		it := &sc.Items[i]
		if it.Kind == playback.KArrow || it.Kind == playback.KCell {
			continue
		}
		p := g.place(it, t)
		if p.x != it.X || p.y != it.Y {
			moving = append(moving, p)
			continue
		}
		g.drawItem(screen, s, p)
	}
	g.flush()
	for _, p := range moving {
		g.drawItem(screen, s, p)
	}
	g.flush()
	for i := range sc.Items {
		if it := &sc.Items[i]; it.Kind == playback.KArrow {
			g.drawArrow(screen, it, t)
		}
	}
	g.flush()
}

// drawCells draws the density strip's cells (one per task, up to
// thousands) from an image made once per layout rather than per frame.
func (g *Game) drawCells(screen *ebiten.Image) {
	if g.cellsFor != g.to {
		g.cellsFor = g.to
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
		if x0 < x1 && y0 < y1 {
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
	}
	if g.cells != nil {
		op := &ebiten.DrawImageOptions{}
		op.GeoM.Translate(g.cellsX, g.cellsY)
		screen.DrawImage(g.cells, op)
	}
}

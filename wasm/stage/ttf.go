package stage

import (
	"encoding/binary"
	"errors"
	"image"
	"math"
	"sort"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// ttf is the stage font as internal/stagefont writes it: TrueType with a
// format 12 character map, long glyph offsets and simple glyphs only,
// drawn without hinting. Reading just that, rather than any font with
// x/image/font/sfnt, keeps sfnt and the legacy encodings it pulls from
// golang.org/x/text out of the module (45 KB gzipped).
type ttf struct {
	upem        float64
	ascent      float64 // font units
	numHMetrics int
	numGlyphs   int
	groups      []byte // cmap format 12 groups, 12 bytes each
	hmtx, loca  []byte
	glyf        []byte
}

var errTTF = errors.New("stage: the stage font is not as internal/stagefont writes it")

func parseTTF(data []byte) (*ttf, error) {
	if len(data) < 12 || binary.BigEndian.Uint32(data) != 0x00010000 {
		return nil, errTTF
	}
	tables := map[string][]byte{}
	n := int(binary.BigEndian.Uint16(data[4:]))
	for i := range n {
		rec := 12 + 16*i
		if rec+16 > len(data) {
			return nil, errTTF
		}
		off, ln := int(binary.BigEndian.Uint32(data[rec+8:])), int(binary.BigEndian.Uint32(data[rec+12:]))
		if off < 0 || ln < 0 || off+ln > len(data) {
			return nil, errTTF
		}
		tables[string(data[rec:rec+4])] = data[off : off+ln]
	}
	head, hhea, maxp, cmap := tables["head"], tables["hhea"], tables["maxp"], tables["cmap"]
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 || len(cmap) < 12 ||
		int16(binary.BigEndian.Uint16(head[50:])) != 1 { // long offsets
		return nil, errTTF
	}
	f := &ttf{
		upem:        float64(binary.BigEndian.Uint16(head[18:])),
		ascent:      float64(int16(binary.BigEndian.Uint16(hhea[4:]))),
		numHMetrics: int(binary.BigEndian.Uint16(hhea[34:])),
		numGlyphs:   int(binary.BigEndian.Uint16(maxp[4:])),
		hmtx:        tables["hmtx"],
		loca:        tables["loca"],
		glyf:        tables["glyf"],
	}
	// The one subtable: Windows, full Unicode, format 12.
	if binary.BigEndian.Uint16(cmap[2:]) != 1 || binary.BigEndian.Uint16(cmap[4:]) != 3 || binary.BigEndian.Uint16(cmap[6:]) != 10 {
		return nil, errTTF
	}
	sub := cmap[binary.BigEndian.Uint32(cmap[8:]):]
	if len(sub) < 16 || binary.BigEndian.Uint16(sub) != 12 {
		return nil, errTTF
	}
	ng := int(binary.BigEndian.Uint32(sub[12:]))
	if 16+12*ng > len(sub) || f.upem == 0 || f.numHMetrics == 0 ||
		len(f.hmtx) < 4*f.numHMetrics+2*(f.numGlyphs-f.numHMetrics) || len(f.loca) < 4*(f.numGlyphs+1) {
		return nil, errTTF
	}
	f.groups = sub[16 : 16+12*ng]
	return f, nil
}

// index returns r's glyph, 0 (no ink) if the font lacks it.
func (f *ttf) index(r rune) int {
	n := len(f.groups) / 12
	i := sort.Search(n, func(i int) bool { return rune(binary.BigEndian.Uint32(f.groups[12*i+4:])) >= r })
	if i == n {
		return 0
	}
	g := f.groups[12*i:]
	start := rune(binary.BigEndian.Uint32(g))
	if r < start {
		return 0
	}
	gid := int(binary.BigEndian.Uint32(g[8:])) + int(r-start)
	if gid >= f.numGlyphs {
		return 0
	}
	return gid
}

// advance returns glyph gid's advance in font units.
func (f *ttf) advance(gid int) float64 {
	gid = min(gid, f.numHMetrics-1)
	return float64(binary.BigEndian.Uint16(f.hmtx[4*gid:]))
}

// ttfFace is a ttf at one size in pixels, drawing its glyphs as
// x/image/font/opentype's faces do.
type ttfFace struct {
	f     *ttf
	scale float64 // pixels per font unit
	ras   vector.Rasterizer
	mask  image.Alpha
	pts   []ttfPoint
}

type ttfPoint struct {
	x, y float32 // pixels from the glyph's corner, y down
	on   bool
}

func (f *ttf) face(size float64) *ttfFace {
	return &ttfFace{f: f, scale: size / f.upem}
}

// Metrics returns the face's ascent (the rest is not used).
func (fc *ttfFace) Metrics() font.Metrics {
	return font.Metrics{Ascent: fixed.Int26_6(math.Round(fc.f.ascent * fc.scale * 64))}
}

// Glyph draws r with the pen at dot, as font.Face's Glyph: the returned
// mask (valid until the next call) covers dr, and ok is false for a rune
// the font lacks (drawn as the font's .notdef box).
func (fc *ttfFace) Glyph(dot fixed.Point26_6, r rune) (dr image.Rectangle, mask image.Image, maskp image.Point, advance fixed.Int26_6, ok bool) {
	f := fc.f
	gid := f.index(r)
	advance = fixed.Int26_6(math.Round(f.advance(gid) * fc.scale * 64))
	start, end := binary.BigEndian.Uint32(f.loca[4*gid:]), binary.BigEndian.Uint32(f.loca[4*gid+4:])
	if end <= start || int(end) > len(f.glyf) || end-start < 10 {
		return image.Rectangle{}, nil, image.Point{}, advance, gid != 0
	}
	g := f.glyf[start:end]
	contours := int(int16(binary.BigEndian.Uint16(g)))
	if contours <= 0 {
		return image.Rectangle{}, nil, image.Point{}, advance, gid != 0 // composites are never written
	}
	xMin, yMax := float64(int16(binary.BigEndian.Uint16(g[2:]))), float64(int16(binary.BigEndian.Uint16(g[8:])))
	xMaxU, yMin := float64(int16(binary.BigEndian.Uint16(g[6:]))), float64(int16(binary.BigEndian.Uint16(g[4:])))
	ox, oy := float64(dot.X)/64, float64(dot.Y)/64
	dr = image.Rect(
		int(math.Floor(ox+xMin*fc.scale)), int(math.Floor(oy-yMax*fc.scale)),
		int(math.Ceil(ox+xMaxU*fc.scale)), int(math.Ceil(oy-yMin*fc.scale)))
	// Where the glyph's origin falls in the mask.
	bx, by := ox-float64(dr.Min.X), oy-float64(dr.Min.Y)
	ends, pts, ok := fc.points(g, contours, bx, by)
	if !ok || dr.Empty() {
		return image.Rectangle{}, nil, image.Point{}, advance, gid != 0
	}
	w, h := dr.Dx(), dr.Dy()
	if cap(fc.mask.Pix) < w*h {
		fc.mask.Pix = make([]uint8, 2*w*h)
	}
	fc.mask.Pix = fc.mask.Pix[:w*h]
	clear(fc.mask.Pix)
	fc.mask.Stride, fc.mask.Rect = w, image.Rect(0, 0, w, h)
	fc.ras.Reset(w, h)
	first := 0
	for _, last := range ends {
		fc.contour(pts[first : last+1])
		first = last + 1
	}
	fc.ras.Draw(&fc.mask, fc.mask.Rect, image.Opaque, image.Point{})
	return dr, &fc.mask, image.Point{}, advance, gid != 0
}

// points decodes a simple glyph's points, placed in the mask with the
// glyph's origin at (bx, by); it returns the last point of each contour.
func (fc *ttfFace) points(g []byte, contours int, bx, by float64) ([]int, []ttfPoint, bool) {
	p := 10
	if len(g) < p+2*contours+2 {
		return nil, nil, false
	}
	ends := make([]int, contours)
	for i := range ends {
		ends[i] = int(binary.BigEndian.Uint16(g[p+2*i:]))
	}
	p += 2 * contours
	n := ends[contours-1] + 1
	p += 2 + int(binary.BigEndian.Uint16(g[p:])) // instructions, none in practice
	flags := make([]byte, 0, n)
	for len(flags) < n {
		if p >= len(g) {
			return nil, nil, false
		}
		fl := g[p]
		p++
		flags = append(flags, fl)
		if fl&0x08 != 0 {
			if p >= len(g) {
				return nil, nil, false
			}
			for range g[p] {
				flags = append(flags, fl)
			}
			p++
		}
	}
	flags = flags[:n]
	// The coordinates: deltas, one byte (with a sign flag) or two.
	coords := func(short, same byte) ([]int, bool) {
		out := make([]int, n)
		v := 0
		for i, fl := range flags {
			switch {
			case fl&short != 0:
				if p >= len(g) {
					return nil, false
				}
				d := int(g[p])
				p++
				if fl&same == 0 {
					d = -d
				}
				v += d
			case fl&same == 0:
				if p+2 > len(g) {
					return nil, false
				}
				v += int(int16(binary.BigEndian.Uint16(g[p:])))
				p += 2
			}
			out[i] = v
		}
		return out, true
	}
	xs, ok1 := coords(0x02, 0x10)
	ys, ok2 := coords(0x04, 0x20)
	if !ok1 || !ok2 {
		return nil, nil, false
	}
	fc.pts = fc.pts[:0]
	for i := range n {
		fc.pts = append(fc.pts, ttfPoint{
			x:  float32(bx + float64(xs[i])*fc.scale),
			y:  float32(by - float64(ys[i])*fc.scale),
			on: flags[i]&0x01 != 0,
		})
	}
	for _, e := range ends {
		if e >= n {
			return nil, nil, false
		}
	}
	return ends, fc.pts, true
}

// contour adds one closed TrueType contour (quadratic, with on-curve
// points implied midway between two off-curve ones) to the rasteriser.
func (fc *ttfFace) contour(pts []ttfPoint) {
	n := len(pts)
	if n == 0 {
		return
	}
	mid := func(a, b ttfPoint) ttfPoint { return ttfPoint{(a.x + b.x) / 2, (a.y + b.y) / 2, true} }
	// Start on the first point on the curve, or between the last and the
	// first when every point is off it.
	k, start, rest := -1, mid(pts[n-1], pts[0]), n
	for i, p := range pts {
		if p.on {
			k, start, rest = i, p, n-1
			break
		}
	}
	fc.ras.MoveTo(start.x, start.y)
	var ctrl ttfPoint
	curve := false
	for i := range rest {
		p := pts[(k+1+i)%n]
		switch {
		case p.on && curve:
			fc.ras.QuadTo(ctrl.x, ctrl.y, p.x, p.y)
			curve = false
		case p.on:
			fc.ras.LineTo(p.x, p.y)
		default:
			if curve {
				m := mid(ctrl, p)
				fc.ras.QuadTo(ctrl.x, ctrl.y, m.x, m.y)
			}
			ctrl, curve = p, true
		}
	}
	if curve {
		fc.ras.QuadTo(ctrl.x, ctrl.y, start.x, start.y)
	}
	fc.ras.ClosePath()
}

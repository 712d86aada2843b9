package stage

import (
	"encoding/binary"
	"errors"
	"image"
	"math"

	"golang.org/x/image/vector"
)

// ttf is the little of a TrueType font the stage needs to rasterise its
// glyphs: the character map, advances and quadratic outlines. It reads Go
// Mono, which is all the canvas draws with. (x/image/font/sfnt would do
// it too, but it pulls golang.org/x/text into the module for legacy
// encodings the canvas never meets.)
type ttf struct {
	data                   []byte
	unitsPerEm             float64
	ascent                 float64 // font units
	descent                float64 // font units, negative
	longLoca               bool
	numHMetric             int
	numGlyphs              int
	cmap, hmtx, loca, glyf []byte
	cmapFormat             int
}

var errFont = errors.New("stage: malformed font")

func parseTTF(data []byte) (*ttf, error) {
	if len(data) < 12 {
		return nil, errFont
	}
	tables := map[string][]byte{}
	n := int(binary.BigEndian.Uint16(data[4:]))
	for i := 0; i < n; i++ {
		rec := 12 + 16*i
		if rec+16 > len(data) {
			return nil, errFont
		}
		tag := string(data[rec : rec+4])
		off := int(binary.BigEndian.Uint32(data[rec+8:]))
		ln := int(binary.BigEndian.Uint32(data[rec+12:]))
		if off+ln > len(data) {
			return nil, errFont
		}
		tables[tag] = data[off : off+ln]
	}
	head, hhea, maxp := tables["head"], tables["hhea"], tables["maxp"]
	f := &ttf{data: data, hmtx: tables["hmtx"], loca: tables["loca"], glyf: tables["glyf"]}
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 || f.hmtx == nil || f.loca == nil || f.glyf == nil {
		return nil, errFont
	}
	f.unitsPerEm = float64(binary.BigEndian.Uint16(head[18:]))
	f.longLoca = int16(binary.BigEndian.Uint16(head[50:])) != 0
	f.ascent = float64(int16(binary.BigEndian.Uint16(hhea[4:])))
	f.descent = float64(int16(binary.BigEndian.Uint16(hhea[6:])))
	f.numHMetric = int(binary.BigEndian.Uint16(hhea[34:]))
	f.numGlyphs = int(binary.BigEndian.Uint16(maxp[4:]))

	// The Unicode character map: format 12 (full range) or 4 (BMP).
	cm := tables["cmap"]
	if len(cm) < 4 {
		return nil, errFont
	}
	for i := 0; i < int(binary.BigEndian.Uint16(cm[2:])); i++ {
		rec := 4 + 8*i
		if rec+8 > len(cm) {
			break
		}
		pid, eid := binary.BigEndian.Uint16(cm[rec:]), binary.BigEndian.Uint16(cm[rec+2:])
		off := int(binary.BigEndian.Uint32(cm[rec+4:]))
		if off+2 > len(cm) || !(pid == 0 || pid == 3 && (eid == 1 || eid == 10)) {
			continue
		}
		format := int(binary.BigEndian.Uint16(cm[off:]))
		if (format == 4 || format == 12) && format > f.cmapFormat {
			f.cmap, f.cmapFormat = cm[off:], format
		}
	}
	if f.cmap == nil {
		return nil, errFont
	}
	return f, nil
}

func u16(b []byte, i int) int {
	if i < 0 || i+2 > len(b) {
		return 0
	}
	return int(binary.BigEndian.Uint16(b[i:]))
}

func u32(b []byte, i int) int {
	if i < 0 || i+4 > len(b) {
		return 0
	}
	return int(binary.BigEndian.Uint32(b[i:]))
}

// index returns r's glyph index, 0 (the missing glyph) if the font lacks it.
func (f *ttf) index(r rune) int {
	c := int(r)
	if f.cmapFormat == 12 {
		n := u32(f.cmap, 12)
		for i := 0; i < n; i++ {
			g := 16 + 12*i
			lo, hi := u32(f.cmap, g), u32(f.cmap, g+4)
			if c >= lo && c <= hi {
				return u32(f.cmap, g+8) + c - lo
			}
		}
		return 0
	}
	if c > 0xffff {
		return 0
	}
	seg := u16(f.cmap, 6) / 2
	ends, starts := 14, 16+2*seg
	deltas, ranges := starts+2*seg, starts+4*seg
	for i := 0; i < seg; i++ {
		if u16(f.cmap, ends+2*i) < c {
			continue
		}
		start := u16(f.cmap, starts+2*i)
		if start > c {
			return 0
		}
		delta := u16(f.cmap, deltas+2*i)
		ro := u16(f.cmap, ranges+2*i)
		if ro == 0 {
			return (c + delta) & 0xffff
		}
		g := u16(f.cmap, ranges+2*i+ro+2*(c-start))
		if g == 0 {
			return 0
		}
		return (g + delta) & 0xffff
	}
	return 0
}

func (f *ttf) advance(g int) float64 {
	if f.numHMetric == 0 {
		return 0
	}
	g = min(g, f.numHMetric-1)
	return float64(u16(f.hmtx, 4*g))
}

func (f *ttf) glyphData(g int) []byte {
	if g < 0 || g >= f.numGlyphs {
		return nil
	}
	var a, b int
	if f.longLoca {
		a, b = u32(f.loca, 4*g), u32(f.loca, 4*g+4)
	} else {
		a, b = 2*u16(f.loca, 2*g), 2*u16(f.loca, 2*g+2)
	}
	if a >= b || b > len(f.glyf) {
		return nil
	}
	return f.glyf[a:b]
}

type pt struct {
	x, y float64
	on   bool
}

// contours appends glyph g's contours, moved by (dx, dy) and transformed
// by the 2×2 matrix m, to cs.
func (f *ttf) contours(cs [][]pt, g int, m [4]float64, dx, dy float64, depth int) [][]pt {
	d := f.glyphData(g)
	if len(d) < 10 || depth > 8 {
		return cs
	}
	nc := int(int16(binary.BigEndian.Uint16(d)))
	if nc < 0 { // a composite of other glyphs
		p := 10
		for {
			flags, sub := u16(d, p), u16(d, p+2)
			p += 4
			var ax, ay float64
			if flags&1 != 0 {
				ax, ay = float64(int16(u16(d, p))), float64(int16(u16(d, p+2)))
				p += 4
			} else {
				if p+2 > len(d) {
					return cs
				}
				ax, ay = float64(int8(d[p])), float64(int8(d[p+1]))
				p += 2
			}
			sm := [4]float64{1, 0, 0, 1}
			f2 := func(i int) float64 { return float64(int16(u16(d, i))) / 16384 }
			switch {
			case flags&0x08 != 0:
				sm[0] = f2(p)
				sm[3] = sm[0]
				p += 2
			case flags&0x40 != 0:
				sm[0], sm[3] = f2(p), f2(p+2)
				p += 4
			case flags&0x80 != 0:
				sm = [4]float64{f2(p), f2(p + 2), f2(p + 4), f2(p + 6)}
				p += 8
			}
			if flags&2 == 0 {
				ax, ay = 0, 0 // point matching: not used by Go Mono
			}
			cm := [4]float64{m[0]*sm[0] + m[2]*sm[1], m[1]*sm[0] + m[3]*sm[1], m[0]*sm[2] + m[2]*sm[3], m[1]*sm[2] + m[3]*sm[3]}
			cs = f.contours(cs, sub, cm, dx+m[0]*ax+m[2]*ay, dy+m[1]*ax+m[3]*ay, depth+1)
			if flags&0x20 == 0 || p >= len(d) {
				return cs
			}
		}
	}
	ends := make([]int, nc)
	for i := range ends {
		ends[i] = u16(d, 10+2*i)
	}
	if nc == 0 {
		return cs
	}
	np := ends[nc-1] + 1
	p := 10 + 2*nc
	p += 2 + u16(d, p) // skip the instructions
	flags := make([]byte, 0, np)
	for len(flags) < np && p < len(d) {
		fl := d[p]
		p++
		flags = append(flags, fl)
		if fl&8 != 0 && p < len(d) {
			for r := int(d[p]); r > 0 && len(flags) < np; r-- {
				flags = append(flags, fl)
			}
			p++
		}
	}
	if len(flags) < np {
		return cs
	}
	xs := make([]float64, np)
	x := 0
	for i, fl := range flags {
		switch {
		case fl&2 != 0:
			if p >= len(d) {
				return cs
			}
			v := int(d[p])
			p++
			if fl&16 == 0 {
				v = -v
			}
			x += v
		case fl&16 == 0:
			x += int(int16(u16(d, p)))
			p += 2
		}
		xs[i] = float64(x)
	}
	y := 0
	start := 0
	var c []pt
	for i, fl := range flags {
		switch {
		case fl&4 != 0:
			if p >= len(d) {
				return cs
			}
			v := int(d[p])
			p++
			if fl&32 == 0 {
				v = -v
			}
			y += v
		case fl&32 == 0:
			y += int(int16(u16(d, p)))
			p += 2
		}
		fx, fy := xs[i], float64(y)
		c = append(c, pt{m[0]*fx + m[2]*fy + dx, m[1]*fx + m[3]*fy + dy, fl&1 != 0})
		if len(ends) > 0 && i == ends[0] {
			cs = append(cs, c[start:])
			start = len(c)
			ends = ends[1:]
		}
	}
	return cs
}

// rasterize draws rune r at size pixels per em. It returns the coverage
// image, its offset from the pen on the baseline, and the advance.
func (f *ttf) rasterize(r rune, size float64) (img *image.Alpha, dx, dy, adv float64) {
	g := f.index(r)
	s := size / f.unitsPerEm
	adv = f.advance(g) * s
	cs := f.contours(nil, g, [4]float64{1, 0, 0, 1}, 0, 0, 0)
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, c := range cs {
		for _, p := range c {
			minX, maxX = min(minX, p.x*s), max(maxX, p.x*s)
			minY, maxY = min(minY, -p.y*s), max(maxY, -p.y*s)
		}
	}
	if math.IsInf(minX, 1) {
		return nil, 0, 0, adv
	}
	x0, y0 := math.Floor(minX), math.Floor(minY)
	w, h := int(math.Ceil(maxX)-x0)+1, int(math.Ceil(maxY)-y0)+1
	z := vector.NewRasterizer(w, h)
	at := func(p pt) (float32, float32) { return float32(p.x*s - x0), float32(-p.y*s - y0) }
	mid := func(a, b pt) pt { return pt{(a.x + b.x) / 2, (a.y + b.y) / 2, true} }
	for _, c := range cs {
		if len(c) < 2 {
			continue
		}
		// Start on an on-curve point (or between two off-curve ones).
		k := 0
		for k < len(c) && !c[k].on {
			k++
		}
		var first pt
		if k == len(c) {
			first, k = mid(c[0], c[1]), 1
		} else {
			first = c[k]
		}
		z.MoveTo(at(first))
		var ctrl *pt
		for j := 1; j <= len(c); j++ {
			p := c[(k+j)%len(c)]
			if j == len(c) {
				p = first
			}
			if p.on {
				if ctrl != nil {
					cx, cy := at(*ctrl)
					px, py := at(p)
					z.QuadTo(cx, cy, px, py)
					ctrl = nil
				} else {
					z.LineTo(at(p))
				}
				continue
			}
			if ctrl != nil {
				m := mid(*ctrl, p)
				cx, cy := at(*ctrl)
				mx, my := at(m)
				z.QuadTo(cx, cy, mx, my)
			}
			q := p
			ctrl = &q
		}
		if ctrl != nil {
			cx, cy := at(*ctrl)
			px, py := at(first)
			z.QuadTo(cx, cy, px, py)
		}
		z.ClosePath()
	}
	img = image.NewAlpha(image.Rect(0, 0, w, h))
	z.Draw(img, img.Bounds(), image.Opaque, image.Point{})
	return img, x0, y0, adv
}

package stagefont

import (
	"math"

	ot "github.com/go-text/typesetting/font/opentype"
)

// transform maps the source's font units to the subset's: scaled by s
// about the origin, then moved right by dx.
type transform struct{ s, dx float64 }

type vec struct{ x, y float64 }

func (t transform) apply(p ot.SegmentPoint) vec {
	return vec{float64(p.X)*t.s + t.dx, float64(p.Y) * t.s}
}

func (a vec) add(b vec) vec     { return vec{a.x + b.x, a.y + b.y} }
func (a vec) sub(b vec) vec     { return vec{a.x - b.x, a.y - b.y} }
func (a vec) mul(k float64) vec { return vec{a.x * k, a.y * k} }

// point is one point of a TrueType contour, in font units; off-curve
// points are quadratic control points.
type point struct {
	x, y int
	on   bool
}

// contours turns an outline (move, line, quadratic and cubic segments)
// into TrueType contours: quadratic, on whole font units, closed
// implicitly.
func contours(segs []ot.Segment, tr transform) [][]point {
	var out [][]point
	var cur []point
	var at vec
	add := func(v vec, on bool) {
		cur = append(cur, point{int(math.Round(v.x)), int(math.Round(v.y)), on})
	}
	flush := func() {
		if c := tidy(cur); len(c) > 0 {
			out = append(out, c)
		}
		cur = nil
	}
	for _, s := range segs {
		switch s.Op {
		case ot.SegmentOpMoveTo:
			flush()
			at = tr.apply(s.Args[0])
			add(at, true)
		case ot.SegmentOpLineTo:
			at = tr.apply(s.Args[0])
			add(at, true)
		case ot.SegmentOpQuadTo:
			add(tr.apply(s.Args[0]), false)
			at = tr.apply(s.Args[1])
			add(at, true)
		case ot.SegmentOpCubeTo:
			c1, c2, end := tr.apply(s.Args[0]), tr.apply(s.Args[1]), tr.apply(s.Args[2])
			for _, q := range quads(at, c1, c2, end, Tolerance) {
				add(q[0], false)
				add(q[1], true)
			}
			at = end
		}
	}
	flush()
	return out
}

// quads approximates the cubic Bézier p0 c1 c2 p3 by quadratic ones, each
// returned as (control, end), within tol: the cubic is cut into n equal
// pieces and each piece replaced by the quadratic whose control point is
// the mean of the two the cubic's tangents suggest. That quadratic strays
// from its piece by at most sqrt(3)/36 |p3 - 3 c2 + 3 c1 - p0| / n³.
func quads(p0, c1, c2, p3 vec, tol float64) [][2]vec {
	d := p3.sub(c2.mul(3)).add(c1.mul(3)).sub(p0)
	e := math.Sqrt(3) / 36 * math.Hypot(d.x, d.y)
	n := max(1, int(math.Ceil(math.Cbrt(e/tol))))
	out := make([][2]vec, 0, n)
	for i := range n {
		a, b := float64(i)/float64(n), float64(i+1)/float64(n)
		q0, q1, q2, q3 := sub(p0, c1, c2, p3, a, b)
		ctrl := q1.mul(3).sub(q0).add(q2.mul(3)).sub(q3).mul(0.25)
		out = append(out, [2]vec{ctrl, q3})
	}
	return out
}

// sub returns the piece of the cubic p0 c1 c2 p3 between t = a and t = b.
func sub(p0, c1, c2, p3 vec, a, b float64) (vec, vec, vec, vec) {
	at := func(t float64) vec {
		u := 1 - t
		return p0.mul(u * u * u).add(c1.mul(3 * u * u * t)).add(c2.mul(3 * u * t * t)).add(p3.mul(t * t * t))
	}
	// The derivative, for the control points of the piece.
	der := func(t float64) vec {
		u := 1 - t
		return c1.sub(p0).mul(3 * u * u).add(c2.sub(c1).mul(6 * u * t)).add(p3.sub(c2).mul(3 * t * t))
	}
	h := (b - a) / 3
	s, e := at(a), at(b)
	return s, s.add(der(a).mul(h)), e.sub(der(b).mul(h)), e
}

// tidy drops what a TrueType contour does not need: a point repeating the
// one before it, the closing point that repeats the first, and an on-curve
// point lying (to within rounding) midway between two off-curve points,
// which TrueType implies.
func tidy(c []point) []point {
	var out []point
	for _, p := range c {
		if n := len(out); n > 0 && out[n-1] == p {
			continue
		}
		out = append(out, p)
	}
	for len(out) > 1 && out[len(out)-1] == out[0] {
		out = out[:len(out)-1]
	}
	if len(out) < 3 {
		return nil // no area
	}
	n := len(out)
	keep := make([]bool, n)
	for i, p := range out {
		prev, next := out[(i+n-1)%n], out[(i+1)%n]
		keep[i] = !(p.on && !prev.on && !next.on &&
			abs(2*p.x-prev.x-next.x) <= 1 && abs(2*p.y-prev.y-next.y) <= 1)
	}
	var kept []point
	for i, p := range out {
		if keep[i] {
			kept = append(kept, p)
		}
	}
	return kept
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

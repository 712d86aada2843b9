package stagefont

import (
	"encoding/binary"
	"math"
	"slices"
	"unicode/utf16"
)

// unitsPerEm is the subset's em, in font units.
const unitsPerEm = 1000

// glyph is one glyph of the subset.
type glyph struct {
	advance  uint16
	contours [][]point
}

// ttf is the subset being written: glyph 0 is .notdef, glyph i+1 draws
// runes[i] (runes sorted).
type ttf struct {
	glyphs []glyph
	runes  []rune
	names  map[uint16]string // name ID -> text
	// ascender and descender are the font's vertical metrics: Go Mono's,
	// which place the stage's baseline.
	ascender, descender int
}

// bytes returns the font file: the tables TrueType requires (cmap, glyf,
// head, hhea, hmtx, loca, maxp, name, post) and OS/2, without hinting.
func (f *ttf) bytes() []byte {
	glyf, loca, maxPoints, maxContours := f.glyf()
	var xMin, yMin, xMax, yMax int
	for _, g := range f.glyphs {
		for _, c := range g.contours {
			for _, p := range c {
				xMin, yMin = min(xMin, p.x), min(yMin, p.y)
				xMax, yMax = max(xMax, p.x), max(yMax, p.y)
			}
		}
	}
	tables := map[string][]byte{
		"OS/2": f.os2(),
		"cmap": f.cmap(),
		"glyf": glyf,
		"head": head(xMin, yMin, xMax, yMax),
		"hhea": f.hhea(),
		"hmtx": f.hmtx(),
		"loca": loca,
		"maxp": f.maxp(maxPoints, maxContours),
		"name": f.name(),
		"post": post(),
	}
	return assemble(tables)
}

// be appends big-endian values: each int as 16 bits, each uint32 as 32.
func be(b []byte, vals ...any) []byte {
	for _, v := range vals {
		switch v := v.(type) {
		case int:
			b = binary.BigEndian.AppendUint16(b, uint16(v))
		case uint32:
			b = binary.BigEndian.AppendUint32(b, v)
		default:
			panic("stagefont: be takes int and uint32")
		}
	}
	return b
}

// glyf returns the glyph data and its index (long offsets), and the
// largest point and contour counts of a glyph.
func (f *ttf) glyf() (glyf, loca []byte, maxPoints, maxContours int) {
	for _, g := range f.glyphs {
		loca = be(loca, uint32(len(glyf)))
		if len(g.contours) == 0 {
			continue
		}
		points := 0
		for _, c := range g.contours {
			points += len(c)
		}
		maxPoints, maxContours = max(maxPoints, points), max(maxContours, len(g.contours))
		glyf = appendGlyph(glyf, g.contours)
		for len(glyf)%4 != 0 {
			glyf = append(glyf, 0)
		}
	}
	loca = be(loca, uint32(len(glyf)))
	return glyf, loca, maxPoints, maxContours
}

// TrueType's simple-glyph point flags.
const (
	flagOn      = 0x01
	flagXShort  = 0x02
	flagYShort  = 0x04
	flagRepeat  = 0x08
	flagXSame   = 0x10 // or, with flagXShort, positive
	flagYSame   = 0x20 // or, with flagYShort, positive
	maxRepeats  = 255
	shortCoords = 255
)

// appendGlyph appends a simple glyph: its bounds, contour ends, no
// instructions, then flags (runs folded) and coordinates as deltas, a
// byte each where they fit.
func appendGlyph(b []byte, contours [][]point) []byte {
	var pts []point
	var ends []int
	for _, c := range contours {
		pts = append(pts, c...)
		ends = append(ends, len(pts)-1)
	}
	xMin, yMin, xMax, yMax := pts[0].x, pts[0].y, pts[0].x, pts[0].y
	for _, p := range pts {
		xMin, yMin = min(xMin, p.x), min(yMin, p.y)
		xMax, yMax = max(xMax, p.x), max(yMax, p.y)
	}
	b = be(b, len(contours), xMin, yMin, xMax, yMax)
	for _, e := range ends {
		b = be(b, e)
	}
	b = be(b, 0) // instructionLength
	flags := make([]byte, len(pts))
	var xs, ys []byte
	px, py := 0, 0
	coord := func(d int, short, same byte, out []byte) (byte, []byte) {
		switch {
		case d == 0:
			return same, out
		case d > 0 && d <= shortCoords:
			return short | same, append(out, byte(d))
		case d < 0 && -d <= shortCoords:
			return short, append(out, byte(-d))
		}
		return 0, be(out, d)
	}
	for i, p := range pts {
		var fx, fy byte
		fx, xs = coord(p.x-px, flagXShort, flagXSame, xs)
		fy, ys = coord(p.y-py, flagYShort, flagYSame, ys)
		flags[i] = fx | fy
		if p.on {
			flags[i] |= flagOn
		}
		px, py = p.x, p.y
	}
	for i := 0; i < len(flags); {
		n := 1
		for i+n < len(flags) && flags[i+n] == flags[i] && n <= maxRepeats {
			n++
		}
		if n > 1 {
			b = append(b, flags[i]|flagRepeat, byte(n-1))
		} else {
			b = append(b, flags[i])
		}
		i += n
	}
	b = append(b, xs...)
	return append(b, ys...)
}

// cmap maps each rune to its glyph: format 12 (any Unicode), one group
// per run of consecutive runes, under the Windows platform's full
// Unicode encoding.
func (f *ttf) cmap() []byte {
	type group struct{ start, end, gid int }
	var groups []group
	for i, r := range f.runes {
		if n := len(groups); n > 0 && int(r) == groups[n-1].end+1 {
			groups[n-1].end++
			continue
		}
		groups = append(groups, group{int(r), int(r), i + 1})
	}
	b := be(nil, 0, 1) // version, one subtable
	b = be(b, 3, 10, uint32(12))
	b = be(b, 12, 0, uint32(16+12*len(groups)), uint32(0), uint32(len(groups)))
	for _, g := range groups {
		b = be(b, uint32(g.start), uint32(g.end), uint32(g.gid))
	}
	return b
}

func head(xMin, yMin, xMax, yMax int) []byte {
	b := be(nil, uint32(0x00010000), uint32(0x00010000))  // version, fontRevision
	b = be(b, uint32(0), uint32(0x5F0F3CF5))              // checksumAdjustment (assemble sets it), magic
	b = be(b, 0x0003, unitsPerEm)                         // flags: baseline at y=0, left sidebearing at x=0
	b = be(b, uint32(0), uint32(0), uint32(0), uint32(0)) // created, modified
	b = be(b, xMin, yMin, xMax, yMax)
	b = be(b, 0, 8, 2) // macStyle, lowestRecPPEM, fontDirectionHint
	return be(b, 1, 0) // indexToLocFormat: long; glyphDataFormat
}

func (f *ttf) hhea() []byte {
	maxAdv := 0
	for _, g := range f.glyphs {
		maxAdv = max(maxAdv, int(g.advance))
	}
	b := be(nil, uint32(0x00010000), f.ascender, f.descender, 0, maxAdv)
	b = be(b, 0, 0, maxAdv) // minLeftSideBearing, minRightSideBearing, xMaxExtent (not used)
	b = be(b, 1, 0, 0)      // caretSlopeRise, caretSlopeRun, caretOffset
	b = be(b, 0, 0, 0, 0, 0)
	return be(b, f.numHMetrics())
}

// numHMetrics is how many glyphs get an advance of their own in hmtx: the
// glyphs after them repeat the last one's.
func (f *ttf) numHMetrics() int {
	n := len(f.glyphs)
	for n > 1 && f.glyphs[n-1].advance == f.glyphs[n-2].advance {
		n--
	}
	return n
}

func (f *ttf) hmtx() []byte {
	var b []byte
	for i, g := range f.glyphs {
		lsb := 0
		if len(g.contours) > 0 {
			lsb = math.MaxInt
			for _, c := range g.contours {
				for _, p := range c {
					lsb = min(lsb, p.x)
				}
			}
		}
		if i < f.numHMetrics() {
			b = be(b, int(g.advance))
		}
		b = be(b, lsb)
	}
	return b
}

func (f *ttf) maxp(maxPoints, maxContours int) []byte {
	b := be(nil, uint32(0x00010000), len(f.glyphs), maxPoints, maxContours)
	b = be(b, 0, 0, 2)                   // maxComponentPoints, maxComponentContours, maxZones
	return be(b, 0, 0, 0, 0, 0, 0, 0, 0) // no twilight, storage, functions, instructions, components
}

// name returns the naming table, in UTF-16 for the Windows platform: the
// sources' copyrights and licences, and a family name of the font's own
// (Noto's licence reserves the name "Source" for its authors).
func (f *ttf) name() []byte {
	names := map[uint16]string{
		1: "loopscope Stage",
		2: "Regular",
		4: "loopscope Stage Regular",
		5: "Version 1.0; Go Mono, and Hangul from Noto Sans CJK JP at weight 400",
		6: "loopscopeStage-Regular",
	}
	for id, s := range f.names {
		names[id] = s
	}
	ids := make([]uint16, 0, len(names))
	for id := range names {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	var str []byte
	b := be(nil, 0, len(ids), 6+12*len(ids))
	for _, id := range ids {
		u := utf16.Encode([]rune(names[id]))
		b = be(b, 3, 1, 0x0409, int(id), 2*len(u), len(str))
		for _, c := range u {
			str = be(str, int(c))
		}
	}
	return append(b, str...)
}

func (f *ttf) os2() []byte {
	first, last := 0xFFFF, 0
	if len(f.runes) > 0 {
		first, last = min(int(f.runes[0]), 0xFFFF), min(int(f.runes[len(f.runes)-1]), 0xFFFF)
	}
	b := be(nil, 4, 600, 400, 5, 0) // version, xAvgCharWidth, weight, width, fsType: installable
	b = be(b, 650, 600, 0, 75, 650, 600, 0, 350, 50, 250, 0)
	b = append(b, make([]byte, 10)...)                             // PANOSE: any
	b = be(b, uint32(0), uint32(0x01000000), uint32(0), uint32(0)) // Unicode ranges: Hangul syllables (bit 56)
	b = append(b, "NONE"...)
	b = be(b, 0x0040, first, last, f.ascender, f.descender, 0)    // fsSelection: regular
	b = be(b, f.ascender, -f.descender, uint32(1<<19), uint32(0)) // win metrics, code page: Korean Wansung
	return be(b, 0, 0, 0, 32, 0)                                  // xHeight, capHeight (not used), default, break, context
}

func post() []byte {
	b := be(nil, uint32(0x00030000), uint32(0))                         // version 3 (no glyph names), italic angle
	b = be(b, -100, 50)                                                 // underline position, thickness
	return be(b, uint32(0), uint32(0), uint32(0), uint32(0), uint32(0)) // not fixed pitch (1 em and 0.6 em)
}

// assemble writes the table directory and the tables (sorted by tag, each
// 4-byte aligned, with checksums) and sets head's checksumAdjustment.
func assemble(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for t := range tables {
		tags = append(tags, t)
	}
	slices.Sort(tags)
	n := len(tags)
	entrySelector := 0
	for 1<<(entrySelector+1) <= n {
		entrySelector++
	}
	searchRange := 16 << entrySelector
	b := be(nil, uint32(0x00010000), n, searchRange, entrySelector, 16*n-searchRange)
	offset := 12 + 16*n
	var body []byte
	headAt := 0
	for _, t := range tags {
		data := tables[t]
		if t == "head" {
			headAt = offset + len(body)
		}
		b = append(b, t...)
		b = be(b, checksum(data), uint32(offset+len(body)), uint32(len(data)))
		body = append(body, data...)
		for len(body)%4 != 0 {
			body = append(body, 0)
		}
	}
	b = append(b, body...)
	binary.BigEndian.PutUint32(b[headAt+8:], 0xB1B0AFBA-checksum(b))
	return b
}

func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}

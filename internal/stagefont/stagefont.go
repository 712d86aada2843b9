// Package stagefont makes the Korean font the stage draws Hangul with: a
// TrueType subset of Noto Sans CJK holding only the glyphs the stage's
// Korean strings can use. internal/site makes it each time it builds the
// WebAssembly module and hands it to the build (the source tree holds no
// font file); wasm/stage draws Go Mono and takes every rune Go Mono lacks
// from this font.
//
// The source is Noto Sans CJK JP's variable font (SIL Open Font License
// 1.1), which has every Hangul syllable, from the Go module
// github.com/go-text/typesetting-utils: a Go module, so a fresh clone gets
// it with the go command alone (about 74 MB, once per module cache). It is
// instanced at Regular weight, its cubic outlines turned into quadratic
// ones, and written as a small TrueType font that
// golang.org/x/image/font/opentype reads.
package stagefont

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"

	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/font/opentype/tables"
	xfont "golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Where the source font comes from: a file in a Go module, at a version
// pinned here (the one go-text/typesetting v0.2.0, which Ebiten uses,
// requires, so go.sum already vouches for it).
const (
	SourceModule  = "github.com/go-text/typesetting-utils"
	SourceVersion = "v0.0.0-20240317173224-1986cbe96c66"
	SourceFile    = "opentype/common/NotoSansCJKjp-VF.otf"
)

// Weight is the source's weight axis value the font is instanced at:
// Regular.
const Weight = 400

// Tolerance is how far, in font units (1000 to the em), a quadratic curve
// may stray from the cubic it replaces: 0.05 px at 16 px.
const Tolerance = 3

// Source returns the source font's bytes, read from the Go module cache;
// goCmd downloads the module there first if it is missing (or answers
// from the cache).
func Source(goCmd string) ([]byte, error) {
	cmd := exec.Command(goCmd, "mod", "download", "-json", SourceModule+"@"+SourceVersion)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	var m struct{ Dir, Error string }
	if jerr := json.Unmarshal(out, &m); jerr == nil && m.Error != "" {
		return nil, fmt.Errorf("go mod download %s@%s: %s", SourceModule, SourceVersion, m.Error)
	}
	if err != nil {
		return nil, fmt.Errorf("go mod download %s@%s: %w\n%s", SourceModule, SourceVersion, err, bytes.TrimSpace(stderr.Bytes()))
	}
	if m.Dir == "" {
		return nil, fmt.Errorf("go mod download %s@%s named no directory", SourceModule, SourceVersion)
	}
	return os.ReadFile(filepath.Join(m.Dir, filepath.FromSlash(SourceFile)))
}

// Runes returns the runes of s that Go Mono lacks, sorted, each once: the
// ones the stage takes from the Korean font.
func Runes(s string) []rune {
	gm, err := sfnt.Parse(gomono.TTF)
	if err != nil {
		panic(err) // Go Mono is compiled in
	}
	var buf sfnt.Buffer
	var rs []rune
	for _, r := range s {
		if i, err := gm.GlyphIndex(&buf, r); err == nil && i == 0 {
			rs = append(rs, r)
		}
	}
	slices.Sort(rs)
	return slices.Compact(rs)
}

// Make returns the stage's font, TrueType: the glyphs of Go Mono in
// MonoRanges or in runes (their outlines as they are, 0.6 em wide, without
// Go Mono's hinting, which the stage does not use), then those of the runes
// Go Mono lacks (see Runes) from cjk (the bytes of SourceFile) at Weight. A Korean rune whose wide
// reports true gets an advance of 1 em, any other 0.6 em: the stage's
// layout measures text that way. Korean glyphs are scaled so the source's
// capitals would stand as tall as Go Mono's, and centred in their advance.
// A rune the source lacks is an error.
func Make(cjk []byte, runes []rune, wide func(rune) bool) ([]byte, error) {
	mono, err := font.ParseTTF(bytes.NewReader(gomono.TTF))
	if err != nil {
		return nil, err
	}
	f := &ttf{names: sourceNames(cjk)}
	for id, s := range sourceNames(gomono.TTF) {
		// Both sources' notices: Go Mono's, then Noto's.
		if f.names[id] != "" {
			s += "\n" + f.names[id]
		}
		f.names[id] = s
	}
	f.glyphs = append(f.glyphs, notdef())
	type entry struct {
		r   rune
		gid font.GID
	}
	var monoRunes []entry
	for it := mono.Cmap.Iter(); it.Next(); {
		r, gid := it.Char()
		if !inMonoRanges(r) && !slices.Contains(runes, r) {
			continue
		}
		monoRunes = append(monoRunes, entry{r, gid})
	}
	monoScale := unitsPerEm / float64(mono.Upem())
	glyphs := map[rune]glyph{}
	for _, e := range monoRunes {
		g, err := outline(mono, e.gid, transform{s: monoScale})
		if err != nil {
			return nil, fmt.Errorf("gomono.TTF: %q: %w", e.r, err)
		}
		g.advance = uint16(math.Round(float64(mono.HorizontalAdvance(e.gid)) * monoScale))
		glyphs[e.r] = g
	}
	ext, _ := mono.FontHExtents()
	f.ascender = int(math.Round(float64(ext.Ascender) * monoScale))
	f.descender = int(math.Round(float64(ext.Descender) * monoScale))

	face, err := font.ParseTTF(bytes.NewReader(cjk))
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", SourceFile, err)
	}
	face.SetVariations([]font.Variation{{Tag: ot.MustNewTag("wght"), Value: Weight}})
	scale, err := capScale(face)
	if err != nil {
		return nil, err
	}
	scale *= unitsPerEm / float64(face.Upem())
	for _, r := range runes {
		if _, ok := glyphs[r]; ok {
			continue // Go Mono has it
		}
		gid, ok := face.NominalGlyph(r)
		if !ok {
			return nil, fmt.Errorf("%s has no glyph for %q (U+%04X)", SourceFile, r, r)
		}
		adv := float64(unitsPerEm) * 0.6
		if wide(r) {
			adv = unitsPerEm
		}
		srcAdv := float64(face.HorizontalAdvance(gid))
		s := min(scale, adv/srcAdv)
		g, err := outline(face, gid, transform{s: s, dx: (adv - s*srcAdv) / 2})
		if err != nil {
			return nil, fmt.Errorf("%s: %q: %w", SourceFile, r, err)
		}
		g.advance = uint16(math.Round(adv))
		glyphs[r] = g
	}
	f.runes = slices.Sorted(maps.Keys(glyphs))
	for _, r := range f.runes {
		f.glyphs = append(f.glyphs, glyphs[r])
	}
	return f.bytes(), nil
}

// notdef is the glyph of every rune the font lacks: a box, 0.6 em wide.
func notdef() glyph {
	box := func(x0, y0, x1, y1 int, cw bool) []point {
		if cw {
			return []point{{x0, y0, true}, {x0, y1, true}, {x1, y1, true}, {x1, y0, true}}
		}
		return []point{{x0, y0, true}, {x1, y0, true}, {x1, y1, true}, {x0, y1, true}}
	}
	return glyph{advance: 600, contours: [][]point{box(100, 0, 500, 700, true), box(160, 60, 440, 640, false)}}
}

// outline returns glyph gid of face as TrueType contours, transformed.
func outline(face *font.Face, gid font.GID, tr transform) (glyph, error) {
	switch d := face.GlyphData(gid).(type) {
	case font.GlyphOutline:
		return glyph{contours: contours(d.Segments, tr)}, nil
	case nil:
		return glyph{}, nil
	}
	return glyph{}, fmt.Errorf("the glyph is not an outline")
}

// capScale is the factor that makes the source's capital H as tall as Go
// Mono's, the two measured in ems.
func capScale(face *font.Face) (float64, error) {
	gid, ok := face.NominalGlyph('H')
	if !ok {
		return 0, fmt.Errorf("%s has no H", SourceFile)
	}
	out, ok := face.GlyphData(gid).(font.GlyphOutline)
	if !ok {
		return 0, fmt.Errorf("%s: its H is not an outline", SourceFile)
	}
	top := math.Inf(-1)
	for _, s := range out.Segments {
		for _, p := range s.ArgsSlice() {
			top = max(top, float64(p.Y))
		}
	}
	gm, err := sfnt.Parse(gomono.TTF)
	if err != nil {
		return 0, err
	}
	var buf sfnt.Buffer
	upem := gm.UnitsPerEm()
	m, err := gm.Metrics(&buf, fixed.I(int(upem)), xfont.HintingNone)
	if err != nil {
		return 0, err
	}
	goCap := float64(m.CapHeight) / 64 / float64(upem)
	return goCap / (top / float64(face.Upem())), nil
}

// sourceNames returns the source's copyright, licence and licence URL
// (name IDs 0, 13 and 14), which the subset carries on.
func sourceNames(src []byte) map[uint16]string {
	names := map[uint16]string{}
	ld, err := ot.NewLoader(bytes.NewReader(src))
	if err != nil {
		return names
	}
	raw, err := ld.RawTable(ot.MustNewTag("name"))
	if err != nil {
		return names
	}
	n, _, err := tables.ParseName(raw)
	if err != nil {
		return names
	}
	for _, id := range []tables.NameID{0, 13, 14} {
		if s := n.Name(id); s != "" {
			names[uint16(id)] = s
		}
	}
	return names
}

// MonoRanges are the blocks of Go Mono the stage font keeps whatever the
// stage's strings use: Latin-1 (the scenes' code, names and values),
// general punctuation and arrows. Go Mono's Latin Extended, Greek,
// Cyrillic, symbols and box drawing are left out (22 KB of the gzipped
// module) unless a stage string uses them; a rune the font lacks draws as
// a box.
var MonoRanges = [][2]rune{
	{0x20, 0xFF},
	{0x2000, 0x206F},
	{0x2190, 0x21FF},
}

func inMonoRanges(r rune) bool {
	for _, rg := range MonoRanges {
		if r >= rg[0] && r <= rg[1] {
			return true
		}
	}
	return false
}

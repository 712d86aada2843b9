package stagefont

import (
	"bytes"
	"image"
	"image/draw"
	"math"
	"strings"
	"sync"
	"testing"

	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	xfont "golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"

	"loopscope/scenes/playback"
)

var source = sync.OnceValues(func() ([]byte, error) { return Source("go") })

func sourceFont(t *testing.T) []byte {
	t.Helper()
	src, err := source()
	if err != nil {
		t.Fatal(err)
	}
	return src
}

func TestRunesAreWhatGoMonoLacks(t *testing.T) {
	got := string(Runes("a가é→힣가 …·"))
	if got != "가힣" {
		t.Errorf("Runes = %q, want %q", got, "가힣")
	}
}

// The font the module gets: every rune of Go Mono and every rune the
// stage's Korean strings use is in it, 1 em wide if the layout measures it
// so, else 0.6 em, and it names its source's copyright and licence.
func TestStageFont(t *testing.T) {
	runes := Runes(playback.StageRunes())
	if len(runes) < 100 {
		t.Fatalf("only %d runes beyond Go Mono in playback.StageRunes(): %q", len(runes), string(runes))
	}
	ttf, err := Make(sourceFont(t), []rune(playback.StageRunes()), playback.Wide)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d Korean runes, %d bytes", len(runes), len(ttf))
	runes = append(runes, []rune("az09 ~→…·é")...)
	f, err := opentype.Parse(ttf)
	if err != nil {
		t.Fatal(err)
	}
	var buf sfnt.Buffer
	// A rune outside MonoRanges and the stage's strings draws the box.
	if i, err := f.GlyphIndex(&buf, 'Ж'); err != nil || i != 0 {
		t.Errorf("Ж: glyph %d, %v; want none", i, err)
	}
	for _, size := range []float64{11, 13, 26} {
		face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: xfont.HintingNone})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range runes {
			if i, err := f.GlyphIndex(&buf, r); err != nil || i == 0 {
				t.Fatalf("%q: glyph %d, %v", r, i, err)
			}
			adv, _ := face.GlyphAdvance(r)
			if got, want := float64(adv)/64, playback.RuneWidth(r, size); math.Abs(got-want) > 1.0/64 {
				t.Errorf("%q at %g px: advance %g, the layout measures %g", r, size, got, want)
			}
		}
	}
	copyright, err := f.Name(&buf, sfnt.NameIDCopyright)
	if err != nil || !strings.Contains(copyright, "Adobe") {
		t.Errorf("copyright %q, %v: want the source's", copyright, err)
	}
	license, err := f.Name(&buf, sfnt.NameIDLicense)
	if err != nil || !strings.Contains(license, "Open Font License") {
		t.Errorf("licence %q, %v: want the source's", license, err)
	}
}

func TestMissingRuneIsAnError(t *testing.T) {
	_, err := Make(sourceFont(t), []rune{'가', 0x10FFFD}, playback.Wide)
	if err == nil || !strings.Contains(err.Error(), "U+10FFFD") {
		t.Errorf("err = %v, want one naming U+10FFFD", err)
	}
}

// The quadratic outlines draw what the source's cubic ones draw: both
// rasterised at 64 px, they differ by less than 3% of the ink on any glyph.
// (About 1% is there at any tolerance: coordinates on whole font units, and
// sfnt's 1/64 px. A glyph moved by a pixel differs by about half its ink.)
func TestOutlinesMatchTheSource(t *testing.T) {
	src := sourceFont(t)
	runes := []rune("가뷁힣읽")
	ttf, err := Make(src, runes, playback.Wide)
	if err != nil {
		t.Fatal(err)
	}
	sub, err := opentype.Parse(ttf)
	if err != nil {
		t.Fatal(err)
	}
	const size = 64.0
	face, err := opentype.NewFace(sub, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: xfont.HintingNone})
	if err != nil {
		t.Fatal(err)
	}
	ref, err := font.ParseTTF(bytes.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	ref.SetVariations([]font.Variation{{Tag: ot.MustNewTag("wght"), Value: Weight}})
	scale, err := capScale(ref)
	if err != nil {
		t.Fatal(err)
	}
	const w, h, base = 96, 96, 72
	for _, r := range runes {
		gid, _ := ref.NominalGlyph(r)
		adv := playback.RuneWidth(r, unitsPerEm)
		srcAdv := float64(ref.HorizontalAdvance(gid))
		s := min(scale*unitsPerEm/float64(ref.Upem()), adv/srcAdv)
		tr := transform{s: s, dx: (adv - s*srcAdv) / 2}
		px := size / unitsPerEm
		// The source, cubic, straight into the rasteriser.
		var ras vector.Rasterizer
		ras.Reset(w, h)
		pt := func(p ot.SegmentPoint) (float32, float32) {
			v := tr.apply(p)
			return float32(8 + v.x*px), float32(base - v.y*px)
		}
		for _, seg := range ref.GlyphData(gid).(font.GlyphOutline).Segments {
			switch seg.Op {
			case ot.SegmentOpMoveTo:
				ras.MoveTo(pt(seg.Args[0]))
			case ot.SegmentOpLineTo:
				ras.LineTo(pt(seg.Args[0]))
			case ot.SegmentOpQuadTo:
				x1, y1 := pt(seg.Args[0])
				x2, y2 := pt(seg.Args[1])
				ras.QuadTo(x1, y1, x2, y2)
			case ot.SegmentOpCubeTo:
				x1, y1 := pt(seg.Args[0])
				x2, y2 := pt(seg.Args[1])
				x3, y3 := pt(seg.Args[2])
				ras.CubeTo(x1, y1, x2, y2, x3, y3)
			}
		}
		ras.ClosePath()
		want := image.NewAlpha(image.Rect(0, 0, w, h))
		ras.Draw(want, want.Bounds(), image.Opaque, image.Point{})
		// The subset, as the stage draws it.
		got := image.NewAlpha(image.Rect(0, 0, w, h))
		dr, mask, mp, _, ok := face.Glyph(fixed.P(8, base), r)
		if !ok {
			t.Fatalf("%q: no glyph in the subset", r)
		}
		draw.DrawMask(got, dr, image.Opaque, image.Point{}, mask, mp, draw.Over)
		compareInk(t, r, want, got)
	}
}

// compareInk fails unless got differs from want by less than 3% of want's
// ink.
func compareInk(t *testing.T, r rune, want, got *image.Alpha) {
	t.Helper()
	var ink, diff float64
	for i := range want.Pix {
		ink += float64(want.Pix[i])
		diff += math.Abs(float64(want.Pix[i]) - float64(got.Pix[i]))
	}
	if ink == 0 || diff/ink > 0.03 {
		t.Errorf("%q: the stage font's glyph differs from the source's by %.1f%% of its ink", r, 100*diff/ink)
	}
}

// Go Mono's glyphs, re-written at 1000 units to the em without hinting,
// draw as Go Mono does.
func TestGoMonoGlyphsMatchGoMono(t *testing.T) {
	ttf, err := Make(sourceFont(t), nil, playback.Wide)
	if err != nil {
		t.Fatal(err)
	}
	const size, w, h, base = 64.0, 64, 96, 72
	draw1 := func(ttf []byte, r rune) *image.Alpha {
		f, err := opentype.Parse(ttf)
		if err != nil {
			t.Fatal(err)
		}
		face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: xfont.HintingNone})
		if err != nil {
			t.Fatal(err)
		}
		img := image.NewAlpha(image.Rect(0, 0, w, h))
		dr, mask, mp, _, ok := face.Glyph(fixed.P(8, base), r)
		if !ok {
			t.Fatalf("%q: no glyph", r)
		}
		draw.DrawMask(img, dr, image.Opaque, image.Point{}, mask, mp, draw.Over)
		return img
	}
	for _, r := range "ag?@&→…·×é" {
		compareInk(t, r, draw1(gomono.TTF, r), draw1(ttf, r))
	}
}

package stage

import (
	"image"
	"image/draw"
	"math"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"loopscope/internal/stagefont"
	"loopscope/scenes/playback"
)

// The layout fits and truncates the stage's text by playback.CharWidth;
// the fonts the stage draws with must agree, rune for rune, or text spills
// out of its box. (This runs natively: it reads the same fonts through
// the same x/image face the js/wasm stage draws with.)
func TestGoMonoAdvanceIsCharWidth(t *testing.T) {
	runes := []rune("→↑…·") // the symbols the layout writes
	for r := rune(' '); r <= '~'; r++ {
		runes = append(runes, r)
	}
	for _, ttf := range [][]byte{gomono.TTF} {
		f, err := opentype.Parse(ttf)
		if err != nil {
			t.Fatal(err)
		}
		for _, size := range []float64{9.9, 11, 13, 22, 26, 44} {
			face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
			if err != nil {
				t.Fatal(err)
			}
			want := playback.CharWidth(size)
			for _, r := range runes {
				adv, ok := face.GlyphAdvance(r)
				if !ok {
					t.Errorf("%q is not in Go Mono", r)
					continue
				}
				if got := float64(adv) / 64; math.Abs(got-want) > 0.01 {
					t.Errorf("%q at %g px: advance %g, layout assumes %g", r, size, got, want)
				}
			}
		}
	}
}

// The stage's own reader of the stage font (ttf.go) draws what
// x/image/font/opentype draws from the same font: the same advances and
// boxes, and masks that differ by less than 3% of the ink (opentype puts
// points on 1/64 px, the reader does not: about 1% at 11 px).
func TestStageFontReaderMatchesOpentype(t *testing.T) {
	src, err := stagefont.Source("go")
	if err != nil {
		t.Fatal(err)
	}
	data, err := stagefont.Make(src, stagefont.Runes(playback.StageRunes()), playback.Wide)
	if err != nil {
		t.Fatal(err)
	}
	ours, err := parseTTF(data)
	if err != nil {
		t.Fatal(err)
	}
	ref, err := opentype.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	const runes = "Task-5 (0.6) →↑…·éЖλ @&%# 루프가 준비 큐 맨 앞에서 꺼내 실행합니다 힣"
	if ours.index('\U0010FFFD') != 0 {
		t.Errorf("a rune the font lacks has glyph %d", ours.index('\U0010FFFD'))
	}
	for _, size := range []float64{11, 13.5, 26, 44} {
		face, err := opentype.NewFace(ref, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
		if err != nil {
			t.Fatal(err)
		}
		mine := ours.face(size)
		if got, want := mine.Metrics().Ascent, face.Metrics().Ascent; got != want {
			t.Errorf("at %g px: ascent %v, opentype says %v", size, got, want)
		}
		for _, r := range runes {
			for _, sub := range []fixed.Int26_6{0, 16, 40} {
				dot := fixed.Point26_6{X: fixed.I(20) + sub, Y: fixed.I(40)}
				dr1, m1, mp1, adv1, ok1 := face.Glyph(dot, r)
				want := alphaCopy(dr1, m1, mp1)
				dr2, m2, mp2, adv2, ok2 := mine.Glyph(dot, r)
				got := alphaCopy(dr2, m2, mp2)
				if ok1 != ok2 || adv1 != adv2 {
					t.Errorf("%q at %g px: ok %v advance %v, opentype says %v %v", r, size, ok2, adv2, ok1, adv1)
				}
				if dr1.Empty() != dr2.Empty() {
					t.Errorf("%q at %g px: box %v, opentype says %v", r, size, dr2, dr1)
					continue
				}
				if dr1.Empty() {
					continue
				}
				var ink, diff float64
				for y := min(dr1.Min.Y, dr2.Min.Y); y < max(dr1.Max.Y, dr2.Max.Y); y++ {
					for x := min(dr1.Min.X, dr2.Min.X); x < max(dr1.Max.X, dr2.Max.X); x++ {
						a, b := float64(want.AlphaAt(x, y).A), float64(got.AlphaAt(x, y).A)
						ink += a
						diff += math.Abs(a - b)
					}
				}
				if diff > 0.03*ink {
					t.Errorf("%q at %g px (+%d/64): masks differ by %.1f%% of the ink", r, size, sub, 100*diff/ink)
				}
			}
		}
	}
}

// alphaCopy returns mask's coverage placed at dr.
func alphaCopy(dr image.Rectangle, mask image.Image, mp image.Point) *image.Alpha {
	out := image.NewAlpha(dr)
	if mask != nil {
		draw.Draw(out, dr, mask, mp, draw.Src)
	}
	return out
}

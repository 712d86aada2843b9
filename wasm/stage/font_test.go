package stage

import (
	"math"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/opentype"

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

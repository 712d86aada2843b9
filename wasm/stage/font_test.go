package stage

import (
	"testing"

	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/gomonobold"
)

// coverage sums a glyph's ink.
func coverage(f *ttf, r rune, size float64) (ink int, w, h int, adv float64) {
	img, _, _, adv := f.rasterize(r, size)
	if img == nil {
		return 0, 0, 0, adv
	}
	for _, a := range img.Pix {
		ink += int(a)
	}
	return ink, img.Bounds().Dx(), img.Bounds().Dy(), adv
}

func TestGoMonoRasterises(t *testing.T) {
	for _, src := range [][]byte{gomono.TTF, gomonobold.TTF} {
		f, err := parseTTF(src)
		if err != nil {
			t.Fatal(err)
		}
		// Every printable ASCII character, and the few symbols the stage
		// writes, have ink and Go Mono's advance of 0.6 em.
		for r := rune('!'); r <= '~'; r++ {
			checkGlyph(t, f, r)
		}
		for _, r := range "→↑…·é" {
			checkGlyph(t, f, r)
		}
		if ink, _, _, adv := coverage(f, ' ', 20); ink != 0 || adv < 11.9 || adv > 12.1 {
			t.Errorf("space: ink %d advance %g", ink, adv)
		}
		// A rune the font lacks draws its missing glyph, not nothing.
		if f.index('한') != 0 {
			t.Errorf("Go Mono claims Hangul")
		}
		if f.ascent <= 0 || f.descent >= 0 {
			t.Errorf("ascent %g descent %g", f.ascent, f.descent)
		}
	}
}

func checkGlyph(t *testing.T, f *ttf, r rune) {
	t.Helper()
	if f.index(r) == 0 {
		t.Errorf("%q: not in the font", r)
		return
	}
	ink, w, h, adv := coverage(f, r, 20)
	if ink == 0 || w == 0 || h == 0 {
		t.Errorf("%q: no ink (%dx%d)", r, w, h)
	}
	if adv < 11.9 || adv > 12.1 {
		t.Errorf("%q: advance %g at 20 px, want 12", r, adv)
	}
	if w > 16 || h > 28 {
		t.Errorf("%q: %dx%d px at 20 px", r, w, h)
	}
}

// The letter O is closed: its middle is empty and its ring is inked.
func TestGlyphShape(t *testing.T) {
	f, err := parseTTF(gomono.TTF)
	if err != nil {
		t.Fatal(err)
	}
	img, _, dy, _ := f.rasterize('O', 40)
	b := img.Bounds()
	mid := img.AlphaAt(b.Dx()/2, b.Dy()/2).A
	left := img.AlphaAt(1, b.Dy()/2).A
	if mid != 0 || left < 128 {
		t.Errorf("O at 40 px: middle %d, left edge %d", mid, left)
	}
	if dy > -20 || dy < -35 {
		t.Errorf("O's top is %g px above the baseline", -dy)
	}
	if _, err := parseTTF([]byte("not a font")); err == nil {
		t.Errorf("parsed garbage")
	}
}

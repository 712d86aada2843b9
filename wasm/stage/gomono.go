//go:build js && wasm && !stagefont

package stage

import (
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/opentype"
)

// goMono is the stage's font in a build without the one internal/site
// makes (see text.go): Go Mono itself, no Hangul.
var goMono = func() *opentype.Font {
	f, err := opentype.Parse(gomono.TTF)
	if err != nil {
		panic(err)
	}
	return f
}()

func newGlyphFace(size float64) glyphFace {
	f, err := opentype.NewFace(goMono, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		panic(err)
	}
	return f
}

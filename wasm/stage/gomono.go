//go:build js && wasm && !stagefont

package stage

import "golang.org/x/image/font/gofont/gomono"

// stageFont is Go Mono itself in a build without the stage font that
// internal/site makes (see text.go): no Hangul.
var stageFont = mustParse(gomono.TTF)

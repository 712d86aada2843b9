// Package web holds the playground page's static files: index.html (which
// receives the scene library as JSON at its data marker), stage.html (the
// frame that hosts the WebAssembly module and its Ebiten canvas), the
// scripts (embed.js marks a page asked for with ?embed before it draws), the style sheets (stage.css is the frame's) and the icon.
// internal/site assembles them with the built module.
package web

import "embed"

// Files are the page's static files.
//
//go:embed index.html stage.html app.js embed.js stage.js style.css stage.css favicon.svg
var Files embed.FS

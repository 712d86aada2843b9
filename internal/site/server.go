package site

import (
	"net/http"
	"time"
)

// CSP is the page's Content-Security-Policy: exactly what the playground
// needs and nothing else. Scripts, styles, the icon, the stage frame and
// the module's fetch all come from the site itself; 'wasm-unsafe-eval'
// lets the browser compile the Go WebAssembly module. No inline script or
// style, no eval, no plugin, no form, no <base>. index.html and
// stage.html carry it in a <meta> element too, so a static host that
// sends no header still applies it.
const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; " +
	"connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'"

// HeaderCSP is the policy the server sends: CSP, and only the site itself
// may frame its pages (a directive a <meta> element cannot carry).
const HeaderCSP = CSP + "; frame-ancestors 'self'"

// EmbedCSP is the policy the server sends for a request with ?embed: the
// page as a course page frames it (index.html?embed) and the stage frame
// that page loads (stage.html?...&embed). It is CSP without
// frame-ancestors, so a page of any site may frame them; everything else
// stays as strict. (A static host sends no header, so its pages may be
// framed anywhere.)
const EmbedCSP = CSP

// policy is the Content-Security-Policy header for a request.
func policy(r *http.Request) string {
	if r.URL.Query().Has("embed") {
		return EmbedCSP
	}
	return HeaderCSP
}

// The server's limits. A request is a GET with a few headers, so reading
// one is quick; a connection left idle is closed so that idle clients
// cannot pile up until the process runs out of file descriptors.
const (
	ReadHeaderTimeout = 10 * time.Second
	ReadTimeout       = 30 * time.Second
	IdleTimeout       = 60 * time.Second
	WriteTimeout      = 30 * time.Second // for a page file; see WriteTime
	MaxHeaderBytes    = 64 << 10

	// minRate is the slowest link WriteTime allows for: 64 KB/s, a
	// poor mobile connection. The uncompressed module (about 18 MB, for a
	// client that accepts no compression) takes under five minutes at it.
	minRate = 64 << 10
)

// WriteTime is how long the server gives itself to send a body of n
// bytes: WriteTimeout plus the time n bytes take at minRate.
func WriteTime(n int) time.Duration {
	return WriteTimeout + time.Duration(n)*time.Second/minRate
}

// NewServer returns an http.Server for h with the limits above:
// connections that send their request too slowly, or sit idle, are
// closed, and each response has time to reach a slow client (ServeHTTP
// extends the write deadline by the body's size).
func NewServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: ReadHeaderTimeout,
		ReadTimeout:       ReadTimeout,
		WriteTimeout:      WriteTimeout,
		IdleTimeout:       IdleTimeout,
		MaxHeaderBytes:    MaxHeaderBytes,
	}
}

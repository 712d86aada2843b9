// Package e2e tests the playground in a real browser: Debian's headless
// Chromium, driven by chromedp, against the page as `go run .` serves it
// and as `go run . build DIR` writes it. The package has only tests; they
// skip loudly when Chromium is missing, and fail when CI is set.
package e2e

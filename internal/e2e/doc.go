// Package e2e tests the playground in a real browser: Debian's headless
// Chromium, driven by chromedp, against the page as `go run .` serves it
// and as `go run . build DIR` writes it. The package has only tests; they
// skip loudly when Chromium is missing, and fail when CI is set.
//
// The suite must fit in go test's default 10 minutes on a busy 2-core
// machine, so: one browser for the run and one module build (cached); the
// tests share one tab on the served site, and a test that needs a fresh
// page opens a tab of its own and closes it, since every open tab keeps
// drawing; the static site, which serves the same files, is loaded and
// played by one test; tests wait for conditions (a state, a number of
// frames or ticks), never for a fixed time; screenshots are taken where a
// test checks the image or a reviewer looks at it (LOOPSCOPE_ARTIFACTS).
// Every tab records Content-Security-Policy violations in all its frames.
package e2e

// Package beyond tests, in a real browser, what the playground has that
// no other visualizer has (issue #11): share links, the transcript, the
// Depends, I/O and await views, predicting the output, mistakes, stepping
// by unit and breakpoints, embedding. It is a package of its own so that
// each package of browser tests stays well within go test's default 10
// minutes; its harness is package browser, and it keeps the rules of
// package e2e (one shared tab, conditions not fixed waits, screenshots in
// LOOPSCOPE_ARTIFACTS).
package beyond

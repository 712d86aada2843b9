package beyond

import (
	"testing"

	"loopscope/internal/e2e/browser"
)

// page is the harness's page with the helpers this package's tests add.
type page struct{ *browser.Page }

// open returns the target's shared tab, as browser.Open does.
func open(t *testing.T, tg browser.Target) *page { t.Helper(); return &page{browser.Open(t, tg)} }

// openOwn loads the playground in a tab of the test's own, as
// browser.OpenOwn does.
func openOwn(t *testing.T, tg browser.Target) *page { t.Helper(); return &page{browser.OpenOwn(t, tg)} }

// openScene returns the target's shared tab (as open does: English,
// 1440x900, the loop view) with scene loaded and paused.
func openScene(t *testing.T, tg browser.Target, scene string) *page {
	t.Helper()
	p := open(t, tg)
	p.Eval(`loopscope.load(`+browser.JSString(scene)+`)`, nil)
	p.Eval(`loopscope.pause()`, nil)
	return p
}

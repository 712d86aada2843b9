package e2e

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

// openFailingModule opens the playground in a tab of its own whose
// request for the module fails, as browser.OpenFailingModule does.
func openFailingModule(t *testing.T, tg browser.Target) *page {
	t.Helper()
	return &page{browser.OpenFailingModule(t, tg)}
}

package e2e

import (
	"os"
	"testing"

	"loopscope/internal/e2e/browser"
)

func TestMain(m *testing.M) {
	os.Exit(browser.Main(m))
}

package engine

import (
	"testing"

	"golang.org/x/text/width"
)

// TestWideRanges checks wideRanges against golang.org/x/text/width (the
// same Unicode version) at every rune.
func TestWideRanges(t *testing.T) {
	if width.UnicodeVersion != "15.0.0" {
		t.Fatalf("x/text/width has Unicode %s: update wideRanges and its comment", width.UnicodeVersion)
	}
	for r := rune(0); r <= 0x10FFFF; r++ {
		k := width.LookupRune(r).Kind()
		want := k == width.EastAsianWide || k == width.EastAsianFullwidth
		if got := wideRune(r); got != want {
			t.Fatalf("wideRune(%U) = %v, want %v", r, got, want)
		}
	}
}

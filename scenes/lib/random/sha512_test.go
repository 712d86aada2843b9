package random

import (
	"crypto/sha512"
	"testing"
)

// TestSHA512 checks sha512Sum against crypto/sha512 at every length
// around the 128-byte block and its 112-byte padding boundary.
func TestSHA512(t *testing.T) {
	data := make([]byte, 600)
	for i := range data {
		data[i] = byte(i*7 + i>>3)
	}
	for n := range len(data) {
		if got, want := sha512Sum(data[:n]), sha512.Sum512(data[:n]); got != want {
			t.Fatalf("sha512Sum of %d bytes = %x, want %x", n, got, want)
		}
	}
}

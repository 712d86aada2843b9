//go:build !js

package syntax

import "golang.org/x/text/unicode/norm"

// normalizeIdent returns the NFKC form of a non-ASCII identifier, as
// CPython normalises every identifier (PEP 3131).
func normalizeIdent(s string) string { return norm.NFKC.String(s) }

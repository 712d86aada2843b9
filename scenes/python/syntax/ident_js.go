//go:build js

package syntax

// normalizeIdent leaves identifiers as written in the WebAssembly module:
// the NFKC tables would add 55 KB (gzip) to a module kept under its size
// budget, and scenes written for the page do not spell names with
// compatibility characters. The command line normalises (ident_norm.go).
func normalizeIdent(s string) string { return s }

// Command langdoc writes LANGUAGE.md, the reference of the Python scenes
// can use, from the module registry (see internal/langdoc). Run it from
// the repository's top: go run ./tools/langdoc (or go generate ./...).
package main

import (
	"fmt"
	"os"

	"loopscope/internal/langdoc"
)

func main() {
	out := "LANGUAGE.md"
	if len(os.Args) > 1 {
		out = os.Args[1]
	}
	if err := os.WriteFile(out, []byte(langdoc.Markdown()), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "langdoc:", err)
		os.Exit(1)
	}
}

package langdoc

import (
	"os"
	"strings"
	"testing"

	"loopscope/scenes/python/modules"
)

// TestLanguageMDIsCurrent fails when LANGUAGE.md is not what the
// registry and the resolver's tables give today.
func TestLanguageMDIsCurrent(t *testing.T) {
	got, err := os.ReadFile("../../LANGUAGE.md")
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != Markdown() {
		t.Fatal("LANGUAGE.md is stale: run `go generate ./...` (or `go run ./tools/langdoc`) and commit it")
	}
}

// TestEveryNameListed checks that every module and member of the
// registry appears in the reference.
func TestEveryNameListed(t *testing.T) {
	md := Markdown()
	for _, s := range modules.All() {
		if s.Package {
			continue // "concurrent": only its modules are listed
		}
		if !strings.Contains(md, "`"+s.Name+"`") && !strings.Contains(md, "### "+s.Name+"\n") {
			t.Errorf("module %s is not in LANGUAGE.md", s.Name)
		}
		for _, m := range s.Members {
			if !strings.Contains(md, "`"+m.Name+"`") && !strings.Contains(md, "`"+s.Name+"."+m.Name+"`") {
				t.Errorf("%s.%s is not in LANGUAGE.md", s.Name, m.Name)
			}
		}
	}
}

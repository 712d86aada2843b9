package py

import (
	"testing"

	"loopscope/scenes/python/resolve"
)

func TestSmoke(t *testing.T) {
	out, err := runSource(t, "x = 1\nprint(x + 2, 'hi', [1, 2.5, None], {'a': (1,)})\n")
	if err != nil {
		t.Fatal(err)
	}
	if out != "3 hi [1, 2.5, None] {'a': (1,)}\n" {
		t.Fatalf("got %q", out)
	}
}

// TestEveryResolverBuiltinExists checks that each name the resolver lets
// scenes use as a builtin has a value here.
func TestEveryResolverBuiltinExists(t *testing.T) {
	for _, name := range resolve.Builtins {
		if name == "__name__" || name == "__file__" {
			continue
		}
		if builtinValues[name] == nil {
			t.Errorf("builtin %s is missing", name)
		}
	}
}

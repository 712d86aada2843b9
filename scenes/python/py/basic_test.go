package py

import "testing"

func TestSmoke(t *testing.T) {
	out, err := runSource(t, "x = 1\nprint(x + 2, 'hi', [1, 2.5, None], {'a': (1,)})\n")
	if err != nil {
		t.Fatal(err)
	}
	if out != "3 hi [1, 2.5, None] {'a': (1,)}\n" {
		t.Fatalf("got %q", out)
	}
}

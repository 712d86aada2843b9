package itertools

import (
	"testing"

	"loopscope/scenes/python/py"
)

// TestReprs checks the reprs of count and repeat (the others print as
// <itertools.chain object at 0x...>), as CPython 3.11 writes them.
func TestReprs(t *testing.T) {
	mk := func(typ string, a ...py.Value) py.Value {
		v, err := types[typ].New(nil, types[typ], a, nil)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	used := mk("repeat", py.Str("a"), py.Int(3))
	if _, _, err := used.(py.Iterator).Next(nil); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		v    py.Value
		want string
	}{
		{mk("count"), "count(0)"},
		{mk("count", py.Int(5)), "count(5)"},
		{mk("count", py.Int(0), py.Int(2)), "count(0, 2)"},
		{mk("count", py.Float(0.5), py.Float(0.25)), "count(0.5, 0.25)"},
		{mk("count", py.Int(2), py.Float(1)), "count(2, 1.0)"},
		{mk("repeat", py.Int(1)), "repeat(1)"},
		{mk("repeat", py.Int(1), py.Int(-2)), "repeat(1, 0)"},
		{used, "repeat('a', 2)"},
	} {
		got, err := py.Repr(nil, c.v)
		if err != nil || got != c.want {
			t.Errorf("repr = %q, %v; want %q", got, err, c.want)
		}
	}
}

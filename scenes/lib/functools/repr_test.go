package functools

import (
	"testing"

	"loopscope/scenes/python/py"
)

// TestReprs checks partial's and CacheInfo's reprs, as CPython 3.11 writes them.
func TestReprs(t *testing.T) {
	max := py.Builtins("max")
	p, err := PartialType.New(nil, PartialType, []py.Value{max, py.Int(1), py.Str("a")}, []py.Kwarg{{Name: "key", Value: py.None}})
	if err != nil {
		t.Fatal(err)
	}
	info, err := cacheInfoClass.New([]py.Value{py.Int(3), py.Int(2), py.None, py.Int(2)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		v    py.Value
		want string
	}{
		{p, "functools.partial(<built-in function max>, 1, 'a', key=None)"},
		{info, "CacheInfo(hits=3, misses=2, maxsize=None, currsize=2)"},
	} {
		got, err := py.Repr(nil, c.v)
		if err != nil || got != c.want {
			t.Errorf("repr = %q, %v; want %q", got, err, c.want)
		}
	}
}

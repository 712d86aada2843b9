package enum

import (
	"testing"

	"loopscope/scenes/python/py"
)

// TestReprs checks an enumeration's and its members' reprs and strs, as
// CPython 3.11 writes them.
func TestReprs(t *testing.T) {
	enum, intEnum, err := newBases()
	if err != nil {
		t.Fatal(err)
	}
	mk := func(base *py.Type, name string, values ...py.Value) *py.Type {
		ns := py.NewDict()
		for i, v := range values {
			ns.SetStr(string(rune('A'+i)), v)
		}
		cls, err := py.NewClass(name, name, "__main__", []*py.Type{base}, ns)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := initSubclass(nil, cls, nil, nil); err != nil {
			t.Fatal(err)
		}
		return cls
	}
	color := mk(enum, "Color", py.Int(1), py.Str("g"), auto{})
	num := mk(intEnum, "Num", py.Int(7))
	th := py.NewThread(nil, "test", 1)
	for _, c := range []struct {
		v         py.Value
		repr, str string
	}{
		{color, "<enum 'Color'>", "<enum 'Color'>"},
		{color.Attrs["A"], "<Color.A: 1>", "Color.A"},
		{color.Attrs["B"], "<Color.B: 'g'>", "Color.B"},
		{color.Attrs["C"], "<Color.C: 2>", "Color.C"},
		{num.Attrs["A"], "<Num.A: 7>", "7"},
	} {
		r, err := py.Repr(th, c.v)
		if err != nil || r != c.repr {
			t.Errorf("repr = %q, %v; want %q", r, err, c.repr)
		}
		s, err := py.ToStr(th, c.v)
		if err != nil || s != c.str {
			t.Errorf("str = %q, %v; want %q", s, err, c.str)
		}
	}
}

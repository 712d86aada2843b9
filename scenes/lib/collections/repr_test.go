package collections

import (
	"testing"

	"loopscope/scenes/python/py"
)

// TestReprs checks the reprs CPython 3.11 writes for each container.
func TestReprs(t *testing.T) {
	d := NewDeque(-1)
	d.Append(py.Int(1))
	d.Append(py.Str("a"))
	bounded := NewDeque(2)
	for i := 0; i < 3; i++ {
		bounded.Append(py.Int(i))
	}
	dd := NewDefaultDict(py.ListType)
	dd.SetStr("k", py.NewList([]py.Value{py.Int(1)}))
	counter, err := CounterType.New(nil, CounterType, []py.Value{py.Str("abracadabra")}, nil)
	if err != nil {
		t.Fatal(err)
	}
	empty, _ := CounterType.New(nil, CounterType, nil, nil)
	od, _ := OrderedDictType.New(nil, OrderedDictType, nil, []py.Kwarg{{Name: "b", Value: py.Int(2)}, {Name: "a", Value: py.Int(1)}})
	emptyOD, _ := OrderedDictType.New(nil, OrderedDictType, nil, nil)
	point := NewNamedTupleClass("Point", "__main__", []string{"x", "y"}, []py.Value{py.Int(0)})
	p, err := point.New([]py.Value{py.Float(1.5)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		v    py.Value
		want string
	}{
		{d, "deque([1, 'a'])"},
		{NewDeque(-1), "deque([])"},
		{bounded, "deque([1, 2], maxlen=2)"},
		{dd, "defaultdict(<class 'list'>, {'k': [1]})"},
		{NewDefaultDict(py.None), "defaultdict(None, {})"},
		{counter, "Counter({'a': 5, 'b': 2, 'r': 2, 'c': 1, 'd': 1})"},
		{empty, "Counter()"},
		{od, "OrderedDict([('b', 2), ('a', 1)])"},
		{emptyOD, "OrderedDict()"},
		{p, "Point(x=1.5, y=0)"},
		{point.Type, "<class '__main__.Point'>"},
	} {
		got, err := py.Repr(nil, c.v)
		if err != nil || got != c.want {
			t.Errorf("repr = %q, %v; want %q", got, err, c.want)
		}
	}
}

package functools

import (
	"loopscope/scenes/lib/internal/args"
	"loopscope/scenes/python/py"
)

// conversion is one method total_ordering writes: its name, the root
// method it calls, and how it turns the root's result into its own.
type conversion struct {
	name string
	// from maps the root's result r (already known not NotImplemented)
	// and the lazily computed self == other to the answer.
	from func(r bool, eq func() (bool, error)) (bool, error)
}

func notR(r bool, _ func() (bool, error)) (bool, error) { return !r, nil }

func rOrEq(r bool, eq func() (bool, error)) (bool, error) {
	if r {
		return true, nil
	}
	return eq()
}

func notROrEq(r bool, eq func() (bool, error)) (bool, error) {
	if !r {
		return true, nil
	}
	return eq()
}

func rAndNe(r bool, eq func() (bool, error)) (bool, error) {
	if !r {
		return false, nil
	}
	e, err := eq()
	return !e, err
}

func notRAndNe(r bool, eq func() (bool, error)) (bool, error) {
	if r {
		return false, nil
	}
	e, err := eq()
	return !e, err
}

// convert is functools._convert: for each root, the methods derived from
// it, in the order CPython adds them.
var convert = map[string][]conversion{
	"__lt__": {{"__gt__", notRAndNe}, {"__le__", rOrEq}, {"__ge__", notR}},
	"__le__": {{"__ge__", notROrEq}, {"__lt__", rAndNe}, {"__gt__", notR}},
	"__gt__": {{"__lt__", notRAndNe}, {"__ge__", rOrEq}, {"__le__", notR}},
	"__ge__": {{"__le__", notROrEq}, {"__gt__", rAndNe}, {"__lt__", notR}},
}

// totalOrdering is functools.total_ordering(cls): the ordering methods
// the class lacks, written from the one it defines (the last of __lt__,
// __le__, __gt__, __ge__ in that order of preference: max by name).
func totalOrdering(t *py.Thread, _ py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
	p, err := args.Parse("total_ordering", a, kw, []string{"cls"}, 1)
	if err != nil {
		return nil, err
	}
	cls, ok := p[0].(*py.Type)
	if !ok || !cls.IsClass() {
		return nil, py.Errorf(py.TypeErrorType, "total_ordering() should decorate a class defined in the scene")
	}
	roots := map[string]bool{}
	root := ""
	for _, op := range []string{"__lt__", "__le__", "__gt__", "__ge__"} {
		if cls.Lookup(op) != nil {
			roots[op] = true
			if op > root {
				root = op
			}
		}
	}
	if root == "" {
		return nil, py.Errorf(py.ValueErrorType, "must define at least one ordering operation: < > <= >=")
	}
	for _, c := range convert[root] {
		if roots[c.name] {
			continue
		}
		c, root := c, root
		cls.SetClassAttr(c.name, &py.NativeMethod{Name: c.name, Fn: func(t *py.Thread, self py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := args.Count(c.name, a, 1, 1); err != nil {
				return nil, err
			}
			other := a[0]
			fn, err := py.GetAttr(t, self.Type(), root)
			if err != nil {
				return nil, err
			}
			r, err := t.Call(fn, []py.Value{self, other}, nil)
			if err != nil {
				return nil, err
			}
			if r == py.NotImplemented {
				return r, nil
			}
			v, err := c.from(py.Truth(r), func() (bool, error) { return py.Equal(t, self, other) })
			return py.Bool(v), err
		}})
	}
	return cls, nil
}

// cmpToKey is functools.cmp_to_key(mycmp): a class K whose instances
// compare by the sign of mycmp(a, b).
func cmpToKey(t *py.Thread, _ py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
	p, err := args.Parse("cmp_to_key", a, kw, []string{"mycmp"}, 1)
	if err != nil {
		return nil, err
	}
	cmp := p[0]
	ns := py.NewDict()
	obj := func(v py.Value) (py.Value, bool) {
		o, ok := v.(*py.Instance)
		if !ok {
			return nil, false
		}
		return o.Dict.GetStr("obj")
	}
	ns.SetStr("__init__", &py.NativeMethod{Name: "K.__init__", Fn: func(t *py.Thread, self py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
		vals, err := args.Bind("K.__init__", []string{"obj"}, 0, a, kw)
		if err != nil {
			return nil, err
		}
		self.(*py.Instance).Dict.SetStr("obj", vals[0])
		return py.None, nil
	}})
	for _, c := range []struct {
		name string
		op   py.CompareOp
	}{{"__lt__", py.OpLT}, {"__le__", py.OpLE}, {"__gt__", py.OpGT}, {"__ge__", py.OpGE}, {"__eq__", py.OpEQ}} {
		c := c
		ns.SetStr(c.name, &py.NativeMethod{Name: "K." + c.name, Fn: func(t *py.Thread, self py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := args.Count(c.name, a, 1, 1); err != nil {
				return nil, err
			}
			x, _ := obj(self)
			y, ok := obj(a[0])
			if !ok || a[0].Type() != self.Type() {
				return nil, py.Errorf(py.TypeErrorType, "other argument must be K instance")
			}
			r, err := t.Call(cmp, []py.Value{x, y}, nil)
			if err != nil {
				return nil, err
			}
			b, err := py.Compare(t, c.op, r, py.Int(0))
			return py.Bool(b), err
		}})
	}
	return py.NewClass("K", "K", "functools", nil, ns)
}

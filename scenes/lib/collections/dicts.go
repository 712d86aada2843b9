package collections

import (
	"sort"

	"loopscope/scenes/lib/internal/args"
	"loopscope/scenes/python/py"
)

// The dict subclasses: their instances are *py.Dict values whose Class is
// one of these, so every builtin that takes a dict takes them.
var (
	DefaultDictType  = &py.Type{Name: "defaultdict", Module: "collections", Base: py.DictType}
	CounterType      = &py.Type{Name: "Counter", Module: "collections", Base: py.DictType}
	OrderedDictType  = &py.Type{Name: "OrderedDict", Module: "collections", Base: py.DictType}
	defaultDictClass = &py.DictClass{Type: DefaultDictType}
	counterClass     = &py.DictClass{Type: CounterType}
	orderedDictClass = &py.DictClass{Type: OrderedDictType}
)

// plainDict builds a dict from dict()'s arguments.
func plainDict(t *py.Thread, a []py.Value, kw []py.Kwarg) (*py.Dict, error) {
	v, err := py.DictType.New(t, py.DictType, a, kw)
	if err != nil {
		return nil, err
	}
	return v.(*py.Dict), nil
}

func method(typ *py.Type, name string, fn func(t *py.Thread, d *py.Dict, a []py.Value, kw []py.Kwarg) (py.Value, error)) *py.Builtin {
	return args.Method(typ, name, fn)
}

// NewDefaultDict returns an empty defaultdict whose missing keys get
// factory() (None: no factory, KeyError as a dict).
func NewDefaultDict(factory py.Value) *py.Dict {
	d := py.NewDict()
	d.Class, d.Data = defaultDictClass, factory
	return d
}

func init() {
	DefaultDictType.New = func(t *py.Thread, _ py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
		factory := py.Value(py.None)
		if len(a) > 0 {
			factory = a[0]
			a = a[1:]
			if factory != py.None && !py.IsCallable(factory) {
				return nil, py.Errorf(py.TypeErrorType, "first argument must be callable or None")
			}
		}
		d, err := plainDict(t, a, kw)
		if err != nil {
			return nil, err
		}
		d.Class, d.Data = defaultDictClass, factory
		return d, nil
	}
	defaultDictClass.Missing = func(t *py.Thread, d *py.Dict, key py.Value) (py.Value, error) {
		if d.Data == nil || d.Data == py.None {
			return nil, py.NewException(py.KeyErrorType, key)
		}
		v, err := t.Call(d.Data, nil, nil)
		if err != nil {
			return nil, err
		}
		return v, d.SetItem(t, key, v)
	}
	defaultDictClass.Repr = func(t *py.Thread, d *py.Dict) (string, error) {
		f, err := py.Repr(t, d.Data)
		if err != nil {
			return "", err
		}
		s, err := py.Repr(t, d.Copy())
		return "defaultdict(" + f + ", " + s + ")", err
	}
	defaultDictClass.Attr = func(t *py.Thread, d *py.Dict, name string) (py.Value, error) {
		if name == "default_factory" {
			return d.Data, nil
		}
		return nil, nil
	}
	defaultDictClass.Methods = map[string]*py.Builtin{
		"copy": method(DefaultDictType, "copy", func(t *py.Thread, d *py.Dict, a []py.Value, kw []py.Kwarg) (py.Value, error) {
			c := d.Copy()
			c.Class, c.Data = d.Class, d.Data
			return c, nil
		}),
	}

	CounterType.New = func(t *py.Thread, _ py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
		if err := args.Count("Counter", a, 0, 1); err != nil {
			return nil, err
		}
		d := py.NewDict()
		d.Class = counterClass
		return d, counterUpdate(t, d, a, kw, py.OpAdd)
	}
	counterClass.Missing = func(t *py.Thread, d *py.Dict, key py.Value) (py.Value, error) {
		return py.Int(0), nil
	}
	counterClass.Repr = func(t *py.Thread, d *py.Dict) (string, error) {
		if d.Len() == 0 {
			return "Counter()", nil
		}
		items, err := mostCommon(t, d)
		plain := d.Copy()
		if err == nil {
			plain = py.NewDict()
			for _, it := range items {
				if err := plain.SetItem(t, it[0], it[1]); err != nil {
					return "", err
				}
			}
		}
		s, err := py.Repr(t, plain)
		return "Counter(" + s + ")", err
	}
	counterClass.Binary = counterBinary
	counterClass.Methods = map[string]*py.Builtin{
		"most_common": method(CounterType, "most_common", func(t *py.Thread, d *py.Dict, a []py.Value, kw []py.Kwarg) (py.Value, error) {
			p, err := args.Parse("most_common", a, kw, []string{"n"}, 0)
			if err != nil {
				return nil, err
			}
			items, err := mostCommon(t, d)
			if err != nil {
				return nil, err
			}
			if p[0] != nil && p[0] != py.None {
				n, err := py.AsIndex(p[0])
				if err != nil {
					return nil, err
				}
				if n < 0 {
					n = 0
				}
				if n < int64(len(items)) {
					items = items[:n]
				}
			}
			out := make([]py.Value, len(items))
			for i, it := range items {
				out[i] = py.Tuple{it[0], it[1]}
			}
			return py.NewList(out), nil
		}),
		"update": method(CounterType, "update", func(t *py.Thread, d *py.Dict, a []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := args.Count("update", a, 0, 1); err != nil {
				return nil, err
			}
			return py.None, counterUpdate(t, d, a, kw, py.OpAdd)
		}),
		"subtract": method(CounterType, "subtract", func(t *py.Thread, d *py.Dict, a []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := args.Count("subtract", a, 0, 1); err != nil {
				return nil, err
			}
			return py.None, counterUpdate(t, d, a, kw, py.OpSub)
		}),
		"total": method(CounterType, "total", func(t *py.Thread, d *py.Dict, a []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := args.Count("total", a, 0, 0); err != nil {
				return nil, err
			}
			var sum py.Value = py.Int(0)
			for _, it := range d.Items() {
				var err error
				if sum, err = py.Binary(t, py.OpAdd, sum, it[1]); err != nil {
					return nil, err
				}
			}
			return sum, nil
		}),
		"elements": method(CounterType, "elements", func(t *py.Thread, d *py.Dict, a []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := args.Count("elements", a, 0, 0); err != nil {
				return nil, err
			}
			var out []py.Value
			for _, it := range d.Items() {
				n, err := py.AsIndex(it[1])
				if err != nil {
					return nil, err
				}
				for ; n > 0; n-- {
					out = append(out, it[0])
				}
			}
			return py.GetIter(t, py.NewList(out))
		}),
		"copy": method(CounterType, "copy", func(t *py.Thread, d *py.Dict, a []py.Value, kw []py.Kwarg) (py.Value, error) {
			c := d.Copy()
			c.Class = d.Class
			return c, nil
		}),
	}

	OrderedDictType.New = func(t *py.Thread, _ py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
		if len(a) > 1 {
			return nil, py.Errorf(py.TypeErrorType, "expected at most 1 arguments, got %d", len(a))
		}
		d, err := plainDict(t, a, kw)
		if err != nil {
			return nil, err
		}
		d.Class = orderedDictClass
		return d, nil
	}
	orderedDictClass.Repr = func(t *py.Thread, d *py.Dict) (string, error) {
		if d.Len() == 0 {
			return "OrderedDict()", nil
		}
		items := d.Items()
		l := make([]py.Value, len(items))
		for i, it := range items {
			l[i] = py.Tuple{it[0], it[1]}
		}
		s, err := py.Repr(t, py.NewList(l))
		return "OrderedDict(" + s + ")", err
	}
	orderedDictClass.Methods = map[string]*py.Builtin{
		"move_to_end": method(OrderedDictType, "move_to_end", func(t *py.Thread, d *py.Dict, a []py.Value, kw []py.Kwarg) (py.Value, error) {
			p, err := args.Parse("move_to_end", a, kw, []string{"key", "last"}, 1)
			if err != nil {
				return nil, err
			}
			v, found, err := d.Delete(t, p[0])
			if err != nil {
				return nil, err
			}
			if !found {
				return nil, py.NewException(py.KeyErrorType, p[0])
			}
			if p[1] == nil || py.Truth(p[1]) {
				return py.None, d.SetItem(t, p[0], v)
			}
			rest := d.Items()
			d.Clear()
			if err := d.SetItem(t, p[0], v); err != nil {
				return nil, err
			}
			for _, it := range rest {
				if err := d.SetItem(t, it[0], it[1]); err != nil {
					return nil, err
				}
			}
			return py.None, nil
		}),
		"popitem": method(OrderedDictType, "popitem", func(t *py.Thread, d *py.Dict, a []py.Value, kw []py.Kwarg) (py.Value, error) {
			p, err := args.Parse("popitem", a, kw, []string{"last"}, 0)
			if err != nil {
				return nil, err
			}
			items := d.Items()
			if len(items) == 0 {
				return nil, py.Errorf(py.KeyErrorType, "dictionary is empty")
			}
			it := items[len(items)-1]
			if p[0] != nil && !py.Truth(p[0]) {
				it = items[0]
			}
			if _, _, err := d.Delete(t, it[0]); err != nil {
				return nil, err
			}
			return py.Tuple{it[0], it[1]}, nil
		}),
		"copy": method(OrderedDictType, "copy", func(t *py.Thread, d *py.Dict, a []py.Value, kw []py.Kwarg) (py.Value, error) {
			c := d.Copy()
			c.Class = d.Class
			return c, nil
		}),
	}
}

// counterUpdate adds (or subtracts) counts: from a mapping its values,
// from another iterable one per item, then the keyword arguments.
func counterUpdate(t *py.Thread, d *py.Dict, a []py.Value, kw []py.Kwarg, op py.BinOp) error {
	add := func(k, n py.Value) error {
		old, found, err := d.Get(t, k)
		if err != nil {
			return err
		}
		if !found {
			old = py.Int(0)
		}
		v, err := py.Binary(t, op, old, n)
		if err != nil {
			return err
		}
		return d.SetItem(t, k, v)
	}
	if len(a) == 1 && a[0] != py.None {
		if src, ok := a[0].(*py.Dict); ok {
			for _, it := range src.Items() {
				if err := add(it[0], it[1]); err != nil {
					return err
				}
			}
		} else if err := py.Iterate(t, a[0], func(k py.Value) error { return add(k, py.Int(1)) }); err != nil {
			return err
		}
	}
	for _, k := range kw {
		if err := add(py.Str(k.Name), k.Value); err != nil {
			return err
		}
	}
	return nil
}

// mostCommon returns the items by count, largest first; equal counts keep
// insertion order (sorted(..., reverse=True) is stable).
func mostCommon(t *py.Thread, d *py.Dict) ([][2]py.Value, error) {
	items := d.Items()
	var err error
	sort.SliceStable(items, func(i, j int) bool {
		if err != nil {
			return false
		}
		gt, e := py.Compare(t, py.OpGT, items[i][1], items[j][1])
		if e != nil {
			err = e
		}
		return gt
	})
	return items, err
}

// counterBinary is Counter's + - | & with another Counter: a new Counter
// of the positive results, as collections.Counter's operators make it.
func counterBinary(t *py.Thread, op py.BinOp, d *py.Dict, y py.Value) (py.Value, error) {
	o, ok := y.(*py.Dict)
	if !ok || o.Class != counterClass {
		return nil, nil
	}
	switch op {
	case py.OpAdd, py.OpSub, py.OpOr, py.OpAnd:
	default:
		return nil, nil
	}
	out := py.NewDict()
	out.Class = counterClass
	zero := py.Value(py.Int(0))
	positive := func(v py.Value) (bool, error) { return py.Compare(t, py.OpGT, v, zero) }
	for _, it := range d.Items() {
		other, found, err := o.Get(t, it[0])
		if err != nil {
			return nil, err
		}
		if !found {
			other = zero
		}
		var v py.Value
		switch op {
		case py.OpAdd, py.OpSub:
			if v, err = py.Binary(t, op, it[1], other); err != nil {
				return nil, err
			}
		case py.OpOr, py.OpAnd:
			less, err := py.Compare(t, py.OpLT, it[1], other)
			if err != nil {
				return nil, err
			}
			if less == (op == py.OpOr) {
				v = other
			} else {
				v = it[1]
			}
		}
		if pos, err := positive(v); err != nil {
			return nil, err
		} else if pos {
			if err := out.SetItem(t, it[0], v); err != nil {
				return nil, err
			}
		}
	}
	if op == py.OpAnd {
		return out, nil
	}
	for _, it := range o.Items() {
		_, found, err := d.Get(t, it[0])
		if err != nil {
			return nil, err
		}
		if found {
			continue
		}
		v := it[1]
		if op == py.OpSub {
			neg, err := py.Compare(t, py.OpLT, v, zero)
			if err != nil || !neg {
				if err != nil {
					return nil, err
				}
				continue
			}
			if v, err = py.Binary(t, py.OpSub, zero, v); err != nil {
				return nil, err
			}
		} else if pos, err := positive(v); err != nil {
			return nil, err
		} else if !pos {
			continue
		}
		if err := out.SetItem(t, it[0], v); err != nil {
			return nil, err
		}
	}
	return out, nil
}

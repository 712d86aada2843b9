// Package itertools is Python's itertools module for scenes: the lazy
// iterators (count, cycle, repeat, islice, chain, zip_longest, groupby,
// accumulate, starmap, takewhile, dropwhile, tee, ...) and the
// combinatoric ones (product, permutations, combinations), as CPython 3.11
// has them: the same items, reprs and messages, and the same laziness (an
// item is taken from the underlying iterator only when needed).
package itertools

import (
	"strconv"

	"loopscope/scenes/lib/internal/args"
	"loopscope/scenes/python/modules"
	"loopscope/scenes/python/py"
)

// Spec is the module's entry in the registry.
var Spec = &modules.Spec{
	Name: "itertools",
	Doc:  "Iterators that are lazy, as CPython's: each takes an item from the iterators it wraps only when asked for one.",
	Members: []modules.Member{
		{Name: "accumulate", Doc: "Running totals (or running results of a two-argument function), with an optional initial value."},
		{Name: "chain", Doc: "The items of several iterables one after the other; chain.from_iterable takes the iterables from an iterable."},
		{Name: "combinations", Doc: "The r-length combinations of the items, in order."},
		{Name: "combinations_with_replacement", Doc: "The r-length combinations of the items, an item allowed more than once."},
		{Name: "compress", Doc: "The items whose selector is true."},
		{Name: "count", Doc: "start, start+step, start+2*step, ... without end."},
		{Name: "cycle", Doc: "The items of an iterable over and over."},
		{Name: "dropwhile", Doc: "The items from the first one for which the predicate is false."},
		{Name: "filterfalse", Doc: "The items for which the predicate is false."},
		{Name: "groupby", Doc: "Runs of consecutive items with the same key, as (key, group) pairs."},
		{Name: "islice", Doc: "Items start, start+step, ... before stop, of any iterator."},
		{Name: "pairwise", Doc: "Overlapping pairs of consecutive items."},
		{Name: "permutations", Doc: "The r-length orderings of the items."},
		{Name: "product", Doc: "The cartesian product of iterables (repeat= to multiply one by itself)."},
		{Name: "repeat", Doc: "One object over and over, times times or without end."},
		{Name: "starmap", Doc: "f(*args) for each args of an iterable."},
		{Name: "takewhile", Doc: "The items until the first one for which the predicate is false."},
		{Name: "tee", Doc: "n independent iterators over one iterator."},
		{Name: "zip_longest", Doc: "Tuples of the iterables' items, padded with fillvalue until the longest ends."},
	},
}

func init() {
	py.RegisterModule(Spec, func(py.Host) (py.Value, error) { return New(), nil })
}

// New returns a fresh itertools module.
func New() *py.Module {
	m := map[string]py.Value{}
	for name, typ := range types {
		m[name] = typ
	}
	m["tee"] = py.NewBuiltin("tee", tee)
	return py.NewModule("itertools", m)
}

func newType(name string, fn py.BuiltinFunc) *py.Type {
	return &py.Type{Name: name, Module: "itertools", Base: py.ObjectType, New: fn}
}

// iterator is one of the module's iterators: its type and its step.
type iterator struct {
	typ  *py.Type
	next func(t *py.Thread) (py.Value, bool, error)
}

func (it *iterator) Type() *py.Type { return it.typ }

func (it *iterator) Next(t *py.Thread) (py.Value, bool, error) { return it.next(t) }

// reprIterator is an iterator with a repr of its own (count, repeat).
type reprIterator struct {
	iterator
	repr func(t *py.Thread) (string, error)
}

func (it *reprIterator) Repr(t *py.Thread) (string, error) { return it.repr(t) }

var types map[string]*py.Type

func init() {
	types = map[string]*py.Type{
		"accumulate":                    newType("accumulate", accumulate),
		"chain":                         newType("chain", chain),
		"combinations":                  newType("combinations", combinations),
		"combinations_with_replacement": newType("combinations_with_replacement", combinationsWithReplacement),
		"compress":                      newType("compress", compress),
		"count":                         newType("count", count),
		"cycle":                         newType("cycle", cycle),
		"dropwhile":                     newType("dropwhile", dropwhile),
		"filterfalse":                   newType("filterfalse", filterfalse),
		"groupby":                       newType("groupby", groupby),
		"islice":                        newType("islice", islice),
		"pairwise":                      newType("pairwise", pairwise),
		"permutations":                  newType("permutations", permutations),
		"product":                       newType("product", product),
		"repeat":                        newType("repeat", repeat),
		"starmap":                       newType("starmap", starmap),
		"takewhile":                     newType("takewhile", takewhile),
		"zip_longest":                   newType("zip_longest", zipLongest),
	}
	types["chain"].Attrs = map[string]py.Value{
		"from_iterable": py.NewBuiltin("chain.from_iterable", chainFromIterable),
	}
}

// itemBytes is what one more remembered item costs, for the memory budget.
const itemBytes = 16

// next advances it in place (an inner step that would block blocks here).
func next(t *py.Thread, it py.Iterator) (py.Value, bool, error) { return py.NextInPlace(t, it) }

func isNumber(v py.Value) bool {
	switch v.(type) {
	case py.Int, *py.BigInt, py.Float, py.Bool:
		return true
	}
	return false
}

func count(t *py.Thread, _ py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
	p, err := args.Parse("count", a, kw, []string{"start", "step"}, 0)
	if err != nil {
		return nil, err
	}
	var cur, step py.Value = py.Int(0), py.Int(1)
	if p[0] != nil {
		cur = p[0]
	}
	if p[1] != nil {
		step = p[1]
	}
	if !isNumber(cur) || !isNumber(step) {
		return nil, py.Errorf(py.TypeErrorType, "a number is required")
	}
	it := &reprIterator{iterator: iterator{typ: types["count"]}}
	it.next = func(t *py.Thread) (py.Value, bool, error) {
		v := cur
		n, err := py.Binary(t, py.OpAdd, cur, step)
		if err != nil {
			return nil, false, err
		}
		cur = n
		return v, true, nil
	}
	it.repr = func(t *py.Thread) (string, error) {
		s, err := py.Repr(t, cur)
		if err != nil {
			return "", err
		}
		if i, ok := step.(py.Int); ok && i == 1 {
			return "count(" + s + ")", nil
		}
		st, err := py.Repr(t, step)
		return "count(" + s + ", " + st + ")", err
	}
	return it, nil
}

func cycle(t *py.Thread, _ py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
	if err := args.NoKwargs("cycle", kw); err != nil {
		return nil, err
	}
	if err := args.Count("cycle", a, 1, 1); err != nil {
		return nil, err
	}
	src, err := py.GetIter(t, a[0])
	if err != nil {
		return nil, err
	}
	var saved []py.Value
	i := -1 // reading src while < 0
	return &iterator{typ: types["cycle"], next: func(t *py.Thread) (py.Value, bool, error) {
		if i < 0 {
			v, ok, err := next(t, src)
			if err != nil {
				return nil, false, err
			}
			if ok {
				saved = append(saved, v)
				return v, true, t.Charge(itemBytes)
			}
			i = 0
		}
		if len(saved) == 0 {
			return nil, false, nil
		}
		v := saved[i]
		i = (i + 1) % len(saved)
		return v, true, nil
	}}, nil
}

func repeat(t *py.Thread, _ py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
	p, err := args.Parse("repeat", a, kw, []string{"object", "times"}, 1)
	if err != nil {
		return nil, err
	}
	obj := p[0]
	times := int64(-1)
	if p[1] != nil {
		if times, err = py.AsIndex(p[1]); err != nil {
			return nil, err
		}
		if times < 0 {
			times = 0
		}
	}
	it := &reprIterator{iterator: iterator{typ: types["repeat"]}}
	it.next = func(t *py.Thread) (py.Value, bool, error) {
		if times == 0 {
			return nil, false, nil
		}
		if times > 0 {
			times--
		}
		return obj, true, nil
	}
	it.repr = func(t *py.Thread) (string, error) {
		s, err := py.Repr(t, obj)
		if err != nil || times < 0 {
			return "repeat(" + s + ")", err
		}
		return "repeat(" + s + ", " + strconv.FormatInt(times, 10) + ")", nil
	}
	return it, nil
}

func islice(t *py.Thread, _ py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
	if err := args.NoKwargs("islice", kw); err != nil {
		return nil, err
	}
	if err := args.Count("islice", a, 2, 4); err != nil {
		return nil, err
	}
	src, err := py.GetIter(t, a[0])
	if err != nil {
		return nil, err
	}
	index := func(v py.Value, msg string) (int64, error) {
		if v == py.None {
			return -1, nil
		}
		n, err := py.AsIndex(v)
		if err != nil || n < 0 {
			return 0, py.Errorf(py.ValueErrorType, "%s", msg)
		}
		return n, nil
	}
	const stopMsg = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize."
	const idxMsg = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize."
	start, stop, step := int64(0), int64(-1), int64(1)
	if len(a) == 2 {
		if stop, err = index(a[1], stopMsg); err != nil {
			return nil, err
		}
	} else {
		if start, err = index(a[1], idxMsg); err != nil {
			return nil, err
		}
		if start < 0 {
			start = 0
		}
		if stop, err = index(a[2], stopMsg); err != nil {
			return nil, err
		}
		if len(a) == 4 && a[3] != py.None {
			step, err = py.AsIndex(a[3])
			if err != nil || step < 1 {
				return nil, py.Errorf(py.ValueErrorType, "Step for islice() must be a positive integer or None.")
			}
		}
	}
	cnt, nextIdx := int64(0), start
	done := false
	return &iterator{typ: types["islice"], next: func(t *py.Thread) (py.Value, bool, error) {
		if done {
			return nil, false, nil
		}
		for cnt < nextIdx {
			if stop >= 0 && cnt >= stop {
				done = true
				return nil, false, nil
			}
			_, ok, err := next(t, src)
			if err != nil || !ok {
				done = true
				return nil, false, err
			}
			cnt++
		}
		if stop >= 0 && cnt >= stop {
			done = true
			return nil, false, nil
		}
		v, ok, err := next(t, src)
		if err != nil || !ok {
			done = true
			return nil, false, err
		}
		cnt++
		nextIdx += step
		if stop >= 0 && nextIdx > stop {
			nextIdx = stop
		}
		return v, true, nil
	}}, nil
}

// chainOf chains the iterables that sources yields.
func chainOf(sources py.Iterator) py.Value {
	var cur py.Iterator
	return &iterator{typ: types["chain"], next: func(t *py.Thread) (py.Value, bool, error) {
		for {
			if cur == nil {
				if sources == nil {
					return nil, false, nil
				}
				s, ok, err := next(t, sources)
				if err != nil {
					return nil, false, err
				}
				if !ok {
					sources = nil
					return nil, false, nil
				}
				if cur, err = py.GetIter(t, s); err != nil {
					return nil, false, err
				}
			}
			v, ok, err := next(t, cur)
			if err != nil {
				return nil, false, err
			}
			if ok {
				return v, true, nil
			}
			cur = nil
		}
	}}
}

func chain(t *py.Thread, _ py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
	if err := args.NoKwargs("chain", kw); err != nil {
		return nil, err
	}
	src, _ := py.GetIter(t, append(py.Tuple(nil), a...))
	return chainOf(src), nil
}

func chainFromIterable(t *py.Thread, _ py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
	if err := args.NoKwargs("from_iterable", kw); err != nil {
		return nil, err
	}
	if err := args.Count("from_iterable", a, 1, 1); err != nil {
		return nil, err
	}
	src, err := py.GetIter(t, a[0])
	if err != nil {
		return nil, err
	}
	return chainOf(src), nil
}

// pools reads each iterable into a tuple.
func pools(t *py.Thread, a []py.Value) ([]py.Tuple, error) {
	out := make([]py.Tuple, len(a))
	for i, x := range a {
		var items py.Tuple
		if err := py.Iterate(t, x, func(v py.Value) error {
			items = append(items, v)
			return t.Charge(itemBytes)
		}); err != nil {
			return nil, err
		}
		out[i] = items
	}
	return out, nil
}

func product(t *py.Thread, _ py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
	rep := int64(1)
	for _, k := range kw {
		if k.Name != "repeat" {
			return nil, py.Errorf(py.TypeErrorType, "'%s' is an invalid keyword argument for product()", k.Name)
		}
		var err error
		if rep, err = py.AsIndex(k.Value); err != nil {
			return nil, err
		}
		if rep < 0 {
			return nil, py.Errorf(py.ValueErrorType, "repeat argument cannot be negative")
		}
	}
	ps, err := pools(t, a)
	if err != nil {
		return nil, err
	}
	var all []py.Tuple
	for r := int64(0); r < rep; r++ {
		all = append(all, ps...)
	}
	idx := make([]int, len(all))
	first, done := true, false
	for _, p := range all {
		if len(p) == 0 {
			done = true
		}
	}
	return &iterator{typ: types["product"], next: func(t *py.Thread) (py.Value, bool, error) {
		if done {
			return nil, false, nil
		}
		if !first {
			i := len(all) - 1
			for ; i >= 0; i-- {
				idx[i]++
				if idx[i] < len(all[i]) {
					break
				}
				idx[i] = 0
			}
			if i < 0 {
				done = true
				return nil, false, nil
			}
		}
		first = false
		out := make(py.Tuple, len(all))
		for i, p := range all {
			out[i] = p[idx[i]]
		}
		return out, true, nil
	}}, nil
}

func zipLongest(t *py.Thread, _ py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
	var fill py.Value = py.None
	for _, k := range kw {
		if k.Name != "fillvalue" {
			return nil, py.Errorf(py.TypeErrorType, "zip_longest() got an unexpected keyword argument")
		}
		fill = k.Value
	}
	its := make([]py.Iterator, len(a))
	for i, x := range a {
		it, err := py.GetIter(t, x)
		if err != nil {
			return nil, err
		}
		its[i] = it
	}
	active := len(its)
	return &iterator{typ: types["zip_longest"], next: func(t *py.Thread) (py.Value, bool, error) {
		if len(its) == 0 || active == 0 {
			return nil, false, nil
		}
		out := make(py.Tuple, len(its))
		for i, it := range its {
			if it == nil {
				out[i] = fill
				continue
			}
			v, ok, err := next(t, it)
			if err != nil {
				active = 0
				return nil, false, err
			}
			if !ok {
				its[i] = nil
				active--
				if active == 0 {
					return nil, false, nil
				}
				v = fill
			}
			out[i] = v
		}
		return out, true, nil
	}}, nil
}

// groupBy is the state groupby shares with its groups (CPython's
// groupbyobject): the current item and key, and the group allowed to read.
type groupBy struct {
	src             py.Iterator
	key             py.Value
	tgtKey, currKey py.Value
	currValue       py.Value
	currGrouper     *iterator
}

func (g *groupBy) step(t *py.Thread) (bool, error) {
	v, ok, err := next(t, g.src)
	if err != nil || !ok {
		return false, err
	}
	k := v
	if g.key != nil && g.key != py.None {
		if k, err = t.Call(g.key, []py.Value{v}, nil); err != nil {
			return false, err
		}
	}
	g.currValue, g.currKey = v, k
	return true, nil
}

var grouperType = &py.Type{Name: "_grouper", Module: "itertools", Base: py.ObjectType}

func groupby(t *py.Thread, _ py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
	p, err := args.Parse("groupby", a, kw, []string{"iterable", "key"}, 1)
	if err != nil {
		return nil, err
	}
	src, err := py.GetIter(t, p[0])
	if err != nil {
		return nil, err
	}
	g := &groupBy{src: src, key: p[1]}
	return &iterator{typ: types["groupby"], next: func(t *py.Thread) (py.Value, bool, error) {
		g.currGrouper = nil
		for {
			// skip the rest of the current group (CPython's groupby_next)
			if g.currKey != nil {
				if g.tgtKey == nil {
					break
				}
				eq, err := py.Equal(t, g.tgtKey, g.currKey)
				if err != nil {
					return nil, false, err
				}
				if !eq {
					break
				}
			}
			ok, err := g.step(t)
			if err != nil || !ok {
				return nil, false, err
			}
		}
		g.tgtKey = g.currKey
		tgt := g.tgtKey
		grouper := &iterator{typ: grouperType}
		grouper.next = func(t *py.Thread) (py.Value, bool, error) {
			if g.currGrouper != grouper {
				return nil, false, nil
			}
			if g.currValue == nil {
				ok, err := g.step(t)
				if err != nil || !ok {
					return nil, false, err
				}
			}
			eq, err := py.Equal(t, tgt, g.currKey)
			if err != nil || !eq {
				return nil, false, err
			}
			v := g.currValue
			g.currValue, g.currKey = nil, nil
			return v, true, nil
		}
		g.currGrouper = grouper
		return py.Tuple{g.currKey, grouper}, true, nil
	}}, nil
}

func accumulate(t *py.Thread, _ py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
	p, err := args.Parse("accumulate", a, kw, []string{"iterable", "func", "initial"}, 1)
	if err != nil {
		return nil, err
	}
	src, err := py.GetIter(t, p[0])
	if err != nil {
		return nil, err
	}
	fn := p[1]
	var total py.Value
	initial := p[2]
	if initial == py.None {
		initial = nil
	}
	return &iterator{typ: types["accumulate"], next: func(t *py.Thread) (py.Value, bool, error) {
		if initial != nil {
			total, initial = initial, nil
			return total, true, nil
		}
		v, ok, err := next(t, src)
		if err != nil || !ok {
			return nil, false, err
		}
		if total == nil {
			total = v
		} else if fn == nil || fn == py.None {
			total, err = py.Binary(t, py.OpAdd, total, v)
		} else {
			total, err = t.Call(fn, []py.Value{total, v}, nil)
		}
		if err != nil {
			return nil, false, err
		}
		return total, true, nil
	}}, nil
}

// predicateIter is takewhile, dropwhile, filterfalse and compress's shape:
// a function, an iterable, and a rule.
func predicateArgs(t *py.Thread, name string, a []py.Value, kw []py.Kwarg) (py.Value, py.Iterator, error) {
	if err := args.NoKwargs(name, kw); err != nil {
		return nil, nil, err
	}
	if err := args.Count(name, a, 2, 2); err != nil {
		return nil, nil, err
	}
	src, err := py.GetIter(t, a[1])
	return a[0], src, err
}

func test(t *py.Thread, pred, v py.Value) (bool, error) {
	if pred == py.None {
		return py.Truth(v), nil
	}
	r, err := t.Call(pred, []py.Value{v}, nil)
	if err != nil {
		return false, err
	}
	return py.Truth(r), nil
}

func takewhile(t *py.Thread, _ py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
	pred, src, err := predicateArgs(t, "takewhile", a, kw)
	if err != nil {
		return nil, err
	}
	stopped := false
	return &iterator{typ: types["takewhile"], next: func(t *py.Thread) (py.Value, bool, error) {
		if stopped {
			return nil, false, nil
		}
		v, ok, err := next(t, src)
		if err != nil || !ok {
			return nil, false, err
		}
		keep, err := test(t, pred, v)
		if err != nil {
			return nil, false, err
		}
		if !keep {
			stopped = true
			return nil, false, nil
		}
		return v, true, nil
	}}, nil
}

func dropwhile(t *py.Thread, _ py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
	pred, src, err := predicateArgs(t, "dropwhile", a, kw)
	if err != nil {
		return nil, err
	}
	dropping := true
	return &iterator{typ: types["dropwhile"], next: func(t *py.Thread) (py.Value, bool, error) {
		for {
			v, ok, err := next(t, src)
			if err != nil || !ok {
				return nil, false, err
			}
			if !dropping {
				return v, true, nil
			}
			drop, err := test(t, pred, v)
			if err != nil {
				return nil, false, err
			}
			if !drop {
				dropping = false
				return v, true, nil
			}
		}
	}}, nil
}

func filterfalse(t *py.Thread, _ py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
	pred, src, err := predicateArgs(t, "filterfalse", a, kw)
	if err != nil {
		return nil, err
	}
	return &iterator{typ: types["filterfalse"], next: func(t *py.Thread) (py.Value, bool, error) {
		for {
			v, ok, err := next(t, src)
			if err != nil || !ok {
				return nil, false, err
			}
			keep, err := test(t, pred, v)
			if err != nil {
				return nil, false, err
			}
			if !keep {
				return v, true, nil
			}
		}
	}}, nil
}

func compress(t *py.Thread, _ py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
	p, err := args.Parse("compress", a, kw, []string{"data", "selectors"}, 2)
	if err != nil {
		return nil, err
	}
	data, err := py.GetIter(t, p[0])
	if err != nil {
		return nil, err
	}
	sel, err := py.GetIter(t, p[1])
	if err != nil {
		return nil, err
	}
	return &iterator{typ: types["compress"], next: func(t *py.Thread) (py.Value, bool, error) {
		for {
			v, ok, err := next(t, data)
			if err != nil || !ok {
				return nil, false, err
			}
			s, ok, err := next(t, sel)
			if err != nil || !ok {
				return nil, false, err
			}
			if py.Truth(s) {
				return v, true, nil
			}
		}
	}}, nil
}

func starmap(t *py.Thread, _ py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
	fn, src, err := predicateArgs(t, "starmap", a, kw)
	if err != nil {
		return nil, err
	}
	return &iterator{typ: types["starmap"], next: func(t *py.Thread) (py.Value, bool, error) {
		v, ok, err := next(t, src)
		if err != nil || !ok {
			return nil, false, err
		}
		var argv []py.Value
		if err := py.Iterate(t, v, func(x py.Value) error {
			argv = append(argv, x)
			return nil
		}); err != nil {
			return nil, false, err
		}
		r, err := t.Call(fn, argv, nil)
		if err != nil {
			return nil, false, err
		}
		return r, true, nil
	}}, nil
}

func pairwise(t *py.Thread, _ py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
	if err := args.NoKwargs("pairwise", kw); err != nil {
		return nil, err
	}
	if err := args.Count("pairwise", a, 1, 1); err != nil {
		return nil, err
	}
	src, err := py.GetIter(t, a[0])
	if err != nil {
		return nil, err
	}
	var prev py.Value
	return &iterator{typ: types["pairwise"], next: func(t *py.Thread) (py.Value, bool, error) {
		if src == nil {
			return nil, false, nil
		}
		if prev == nil {
			v, ok, err := next(t, src)
			if err != nil || !ok {
				src = nil
				return nil, false, err
			}
			prev = v
		}
		v, ok, err := next(t, src)
		if err != nil || !ok {
			src = nil
			return nil, false, err
		}
		out := py.Tuple{prev, v}
		prev = v
		return out, true, nil
	}}, nil
}

// rArg reads the r of permutations and combinations.
func rArg(v py.Value, n int) (int, error) {
	if v == nil || v == py.None {
		return n, nil
	}
	r, err := py.AsIndex(v)
	if err != nil {
		return 0, err
	}
	if r < 0 {
		return 0, py.Errorf(py.ValueErrorType, "r must be non-negative")
	}
	return int(r), nil
}

// poolAndR reads the (iterable, r) arguments of permutations and the
// combinations: the iterable's items and the length of each result.
func poolAndR(t *py.Thread, name string, a []py.Value, kw []py.Kwarg, required int) ([]py.Value, int, error) {
	p, err := args.Parse(name, a, kw, []string{"iterable", "r"}, required)
	if err != nil {
		return nil, 0, err
	}
	ps, err := pools(t, p[:1])
	if err != nil {
		return nil, 0, err
	}
	r, err := rArg(p[1], len(ps[0]))
	return ps[0], r, err
}

func permutations(t *py.Thread, _ py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
	pool, r, err := poolAndR(t, "permutations", a, kw, 1)
	if err != nil {
		return nil, err
	}
	n := len(pool)
	// the algorithm of the itertools documentation
	indices := make([]int, n)
	for i := range indices {
		indices[i] = i
	}
	cycles := make([]int, r)
	for i := range cycles {
		cycles[i] = n - i
	}
	first, done := true, r > n
	emit := func() py.Value {
		out := make(py.Tuple, r)
		for i := 0; i < r; i++ {
			out[i] = pool[indices[i]]
		}
		return out
	}
	return &iterator{typ: types["permutations"], next: func(t *py.Thread) (py.Value, bool, error) {
		if done {
			return nil, false, nil
		}
		if first {
			first = false
			return emit(), true, nil
		}
		for i := r - 1; i >= 0; i-- {
			cycles[i]--
			if cycles[i] == 0 {
				moved := indices[i]
				copy(indices[i:], indices[i+1:])
				indices[n-1] = moved
				cycles[i] = n - i
			} else {
				j := cycles[i]
				indices[i], indices[n-j] = indices[n-j], indices[i]
				return emit(), true, nil
			}
		}
		done = true
		return nil, false, nil
	}}, nil
}

func combinationsOf(t *py.Thread, name string, a []py.Value, kw []py.Kwarg, replace bool) (py.Value, error) {
	pool, r, err := poolAndR(t, name, a, kw, 2)
	if err != nil {
		return nil, err
	}
	n := len(pool)
	indices := make([]int, r)
	if !replace {
		for i := range indices {
			indices[i] = i
		}
	}
	first := true
	done := !replace && r > n || replace && n == 0 && r > 0
	emit := func() py.Value {
		out := make(py.Tuple, r)
		for i, j := range indices {
			out[i] = pool[j]
		}
		return out
	}
	return &iterator{typ: types[name], next: func(t *py.Thread) (py.Value, bool, error) {
		if done {
			return nil, false, nil
		}
		if first {
			first = false
			return emit(), true, nil
		}
		i := r - 1
		if replace {
			for ; i >= 0 && indices[i] == n-1; i-- {
			}
			if i < 0 {
				done = true
				return nil, false, nil
			}
			v := indices[i] + 1
			for j := i; j < r; j++ {
				indices[j] = v
			}
			return emit(), true, nil
		}
		for ; i >= 0 && indices[i] == i+n-r; i-- {
		}
		if i < 0 {
			done = true
			return nil, false, nil
		}
		indices[i]++
		for j := i + 1; j < r; j++ {
			indices[j] = indices[j-1] + 1
		}
		return emit(), true, nil
	}}, nil
}

func combinations(t *py.Thread, _ py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
	return combinationsOf(t, "combinations", a, kw, false)
}

func combinationsWithReplacement(t *py.Thread, _ py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
	return combinationsOf(t, "combinations_with_replacement", a, kw, true)
}

var teeType = &py.Type{Name: "_tee", Module: "itertools", Base: py.ObjectType}

// teeBuffer holds the items read from the source that some copy of a tee
// has not consumed yet.
type teeBuffer struct {
	src   py.Iterator
	items []py.Value
	base  int // index in the source of items[0]
	pos   []int
	done  bool
}

func tee(t *py.Thread, _ py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
	if err := args.NoKwargs("tee", kw); err != nil {
		return nil, err
	}
	if err := args.Count("tee", a, 1, 2); err != nil {
		return nil, err
	}
	n := int64(2)
	if len(a) == 2 {
		var err error
		if n, err = py.AsIndex(a[1]); err != nil {
			return nil, err
		}
		if n < 0 {
			return nil, py.Errorf(py.ValueErrorType, "n must be >= 0")
		}
	}
	src, err := py.GetIter(t, a[0])
	if err != nil {
		return nil, err
	}
	b := &teeBuffer{src: src, pos: make([]int, n)}
	out := make(py.Tuple, n)
	for i := range out {
		i := i
		out[i] = &iterator{typ: teeType, next: func(t *py.Thread) (py.Value, bool, error) {
			k := b.pos[i] - b.base
			if k >= len(b.items) {
				if b.done {
					return nil, false, nil
				}
				v, ok, err := next(t, b.src)
				if err != nil || !ok {
					b.done = !ok || err != nil
					return nil, false, err
				}
				b.items = append(b.items, v)
				if err := t.Charge(itemBytes); err != nil {
					return nil, false, err
				}
			}
			v := b.items[k]
			b.pos[i]++
			// drop what every copy has read
			low := b.pos[0]
			for _, p := range b.pos {
				if p < low {
					low = p
				}
			}
			if d := low - b.base; d > 0 {
				b.items = b.items[d:]
				b.base = low
			}
			return v, true, nil
		}}
	}
	return out, nil
}

// Package functools is Python's functools module for scenes: partial,
// reduce, wraps and update_wrapper, lru_cache and cache, total_ordering and cmp_to_key, as
// CPython 3.11 has them (reprs, messages, cache statistics).
package functools

import (
	"strings"

	"loopscope/scenes/lib/collections"
	"loopscope/scenes/lib/internal/args"
	"loopscope/scenes/python/modules"
	"loopscope/scenes/python/py"
)

// Spec is the module's entry in the registry.
var Spec = &modules.Spec{
	Name: "functools",
	Doc:  "Tools for functions: fixing some arguments, folding a sequence, decorators that keep the wrapped function's name, and caches.",
	Members: []modules.Member{
		{Name: "cmp_to_key", Doc: "Turn an old-style comparison function (negative, zero, positive) into a key for sorted, min and max."},
		{Name: "cache", Doc: "Remember every result of a function by its arguments (lru_cache without a bound)."},
		{Name: "lru_cache", Doc: "Remember the results of the maxsize (128) most recent argument lists; cache_info() and cache_clear()."},
		{Name: "partial", Doc: "A function with some arguments already given: partial(f, 1, x=2)."},
		{Name: "reduce", Doc: "Fold an iterable into one value with a two-argument function."},
		{Name: "total_ordering", Doc: "A class decorator that writes the ordering methods a class lacks from the one it defines."},
		{Name: "update_wrapper", Doc: "Copy a function's name, qualified name, doc and attributes to its wrapper."},
		{Name: "wraps", Doc: "A decorator for a wrapper function that applies update_wrapper."},
	},
}

func init() {
	py.RegisterModule(Spec, func(py.Host) (py.Value, error) { return New(), nil })
}

// New returns a fresh functools module.
func New() *py.Module {
	return py.NewModule("functools", map[string]py.Value{
		"cache":          py.NewBuiltin("cache", cache),
		"lru_cache":      py.NewBuiltin("lru_cache", lruCache),
		"partial":        PartialType,
		"reduce":         py.NewBuiltin("reduce", reduce),
		"total_ordering": py.NewBuiltin("total_ordering", totalOrdering),
		"cmp_to_key":     py.NewBuiltin("cmp_to_key", cmpToKey),
		"update_wrapper": py.NewBuiltin("update_wrapper", updateWrapper),
		"wraps":          py.NewBuiltin("wraps", wraps),
	})
}

// PartialType is functools.partial.
var PartialType = &py.Type{Name: "partial", Module: "functools", Base: py.ObjectType}

// Partial is functools.partial(func, *args, **keywords): a call of func
// with arguments added in front and keywords that the call may override.
type Partial struct {
	Func py.Value
	Args py.Tuple
	Kw   []py.Kwarg // in order, names unique
}

// Type returns PartialType.
func (p *Partial) Type() *py.Type { return PartialType }

// Forward returns the call the partial stands for; the interpreter makes
// it in place of the partial's (py.Forwarder).
func (p *Partial) Forward(a []py.Value, kw []py.Kwarg) (py.Value, []py.Value, []py.Kwarg) {
	all := make([]py.Value, 0, len(p.Args)+len(a))
	all = append(append(all, p.Args...), a...)
	return p.Func, all, mergeKw(p.Kw, kw)
}

// Parts returns the function, the arguments and the keywords (asyncio's
// reprs of callbacks unwrap a partial).
func (p *Partial) Parts() (py.Value, py.Tuple, []py.Kwarg) { return p.Func, p.Args, p.Kw }

// Call calls the partial from Go.
func (p *Partial) Call(t *py.Thread, a []py.Value, kw []py.Kwarg) (py.Value, error) {
	fn, fa, fkw := p.Forward(a, kw)
	return t.Call(fn, fa, fkw)
}

// mergeKw returns base's keywords updated by over's (a new slice).
func mergeKw(base, over []py.Kwarg) []py.Kwarg {
	if len(base) == 0 {
		return over
	}
	out := append([]py.Kwarg(nil), base...)
next:
	for _, k := range over {
		for i := range out {
			if out[i].Name == k.Name {
				out[i].Value = k.Value
				continue next
			}
		}
		out = append(out, k)
	}
	return out
}

// Repr returns functools.partial(<function f at 0x...>, 1, x=2).
func (p *Partial) Repr(t *py.Thread) (string, error) {
	var b strings.Builder
	b.WriteString("functools.partial(")
	s, err := py.Repr(t, p.Func)
	if err != nil {
		return "", err
	}
	b.WriteString(s)
	for _, a := range p.Args {
		s, err := py.Repr(t, a)
		if err != nil {
			return "", err
		}
		b.WriteString(", ")
		b.WriteString(s)
	}
	for _, k := range p.Kw {
		s, err := py.Repr(t, k.Value)
		if err != nil {
			return "", err
		}
		b.WriteString(", ")
		b.WriteString(k.Name)
		b.WriteByte('=')
		b.WriteString(s)
	}
	b.WriteByte(')')
	return b.String(), nil
}

// Attr returns func, args and keywords.
func (p *Partial) Attr(t *py.Thread, name string) (py.Value, error) {
	switch name {
	case "func":
		return p.Func, nil
	case "args":
		return p.Args, nil
	case "keywords":
		d := py.NewDict()
		for _, k := range p.Kw {
			d.SetStr(k.Name, k.Value)
		}
		return d, nil
	}
	return nil, nil
}

func init() {
	PartialType.New = func(t *py.Thread, _ py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
		if len(a) == 0 {
			return nil, py.Errorf(py.TypeErrorType, "type 'partial' takes at least one argument")
		}
		if !py.IsCallable(a[0]) {
			return nil, py.Errorf(py.TypeErrorType, "the first argument must be callable")
		}
		p := &Partial{Func: a[0], Args: append(py.Tuple{}, a[1:]...), Kw: mergeKw(nil, kw)}
		if inner, ok := a[0].(*Partial); ok {
			// partial(partial(f, 1), 2) flattens, as CPython's does
			p.Func = inner.Func
			p.Args = append(append(py.Tuple{}, inner.Args...), a[1:]...)
			p.Kw = mergeKw(inner.Kw, kw)
		}
		return p, nil
	}
}

// reduce is functools.reduce(function, iterable[, initial]).
func reduce(t *py.Thread, _ py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
	if err := args.NoKwargs("reduce", kw); err != nil {
		return nil, err
	}
	if err := args.Count("reduce", a, 2, 3); err != nil {
		return nil, err
	}
	var acc py.Value
	if len(a) == 3 {
		acc = a[2]
	}
	err := py.Iterate(t, a[1], func(x py.Value) error {
		if acc == nil {
			acc = x
			return nil
		}
		v, err := t.Call(a[0], []py.Value{acc, x}, nil)
		acc = v
		return err
	})
	if err != nil {
		if e, ok := err.(*py.Exception); ok && e.Class == py.TypeErrorType && strings.HasSuffix(e.Message(), "is not iterable") {
			return nil, py.Errorf(py.TypeErrorType, "reduce() arg 2 must support iteration")
		}
		return nil, err
	}
	if acc == nil {
		return nil, py.Errorf(py.TypeErrorType, "reduce() of empty iterable with no initial value")
	}
	return acc, nil
}

// wrapperAssignments are the attributes update_wrapper copies.
var wrapperAssignments = []string{"__module__", "__name__", "__qualname__", "__doc__"}

// updateWrapper is functools.update_wrapper(wrapper, wrapped).
func updateWrapper(t *py.Thread, _ py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
	p, err := args.Parse("update_wrapper", a, kw, []string{"wrapper", "wrapped"}, 2)
	if err != nil {
		return nil, err
	}
	return p[0], update(t, p[0], p[1])
}

// update copies wrapped's name, qualified name, doc, module, annotations
// and attributes to wrapper and sets wrapper.__wrapped__, as
// functools.update_wrapper does.
func update(t *py.Thread, wrapper, wrapped py.Value) error {
	if w, ok := wrapper.(*py.Function); ok {
		if f, ok := wrapped.(*py.Function); ok {
			w.Name, w.QualName = f.Name, f.QualName
			if f.Annotations != nil {
				w.Annotations = f.Annotations
			}
			if w.Attrs == nil {
				w.Attrs = map[string]py.Value{}
			}
			for k, v := range f.Attrs {
				w.Attrs[k] = v
			}
			if _, ok := f.Attrs["__doc__"]; !ok {
				doc, err := py.GetAttr(t, f, "__doc__")
				if err != nil {
					return err
				}
				w.Attrs["__doc__"] = doc
			}
			w.Attrs["__wrapped__"] = f
			return nil
		}
	}
	for _, name := range wrapperAssignments {
		v, err := py.GetAttr(t, wrapped, name)
		if err != nil {
			if e, ok := err.(*py.Exception); ok && e.Class.IsSubtypeOf(py.AttributeErrorType) {
				continue
			}
			return err
		}
		if err := py.SetAttr(t, wrapper, name, v); err != nil {
			return err
		}
	}
	return py.SetAttr(t, wrapper, "__wrapped__", wrapped)
}

// wraps is functools.wraps(wrapped): a decorator that applies
// update_wrapper.
func wraps(t *py.Thread, _ py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
	p, err := args.Parse("wraps", a, kw, []string{"wrapped"}, 1)
	if err != nil {
		return nil, err
	}
	wrapped := p[0]
	return &Partial{Func: py.NewBuiltin("update_wrapper", updateWrapper), Kw: []py.Kwarg{{Name: "wrapped", Value: wrapped}}}, nil
}

// lruCache is functools.lru_cache(maxsize=128, typed=False), used bare
// (@lru_cache) or called (@lru_cache(maxsize=32)).
func lruCache(t *py.Thread, _ py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
	p, err := args.Parse("lru_cache", a, kw, []string{"maxsize", "typed"}, 0)
	if err != nil {
		return nil, err
	}
	maxsize := 128
	switch m := p[0].(type) {
	case nil:
	case py.NoneType:
		maxsize = -1
	case py.Int, py.Bool:
		n, _ := py.AsIndex(m)
		if n < 0 {
			n = 0
		}
		maxsize = int(n)
	default:
		if py.IsCallable(m) && p[1] == nil {
			return newCache(t, m, 128)
		}
		return nil, py.Errorf(py.TypeErrorType, "Expected first argument to be an integer, a callable, or None")
	}
	return py.NewBuiltin("decorating_function", func(t *py.Thread, _ py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
		if err := args.Count("decorating_function", a, 1, 1); err != nil {
			return nil, err
		}
		return newCache(t, a[0], maxsize)
	}), nil
}

// cache is functools.cache(user_function): lru_cache(maxsize=None).
func cache(t *py.Thread, _ py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
	p, err := args.Parse("cache", a, kw, []string{"user_function"}, 1)
	if err != nil {
		return nil, err
	}
	return newCache(t, p[0], -1)
}

func newCache(t *py.Thread, fn py.Value, maxsize int) (py.Value, error) {
	if !py.IsCallable(fn) {
		return nil, py.Errorf(py.TypeErrorType, "the first argument must be callable")
	}
	c := &LRUCache{Func: fn, maxsize: maxsize, cache: py.NewDict()}
	for _, name := range wrapperAssignments {
		v, err := py.GetAttr(t, fn, name)
		if err != nil {
			continue
		}
		c.attrs = append(c.attrs, py.Kwarg{Name: name, Value: v})
	}
	return c, nil
}

// LRUCacheType is functools._lru_cache_wrapper.
var LRUCacheType = &py.Type{Name: "_lru_cache_wrapper", Module: "functools", Base: py.ObjectType}

// cacheInfoClass is the namedtuple CacheInfo(hits, misses, maxsize, currsize).
var cacheInfoClass = collections.NewNamedTupleClass("CacheInfo", "functools", []string{"hits", "misses", "maxsize", "currsize"}, nil)

// LRUCache is a function wrapped by lru_cache: calls with arguments seen
// before return the remembered result; past maxsize the least recently
// used result is dropped.
type LRUCache struct {
	Func         py.Value
	maxsize      int      // -1: unbounded
	cache        *py.Dict // key -> result, least recently used first
	hits, misses int
	attrs        []py.Kwarg // the wrapped function's __name__, __doc__...
}

// Type returns LRUCacheType.
func (c *LRUCache) Type() *py.Type { return LRUCacheType }

// kwdMark separates positional from keyword arguments in a cache key.
var kwdMark = py.Tuple{py.Str("<kwd_mark>")}

// Call returns the remembered result or calls the function.
func (c *LRUCache) Call(t *py.Thread, a []py.Value, kw []py.Kwarg) (py.Value, error) {
	key := make(py.Tuple, 0, len(a)+1+2*len(kw))
	key = append(key, a...)
	if len(kw) > 0 {
		key = append(key, kwdMark)
		for _, k := range kw {
			key = append(key, py.Str(k.Name), k.Value)
		}
	}
	var k py.Value = key
	if len(key) == 1 {
		switch key[0].(type) {
		case py.Int, py.Str:
			k = key[0]
		}
	}
	if c.maxsize == 0 {
		c.misses++
		return t.Call(c.Func, a, kw)
	}
	v, found, err := c.cache.Get(t, k)
	if err != nil {
		return nil, err
	}
	if found {
		c.hits++
		if c.maxsize > 0 {
			// move to the most recently used end
			if _, _, err := c.cache.Delete(t, k); err != nil {
				return nil, err
			}
			if err := c.cache.SetItem(t, k, v); err != nil {
				return nil, err
			}
		}
		return v, nil
	}
	c.misses++
	v, err = t.Call(c.Func, a, kw)
	if err != nil {
		return nil, err
	}
	if _, found, _ := c.cache.Get(t, k); found {
		// the call itself cached this key (recursion): keep that result
		return v, nil
	}
	if c.maxsize > 0 && c.cache.Len() >= c.maxsize {
		oldest := c.cache.Keys()[0]
		if _, _, err := c.cache.Delete(t, oldest); err != nil {
			return nil, err
		}
	}
	return v, c.cache.SetItem(t, k, v)
}

// Attr returns cache_info, cache_clear, __wrapped__ and the wrapped
// function's name and doc.
func (c *LRUCache) Attr(t *py.Thread, name string) (py.Value, error) {
	switch name {
	case "cache_info":
		return py.NewBuiltin("cache_info", func(t *py.Thread, _ py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := args.Count("cache_info", a, 0, 0); err != nil {
				return nil, err
			}
			var maxsize py.Value = py.Int(c.maxsize)
			if c.maxsize < 0 {
				maxsize = py.None
			}
			return cacheInfoClass.New([]py.Value{py.Int(c.hits), py.Int(c.misses), maxsize, py.Int(c.cache.Len())}, nil)
		}), nil
	case "cache_clear":
		return py.NewBuiltin("cache_clear", func(t *py.Thread, _ py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := args.Count("cache_clear", a, 0, 0); err != nil {
				return nil, err
			}
			c.cache.Clear()
			c.hits, c.misses = 0, 0
			return py.None, nil
		}), nil
	case "__wrapped__":
		return c.Func, nil
	}
	for _, k := range c.attrs {
		if k.Name == name {
			return k.Value, nil
		}
	}
	return nil, nil
}

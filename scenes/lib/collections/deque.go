package collections

import (
	"strconv"

	"loopscope/scenes/lib/internal/args"
	"loopscope/scenes/python/py"
)

// DequeType is collections.deque.
var DequeType = &py.Type{Name: "deque", Module: "collections", Base: py.ObjectType}

var (
	dequeIteratorType        = &py.Type{Name: "_deque_iterator", Module: "_collections", Base: py.ObjectType}
	dequeReverseIteratorType = &py.Type{Name: "_deque_reverse_iterator", Module: "_collections", Base: py.ObjectType}
)

// Deque is a double-ended queue: a ring buffer, bounded when maxlen is set
// (appending to a full deque drops an item from the other end).
type Deque struct {
	buf    []py.Value
	head   int
	n      int
	maxlen int   // -1: unbounded
	state  int64 // bumped by every mutation, for iterators
}

// NewDeque returns an empty deque; maxlen < 0 means unbounded.
func NewDeque(maxlen int) *Deque { return &Deque{maxlen: maxlen} }

// Type returns DequeType.
func (d *Deque) Type() *py.Type { return DequeType }

// Len returns the number of items.
func (d *Deque) Len() int { return d.n }

// At returns the i-th item from the left (0 <= i < Len()).
func (d *Deque) At(i int) py.Value { return d.buf[(d.head+i)%len(d.buf)] }

func (d *Deque) set(i int, v py.Value) { d.buf[(d.head+i)%len(d.buf)] = v }

func (d *Deque) grow() {
	c := 2 * len(d.buf)
	if c < 8 {
		c = 8
	}
	nb := make([]py.Value, c)
	for i := 0; i < d.n; i++ {
		nb[i] = d.At(i)
	}
	d.buf, d.head = nb, 0
}

// Append adds v at the right end, dropping the leftmost item when full.
func (d *Deque) Append(v py.Value) {
	d.state++
	if d.maxlen == 0 {
		return
	}
	if d.n == d.maxlen {
		d.popLeft()
	}
	if d.n == len(d.buf) {
		d.grow()
	}
	d.buf[(d.head+d.n)%len(d.buf)] = v
	d.n++
}

// AppendLeft adds v at the left end, dropping the rightmost item when full.
func (d *Deque) AppendLeft(v py.Value) {
	d.state++
	if d.maxlen == 0 {
		return
	}
	if d.n == d.maxlen {
		d.pop()
	}
	if d.n == len(d.buf) {
		d.grow()
	}
	d.head = (d.head - 1 + len(d.buf)) % len(d.buf)
	d.buf[d.head] = v
	d.n++
}

func (d *Deque) pop() py.Value {
	d.state++
	i := (d.head + d.n - 1) % len(d.buf)
	v := d.buf[i]
	d.buf[i] = nil
	d.n--
	return v
}

func (d *Deque) popLeft() py.Value {
	d.state++
	v := d.buf[d.head]
	d.buf[d.head] = nil
	d.head = (d.head + 1) % len(d.buf)
	d.n--
	return v
}

func (d *Deque) items() []py.Value {
	out := make([]py.Value, d.n)
	for i := range out {
		out[i] = d.At(i)
	}
	return out
}

func (d *Deque) setItems(items []py.Value) {
	d.state++
	d.buf, d.head, d.n = items, 0, len(items)
}

// Repr returns deque([1, 2]) or deque([1, 2], maxlen=3).
func (d *Deque) Repr(t *py.Thread) (string, error) {
	s, err := py.Repr(t, py.NewList(d.items()))
	if err != nil {
		return "", err
	}
	if d.maxlen >= 0 {
		return "deque(" + s + ", maxlen=" + strconv.Itoa(d.maxlen) + ")", nil
	}
	return "deque(" + s + ")", nil
}

// Attr returns maxlen.
func (d *Deque) Attr(t *py.Thread, name string) (py.Value, error) {
	if name == "maxlen" {
		if d.maxlen < 0 {
			return py.None, nil
		}
		return py.Int(d.maxlen), nil
	}
	return nil, nil
}

// Method returns deque's methods.
func (d *Deque) Method(name string) *py.Builtin { return dequeMethods[name] }

// Iter returns an iterator that notices mutation.
func (d *Deque) Iter(t *py.Thread) (py.Iterator, error) {
	return &dequeIter{d: d, state: d.state}, nil
}

type dequeIter struct {
	d     *Deque
	i     int
	state int64
	rev   bool
}

func (it *dequeIter) Type() *py.Type {
	if it.rev {
		return dequeReverseIteratorType
	}
	return dequeIteratorType
}

func (it *dequeIter) Next(t *py.Thread) (py.Value, bool, error) {
	if it.d.state != it.state {
		return nil, false, py.Errorf(py.RuntimeErrorType, "deque mutated during iteration")
	}
	if it.i >= it.d.n {
		return nil, false, nil
	}
	j := it.i
	if it.rev {
		j = it.d.n - 1 - it.i
	}
	v := it.d.At(j)
	it.i++
	return v, true, nil
}

func (d *Deque) index(k py.Value) (int, error) {
	i, err := py.AsIndex(k)
	if err != nil {
		return 0, py.Errorf(py.TypeErrorType, "sequence index must be integer, not '%s'", k.Type().Name)
	}
	if i < 0 {
		i += int64(d.n)
	}
	if i < 0 || i >= int64(d.n) {
		return 0, py.Errorf(py.IndexErrorType, "deque index out of range")
	}
	return int(i), nil
}

// GetItem is d[i].
func (d *Deque) GetItem(t *py.Thread, k py.Value) (py.Value, error) {
	i, err := d.index(k)
	if err != nil {
		return nil, err
	}
	return d.At(i), nil
}

// SetItem is d[i] = v.
func (d *Deque) SetItem(t *py.Thread, k, v py.Value) error {
	i, err := d.index(k)
	if err != nil {
		return err
	}
	d.set(i, v)
	return nil
}

// DelItem is del d[i].
func (d *Deque) DelItem(t *py.Thread, k py.Value) error {
	i, err := d.index(k)
	if err != nil {
		return err
	}
	items := d.items()
	d.setItems(append(items[:i], items[i+1:]...))
	return nil
}

// Contains is the in operator.
func (d *Deque) Contains(t *py.Thread, x py.Value) (bool, error) {
	for i := 0; i < d.n; i++ {
		eq, err := py.Equal(t, d.At(i), x)
		if err != nil || eq {
			return eq, err
		}
	}
	return false, nil
}

// Equal compares two deques item by item.
func (d *Deque) Equal(t *py.Thread, b py.Value) (bool, error) {
	o, ok := b.(*Deque)
	if !ok {
		return false, nil
	}
	return py.Equal(t, py.Tuple(d.items()), py.Tuple(o.items()))
}

func newDeque(t *py.Thread, _ py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
	p, err := args.Parse("deque", a, kw, []string{"iterable", "maxlen"}, 0)
	if err != nil {
		return nil, err
	}
	maxlen := -1
	if p[1] != nil && p[1] != py.None {
		m, err := py.AsIndex(p[1])
		if err != nil {
			return nil, py.Errorf(py.TypeErrorType, "an integer is required")
		}
		if m < 0 {
			return nil, py.Errorf(py.ValueErrorType, "maxlen must be non-negative")
		}
		maxlen = int(m)
	}
	d := NewDeque(maxlen)
	if p[0] != nil {
		if err := py.Iterate(t, p[0], func(v py.Value) error { d.Append(v); return t.Charge(itemBytes) }); err != nil {
			return nil, err
		}
	}
	return d, nil
}

var dequeMethods map[string]*py.Builtin

// itemBytes is what one more item costs a container, for the memory budget.
const itemBytes = 16

func init() {
	DequeType.New = newDeque
	m := func(name string, fn func(t *py.Thread, d *Deque, a []py.Value, kw []py.Kwarg) (py.Value, error)) {
		dequeMethods[name] = args.Method(DequeType, name, fn)
	}
	one := func(name string, fn func(t *py.Thread, d *Deque, x py.Value) (py.Value, error)) {
		m(name, func(t *py.Thread, d *Deque, a []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := args.NoKwargs(DequeType.Name+"."+name, kw); err != nil {
				return nil, err
			}
			if err := args.Count(name, a, 1, 1); err != nil {
				return nil, err
			}
			return fn(t, d, a[0])
		})
	}
	none := func(name string, fn func(t *py.Thread, d *Deque) (py.Value, error)) {
		m(name, func(t *py.Thread, d *Deque, a []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := args.NoKwargs(DequeType.Name+"."+name, kw); err != nil {
				return nil, err
			}
			if err := args.Count(name, a, 0, 0); err != nil {
				return nil, err
			}
			return fn(t, d)
		})
	}
	dequeMethods = map[string]*py.Builtin{}
	one("append", func(t *py.Thread, d *Deque, x py.Value) (py.Value, error) {
		d.Append(x)
		return py.None, t.Charge(itemBytes)
	})
	one("appendleft", func(t *py.Thread, d *Deque, x py.Value) (py.Value, error) {
		d.AppendLeft(x)
		return py.None, t.Charge(itemBytes)
	})
	none("pop", func(t *py.Thread, d *Deque) (py.Value, error) {
		if d.n == 0 {
			return nil, py.Errorf(py.IndexErrorType, "pop from an empty deque")
		}
		return d.pop(), nil
	})
	none("popleft", func(t *py.Thread, d *Deque) (py.Value, error) {
		if d.n == 0 {
			return nil, py.Errorf(py.IndexErrorType, "pop from an empty deque")
		}
		return d.popLeft(), nil
	})
	one("extend", func(t *py.Thread, d *Deque, x py.Value) (py.Value, error) {
		if x == d {
			x = py.Tuple(d.items())
		}
		return py.None, py.Iterate(t, x, func(v py.Value) error { d.Append(v); return t.Charge(itemBytes) })
	})
	one("extendleft", func(t *py.Thread, d *Deque, x py.Value) (py.Value, error) {
		if x == d {
			x = py.Tuple(d.items())
		}
		return py.None, py.Iterate(t, x, func(v py.Value) error { d.AppendLeft(v); return t.Charge(itemBytes) })
	})
	m("rotate", func(t *py.Thread, d *Deque, a []py.Value, kw []py.Kwarg) (py.Value, error) {
		if err := args.Count("rotate", a, 0, 1); err != nil {
			return nil, err
		}
		n := int64(1)
		if len(a) == 1 {
			var err error
			if n, err = py.AsIndex(a[0]); err != nil {
				return nil, err
			}
		}
		if d.n <= 1 {
			d.state++
			return py.None, nil
		}
		k := int(n % int64(d.n))
		if k < 0 {
			k += d.n
		}
		items := d.items()
		out := append(append([]py.Value{}, items[d.n-k:]...), items[:d.n-k]...)
		d.setItems(out)
		return py.None, nil
	})
	none("clear", func(t *py.Thread, d *Deque) (py.Value, error) { d.setItems(nil); return py.None, nil })
	none("copy", func(t *py.Thread, d *Deque) (py.Value, error) {
		c := NewDeque(d.maxlen)
		c.setItems(d.items())
		return c, nil
	})
	none("reverse", func(t *py.Thread, d *Deque) (py.Value, error) {
		items := d.items()
		for i, j := 0, len(items)-1; i < j; i, j = i+1, j-1 {
			items[i], items[j] = items[j], items[i]
		}
		d.setItems(items)
		return py.None, nil
	})
	one("count", func(t *py.Thread, d *Deque, x py.Value) (py.Value, error) {
		n := 0
		for _, v := range d.items() {
			eq, err := py.Equal(t, v, x)
			if err != nil {
				return nil, err
			}
			if eq {
				n++
			}
		}
		return py.Int(n), nil
	})
	one("remove", func(t *py.Thread, d *Deque, x py.Value) (py.Value, error) {
		items := d.items()
		for i, v := range items {
			eq, err := py.Equal(t, v, x)
			if err != nil {
				return nil, err
			}
			if eq {
				d.setItems(append(items[:i], items[i+1:]...))
				return py.None, nil
			}
		}
		s, err := py.Repr(t, x)
		if err != nil {
			return nil, err
		}
		return nil, py.Errorf(py.ValueErrorType, "%s is not in deque", s)
	})
	m("index", func(t *py.Thread, d *Deque, a []py.Value, kw []py.Kwarg) (py.Value, error) {
		if err := args.Count("index", a, 1, 3); err != nil {
			return nil, err
		}
		start, stop := 0, d.n
		for i, p := range a[1:] {
			v, err := py.AsIndex(p)
			if err != nil {
				return nil, err
			}
			if v < 0 {
				v += int64(d.n)
				if v < 0 {
					v = 0
				}
			}
			if v > int64(d.n) {
				v = int64(d.n)
			}
			if i == 0 {
				start = int(v)
			} else {
				stop = int(v)
			}
		}
		for i := start; i < stop; i++ {
			eq, err := py.Equal(t, d.At(i), a[0])
			if err != nil {
				return nil, err
			}
			if eq {
				return py.Int(i), nil
			}
		}
		s, err := py.Repr(t, a[0])
		if err != nil {
			return nil, err
		}
		return nil, py.Errorf(py.ValueErrorType, "%s is not in deque", s)
	})
	m("insert", func(t *py.Thread, d *Deque, a []py.Value, kw []py.Kwarg) (py.Value, error) {
		if err := args.Count("insert", a, 2, 2); err != nil {
			return nil, err
		}
		i, err := py.AsIndex(a[0])
		if err != nil {
			return nil, err
		}
		if d.maxlen >= 0 && d.n >= d.maxlen {
			return nil, py.Errorf(py.IndexErrorType, "deque already at its maximum size")
		}
		if i < 0 {
			i += int64(d.n)
			if i < 0 {
				i = 0
			}
		}
		if i > int64(d.n) {
			i = int64(d.n)
		}
		items := d.items()
		items = append(items[:i], append([]py.Value{a[1]}, items[i:]...)...)
		d.setItems(items)
		return py.None, nil
	})
}

// Reversed is reversed(d): an iterator from the right end.
func (d *Deque) Reversed(t *py.Thread) (py.Iterator, error) {
	return &dequeIter{d: d, state: d.state, rev: true}, nil
}

// Cmp orders two deques as sequences.
func (d *Deque) Cmp(t *py.Thread, b py.Value) (int, bool, error) {
	o, ok := b.(*Deque)
	if !ok {
		return 0, false, nil
	}
	c, err := seqCmp(t, d.items(), o.items())
	return c, true, err
}

package py

import (
	"strings"
	"unicode/utf8"
)

type listIter struct {
	l *List
	i int
}

// Type returns the iterator's type.
func (*listIter) Type() *Type { return ListIteratorType }

// Next returns the next item.
func (it *listIter) Next(t *Thread) (Value, bool, error) {
	if it.i < len(it.l.Elems) {
		v := it.l.Elems[it.i]
		it.i++
		return v, true, nil
	}
	it.i = 1 << 62
	return nil, false, nil
}

type tupleIter struct {
	elems []Value
	i     int
}

// Type returns the iterator's type.
func (*tupleIter) Type() *Type { return TupleIteratorType }

// Next returns the next item.
func (it *tupleIter) Next(t *Thread) (Value, bool, error) {
	if it.i < len(it.elems) {
		v := it.elems[it.i]
		it.i++
		return v, true, nil
	}
	return nil, false, nil
}

type rangeIter struct {
	next, stop, step int64
}

// Type returns the iterator's type.
func (*rangeIter) Type() *Type { return RangeIteratorType }

// Next returns the next item.
func (it *rangeIter) Next(t *Thread) (Value, bool, error) {
	if it.step > 0 && it.next < it.stop || it.step < 0 && it.next > it.stop {
		v := it.next
		it.next += it.step
		return Int(v), true, nil
	}
	return nil, false, nil
}

type strIter struct {
	s string
	i int
}

// Type returns the iterator's type.
func (*strIter) Type() *Type { return StrIteratorType }

// Next returns the next item.
func (it *strIter) Next(t *Thread) (Value, bool, error) {
	if it.i < len(it.s) {
		_, n := utf8.DecodeRuneInString(it.s[it.i:])
		v := it.s[it.i : it.i+n]
		it.i += n
		return Str(v), true, nil
	}
	return nil, false, nil
}

type bytesIter struct {
	s string
	i int
}

// Type returns the iterator's type.
func (*bytesIter) Type() *Type { return bytesIteratorType }

var bytesIteratorType = &Type{Name: "bytes_iterator", Module: "builtins", Base: ObjectType}

// Next returns the next item.
func (it *bytesIter) Next(t *Thread) (Value, bool, error) {
	if it.i < len(it.s) {
		v := it.s[it.i]
		it.i++
		return Int(v), true, nil
	}
	return nil, false, nil
}

type setIter struct {
	s    *Set
	i    int
	used int
}

// Type returns the iterator's type.
func (*setIter) Type() *Type { return SetIteratorType }

// Next returns the next item.
func (it *setIter) Next(t *Thread) (Value, bool, error) {
	if it.s.used != it.used {
		it.used = -1
		return nil, false, NewException(RuntimeErrorType, Str("Set changed size during iteration"))
	}
	for it.i < len(it.s.table) {
		e := it.s.table[it.i]
		it.i++
		if e.key != nil && e.key != dummy {
			return e.key, true, nil
		}
	}
	return nil, false, nil
}

// funcIter is an iterator implemented by a Go closure (map, filter, zip...).
type funcIter struct {
	typ  *Type
	next func(t *Thread) (Value, bool, error)
}

// Type returns the iterator's type.
func (it *funcIter) Type() *Type { return it.typ }

// Next returns the next item.
func (it *funcIter) Next(t *Thread) (Value, bool, error) { return it.next(t) }

// GetIter returns iter(v).
func GetIter(t *Thread, v Value) (Iterator, error) {
	switch v := v.(type) {
	case *List:
		return &listIter{l: v}, nil
	case Tuple:
		return &tupleIter{elems: v}, nil
	case *Range:
		return &rangeIter{v.Start, v.Stop, v.Step}, nil
	case Str:
		return &strIter{s: string(v)}, nil
	case Bytes:
		return &bytesIter{s: string(v)}, nil
	case *Dict:
		return &dictIter{d: v, size: v.used, kind: 'k'}, nil
	case *DictView:
		return &dictIter{d: v.D, size: v.D.used, kind: v.Kind}, nil
	case *Set:
		return &setIter{s: v, used: v.used}, nil
	case *Instance:
		return instanceIter(t, v)
	case Iterator:
		return v, nil
	case Iterable:
		return v.Iter(t)
	case *Type:
		if v.Members != nil {
			return &listIter{l: NewList(append([]Value(nil), v.Members.Order...))}, nil
		}
	}
	return nil, Errorf(TypeErrorType, "'%s' object is not iterable", typeName(v))
}

// Iterate calls fn for each item of the iterable v.
func Iterate(t *Thread, v Value, fn func(Value) error) error {
	switch v := v.(type) {
	case *List:
		for i := 0; i < len(v.Elems); i++ {
			if err := fn(v.Elems[i]); err != nil {
				return err
			}
		}
		return nil
	case Tuple:
		for _, x := range v {
			if err := fn(x); err != nil {
				return err
			}
		}
		return nil
	}
	it, err := GetIter(t, v)
	if err != nil {
		return err
	}
	if t != nil {
		// This loop runs on the Go stack: a step that blocks (an executor's
		// map waiting for a job) must block in place, not suspend the
		// thread out from under the builtin that is collecting the items.
		t.vm.nested++
		defer func() { t.vm.nested-- }()
	}
	for {
		x, ok, err := it.Next(t)
		if err != nil {
			return err
		}
		if !ok {
			return nil
		}
		if err := fn(x); err != nil {
			return err
		}
	}
}

// toList returns the items of an iterable as a new slice (copied).
func toList(t *Thread, v Value) ([]Value, error) {
	switch v := v.(type) {
	case *List:
		return append([]Value(nil), v.Elems...), nil
	case Tuple:
		return append([]Value(nil), v...), nil
	case *Range:
		n := v.Len()
		if n > maxSeqLen {
			return nil, memoryError()
		}
		// Each element a slot and a boxed int.
		if err := t.chargeElems(int64(n), valueBytes+8); err != nil {
			return nil, err
		}
		out := make([]Value, n)
		x := v.Start
		for i := range out {
			out[i] = Int(x)
			x += v.Step
		}
		return out, nil
	}
	var out []Value
	err := Iterate(t, v, func(x Value) error {
		if len(out) >= maxSeqLen {
			return memoryError()
		}
		if len(out) == cap(out) {
			if err := t.chargeElems(int64(len(out))+1, valueBytes); err != nil {
				return err
			}
		}
		out = append(out, x)
		return nil
	})
	if out == nil {
		out = []Value{}
	}
	return out, err
}

func toTuple(t *Thread, v Value) (Tuple, error) {
	if tu, ok := v.(Tuple); ok {
		return tu, nil
	}
	l, err := toList(t, v)
	return Tuple(l), err
}

// Contains reports whether x in coll.
func Contains(t *Thread, coll, x Value) (bool, error) {
	switch c := coll.(type) {
	case *Type:
		if c.Members != nil {
			if x.Type().Members == nil {
				return false, Errorf(TypeErrorType, "unsupported operand type(s) for 'in': '%s' and 'EnumType'", typeName(x))
			}
			for _, m := range c.Members.Order {
				if m == x {
					return true, nil
				}
			}
			return false, nil
		}
	case *Instance:
		return instanceContains(t, c, x)
	case *List:
		return seqContains(t, c.Elems, x)
	case Tuple:
		return seqContains(t, c, x)
	case Str:
		s, ok := x.(Str)
		if !ok {
			return false, Errorf(TypeErrorType, "'in <string>' requires string as left operand, not %s", typeName(x))
		}
		return strings.Contains(string(c), string(s)), nil
	case Bytes:
		switch s := x.(type) {
		case Bytes:
			return strings.Contains(string(c), string(s)), nil
		case Int, Bool:
			n, _ := AsIndex(s)
			if n < 0 || n > 255 {
				return false, Errorf(ValueErrorType, "byte must be in range(0, 256)")
			}
			return strings.IndexByte(string(c), byte(n)) >= 0, nil
		}
		return false, Errorf(TypeErrorType, "a bytes-like object is required, not '%s'", typeName(x))
	case *Dict:
		_, found, err := c.Get(t, x)
		return found, err
	case *Set:
		if s, ok := x.(*Set); ok && !s.Frozen {
			fs := s.Copy()
			fs.Frozen = true
			x = fs
		}
		return c.Contains(t, x)
	case *DictView:
		if c.Kind == 'k' {
			_, found, err := c.D.Get(t, x)
			return found, err
		}
	case *Range:
		if i, ok := x.(Int); ok {
			n := int64(i)
			if c.Step > 0 {
				return n >= c.Start && n < c.Stop && (n-c.Start)%c.Step == 0, nil
			}
			return n <= c.Start && n > c.Stop && (c.Start-n)%(-c.Step) == 0, nil
		}
	}
	if ct, ok := coll.(interface {
		Contains(t *Thread, x Value) (bool, error)
	}); ok {
		return ct.Contains(t, x)
	}
	found := false
	err := Iterate(t, coll, func(v Value) error {
		eq, err := Equal(t, v, x)
		if err != nil {
			return err
		}
		if eq {
			found = true
			return errStopIteration
		}
		return nil
	})
	if err == errStopIteration {
		err = nil
	}
	if err != nil {
		if e, ok := err.(*Exception); ok && e.Class == TypeErrorType && strings.HasSuffix(e.Message(), "is not iterable") {
			return false, Errorf(TypeErrorType, "argument of type '%s' is not iterable", typeName(coll))
		}
	}
	return found, err
}

// errStopIteration stops an Iterate early; it never escapes.
var errStopIteration = &Exception{Class: StopIterationType}

func seqContains(t *Thread, elems []Value, x Value) (bool, error) {
	for i := 0; i < len(elems); i++ {
		if identical(elems[i], x) {
			return true, nil
		}
		eq, err := Equal(t, elems[i], x)
		if err != nil || eq {
			return eq, err
		}
	}
	return false, nil
}

// normIndex turns a Python index into a Go one, or -1 when out of range.
func normIndex(i int64, n int) int {
	if i < 0 {
		i += int64(n)
	}
	if i < 0 || i >= int64(n) {
		return -1
	}
	return int(i)
}

// sliceIndices computes CPython's PySlice_AdjustIndices.
func sliceIndices(s *Slice, n int) (start, stop, step int, err error) {
	step = 1
	if s.Step != None && s.Step != nil {
		st, err := AsIndexSlice(s.Step)
		if err != nil {
			return 0, 0, 0, err
		}
		if st == 0 {
			return 0, 0, 0, Errorf(ValueErrorType, "slice step cannot be zero")
		}
		step = int(st)
	}
	ln := int64(n)
	get := func(v Value, def int64) (int64, error) {
		if v == nil || v == None {
			return def, nil
		}
		i, err := AsIndexSlice(v)
		if err != nil {
			return 0, err
		}
		if i < 0 {
			i += ln
			if i < 0 {
				if step < 0 {
					i = -1
				} else {
					i = 0
				}
			}
		} else if i >= ln {
			if step < 0 {
				i = ln - 1
			} else {
				i = ln
			}
		}
		return i, nil
	}
	var s0, s1 int64
	if step < 0 {
		s0, err = get(s.Start, ln-1)
		if err == nil {
			s1, err = get(s.Stop, -1)
		}
	} else {
		s0, err = get(s.Start, 0)
		if err == nil {
			s1, err = get(s.Stop, ln)
		}
	}
	return int(s0), int(s1), step, err
}

// AsIndexSlice converts a slice bound, clamping huge ints.
func AsIndexSlice(v Value) (int64, error) {
	if b, ok := v.(*BigInt); ok {
		if b.V.Sign() < 0 {
			return -(1 << 62), nil
		}
		return 1 << 62, nil
	}
	i, err := AsIndex(v)
	if err != nil {
		return 0, Errorf(TypeErrorType, "slice indices must be integers or None or have an __index__ method")
	}
	return i, nil
}

func sliceCount(start, stop, step int) int {
	if step > 0 {
		if start >= stop {
			return 0
		}
		return (stop - start + step - 1) / step
	}
	if start <= stop {
		return 0
	}
	return (start - stop - step - 1) / -step
}

func sliceValues(elems []Value, s *Slice) ([]Value, error) {
	start, stop, step, err := sliceIndices(s, len(elems))
	if err != nil {
		return nil, err
	}
	n := sliceCount(start, stop, step)
	out := make([]Value, n)
	for i, j := 0, start; i < n; i, j = i+1, j+step {
		out[i] = elems[j]
	}
	return out, nil
}

// GetItem returns x[k].
func GetItem(t *Thread, x, k Value) (Value, error) {
	switch c := x.(type) {
	case *List:
		if i, ok := k.(Int); ok {
			j := normIndex(int64(i), len(c.Elems))
			if j < 0 {
				return nil, Errorf(IndexErrorType, "list index out of range")
			}
			return c.Elems[j], nil
		}
		if s, ok := k.(*Slice); ok {
			v, err := sliceValues(c.Elems, s)
			if err != nil {
				return nil, err
			}
			return NewList(v), nil
		}
		i, err := indexOf(k, "list")
		if err != nil {
			return nil, err
		}
		return GetItem(t, x, Int(i))
	case Tuple:
		if i, ok := k.(Int); ok {
			j := normIndex(int64(i), len(c))
			if j < 0 {
				return nil, Errorf(IndexErrorType, "tuple index out of range")
			}
			return c[j], nil
		}
		if s, ok := k.(*Slice); ok {
			v, err := sliceValues(c, s)
			return Tuple(v), err
		}
		i, err := indexOf(k, "tuple")
		if err != nil {
			return nil, err
		}
		return GetItem(t, x, Int(i))
	case *Dict:
		v, found, err := c.Get(t, k)
		if err != nil {
			return nil, err
		}
		if !found {
			if c.Class != nil && c.Class.Missing != nil {
				return c.Class.Missing(t, c, k)
			}
			return nil, NewException(KeyErrorType, k)
		}
		return v, nil
	case Str:
		if s, ok := k.(*Slice); ok {
			return strSlice(string(c), s)
		}
		i, err := indexOf(k, "string")
		if err != nil {
			return nil, err
		}
		if isASCII(string(c)) {
			j := normIndex(i, len(c))
			if j < 0 {
				return nil, Errorf(IndexErrorType, "string index out of range")
			}
			return c[j : j+1], nil
		}
		r := []rune(string(c))
		j := normIndex(i, len(r))
		if j < 0 {
			return nil, Errorf(IndexErrorType, "string index out of range")
		}
		return Str(string(r[j])), nil
	case Bytes:
		if s, ok := k.(*Slice); ok {
			start, stop, step, err := sliceIndices(s, len(c))
			if err != nil {
				return nil, err
			}
			n := sliceCount(start, stop, step)
			b := make([]byte, n)
			for i, j := 0, start; i < n; i, j = i+1, j+step {
				b[i] = c[j]
			}
			return Bytes(b), nil
		}
		i, err := indexOf(k, "byte")
		if err != nil {
			return nil, err
		}
		j := normIndex(i, len(c))
		if j < 0 {
			return nil, Errorf(IndexErrorType, "index out of range")
		}
		return Int(c[j]), nil
	case *Range:
		if s, ok := k.(*Slice); ok {
			n := int(c.Len())
			start, stop, step, err := sliceIndices(s, n)
			if err != nil {
				return nil, err
			}
			return &Range{c.Start + int64(start)*c.Step, c.Start + int64(stop)*c.Step, c.Step * int64(step)}, nil
		}
		i, err := indexOf(k, "range object")
		if err != nil {
			return nil, err
		}
		j := normIndex(i, int(c.Len()))
		if j < 0 {
			return nil, Errorf(IndexErrorType, "range object index out of range")
		}
		return Int(c.Start + int64(j)*c.Step), nil
	case *Type:
		if c.Members != nil {
			v, ok, err := c.Members.ByName.Get(t, k)
			if err != nil || !ok {
				if err == nil {
					err = NewException(KeyErrorType, k)
				}
				return nil, err
			}
			return v, nil
		}
		// list[int] and friends in annotations-like expressions
		return c, nil
	}
	if g, ok := x.(interface {
		GetItem(t *Thread, k Value) (Value, error)
	}); ok {
		return g.GetItem(t, k)
	}
	if isUserObject(x) {
		return instanceGetItem(t, x, k)
	}
	return nil, Errorf(TypeErrorType, "'%s' object is not subscriptable", typeName(x))
}

func indexOf(k Value, what string) (int64, error) {
	switch k := k.(type) {
	case Int:
		return int64(k), nil
	case Bool:
		return int64(boolInt(k)), nil
	case *BigInt:
		return 0, Errorf(IndexErrorType, "cannot fit 'int' into an index-sized integer")
	}
	return 0, Errorf(TypeErrorType, "%s indices must be integers or slices, not %s", what, typeName(k))
}

func strSlice(s string, sl *Slice) (Value, error) {
	if isASCII(s) {
		start, stop, step, err := sliceIndices(sl, len(s))
		if err != nil {
			return nil, err
		}
		if step == 1 {
			if start >= stop {
				return Str(""), nil
			}
			return Str(s[start:stop]), nil
		}
		n := sliceCount(start, stop, step)
		b := make([]byte, n)
		for i, j := 0, start; i < n; i, j = i+1, j+step {
			b[i] = s[j]
		}
		return Str(b), nil
	}
	r := []rune(s)
	start, stop, step, err := sliceIndices(sl, len(r))
	if err != nil {
		return nil, err
	}
	n := sliceCount(start, stop, step)
	out := make([]rune, n)
	for i, j := 0, start; i < n; i, j = i+1, j+step {
		out[i] = r[j]
	}
	return Str(string(out)), nil
}

// SetItem performs x[k] = v.
func SetItem(t *Thread, x, k, v Value) error {
	switch c := x.(type) {
	case *List:
		if s, ok := k.(*Slice); ok {
			return listSetSlice(t, c, s, v)
		}
		i, err := indexOf(k, "list")
		if err != nil {
			return err
		}
		j := normIndex(i, len(c.Elems))
		if j < 0 {
			return Errorf(IndexErrorType, "list assignment index out of range")
		}
		c.Elems[j] = v
		return nil
	case *Dict:
		return c.SetItem(t, k, v)
	}
	if s, ok := x.(interface {
		SetItem(t *Thread, k, v Value) error
	}); ok {
		return s.SetItem(t, k, v)
	}
	if isUserObject(x) {
		return instanceSetItem(t, x, k, v)
	}
	return Errorf(TypeErrorType, "'%s' object does not support item assignment", typeName(x))
}

func listSetSlice(t *Thread, l *List, s *Slice, v Value) error {
	items, err := toList(t, v)
	if err != nil {
		if _, ok := err.(*Exception); ok {
			return Errorf(TypeErrorType, "can only assign an iterable")
		}
		return err
	}
	start, stop, step, err := sliceIndices(s, len(l.Elems))
	if err != nil {
		return err
	}
	if step == 1 {
		if stop < start {
			stop = start
		}
		out := make([]Value, 0, len(l.Elems)-(stop-start)+len(items))
		out = append(out, l.Elems[:start]...)
		out = append(out, items...)
		out = append(out, l.Elems[stop:]...)
		l.Elems = out
		return nil
	}
	n := sliceCount(start, stop, step)
	if n != len(items) {
		return Errorf(ValueErrorType, "attempt to assign sequence of size %d to extended slice of size %d", len(items), n)
	}
	for i, j := 0, start; i < n; i, j = i+1, j+step {
		l.Elems[j] = items[i]
	}
	return nil
}

// DelItem performs del x[k].
func DelItem(t *Thread, x, k Value) error {
	switch c := x.(type) {
	case *List:
		if s, ok := k.(*Slice); ok {
			start, stop, step, err := sliceIndices(s, len(c.Elems))
			if err != nil {
				return err
			}
			n := sliceCount(start, stop, step)
			del := make(map[int]bool, n)
			for i, j := 0, start; i < n; i, j = i+1, j+step {
				del[j] = true
			}
			out := c.Elems[:0:0]
			for i, e := range c.Elems {
				if !del[i] {
					out = append(out, e)
				}
			}
			c.Elems = out
			return nil
		}
		i, err := indexOf(k, "list")
		if err != nil {
			return err
		}
		j := normIndex(i, len(c.Elems))
		if j < 0 {
			return Errorf(IndexErrorType, "list assignment index out of range")
		}
		c.Elems = append(c.Elems[:j], c.Elems[j+1:]...)
		return nil
	case *Dict:
		_, found, err := c.Delete(t, k)
		if err != nil {
			return err
		}
		if !found {
			return NewException(KeyErrorType, k)
		}
		return nil
	}
	if d, ok := x.(interface {
		DelItem(t *Thread, k Value) error
	}); ok {
		return d.DelItem(t, k)
	}
	if isUserObject(x) {
		return instanceDelItem(t, x, k)
	}
	return Errorf(TypeErrorType, "'%s' object doesn't support item deletion", typeName(x))
}

// NextInPlace advances it from Go code that cannot be suspended: an
// iterator of a library module wrapping another (itertools.islice over an
// executor's map), or a builtin collecting items.
func NextInPlace(t *Thread, it Iterator) (Value, bool, error) { return nextInPlace(t, it) }

// nextInPlace advances it from Go code that cannot be suspended (a builtin
// collecting items, an iterator wrapping another): a step that has to wait
// blocks in place instead of suspending the thread, whose suspension would
// hand the inner step's outcome to the wrong caller.
func nextInPlace(t *Thread, it Iterator) (Value, bool, error) {
	if t == nil {
		return it.Next(t)
	}
	t.vm.nested++
	defer func() { t.vm.nested-- }()
	return it.Next(t)
}

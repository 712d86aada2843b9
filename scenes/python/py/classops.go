package py

// The special methods of classes, dispatched by the operations of ops.go,
// arith.go, iter.go and format.go when an operand is an instance.

// isInstance reports whether v is an instance of a class defined in Python
// (an exception instance of such a class included).
func isUserObject(v Value) bool {
	switch v := v.(type) {
	case *Instance:
		return true
	case *Exception:
		return v.Class.MRO != nil
	}
	return false
}

// richCompare calls x.name(y) and reports whether it gave an answer (not
// NotImplemented, and the method exists).
func richCompare(t *Thread, x Value, name string, y Value) (Value, bool, error) {
	if !isUserObject(x) {
		return nil, false, nil
	}
	v, ok, err := callSpecial(t, x, name, y)
	if err != nil || !ok {
		return nil, false, err
	}
	if v == NotImplemented {
		return nil, false, nil
	}
	return v, true, nil
}

// overrides reports whether y's class is a proper subclass of x's that
// defines name itself: CPython then tries y's reflected method first.
func overrides(x, y Value, name string) bool {
	tx, ty := x.Type(), y.Type()
	if tx == ty || ty.MRO == nil || !ty.IsSubtypeOf(tx) {
		return false
	}
	return ty.Lookup(name) != tx.Lookup(name)
}

// instanceEqual is a == b when either is an instance: __eq__, reflected,
// then identity.
func instanceEqual(t *Thread, a, b Value) (bool, error) {
	first, second := a, b
	if overrides(a, b, "__eq__") {
		first, second = b, a
	}
	if v, ok, err := richCompare(t, first, "__eq__", second); err != nil || ok {
		if err != nil {
			return false, err
		}
		return truthT(t, v)
	}
	if v, ok, err := richCompare(t, second, "__eq__", first); err != nil || ok {
		if err != nil {
			return false, err
		}
		return truthT(t, v)
	}
	return identical(a, b), nil
}

// reflected names the method CPython tries on the right operand.
var reflectedCompare = map[CompareOp][2]string{
	OpLT: {"__lt__", "__gt__"},
	OpLE: {"__le__", "__ge__"},
	OpGT: {"__gt__", "__lt__"},
	OpGE: {"__ge__", "__le__"},
	OpNE: {"__ne__", "__ne__"},
}

// instanceCompare is a op b (an ordering, or !=) when either is an
// instance.
func instanceCompare(t *Thread, op CompareOp, a, b Value) (bool, error) {
	names := reflectedCompare[op]
	if op == OpNE {
		if v, ok, err := richCompare(t, a, "__ne__", b); err != nil || ok {
			if err != nil {
				return false, err
			}
			return truthT(t, v)
		}
		if v, ok, err := richCompare(t, b, "__ne__", a); err != nil || ok {
			if err != nil {
				return false, err
			}
			return truthT(t, v)
		}
		eq, err := instanceEqual(t, a, b)
		return !eq, err
	}
	if overrides(a, b, names[1]) {
		if v, ok, err := richCompare(t, b, names[1], a); err != nil || ok {
			if err != nil {
				return false, err
			}
			return truthT(t, v)
		}
	}
	if v, ok, err := richCompare(t, a, names[0], b); err != nil || ok {
		if err != nil {
			return false, err
		}
		return truthT(t, v)
	}
	if v, ok, err := richCompare(t, b, names[1], a); err != nil || ok {
		if err != nil {
			return false, err
		}
		return truthT(t, v)
	}
	return false, Errorf(TypeErrorType, "'%s' not supported between instances of '%s' and '%s'",
		compareOpNames[op], typeName(a), typeName(b))
}

// instanceHash is hash(x): __hash__, unhashable when the class sets it to
// None (as defining __eq__ alone does), else by identity.
func instanceHash(t *Thread, x Value) (uint64, error) {
	m, err := special(t, x, "__hash__")
	if err != nil {
		return 0, err
	}
	if m == None {
		return 0, Errorf(TypeErrorType, "unhashable type: '%s'", typeName(x))
	}
	if m == nil {
		return identityHash(x), nil
	}
	v, err := t.callValue(m, nil, nil)
	if err != nil {
		return 0, err
	}
	switch v.(type) {
	case Int, *BigInt, Bool:
		return Hash(t, v)
	}
	return 0, Errorf(TypeErrorType, "__hash__ method should return an integer")
}

// instanceLen is len(x): __len__.
func instanceLen(t *Thread, x Value) (int, error) {
	v, ok, err := callSpecial(t, x, "__len__")
	if err != nil {
		return 0, err
	}
	if !ok {
		return 0, Errorf(TypeErrorType, "object of type '%s' has no len()", typeName(x))
	}
	n, isInt := v.(Int)
	if b, isBool := v.(Bool); isBool {
		n, isInt = boolInt(b), true
	}
	if !isInt {
		return 0, Errorf(TypeErrorType, "'%s' object cannot be interpreted as an integer", typeName(v))
	}
	if n < 0 {
		return 0, Errorf(ValueErrorType, "__len__() should return >= 0")
	}
	return int(n), nil
}

// instanceGetItem is x[k]: __getitem__ (or __class_getitem__ on a class).
func instanceGetItem(t *Thread, x, k Value) (Value, error) {
	v, ok, err := callSpecial(t, x, "__getitem__", k)
	if !ok && err == nil {
		return nil, Errorf(TypeErrorType, "'%s' object is not subscriptable", typeName(x))
	}
	return v, err
}

// instanceSetItem is x[k] = v: __setitem__.
func instanceSetItem(t *Thread, x, k, v Value) error {
	_, ok, err := callSpecial(t, x, "__setitem__", k, v)
	if !ok && err == nil {
		return Errorf(TypeErrorType, "'%s' object does not support item assignment", typeName(x))
	}
	return err
}

// instanceDelItem is del x[k]: __delitem__.
func instanceDelItem(t *Thread, x, k Value) error {
	_, ok, err := callSpecial(t, x, "__delitem__", k)
	if !ok && err == nil {
		return Errorf(TypeErrorType, "'%s' object doesn't support item deletion", typeName(x))
	}
	return err
}

// instanceContains is k in x: __contains__, else a search by iteration.
func instanceContains(t *Thread, x, k Value) (bool, error) {
	v, ok, err := callSpecial(t, x, "__contains__", k)
	if err != nil {
		return false, err
	}
	if ok {
		return truthT(t, v)
	}
	it, err := instanceIter(t, x)
	if err != nil {
		return false, Errorf(TypeErrorType, "argument of type '%s' is not iterable", typeName(x))
	}
	for {
		v, more, err := it.Next(t)
		if err != nil || !more {
			return false, err
		}
		if identical(v, k) {
			return true, nil
		}
		eq, err := Equal(t, v, k)
		if err != nil || eq {
			return eq, err
		}
	}
}

// instanceIter is iter(x): __iter__, whose result must be an iterator, or
// the sequence protocol over __getitem__.
func instanceIter(t *Thread, x Value) (Iterator, error) {
	m, err := special(t, x, "__iter__")
	if err != nil {
		return nil, err
	}
	if m == nil || m == None {
		if g, _ := special(t, x, "__getitem__"); g != nil && g != None && m == nil {
			return &seqIter{get: g}, nil
		}
		return nil, Errorf(TypeErrorType, "'%s' object is not iterable", typeName(x))
	}
	v, err := t.callValue(m, nil, nil)
	if err != nil {
		return nil, err
	}
	if o, ok := v.(*Instance); ok {
		if n, _ := special(t, o, "__next__"); n == nil || n == None {
			return nil, Errorf(TypeErrorType, "iter() returned non-iterator of type '%s'", typeName(v))
		}
		return o, nil
	}
	it, ok := v.(Iterator)
	if !ok {
		return nil, Errorf(TypeErrorType, "iter() returned non-iterator of type '%s'", typeName(v))
	}
	return it, nil
}

// Next makes an instance with __next__ an Iterator: StopIteration ends it.
func (o *Instance) Next(t *Thread) (Value, bool, error) {
	v, ok, err := callSpecial(t, o, "__next__")
	if err != nil {
		if e, isExc := err.(*Exception); isExc && e.Class.IsSubtypeOf(StopIterationType) {
			return nil, false, nil
		}
		return nil, false, err
	}
	if !ok {
		return nil, false, Errorf(TypeErrorType, "'%s' object is not an iterator", typeName(o))
	}
	return v, true, nil
}

// seqIter iterates an object that has __getitem__ but no __iter__.
type seqIter struct {
	get Value
	i   int
}

// Type returns the iterator type.
func (*seqIter) Type() *Type { return IteratorType }

// Next calls __getitem__(i) until IndexError or StopIteration.
func (s *seqIter) Next(t *Thread) (Value, bool, error) {
	v, err := t.callValue(s.get, []Value{Int(s.i)}, nil)
	if err != nil {
		if e, ok := err.(*Exception); ok && (e.Class.IsSubtypeOf(IndexErrorType) || e.Class.IsSubtypeOf(StopIterationType)) {
			return nil, false, nil
		}
		return nil, false, err
	}
	s.i++
	return v, true, nil
}

var binarySpecials = [...][2]string{
	OpAdd: {"__add__", "__radd__"}, OpSub: {"__sub__", "__rsub__"}, OpMul: {"__mul__", "__rmul__"},
	OpTrueDiv: {"__truediv__", "__rtruediv__"}, OpFloorDiv: {"__floordiv__", "__rfloordiv__"},
	OpMod: {"__mod__", "__rmod__"}, OpPow: {"__pow__", "__rpow__"}, OpLShift: {"__lshift__", "__rlshift__"},
	OpRShift: {"__rshift__", "__rrshift__"}, OpAnd: {"__and__", "__rand__"}, OpOr: {"__or__", "__ror__"},
	OpXor: {"__xor__", "__rxor__"}, OpMatMul: {"__matmul__", "__rmatmul__"},
}

// instanceBinary is x op y when either is an instance: x.__op__(y), then
// y.__rop__(x) (first when y's class is a subclass that overrides it).
func instanceBinary(t *Thread, op BinOp, x, y Value) (Value, error) {
	names := binarySpecials[op]
	if overrides(x, y, names[1]) {
		if v, ok, err := richCompare(t, y, names[1], x); err != nil || ok {
			return v, err
		}
	}
	if v, ok, err := richCompare(t, x, names[0], y); err != nil || ok {
		return v, err
	}
	if x.Type() != y.Type() {
		if v, ok, err := richCompare(t, y, names[1], x); err != nil || ok {
			return v, err
		}
	}
	if op == OpPow {
		return nil, Errorf(TypeErrorType, "unsupported operand type(s) for ** or pow(): '%s' and '%s'", typeName(x), typeName(y))
	}
	return nil, Errorf(TypeErrorType, "unsupported operand type(s) for %s: '%s' and '%s'", op.String(), typeName(x), typeName(y))
}

// instanceInplace is x op= y for an instance: __iop__, else x op y.
func instanceInplace(t *Thread, op BinOp, x, y Value) (Value, error) {
	name := "__i" + binarySpecials[op][0][2:]
	if v, ok, err := richCompare(t, x, name, y); err != nil || ok {
		return v, err
	}
	return instanceBinary(t, op, x, y)
}

// instanceUnary is -x, +x, ~x for an instance.
func instanceUnary(t *Thread, op UnaryOp, x Value) (Value, error) {
	name := [...]string{"__neg__", "__pos__", "__invert__"}[op]
	v, ok, err := callSpecial(t, x, name)
	if err != nil || ok {
		return v, err
	}
	return nil, Errorf(TypeErrorType, "bad operand type for unary %s: '%s'", [...]string{"-", "+", "~"}[op], typeName(x))
}

// instanceAwait is the iterator of await x: x.__await__() must return an
// iterator (a generator, or a coroutine's awaitable).
func instanceAwait(t *Thread, x Value) (Value, error) {
	v, ok, err := callSpecial(t, x, "__await__")
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, Errorf(TypeErrorType, "object %s can't be used in 'await' expression", typeName(x))
	}
	switch it := v.(type) {
	case *Generator:
		if it.IsCoroutine() {
			return nil, Errorf(TypeErrorType, "__await__() returned a coroutine")
		}
		return it, nil
	case Coroutine:
		return it, nil
	}
	return nil, Errorf(TypeErrorType, "__await__() returned non-iterator of type '%s'", typeName(v))
}

// coroWrapper is what coro.__await__() returns: an iterator over the
// coroutine's steps, for an __await__ method to return.
type coroWrapper struct{ g *Generator }

var coroWrapperType = &Type{Name: "coroutine_wrapper", Module: "builtins", Base: ObjectType}

// Type returns the coroutine_wrapper type.
func (*coroWrapper) Type() *Type { return coroWrapperType }

// Resume steps the coroutine.
func (w *coroWrapper) Resume(t *Thread, send Value, throw *Exception) (Value, CoroState, error) {
	return w.g.Resume(t, send, throw)
}

// Close closes the coroutine.
func (w *coroWrapper) Close(t *Thread) error { return w.g.Close(t) }

// QualName is the coroutine's.
func (w *coroWrapper) QualName() string { return w.g.QualName() }

// Where is where the coroutine is suspended.
func (w *coroWrapper) Where() (int, int) { return w.g.Where() }

// Started reports whether the coroutine has run.
func (w *coroWrapper) Started() bool { return w.g.Started() }

// Done reports whether it has finished.
func (w *coroWrapper) Done() bool { return w.g.Done() }

// Next makes the wrapper an iterator (next(coro.__await__())).
func (w *coroWrapper) Next(t *Thread) (Value, bool, error) { return w.g.Next(t) }

// AwaitIterOf returns the iterator that await x runs when x is an instance
// of a class that defines __await__ (what asyncio.ensure_future wraps in a
// task, as CPython's _wrap_awaitable does); ok is false for other values.
func AwaitIterOf(t *Thread, x Value) (it Coroutine, ok bool, err error) {
	o, isInst := x.(*Instance)
	if !isInst || o.Class.Lookup("__await__") == nil {
		return nil, false, nil
	}
	v, err := instanceAwait(t, o)
	if err != nil {
		return nil, true, err
	}
	return v.(Coroutine), true, nil
}

// nativeAwait returns the __await__ method of a native coroutine
// (asyncio.sleep(1)) or awaitable (a Future, a Task): what an awaitable
// class's __await__ delegates to with yield from; nil for other values.
func nativeAwait(x Value) *Builtin {
	switch v := x.(type) {
	case *Generator:
		return nil
	case Coroutine:
		return NewBuiltin("__await__", func(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
			if err := checkArgs("__await__", args, 0, 0); err != nil {
				return nil, err
			}
			return v, nil
		})
	case Awaitable:
		return NewBuiltin("__await__", func(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
			if err := checkArgs("__await__", args, 0, 0); err != nil {
				return nil, err
			}
			return v.AwaitIter(t)
		})
	}
	return nil
}

// Abs is abs(x) for an instance: __abs__.
func (o *Instance) Abs(t *Thread) (Value, error) {
	v, ok, err := callSpecial(t, o, "__abs__")
	if err != nil || ok {
		return v, err
	}
	return nil, Errorf(TypeErrorType, "bad operand type for abs(): '%s'", typeName(o))
}

package py

import (
	"loopscope/scenes/python/syntax"
	"math"
	"math/big"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// builtinValues is the builtins namespace.
var builtinValues = map[string]Value{}

// Builtins returns the value of a builtin name (nil if none), for hosts
// that need e.g. the builtin print.
func Builtins(name string) Value { return builtinValues[name] }

func def(name string, fn BuiltinFunc) {
	builtinValues[name] = &Builtin{Name: name, Fn: fn}
}

func kwArg(kw []Kwarg, name string) (Value, bool) {
	for _, k := range kw {
		if k.Name == name {
			return k.Value, true
		}
	}
	return nil, false
}

func onlyKw(fname string, kw []Kwarg, allowed ...string) error {
	for _, k := range kw {
		ok := false
		for _, a := range allowed {
			if k.Name == a {
				ok = true
			}
		}
		if !ok {
			return Errorf(TypeErrorType, "%s() got an unexpected keyword argument '%s'", fname, k.Name)
		}
	}
	return nil
}

func init() {
	for _, e := range builtinExceptions {
		builtinValues[e.Name] = e
	}
	ExceptionGroupType.Mixin = BaseExceptionGroupType
	for _, typ := range []*Type{IntType, BoolType, FloatType, StrType, BytesType, TupleType, ListType,
		DictType, SetType, FrozenSetType, RangeType, TypeType, ObjectType, SliceType,
		EnumerateType, ZipType, MapType, FilterType, ReversedType} {
		builtinValues[typ.Name] = typ
	}
	IntType.New = newInt
	BoolType.New = func(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		if err := noKwargs("bool", kw); err != nil {
			return nil, err
		}
		if err := checkArgs("bool", args, 0, 1); err != nil {
			return nil, err
		}
		if len(args) == 0 {
			return False, nil
		}
		return Bool(Truth(args[0])), nil
	}
	FloatType.New = newFloat
	StrType.New = newStr
	BytesType.New = newBytes
	TupleType.New = func(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		if err := noKwargs("tuple", kw); err != nil {
			return nil, err
		}
		if err := checkArgs("tuple", args, 0, 1); err != nil {
			return nil, err
		}
		if len(args) == 0 {
			return Tuple{}, nil
		}
		l, err := toList(t, args[0])
		return Tuple(l), err
	}
	ListType.New = func(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		if err := noKwargs("list", kw); err != nil {
			return nil, err
		}
		if err := checkArgs("list", args, 0, 1); err != nil {
			return nil, err
		}
		if len(args) == 0 {
			return NewList([]Value{}), nil
		}
		l, err := toList(t, args[0])
		if err != nil {
			return nil, err
		}
		return NewList(l), nil
	}
	DictType.New = func(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		if err := checkArgs("dict", args, 0, 1); err != nil {
			return nil, err
		}
		d := NewDict()
		if len(args) == 1 {
			if err := dictUpdate(t, d, args[0]); err != nil {
				return nil, err
			}
		}
		for _, k := range kw {
			d.SetStr(k.Name, k.Value)
		}
		return d, nil
	}
	DictType.Attrs = map[string]Value{
		"fromkeys": NewBuiltin("fromkeys", func(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
			if err := checkArgs("fromkeys", args, 1, 2); err != nil {
				return nil, err
			}
			var v Value = None
			if len(args) == 2 {
				v = args[1]
			}
			d := NewDict()
			err := Iterate(t, args[0], func(k Value) error { return d.SetItem(t, k, v) })
			return d, err
		}),
	}
	SetType.New = func(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		if err := noKwargs("set", kw); err != nil {
			return nil, err
		}
		if err := checkArgs("set", args, 0, 1); err != nil {
			return nil, err
		}
		s := NewSet()
		if len(args) == 1 {
			if err := setUpdate(t, s, args[0]); err != nil {
				return nil, err
			}
		}
		return s, nil
	}
	FrozenSetType.New = func(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		s, err := SetType.New(t, nil, args, kw)
		if err != nil {
			return nil, err
		}
		s.(*Set).Frozen = true
		return s, nil
	}
	RangeType.New = newRange
	TypeType.New = func(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		if len(args) != 1 {
			return nil, Errorf(TypeErrorType, "type() takes 1 argument in scenes")
		}
		return args[0].Type(), nil
	}
	ObjectType.New = func(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		if len(args) > 0 || len(kw) > 0 {
			return nil, Errorf(TypeErrorType, "object() takes no arguments")
		}
		return &plainObject{}, nil
	}
	SliceType.New = func(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		switch len(args) {
		case 1:
			return &Slice{None, args[0], None}, nil
		case 2:
			return &Slice{args[0], args[1], None}, nil
		case 3:
			return &Slice{args[0], args[1], args[2]}, nil
		}
		return nil, Errorf(TypeErrorType, "slice expected at least 1 argument, got %d", len(args))
	}
	EnumerateType.New = builtinEnumerate
	ZipType.New = builtinZip
	MapType.New = builtinMap
	FilterType.New = builtinFilter
	ReversedType.New = builtinReversed

	def("print", builtinPrint)
	def("len", func(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		if err := checkArgs("len", args, 1, 1); err != nil {
			return nil, err
		}
		n, err := Len(t, args[0])
		return Int(n), err
	})
	def("repr", func(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		if err := checkArgs("repr", args, 1, 1); err != nil {
			return nil, err
		}
		s, err := Repr(t, args[0])
		return Str(s), err
	})
	def("ascii", func(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		if err := checkArgs("ascii", args, 1, 1); err != nil {
			return nil, err
		}
		s, err := Repr(t, args[0])
		return Str(asciiEscape(s)), err
	})
	def("format", func(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		if err := checkArgs("format", args, 1, 2); err != nil {
			return nil, err
		}
		spec := ""
		if len(args) == 2 {
			s, ok := args[1].(Str)
			if !ok {
				return nil, Errorf(TypeErrorType, "format() argument 2 must be str, not %s", typeName(args[1]))
			}
			spec = string(s)
		}
		s, err := Format(t, args[0], spec)
		return Str(s), err
	})
	def("abs", func(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		if err := checkArgs("abs", args, 1, 1); err != nil {
			return nil, err
		}
		switch x := args[0].(type) {
		case Int:
			if x < 0 {
				return Unary(t, OpNeg, x)
			}
			return x, nil
		case Bool:
			return boolInt(x), nil
		case *BigInt:
			return MakeBigInt(new(big.Int).Abs(x.V)), nil
		case Float:
			return Float(math.Abs(float64(x))), nil
		case interface {
			Abs(t *Thread) (Value, error)
		}:
			return x.Abs(t)
		}
		return nil, Errorf(TypeErrorType, "bad operand type for abs(): '%s'", typeName(args[0]))
	})
	def("min", func(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		return minMax(t, "min", args, kw, OpLT)
	})
	def("max", func(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		return minMax(t, "max", args, kw, OpGT)
	})
	def("sum", builtinSum)
	def("sorted", func(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		if len(args) != 1 {
			return nil, Errorf(TypeErrorType, "sorted expected 1 argument, got %d", len(args))
		}
		key, reverse, err := sortArgs(kw, "sorted")
		if err != nil {
			return nil, err
		}
		l, err := toList(t, args[0])
		if err != nil {
			return nil, err
		}
		if err := sortValues(t, l, key, reverse); err != nil {
			return nil, err
		}
		return NewList(l), nil
	})
	def("any", func(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		if err := checkArgs("any", args, 1, 1); err != nil {
			return nil, err
		}
		found := false
		err := Iterate(t, args[0], func(v Value) error {
			if Truth(v) {
				found = true
				return errStopIteration
			}
			return nil
		})
		if err == errStopIteration {
			err = nil
		}
		return Bool(found), err
	})
	def("all", func(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		if err := checkArgs("all", args, 1, 1); err != nil {
			return nil, err
		}
		ok := true
		err := Iterate(t, args[0], func(v Value) error {
			if !Truth(v) {
				ok = false
				return errStopIteration
			}
			return nil
		})
		if err == errStopIteration {
			err = nil
		}
		return Bool(ok), err
	})
	def("isinstance", func(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		if err := checkArgs("isinstance", args, 2, 2); err != nil {
			return nil, err
		}
		ok, err := isInstance(args[0], args[1])
		return Bool(ok), err
	})
	def("issubclass", func(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		if err := checkArgs("issubclass", args, 2, 2); err != nil {
			return nil, err
		}
		c, ok := args[0].(*Type)
		if !ok {
			return nil, Errorf(TypeErrorType, "issubclass() arg 1 must be a class")
		}
		ok, err := isSubclass(c, args[1])
		return Bool(ok), err
	})
	def("callable", func(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		if err := checkArgs("callable", args, 1, 1); err != nil {
			return nil, err
		}
		return Bool(IsCallable(args[0])), nil
	})
	def("hasattr", func(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		if err := checkArgs("hasattr", args, 2, 2); err != nil {
			return nil, err
		}
		name, ok := args[1].(Str)
		if !ok {
			return nil, Errorf(TypeErrorType, "attribute name must be string, not '%s'", typeName(args[1]))
		}
		_, err := GetAttr(t, args[0], string(name))
		if err != nil {
			if e, ok := err.(*Exception); ok && e.Class.IsSubtypeOf(AttributeErrorType) {
				return False, nil
			}
			return nil, err
		}
		return True, nil
	})
	def("getattr", func(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		if err := checkArgs("getattr", args, 2, 3); err != nil {
			return nil, err
		}
		name, ok := args[1].(Str)
		if !ok {
			return nil, Errorf(TypeErrorType, "attribute name must be string, not '%s'", typeName(args[1]))
		}
		v, err := GetAttr(t, args[0], string(name))
		if err != nil && len(args) == 3 {
			if e, ok := err.(*Exception); ok && e.Class.IsSubtypeOf(AttributeErrorType) {
				return args[2], nil
			}
		}
		return v, err
	})
	def("setattr", func(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		if err := checkArgs("setattr", args, 3, 3); err != nil {
			return nil, err
		}
		name, ok := args[1].(Str)
		if !ok {
			return nil, Errorf(TypeErrorType, "attribute name must be string, not '%s'", typeName(args[1]))
		}
		return None, SetAttr(t, args[0], string(name), args[2])
	})
	def("divmod", func(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		if err := checkArgs("divmod", args, 2, 2); err != nil {
			return nil, err
		}
		if z, ok := args[1].(Float); ok && z == 0 {
			if _, ok := toFloat(args[0]); ok {
				return nil, Errorf(ZeroDivisionErrorType, "float divmod()")
			}
		}
		if _, ok := args[0].(Float); ok {
			if z, ok := toFloat(args[1]); ok && z == 0 {
				return nil, Errorf(ZeroDivisionErrorType, "float divmod()")
			}
		}
		q, err := Binary(t, OpFloorDiv, args[0], args[1])
		if err != nil {
			if e, ok := err.(*Exception); ok && e.Class == TypeErrorType {
				return nil, Errorf(TypeErrorType, "unsupported operand type(s) for divmod(): '%s' and '%s'", typeName(args[0]), typeName(args[1]))
			}
			return nil, err
		}
		r, err := Binary(t, OpMod, args[0], args[1])
		if err != nil {
			return nil, err
		}
		return Tuple{q, r}, nil
	})
	def("pow", func(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		if err := checkArgs("pow", args, 2, 3); err != nil {
			return nil, err
		}
		if len(args) == 3 && args[2] != None {
			b, e, m := toBig(args[0]), toBig(args[1]), toBig(args[2])
			if b == nil || e == nil || m == nil {
				return nil, Errorf(TypeErrorType, "pow() 3rd argument not allowed unless all arguments are integers")
			}
			if m.Sign() == 0 {
				return nil, Errorf(ValueErrorType, "pow() 3rd argument cannot be 0")
			}
			if e.Sign() < 0 {
				inv := new(big.Int).ModInverse(b, new(big.Int).Abs(m))
				if inv == nil {
					return nil, Errorf(ValueErrorType, "base is not invertible for the given modulus")
				}
				b, e = inv, new(big.Int).Neg(e)
			}
			r := new(big.Int).Exp(b, e, new(big.Int).Abs(m))
			if m.Sign() < 0 && r.Sign() != 0 {
				r.Add(r, m)
			}
			return MakeBigInt(r), nil
		}
		return Binary(t, OpPow, args[0], args[1])
	})
	def("round", builtinRound)
	def("chr", func(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		if err := checkArgs("chr", args, 1, 1); err != nil {
			return nil, err
		}
		i, err := AsIndex(args[0])
		if err != nil {
			return nil, err
		}
		if i < 0 || i > 0x10ffff {
			return nil, Errorf(ValueErrorType, "chr() arg not in range(0x110000)")
		}
		return Str(string(syntax.SurrogateRune(rune(i)))), nil
	})
	def("ord", func(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		if err := checkArgs("ord", args, 1, 1); err != nil {
			return nil, err
		}
		switch s := args[0].(type) {
		case Str:
			if utf8.RuneCountInString(string(s)) != 1 {
				return nil, Errorf(TypeErrorType, "ord() expected a character, but string of length %d found", utf8.RuneCountInString(string(s)))
			}
			r, _ := utf8.DecodeRuneInString(string(s))
			return Int(syntax.CodePoint(r)), nil
		case Bytes:
			if len(s) != 1 {
				return nil, Errorf(TypeErrorType, "ord() expected a character, but string of length %d found", len(s))
			}
			return Int(s[0]), nil
		}
		return nil, Errorf(TypeErrorType, "ord() expected string of length 1, but %s found", typeName(args[0]))
	})
	radix := func(name string, base int, prefix string) {
		def(name, func(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
			if err := checkArgs(name, args, 1, 1); err != nil {
				return nil, err
			}
			iv, ok := asInt(args[0])
			if !ok {
				return nil, Errorf(TypeErrorType, "'%s' object cannot be interpreted as an integer", typeName(args[0]))
			}
			b := toBig(iv)
			if b.Sign() < 0 {
				return Str("-" + prefix + new(big.Int).Neg(b).Text(base)), nil
			}
			return Str(prefix + b.Text(base)), nil
		})
	}
	radix("hex", 16, "0x")
	radix("oct", 8, "0o")
	radix("bin", 2, "0b")
	def("iter", func(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		if err := checkArgs("iter", args, 1, 1); err != nil {
			return nil, err
		}
		return GetIter(t, args[0])
	})
	def("next", func(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		if err := checkArgs("next", args, 1, 2); err != nil {
			return nil, err
		}
		it, ok := args[0].(Iterator)
		if !ok {
			return nil, Errorf(TypeErrorType, "'%s' object is not an iterator", typeName(args[0]))
		}
		if g, ok := it.(*Generator); ok && len(args) == 1 {
			return genStep(t, g, None, nil)
		}
		v, ok, err := it.Next(t) // called straight from bytecode: it may suspend the thread
		if err != nil {
			return nil, err
		}
		if !ok {
			if len(args) == 2 {
				return args[1], nil
			}
			return nil, NewException(StopIterationType)
		}
		return v, nil
	})
	def("hash", func(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		if err := checkArgs("hash", args, 1, 1); err != nil {
			return nil, err
		}
		h, err := Hash(t, args[0])
		return Int(int64(h)), err
	})
	def("id", func(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		if err := checkArgs("id", args, 1, 1); err != nil {
			return nil, err
		}
		return Int(int64(identityHash(args[0]) & 0xffffffffffff)), nil
	})
	def("aiter", func(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		if err := checkArgs("aiter", args, 1, 1); err != nil {
			return nil, err
		}
		return getAIter(t, args[0])
	})
	def("anext", func(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		if err := checkArgs("anext", args, 1, 1); err != nil {
			return nil, err
		}
		return getANext(t, args[0])
	})
}

// plainObject is object(): a sentinel with identity only.
type plainObject struct{ _ byte }

// Type returns ObjectType.
func (*plainObject) Type() *Type { return ObjectType }

func isInstance(v Value, cls Value) (bool, error) {
	switch c := cls.(type) {
	case *Type:
		return v.Type().IsSubtypeOf(c), nil
	case Tuple:
		for _, x := range c {
			ok, err := isInstance(v, x)
			if err != nil || ok {
				return ok, err
			}
		}
		return false, nil
	}
	return false, Errorf(TypeErrorType, "isinstance() arg 2 must be a type, a tuple of types, or a union")
}

func isSubclass(c *Type, cls Value) (bool, error) {
	switch x := cls.(type) {
	case *Type:
		return c.IsSubtypeOf(x), nil
	case Tuple:
		for _, y := range x {
			ok, err := isSubclass(c, y)
			if err != nil || ok {
				return ok, err
			}
		}
		return false, nil
	}
	return false, Errorf(TypeErrorType, "issubclass() arg 2 must be a class, a tuple of classes, or a union")
}

func builtinPrint(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	sep, end := " ", "\n"
	var file Value
	for _, k := range kw {
		switch k.Name {
		case "sep":
			if k.Value != None {
				s, ok := k.Value.(Str)
				if !ok {
					return nil, Errorf(TypeErrorType, "sep must be None or a string, not %s", typeName(k.Value))
				}
				sep = string(s)
			}
		case "end":
			if k.Value != None {
				s, ok := k.Value.(Str)
				if !ok {
					return nil, Errorf(TypeErrorType, "end must be None or a string, not %s", typeName(k.Value))
				}
				end = string(s)
			}
		case "file":
			if k.Value != None {
				file = k.Value
			}
		case "flush":
		default:
			return nil, Errorf(TypeErrorType, "'%s' is an invalid keyword argument for print()", k.Name)
		}
	}
	var b strings.Builder
	// CPython's print writes each piece in turn: a piece holding a lone
	// surrogate fails to encode after the pieces before it went out.
	var encErr error
	piece := func(s string) {
		if encErr == nil {
			if encErr = CheckEncodable(s); encErr == nil {
				b.WriteString(s)
			}
		}
	}
	for i, a := range args {
		if i > 0 {
			piece(sep)
		}
		s, err := ToStr(t, a)
		if err != nil {
			return nil, err
		}
		piece(s)
	}
	piece(end)
	if encErr != nil && file == nil {
		if t.Host != nil && b.Len() > 0 {
			t.Host.Write(t, b.String())
		}
		return nil, encErr
	}
	if file != nil {
		// print(..., file=sys.stderr): the file's write method
		write, err := GetAttr(t, file, "write")
		if err != nil {
			return nil, err
		}
		if _, err := t.Call(write, []Value{Str(b.String())}, nil); err != nil {
			return nil, err
		}
		return None, nil
	}
	if t.Host != nil {
		t.Host.Write(t, b.String())
	}
	return None, nil
}

func minMax(t *Thread, name string, args []Value, kw []Kwarg, op CompareOp) (Value, error) {
	if err := onlyKw(name, kw, "key", "default"); err != nil {
		return nil, err
	}
	key, _ := kwArg(kw, "key")
	if key == None {
		key = nil
	}
	def, hasDef := kwArg(kw, "default")
	var items []Value
	if len(args) == 0 {
		return nil, Errorf(TypeErrorType, "%s expected at least 1 argument, got 0", name)
	}
	if len(args) == 1 {
		var err error
		items, err = toList(t, args[0])
		if err != nil {
			return nil, err
		}
		if len(items) == 0 {
			if hasDef {
				return def, nil
			}
			return nil, Errorf(ValueErrorType, "%s() arg is an empty sequence", name)
		}
	} else {
		if hasDef {
			return nil, Errorf(TypeErrorType, "Cannot specify a default for %s() with multiple positional arguments", name)
		}
		items = args
	}
	best := items[0]
	bestKey := best
	if key != nil {
		k, err := t.Call(key, []Value{best}, nil)
		if err != nil {
			return nil, err
		}
		bestKey = k
	}
	for _, x := range items[1:] {
		xk := x
		if key != nil {
			k, err := t.Call(key, []Value{x}, nil)
			if err != nil {
				return nil, err
			}
			xk = k
		}
		better, err := Compare(t, op, xk, bestKey)
		if err != nil {
			return nil, err
		}
		if better {
			best, bestKey = x, xk
		}
	}
	return best, nil
}

func builtinSum(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if err := checkArgs("sum", args, 1, 2); err != nil {
		return nil, err
	}
	var acc Value = Int(0)
	if len(args) == 2 {
		acc = args[1]
	}
	if v, ok := kwArg(kw, "start"); ok {
		acc = v
	}
	switch acc.(type) {
	case Str:
		return nil, Errorf(TypeErrorType, "sum() can't sum strings [use ''.join(seq) instead]")
	case Bytes:
		return nil, Errorf(TypeErrorType, "sum() can't sum bytes [use b''.join(seq) instead]")
	}
	err := Iterate(t, args[0], func(v Value) error {
		r, err := Binary(t, OpAdd, acc, v)
		if err != nil {
			return err
		}
		acc = r
		return nil
	})
	return acc, err
}

func sortArgs(kw []Kwarg, name string) (key Value, reverse bool, err error) {
	for _, k := range kw {
		switch k.Name {
		case "key":
			if k.Value != None {
				key = k.Value
			}
		case "reverse":
			reverse = Truth(k.Value)
		default:
			return nil, false, Errorf(TypeErrorType, "'%s' is an invalid keyword argument for %s()", k.Name, name)
		}
	}
	return key, reverse, nil
}

// sortValues sorts stably by <, as list.sort does; reverse keeps equal
// items in their original order.
func sortValues(t *Thread, elems []Value, key Value, reverse bool) error {
	keys := elems
	if key != nil {
		keys = make([]Value, len(elems))
		for i, e := range elems {
			k, err := t.Call(key, []Value{e}, nil)
			if err != nil {
				return err
			}
			keys[i] = k
		}
	}
	idx := make([]int, len(elems))
	for i := range idx {
		idx[i] = i
	}
	if reverse {
		for i, j := 0, len(idx)-1; i < j; i, j = i+1, j-1 {
			idx[i], idx[j] = idx[j], idx[i]
		}
	}
	var err error
	sort.SliceStable(idx, func(a, b int) bool {
		if err != nil {
			return false
		}
		x, y := keys[idx[a]], keys[idx[b]]
		if xi, ok := x.(Int); ok {
			if yi, ok := y.(Int); ok {
				return xi < yi
			}
		}
		if xs, ok := x.(Str); ok {
			if ys, ok := y.(Str); ok {
				return xs < ys
			}
		}
		var lt bool
		lt, err = Compare(t, OpLT, x, y)
		return lt
	})
	if err != nil {
		return err
	}
	if reverse {
		for i, j := 0, len(idx)-1; i < j; i, j = i+1, j-1 {
			idx[i], idx[j] = idx[j], idx[i]
		}
	}
	out := make([]Value, len(elems))
	for i, j := range idx {
		out[i] = elems[j]
	}
	copy(elems, out)
	return nil
}

func builtinRound(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if v, ok := kwArg(kw, "ndigits"); ok {
		args = append(append([]Value{}, args...), v)
	}
	if err := checkArgs("round", args, 1, 2); err != nil {
		return nil, err
	}
	hasN := len(args) == 2 && args[1] != None
	switch x := args[0].(type) {
	case Float:
		if !hasN {
			f := math.RoundToEven(float64(x))
			return floatToInt(f)
		}
		n, err := AsIndex(args[1])
		if err != nil {
			return nil, err
		}
		r, err := roundFloat(float64(x), n)
		return Float(r), err
	case Int, *BigInt, Bool:
		iv, _ := asInt(x)
		if !hasN {
			return iv, nil
		}
		n, err := AsIndex(args[1])
		if err != nil {
			return nil, err
		}
		if n >= 0 {
			return iv, nil
		}
		if n < -4000 {
			return Int(0), nil
		}
		p := new(big.Int).Exp(big.NewInt(10), big.NewInt(-n), nil)
		q := roundRatHalfEven(new(big.Rat).SetFrac(toBig(iv), p))
		return MakeBigInt(q.Mul(q, p)), nil
	}
	return nil, Errorf(TypeErrorType, "type %s doesn't define __round__ method", typeName(args[0]))
}

func newInt(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if v, ok := kwArg(kw, "base"); ok {
		args = append(append([]Value{}, args...), v)
	}
	if err := checkArgs("int", args, 0, 2); err != nil {
		return nil, err
	}
	if len(args) == 0 {
		return Int(0), nil
	}
	if len(args) == 2 {
		base, err := AsIndex(args[1])
		if err != nil {
			return nil, err
		}
		s, ok := args[0].(Str)
		if !ok {
			if b, isB := args[0].(Bytes); isB {
				s = Str(b)
			} else {
				return nil, Errorf(TypeErrorType, "int() can't convert non-string with explicit base")
			}
		}
		return parseInt(string(s), int(base))
	}
	switch x := args[0].(type) {
	case Int, *BigInt:
		return x, nil
	case Bool:
		return boolInt(x), nil
	case Float:
		return floatToInt(float64(x))
	case Str:
		return parseInt(string(x), 10)
	case Bytes:
		v, err := parseInt(string(x), 10)
		if err != nil {
			return nil, Errorf(ValueErrorType, "invalid literal for int() with base 10: %s", BytesRepr(string(x)))
		}
		return v, nil
	}
	return nil, Errorf(TypeErrorType, "int() argument must be a string, a bytes-like object or a real number, not '%s'", typeName(args[0]))
}

func parseInt(s string, base int) (Value, error) {
	orig := s
	bad := func() error {
		return Errorf(ValueErrorType, "invalid literal for int() with base %d: %s", base, StrRepr(orig))
	}
	if base != 0 && (base < 2 || base > 36) {
		return nil, Errorf(ValueErrorType, "int() base must be >= 2 and <= 36, or 0")
	}
	s = strings.TrimSpace(s)
	neg := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		s = s[1:]
	}
	ls := strings.ToLower(s)
	pfx := func(p string, b int) {
		if (base == b || base == 0) && strings.HasPrefix(ls, p) {
			s = s[2:]
			base = b
		}
	}
	pfx("0x", 16)
	pfx("0o", 8)
	pfx("0b", 2)
	if base == 0 {
		base = 10
		if len(s) > 1 && s[0] == '0' && strings.Trim(s, "0_") != "" {
			return nil, bad()
		}
	}
	if s == "" || s[0] == '_' || s[len(s)-1] == '_' || strings.Contains(s, "__") {
		return nil, bad()
	}
	s = strings.ReplaceAll(s, "_", "")
	if len(s) > 4300 && base == 10 {
		return nil, Errorf(ValueErrorType, "Exceeds the limit (4300 digits) for integer string conversion: value has %d digits; use sys.set_int_max_str_digits() to increase the limit", len(s))
	}
	b, ok := new(big.Int).SetString(s, base)
	if !ok {
		return nil, bad()
	}
	if neg {
		b.Neg(b)
	}
	return MakeBigInt(b), nil
}

func newFloat(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if err := noKwargs("float", kw); err != nil {
		return nil, err
	}
	if err := checkArgs("float", args, 0, 1); err != nil {
		return nil, err
	}
	if len(args) == 0 {
		return Float(0), nil
	}
	switch x := args[0].(type) {
	case Float:
		return x, nil
	case Int, Bool, *BigInt:
		f, _ := toFloat(x)
		if math.IsInf(f, 0) {
			return nil, Errorf(OverflowErrorType, "int too large to convert to float")
		}
		return Float(f), nil
	case Str:
		return parseFloat(string(x))
	case Bytes:
		v, err := parseFloat(string(x))
		if err != nil {
			return nil, Errorf(ValueErrorType, "could not convert string to float: %s", BytesRepr(string(x)))
		}
		return v, nil
	}
	return nil, Errorf(TypeErrorType, "float() argument must be a string or a real number, not '%s'", typeName(args[0]))
}

func parseFloat(orig string) (Value, error) {
	s := strings.TrimSpace(orig)
	low := strings.ToLower(strings.TrimLeft(s, "+-"))
	switch low {
	case "inf", "infinity", "nan":
		f, _ := strconv.ParseFloat(s, 64)
		return Float(f), nil
	}
	if s == "" || strings.ContainsAny(s, "xXpP") || strings.HasPrefix(s, "_") || strings.HasSuffix(s, "_") || strings.Contains(s, "__") {
		return nil, Errorf(ValueErrorType, "could not convert string to float: %s", StrRepr(orig))
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(s, "_", ""), 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return Float(f), nil
		}
		return nil, Errorf(ValueErrorType, "could not convert string to float: %s", StrRepr(orig))
	}
	return Float(f), nil
}

func newStr(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if v, ok := kwArg(kw, "encoding"); ok {
		args = append(append([]Value{}, args...), v)
	}
	if err := checkArgs("str", args, 0, 3); err != nil {
		return nil, err
	}
	if len(args) == 0 {
		return Str(""), nil
	}
	if len(args) >= 2 {
		b, ok := args[0].(Bytes)
		if !ok {
			return nil, Errorf(TypeErrorType, "decoding str is not supported")
		}
		return methodTables[BytesType]["decode"].Fn(t, b, args[1:], nil)
	}
	s, err := ToStr(t, args[0])
	return Str(s), err
}

func newBytes(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if err := checkArgs("bytes", args, 0, 3); err != nil {
		return nil, err
	}
	if len(args) == 0 {
		return Bytes(""), nil
	}
	switch x := args[0].(type) {
	case Str:
		if len(args) < 2 {
			return nil, Errorf(TypeErrorType, "string argument without an encoding")
		}
		return methodTables[StrType]["encode"].Fn(t, x, args[1:], nil)
	case Bytes:
		return x, nil
	case Int:
		if x < 0 {
			return nil, Errorf(ValueErrorType, "negative count")
		}
		if x > maxStrLen {
			return nil, memoryError()
		}
		if err := t.Charge(int64(x)); err != nil {
			return nil, err
		}
		return Bytes(make([]byte, x)), nil
	}
	var out []byte
	err := Iterate(t, args[0], func(v Value) error {
		i, ok := v.(Int)
		if !ok {
			return Errorf(TypeErrorType, "'%s' object cannot be interpreted as an integer", typeName(v))
		}
		if i < 0 || i > 255 {
			return Errorf(ValueErrorType, "bytes must be in range(0, 256)")
		}
		out = append(out, byte(i))
		return nil
	})
	return Bytes(out), err
}

func newRange(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if err := noKwargs("range", kw); err != nil {
		return nil, err
	}
	if len(args) == 0 {
		return nil, Errorf(TypeErrorType, "range expected at least 1 argument, got 0")
	}
	if len(args) > 3 {
		return nil, Errorf(TypeErrorType, "range expected at most 3 arguments, got %d", len(args))
	}
	var v [3]int64
	for i, a := range args {
		if b, ok := a.(*BigInt); ok {
			_ = b
			return nil, Errorf(OverflowErrorType, "range() arguments this large are not supported in scenes")
		}
		n, err := AsIndex(a)
		if err != nil {
			return nil, err
		}
		v[i] = n
	}
	switch len(args) {
	case 1:
		return &Range{0, v[0], 1}, nil
	case 2:
		return &Range{v[0], v[1], 1}, nil
	}
	if v[2] == 0 {
		return nil, Errorf(ValueErrorType, "range() arg 3 must not be zero")
	}
	return &Range{v[0], v[1], v[2]}, nil
}

func builtinEnumerate(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if err := onlyKw("enumerate", kw, "start", "iterable"); err != nil {
		return nil, err
	}
	if v, ok := kwArg(kw, "iterable"); ok {
		args = append([]Value{v}, args...)
	}
	if err := checkArgs("enumerate", args, 1, 2); err != nil {
		return nil, err
	}
	var start Value = Int(0)
	if len(args) == 2 {
		start = args[1]
	}
	if v, ok := kwArg(kw, "start"); ok {
		start = v
	}
	if _, ok := asInt(start); !ok {
		return nil, Errorf(TypeErrorType, "'%s' object cannot be interpreted as an integer", typeName(start))
	}
	it, err := GetIter(t, args[0])
	if err != nil {
		return nil, err
	}
	n := start
	return &funcIter{typ: EnumerateType, next: func(t *Thread) (Value, bool, error) {
		v, ok, err := nextInPlace(t, it)
		if !ok || err != nil {
			return nil, false, err
		}
		i := n
		n, _ = Binary(t, OpAdd, n, Int(1))
		return Tuple{i, v}, true, nil
	}}, nil
}

func builtinZip(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	strict := false
	for _, k := range kw {
		if k.Name != "strict" {
			return nil, Errorf(TypeErrorType, "zip() got an unexpected keyword argument '%s'", k.Name)
		}
		strict = Truth(k.Value)
	}
	its := make([]Iterator, len(args))
	for i, a := range args {
		it, err := GetIter(t, a)
		if err != nil {
			return nil, Errorf(TypeErrorType, "zip argument #%d must support iteration", i+1)
		}
		its[i] = it
	}
	done := false
	return &funcIter{typ: ZipType, next: func(t *Thread) (Value, bool, error) {
		if done || len(its) == 0 {
			return nil, false, nil
		}
		out := make(Tuple, len(its))
		for i, it := range its {
			v, ok, err := nextInPlace(t, it)
			if err != nil {
				return nil, false, err
			}
			if !ok {
				done = true
				if strict {
					if i > 0 {
						return nil, false, Errorf(ValueErrorType, "zip() argument %d is shorter than argument%s", i+1, pluralArgs(i))
					}
					for j := 1; j < len(its); j++ {
						if _, more, _ := nextInPlace(t, its[j]); more {
							return nil, false, Errorf(ValueErrorType, "zip() argument %d is longer than argument%s", j+1, pluralArgs(j))
						}
					}
				}
				return nil, false, nil
			}
			out[i] = v
		}
		return out, true, nil
	}}, nil
}

func pluralArgs(i int) string {
	if i == 1 {
		return " 1"
	}
	return "s 1-" + strconv.Itoa(i)
}

func builtinMap(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if err := noKwargs("map", kw); err != nil {
		return nil, err
	}
	if len(args) < 2 {
		return nil, Errorf(TypeErrorType, "map() must have at least two arguments.")
	}
	fn := args[0]
	its := make([]Iterator, len(args)-1)
	for i, a := range args[1:] {
		it, err := GetIter(t, a)
		if err != nil {
			return nil, err
		}
		its[i] = it
	}
	return &funcIter{typ: MapType, next: func(t *Thread) (Value, bool, error) {
		vals := make([]Value, len(its))
		for i, it := range its {
			v, ok, err := nextInPlace(t, it)
			if !ok || err != nil {
				return nil, false, err
			}
			vals[i] = v
		}
		r, err := t.Call(fn, vals, nil)
		if err != nil {
			return nil, false, err
		}
		return r, true, nil
	}}, nil
}

func builtinFilter(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if err := noKwargs("filter", kw); err != nil {
		return nil, err
	}
	if err := checkArgs("filter", args, 2, 2); err != nil {
		return nil, err
	}
	fn := args[0]
	it, err := GetIter(t, args[1])
	if err != nil {
		return nil, err
	}
	return &funcIter{typ: FilterType, next: func(t *Thread) (Value, bool, error) {
		for {
			v, ok, err := nextInPlace(t, it)
			if !ok || err != nil {
				return nil, false, err
			}
			keep := Truth(v)
			if fn != None {
				r, err := t.Call(fn, []Value{v}, nil)
				if err != nil {
					return nil, false, err
				}
				keep = Truth(r)
			}
			if keep {
				return v, true, nil
			}
		}
	}}, nil
}

func builtinReversed(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if err := noKwargs("reversed", kw); err != nil {
		return nil, err
	}
	if err := checkArgs("reversed", args, 1, 1); err != nil {
		return nil, err
	}
	switch x := args[0].(type) {
	case *Range:
		n := x.Len()
		last := x.Start + (n-1)*x.Step
		return &rangeIter{last, x.Start - x.Step, -x.Step}, nil
	case *List:
		i := len(x.Elems) - 1
		return &funcIter{typ: ReversedType, next: func(t *Thread) (Value, bool, error) {
			if i >= len(x.Elems) {
				i = len(x.Elems) - 1
			}
			if i < 0 {
				return nil, false, nil
			}
			v := x.Elems[i]
			i--
			return v, true, nil
		}}, nil
	case Tuple, Str, Bytes, *Dict, *DictView:
		items, err := toList(t, x)
		if err != nil {
			return nil, err
		}
		i := len(items) - 1
		return &funcIter{typ: ReversedType, next: func(t *Thread) (Value, bool, error) {
			if i < 0 {
				return nil, false, nil
			}
			i--
			return items[i+1], true, nil
		}}, nil
	}
	if r, ok := args[0].(interface {
		Reversed(t *Thread) (Iterator, error)
	}); ok {
		return r.Reversed(t)
	}
	return nil, Errorf(TypeErrorType, "'%s' object is not reversible", typeName(args[0]))
}

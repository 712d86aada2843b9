package py

import (
	"math/big"
)

// NoneType is the type of None; its only value is None.
type NoneType struct{}

// None is Python's None.
var None Value = NoneType{}

// Type returns NoneTypeType.
func (NoneType) Type() *Type { return NoneTypeType }

// Bool is a Python bool.
type Bool bool

// True and False are Python's booleans.
const (
	True  Bool = true
	False Bool = false
)

// Type returns BoolType.
func (Bool) Type() *Type { return BoolType }

// Int is a Python int that fits in 64 bits. Results that overflow become
// *BigInt; a *BigInt that fits is always normalised back to Int, so two
// equal ints have the same Go type.
type Int int64

// Type returns IntType.
func (Int) Type() *Type { return IntType }

// smallInts holds boxed ints from -5 to 1023, so that loops over small
// ranges and small arithmetic results do not allocate.
var smallInts = func() (a [1029]Value) {
	for i := range a {
		a[i] = Int(i - 5)
	}
	return
}()

// mkInt boxes i as a Value, without allocating for small ints.
func mkInt(i Int) Value {
	if uint64(i+5) < uint64(len(smallInts)) {
		return smallInts[i+5]
	}
	return i
}

// BigInt is a Python int outside the int64 range.
type BigInt struct{ V *big.Int }

// Type returns IntType.
func (*BigInt) Type() *Type { return IntType }

// MakeBigInt returns the int value of b: an Int when it fits, else a *BigInt.
// b must not be modified afterwards.
func MakeBigInt(b *big.Int) Value {
	if b.IsInt64() {
		return Int(b.Int64())
	}
	return &BigInt{b}
}

// Float is a Python float.
type Float float64

// Type returns FloatType.
func (Float) Type() *Type { return FloatType }

// Str is a Python str. It holds UTF-8; lengths and indexes count code
// points, as Python's do.
type Str string

// Type returns StrType.
func (Str) Type() *Type { return StrType }

// Bytes is a Python bytes object; the string holds the raw bytes.
type Bytes string

// Type returns BytesType.
func (Bytes) Type() *Type { return BytesType }

// Type returns TupleType.
func (Tuple) Type() *Type { return TupleType }

// List is a Python list.
type List struct {
	Elems []Value
}

// NewList returns a list holding elems (not copied).
func NewList(elems []Value) *List { return &List{Elems: elems} }

// Type returns ListType.
func (*List) Type() *Type { return ListType }

// Range is a range object.
type Range struct {
	Start, Stop, Step int64
}

// Type returns RangeType.
func (*Range) Type() *Type { return RangeType }

// Len returns the number of items in the range.
func (r *Range) Len() int64 {
	if r.Step > 0 {
		if r.Start >= r.Stop {
			return 0
		}
		return (r.Stop - r.Start + r.Step - 1) / r.Step
	}
	if r.Start <= r.Stop {
		return 0
	}
	return (r.Start - r.Stop - r.Step - 1) / -r.Step
}

// Slice is a slice object, a[lo:hi:step].
type Slice struct {
	Start, Stop, Step Value
}

// Type returns SliceType.
func (*Slice) Type() *Type { return SliceType }

// Cell is a variable shared between a function and the closures it makes.
type Cell struct {
	V Value // nil when unbound
}

// Type returns CellType.
func (*Cell) Type() *Type { return CellType }

// Function is a function defined in Python (def, async def, lambda).
type Function struct {
	Code     *Code
	Defaults []Value          // defaults of the trailing positional parameters
	KwDefs   map[string]Value // defaults of keyword-only parameters
	Closure  []*Cell          // free variables, in Code.FreeVars order
	// Annotations maps parameter names (and 'return') to their evaluated
	// annotations, in definition order, as CPython's __annotations__; nil
	// when the def has none.
	Annotations *Dict
	Globals     *Module
	Name        string
	QualName    string
	Attrs       map[string]Value // function attributes set by scenes (rare)
}

// Type returns FunctionType.
func (*Function) Type() *Type { return FunctionType }

// Type returns BuiltinFunctionType.
func (*Builtin) Type() *Type { return BuiltinFunctionType }

// NewBuiltin returns an unbound builtin function.
func NewBuiltin(name string, fn BuiltinFunc) *Builtin { return &Builtin{Name: name, Fn: fn} }

// BindTo returns the builtin bound to recv.
func (b *Builtin) BindTo(recv Value) *Builtin { return &Builtin{Name: b.Name, Recv: recv, Fn: b.Fn} }

// BoundMethod is a Python function bound to a receiver (obj.method where
// the host stores Python functions as methods; rare).
type BoundMethod struct {
	Fn   Value
	Self Value
}

// Type returns MethodType.
func (*BoundMethod) Type() *Type { return MethodType }

// Module is a module: the scene's own (__main__) or one the host provides.
// Attribute lookups read Dict.
type Module struct {
	Name string
	Dict map[string]Value
	// globals of a compiled program: slot values and their names.
	slots    []Value
	index    map[string]int
	names    []string // slot names
	builtins []Value  // the builtin of each slot's name, nil if none
}

// NewModule returns a module with the given attributes (not copied).
func NewModule(name string, attrs map[string]Value) *Module {
	if attrs == nil {
		attrs = map[string]Value{}
	}
	return &Module{Name: name, Dict: attrs}
}

// Type returns ModuleType.
func (*Module) Type() *Type { return ModuleType }

// Attr returns the module attribute name, or nil.
func (m *Module) Attr(t *Thread, name string) (Value, error) {
	if i, ok := m.index[name]; ok {
		return m.slots[i], nil
	}
	if v, ok := m.Dict[name]; ok {
		return v, nil
	}
	if name == "__name__" {
		return Str(m.Name), nil
	}
	return nil, nil
}

// SetAttr sets a module attribute.
func (m *Module) SetAttr(t *Thread, name string, v Value) error {
	if i, ok := m.index[name]; ok {
		m.slots[i] = v
		return nil
	}
	m.Dict[name] = v
	return nil
}

// Type returns the type of the exception (its class).
func (e *Exception) Type() *Type { return e.Class }

// Type returns TypeType.
func (*Type) Type() *Type { return TypeType }

// EllipsisType is the type of the ... constant.
type EllipsisType struct{}

// Ellipsis is Python's ... constant.
var Ellipsis Value = EllipsisType{}

// Type returns EllipsisTypeType.
func (EllipsisType) Type() *Type { return EllipsisTypeType }

// The built-in types.
var (
	ObjectType          = &Type{Name: "object", Module: "builtins"}
	TypeType            = &Type{Name: "type", Module: "builtins", Base: ObjectType}
	NoneTypeType        = &Type{Name: "NoneType", Module: "builtins", Base: ObjectType}
	EllipsisTypeType    = &Type{Name: "ellipsis", Module: "builtins", Base: ObjectType}
	IntType             = &Type{Name: "int", Module: "builtins", Base: ObjectType}
	BoolType            = &Type{Name: "bool", Module: "builtins", Base: IntType}
	FloatType           = &Type{Name: "float", Module: "builtins", Base: ObjectType}
	StrType             = &Type{Name: "str", Module: "builtins", Base: ObjectType}
	BytesType           = &Type{Name: "bytes", Module: "builtins", Base: ObjectType}
	TupleType           = &Type{Name: "tuple", Module: "builtins", Base: ObjectType}
	ListType            = &Type{Name: "list", Module: "builtins", Base: ObjectType}
	DictType            = &Type{Name: "dict", Module: "builtins", Base: ObjectType}
	SetType             = &Type{Name: "set", Module: "builtins", Base: ObjectType}
	FrozenSetType       = &Type{Name: "frozenset", Module: "builtins", Base: ObjectType}
	RangeType           = &Type{Name: "range", Module: "builtins", Base: ObjectType}
	SliceType           = &Type{Name: "slice", Module: "builtins", Base: ObjectType}
	CellType            = &Type{Name: "cell", Module: "builtins", Base: ObjectType}
	FunctionType        = &Type{Name: "function", Module: "builtins", Base: ObjectType}
	BuiltinFunctionType = &Type{Name: "builtin_function_or_method", Module: "builtins", Base: ObjectType}
	MethodType          = &Type{Name: "method", Module: "builtins", Base: ObjectType}
	ModuleType          = &Type{Name: "module", Module: "builtins", Base: ObjectType}
	CoroutineType       = &Type{Name: "coroutine", Module: "builtins", Base: ObjectType}
	GeneratorType       = &Type{Name: "generator", Module: "builtins", Base: ObjectType}
	AsyncGeneratorType  = &Type{Name: "async_generator", Module: "builtins", Base: ObjectType}
	DictKeysType        = &Type{Name: "dict_keys", Module: "builtins", Base: ObjectType}
	DictValuesType      = &Type{Name: "dict_values", Module: "builtins", Base: ObjectType}
	DictItemsType       = &Type{Name: "dict_items", Module: "builtins", Base: ObjectType}
	EnumerateType       = &Type{Name: "enumerate", Module: "builtins", Base: ObjectType}
	ZipType             = &Type{Name: "zip", Module: "builtins", Base: ObjectType}
	MapType             = &Type{Name: "map", Module: "builtins", Base: ObjectType}
	FilterType          = &Type{Name: "filter", Module: "builtins", Base: ObjectType}
	ReversedType        = &Type{Name: "reversed", Module: "builtins", Base: ObjectType}
	ListIteratorType    = &Type{Name: "list_iterator", Module: "builtins", Base: ObjectType}
	TupleIteratorType   = &Type{Name: "tuple_iterator", Module: "builtins", Base: ObjectType}
	RangeIteratorType   = &Type{Name: "range_iterator", Module: "builtins", Base: ObjectType}
	StrIteratorType     = &Type{Name: "str_ascii_iterator", Module: "builtins", Base: ObjectType}
	DictKeyIteratorType = &Type{Name: "dict_keyiterator", Module: "builtins", Base: ObjectType}
	SetIteratorType     = &Type{Name: "set_iterator", Module: "builtins", Base: ObjectType}
	IteratorType        = &Type{Name: "iterator", Module: "builtins", Base: ObjectType}
)

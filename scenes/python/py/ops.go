package py

import (
	"math"
	"math/big"
	"strings"
	"unicode/utf8"
)

// Truth reports Python truthiness (bool(v)).
func Truth(v Value) bool {
	switch v := v.(type) {
	case Bool:
		return bool(v)
	case Int:
		return v != 0
	case NoneType:
		return false
	case Str:
		return v != ""
	case Float:
		return v != 0
	case *BigInt:
		return true
	case Bytes:
		return v != ""
	case Tuple:
		return len(v) > 0
	case *List:
		return len(v.Elems) > 0
	case *Dict:
		return v.used > 0
	case *Set:
		return v.used > 0
	case *Range:
		return v.Len() > 0
	case *DictView:
		return v.D.used > 0
	case Lenner:
		return v.Len() > 0
	case *Instance:
		tr, err := instanceTruth(scratchThread(), v)
		return err != nil || tr
	case interface{ Truth() bool }:
		return v.Truth()
	}
	return true
}

// Lenner is implemented by native values that have a length (len(x)).
type Lenner interface {
	Value
	Len() int
}

// Iterator is an iterator: Next returns the next item, or ok=false when
// exhausted.
type Iterator interface {
	Value
	Next(t *Thread) (v Value, ok bool, err error)
}

// Iterable is implemented by native values that can be iterated.
type Iterable interface {
	Value
	Iter(t *Thread) (Iterator, error)
}

// typeName returns the name CPython uses for v's type in messages.
func typeName(v Value) string {
	if t := v.Type(); t.CName != "" {
		return t.CName
	}
	return v.Type().Name
}

// toFloat converts an int or float (or bool) to float64.
func toFloat(v Value) (float64, bool) {
	switch v := v.(type) {
	case Float:
		return float64(v), true
	case Int:
		return float64(v), true
	case Bool:
		if v {
			return 1, true
		}
		return 0, true
	case *BigInt:
		f, _ := new(big.Float).SetInt(v.V).Float64()
		return f, true
	}
	return 0, false
}

// asInt returns v as an Int or *BigInt when it is an int (or bool).
func asInt(v Value) (Value, bool) {
	switch v := v.(type) {
	case Int:
		return v, true
	case Bool:
		if v {
			return Int(1), true
		}
		return Int(0), true
	case *BigInt:
		return v, true
	}
	return nil, false
}

func toBig(v Value) *big.Int {
	switch v := v.(type) {
	case Int:
		return big.NewInt(int64(v))
	case *BigInt:
		return v.V
	case Bool:
		if v {
			return big.NewInt(1)
		}
		return big.NewInt(0)
	}
	return nil
}

// AsIndex returns v as an int64 index, or a TypeError.
func AsIndex(v Value) (int64, error) {
	switch v := v.(type) {
	case Int:
		return int64(v), nil
	case Bool:
		if v {
			return 1, nil
		}
		return 0, nil
	case *BigInt:
		return 0, Errorf(IndexErrorType, "cannot fit 'int' into an index-sized integer")
	}
	return 0, Errorf(TypeErrorType, "'%s' object cannot be interpreted as an integer", typeName(v))
}

const (
	maxSeqLen = 1 << 24 // elements of a list or tuple a scene may build (16M)
	maxStrLen = 1 << 27 // bytes of a str or bytes a scene may build (128 MiB)
)

func memoryError() error { return NewException(MemoryErrorType) }

// Equal reports a == b.
func Equal(t *Thread, a, b Value) (bool, error) { return equalDepth(t, a, b, 0) }

func equalDepth(t *Thread, a, b Value, depth int) (bool, error) {
	if isUserObject(a) || isUserObject(b) {
		return instanceEqual(t, a, b)
	}
	switch a := a.(type) {
	case Int:
		switch b := b.(type) {
		case Int:
			return a == b, nil
		case Float:
			return intFloatEqual(int64(a), float64(b)), nil
		case Bool:
			return a == boolInt(b), nil
		case *BigInt:
			return false, nil
		}
		return false, nil
	case Str:
		if b, ok := b.(Str); ok {
			return a == b, nil
		}
		return false, nil
	case NoneType:
		_, ok := b.(NoneType)
		return ok, nil
	case Bool:
		switch b := b.(type) {
		case Bool:
			return a == b, nil
		case Int, Float, *BigInt:
			return equalDepth(t, boolInt(a), b, depth)
		}
		return false, nil
	case Float:
		switch b := b.(type) {
		case Float:
			return a == b, nil
		case Int, Bool:
			return equalDepth(t, b, a, depth)
		case *BigInt:
			return compareBigFloat(b.V, float64(a)) == 0 && !math.IsNaN(float64(a)), nil
		}
		return false, nil
	case *BigInt:
		switch b := b.(type) {
		case *BigInt:
			return a.V.Cmp(b.V) == 0, nil
		case Float:
			return equalDepth(t, b, a, depth)
		}
		return false, nil
	case Bytes:
		if b, ok := b.(Bytes); ok {
			return a == b, nil
		}
		return false, nil
	}
	if identical(a, b) {
		if f, ok := a.(Float); ok && math.IsNaN(float64(f)) {
			return false, nil
		}
		return true, nil
	}
	if depth > 500 {
		return false, Errorf(RecursionErrorType, "maximum recursion depth exceeded in comparison")
	}
	switch a := a.(type) {
	case Tuple:
		if b, ok := b.(Tuple); ok {
			return seqEqual(t, a, b, depth)
		}
	case *List:
		if b, ok := b.(*List); ok {
			return seqEqual(t, a.Elems, b.Elems, depth)
		}
	case *Dict:
		if b, ok := b.(*Dict); ok {
			if a.used != b.used {
				return false, nil
			}
			for _, e := range a.entries {
				if e.key == nil {
					continue
				}
				v, found, err := b.Get(t, e.key)
				if err != nil || !found {
					return false, err
				}
				eq, err := equalDepth(t, e.val, v, depth+1)
				if err != nil || !eq {
					return false, err
				}
			}
			return true, nil
		}
	case *Set:
		if b, ok := b.(*Set); ok {
			if a.used != b.used {
				return false, nil
			}
			return a.isSubset(t, b)
		}
	case *Range:
		if b, ok := b.(*Range); ok {
			la, lb := a.Len(), b.Len()
			if la != lb {
				return false, nil
			}
			if la == 0 {
				return true, nil
			}
			if a.Start != b.Start {
				return false, nil
			}
			return la == 1 || a.Step == b.Step, nil
		}
	case *DictView:
		if b, ok := b.(*DictView); ok && a.Kind == 'k' && b.Kind == 'k' {
			return equalDepth(t, setOfKeys(t, a.D), setOfKeys(t, b.D), depth+1)
		}
	case *Exception, *Type, *Function, *Builtin, *Module:
		return false, nil
	}
	if eq, ok := a.(interface {
		Equal(t *Thread, b Value) (bool, error)
	}); ok {
		return eq.Equal(t, b)
	}
	// the reflected __eq__: a tuple compared with a namedtuple
	if eq, ok := b.(interface {
		Equal(t *Thread, b Value) (bool, error)
	}); ok {
		return eq.Equal(t, a)
	}
	return false, nil
}

func setOfKeys(t *Thread, d *Dict) *Set {
	s := NewSet()
	for _, k := range d.Keys() {
		_ = s.Add(t, k)
	}
	return s
}

func (s *Set) isSubset(t *Thread, o *Set) (bool, error) {
	for _, e := range s.table {
		if e.key == nil || e.key == dummy {
			continue
		}
		in, err := o.Contains(t, e.key)
		if err != nil || !in {
			return false, err
		}
	}
	return true, nil
}

func boolInt(b Bool) Int {
	if b {
		return 1
	}
	return 0
}

// intFloatEqual compares an int and a float exactly, as CPython does.
func intFloatEqual(i int64, f float64) bool {
	if i >= -(1<<53) && i <= 1<<53 {
		return float64(i) == f
	}
	if math.IsInf(f, 0) || math.IsNaN(f) || f != math.Trunc(f) {
		return false
	}
	return new(big.Float).SetFloat64(f).Cmp(new(big.Float).SetInt64(i)) == 0
}

// identical reports whether a and b are the same object (Go == on the
// interface values, made safe for tuples, whose Go type is a slice).
func identical(a, b Value) bool {
	if ta, ok := a.(Tuple); ok {
		tb, ok := b.(Tuple)
		return ok && len(ta) == len(tb) && (len(ta) == 0 || &ta[0] == &tb[0])
	}
	if _, ok := b.(Tuple); ok {
		return false
	}
	return a == b
}

func seqEqual(t *Thread, a, b []Value, depth int) (bool, error) {
	if len(a) != len(b) {
		return false, nil
	}
	for i := range a {
		if identical(a[i], b[i]) {
			continue
		}
		eq, err := equalDepth(t, a[i], b[i], depth+1)
		if err != nil || !eq {
			return false, err
		}
	}
	return true, nil
}

// compareBigFloat compares an integer with a float exactly (-1, 0, 1); NaN
// compares as 2.
func compareBigFloat(i *big.Int, f float64) int {
	if math.IsNaN(f) {
		return 2
	}
	if math.IsInf(f, 1) {
		return -1
	}
	if math.IsInf(f, -1) {
		return 1
	}
	return new(big.Float).SetInt(i).Cmp(new(big.Float).SetFloat64(f))
}

// CompareOp is a rich comparison operator.
type CompareOp uint8

// The ordering comparisons.
const (
	OpLT CompareOp = iota
	OpLE
	OpGT
	OpGE
	OpEQ
	OpNE
)

var compareOpNames = [...]string{"<", "<=", ">", ">=", "==", "!="}

func cmpResult(op CompareOp, c int) bool {
	switch op {
	case OpLT:
		return c < 0
	case OpLE:
		return c <= 0
	case OpGT:
		return c > 0
	case OpGE:
		return c >= 0
	case OpEQ:
		return c == 0
	}
	return c != 0
}

// Compare evaluates a op b for any comparison operator.
func Compare(t *Thread, op CompareOp, a, b Value) (bool, error) {
	return compareDepth(t, op, a, b, 0)
}

func compareDepth(t *Thread, op CompareOp, a, b Value, depth int) (bool, error) {
	if isUserObject(a) || isUserObject(b) {
		if op == OpEQ {
			return instanceEqual(t, a, b)
		}
		return instanceCompare(t, op, a, b)
	}
	if op == OpEQ || op == OpNE {
		eq, err := equalDepth(t, a, b, depth)
		return eq == (op == OpEQ), err
	}
	switch x := a.(type) {
	case Int:
		switch y := b.(type) {
		case Int:
			return cmpResult(op, cmpInt64(int64(x), int64(y))), nil
		case Float:
			return cmpNumFloat(op, a, float64(y)), nil
		}
	case Float:
		if y, ok := toFloat(b); ok {
			if _, isF := b.(Float); isF {
				return floatCmp(op, float64(x), y), nil
			}
			// int on the right: compare exactly
			c := compareBigFloat(toBig(b), float64(x))
			if c == 2 {
				return false, nil
			}
			return cmpResult(op, -c), nil
		}
	case Str:
		if y, ok := b.(Str); ok {
			return cmpResult(op, strings.Compare(string(x), string(y))), nil
		}
	case Bytes:
		if y, ok := b.(Bytes); ok {
			return cmpResult(op, strings.Compare(string(x), string(y))), nil
		}
	case Tuple:
		if y, ok := b.(Tuple); ok {
			return seqCompare(t, op, x, y, depth)
		}
	case *List:
		if y, ok := b.(*List); ok {
			return seqCompare(t, op, x.Elems, y.Elems, depth)
		}
	case *Set:
		if y, ok := b.(*Set); ok {
			return setCompare(t, op, x, y)
		}
	}
	if _, ok := asInt(a); ok {
		if _, ok := asInt(b); ok {
			return cmpResult(op, toBig(a).Cmp(toBig(b))), nil
		}
		if f, ok := b.(Float); ok {
			return cmpNumFloat(op, a, float64(f)), nil
		}
	}
	if o, ok := a.(Orderer); ok {
		if c, ok, err := o.Cmp(t, b); ok || err != nil {
			return cmpResult(op, c), err
		}
	}
	if o, ok := b.(Orderer); ok {
		if c, ok, err := o.Cmp(t, a); ok || err != nil {
			return cmpResult(op, -c), err
		}
	}
	return false, Errorf(TypeErrorType, "'%s' not supported between instances of '%s' and '%s'",
		compareOpNames[op], typeName(a), typeName(b))
}

// Orderer is implemented by native values with an order (timedelta,
// datetime): Cmp returns -1, 0 or 1 for v < b, v == b, v > b, and ok=false
// when it cannot compare with b (the comparison then raises TypeError).
type Orderer interface {
	Value
	Cmp(t *Thread, b Value) (c int, ok bool, err error)
}

func cmpInt64(a, b int64) int {
	if a < b {
		return -1
	}
	if a > b {
		return 1
	}
	return 0
}

func floatCmp(op CompareOp, a, b float64) bool {
	switch op {
	case OpLT:
		return a < b
	case OpLE:
		return a <= b
	case OpGT:
		return a > b
	case OpGE:
		return a >= b
	case OpEQ:
		return a == b
	}
	return a != b
}

func cmpNumFloat(op CompareOp, i Value, f float64) bool {
	if iv, ok := i.(Int); ok && iv >= -(1<<53) && iv <= 1<<53 {
		return floatCmp(op, float64(iv), f)
	}
	c := compareBigFloat(toBig(i), f)
	if c == 2 {
		return op == OpNE
	}
	return cmpResult(op, c)
}

func seqCompare(t *Thread, op CompareOp, a, b []Value, depth int) (bool, error) {
	if depth > 500 {
		return false, Errorf(RecursionErrorType, "maximum recursion depth exceeded in comparison")
	}
	for i := 0; i < len(a) && i < len(b); i++ {
		if identical(a[i], b[i]) {
			continue
		}
		eq, err := equalDepth(t, a[i], b[i], depth+1)
		if err != nil {
			return false, err
		}
		if !eq {
			return compareDepth(t, op, a[i], b[i], depth+1)
		}
	}
	return cmpResult(op, cmpInt64(int64(len(a)), int64(len(b)))), nil
}

func setCompare(t *Thread, op CompareOp, a, b *Set) (bool, error) {
	switch op {
	case OpLE:
		return a.isSubset(t, b)
	case OpLT:
		if a.used >= b.used {
			return false, nil
		}
		return a.isSubset(t, b)
	case OpGE:
		return b.isSubset(t, a)
	case OpGT:
		if b.used >= a.used {
			return false, nil
		}
		return b.isSubset(t, a)
	}
	return false, nil
}

// Hash returns hash(v) as CPython computes it for numbers (so small-int
// sets iterate in CPython's order), or a TypeError for unhashable values.
func Hash(t *Thread, v Value) (uint64, error) { return hashDepth(t, v, 0) }

func hashDepth(t *Thread, v Value, depth int) (uint64, error) {
	if depth > 2000 {
		return 0, Errorf(RecursionErrorType, "maximum recursion depth exceeded")
	}
	switch v := v.(type) {
	case Int:
		return uint64(hashInt64(int64(v))), nil
	case Str:
		return hashString(string(v)), nil
	case Bool:
		if v {
			return 1, nil
		}
		return 0, nil
	case Float:
		return uint64(hashFloat(float64(v))), nil
	case *BigInt:
		return uint64(hashBig(v.V)), nil
	case NoneType:
		return 0xFCA86420, nil
	case Bytes:
		return hashString(string(v)), nil
	case Tuple:
		const (
			p1 = 11400714785074694791
			p2 = 14029467366897019727
			p5 = 2870177450012600261
		)
		acc := uint64(p5)
		for _, x := range v {
			lane, err := hashDepth(t, x, depth+1)
			if err != nil {
				return 0, err
			}
			acc += lane * p2
			acc = acc<<31 | acc>>33
			acc *= p1
		}
		acc += uint64(len(v)) ^ (p5 ^ 3527539)
		if acc == math.MaxUint64 {
			return 1546275796, nil
		}
		return acc, nil
	case *List, *Dict, *DictView, *Slice:
		return 0, Errorf(TypeErrorType, "unhashable type: '%s'", typeName(v))
	case *Set:
		if !v.Frozen {
			return 0, Errorf(TypeErrorType, "unhashable type: 'set'")
		}
		var h uint64
		for _, e := range v.Elems() {
			x, err := Hash(t, e)
			if err != nil {
				return 0, err
			}
			h ^= (x ^ 89869747) * 3644798167
		}
		return h, nil
	case *Range:
		h, _ := Hash(t, Tuple{Int(v.Len()), Int(v.Start), Int(v.Step)})
		return h, nil
	case *Instance:
		if t == nil {
			t = scratchThread()
		}
		return instanceHash(t, v)
	}
	if h, ok := v.(interface{ Hash() uint64 }); ok {
		return h.Hash(), nil
	}
	return identityHash(v), nil
}

// identityHash hashes a value by identity, for objects without value
// equality (functions, native objects).
func identityHash(v Value) uint64 {
	if o, ok := v.(*Instance); ok {
		// splitmix64 of the object's id: spread like an address, the same
		// on every run
		z := o.id + 0x9e3779b97f4a7c15
		z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
		z = (z ^ z>>27) * 0x94d049bb133111eb
		return (z ^ z>>31) &^ 0xf
	}
	return hashString(identityKey(v))
}

const hashModulus = (1 << 61) - 1

func hashInt64(i int64) int64 {
	neg := i < 0
	u := uint64(i)
	if neg {
		u = uint64(-i)
		if i == math.MinInt64 {
			u = 1 << 63
		}
	}
	h := int64(u % hashModulus)
	if neg {
		h = -h
	}
	if h == -1 {
		h = -2
	}
	return h
}

func hashBig(b *big.Int) int64 {
	m := new(big.Int).Mod(new(big.Int).Abs(b), big.NewInt(hashModulus)).Int64()
	if b.Sign() < 0 {
		m = -m
	}
	if m == -1 {
		m = -2
	}
	return m
}

func hashFloat(f float64) int64 {
	if math.IsInf(f, 1) {
		return 314159
	}
	if math.IsInf(f, -1) {
		return -314159
	}
	if math.IsNaN(f) {
		return 0
	}
	if f == math.Trunc(f) && math.Abs(f) < 1<<63 {
		return hashInt64(int64(f))
	}
	m, e := math.Frexp(f)
	sign := int64(1)
	if m < 0 {
		sign = -1
		m = -m
	}
	var x uint64
	for m != 0 {
		x = ((x << 28) & hashModulus) | x>>(61-28)
		m *= 268435456.0
		e -= 28
		y := uint64(m)
		m -= float64(y)
		x += y
		if x >= hashModulus {
			x -= hashModulus
		}
	}
	if e >= 0 {
		e = e % 61
	} else {
		e = 61 - 1 - ((-1 - e) % 61)
	}
	x = ((x << uint(e)) & hashModulus) | x>>(61-uint(e))
	h := int64(x) * sign
	if h == -1 {
		h = -2
	}
	return h
}

func hashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// Len returns len(v).
func Len(t *Thread, v Value) (int, error) {
	switch v := v.(type) {
	case *Type:
		if v.Members != nil {
			return len(v.Members.Order), nil
		}
	case Str:
		return strLen(string(v)), nil
	case *List:
		return len(v.Elems), nil
	case Tuple:
		return len(v), nil
	case *Dict:
		return v.used, nil
	case *Set:
		return v.used, nil
	case Bytes:
		return len(v), nil
	case *Range:
		return int(v.Len()), nil
	case *DictView:
		return v.D.used, nil
	case Lenner:
		return v.Len(), nil
	}
	if o, ok := v.(*Instance); ok {
		return instanceLen(t, o)
	}
	return 0, Errorf(TypeErrorType, "object of type '%s' has no len()", typeName(v))
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func strLen(s string) int {
	if isASCII(s) {
		return len(s)
	}
	return utf8.RuneCountInString(s)
}

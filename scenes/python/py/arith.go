package py

import (
	"math"
	"math/big"
	"math/bits"
	"strings"
)

// BinOp is a binary arithmetic or bitwise operator.
type BinOp uint8

// The binary operators.
const (
	OpAdd BinOp = iota
	OpSub
	OpMul
	OpTrueDiv
	OpFloorDiv
	OpMod
	OpPow
	OpLShift
	OpRShift
	OpAnd
	OpOr
	OpXor
	OpMatMul
)

var binOpNames = [...]string{"+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@"}

// String returns the operator as Python writes it.
func (op BinOp) String() string { return binOpNames[op] }

func unsupported(op BinOp, x, y Value) error {
	name := op.String()
	if op == OpPow {
		name = "** or pow()"
	}
	return Errorf(TypeErrorType, "unsupported operand type(s) for %s: '%s' and '%s'", name, typeName(x), typeName(y))
}

// Binary evaluates x op y.
func Binary(t *Thread, op BinOp, x, y Value) (Value, error) {
	// int fast paths
	if a, ok := x.(Int); ok {
		if b, ok := y.(Int); ok {
			return intBinary(op, int64(a), int64(b))
		}
	}
	if isUserObject(x) || isUserObject(y) {
		return instanceBinary(t, op, x, y)
	}
	xi, xIsInt := asInt(x)
	yi, yIsInt := asInt(y)
	if xIsInt && yIsInt {
		if op >= OpAnd && op <= OpXor {
			if bx, ok := x.(Bool); ok {
				if by, ok := y.(Bool); ok {
					switch op {
					case OpAnd:
						return Bool(bx && by), nil
					case OpOr:
						return Bool(bx || by), nil
					case OpXor:
						return Bool(bx != by), nil
					}
				}
			}
		}
		a, aok := xi.(Int)
		b, bok := yi.(Int)
		if aok && bok {
			return intBinary(op, int64(a), int64(b))
		}
		v, err := bigBinary(op, toBig(xi), toBig(yi))
		if b, ok := v.(*BigInt); ok && err == nil {
			err = t.Charge(int64(len(b.V.Bits())) * 8)
		}
		return v, err
	}
	_, xIsF := x.(Float)
	_, yIsF := y.(Float)
	if (xIsF || xIsInt) && (yIsF || yIsInt) {
		a, _ := toFloat(x)
		b, _ := toFloat(y)
		if op == OpTrueDiv && xIsInt && yIsInt {
			return trueDivInts(xi, yi)
		}
		return floatBinary(op, a, b, x, y)
	}
	switch a := x.(type) {
	case Str:
		switch op {
		case OpAdd:
			if b, ok := y.(Str); ok {
				if len(a)+len(b) > maxStrLen {
					return nil, memoryError()
				}
				if err := t.Charge(int64(len(a) + len(b))); err != nil {
					return nil, err
				}
				return a + b, nil
			}
			return nil, Errorf(TypeErrorType, "can only concatenate str (not \"%s\") to str", typeName(y))
		case OpMul:
			if yIsInt {
				return repeatStr(t, string(a), yi, false)
			}
			return nil, Errorf(TypeErrorType, "can't multiply sequence by non-int of type '%s'", typeName(y))
		case OpMod:
			s, err := percentFormat(t, string(a), y)
			if err != nil {
				return nil, err
			}
			return Str(s), nil
		}
	case Bytes:
		switch op {
		case OpAdd:
			if b, ok := y.(Bytes); ok {
				if len(a)+len(b) > maxStrLen {
					return nil, memoryError()
				}
				if err := t.Charge(int64(len(a) + len(b))); err != nil {
					return nil, err
				}
				return a + b, nil
			}
			return nil, Errorf(TypeErrorType, "can't concat %s to bytes", typeName(y))
		case OpMod:
			return bytesPercent(t, a, y)
		case OpMul:
			if yIsInt {
				s, err := repeatStr(t, string(a), yi, true)
				if err != nil {
					return nil, err
				}
				return Bytes(s.(Str)), nil
			}
			return nil, Errorf(TypeErrorType, "can't multiply sequence by non-int of type '%s'", typeName(y))
		}
	case *List:
		switch op {
		case OpAdd:
			if b, ok := y.(*List); ok {
				if len(a.Elems)+len(b.Elems) > maxSeqLen {
					return nil, memoryError()
				}
				if err := t.chargeElems(int64(len(a.Elems)+len(b.Elems)), valueBytes); err != nil {
					return nil, err
				}
				out := make([]Value, 0, len(a.Elems)+len(b.Elems))
				out = append(append(out, a.Elems...), b.Elems...)
				return NewList(out), nil
			}
			return nil, Errorf(TypeErrorType, "can only concatenate list (not \"%s\") to list", typeName(y))
		case OpMul:
			if yIsInt {
				out, err := repeatSeq(t, a.Elems, yi)
				if err != nil {
					return nil, err
				}
				return NewList(out), nil
			}
			return nil, Errorf(TypeErrorType, "can't multiply sequence by non-int of type '%s'", typeName(y))
		}
	case Tuple:
		switch op {
		case OpAdd:
			if b, ok := y.(Tuple); ok {
				if len(a)+len(b) > maxSeqLen {
					return nil, memoryError()
				}
				if err := t.chargeElems(int64(len(a)+len(b)), valueBytes); err != nil {
					return nil, err
				}
				out := make(Tuple, 0, len(a)+len(b))
				return append(append(out, a...), b...), nil
			}
			return nil, Errorf(TypeErrorType, "can only concatenate tuple (not \"%s\") to tuple", typeName(y))
		case OpMul:
			if yIsInt {
				out, err := repeatSeq(t, a, yi)
				if err != nil {
					return nil, err
				}
				return Tuple(out), nil
			}
			return nil, Errorf(TypeErrorType, "can't multiply sequence by non-int of type '%s'", typeName(y))
		}
	case *Set:
		if b, ok := y.(*Set); ok {
			switch op {
			case OpOr:
				return setUnion(t, a, b)
			case OpAnd:
				return setIntersection(t, a, b)
			case OpSub:
				return setDifference(t, a, b)
			case OpXor:
				return setSymDiff(t, a, b)
			}
		}
	case *DictView:
		if a.Kind == 'k' {
			if b, ok := y.(*DictView); ok && b.Kind == 'k' {
				return Binary(t, op, setOfKeys(t, a.D), setOfKeys(t, b.D))
			}
			if b, ok := y.(*Set); ok {
				return Binary(t, op, setOfKeys(t, a.D), b)
			}
		}
	case *Dict:
		if a.Class != nil && a.Class.Binary != nil {
			if v, err := a.Class.Binary(t, op, a, y); v != nil || err != nil {
				return v, err
			}
		}
		if b, ok := y.(*Dict); ok && op == OpOr {
			c := a.Copy()
			for _, it := range b.Items() {
				if err := c.SetItem(t, it[0], it[1]); err != nil {
					return nil, err
				}
			}
			return c, nil
		}
	}
	// int * sequence
	if op == OpMul && xIsInt {
		switch y.(type) {
		case Str, Bytes, *List, Tuple:
			return Binary(t, op, y, x)
		}
	}
	if op == OpMul {
		switch y.(type) {
		case Str, Bytes, *List, Tuple:
			return nil, Errorf(TypeErrorType, "can't multiply sequence by non-int of type '%s'", typeName(x))
		}
	}
	if ob, ok := x.(interface {
		BinaryOp(t *Thread, op BinOp, y Value, right bool) (Value, error)
	}); ok {
		if v, err := ob.BinaryOp(t, op, y, false); v != nil || err != nil {
			return v, err
		}
	}
	if ob, ok := y.(interface {
		BinaryOp(t *Thread, op BinOp, y Value, right bool) (Value, error)
	}); ok {
		if v, err := ob.BinaryOp(t, op, x, true); v != nil || err != nil {
			return v, err
		}
	}
	if op == OpOr {
		if u := typeUnion(x, y); u != nil {
			return u, nil
		}
	}
	return nil, unsupported(op, x, y)
}

// bytesPercent is bytes % args: str formatting over the byte values, with
// bytes arguments inserted as they are.
func bytesPercent(t *Thread, format Bytes, args Value) (Value, error) {
	conv := func(v Value) Value {
		if b, ok := v.(Bytes); ok {
			return Str(b)
		}
		return v
	}
	var a Value
	switch x := args.(type) {
	case Tuple:
		c := make(Tuple, len(x))
		for i, v := range x {
			c[i] = conv(v)
		}
		a = c
	default:
		a = conv(args)
	}
	s, err := percentFormat(t, string(format), a)
	if err != nil {
		if e, ok := err.(*Exception); ok && e.Message() == "not all arguments converted during string formatting" {
			return nil, Errorf(TypeErrorType, "not all arguments converted during bytes formatting")
		}
		return nil, err
	}
	return Bytes(s), nil
}

func repeatStr(t *Thread, s string, n Value, isBytes bool) (Value, error) {
	k, ok := n.(Int)
	if !ok {
		if toBig(n).Sign() <= 0 {
			return Str(""), nil
		}
		return nil, memoryError()
	}
	if k <= 0 || s == "" {
		return Str(""), nil
	}
	if int64(len(s))*int64(k)/int64(k) != int64(len(s)) || int64(len(s))*int64(k) > maxStrLen {
		return nil, memoryError()
	}
	if err := t.Charge(int64(len(s)) * int64(k)); err != nil {
		return nil, err
	}
	return Str(strings.Repeat(s, int(k))), nil
}

func repeatSeq(t *Thread, elems []Value, n Value) ([]Value, error) {
	k, ok := n.(Int)
	if !ok {
		if toBig(n).Sign() <= 0 {
			return nil, nil
		}
		return nil, memoryError()
	}
	if k <= 0 || len(elems) == 0 {
		return []Value{}, nil
	}
	if int64(k) > maxSeqLen || int64(len(elems))*int64(k) > maxSeqLen {
		return nil, memoryError()
	}
	if err := t.chargeElems(int64(len(elems))*int64(k), valueBytes); err != nil {
		return nil, err
	}
	out := make([]Value, 0, len(elems)*int(k))
	for i := Int(0); i < k; i++ {
		out = append(out, elems...)
	}
	return out, nil
}

func intBinary(op BinOp, a, b int64) (Value, error) {
	switch op {
	case OpAdd:
		r := a + b
		if (r^a)&(r^b) < 0 {
			return bigBinary(op, big.NewInt(a), big.NewInt(b))
		}
		return Int(r), nil
	case OpSub:
		r := a - b
		if (a^b)&(r^a) < 0 {
			return bigBinary(op, big.NewInt(a), big.NewInt(b))
		}
		return Int(r), nil
	case OpMul:
		if a == 0 || b == 0 {
			return Int(0), nil
		}
		hi, lo := bits.Mul64(uint64(abs64(a)), uint64(abs64(b)))
		if hi != 0 || lo > math.MaxInt64 || a == math.MinInt64 || b == math.MinInt64 {
			return bigBinary(op, big.NewInt(a), big.NewInt(b))
		}
		r := int64(lo)
		if (a < 0) != (b < 0) {
			r = -r
		}
		return Int(r), nil
	case OpTrueDiv:
		if b == 0 {
			return nil, Errorf(ZeroDivisionErrorType, "division by zero")
		}
		if abs64(a) <= 1<<53 && abs64(b) <= 1<<53 {
			return Float(float64(a) / float64(b)), nil
		}
		return trueDivInts(Int(a), Int(b))
	case OpFloorDiv:
		if b == 0 {
			return nil, Errorf(ZeroDivisionErrorType, "integer division or modulo by zero")
		}
		if a == math.MinInt64 && b == -1 {
			return bigBinary(op, big.NewInt(a), big.NewInt(b))
		}
		q := a / b
		if (a%b != 0) && ((a < 0) != (b < 0)) {
			q--
		}
		return Int(q), nil
	case OpMod:
		if b == 0 {
			return nil, Errorf(ZeroDivisionErrorType, "integer modulo by zero")
		}
		if b == -1 {
			return Int(0), nil
		}
		r := a % b
		if r != 0 && ((r < 0) != (b < 0)) {
			r += b
		}
		return Int(r), nil
	case OpPow:
		if b < 0 {
			if a == 0 {
				return nil, Errorf(ZeroDivisionErrorType, "0.0 cannot be raised to a negative power")
			}
			return Float(floatPow(float64(a), float64(b))), nil
		}
		result := int64(1)
		base := a
		e := b
		for e > 0 {
			if e&1 == 1 {
				v, _ := intBinary(OpMul, result, base)
				r, ok := v.(Int)
				if !ok {
					return bigBinary(OpPow, big.NewInt(a), big.NewInt(b))
				}
				result = int64(r)
			}
			e >>= 1
			if e > 0 {
				v, _ := intBinary(OpMul, base, base)
				bb, ok := v.(Int)
				if !ok {
					return bigBinary(OpPow, big.NewInt(a), big.NewInt(b))
				}
				base = int64(bb)
			}
		}
		return Int(result), nil
	case OpLShift:
		if b < 0 {
			return nil, Errorf(ValueErrorType, "negative shift count")
		}
		if a == 0 {
			return Int(0), nil
		}
		if b < 62 {
			r := a << uint(b)
			if r>>uint(b) == a {
				return Int(r), nil
			}
		}
		return bigBinary(op, big.NewInt(a), big.NewInt(b))
	case OpRShift:
		if b < 0 {
			return nil, Errorf(ValueErrorType, "negative shift count")
		}
		if b > 63 {
			b = 63
		}
		return Int(a >> uint(b)), nil
	case OpAnd:
		return Int(a & b), nil
	case OpOr:
		return Int(a | b), nil
	case OpXor:
		return Int(a ^ b), nil
	}
	return nil, unsupported(op, Int(a), Int(b))
}

func abs64(a int64) int64 {
	if a < 0 {
		return -a
	}
	return a
}

const maxBigBits = 1 << 22 // about 1.26 million decimal digits

func bigBinary(op BinOp, a, b *big.Int) (Value, error) {
	r := new(big.Int)
	switch op {
	case OpAdd:
		r.Add(a, b)
	case OpSub:
		r.Sub(a, b)
	case OpMul:
		if a.BitLen()+b.BitLen() > maxBigBits {
			return nil, memoryError()
		}
		r.Mul(a, b)
	case OpTrueDiv:
		return trueDivInts(MakeBigInt(a), MakeBigInt(b))
	case OpFloorDiv, OpMod:
		if b.Sign() == 0 {
			if op == OpMod {
				return nil, Errorf(ZeroDivisionErrorType, "integer modulo by zero")
			}
			return nil, Errorf(ZeroDivisionErrorType, "integer division or modulo by zero")
		}
		q, m := new(big.Int).QuoRem(a, b, new(big.Int))
		if m.Sign() != 0 && (m.Sign() < 0) != (b.Sign() < 0) {
			q.Sub(q, big.NewInt(1))
			m.Add(m, b)
		}
		if op == OpMod {
			return MakeBigInt(m), nil
		}
		return MakeBigInt(q), nil
	case OpPow:
		if b.Sign() < 0 {
			fa, _ := new(big.Float).SetInt(a).Float64()
			fb, _ := new(big.Float).SetInt(b).Float64()
			if fa == 0 {
				return nil, Errorf(ZeroDivisionErrorType, "0.0 cannot be raised to a negative power")
			}
			return Float(floatPow(fa, fb)), nil
		}
		if a.CmpAbs(big.NewInt(1)) <= 0 {
			if a.Sign() < 0 && b.Bit(0) == 0 {
				return Int(1), nil
			}
			return MakeBigInt(new(big.Int).Set(a)), nil
		}
		if !b.IsInt64() || b.Int64() > maxBigBits || int64(a.BitLen())*b.Int64() > maxBigBits {
			return nil, memoryError()
		}
		r.Exp(a, b, nil)
	case OpLShift:
		if b.Sign() < 0 {
			return nil, Errorf(ValueErrorType, "negative shift count")
		}
		if !b.IsInt64() || b.Int64() > maxBigBits || int64(a.BitLen())+b.Int64() > maxBigBits {
			if a.Sign() == 0 {
				return Int(0), nil
			}
			return nil, memoryError()
		}
		r.Lsh(a, uint(b.Int64()))
	case OpRShift:
		if b.Sign() < 0 {
			return nil, Errorf(ValueErrorType, "negative shift count")
		}
		if !b.IsInt64() || b.Int64() > int64(a.BitLen()) {
			if a.Sign() < 0 {
				return Int(-1), nil
			}
			return Int(0), nil
		}
		r.Rsh(a, uint(b.Int64()))
	case OpAnd:
		r.And(a, b)
	case OpOr:
		r.Or(a, b)
	case OpXor:
		r.Xor(a, b)
	default:
		return nil, unsupported(op, MakeBigInt(a), MakeBigInt(b))
	}
	return MakeBigInt(r), nil
}

func trueDivInts(x, y Value) (Value, error) {
	a, b := toBig(x), toBig(y)
	if b.Sign() == 0 {
		return nil, Errorf(ZeroDivisionErrorType, "division by zero")
	}
	f, _ := new(big.Rat).SetFrac(a, b).Float64()
	if math.IsInf(f, 0) {
		return nil, Errorf(OverflowErrorType, "integer division result too large for a float")
	}
	return Float(f), nil
}

func floatBinary(op BinOp, a, b float64, x, y Value) (Value, error) {
	switch op {
	case OpAdd:
		return Float(a + b), nil
	case OpSub:
		return Float(a - b), nil
	case OpMul:
		return Float(a * b), nil
	case OpTrueDiv:
		if b == 0 {
			return nil, Errorf(ZeroDivisionErrorType, "float division by zero")
		}
		return Float(a / b), nil
	case OpFloorDiv:
		if b == 0 {
			return nil, Errorf(ZeroDivisionErrorType, "float floor division by zero")
		}
		d, _ := floatDivmod(a, b)
		return Float(d), nil
	case OpMod:
		if b == 0 {
			return nil, Errorf(ZeroDivisionErrorType, "float modulo")
		}
		_, m := floatDivmod(a, b)
		return Float(m), nil
	case OpPow:
		if a == 0 && b < 0 {
			return nil, Errorf(ZeroDivisionErrorType, "0.0 cannot be raised to a negative power")
		}
		if a < 0 && b != math.Trunc(b) && !math.IsInf(b, 0) {
			return nil, Errorf(ValueErrorType, "math domain error")
		}
		r := floatPow(a, b)
		if math.IsInf(r, 0) && !math.IsInf(a, 0) && !math.IsInf(b, 0) {
			return nil, NewException(OverflowErrorType, Int(34), Str("Numerical result out of range"))
		}
		return Float(r), nil
	}
	return nil, unsupported(op, x, y)
}

// floatPow is x**y for floats, correctly rounded for integral exponents
// (as C's pow is in practice), where math.Pow may be off by an ulp.
func floatPow(x, y float64) float64 {
	if x == 0 || math.IsInf(x, 0) || math.IsNaN(x) || y == 0 || math.IsInf(y, 0) || math.IsNaN(y) || x == 1 {
		return math.Pow(x, y)
	}
	if y != math.Trunc(y) || math.Abs(y) > 4096 {
		if x > 0 {
			if f, ok := floatPowExact(x, y); ok {
				return f
			}
		}
		return math.Pow(x, y)
	}
	r := math.Pow(x, y)
	if math.IsInf(r, 0) || r == 0 {
		return r
	}
	const prec = 256
	base := new(big.Float).SetPrec(prec).SetFloat64(x)
	acc := new(big.Float).SetPrec(prec).SetFloat64(1)
	n := int64(math.Abs(y))
	for n > 0 {
		if n&1 == 1 {
			acc.Mul(acc, base)
		}
		n >>= 1
		if n > 0 {
			base.Mul(base, base)
		}
	}
	if y < 0 {
		acc.Quo(new(big.Float).SetPrec(prec).SetFloat64(1), acc)
	}
	f, _ := acc.Float64()
	return f
}

// floatDivmod is CPython's float_divmod.
func floatDivmod(vx, wx float64) (float64, float64) {
	mod := math.Mod(vx, wx)
	div := (vx - mod) / wx
	if mod != 0 {
		if (wx < 0) != (mod < 0) {
			mod += wx
			div -= 1.0
		}
	} else {
		mod = math.Copysign(0, wx)
	}
	var floordiv float64
	if div != 0 {
		floordiv = math.Floor(div)
		if div-floordiv > 0.5 {
			floordiv += 1.0
		}
	} else {
		floordiv = math.Copysign(0, vx/wx)
	}
	return floordiv, mod
}

// UnaryOp is a unary operator.
type UnaryOp uint8

// The unary operators.
const (
	OpNeg UnaryOp = iota
	OpPos
	OpInvert
	OpNot
)

// Unary evaluates op x.
func Unary(t *Thread, op UnaryOp, x Value) (Value, error) {
	if op == OpNot {
		tr, err := truthT(t, x)
		return Bool(!tr), err
	}
	if isUserObject(x) {
		return instanceUnary(t, op, x)
	}
	if b, ok := x.(Bool); ok {
		x = boolInt(b)
	}
	switch v := x.(type) {
	case Int:
		switch op {
		case OpNeg:
			if v == math.MinInt64 {
				return MakeBigInt(new(big.Int).Neg(big.NewInt(int64(v)))), nil
			}
			return -v, nil
		case OpPos:
			return v, nil
		case OpInvert:
			return ^v, nil
		}
	case *BigInt:
		switch op {
		case OpNeg:
			return MakeBigInt(new(big.Int).Neg(v.V)), nil
		case OpPos:
			return v, nil
		case OpInvert:
			return MakeBigInt(new(big.Int).Not(v.V)), nil
		}
	case Float:
		switch op {
		case OpNeg:
			return -v, nil
		case OpPos:
			return v, nil
		}
	}
	if u, ok := x.(interface {
		UnaryOp(t *Thread, op UnaryOp) (Value, error)
	}); ok {
		if v, err := u.UnaryOp(t, op); v != nil || err != nil {
			return v, err
		}
	}
	name := [...]string{"-", "+", "~"}[op]
	return nil, Errorf(TypeErrorType, "bad operand type for unary %s: '%s'", name, typeName(x))
}

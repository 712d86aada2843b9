package datetime

import (
	"fmt"
	"math"
	"math/big"

	"loopscope/scenes/python/py"
)

// TimedeltaType is datetime.timedelta.
var TimedeltaType = &py.Type{Name: "timedelta", Module: "datetime", CName: "datetime.timedelta", Base: py.ObjectType}

// maxDays bounds a timedelta's days, as CPython's.
const maxDays = 999999999

// Timedelta is a datetime.timedelta, normalised as CPython keeps it:
// 0 <= Seconds < 86400 and 0 <= Micro < 1000000; Days carries the sign.
type Timedelta struct {
	Days, Seconds, Micro int64
}

// Type returns TimedeltaType.
func (*Timedelta) Type() *py.Type { return TimedeltaType }

var (
	microsPerDay = big.NewInt(86400 * 1e6)
	million      = big.NewInt(1e6)
)

// micros returns the timedelta in microseconds.
func (d *Timedelta) micros() *big.Int {
	m := new(big.Int).Mul(big.NewInt(d.Days), microsPerDay)
	return m.Add(m, big.NewInt(d.Seconds*1e6+d.Micro))
}

// fromMicros normalises a number of microseconds, or raises CPython's
// OverflowError.
func fromMicros(us *big.Int) (*Timedelta, error) {
	days, rem := new(big.Int).DivMod(us, microsPerDay, new(big.Int))
	if !days.IsInt64() || days.Int64() > maxDays || days.Int64() < -maxDays {
		return nil, py.Errorf(py.OverflowErrorType, "days=%s; must have magnitude <= %d", days.String(), maxDays)
	}
	r := rem.Int64()
	return &Timedelta{Days: days.Int64(), Seconds: r / 1e6, Micro: r % 1e6}, nil
}

func newTimedelta(days, secs, us int64) (*Timedelta, error) {
	total := new(big.Int).Mul(big.NewInt(days), microsPerDay)
	total.Add(total, new(big.Int).Mul(big.NewInt(secs), million))
	total.Add(total, big.NewInt(us))
	return fromMicros(total)
}

// roundHalfEven rounds a rational to the nearest integer, ties to even.
func roundHalfEven(r *big.Rat) *big.Int {
	num, den := r.Num(), r.Denom()
	q, m := new(big.Int).DivMod(num, den, new(big.Int)) // floor for den > 0
	twice := new(big.Int).Mul(m, big.NewInt(2))
	switch twice.Cmp(den) {
	case 1:
		q.Add(q, big.NewInt(1))
	case 0:
		if q.Bit(0) == 1 {
			q.Add(q, big.NewInt(1))
		}
	}
	return q
}

// ratOf reads an int or a float argument exactly.
func ratOf(v py.Value, name string) (*big.Rat, error) {
	switch x := v.(type) {
	case py.Bool:
		if x {
			return big.NewRat(1, 1), nil
		}
		return new(big.Rat), nil
	case py.Int:
		return new(big.Rat).SetInt64(int64(x)), nil
	case *py.BigInt:
		return new(big.Rat).SetInt(x.V), nil
	case py.Float:
		f := float64(x)
		if math.IsNaN(f) || math.IsInf(f, 0) {
			if math.IsNaN(f) {
				return nil, py.Errorf(py.ValueErrorType, "cannot convert float NaN to integer")
			}
			return nil, py.Errorf(py.OverflowErrorType, "cannot convert float infinity to integer")
		}
		return new(big.Rat).SetFloat64(f), nil
	}
	return nil, py.Errorf(py.TypeErrorType, "unsupported type for timedelta %s component: %s", name, v.Type().Name)
}

// timedeltaNew is timedelta(days=0, seconds=0, microseconds=0,
// milliseconds=0, minutes=0, hours=0, weeks=0).
func timedeltaNew(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
	names := []string{"days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"}
	scale := []int64{86400e6, 1e6, 1, 1000, 60e6, 3600e6, 7 * 86400e6}
	for _, k := range kw {
		if indexOf(names, k.Name) < 0 {
			return nil, py.Errorf(py.TypeErrorType, "'%s' is an invalid keyword argument for __new__()", k.Name)
		}
	}
	a, err := py.ParseArgs("timedelta", args, kw, names, 0)
	if err != nil {
		return nil, err
	}
	total := new(big.Rat)
	for i, v := range a {
		if v == nil {
			continue
		}
		r, err := ratOf(v, names[i])
		if err != nil {
			return nil, err
		}
		total.Add(total, r.Mul(r, new(big.Rat).SetInt64(scale[i])))
	}
	return fromMicros(roundHalfEven(total))
}

// Attr returns days, seconds, microseconds and the methods.
func (d *Timedelta) Attr(t *py.Thread, name string) (py.Value, error) {
	switch name {
	case "days":
		return py.Int(d.Days), nil
	case "seconds":
		return py.Int(d.Seconds), nil
	case "microseconds":
		return py.Int(d.Micro), nil
	case "total_seconds":
		return method("total_seconds", d, func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := py.NoArgs("total_seconds", args, kw); err != nil {
				return nil, err
			}
			f, _ := new(big.Rat).SetFrac(d.micros(), million).Float64()
			return py.Float(f), nil
		}), nil
	}
	return classAttr(TimedeltaType, name), nil
}

// method returns a builtin bound to recv.
func method(name string, recv py.Value, fn func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error)) *py.Builtin {
	return py.NewBuiltin(name, func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
		return fn(t, args, kw)
	}).BindTo(recv)
}

// classAttr reads a class attribute (min, max, a classmethod) through an
// instance, as Python does.
func classAttr(typ *py.Type, name string) py.Value {
	for c := typ; c != nil; c = c.Base {
		if v, ok := c.Attrs[name]; ok {
			return v
		}
	}
	return nil
}

// Str is "1 day, 2:03:04.000005".
func (d *Timedelta) Str(t *py.Thread) (string, error) { return d.String(), nil }

// String is str(timedelta).
func (d *Timedelta) String() string {
	mm, ss := d.Seconds/60, d.Seconds%60
	hh, mm := mm/60, mm%60
	s := fmt.Sprintf("%d:%02d:%02d", hh, mm, ss)
	if d.Days != 0 {
		plural := "s"
		if d.Days == 1 || d.Days == -1 {
			plural = ""
		}
		s = fmt.Sprintf("%d day%s, ", d.Days, plural) + s
	}
	if d.Micro != 0 {
		s += fmt.Sprintf(".%06d", d.Micro)
	}
	return s
}

// Repr is "datetime.timedelta(days=1, seconds=7384, microseconds=5)".
func (d *Timedelta) Repr(t *py.Thread) (string, error) {
	var parts []string
	if d.Days != 0 {
		parts = append(parts, fmt.Sprintf("days=%d", d.Days))
	}
	if d.Seconds != 0 {
		parts = append(parts, fmt.Sprintf("seconds=%d", d.Seconds))
	}
	if d.Micro != 0 {
		parts = append(parts, fmt.Sprintf("microseconds=%d", d.Micro))
	}
	if len(parts) == 0 {
		parts = []string{"0"}
	}
	s := "datetime.timedelta("
	for i, p := range parts {
		if i > 0 {
			s += ", "
		}
		s += p
	}
	return s + ")", nil
}

// Truth is false for timedelta(0).
func (d *Timedelta) Truth() bool { return d.Days != 0 || d.Seconds != 0 || d.Micro != 0 }

// Hash hashes the three fields.
func (d *Timedelta) Hash() uint64 {
	h, _ := py.Hash(nil, py.Tuple{py.Int(d.Days), py.Int(d.Seconds), py.Int(d.Micro)})
	return h
}

// Equal compares with another timedelta.
func (d *Timedelta) Equal(t *py.Thread, b py.Value) (bool, error) {
	o, ok := b.(*Timedelta)
	return ok && *o == *d, nil
}

// Cmp orders timedeltas.
func (d *Timedelta) Cmp(t *py.Thread, b py.Value) (int, bool, error) {
	o, ok := b.(*Timedelta)
	if !ok {
		return 0, false, nil
	}
	return d.micros().Cmp(o.micros()), true, nil
}

// UnaryOp is -td and +td.
func (d *Timedelta) UnaryOp(t *py.Thread, op py.UnaryOp) (py.Value, error) {
	switch op {
	case py.OpNeg:
		return fromMicros(new(big.Int).Neg(d.micros()))
	case py.OpPos:
		return d, nil
	}
	return nil, nil
}

// Abs is abs(td).
func (d *Timedelta) Abs(t *py.Thread) (py.Value, error) {
	if d.Days < 0 {
		return fromMicros(new(big.Int).Neg(d.micros()))
	}
	return d, nil
}

// unsupported is CPython's TypeError for an operator its types lack.
func unsupported(op py.BinOp, x, y py.Value) error {
	return py.Errorf(py.TypeErrorType, "unsupported operand type(s) for %s: '%s' and '%s'", op, tpName(x), tpName(y))
}

// tpName is the type's name as CPython's C types print it in errors:
// "datetime.timedelta", "int".
func tpName(v py.Value) string {
	if typ := v.Type(); typ.CName != "" {
		return typ.CName
	}
	return v.Type().Name
}

// BinaryOp is td + td, td - td, td * n, td / n, td / td, td // td, td % td.
func (d *Timedelta) BinaryOp(t *py.Thread, op py.BinOp, y py.Value, right bool) (py.Value, error) {
	if o, ok := y.(*Timedelta); ok {
		a, b := d, o
		if right {
			a, b = o, d
		}
		switch op {
		case py.OpAdd:
			return fromMicros(new(big.Int).Add(a.micros(), b.micros()))
		case py.OpSub:
			return fromMicros(new(big.Int).Sub(a.micros(), b.micros()))
		case py.OpTrueDiv:
			if b.micros().Sign() == 0 {
				return nil, py.Errorf(py.ZeroDivisionErrorType, "division by zero")
			}
			f, _ := new(big.Rat).SetFrac(a.micros(), b.micros()).Float64()
			return py.Float(f), nil
		case py.OpFloorDiv, py.OpMod:
			bm := b.micros()
			if bm.Sign() == 0 {
				return nil, py.Errorf(py.ZeroDivisionErrorType, "integer division or modulo by zero")
			}
			q, m := floorDivMod(a.micros(), bm)
			if op == py.OpFloorDiv {
				return py.MakeBigInt(q), nil
			}
			return fromMicros(m)
		}
		if right {
			return nil, unsupported(op, o, d)
		}
		return nil, unsupported(op, d, o)
	}
	switch y.(type) {
	case *Date, *Datetime:
		return nil, nil // date + timedelta: the date's reflected operation
	}
	switch op {
	case py.OpMul:
		switch n := y.(type) {
		case py.Int, *py.BigInt, py.Bool:
			r, _ := ratOf(n, "")
			return fromMicros(new(big.Int).Mul(d.micros(), r.Num()))
		case py.Float:
			r, err := ratOf(n, "")
			if err != nil {
				return nil, err
			}
			return fromMicros(roundHalfEven(new(big.Rat).Mul(new(big.Rat).SetInt(d.micros()), r)))
		}
	case py.OpTrueDiv, py.OpFloorDiv:
		if right {
			break
		}
		switch n := y.(type) {
		case py.Int, *py.BigInt, py.Bool:
			r, _ := ratOf(n, "")
			if r.Sign() == 0 {
				return nil, py.Errorf(py.ZeroDivisionErrorType, "integer division or modulo by zero")
			}
			if op == py.OpFloorDiv {
				q, _ := floorDivMod(d.micros(), r.Num())
				return fromMicros(q)
			}
			return fromMicros(roundHalfEven(new(big.Rat).SetFrac(d.micros(), r.Num())))
		case py.Float:
			if op == py.OpFloorDiv {
				break
			}
			r, err := ratOf(n, "")
			if err != nil {
				return nil, err
			}
			if r.Sign() == 0 {
				return nil, py.Errorf(py.ZeroDivisionErrorType, "float division by zero")
			}
			return fromMicros(roundHalfEven(new(big.Rat).Quo(new(big.Rat).SetInt(d.micros()), r)))
		}
	}
	if right {
		return nil, unsupported(op, y, d)
	}
	return nil, unsupported(op, d, y)
}

// floorDivMod is Python's divmod on ints.
func floorDivMod(a, b *big.Int) (q, m *big.Int) {
	q, m = new(big.Int).QuoRem(a, b, new(big.Int))
	if m.Sign() != 0 && (m.Sign() < 0) != (b.Sign() < 0) {
		q.Sub(q, big.NewInt(1))
		m.Add(m, b)
	}
	return q, m
}

func indexOf(names []string, s string) int {
	for i, n := range names {
		if n == s {
			return i
		}
	}
	return -1
}

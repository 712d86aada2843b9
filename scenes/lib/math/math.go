// Package math is the math module of scenes: CPython 3.11's functions on
// floats and ints, with its results (Go's math library is correctly
// rounded where C's libm is, and fsum is CPython's exact msum) and its
// error messages ("math domain error", "math range error").
package math

import (
	"loopscope/scenes/lib/internal/libm"
	gomath "math"
	"math/big"

	"loopscope/scenes/python/modules"
	"loopscope/scenes/python/py"
)

type fn1 func(x float64) float64

// unary are the functions of one float that return a float, with the
// domain they accept (nil: every finite x; out of it: "math domain error").
var unary = map[string]struct {
	f      fn1
	ok     func(x float64) bool
	doc    string
	finite bool // an infinite result from a finite argument is "math range error"
}{
	"sqrt":    {gomath.Sqrt, func(x float64) bool { return x >= 0 || gomath.IsNaN(x) }, "sqrt(x): the square root of x.", false},
	"exp":     {libm.Exp, nil, "exp(x): e raised to the power x.", true},
	"fabs":    {gomath.Abs, nil, "fabs(x): the absolute value of x, as a float.", false},
	"sin":     {libm.Sin, func(x float64) bool { return !gomath.IsInf(x, 0) }, "sin(x): the sine of x radians.", false},
	"cos":     {libm.Cos, func(x float64) bool { return !gomath.IsInf(x, 0) }, "cos(x): the cosine of x radians.", false},
	"tan":     {libm.Tan, func(x float64) bool { return !gomath.IsInf(x, 0) }, "tan(x): the tangent of x radians.", false},
	"asin":    {libm.Asin, func(x float64) bool { return x >= -1 && x <= 1 || gomath.IsNaN(x) }, "asin(x): the arc sine of x, in radians.", false},
	"acos":    {libm.Acos, func(x float64) bool { return x >= -1 && x <= 1 || gomath.IsNaN(x) }, "acos(x): the arc cosine of x, in radians.", false},
	"atan":    {libm.Atan, nil, "atan(x): the arc tangent of x, in radians.", false},
	"log2":    {libm.Log2, func(x float64) bool { return x > 0 || gomath.IsNaN(x) }, "log2(x): the base-2 logarithm of x.", false},
	"log10":   {libm.Log10, func(x float64) bool { return x > 0 || gomath.IsNaN(x) }, "log10(x): the base-10 logarithm of x.", false},
	"log1p":   {libm.Log1p, func(x float64) bool { return x > -1 || gomath.IsNaN(x) }, "log1p(x): the natural logarithm of 1+x.", false},
	"expm1":   {libm.Expm1, nil, "expm1(x): e**x - 1, exact for small x.", true},
	"sinh":    {libm.Sinh, nil, "sinh(x): the hyperbolic sine of x.", true},
	"cosh":    {libm.Cosh, nil, "cosh(x): the hyperbolic cosine of x.", true},
	"tanh":    {libm.Tanh, nil, "tanh(x): the hyperbolic tangent of x.", false},
	"degrees": {func(x float64) float64 { return x * (180 / gomath.Pi) }, nil, "degrees(x): x radians in degrees.", false},
	"radians": {func(x float64) float64 { return x * (gomath.Pi / 180) }, nil, "radians(x): x degrees in radians.", false},
}

var spec = &modules.Spec{
	Name: "math",
	Doc:  "CPython's math functions and constants on floats and ints.",
}

func init() {
	members := []modules.Member{
		{Name: "pi", Doc: "π = 3.141592653589793."},
		{Name: "e", Doc: "e = 2.718281828459045."},
		{Name: "tau", Doc: "τ = 2π = 6.283185307179586."},
		{Name: "inf", Doc: "Positive infinity, float('inf')."},
		{Name: "nan", Doc: "Not a number, float('nan')."},
		{Name: "ceil", Doc: "ceil(x): the smallest int >= x."},
		{Name: "floor", Doc: "floor(x): the largest int <= x."},
		{Name: "trunc", Doc: "trunc(x): x with its fractional part dropped, as an int."},
		{Name: "log", Doc: "log(x[, base]): the natural logarithm of x, or its logarithm in base."},
		{Name: "pow", Doc: "pow(x, y): x raised to the power y, as floats."},
		{Name: "atan2", Doc: "atan2(y, x): the angle of the point (x, y), in radians."},
		{Name: "hypot", Doc: "hypot(*coordinates): the Euclidean norm."},
		{Name: "dist", Doc: "dist(p, q): the Euclidean distance between two points."},
		{Name: "copysign", Doc: "copysign(x, y): x with the sign of y."},
		{Name: "fmod", Doc: "fmod(x, y): x modulo y, with the sign of x."},
		{Name: "modf", Doc: "modf(x): the fractional and integer parts of x."},
		{Name: "isclose", Doc: "isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0): whether a and b are close."},
		{Name: "isfinite", Doc: "isfinite(x): neither an infinity nor a NaN."},
		{Name: "isinf", Doc: "isinf(x): positive or negative infinity."},
		{Name: "isnan", Doc: "isnan(x): not a number."},
		{Name: "factorial", Doc: "factorial(n): n! for an int n >= 0."},
		{Name: "gcd", Doc: "gcd(*integers): the greatest common divisor."},
		{Name: "lcm", Doc: "lcm(*integers): the least common multiple."},
		{Name: "comb", Doc: "comb(n, k): the number of ways to choose k items from n."},
		{Name: "perm", Doc: "perm(n, k=None): the number of ordered choices of k items from n."},
		{Name: "isqrt", Doc: "isqrt(n): the integer square root of n."},
		{Name: "prod", Doc: "prod(iterable, *, start=1): the product of the items."},
		{Name: "fsum", Doc: "fsum(iterable): an exactly rounded sum of floats."},
	}
	for name, u := range unary {
		members = append(members, modules.Member{Name: name, Doc: u.doc})
	}
	spec.Members = members
	py.RegisterModule(spec, newModule)
}

func domainError() error { return py.Errorf(py.ValueErrorType, "math domain error") }
func rangeError() error  { return py.Errorf(py.OverflowErrorType, "math range error") }

// toFloat is PyFloat_AsDouble for the numbers scenes pass.
// loghelper is CPython's loghelper: an int is converted to a float when it
// fits, and otherwise taken as x*2**e (x in [0.5, 1) rounded to 53 bits,
// as _PyLong_Frexp) for f(x) + f(2)*e; a float goes to f. An argument
// <= 0 is a domain error.
func loghelper(v py.Value, f fn1) (float64, error) {
	if b, ok := v.(*py.BigInt); ok && b.V.Sign() > 0 {
		if x, _ := new(big.Float).SetInt(b.V).Float64(); !gomath.IsInf(x, 0) {
			return f(x), nil
		}
		mant := new(big.Float).SetPrec(53).SetInt(b.V)
		e := mant.MantExp(mant)
		x, _ := mant.Float64()
		return f(x) + float64(f(2)*float64(e)), nil // no fused multiply-add, as C
	}
	x, err := toFloat(v)
	if err != nil {
		return 0, err
	}
	if x <= 0 && !gomath.IsNaN(x) {
		return 0, domainError()
	}
	return f(x), nil
}

func toFloat(v py.Value) (float64, error) {
	switch x := v.(type) {
	case py.Float:
		return float64(x), nil
	case py.Int:
		return float64(x), nil
	case py.Bool:
		if x {
			return 1, nil
		}
		return 0, nil
	case *py.BigInt:
		f, _ := new(big.Float).SetInt(x.V).Float64()
		if gomath.IsInf(f, 0) {
			return 0, py.Errorf(py.OverflowErrorType, "int too large to convert to float")
		}
		return f, nil
	}
	return 0, py.Errorf(py.TypeErrorType, "must be real number, not %s", v.Type().Name)
}

// toBig is an int argument as a big.Int (TypeError for anything else).
func toBig(v py.Value) (*big.Int, error) {
	switch x := v.(type) {
	case py.Int:
		return big.NewInt(int64(x)), nil
	case py.Bool:
		if x {
			return big.NewInt(1), nil
		}
		return big.NewInt(0), nil
	case *py.BigInt:
		return new(big.Int).Set(x.V), nil
	}
	return nil, py.Errorf(py.TypeErrorType, "'%s' object cannot be interpreted as an integer", v.Type().Name)
}

// floatToInt is int(x) for a float that is already integral (floor, ceil,
// trunc), with CPython's errors for infinities and NaN.
func floatToInt(x float64) (py.Value, error) {
	switch {
	case gomath.IsInf(x, 0):
		return nil, py.Errorf(py.OverflowErrorType, "cannot convert float infinity to integer")
	case gomath.IsNaN(x):
		return nil, py.Errorf(py.ValueErrorType, "cannot convert float NaN to integer")
	}
	if x >= -9.2e18 && x <= 9.2e18 {
		return py.Int(int64(x)), nil
	}
	b, _ := big.NewFloat(x).Int(nil)
	return py.MakeBigInt(b), nil
}

func newModule(h py.Host) (py.Value, error) {
	attrs := map[string]py.Value{
		"pi":  py.Float(gomath.Pi),
		"e":   py.Float(gomath.E),
		"tau": py.Float(2 * gomath.Pi),
		"inf": py.Float(gomath.Inf(1)),
		"nan": py.Float(gomath.NaN()),
	}
	def := func(name string, f func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error)) {
		attrs[name] = py.NewBuiltin(name, func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			return f(t, args, kw)
		})
	}
	exactly := func(name string, n int, args []py.Value, kw []py.Kwarg) error {
		if len(kw) > 0 {
			return py.Errorf(py.TypeErrorType, "math.%s() takes no keyword arguments", name)
		}
		if len(args) != n {
			if n == 1 {
				return py.Errorf(py.TypeErrorType, "math.%s() takes exactly one argument (%d given)", name, len(args))
			}
			return py.Errorf(py.TypeErrorType, "%s expected %d arguments, got %d", name, n, len(args))
		}
		return nil
	}
	for name, u := range unary {
		name, u := name, u
		if name == "log2" || name == "log10" {
			continue // below, through loghelper
		}
		def(name, func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := exactly(name, 1, args, kw); err != nil {
				return nil, err
			}
			x, err := toFloat(args[0])
			if err != nil {
				return nil, err
			}
			if u.ok != nil && !u.ok(x) {
				return nil, domainError()
			}
			r := u.f(x)
			if u.finite && gomath.IsInf(r, 0) && !gomath.IsInf(x, 0) {
				return nil, rangeError()
			}
			return py.Float(r), nil
		})
	}
	for _, name := range []string{"log2", "log10"} {
		name, f := name, unary[name].f
		// log2 and log10 take ints of any size, as log does (loghelper)
		def(name, func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := exactly(name, 1, args, kw); err != nil {
				return nil, err
			}
			r, err := loghelper(args[0], f)
			if err != nil {
				return nil, err
			}
			return py.Float(r), nil
		})
	}
	rounder := func(name string, f fn1) {
		def(name, func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := exactly(name, 1, args, kw); err != nil {
				return nil, err
			}
			switch x := args[0].(type) {
			case py.Int, *py.BigInt:
				return x, nil
			case py.Bool:
				if x {
					return py.Int(1), nil
				}
				return py.Int(0), nil
			}
			x, err := toFloat(args[0])
			if err != nil {
				return nil, err
			}
			return floatToInt(f(x))
		})
	}
	rounder("floor", gomath.Floor)
	rounder("ceil", gomath.Ceil)
	rounder("trunc", gomath.Trunc)
	def("log", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
		if len(kw) > 0 || len(args) < 1 || len(args) > 2 {
			return nil, py.Errorf(py.TypeErrorType, "log expected 1 or 2 arguments, got %d", len(args))
		}
		ln := func(v py.Value) (float64, error) { return loghelper(v, libm.Log) }
		x, err := ln(args[0])
		if err != nil {
			return nil, err
		}
		if len(args) == 1 {
			return py.Float(x), nil
		}
		b, err := ln(args[1])
		if err != nil {
			return nil, err
		}
		if b == 0 {
			return nil, py.Errorf(py.ZeroDivisionErrorType, "float division by zero")
		}
		return py.Float(x / b), nil
	})
	binary := func(name string, f func(x, y float64) (float64, error)) {
		def(name, func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := exactly(name, 2, args, kw); err != nil {
				return nil, err
			}
			x, err := toFloat(args[0])
			if err != nil {
				return nil, err
			}
			y, err := toFloat(args[1])
			if err != nil {
				return nil, err
			}
			r, err := f(x, y)
			if err != nil {
				return nil, err
			}
			return py.Float(r), nil
		})
	}
	binary("pow", func(x, y float64) (float64, error) {
		switch {
		case x == 0 && y < 0:
			return 0, domainError()
		case x < 0 && y != gomath.Trunc(y) && !gomath.IsInf(y, 0):
			return 0, domainError()
		}
		r := libm.Pow(x, y)
		if gomath.IsInf(r, 0) && !gomath.IsInf(x, 0) && !gomath.IsInf(y, 0) {
			return 0, rangeError()
		}
		return r, nil
	})
	binary("atan2", func(y, x float64) (float64, error) { return libm.Atan2(y, x), nil })
	binary("copysign", func(x, y float64) (float64, error) { return gomath.Copysign(x, y), nil })
	binary("fmod", func(x, y float64) (float64, error) {
		if y == 0 && !gomath.IsNaN(x) || gomath.IsInf(x, 0) {
			return 0, domainError()
		}
		return gomath.Mod(x, y), nil
	})
	def("modf", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
		if err := exactly("modf", 1, args, kw); err != nil {
			return nil, err
		}
		x, err := toFloat(args[0])
		if err != nil {
			return nil, err
		}
		if gomath.IsInf(x, 0) {
			return py.Tuple{py.Float(gomath.Copysign(0, x)), py.Float(x)}, nil
		}
		i, f := gomath.Modf(x)
		return py.Tuple{py.Float(f), py.Float(i)}, nil
	})
	floats := func(name string, args []py.Value) ([]float64, error) {
		out := make([]float64, len(args))
		for i, a := range args {
			x, err := toFloat(a)
			if err != nil {
				return nil, err
			}
			out[i] = x
		}
		return out, nil
	}
	norm := func(xs []float64) float64 {
		r := 0.0
		for _, x := range xs {
			r = gomath.Hypot(r, x)
		}
		return r
	}
	def("hypot", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
		if len(kw) > 0 {
			return nil, py.Errorf(py.TypeErrorType, "hypot() takes no keyword arguments")
		}
		xs, err := floats("hypot", args)
		if err != nil {
			return nil, err
		}
		return py.Float(norm(xs)), nil
	})
	def("dist", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
		if err := exactly("dist", 2, args, kw); err != nil {
			return nil, err
		}
		var p, q []py.Value
		for i, into := range []*[]py.Value{&p, &q} {
			if err := py.Iterate(t, args[i], func(v py.Value) error { *into = append(*into, v); return nil }); err != nil {
				return nil, err
			}
		}
		if len(p) != len(q) {
			return nil, py.Errorf(py.ValueErrorType, "both points must have the same number of dimensions")
		}
		ps, err := floats("dist", p)
		if err != nil {
			return nil, err
		}
		qs, err := floats("dist", q)
		if err != nil {
			return nil, err
		}
		for i := range ps {
			ps[i] -= qs[i]
		}
		return py.Float(norm(ps)), nil
	})
	def("isclose", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
		a, err := py.ParseArgs("isclose", args, kw, []string{"a", "b", "rel_tol", "abs_tol"}, 2)
		if err != nil {
			return nil, err
		}
		x, err := toFloat(a[0])
		if err != nil {
			return nil, err
		}
		y, err := toFloat(a[1])
		if err != nil {
			return nil, err
		}
		rel, abs := 1e-09, 0.0
		if a[2] != nil {
			if rel, err = toFloat(a[2]); err != nil {
				return nil, err
			}
		}
		if a[3] != nil {
			if abs, err = toFloat(a[3]); err != nil {
				return nil, err
			}
		}
		if rel < 0 || abs < 0 {
			return nil, py.Errorf(py.ValueErrorType, "tolerances must be non-negative")
		}
		if x == y {
			return py.True, nil
		}
		if gomath.IsInf(x, 0) || gomath.IsInf(y, 0) {
			return py.False, nil
		}
		diff := gomath.Abs(y - x)
		return py.Bool(diff <= gomath.Abs(rel*y) || diff <= gomath.Abs(rel*x) || diff <= abs), nil
	})
	pred := func(name string, f func(float64) bool) {
		def(name, func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := exactly(name, 1, args, kw); err != nil {
				return nil, err
			}
			x, err := toFloat(args[0])
			if err != nil {
				return nil, err
			}
			return py.Bool(f(x)), nil
		})
	}
	pred("isfinite", func(x float64) bool { return !gomath.IsInf(x, 0) && !gomath.IsNaN(x) })
	pred("isinf", func(x float64) bool { return gomath.IsInf(x, 0) })
	pred("isnan", gomath.IsNaN)
	// natural reads the one int argument of name, refusing a negative one
	// with negMsg.
	natural := func(name string, args []py.Value, kw []py.Kwarg, negMsg string) (*big.Int, error) {
		if err := exactly(name, 1, args, kw); err != nil {
			return nil, err
		}
		n, err := toBig(args[0])
		if err != nil {
			return nil, err
		}
		if n.Sign() < 0 {
			return nil, py.Errorf(py.ValueErrorType, "%s", negMsg)
		}
		return n, nil
	}
	def("factorial", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
		n, err := natural("factorial", args, kw, "factorial() not defined for negative values")
		if err != nil {
			return nil, err
		}
		if !n.IsInt64() || n.Int64() > 100000 {
			return nil, py.Errorf(py.OverflowErrorType, "the scenes' factorial() stops at 100000! (the result would not fit the memory budget)")
		}
		return py.MakeBigInt(new(big.Int).MulRange(1, n.Int64())), nil
	})
	gcdLcm := func(name string, lcm bool) {
		def(name, func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if len(kw) > 0 {
				return nil, py.Errorf(py.TypeErrorType, "%s() takes no keyword arguments", name)
			}
			acc := big.NewInt(0)
			if lcm {
				acc.SetInt64(1)
			}
			for _, a := range args {
				n, err := toBig(a)
				if err != nil {
					return nil, err
				}
				n.Abs(n)
				if !lcm {
					acc.GCD(nil, nil, acc, n)
					continue
				}
				if n.Sign() == 0 || acc.Sign() == 0 {
					acc.SetInt64(0)
					continue
				}
				g := new(big.Int).GCD(nil, nil, acc, n)
				acc.Mul(acc, new(big.Int).Quo(n, g))
			}
			return py.MakeBigInt(acc), nil
		})
	}
	gcdLcm("gcd", false)
	gcdLcm("lcm", true)
	nonNeg := func(name string, v py.Value, what string) (*big.Int, error) {
		n, err := toBig(v)
		if err != nil {
			return nil, err
		}
		if n.Sign() < 0 {
			return nil, py.Errorf(py.ValueErrorType, "%s must be a non-negative integer", what)
		}
		return n, nil
	}
	def("comb", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
		if err := exactly("comb", 2, args, kw); err != nil {
			return nil, err
		}
		n, err := nonNeg("comb", args[0], "n")
		if err != nil {
			return nil, err
		}
		k, err := nonNeg("comb", args[1], "k")
		if err != nil {
			return nil, err
		}
		if k.Cmp(n) > 0 {
			return py.Int(0), nil
		}
		return py.MakeBigInt(new(big.Int).Binomial(n.Int64(), k.Int64())), nil
	})
	def("perm", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
		if len(kw) > 0 || len(args) < 1 || len(args) > 2 {
			return nil, py.Errorf(py.TypeErrorType, "perm expected at most 2 arguments, got %d", len(args))
		}
		n, err := nonNeg("perm", args[0], "n")
		if err != nil {
			return nil, err
		}
		k := n
		if len(args) == 2 && args[1] != py.None {
			if k, err = nonNeg("perm", args[1], "k"); err != nil {
				return nil, err
			}
		}
		if k.Cmp(n) > 0 {
			return py.Int(0), nil
		}
		if k.Sign() == 0 {
			return py.Int(1), nil
		}
		lo := new(big.Int).Sub(n, k)
		return py.MakeBigInt(new(big.Int).MulRange(lo.Int64()+1, n.Int64())), nil
	})
	def("isqrt", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
		n, err := natural("isqrt", args, kw, "isqrt() argument must be nonnegative")
		if err != nil {
			return nil, err
		}
		return py.MakeBigInt(new(big.Int).Sqrt(n)), nil
	})
	def("prod", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
		if len(args) != 1 {
			return nil, py.Errorf(py.TypeErrorType, "prod() takes exactly 1 positional argument (%d given)", len(args))
		}
		var acc py.Value = py.Int(1)
		for _, k := range kw {
			if k.Name != "start" {
				return nil, py.Errorf(py.TypeErrorType, "prod() got an unexpected keyword argument '%s'", k.Name)
			}
			acc = k.Value
		}
		err := py.Iterate(t, args[0], func(v py.Value) error {
			r, err := py.Binary(t, py.OpMul, acc, v)
			acc = r
			return err
		})
		if err != nil {
			return nil, err
		}
		return acc, nil
	})
	def("fsum", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
		if err := exactly("fsum", 1, args, kw); err != nil {
			return nil, err
		}
		var xs []float64
		err := py.Iterate(t, args[0], func(v py.Value) error {
			x, err := toFloat(v)
			xs = append(xs, x)
			return err
		})
		if err != nil {
			return nil, err
		}
		return fsum(xs)
	})
	return py.NewModule("math", attrs), nil
}

// fsum is CPython's math_fsum: Shewchuk's exact partial sums, then the
// correctly rounded total (with the half-way correction).
func fsum(xs []float64) (py.Value, error) {
	var partials []float64
	special, infSum := 0.0, 0.0
	for _, x := range xs {
		xsave := x
		i := 0
		for _, y := range partials {
			if gomath.Abs(x) < gomath.Abs(y) {
				x, y = y, x
			}
			hi := x + y
			lo := y - (hi - x)
			if lo != 0 {
				partials[i] = lo
				i++
			}
			x = hi
		}
		partials = partials[:i]
		if x != 0 {
			if gomath.IsInf(x, 0) || gomath.IsNaN(x) {
				if gomath.IsInf(xsave, 0) || gomath.IsNaN(xsave) {
					infSum += xsave
				} else {
					return nil, py.Errorf(py.OverflowErrorType, "intermediate overflow in fsum")
				}
				special += xsave
				partials = partials[:0]
			} else {
				partials = append(partials, x)
			}
		}
	}
	if special != 0 {
		if gomath.IsNaN(infSum) {
			return nil, py.Errorf(py.ValueErrorType, "-inf + inf in fsum")
		}
		return py.Float(special), nil
	}
	hi := 0.0
	n := len(partials)
	if n > 0 {
		n--
		hi = partials[n]
		lo := 0.0
		for n > 0 {
			x := hi
			n--
			y := partials[n]
			hi = x + y
			yr := hi - x
			lo = y - yr
			if lo != 0 {
				break
			}
		}
		if n > 0 && (lo < 0 && partials[n-1] < 0 || lo > 0 && partials[n-1] > 0) {
			y := lo * 2
			x := hi + y
			yr := x - hi
			if y == yr {
				hi = x
			}
		}
	}
	return py.Float(hi), nil
}

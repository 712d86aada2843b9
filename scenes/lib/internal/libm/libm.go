// Package libm computes the C library's elementary functions as CPython
// gets them from glibc. Go's math package is accurate to within an ulp, so
// a scene printing math.log(x) or random.gauss() would differ from CPython
// in the last digit about one time in five. glibc's exp, log, log2, sin,
// cos, tan and the inverse functions are correctly rounded but for rare
// cases (their error is about 0.52 ulp): here they are computed in 160-bit
// binary floating point (math/big) and rounded once. glibc's log10, log1p,
// expm1, sinh, cosh and tanh are fdlibm's algorithms, ported here (or Go's
// own port, for log1p and expm1). Measured against CPython on 55,814
// arguments: 55 differ in the last bit (TestAgainstCPython).
//
// Infinities, NaNs and arguments outside a function's domain give what C99
// (Annex F) and so glibc and Go's math give: Go's math answers them.
package libm

import (
	"math"
	"math/big"
)

const prec = 160

func newF() *big.Float { return new(big.Float).SetPrec(prec) }

func bf(x float64) *big.Float { return newF().SetFloat64(x) }

func f64(x *big.Float) float64 {
	f, _ := x.Float64()
	return f
}

var (
	eps = new(big.Float).SetMantExp(big.NewFloat(1), -prec-10)
	// bigPi is pi to 1300 bits, enough to reduce any float64 argument of
	// sin and cos exactly (Payne and Hanek's bound).
	bigPi  = machinPi(1300)
	pi     = newF().Set(bigPi)
	halfPi = newF().Quo(pi, bf(2))
	ln2    = func() *big.Float {
		r := atanhSeries(newF().Quo(bf(1), bf(3)))
		return r.Mul(r, bf(2))
	}()
)

// machinPi computes pi = 16 atan(1/5) - 4 atan(1/239) to p bits.
func machinPi(p uint) *big.Float {
	atanInv := func(n int64) *big.Float {
		x := new(big.Float).SetPrec(p+20).Quo(new(big.Float).SetPrec(p+20).SetInt64(1), new(big.Float).SetPrec(p+20).SetInt64(n))
		x2 := new(big.Float).SetPrec(p+20).Mul(x, x)
		sum := new(big.Float).SetPrec(p + 20).Set(x)
		term := new(big.Float).SetPrec(p + 20).Set(x)
		tiny := new(big.Float).SetMantExp(big.NewFloat(1), -int(p)-30)
		for k := int64(3); ; k += 2 {
			term.Mul(term, x2)
			q := new(big.Float).SetPrec(p+20).Quo(term, new(big.Float).SetPrec(p+20).SetInt64(k))
			if k%4 == 3 {
				sum.Sub(sum, q)
			} else {
				sum.Add(sum, q)
			}
			if q.Sign() == 0 || q.Cmp(tiny) < 0 {
				break
			}
		}
		return sum
	}
	a := atanInv(5)
	a.Mul(a, new(big.Float).SetPrec(p+20).SetInt64(16))
	b := atanInv(239)
	b.Mul(b, new(big.Float).SetPrec(p+20).SetInt64(4))
	return a.Sub(a, b)
}

func small(x *big.Float) bool {
	return x.Sign() == 0 || new(big.Float).Abs(x).Cmp(eps) < 0
}

// atanhSeries returns atanh(t) for small |t|.
func atanhSeries(t *big.Float) *big.Float {
	sum := newF().Set(t)
	t2 := newF().Mul(t, t)
	term := newF().Set(t)
	for n := int64(3); ; n += 2 {
		term.Mul(term, t2)
		q := newF().Quo(term, newF().SetInt64(n))
		sum.Add(sum, q)
		if small(q) {
			return sum
		}
	}
}

// logBig returns ln(x) for x > 0.
func logBig(x *big.Float) *big.Float {
	m := newF()
	e := x.MantExp(m) // x = m * 2**e, m in [0.5, 1)
	if m.Cmp(bf(math.Sqrt2/2)) < 0 {
		m.Mul(m, bf(2))
		e--
	}
	t := newF().Quo(newF().Sub(m, bf(1)), newF().Add(m, bf(1)))
	r := atanhSeries(t)
	r.Mul(r, bf(2))
	return r.Add(r, newF().Mul(ln2, newF().SetInt64(int64(e))))
}

// expBig returns e**z for |z| < 1000.
func expBig(z *big.Float) *big.Float {
	k := math.Round(f64(newF().Quo(z, ln2)))
	r := newF().Sub(z, newF().Mul(ln2, bf(k)))
	// e**r = (e**(r/256))**256
	r.SetMantExp(r, -8)
	sum, term := bf(1), bf(1)
	for n := int64(1); n < 100; n++ {
		term.Mul(term, r)
		term.Quo(term, newF().SetInt64(n))
		sum.Add(sum, term)
		if small(term) {
			break
		}
	}
	for i := 0; i < 8; i++ {
		sum.Mul(sum, sum)
	}
	return sum.SetMantExp(sum, int(k))
}

// reduce returns r = x - q*pi/2 with |r| <= pi/4 (about), and q mod 4.
func reduce(x float64) (*big.Float, int) {
	p := uint(prec)
	if math.Abs(x) > 1 {
		_, e := math.Frexp(x)
		p = uint(prec + e + 64)
	}
	X := new(big.Float).SetPrec(p).SetFloat64(x)
	hp := new(big.Float).SetPrec(p).Quo(new(big.Float).SetPrec(p).Set(bigPi), big.NewFloat(2))
	qf := new(big.Float).SetPrec(p).Quo(X, hp)
	qi, _ := qf.Int(nil)
	// round to nearest
	frac := new(big.Float).SetPrec(p).Sub(qf, new(big.Float).SetPrec(p).SetInt(qi))
	if frac.Cmp(big.NewFloat(0.5)) > 0 {
		qi.Add(qi, big.NewInt(1))
	} else if frac.Cmp(big.NewFloat(-0.5)) < 0 {
		qi.Sub(qi, big.NewInt(1))
	}
	r := new(big.Float).SetPrec(p).Sub(X, new(big.Float).SetPrec(p).Mul(hp, new(big.Float).SetPrec(p).SetInt(qi)))
	q := int(new(big.Int).And(qi, big.NewInt(3)).Int64())
	return newF().Set(r), q
}

// sinCosSeries returns sin(r) and cos(r) for |r| <= pi/4.
func sinCosSeries(r *big.Float) (*big.Float, *big.Float) {
	r2 := newF().Mul(r, r)
	s, c := newF().Set(r), bf(1)
	ts, tc := newF().Set(r), bf(1)
	for n := int64(1); n < 200; n++ {
		ts.Mul(ts, r2)
		ts.Quo(ts, newF().SetInt64((2*n)*(2*n+1)))
		ts.Neg(ts)
		s.Add(s, ts)
		tc.Mul(tc, r2)
		tc.Quo(tc, newF().SetInt64((2*n-1)*(2*n)))
		tc.Neg(tc)
		c.Add(c, tc)
		if small(ts) && small(tc) {
			break
		}
	}
	return s, c
}

func sinCos(x float64) (*big.Float, *big.Float) {
	r, q := reduce(x)
	s, c := sinCosSeries(r)
	switch q {
	case 1:
		s, c = c, s.Neg(s)
	case 2:
		s, c = s.Neg(s), c.Neg(c)
	case 3:
		s, c = c.Neg(c), s
	}
	return s, c
}

// atanBig returns atan(x).
func atanBig(x *big.Float) *big.Float {
	neg := x.Sign() < 0
	a := newF().Abs(x)
	inv := false
	if a.Cmp(bf(1)) > 0 {
		a.Quo(bf(1), a)
		inv = true
	}
	// atan(a) = 2 atan(a / (1 + sqrt(1 + a*a))), three times
	for i := 0; i < 3; i++ {
		d := newF().Sqrt(newF().Add(bf(1), newF().Mul(a, a)))
		a.Quo(a, d.Add(d, bf(1)))
	}
	a2 := newF().Mul(a, a)
	sum, term := newF().Set(a), newF().Set(a)
	for n := int64(3); n < 2000; n += 2 {
		term.Mul(term, a2)
		term.Neg(term)
		q := newF().Quo(term, newF().SetInt64(n))
		sum.Add(sum, q)
		if small(q) {
			break
		}
	}
	sum.SetMantExp(sum, 3)
	if inv {
		sum.Sub(halfPi, sum)
	}
	if neg {
		sum.Neg(sum)
	}
	return sum
}

// Log is log(x) for finite x > 0.
func Log(x float64) float64 {
	if !finite(x) || x <= 0 {
		return math.Log(x)
	}
	if x == 1 {
		return 0
	}
	return f64(logBig(bf(x)))
}

// Log2 is log2(x) for finite x > 0.
func Log2(x float64) float64 {
	if !finite(x) || x <= 0 {
		return math.Log2(x)
	}
	if fr, e := math.Frexp(x); fr == 0.5 {
		return float64(e - 1)
	}
	return f64(newF().Quo(logBig(bf(x)), ln2))
}

// Log10 is log10(x) for finite x > 0, as glibc computes it (fdlibm's
// e_log10.c over its log, which is not correctly rounded).
func Log10(x float64) float64 {
	if !finite(x) || x <= 0 {
		return math.Log10(x)
	}
	const (
		two54    = 1.80143985094819840000e+16
		ivln10   = 4.34294481903251816668e-01
		log102hi = 3.01029995663611771306e-01
		log102lo = 3.69423907715893078616e-13
	)
	bits := math.Float64bits(x)
	hx := int32(bits >> 32)
	k := int32(0)
	if hx < 0x00100000 {
		k -= 54
		x *= two54
		hx = int32(math.Float64bits(x) >> 32)
	}
	k += (hx >> 20) - 1023
	i := int32((uint32(k) & 0x80000000) >> 31)
	hx = (hx & 0x000fffff) | ((0x3ff - i) << 20)
	y := float64(k + i)
	x = math.Float64frombits(uint64(uint32(hx))<<32 | math.Float64bits(x)&0xffffffff)
	z := float64(y*log102lo) + float64(ivln10*Log(x))
	return z + float64(y*log102hi)
}

// Log1p is log1p(x) for finite x > -1: glibc's is fdlibm's, as Go's.
func Log1p(x float64) float64 { return math.Log1p(x) }

// Exp is exp(x) for finite x; it overflows to +Inf and underflows to 0.
func Exp(x float64) float64 {
	if !finite(x) {
		return math.Exp(x)
	}
	switch {
	case x > 709.8:
		return math.Inf(1)
	case x < -745.2:
		return 0
	case x == 0:
		return 1
	}
	return f64(expBig(bf(x)))
}

// Expm1 is expm1(x) for finite x: glibc's is fdlibm's, as Go's.
func Expm1(x float64) float64 { return math.Expm1(x) }

// Sin is sin(x) for finite x.
func Sin(x float64) float64 {
	if !finite(x) {
		return math.Sin(x)
	}
	if x == 0 {
		return x
	}
	s, _ := sinCos(x)
	return f64(s)
}

// Cos is cos(x) for finite x.
func Cos(x float64) float64 {
	if !finite(x) {
		return math.Cos(x)
	}
	_, c := sinCos(x)
	return f64(c)
}

// Tan is tan(x) for finite x.
func Tan(x float64) float64 {
	if !finite(x) {
		return math.Tan(x)
	}
	if x == 0 {
		return x
	}
	s, c := sinCos(x)
	return f64(s.Quo(s, c))
}

// Atan is atan(x) for finite x.
func Atan(x float64) float64 {
	if !finite(x) {
		return math.Atan(x)
	}
	if x == 0 {
		return x
	}
	return f64(atanBig(bf(x)))
}

// Asin is asin(x) for -1 <= x <= 1.
func Asin(x float64) float64 {
	if !finite(x) || x < -1 || x > 1 {
		return math.Asin(x)
	}
	switch {
	case x == 0:
		return x
	case x == 1:
		return f64(halfPi)
	case x == -1:
		return -f64(halfPi)
	}
	X := bf(x)
	d := newF().Sqrt(newF().Sub(bf(1), newF().Mul(X, X)))
	return f64(atanBig(X.Quo(X, d)))
}

// Acos is acos(x) for -1 <= x <= 1.
func Acos(x float64) float64 {
	if !finite(x) || x < -1 || x > 1 {
		return math.Acos(x)
	}
	if x == 1 {
		return 0
	}
	if x == -1 {
		return f64(pi)
	}
	X := bf(x)
	d := newF().Sqrt(newF().Sub(bf(1), newF().Mul(X, X)))
	// acos(x) = pi/2 - atan(x / sqrt(1 - x*x))
	return f64(newF().Sub(halfPi, atanBig(X.Quo(X, d))))
}

// Atan2 is atan2(y, x) for finite y and x, not both zero.
func Atan2(y, x float64) float64 {
	if !finite(x) || !finite(y) {
		return math.Atan2(y, x)
	}
	if y == 0 {
		return math.Atan2(y, x) // ±0 or ±pi, exact by sign
	}
	if x == 0 {
		if y > 0 {
			return f64(halfPi)
		}
		return -f64(halfPi)
	}
	a := atanBig(newF().Quo(bf(y), bf(x)))
	if x < 0 {
		if y >= 0 {
			a.Add(a, pi)
		} else {
			a.Sub(a, pi)
		}
	}
	return f64(a)
}

// Sinh is sinh(x) for finite x, as glibc computes it (fdlibm's e_sinh.c).
func Sinh(x float64) float64 {
	if !finite(x) {
		return math.Sinh(x)
	}
	h := 0.5
	if x < 0 {
		h = -h
	}
	ax := math.Abs(x)
	switch {
	case ax < 0x1p-28:
		return x
	case ax < 22:
		t := Expm1(ax)
		if ax < 1 {
			return h * (2.0*t - float64(t*t)/(t+1))
		}
		return h * (t + t/(t+1))
	case ax < 709.78:
		return h * Exp(ax)
	}
	w := Exp(0.5 * ax)
	return float64(h*w) * w
}

// Cosh is cosh(x) for finite x, as glibc computes it (fdlibm's e_cosh.c).
func Cosh(x float64) float64 {
	if !finite(x) {
		return math.Cosh(x)
	}
	ax := math.Abs(x)
	switch {
	case ax < 0.5*math.Ln2:
		t := Expm1(ax)
		w := 1 + t
		if ax < 0x1p-55 {
			return w
		}
		return 1 + float64(t*t)/(w+w)
	case ax < 22:
		t := Exp(ax)
		return float64(0.5*t) + 0.5/t
	case ax < 709.78:
		return 0.5 * Exp(ax)
	}
	w := Exp(0.5 * ax)
	return float64(0.5*w) * w
}

// Tanh is tanh(x) for finite x, as glibc computes it (fdlibm's s_tanh.c).
func Tanh(x float64) float64 {
	if !finite(x) {
		return math.Tanh(x)
	}
	ax := math.Abs(x)
	var z float64
	switch {
	case ax < 0x1p-55:
		return x * (1 + x)
	case ax >= 22:
		z = 1
	case ax >= 1:
		t := Expm1(2 * ax)
		z = 1 - 2/(t+2)
	default:
		t := Expm1(-2 * ax)
		z = -t / (t + 2)
	}
	if x < 0 {
		return -z
	}
	return z
}

func finite(x float64) bool { return !math.IsInf(x, 0) && !math.IsNaN(x) }

// Pow is pow(x, y): correctly rounded for finite x and y with a finite,
// nonzero result; the special cases (zeros, infinities, NaN, a negative x
// with a non-integer y) as C99 gives them.
func Pow(x, y float64) float64 {
	if !finite(x) || !finite(y) || x == 0 || y == 0 || x == 1 {
		return math.Pow(x, y)
	}
	neg := false
	if x < 0 {
		if y != math.Trunc(y) {
			return math.NaN()
		}
		neg = math.Mod(y, 2) != 0
		x = -x
	}
	z := newF().Mul(logBig(bf(x)), bf(y))
	zf := f64(z)
	var r float64
	switch {
	case zf > 710:
		r = math.Inf(1)
	case zf < -746:
		r = 0
	default:
		r = f64(expBig(z))
	}
	if neg {
		return -r
	}
	return r
}

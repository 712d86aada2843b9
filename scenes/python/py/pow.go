package py

import (
	"math"
	"math/big"
)

// powPrec is the working precision of floatPowExact, far beyond float64's
// 53 bits, so that rounding its result gives the correctly rounded power
// that C's pow (and so CPython) returns.
const powPrec = 192

func newBig() *big.Float { return new(big.Float).SetPrec(powPrec) }

// atanhSeries returns atanh(t) for |t| <= 1/3.
func atanhSeries(t *big.Float) *big.Float {
	sum := newBig().Set(t)
	t2 := newBig().Mul(t, t)
	term := newBig().Set(t)
	eps := new(big.Float).SetMantExp(big.NewFloat(1), -powPrec-8)
	for n := int64(3); ; n += 2 {
		term.Mul(term, t2)
		q := newBig().Quo(term, newBig().SetInt64(n))
		sum.Add(sum, q)
		if q.Sign() == 0 || new(big.Float).Abs(q).Cmp(eps) < 0 {
			return sum
		}
	}
}

var ln2Big = func() *big.Float {
	third := newBig().Quo(newBig().SetInt64(1), newBig().SetInt64(3))
	r := atanhSeries(third)
	return r.Mul(r, newBig().SetInt64(2))
}()

// bigLog returns ln(x) for x > 0.
func bigLog(x *big.Float) *big.Float {
	mant := newBig()
	e := x.MantExp(mant) // x = mant * 2**e, mant in [0.5, 1)
	one := newBig().SetInt64(1)
	t := newBig().Quo(newBig().Sub(mant, one), newBig().Add(mant, one))
	r := atanhSeries(t)
	r.Mul(r, newBig().SetInt64(2))
	return r.Add(r, newBig().Mul(ln2Big, newBig().SetInt64(int64(e))))
}

// bigExp returns e**z for moderate z (|z| < 2000).
func bigExp(z *big.Float) *big.Float {
	kf := newBig().Quo(z, ln2Big)
	k, _ := kf.Float64()
	ki := int64(math.Round(k))
	r := newBig().Sub(z, newBig().Mul(ln2Big, newBig().SetInt64(ki)))
	sum := newBig().SetInt64(1)
	term := newBig().SetInt64(1)
	eps := new(big.Float).SetMantExp(big.NewFloat(1), -powPrec-8)
	for n := int64(1); n < 200; n++ {
		term.Mul(term, r)
		term.Quo(term, newBig().SetInt64(n))
		sum.Add(sum, term)
		if term.Sign() == 0 || new(big.Float).Abs(term).Cmp(eps) < 0 {
			break
		}
	}
	return sum.SetMantExp(sum, int(ki))
}

// floatPowExact returns x**y for finite x > 0 and finite y, correctly
// rounded, or ok=false when the result is out of float64's range (the
// caller falls back to math.Pow for inf and 0).
func floatPowExact(x, y float64) (float64, bool) {
	z := newBig().Mul(bigLog(newBig().SetFloat64(x)), newBig().SetFloat64(y))
	zf, _ := z.Float64()
	if zf > 710 || zf < -746 {
		return 0, false
	}
	f, _ := bigExp(z).Float64()
	return f, true
}

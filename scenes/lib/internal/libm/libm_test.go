package libm

import (
	"math"
	"math/rand/v2"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"loopscope/internal/reftool"
)

// TestAgainstCPython compares every function, on about 4000 arguments
// spread over its domain, with CPython's math module (glibc). glibc is not
// quite correctly rounded (about 0.52 ulp), so a few arguments in a
// thousand, a hair from a rounding midpoint, differ in the last bit
// (measured: 55 of 55,814); the test fails when a function differs on
// more than 3 arguments in 1000.
func TestAgainstCPython(t *testing.T) {
	py := reftool.Python311(t, "libm is not compared with CPython")
	r := rand.New(rand.NewPCG(1, 2))
	var xs []float64
	for i := 0; i < 1500; i++ {
		xs = append(xs, r.Float64(), r.Float64()*20-10, math.Exp(r.Float64()*80-40)*float64(1-2*r.IntN(2)))
	}
	xs = append(xs, 1e-300, 5e-324, 1e300, 0.5, 2, 3, 10, 1e22, math.Pi, 710, -710, 1e-8, -1e-6)
	type fn struct {
		name string
		f    func(float64) float64
		ok   func(float64) bool
	}
	any := func(x float64) bool { return true }
	pos := func(x float64) bool { return x > 0 }
	unit := func(x float64) bool { return x >= -1 && x <= 1 }
	fns := []fn{
		{"log", Log, pos}, {"log2", Log2, pos}, {"log10", Log10, pos}, {"log1p", Log1p, func(x float64) bool { return x > -1 }},
		{"exp", Exp, func(x float64) bool { return x < 709 }}, {"expm1", Expm1, func(x float64) bool { return x < 709 }},
		{"sin", Sin, any}, {"cos", Cos, any}, {"tan", Tan, any}, {"atan", Atan, any},
		{"asin", Asin, unit}, {"acos", Acos, unit},
		{"sinh", Sinh, func(x float64) bool { return math.Abs(x) < 700 }}, {"cosh", Cosh, func(x float64) bool { return math.Abs(x) < 700 }},
		{"tanh", Tanh, any},
	}
	var src strings.Builder
	src.WriteString("import math, sys\nfor line in sys.stdin:\n    f, x = line.split()\n    print(repr(getattr(math, f)(float.fromhex(x))))\n")
	var in strings.Builder
	var want []string
	for _, f := range fns {
		for _, x := range xs {
			if !f.ok(x) {
				continue
			}
			in.WriteString(f.name + " " + strconv.FormatFloat(x, 'x', -1, 64) + "\n")
			want = append(want, f.name+"("+strconv.FormatFloat(x, 'g', -1, 64)+")")
		}
	}
	cmd := exec.Command(py, "-c", src.String())
	cmd.Stdin = strings.NewReader(in.String())
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	i, bad := 0, 0
	for _, f := range fns {
		fbad, n := 0, 0
		for _, x := range xs {
			if !f.ok(x) {
				continue
			}
			got := f.f(x)
			w, _ := strconv.ParseFloat(lines[i], 64)
			if got != w && !(math.IsNaN(got) && math.IsNaN(w)) {
				bad++
				fbad++
				t.Logf("%s = %v, CPython %v", want[i], got, w)
			}
			i++
			n++
		}
		if fbad*1000 > 3*n {
			t.Errorf("%s differs from CPython on %d of %d arguments", f.name, fbad, n)
		}
	}
	t.Logf("%d of %d results differ from CPython's in the last bit", bad, i)
}

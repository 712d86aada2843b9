package math_test

import (
	"os/exec"
	"strings"
	"testing"

	"loopscope/internal/reftool"
	"loopscope/scenes/engine"
)

// TestAgainstCPython runs the float functions of math over arguments
// across their domains, and their special values and errors, under the
// engine and under CPython: the printed reprs must be the same, but for
// the rare last-bit cases where glibc itself is not correctly rounded
// (scenes/lib/internal/libm), of which a few in a thousand are allowed.
func TestAgainstCPython(t *testing.T) {
	py := reftool.Python311(t, "math is not compared with CPython")
	src := `import math
xs = [i / 7 for i in range(-70, 71)] + [1e-300, 1e-10, 0.5, 1.0, 2.0, 10.0, 123.456, 1e10, 1e300, -1e300, 700.0, -700.0, 2 ** 1000, 3 ** 700]
names = ["exp", "log", "log2", "log10", "log1p", "expm1", "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "sqrt", "degrees", "radians"]
for name in names:
    f = getattr(math, name)
    for x in xs:
        try:
            print(name, x, repr(f(x)))
        except (ValueError, OverflowError) as e:
            print(name, x, type(e).__name__, e)
for x in [0.5, 2.0, -2.0, 1e-5, 10.0, 3.7, -0.0, 0.0]:
    for y in [0.5, 2.0, -2.0, 3.0, -3.0, 1e-3, 1e3, 0.0, -0.0, 1 / 3]:
        for name in ["pow", "atan2"]:
            try:
                print(name, x, y, repr(getattr(math, name)(x, y)))
            except (ValueError, OverflowError) as e:
                print(name, x, y, type(e).__name__, e)
for x in [10, 100, 2 ** 70, 10 ** 400, 0.1, 12345.678]:
    print(math.log(x), math.log(x, 10), math.log(x, 2), math.log10(x) if x < 10 ** 300 else "")
specials = [float("inf"), float("-inf"), float("nan"), 0.0, -0.0]
for name in names + ["fabs"]:
    for x in specials:
        try:
            print(name, x, repr(getattr(math, name)(x)))
        except (ValueError, OverflowError) as e:
            print(name, x, type(e).__name__, e)
`
	want, err := exec.Command(py, "-c", src).Output()
	if err != nil {
		t.Fatalf("python3: %v", err)
	}
	res := engine.Run([]byte(src), engine.Options{Filename: "math_check.py"})
	if res.Err != nil || res.Uncaught != "" {
		t.Fatalf("engine: %v %s\n%s", res.Err, res.Uncaught, res.Stderr)
	}
	gl, wl := strings.Split(res.Stdout, "\n"), strings.Split(string(want), "\n")
	if len(gl) != len(wl) {
		t.Fatalf("%d lines, CPython printed %d", len(gl), len(wl))
	}
	bad := 0
	for i := range wl {
		if gl[i] != wl[i] {
			bad++
			t.Logf("got  %s\nwant %s", gl[i], wl[i])
		}
	}
	if bad*1000 > 3*len(wl) {
		t.Errorf("%d of %d lines differ from CPython's", bad, len(wl))
	}
}

package asyncio

import (
	"math"
	"math/big"
	"strconv"

	"loopscope/scenes/python/py"
)

// parseArgs binds a builtin's positional and keyword arguments to names,
// the first required of which must be given. A missing optional argument
// is nil in the result.
func parseArgs(fname string, args []py.Value, kw []py.Kwarg, names []string, required int) ([]py.Value, error) {
	if len(args) > len(names) {
		return nil, py.Errorf(py.TypeErrorType, "%s() takes at most %d argument%s (%d given)", fname, len(names), plural(len(names)), len(args))
	}
	out := make([]py.Value, len(names))
	copy(out, args)
	for _, k := range kw {
		i := indexOf(names, k.Name)
		if i < 0 {
			return nil, py.Errorf(py.TypeErrorType, "%s() got an unexpected keyword argument '%s'", fname, k.Name)
		}
		if out[i] != nil {
			return nil, py.Errorf(py.TypeErrorType, "%s() got multiple values for argument '%s'", fname, k.Name)
		}
		out[i] = k.Value
	}
	for i := 0; i < required; i++ {
		if out[i] == nil {
			return nil, py.Errorf(py.TypeErrorType, "%s() missing required argument '%s' (pos %d)", fname, names[i], i+1)
		}
	}
	return out, nil
}

// noArgs checks that a builtin got no arguments.
func noArgs(fname string, args []py.Value, kw []py.Kwarg) error {
	if len(kw) > 0 {
		return py.Errorf(py.TypeErrorType, "%s() takes no keyword arguments", fname)
	}
	if len(args) > 0 {
		return py.Errorf(py.TypeErrorType, "%s() takes no arguments (%d given)", fname, len(args))
	}
	return nil
}

func indexOf(names []string, s string) int {
	for i, n := range names {
		if n == s {
			return i
		}
	}
	return -1
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func itoa(n int) string { return strconv.Itoa(n) }

// toSeconds reads a number of seconds (int, float or bool) as a float.
func toSeconds(v py.Value) (float64, bool) {
	switch x := v.(type) {
	case py.Int:
		return float64(x), true
	case py.Float:
		return float64(x), true
	case py.Bool:
		if x {
			return 1, true
		}
		return 0, true
	case *py.BigInt:
		f, _ := new(big.Float).SetInt(x.V).Float64()
		return f, true
	}
	return math.NaN(), false
}

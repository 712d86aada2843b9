package asyncio

import (
	"math"
	"math/big"
	"strconv"

	"loopscope/scenes/python/py"
)

// parseArgs is py.ParseArgs: a builtin's arguments bound to names.
func parseArgs(fname string, args []py.Value, kw []py.Kwarg, names []string, required int) ([]py.Value, error) {
	return py.ParseArgs(fname, args, kw, names, required)
}

// noArgs is py.NoArgs: checks that a builtin got no arguments.
func noArgs(fname string, args []py.Value, kw []py.Kwarg) error { return py.NoArgs(fname, args, kw) }

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

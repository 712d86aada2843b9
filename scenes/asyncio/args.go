package asyncio

import (
	"math"
	"math/big"
	"slices"
	"strconv"
	"strings"

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

// loopArgs binds the arguments of one of the event loop's methods as
// CPython binds those of a Python function, and words its TypeErrors the
// same way ("BaseEventLoop.call_soon() got an unexpected keyword argument
// 'x'"): name is the method, pos its positional parameters after self (the
// first required of them must be given), varargs whether it takes *args
// (returned as rest) and kwonly its keyword-only parameters. The result
// holds pos then kwonly, nil where an optional one is not given.
func loopArgs(name string, args []py.Value, kw []py.Kwarg, pos []string, required int, varargs bool, kwonly ...string) (out, rest []py.Value, err error) {
	qual := "BaseEventLoop." + name
	if name == "close" {
		qual = "_UnixSelectorEventLoop.close"
	}
	names := append(append([]string(nil), pos...), kwonly...)
	out = make([]py.Value, len(names))
	n := min(len(args), len(pos))
	copy(out, args[:n])
	if varargs {
		rest = append([]py.Value(nil), args[n:]...)
	}
	for _, k := range kw {
		i := slices.Index(names, k.Name)
		if i < 0 {
			return nil, nil, py.Errorf(py.TypeErrorType, "%s() got an unexpected keyword argument '%s'", qual, k.Name)
		}
		if out[i] != nil {
			return nil, nil, py.Errorf(py.TypeErrorType, "%s() got multiple values for argument '%s'", qual, k.Name)
		}
		out[i] = k.Value
	}
	if !varargs && len(args) > len(pos) {
		takes := itoa(len(pos) + 1)
		if required < len(pos) {
			takes = "from " + itoa(required+1) + " to " + takes
		}
		return nil, nil, py.Errorf(py.TypeErrorType, "%s() takes %s positional argument%s but %d were given", qual, takes, plural(len(pos)+1), len(args)+1)
	}
	var missing []string
	for i := 0; i < required; i++ {
		if out[i] == nil {
			missing = append(missing, "'"+pos[i]+"'")
		}
	}
	if len(missing) > 0 {
		list := missing[0]
		switch len(missing) {
		case 1:
		case 2:
			list = missing[0] + " and " + missing[1]
		default:
			list = strings.Join(missing[:len(missing)-1], ", ") + ", and " + missing[len(missing)-1]
		}
		return nil, nil, py.Errorf(py.TypeErrorType, "%s() missing %d required positional argument%s: %s", qual, len(missing), plural(len(missing)), list)
	}
	return out, rest, nil
}

// noLoopArgs checks that one of the event loop's methods that takes
// nothing but self got nothing else, worded as CPython words it.
func noLoopArgs(name string, args []py.Value, kw []py.Kwarg) error {
	_, _, err := loopArgs(name, args, kw, nil, 0, false)
	return err
}

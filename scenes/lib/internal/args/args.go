// Package args unpacks the arguments of the library modules' builtins
// (functools, itertools, collections, contextlib), with CPython's messages.
package args

import (
	"fmt"
	"strings"

	"loopscope/scenes/python/py"
)

// Parse binds a builtin's positional and keyword arguments to names, the
// first required of which must be given. A missing optional argument is nil
// in the result.
func Parse(fname string, args []py.Value, kw []py.Kwarg, names []string, required int) ([]py.Value, error) {
	if len(args) > len(names) {
		return nil, py.Errorf(py.TypeErrorType, "%s() takes at most %d argument%s (%d given)", fname, len(names), Plural(len(names)), len(args))
	}
	out := make([]py.Value, len(names))
	copy(out, args)
	for _, k := range kw {
		i := -1
		for j, n := range names {
			if n == k.Name {
				i = j
				break
			}
		}
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

// Count checks a builtin's positional argument count as CPython's
// C functions word it ("repeat expected at least 1 argument, got 0").
func Count(fname string, args []py.Value, min, max int) error {
	n := len(args)
	if n >= min && (n <= max || max < 0) {
		return nil
	}
	if min == max {
		switch min {
		case 0:
			return py.Errorf(py.TypeErrorType, "%s() takes no arguments (%d given)", fname, n)
		case 1:
			return py.Errorf(py.TypeErrorType, "%s() takes exactly one argument (%d given)", fname, n)
		}
		return py.Errorf(py.TypeErrorType, "%s expected %d arguments, got %d", fname, min, n)
	}
	if n < min {
		return py.Errorf(py.TypeErrorType, "%s expected at least %d argument%s, got %d", fname, min, Plural(min), n)
	}
	return py.Errorf(py.TypeErrorType, "%s expected at most %d argument%s, got %d", fname, max, Plural(max), n)
}

// NoKwargs refuses keyword arguments as CPython does.
func NoKwargs(fname string, kw []py.Kwarg) error {
	if len(kw) > 0 {
		return py.Errorf(py.TypeErrorType, "%s() takes no keyword arguments", fname)
	}
	return nil
}

// Plural returns "s" unless n is 1.
func Plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// Method returns a builtin named typ.name whose receiver is checked to be
// of the Go type R before fn runs.
func Method[R py.Value](typ *py.Type, name string, fn func(t *py.Thread, r R, args []py.Value, kw []py.Kwarg) (py.Value, error)) *py.Builtin {
	return py.NewBuiltin(typ.Name+"."+name, func(t *py.Thread, recv py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
		r, ok := recv.(R)
		if !ok {
			return nil, py.Errorf(py.TypeErrorType, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", name, typ.Name, recv.Type().Name)
		}
		return fn(t, r, args, kw)
	})
}

// Bind binds a call's arguments to the parameters of a Python-level
// function named fname (its __qualname__, "Point.__init__") whose first
// parameter is self (given implicitly), as CPython's messages count them:
// params are the other parameters, the last ndefaults of which have
// defaults (nil in the result when not given).
func Bind(fname string, params []string, ndefaults int, a []py.Value, kw []py.Kwarg) ([]py.Value, error) {
	n := len(params)
	if len(a) > n {
		var takes string
		switch {
		case ndefaults > 0:
			takes = fmt.Sprintf("from %d to %d positional arguments", n-ndefaults+1, n+1)
		case n == 0:
			takes = "1 positional argument"
		default:
			takes = fmt.Sprintf("%d positional arguments", n+1)
		}
		was := "were"
		if len(a)+1 == 1 {
			was = "was"
		}
		return nil, py.Errorf(py.TypeErrorType, "%s() takes %s but %d %s given", fname, takes, len(a)+1, was)
	}
	out := make([]py.Value, n)
	copy(out, a)
	for _, k := range kw {
		i := -1
		for j, p := range params {
			if p == k.Name {
				i = j
				break
			}
		}
		if i < 0 {
			return nil, py.Errorf(py.TypeErrorType, "%s() got an unexpected keyword argument '%s'", fname, k.Name)
		}
		if out[i] != nil {
			return nil, py.Errorf(py.TypeErrorType, "%s() got multiple values for argument '%s'", fname, k.Name)
		}
		out[i] = k.Value
	}
	var missing []string
	for i := 0; i < n-ndefaults; i++ {
		if out[i] == nil {
			missing = append(missing, "'"+params[i]+"'")
		}
	}
	if len(missing) > 0 {
		var list string
		switch len(missing) {
		case 1:
			list = missing[0]
		case 2:
			list = missing[0] + " and " + missing[1]
		default:
			list = strings.Join(missing[:len(missing)-1], ", ") + ", and " + missing[len(missing)-1]
		}
		return nil, py.Errorf(py.TypeErrorType, "%s() missing %d required positional argument%s: %s", fname, len(missing), Plural(len(missing)), list)
	}
	return out, nil
}

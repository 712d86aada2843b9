// Package args unpacks the arguments of the library modules' builtins
// (functools, itertools, collections, contextlib), with CPython's messages.
package args

import "loopscope/scenes/python/py"

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

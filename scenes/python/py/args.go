package py

// ParseArgs binds a builtin's positional and keyword arguments to names,
// the first required of which must be given. A missing optional argument
// is nil in the result. fname names the function in errors ("randint").
func ParseArgs(fname string, args []Value, kw []Kwarg, names []string, required int) ([]Value, error) {
	if len(args) > len(names) {
		return nil, Errorf(TypeErrorType, "%s() takes at most %d argument%s (%d given)", fname, len(names), plural(len(names)), len(args))
	}
	out := make([]Value, len(names))
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
			return nil, Errorf(TypeErrorType, "%s() got an unexpected keyword argument '%s'", fname, k.Name)
		}
		if out[i] != nil {
			return nil, Errorf(TypeErrorType, "%s() got multiple values for argument '%s'", fname, k.Name)
		}
		out[i] = k.Value
	}
	for i := 0; i < required; i++ {
		if out[i] == nil {
			return nil, Errorf(TypeErrorType, "%s() missing required argument '%s' (pos %d)", fname, names[i], i+1)
		}
	}
	return out, nil
}

// NoArgs checks that a builtin got no arguments.
func NoArgs(fname string, args []Value, kw []Kwarg) error {
	if len(kw) > 0 {
		return Errorf(TypeErrorType, "%s() takes no keyword arguments", fname)
	}
	if len(args) > 0 {
		return Errorf(TypeErrorType, "%s() takes no arguments (%d given)", fname, len(args))
	}
	return nil
}

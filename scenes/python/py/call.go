package py

import (
	"fmt"
	"strings"
)

// bindArgs stores a call's arguments into the parameter slots of locals.
func bindArgs(t *Thread, fn *Function, locals []Value, args []Value, kw []Kwarg) error {
	c := fn.Code
	np := c.NumPos
	if len(kw) == 0 && len(args) == np && !c.VarArgs && !c.VarKw && c.NumKwOnly == 0 {
		copy(locals, args)
		return nil
	}
	name := fn.QualName
	n := len(args)
	m := n
	if m > np {
		m = np
	}
	copy(locals, args[:m])
	slot := np
	if c.VarArgs {
		if n > np {
			locals[slot] = append(Tuple(nil), args[np:]...)
		} else {
			locals[slot] = Tuple{}
		}
		slot++
	}
	kwStart := slot
	slot += c.NumKwOnly
	var extra *Dict
	if c.VarKw {
		extra = NewDict()
		locals[slot] = extra
	}
	var posOnlyKw []string
	for _, k := range kw {
		idx := -1
		for i := c.NumPosOnly; i < np; i++ {
			if c.Locals[i] == k.Name {
				idx = i
				break
			}
		}
		if idx < 0 {
			for i := kwStart; i < kwStart+c.NumKwOnly; i++ {
				if c.Locals[i] == k.Name {
					idx = i
					break
				}
			}
		}
		if idx < 0 {
			if extra != nil {
				extra.SetStr(k.Name, k.Value)
				continue
			}
			isPosOnly := false
			for i := 0; i < c.NumPosOnly; i++ {
				if c.Locals[i] == k.Name {
					isPosOnly = true
				}
			}
			if isPosOnly {
				posOnlyKw = append(posOnlyKw, k.Name)
				continue
			}
			return Errorf(TypeErrorType, "%s() got an unexpected keyword argument '%s'", name, k.Name)
		}
		if locals[idx] != nil {
			return Errorf(TypeErrorType, "%s() got multiple values for argument '%s'", name, k.Name)
		}
		locals[idx] = k.Value
	}
	if len(posOnlyKw) > 0 {
		return Errorf(TypeErrorType, "%s() got some positional-only arguments passed as keyword arguments: '%s'", name, strings.Join(posOnlyKw, ", "))
	}
	if n > np && !c.VarArgs {
		return tooManyPositional(fn, n, kw)
	}
	// defaults
	nd := len(fn.Defaults)
	var missing []string
	for i := n; i < np; i++ {
		if locals[i] != nil {
			continue
		}
		if d := i - (np - nd); d >= 0 {
			locals[i] = fn.Defaults[d]
			continue
		}
		missing = append(missing, c.Locals[i])
	}
	if len(missing) > 0 {
		return missingArgs(name, missing, "positional")
	}
	for i := kwStart; i < kwStart+c.NumKwOnly; i++ {
		if locals[i] != nil {
			continue
		}
		if v, ok := fn.KwDefs[c.Locals[i]]; ok {
			locals[i] = v
			continue
		}
		missing = append(missing, c.Locals[i])
	}
	if len(missing) > 0 {
		return missingArgs(name, missing, "keyword-only")
	}
	return nil
}

func missingArgs(name string, missing []string, kind string) error {
	q := make([]string, len(missing))
	for i, m := range missing {
		q[i] = "'" + m + "'"
	}
	var list string
	switch len(q) {
	case 1:
		list = q[0]
	case 2:
		list = q[0] + " and " + q[1]
	default:
		list = strings.Join(q[:len(q)-1], ", ") + ", and " + q[len(q)-1]
	}
	s := "s"
	if len(q) == 1 {
		s = ""
	}
	return Errorf(TypeErrorType, "%s() missing %d required %s argument%s: %s", name, len(q), kind, s, list)
}

func tooManyPositional(fn *Function, given int, kw []Kwarg) error {
	c := fn.Code
	np := c.NumPos
	nd := len(fn.Defaults)
	var takes string
	if nd > 0 {
		takes = fmt.Sprintf("from %d to %d positional arguments", np-nd, np)
	} else if np == 1 {
		takes = "1 positional argument"
	} else {
		takes = fmt.Sprintf("%d positional arguments", np)
	}
	kwGiven := 0
	for _, k := range kw {
		for _, name := range c.Locals[np:c.Params()] {
			if name == k.Name {
				kwGiven++
			}
		}
	}
	was := "were"
	if given == 1 {
		was = "was"
	}
	if kwGiven > 0 {
		kws := "s"
		if kwGiven == 1 {
			kws = ""
		}
		return Errorf(TypeErrorType, "%s() takes %s but %d positional argument%s (and %d keyword-only argument%s) were given",
			fn.QualName, takes, given, plural(given), kwGiven, kws)
	}
	return Errorf(TypeErrorType, "%s() takes %s but %d %s given", fn.QualName, takes, given, was)
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// Callable is implemented by native values that can be called.
type Callable interface {
	Value
	Call(t *Thread, args []Value, kw []Kwarg) (Value, error)
}

// Forwarder is implemented by native callables that stand for a call of
// another callable with arguments added (functools.partial). The
// interpreter makes the call Forward returns instead, in the caller's own
// frames: a Python function reached that way runs as if called directly, so
// it may suspend its thread (time.sleep in an executor's worker) where a
// call made from Go would have to block in place.
type Forwarder interface {
	Callable
	// Forward returns the callable to call and its arguments; it must not
	// modify args or kw (they may live on the caller's stack).
	Forward(args []Value, kw []Kwarg) (fn Value, fargs []Value, fkw []Kwarg)
}

// IsCallable reports whether v can be called.
func IsCallable(v Value) bool {
	switch v := v.(type) {
	case *Function, *Builtin, *BoundMethod, Callable:
		return true
	case *Type:
		return v.New != nil || v.IsException() || v.MRO != nil
	case *Instance:
		return v.Class.Lookup("__call__") != nil
	}
	return false
}

// noKwargs returns the CPython error for a builtin given keywords it does not take.
func noKwargs(name string, kw []Kwarg) error {
	if len(kw) > 0 {
		return Errorf(TypeErrorType, "%s() takes no keyword arguments", name)
	}
	return nil
}

// checkArgs checks a builtin's positional argument count.
func checkArgs(name string, args []Value, min, max int) error {
	n := len(args)
	if n >= min && (n <= max || max < 0) {
		return nil
	}
	if min == max {
		switch min {
		case 0:
			return Errorf(TypeErrorType, "%s() takes no arguments (%d given)", name, n)
		case 1:
			return Errorf(TypeErrorType, "%s() takes exactly one argument (%d given)", name, n)
		}
		return Errorf(TypeErrorType, "%s expected %d arguments, got %d", name, min, n)
	}
	if n < min {
		return Errorf(TypeErrorType, "%s expected at least %d argument%s, got %d", name, min, plural(min), n)
	}
	return Errorf(TypeErrorType, "%s expected at most %d argument%s, got %d", name, max, plural(max), n)
}

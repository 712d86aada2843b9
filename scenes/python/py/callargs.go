package py

import "loopscope/scenes/python/syntax"

// soleStarArg returns the starred argument of a call whose only positional
// argument is one *iterable (f(*xs), f(*xs, k=1)), or nil.
func soleStarArg(args []syntax.Expr) *syntax.StarredExpr {
	var star *syntax.StarredExpr
	for _, a := range args {
		switch a := a.(type) {
		case *syntax.StarredExpr:
			if a.Op == syntax.STARSTAR {
				continue
			}
			if star != nil {
				return nil
			}
			star = a
		case *syntax.KeywordArg:
		default:
			return nil
		}
	}
	return star
}

// callArgsTuple is ARGS_TO_TUPLE: the positional arguments of fn(*x).
func callArgsTuple(t *Thread, fn, x Value) (Tuple, error) {
	it, err := GetIter(t, x)
	if err != nil {
		if e, ok := err.(*Exception); ok && e.Class == TypeErrorType {
			return nil, Errorf(TypeErrorType, "%s argument after * must be an iterable, not %s", functionStr(fn), typeName(x))
		}
		return nil, err
	}
	return toTuple(t, it)
}

// functionStr names a callable in call errors as CPython's
// _PyObject_FunctionStr does: "__main__.f()", "len()".
func functionStr(fn Value) string {
	switch f := fn.(type) {
	case *Function:
		return "__main__." + f.QualName + "()"
	case *Builtin:
		return f.Name + "()"
	}
	return typeName(fn) + " object"
}

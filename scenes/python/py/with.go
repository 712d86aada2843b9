package py

// The with statement's protocol: native objects implement ContextManager
// (or AsyncContextManager); others may answer __enter__/__exit__ (or
// __aenter__/__aexit__) attributes with callables.

func withEnter(t *Thread, mgr Value) (Value, error) {
	if cm, ok := mgr.(ContextManager); ok {
		v, err := cm.Enter(t)
		if v == nil && err == nil {
			v = None
		}
		return v, err
	}
	enter, err1 := GetAttr(t, mgr, "__enter__")
	_, err2 := GetAttr(t, mgr, "__exit__")
	if err1 != nil || err2 != nil {
		return nil, Errorf(TypeErrorType, "'%s' object does not support the context manager protocol", typeName(mgr))
	}
	return t.callValue(enter, nil, nil)
}

func exitArgs(exc *Exception) []Value {
	if exc == nil {
		return []Value{None, None, None}
	}
	return []Value{exc.Class, exc, None}
}

func withExit(t *Thread, mgr Value, exc *Exception) (bool, error) {
	if cm, ok := mgr.(ContextManager); ok {
		return cm.Exit(t, exc)
	}
	exit, err := GetAttr(t, mgr, "__exit__")
	if err != nil {
		return false, err
	}
	v, err := t.callValue(exit, exitArgs(exc), nil)
	if err != nil {
		return false, err
	}
	return Truth(v), nil
}

func asyncWithEnter(t *Thread, mgr Value) (Value, error) {
	if cm, ok := mgr.(AsyncContextManager); ok {
		return cm.AEnter(t)
	}
	enter, err1 := GetAttr(t, mgr, "__aenter__")
	_, err2 := GetAttr(t, mgr, "__aexit__")
	if err1 != nil || err2 != nil {
		return nil, Errorf(TypeErrorType, "'%s' object does not support the asynchronous context manager protocol", typeName(mgr))
	}
	return t.callValue(enter, nil, nil)
}

func asyncWithExit(t *Thread, mgr Value, exc *Exception) (Value, error) {
	if cm, ok := mgr.(AsyncContextManager); ok {
		return cm.AExit(t, exc)
	}
	exit, err := GetAttr(t, mgr, "__aexit__")
	if err != nil {
		return nil, err
	}
	return t.callValue(exit, exitArgs(exc), nil)
}

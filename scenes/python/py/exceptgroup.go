package py

// Exception groups as CPython 3.11's Objects/exceptions.c and the except*
// machinery of Python/ceval.c have them: split, subgroup and derive, the
// matching of an except* clause (CHECK_EG_MATCH) and the exception that an
// except* statement re-raises at its end (PREP_RERAISE_STAR).

// exceptionMethod returns the bound method name of e, or nil.
func exceptionMethod(e *Exception, name string) *Builtin {
	var fn BuiltinFunc
	switch name {
	case "add_note":
		fn = excAddNote
	case "split":
		fn = egSplit
	case "subgroup":
		fn = egSubgroup
	case "derive":
		fn = egDerive
	default:
		return nil
	}
	if name != "add_note" && e.Group == nil {
		return nil
	}
	owner := "BaseException"
	if name != "add_note" {
		owner = "BaseExceptionGroup"
	}
	return &Builtin{Name: owner + "." + name, Recv: e, Fn: fn}
}

func excAddNote(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
	if err := noKwargs("BaseException.add_note", kw); err != nil {
		return nil, err
	}
	if err := checkArgs("add_note", args, 1, 1); err != nil {
		return nil, err
	}
	note, ok := args[0].(Str)
	if !ok {
		return nil, Errorf(TypeErrorType, "note must be a str, not '%s'", typeName(args[0]))
	}
	e := recv.(*Exception)
	notes, ok := e.Attrs["__notes__"].(*List)
	if !ok {
		if _, set := e.Attrs["__notes__"]; set {
			return nil, Errorf(TypeErrorType, "Cannot add note: __notes__ is not a list")
		}
		notes = NewList(nil)
		if e.Attrs == nil {
			e.Attrs = map[string]Value{}
		}
		e.Attrs["__notes__"] = notes
	}
	notes.Elems = append(notes.Elems, note)
	return None, nil
}

// egMatcher turns the argument of split or subgroup into a predicate: an
// exception type, a tuple of them, or a function of one exception.
func egMatcher(t *Thread, v Value) (func(*Exception) (bool, error), error) {
	switch m := v.(type) {
	case *Type:
		if m.IsException() {
			return func(e *Exception) (bool, error) { return e.Class.IsSubtypeOf(m), nil }, nil
		}
	case Tuple:
		for _, x := range m {
			if ty, ok := x.(*Type); !ok || !ty.IsException() {
				return nil, Errorf(TypeErrorType, "expected a function, exception type or tuple of exception types")
			}
		}
		return func(e *Exception) (bool, error) { return excMatch(e, m) }, nil
	}
	if IsCallable(v) {
		return func(e *Exception) (bool, error) {
			r, err := t.callValue(v, []Value{e}, nil)
			if err != nil {
				return false, err
			}
			return Truth(r), nil
		}, nil
	}
	return nil, Errorf(TypeErrorType, "expected a function, exception type or tuple of exception types")
}

// splitGroup splits e into the part that matches and the rest, keeping the
// nesting of groups; a part is nil when empty. A group that matches as a
// whole is returned itself; new groups are derived from the ones they come
// from and carry their traceback, cause, context and notes.
func splitGroup(t *Thread, e *Exception, match func(*Exception) (bool, error), wantRest bool) (m, rest *Exception, err error) {
	ok, err := match(e)
	if err != nil {
		return nil, nil, err
	}
	if ok {
		return e, nil, nil
	}
	if e.Group == nil {
		return nil, e, nil
	}
	var ms, rs []*Exception
	for _, x := range e.Group {
		xm, xr, err := splitGroup(t, x, match, wantRest)
		if err != nil {
			return nil, nil, err
		}
		if xm != nil {
			ms = append(ms, xm)
		}
		if wantRest && xr != nil {
			rs = append(rs, xr)
		}
	}
	if len(ms) > 0 {
		if m, err = groupSubset(t, e, ms); err != nil {
			return nil, nil, err
		}
	}
	if len(rs) > 0 {
		if rest, err = groupSubset(t, e, rs); err != nil {
			return nil, nil, err
		}
	}
	return m, rest, nil
}

// groupSubset is exceptiongroup_subset: e.derive(excs) with e's metadata.
func groupSubset(t *Thread, e *Exception, excs []*Exception) (*Exception, error) {
	g, err := deriveGroup(t, e, excs)
	if err != nil {
		return nil, err
	}
	copyMetadata(g, e)
	return g, nil
}

// copyMetadata gives g the traceback, cause, context and notes of e, as
// CPython's exceptiongroup_subset does (setting the cause also sets
// __suppress_context__).
func copyMetadata(g, e *Exception) {
	g.tb = e.tb[:len(e.tb):len(e.tb)]
	g.Cause, g.Context, g.SuppressContext = e.Cause, e.Context, true
	if notes, ok := e.Attrs["__notes__"]; ok {
		if g.Attrs == nil {
			g.Attrs = map[string]Value{}
		}
		g.Attrs["__notes__"] = notes
	}
}

// deriveGroup is e.derive(excs): a BaseExceptionGroup (ExceptionGroup when
// every member is an Exception) with e's message.
func deriveGroup(t *Thread, e *Exception, excs []*Exception) (*Exception, error) {
	msg, _ := e.Args[0].(Str)
	return NewExceptionGroup(string(msg), excs), nil
}

func egSplit(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
	if err := noKwargs("split", kw); err != nil {
		return nil, err
	}
	if err := checkArgs("split", args, 1, 1); err != nil {
		return nil, err
	}
	match, err := egMatcher(t, args[0])
	if err != nil {
		return nil, err
	}
	m, rest, err := splitGroup(t, recv.(*Exception), match, true)
	if err != nil {
		return nil, err
	}
	return Tuple{excOrNone(m), excOrNone(rest)}, nil
}

func egSubgroup(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
	if err := noKwargs("subgroup", kw); err != nil {
		return nil, err
	}
	if err := checkArgs("subgroup", args, 1, 1); err != nil {
		return nil, err
	}
	match, err := egMatcher(t, args[0])
	if err != nil {
		return nil, err
	}
	m, _, err := splitGroup(t, recv.(*Exception), match, false)
	if err != nil {
		return nil, err
	}
	return excOrNone(m), nil
}

func egDerive(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
	if err := noKwargs("derive", kw); err != nil {
		return nil, err
	}
	if err := checkArgs("derive", args, 1, 1); err != nil {
		return nil, err
	}
	var excs []*Exception
	err := Iterate(t, args[0], func(v Value) error {
		x, ok := v.(*Exception)
		if !ok {
			return Errorf(ValueErrorType, "Item %d of second argument (exceptions) is not an exception", len(excs))
		}
		excs = append(excs, x)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(excs) == 0 {
		return nil, Errorf(ValueErrorType, "second argument (exceptions) must be a non-empty sequence")
	}
	return deriveGroup(t, recv.(*Exception), excs)
}

func excOrNone(e *Exception) Value {
	if e == nil {
		return None
	}
	return e
}

// checkExceptStarType refuses what an except* clause cannot name.
func checkExceptStarType(typ Value) error {
	check := func(v Value) error {
		ty, ok := v.(*Type)
		if !ok || !ty.IsException() {
			return Errorf(TypeErrorType, "catching classes that do not inherit from BaseException is not allowed")
		}
		if ty.IsSubtypeOf(BaseExceptionGroupType) {
			return Errorf(TypeErrorType, "catching ExceptionGroup with except* is not allowed. Use except instead.")
		}
		return nil
	}
	if tu, ok := typ.(Tuple); ok {
		for _, x := range tu {
			if err := check(x); err != nil {
				return err
			}
		}
		return nil
	}
	return check(typ)
}

// exceptStarMatch is CHECK_EG_MATCH: the part of exc that an except* typ
// clause handles (nil if none) and the rest (nil if none). A lone exception
// that matches is wrapped in a group with an empty message.
func exceptStarMatch(t *Thread, exc *Exception, typ Value) (m, rest *Exception, err error) {
	if err := checkExceptStarType(typ); err != nil {
		return nil, nil, err
	}
	ok, err := excMatch(exc, typ)
	if err != nil {
		return nil, nil, err
	}
	if ok {
		if exc.Group != nil {
			return exc, nil, nil
		}
		g := NewExceptionGroup("", []*Exception{exc})
		g.Args[1] = Tuple{exc} // CPython passes the one exception in a tuple
		g.tb = exc.tb[:len(exc.tb):len(exc.tb)]
		return g, nil, nil
	}
	if exc.Group == nil {
		return nil, exc, nil
	}
	return splitGroup(t, exc, func(e *Exception) (bool, error) { return excMatch(e, typ) }, true)
}

// prepReraiseStar is PREP_RERAISE_STAR: what an except* statement raises
// once its clauses have run, given the original exception and what each
// clause raised plus the unhandled rest (nil entries stand for nothing).
// Parts of the original re-raised unchanged keep their place in its
// structure; new exceptions raised by the clauses join them in a new group.
func prepReraiseStar(t *Thread, orig *Exception, excs []Value) (*Exception, error) {
	var raised, reraised []*Exception
	for _, v := range excs {
		e, ok := v.(*Exception)
		if !ok {
			continue
		}
		if orig.Group == nil {
			// a lone exception: at most one clause ran
			return e, nil
		}
		if sameMetadata(e, orig) {
			reraised = append(reraised, e)
		} else {
			raised = append(raised, e)
		}
	}
	if len(raised) == 0 && len(reraised) == 0 {
		return nil, nil
	}
	var kept *Exception
	if len(reraised) > 0 {
		leaves := map[*Exception]bool{}
		for _, e := range reraised {
			collectLeaves(e, leaves)
		}
		var err error
		kept, _, err = splitGroup(t, orig, func(e *Exception) (bool, error) { return leaves[e], nil }, false)
		if err != nil {
			return nil, err
		}
	}
	if len(raised) == 0 {
		return kept, nil
	}
	if kept != nil {
		raised = append(raised, kept)
	}
	if len(raised) == 1 {
		return raised[0], nil
	}
	return NewExceptionGroup("", raised), nil
}

// sameMetadata reports whether e carries orig's traceback, cause, context
// and notes, i.e. is (part of) orig re-raised rather than a new exception.
func sameMetadata(e, orig *Exception) bool {
	if e.Cause != orig.Cause || e.Context != orig.Context || e.Attrs["__notes__"] != orig.Attrs["__notes__"] {
		return false
	}
	if len(e.tb) != len(orig.tb) {
		return false
	}
	return len(e.tb) == 0 || &e.tb[0] == &orig.tb[0]
}

func collectLeaves(e *Exception, into map[*Exception]bool) {
	if e.Group == nil {
		into[e] = true
		return
	}
	for _, x := range e.Group {
		collectLeaves(x, into)
	}
}

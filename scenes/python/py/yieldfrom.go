package py

// yield from: GET_YIELD_FROM_ITER turns the operand into a delegate (a
// Coroutine), and YIELD_FROM drives it exactly as AWAIT drives an awaited
// iterator: each value the delegate yields is yielded by the delegating
// generator, each send or throw into the delegating generator goes on to the
// delegate, and the delegate's return value (StopIteration.value) is the
// result of the expression.

// yieldFromIter delegates to a generator, a native coroutine-like iterator
// (a Future's __await__ iterator) or a plain iterator, as CPython's
// gen_send_ex and _gen_throw treat the object a generator yields from.
type yieldFromIter struct {
	co Coroutine // a generator or other resumable delegate; nil for a plain iterator
	it Iterator  // the plain iterator when co is nil
}

// getYieldFromIter is GET_YIELD_FROM_ITER: the delegate for yield from x.
func getYieldFromIter(t *Thread, x Value) (Value, error) {
	switch v := x.(type) {
	case *Generator:
		if v.fn.Code.Coroutine {
			return nil, Errorf(TypeErrorType, "cannot 'yield from' a coroutine object in a non-coroutine generator")
		}
		return &yieldFromIter{co: v}, nil
	case Awaitable:
		co, err := v.AwaitIter(t)
		if err != nil {
			return nil, err
		}
		return &yieldFromIter{co: co}, nil
	case Coroutine:
		return &yieldFromIter{co: v}, nil
	}
	it, err := GetIter(t, x)
	if err != nil {
		return nil, err
	}
	return &yieldFromIter{it: it}, nil
}

// Type returns the delegate's type (that of what it wraps).
func (y *yieldFromIter) Type() *Type {
	if y.co != nil {
		return y.co.Type()
	}
	return y.it.Type()
}

// Resume sends send (or throws throw) into the delegate.
func (y *yieldFromIter) Resume(t *Thread, send Value, throw *Exception) (Value, CoroState, error) {
	if throw != nil {
		if throw.Class.IsSubtypeOf(GeneratorExitType) {
			// close the delegate first, then raise GeneratorExit here
			if err := y.Close(t); err != nil {
				return nil, CoroRaised, err
			}
			return nil, CoroRaised, throw
		}
		if y.co != nil {
			return y.co.Resume(t, send, throw)
		}
		if m, err := getAttrOrNil(t, y.it, "throw"); err != nil || m == nil {
			if err != nil {
				return nil, CoroRaised, err
			}
			return nil, CoroRaised, throw
		}
	}
	if y.co != nil {
		return y.co.Resume(t, send, nil)
	}
	if send != nil && send != None {
		m, err := GetAttr(t, y.it, "send")
		if err != nil {
			return nil, CoroRaised, err
		}
		v, err := t.callValue(m, []Value{send}, nil)
		if err != nil {
			if e, ok := err.(*Exception); ok && e.Class.IsSubtypeOf(StopIterationType) {
				return stopIterationValue(e), CoroReturned, nil
			}
			return nil, CoroRaised, err
		}
		return v, CoroYielded, nil
	}
	v, ok, err := y.it.Next(t)
	switch {
	case err != nil:
		if e, isExc := err.(*Exception); isExc && e.Class.IsSubtypeOf(StopIterationType) {
			return stopIterationValue(e), CoroReturned, nil
		}
		return nil, CoroRaised, err
	case !ok:
		return None, CoroReturned, nil
	}
	return v, CoroYielded, nil
}

// Close closes the delegate, if it can be closed.
func (y *yieldFromIter) Close(t *Thread) error {
	if y.co != nil {
		return y.co.Close(t)
	}
	m, err := getAttrOrNil(t, y.it, "close")
	if err != nil || m == nil {
		return err
	}
	_, err = t.callValue(m, nil, nil)
	return err
}

// QualName returns the delegate's qualified name.
func (y *yieldFromIter) QualName() string {
	if y.co != nil {
		return y.co.QualName()
	}
	return y.it.Type().Name
}

// Where returns where the delegate is suspended.
func (y *yieldFromIter) Where() (int, int) {
	if y.co != nil {
		return y.co.Where()
	}
	return 0, 0
}

// Started reports whether the delegate has run.
func (y *yieldFromIter) Started() bool { return y.co == nil || y.co.Started() }

// Done reports whether the delegate has finished.
func (y *yieldFromIter) Done() bool { return y.co != nil && y.co.Done() }

// getAttrOrNil returns x.name, or nil when x has no such attribute.
func getAttrOrNil(t *Thread, x Value, name string) (Value, error) {
	v, err := GetAttr(t, x, name)
	if err != nil {
		if e, ok := err.(*Exception); ok && e.Class.IsSubtypeOf(AttributeErrorType) {
			return nil, nil
		}
		return nil, err
	}
	return v, nil
}

// stopIterationValue is StopIteration.value: its first argument, or None.
func stopIterationValue(e *Exception) Value {
	if len(e.Args) > 0 {
		return e.Args[0]
	}
	return None
}

package py

// rareOp runs the instructions of yield from, of a call with one *args, of
// except* and of match. They live here, out of exec's loop, so that the
// loop over the common instructions stays as compact as it was.
//
//go:noinline
func (t *Thread) rareOp(f *Frame, in Instr, sp int) (int, error) {
	stack := f.stack
	var err error
	switch in.Op {
	case MATCH_SEQ:
		var ok bool
		if ok, err = matchSequence(t, stack[sp-1], int(in.Arg>>1), in.Arg&1 != 0); err != nil {
			break
		}
		stack[sp] = Bool(ok)
		sp++
	case MATCH_MAP:
		stack[sp] = Bool(matchMapping(stack[sp-1], int(in.Arg)))
		sp++
	case MATCH_KEYS:
		var v Value
		if v, err = matchKeys(t, stack[sp-2], stack[sp-1].(Tuple)); err != nil {
			break
		}
		stack[sp] = v
		sp++
	case MATCH_REST:
		var v Value
		if v, err = matchRest(t, stack[sp-2], stack[sp-1].(Tuple)); err != nil {
			break
		}
		sp--
		stack[sp] = nil
		stack[sp-1] = v
	case MATCH_CLASS:
		var v Value
		if v, err = matchClass(t, stack[sp-3], stack[sp-2], int(in.Arg), stack[sp-1].(Tuple)); err != nil {
			break
		}
		sp -= 2
		stack[sp], stack[sp+1] = nil, nil
		stack[sp-1] = v
	case CHECK_EG_MATCH:
		sp--
		typ := stack[sp]
		stack[sp] = nil
		cur, isExc := stack[sp-1].(*Exception)
		if !isExc {
			// nothing left to match
			if err = checkExceptStarType(typ); err == nil {
				f.pc = int(in.Arg)
			}
			break
		}
		var m, rest *Exception
		if m, rest, err = exceptStarMatch(t, cur, typ); err != nil {
			break
		}
		if m == nil {
			f.pc = int(in.Arg)
			break
		}
		stack[sp-1] = excOrNone(rest)
		stack[sp] = m
		sp++
	case PREP_RERAISE_STAR:
		sp--
		var res *Exception
		res, err = prepReraiseStar(t, stack[sp-1].(*Exception), stack[sp].(*List).Elems)
		stack[sp] = nil
		if err != nil {
			break
		}
		stack[sp-1] = excOrNone(res)
	case ARGS_TO_TUPLE:
		if _, ok := stack[sp-1].(Tuple); !ok {
			var tup Tuple
			tup, err = callArgsTuple(t, stack[sp-2], stack[sp-1])
			if err != nil {
				break
			}
			stack[sp-1] = tup
		}
	case GET_YIELD_FROM_ITER:
		var it Value
		it, err = getYieldFromIter(t, stack[sp-1])
		if err != nil {
			break
		}
		stack[sp-1] = it
	}
	return sp, err
}

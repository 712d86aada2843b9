package py

import "math/bits"

// stackEffect returns how an instruction changes the stack depth on the
// fall-through path and on its jump (or handler) path.
func stackEffect(in Instr) (fall, jump int, falls bool) {
	n := int(in.Arg)
	falls = true
	switch in.Op {
	case NOP, EXCH, ROT3, LOAD_ATTR, UNARY, JUMP, GET_ITER, LIST_TO_TUPLE, DELETE_FAST,
		DELETE_DEREF, DELETE_GLOBAL, POP_BLOCK, YIELD_VALUE, GET_AWAITABLE, AWAIT,
		CHECK_EXC_MATCH, ASYNC_WITH_EXIT, GET_AITER, GET_YIELD_FROM_ITER, YIELD_FROM,
		ARGS_TO_TUPLE, DELETE_NAME:
		fall = 0
	case CHECK_EG_MATCH:
		fall, jump = 0, -1
	case MATCH_SEQ, MATCH_MAP, MATCH_KEYS:
		fall = 1
	case MATCH_REST:
		fall = -1
	case MATCH_CLASS:
		fall = -2
	case POP, STORE_FAST, STORE_DEREF, STORE_GLOBAL, BINARY, INPLACE, COMPARE, IS, IN,
		LIST_APPEND, SET_ADD, LIST_EXTEND, SET_UPDATE, DICT_UPDATE, DICT_MERGE, SUBSCR,
		SET_RETVAL, POP_EXCEPT, WITH_EXIT, DELETE_ATTR, STORE_NAME, PREP_RERAISE_STAR:
		fall = -1
	case DUP, CONST, NONE, LOAD_FAST, LOAD_DEREF, LOAD_CLOSURE, LOAD_GLOBAL, LOAD_METHOD,
		PUSH_EXC_INFO, IMPORT_NAME, IMPORT_FROM, WITH_ENTER, WITH_EXIT_EXC, ASYNC_WITH_ENTER,
		ASYNC_WITH_EXIT_EXC, GET_ANEXT, LOAD_NAME:
		fall = 1
	case DUP2:
		fall = 2
	case STORE_ATTR, MAP_ADD, BUILD_SLICE, DELETE_SUBSCR, END_ASYNC_FOR:
		fall = -2
	case STORE_SUBSCR:
		fall = -3
	case CALL:
		fall = -n
	case CALL_METHOD, CALL_KW:
		fall = -n - 1
	case CALL_EX:
		fall = -2
	case POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE:
		fall, jump = -1, -1
	case JUMP_IF_FALSE_OR_POP, JUMP_IF_TRUE_OR_POP:
		fall, jump = -1, 0
	case FOR_ITER:
		fall, jump = 1, -1
	case BUILD_TUPLE, BUILD_LIST, BUILD_SET, BUILD_STRING:
		fall = 1 - n
	case BUILD_MAP:
		fall = 1 - 2*n
	case UNPACK_SEQUENCE:
		fall = n - 1
	case UNPACK_EX:
		fall = n&0xff + n>>8
	case MAKE_FUNCTION:
		fall = 1 - bits.OnesCount(uint(n&15))
	case FORMAT_VALUE:
		if n&4 != 0 {
			fall = -1
		}
	case SETUP_EXCEPT:
		fall, jump = 0, 1
	case SETUP_CLEANUP:
		fall, jump = 0, 0
	case RETURN_VALUE, RERAISE:
		fall, falls = -1, false
	case RETURN_RETVAL:
		falls = false
	case RAISE, ASSERT_FAIL:
		fall, falls = -n, false
	case POP_EXCEPT_RERAISE:
		fall, falls = -2, false
	}
	return
}

func hasJump(op Opcode) bool {
	switch op {
	case JUMP, POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE, JUMP_IF_FALSE_OR_POP, JUMP_IF_TRUE_OR_POP,
		FOR_ITER, SETUP_EXCEPT, SETUP_CLEANUP, CHECK_EG_MATCH:
		return true
	}
	return false
}

// maxStack computes the deepest operand stack the code can reach.
func maxStack(c *Code) int {
	depth := make([]int, len(c.Instrs)+1)
	for i := range depth {
		depth[i] = -1
	}
	max := 0
	work := []int{0}
	depth[0] = 0
	visit := func(pc, d int) {
		if pc < 0 || pc > len(c.Instrs) {
			return
		}
		if d > max {
			max = d
		}
		if depth[pc] < 0 {
			depth[pc] = d
			work = append(work, pc)
		}
	}
	for len(work) > 0 {
		pc := work[len(work)-1]
		work = work[:len(work)-1]
		if pc >= len(c.Instrs) {
			continue
		}
		d := depth[pc]
		in := c.Instrs[pc]
		fall, jump, falls := stackEffect(in)
		if in.Op == JUMP {
			visit(int(in.Arg), d)
			continue
		}
		if hasJump(in.Op) {
			visit(int(in.Arg), d+jump)
		}
		// intermediate depths inside an instruction (DUP2, pushes before pops)
		if d+1 > max {
			max = d + 1
		}
		if falls {
			visit(pc+1, d+fall)
		}
	}
	return max
}

package py

import (
	"fmt"
)

type execStatus uint8

const (
	execReturned execStatus = iota // the base frame returned (or raised)
	execYielded                    // a yield or an await suspended the run
	execBlocked                    // a builtin returned ErrBlock (Run only)
)

type deliveryKind uint8

const (
	deliverNone  deliveryKind = iota
	deliverPush               // push v (or raise err) in the frame: a generator's send, a blocked call's outcome
	deliverAwait              // resume the awaited iterator on the frame's stack top with v / err
)

// delivery is what a run starts with when it resumes a suspended frame.
type delivery struct {
	kind deliveryKind
	v    Value
	err  error
}

// awaitResume is a pseudo-opcode: the first step of a run that resumes an
// await (never stored in code).
const awaitResume = numOpcodes

// exec is the dispatch loop. It runs f (whose chain of callers ends at base)
// until base returns or raises, a yield or await suspends the run, or a
// blocking builtin suspends the thread. Python-to-Python calls and awaits of
// fresh coroutines push frames here instead of recursing on the Go stack.
func (t *Thread) exec(f *Frame, base *Frame, d delivery) (Value, execStatus, error) {
	vm := &t.vm
	vm.frame = f
	code := f.code
	instrs := code.Instrs
	stack := f.stack
	sp := f.sp
	var err error
	reraise := false
	first := d.kind == deliverAwait
	if d.kind == deliverPush {
		var op Opcode = NOP
		if f.pc > 0 {
			op = instrs[f.pc-1].Op
		}
		switch {
		case op == FOR_ITER && d.err != nil:
			if e, ok := d.err.(*Exception); ok && e.Class.IsSubtypeOf(StopIterationType) {
				sp--
				stack[sp] = nil
				f.pc = int(instrs[f.pc-1].Arg)
			} else {
				err = d.err
			}
		case d.err != nil:
			err = d.err
		case op == WITH_EXIT:
		case op == WITH_EXIT_EXC:
			stack[sp] = Bool(Truth(d.v))
			sp++
		default:
			v := d.v
			if v == nil {
				v = None
			}
			stack[sp] = v
			sp++
		}
	}
	for {
		if err != nil {
			goto handle
		}
		{
			var in Instr
			if first {
				first = false
				in = Instr{Op: awaitResume}
			} else {
				if vm.steps--; vm.steps <= 0 {
					vm.steps = TickInterval
					vm.ticked += TickInterval
					if t.Host != nil {
						f.sp = sp
						p := f.nextPosition()
						if e := t.Host.Tick(t, int(p.Line), int(p.Col)); e != nil {
							f.sp = sp
							return nil, execReturned, e
						}
					}
				}
				in = instrs[f.pc]
				f.pc++
			}
			switch in.Op {
			case NOP:
			case POP:
				sp--
				if in.Arg != 0 {
					t.dropped(stack[sp], f.Line(), false)
				}
				stack[sp] = nil
			case DUP:
				stack[sp] = stack[sp-1]
				sp++
			case DUP2:
				stack[sp] = stack[sp-2]
				stack[sp+1] = stack[sp-1]
				sp += 2
			case EXCH:
				stack[sp-1], stack[sp-2] = stack[sp-2], stack[sp-1]
			case ROT3:
				x, y, z := stack[sp-3], stack[sp-2], stack[sp-1]
				stack[sp-3], stack[sp-2], stack[sp-1] = z, x, y
			case CONST:
				stack[sp] = code.Consts[in.Arg]
				sp++
			case NONE:
				stack[sp] = None
				sp++
			case LOAD_FAST:
				v := f.locals[in.Arg]
				if v == nil {
					err = Errorf(UnboundLocalErrorType, "cannot access local variable '%s' where it is not associated with a value", code.Locals[in.Arg])
					break
				}
				stack[sp] = v
				sp++
			case STORE_FAST:
				sp--
				if code.WriteOnly != nil && code.WriteOnly[in.Arg] {
					t.dropped(f.locals[in.Arg], f.Line(), false)
				}
				f.locals[in.Arg] = stack[sp]
				stack[sp] = nil
			case DELETE_FAST:
				if f.locals[in.Arg] == nil {
					err = Errorf(UnboundLocalErrorType, "cannot access local variable '%s' where it is not associated with a value", code.Locals[in.Arg])
					break
				}
				f.locals[in.Arg] = nil
			case LOAD_DEREF:
				v := f.cells[in.Arg].V
				if v == nil {
					err = unboundCell(code, int(in.Arg))
					break
				}
				stack[sp] = v
				sp++
			case STORE_DEREF:
				sp--
				f.cells[in.Arg].V = stack[sp]
				stack[sp] = nil
			case DELETE_DEREF:
				if f.cells[in.Arg].V == nil {
					err = unboundCell(code, int(in.Arg))
					break
				}
				f.cells[in.Arg].V = nil
			case LOAD_CLOSURE:
				stack[sp] = f.cells[in.Arg]
				sp++
			case LOAD_GLOBAL:
				g := f.globals
				v := g.slots[in.Arg]
				if v == nil {
					v = g.builtins[in.Arg]
					if v == nil {
						err = nameError(f, g.names[in.Arg])
						break
					}
				}
				stack[sp] = v
				sp++
			case STORE_GLOBAL:
				sp--
				f.globals.slots[in.Arg] = stack[sp]
				stack[sp] = nil
			case DELETE_GLOBAL:
				g := f.globals
				if g.slots[in.Arg] == nil {
					err = nameError(f, g.names[in.Arg])
					break
				}
				g.slots[in.Arg] = nil
			case LOAD_ATTR:
				f.sp = sp
				var v Value
				v, err = GetAttr(t, stack[sp-1], code.Names[in.Arg])
				if err != nil {
					break
				}
				stack[sp-1] = v
			case STORE_ATTR:
				f.sp = sp
				err = SetAttr(t, stack[sp-1], code.Names[in.Arg], stack[sp-2])
				stack[sp-1], stack[sp-2] = nil, nil
				sp -= 2
			case DELETE_ATTR:
				sp--
				x := stack[sp]
				stack[sp] = nil
				f.sp = sp
				err = DelAttr(t, x, code.Names[in.Arg])
			case LOAD_NAME:
				f.sp = sp
				var v Value
				v, err = loadName(f, code.Names[in.Arg])
				if err != nil {
					break
				}
				stack[sp] = v
				sp++
			case STORE_NAME:
				sp--
				f.namespace().SetStr(code.Names[in.Arg], stack[sp])
				stack[sp] = nil
			case DELETE_NAME:
				if _, ok, _ := f.namespace().Delete(t, Str(code.Names[in.Arg])); !ok {
					err = nameError(f, code.Names[in.Arg])
				}
			case LOAD_METHOD:
				x := stack[sp-1]
				name := code.Names[in.Arg]
				if m := lookupMethod(x, name); m != nil {
					stack[sp-1] = m
					stack[sp] = x
					sp++
					break
				}
				if o, ok := x.(*Instance); ok {
					if fn := o.method(name); fn != nil {
						// a Python method: [fn self], self becomes its first argument
						stack[sp-1] = fn
						stack[sp] = x
						sp++
						break
					}
				}
				f.sp = sp
				var v Value
				v, err = GetAttr(t, x, name)
				if err != nil {
					break
				}
				stack[sp-1] = nil
				stack[sp] = v
				sp++
			case CALL, CALL_METHOD, CALL_KW, CALL_EX:
				var fn Value
				var args []Value
				var kw []Kwarg
				var self Value
				n := int(in.Arg)
				switch in.Op {
				case CALL:
					fn = stack[sp-n-1]
					args = stack[sp-n : sp]
				case CALL_METHOD:
					fn = stack[sp-n-2]
					args = stack[sp-n : sp]
					if fn == nil {
						fn = stack[sp-n-1]
					} else if _, ok := fn.(*Function); ok {
						args = stack[sp-n-1 : sp]
					} else {
						self = stack[sp-n-1]
					}
				case CALL_KW:
					names := stack[sp-1].(Tuple)
					nk := len(names)
					fn = stack[sp-n-2]
					args = stack[sp-n-1 : sp-1-nk]
					kw = make([]Kwarg, nk)
					for i, nm := range names {
						kw[i] = Kwarg{string(nm.(Str)), stack[sp-1-nk+i]}
					}
				case CALL_EX:
					fn = stack[sp-3]
					args = stack[sp-2].(Tuple)
					if kd, ok := stack[sp-1].(*Dict); ok {
						for _, it := range kd.Items() {
							kw = append(kw, Kwarg{string(it[0].(Str)), it[1]})
						}
					}
				}
				// how many stack slots the call consumes
				var used int
				switch in.Op {
				case CALL:
					used = n + 1
				case CALL_METHOD:
					used = n + 2
				case CALL_KW:
					used = n + 2
				case CALL_EX:
					used = 3
				}
				pf, ok := fn.(*Function)
				if !ok && self == nil {
					for fw, isFw := fn.(Forwarder); isFw; fw, isFw = fn.(Forwarder) {
						fn, args, kw = fw.Forward(args, kw)
					}
					pf, ok = fn.(*Function)
				}
				if ok && self == nil && !pf.Code.Generator && !pf.Code.Coroutine {
					if vm.depth >= vm.limit {
						err = recursionError()
						break
					}
					if t.Host != nil {
						f.sp = sp
						if e := t.tickAt(f); e != nil {
							return nil, execReturned, e
						}
					}
					nf := t.callFrame(pf, f)
					if err = bindArgs(t, pf, nf.locals, args, kw); err != nil {
						t.releaseFrame(nf)
						break
					}
					nf.moveArgsToCells()
					for i := sp - used; i < sp; i++ {
						stack[i] = nil
					}
					sp -= used
					f.sp = sp
					vm.depth++
					f = nf
					vm.frame = f
					code = f.code
					instrs = code.Instrs
					stack = f.stack
					sp = 0
					break
				}
				// a native call: copy the arguments off the stack
				var a []Value
				if self != nil {
					a = make([]Value, len(args))
					copy(a, args)
				} else if len(args) > 0 {
					a = make([]Value, len(args))
					copy(a, args)
				}
				for i := sp - used; i < sp; i++ {
					stack[i] = nil
				}
				sp -= used
				f.sp = sp
				var v Value
				if self != nil {
					b := fn.(*Builtin)
					if t.Host != nil {
						if e := t.tickAt(f); e != nil {
							return nil, execReturned, e
						}
					}
					v, err = b.Fn(t, self, a, kw)
				} else if b, ok := fn.(*Builtin); ok {
					if t.Host != nil {
						if e := t.tickAt(f); e != nil {
							return nil, execReturned, e
						}
					}
					v, err = b.Fn(t, b.Recv, a, kw)
				} else {
					v, err = t.callValue(fn, a, kw)
				}
				vm.frame = f
				if err != nil {
					break
				}
				if v == nil {
					v = None
				}
				stack[sp] = v
				sp++
			case BINARY, INPLACE:
				x, y := stack[sp-2], stack[sp-1]
				if a, ok := x.(Int); ok {
					if b, ok := y.(Int); ok {
						switch BinOp(in.Arg) {
						case OpAdd:
							if r := a + b; (r^a)&(r^b) >= 0 {
								stack[sp-2] = mkInt(r)
								sp--
								stack[sp] = nil
								continue
							}
						case OpSub:
							if r := a - b; (a^b)&(r^a) >= 0 {
								stack[sp-2] = mkInt(r)
								sp--
								stack[sp] = nil
								continue
							}
						case OpMul:
							if a > -(1<<31) && a < 1<<31 && b > -(1<<31) && b < 1<<31 {
								stack[sp-2] = mkInt(a * b)
								sp--
								stack[sp] = nil
								continue
							}
						case OpMod:
							if b > 0 && a >= 0 {
								stack[sp-2] = mkInt(a % b)
								sp--
								stack[sp] = nil
								continue
							}
						case OpFloorDiv:
							if b > 0 && a >= 0 {
								stack[sp-2] = mkInt(a / b)
								sp--
								stack[sp] = nil
								continue
							}
						}
					}
				}
				var v Value
				if in.Op == INPLACE {
					v, err = inplace(t, BinOp(in.Arg), x, y)
				} else {
					v, err = Binary(t, BinOp(in.Arg), x, y)
				}
				if err != nil {
					break
				}
				stack[sp-2] = v
				sp--
				stack[sp] = nil
			case UNARY:
				var v Value
				v, err = Unary(t, UnaryOp(in.Arg), stack[sp-1])
				if err != nil {
					break
				}
				stack[sp-1] = v
			case COMPARE:
				x, y := stack[sp-2], stack[sp-1]
				var r bool
				if a, ok := x.(Int); ok {
					if b, ok := y.(Int); ok {
						r = cmpResult(CompareOp(in.Arg), cmpInt64(int64(a), int64(b)))
						stack[sp-2] = Bool(r)
						sp--
						stack[sp] = nil
						continue
					}
				}
				r, err = Compare(t, CompareOp(in.Arg), x, y)
				if err != nil {
					break
				}
				stack[sp-2] = Bool(r)
				sp--
				stack[sp] = nil
			case IS:
				r := Is(stack[sp-2], stack[sp-1])
				if in.Arg != 0 {
					r = !r
				}
				stack[sp-2] = Bool(r)
				sp--
				stack[sp] = nil
			case IN:
				var r bool
				r, err = Contains(t, stack[sp-1], stack[sp-2])
				if err != nil {
					break
				}
				if in.Arg != 0 {
					r = !r
				}
				stack[sp-2] = Bool(r)
				sp--
				stack[sp] = nil
			case JUMP:
				f.pc = int(in.Arg)
			case POP_JUMP_IF_FALSE:
				sp--
				v := stack[sp]
				stack[sp] = nil
				if b, ok := v.(Bool); ok {
					if !b {
						f.pc = int(in.Arg)
					}
				} else {
					var tr bool
					if tr, err = truthT(t, v); err != nil {
						break
					}
					if !tr {
						f.pc = int(in.Arg)
					}
				}
			case POP_JUMP_IF_TRUE:
				sp--
				v := stack[sp]
				stack[sp] = nil
				var tr bool
				if tr, err = truthT(t, v); err != nil {
					break
				}
				if tr {
					f.pc = int(in.Arg)
				}
			case JUMP_IF_FALSE_OR_POP:
				var tr bool
				if tr, err = truthT(t, stack[sp-1]); err != nil {
					break
				}
				if !tr {
					f.pc = int(in.Arg)
				} else {
					sp--
					stack[sp] = nil
				}
			case JUMP_IF_TRUE_OR_POP:
				var tr bool
				if tr, err = truthT(t, stack[sp-1]); err != nil {
					break
				}
				if tr {
					f.pc = int(in.Arg)
				} else {
					sp--
					stack[sp] = nil
				}
			case GET_ITER:
				f.sp = sp
				var it Iterator
				it, err = GetIter(t, stack[sp-1])
				if err != nil {
					break
				}
				stack[sp-1] = it
			case FOR_ITER:
				switch it := stack[sp-1].(type) {
				case *rangeIter:
					if it.step > 0 && it.next < it.stop || it.step < 0 && it.next > it.stop {
						stack[sp] = mkInt(Int(it.next))
						it.next += it.step
						sp++
						continue
					}
					sp--
					stack[sp] = nil
					f.pc = int(in.Arg)
					continue
				case *listIter:
					if it.i < len(it.l.Elems) {
						stack[sp] = it.l.Elems[it.i]
						it.i++
						sp++
						continue
					}
					sp--
					stack[sp] = nil
					f.pc = int(in.Arg)
					continue
				}
				f.sp = sp
				v, ok, e := stack[sp-1].(Iterator).Next(t)
				vm.frame = f
				if e != nil {
					err = e
					break
				}
				if ok {
					stack[sp] = v
					sp++
				} else {
					sp--
					stack[sp] = nil
					f.pc = int(in.Arg)
				}
			case BUILD_TUPLE:
				n := int(in.Arg)
				tu := make(Tuple, n)
				copy(tu, stack[sp-n:sp])
				clear(stack[sp-n : sp])
				sp -= n
				stack[sp] = tu
				sp++
			case BUILD_LIST:
				n := int(in.Arg)
				l := make([]Value, n)
				copy(l, stack[sp-n:sp])
				clear(stack[sp-n : sp])
				sp -= n
				stack[sp] = NewList(l)
				sp++
			case BUILD_SET:
				n := int(in.Arg)
				s := NewSet()
				for _, x := range stack[sp-n : sp] {
					if err = s.Add(t, x); err != nil {
						break
					}
				}
				if err != nil {
					break
				}
				clear(stack[sp-n : sp])
				sp -= n
				stack[sp] = s
				sp++
			case BUILD_MAP:
				n := int(in.Arg)
				d := NewDict()
				for i := sp - 2*n; i < sp; i += 2 {
					if err = d.SetItem(t, stack[i], stack[i+1]); err != nil {
						break
					}
				}
				if err != nil {
					break
				}
				clear(stack[sp-2*n : sp])
				sp -= 2 * n
				stack[sp] = d
				sp++
			case LIST_APPEND:
				sp--
				l := stack[sp-int(in.Arg)].(*List)
				if len(l.Elems) >= maxSeqLen {
					err = memoryError()
					break
				}
				if len(l.Elems) == cap(l.Elems) {
					if err = t.chargeElems(int64(len(l.Elems))+1, valueBytes); err != nil {
						break
					}
				}
				l.Elems = append(l.Elems, stack[sp])
				stack[sp] = nil
			case SET_ADD:
				sp--
				err = stack[sp-int(in.Arg)].(*Set).Add(t, stack[sp])
				stack[sp] = nil
			case MAP_ADD:
				sp -= 2
				err = stack[sp-int(in.Arg)].(*Dict).SetItem(t, stack[sp], stack[sp+1])
				stack[sp], stack[sp+1] = nil, nil
			case LIST_EXTEND:
				sp--
				l := stack[sp-1].(*List)
				var items []Value
				items, err = toList(t, stack[sp])
				if err != nil {
					if e, ok := err.(*Exception); ok && e.Class == TypeErrorType {
						err = Errorf(TypeErrorType, "Value after * must be an iterable, not %s", typeName(stack[sp]))
					}
					break
				}
				stack[sp] = nil
				l.Elems = append(l.Elems, items...)
			case SET_UPDATE:
				sp--
				err = setUpdate(t, stack[sp-1].(*Set), stack[sp])
				stack[sp] = nil
			case DICT_UPDATE, DICT_MERGE:
				sp--
				d := stack[sp-1].(*Dict)
				src, ok := stack[sp].(*Dict)
				if !ok {
					if in.Op == DICT_MERGE {
						err = Errorf(TypeErrorType, "%s argument after ** must be a mapping, not %s", functionStr(stack[sp-3]), typeName(stack[sp]))
					} else {
						err = Errorf(TypeErrorType, "'%s' object is not a mapping", typeName(stack[sp]))
					}
					break
				}
				for _, it := range src.Items() {
					if in.Op == DICT_MERGE {
						if _, isStr := it[0].(Str); !isStr {
							err = Errorf(TypeErrorType, "keywords must be strings")
							break
						}
						if _, dup, _ := d.Get(t, it[0]); dup {
							err = Errorf(TypeErrorType, "%s got multiple values for keyword argument '%s'", functionStr(stack[sp-3]), it[0].(Str))
							break
						}
					}
					if err = d.SetItem(t, it[0], it[1]); err != nil {
						break
					}
				}
				stack[sp] = nil
			case LIST_TO_TUPLE:
				stack[sp-1] = Tuple(stack[sp-1].(*List).Elems)
			case BUILD_SLICE:
				s := &Slice{stack[sp-3], stack[sp-2], stack[sp-1]}
				stack[sp-2], stack[sp-1] = nil, nil
				sp -= 2
				stack[sp-1] = s
			case SUBSCR:
				x, k := stack[sp-2], stack[sp-1]
				var v Value
				if l, ok := x.(*List); ok {
					if i, ok := k.(Int); ok && i >= 0 && int(i) < len(l.Elems) {
						stack[sp-2] = l.Elems[i]
						sp--
						stack[sp] = nil
						continue
					}
				}
				f.sp = sp
				v, err = GetItem(t, x, k)
				if err != nil {
					break
				}
				stack[sp-2] = v
				sp--
				stack[sp] = nil
			case STORE_SUBSCR:
				f.sp = sp
				err = SetItem(t, stack[sp-2], stack[sp-1], stack[sp-3])
				clear(stack[sp-3 : sp])
				sp -= 3
			case DELETE_SUBSCR:
				err = DelItem(t, stack[sp-2], stack[sp-1])
				clear(stack[sp-2 : sp])
				sp -= 2
			case UNPACK_SEQUENCE:
				n := int(in.Arg)
				var items []Value
				switch x := stack[sp-1].(type) {
				case Tuple:
					items = x
				case *List:
					items = x.Elems
				default:
					f.sp = sp
					items, err = unpackIter(t, x, n)
					if err != nil {
						break
					}
				}
				if len(items) != n {
					if len(items) > n {
						err = Errorf(ValueErrorType, "too many values to unpack (expected %d)", n)
					} else {
						err = Errorf(ValueErrorType, "not enough values to unpack (expected %d, got %d)", n, len(items))
					}
					break
				}
				sp--
				for i := n - 1; i >= 0; i-- {
					stack[sp] = items[i]
					sp++
				}
			case UNPACK_EX:
				before, after := int(in.Arg&0xff), int(in.Arg>>8)
				var items []Value
				items, err = toList(t, stack[sp-1])
				if err != nil {
					if e, ok := err.(*Exception); ok && e.Class == TypeErrorType {
						err = Errorf(TypeErrorType, "cannot unpack non-iterable %s object", typeName(stack[sp-1]))
					}
					break
				}
				if len(items) < before+after {
					err = Errorf(ValueErrorType, "not enough values to unpack (expected at least %d, got %d)", before+after, len(items))
					break
				}
				sp--
				for i := len(items) - 1; i >= len(items)-after; i-- {
					stack[sp] = items[i]
					sp++
				}
				stack[sp] = NewList(append([]Value{}, items[before:len(items)-after]...))
				sp++
				for i := before - 1; i >= 0; i-- {
					stack[sp] = items[i]
					sp++
				}
			case MAKE_FUNCTION:
				c := code.Consts[in.Arg>>4].(*Code)
				fn := &Function{Code: c, Globals: f.globals, Name: c.Name, QualName: c.QualName}
				if in.Arg&4 != 0 {
					sp--
					cl := stack[sp].(Tuple)
					stack[sp] = nil
					fn.Closure = make([]*Cell, len(cl))
					for i, x := range cl {
						fn.Closure[i] = x.(*Cell)
					}
				}
				if in.Arg&8 != 0 {
					sp--
					fn.Annotations = stack[sp].(*Dict)
					stack[sp] = nil
				}
				if in.Arg&2 != 0 {
					sp--
					kd := stack[sp].(*Dict)
					stack[sp] = nil
					fn.KwDefs = map[string]Value{}
					for _, it := range kd.Items() {
						fn.KwDefs[string(it[0].(Str))] = it[1]
					}
				}
				if in.Arg&1 != 0 {
					sp--
					fn.Defaults = stack[sp].(Tuple)
					stack[sp] = nil
				}
				stack[sp] = fn
				sp++
			case SET_RETVAL:
				sp--
				f.retval = stack[sp]
				stack[sp] = nil
			case RETURN_VALUE, RETURN_RETVAL:
				var v Value
				if in.Op == RETURN_VALUE {
					sp--
					v = stack[sp]
					stack[sp] = nil
				} else {
					v = f.retval
				}
				if g := f.gen; g != nil && g.frame == f {
					g.finish()
				}
				if f == base {
					f.sp = sp
					if code.WriteOnly != nil {
						t.dropLocals(f, nil)
					}
					return v, execReturned, nil
				}
				back := f.back
				if code.WriteOnly != nil {
					t.dropLocals(f, back)
				}
				awaited := f.awaited
				vm.depth--
				t.releaseFrame(f)
				f = back
				vm.frame = f
				code = f.code
				instrs = code.Instrs
				stack = f.stack
				sp = f.sp
				if awaited {
					stack[sp-1] = v
				} else {
					stack[sp] = v
					sp++
				}
			case YIELD_VALUE:
				sp--
				v := stack[sp]
				stack[sp] = nil
				f.sp = sp
				return v, execYielded, nil
			case GET_AWAITABLE:
				var it Value
				it, err = getAwaitable(t, stack[sp-1])
				if err != nil {
					break
				}
				stack[sp-1] = it
			case GET_YIELD_FROM_ITER, ARGS_TO_TUPLE, CHECK_EG_MATCH, PREP_RERAISE_STAR,
				MATCH_SEQ, MATCH_MAP, MATCH_KEYS, MATCH_REST, MATCH_CLASS:
				sp, err = t.rareOp(f, in, sp)
			case AWAIT, YIELD_FROM, awaitResume:
				iter := stack[sp-1]
				var send Value = None
				var throw *Exception
				if in.Op == awaitResume {
					if d.v != nil {
						send = d.v
					}
					if d.err != nil {
						ex, ok := d.err.(*Exception)
						if !ok {
							return nil, execReturned, d.err
						}
						throw = ex
					}
				} else if g, ok := iter.(*Generator); ok && !g.started && g.fn.Code.Coroutine && !g.fn.Code.Generator {
					// Push the awaited coroutine's frame: it runs in this loop.
					if vm.depth >= vm.limit {
						err = recursionError()
						break
					}
					g.started, g.running = true, true
					nf := g.frame
					nf.back = f
					nf.awaited = true
					f.sp = sp
					vm.depth++
					f = nf
					vm.frame = f
					code = f.code
					instrs = code.Instrs
					stack = f.stack
					sp = f.sp
					break
				}
				co, ok := iter.(Coroutine)
				if !ok {
					err = Errorf(TypeErrorType, "object %s can't be used in 'await' expression", typeName(iter))
					break
				}
				f.sp = sp
				v, st, e := co.Resume(t, send, throw)
				vm.frame = f
				switch st {
				case CoroYielded:
					if e != nil {
						return nil, execReturned, e
					}
					return v, execYielded, nil
				case CoroReturned:
					if v == nil {
						v = None
					}
					stack[sp-1] = v
				default:
					sp--
					stack[sp] = nil
					if e == nil {
						e = fmt.Errorf("py: coroutine raised a nil error")
					}
					err = e
				}
			case RAISE:
				err, reraise = t.doRaise(f, stack[sp-int(in.Arg):sp])
				clear(stack[sp-int(in.Arg) : sp])
				sp -= int(in.Arg)
			case RERAISE:
				sp--
				err = stack[sp].(*Exception)
				stack[sp] = nil
				reraise = true
			case SETUP_EXCEPT:
				f.handlers = append(f.handlers, handler{in.Arg, int32(sp)})
			case SETUP_CLEANUP:
				f.handlers = append(f.handlers, handler{in.Arg, int32(sp - 1)})
			case POP_BLOCK:
				f.handlers = f.handlers[:len(f.handlers)-1]
			case PUSH_EXC_INFO:
				exc := stack[sp-1]
				var prev Value = None
				if f.exc != nil {
					prev = f.exc
				}
				stack[sp-1] = prev
				stack[sp] = exc
				sp++
				f.exc = exc.(*Exception)
			case POP_EXCEPT:
				sp--
				if e, ok := stack[sp].(*Exception); ok {
					f.exc = e
				} else {
					f.exc = nil
				}
				stack[sp] = nil
			case POP_EXCEPT_RERAISE:
				exc := stack[sp-1].(*Exception)
				if e, ok := stack[sp-2].(*Exception); ok {
					f.exc = e
				} else {
					f.exc = nil
				}
				stack[sp-1], stack[sp-2] = nil, nil
				sp -= 2
				err = exc
				reraise = true
			case CHECK_EXC_MATCH:
				var ok bool
				ok, err = excMatch(stack[sp-2].(*Exception), stack[sp-1])
				if err != nil {
					break
				}
				stack[sp-1] = Bool(ok)
			case IMPORT_NAME:
				f.sp = sp
				var m Value
				m, err = t.importModule(code.Names[in.Arg])
				if err != nil {
					break
				}
				stack[sp] = m
				sp++
			case IMPORT_FROM:
				name := code.Names[in.Arg]
				var v Value
				v, err = GetAttr(t, stack[sp-1], name)
				if err != nil {
					mn := "?"
					if m, ok := stack[sp-1].(*Module); ok {
						mn = m.Name
					}
					err = Errorf(ImportErrorType, "cannot import name '%s' from '%s' (unknown location)", name, mn)
					break
				}
				stack[sp] = v
				sp++
			case FORMAT_VALUE:
				var spec string
				if in.Arg&4 != 0 {
					sp--
					spec = string(stack[sp].(Str))
					stack[sp] = nil
				}
				f.sp = sp
				var s string
				s, err = formatField(t, stack[sp-1], int(in.Arg&3), spec)
				if err != nil {
					break
				}
				stack[sp-1] = Str(s)
			case BUILD_STRING:
				n := int(in.Arg)
				total := 0
				for _, x := range stack[sp-n : sp] {
					total += len(x.(Str))
				}
				buf := make([]byte, 0, total)
				for _, x := range stack[sp-n : sp] {
					buf = append(buf, x.(Str)...)
				}
				clear(stack[sp-n : sp])
				sp -= n
				stack[sp] = Str(buf)
				sp++
			case WITH_ENTER:
				f.sp = sp
				var v Value
				v, err = withEnter(t, stack[sp-1])
				vm.frame = f
				if err != nil {
					break
				}
				stack[sp] = v
				sp++
			case WITH_EXIT:
				sp--
				f.sp = sp
				mgr := stack[sp]
				stack[sp] = nil
				_, err = withExit(t, mgr, nil)
				vm.frame = f
			case WITH_EXIT_EXC:
				f.sp = sp
				var suppress bool
				suppress, err = withExit(t, stack[sp-3], stack[sp-1].(*Exception))
				vm.frame = f
				if err != nil {
					break
				}
				stack[sp] = Bool(suppress)
				sp++
			case ASYNC_WITH_ENTER:
				f.sp = sp
				var aw Value
				aw, err = asyncWithEnter(t, stack[sp-1])
				vm.frame = f
				if err != nil {
					break
				}
				stack[sp] = aw
				sp++
			case ASYNC_WITH_EXIT:
				f.sp = sp
				var aw Value
				aw, err = asyncWithExit(t, stack[sp-1], nil)
				vm.frame = f
				if err != nil {
					break
				}
				stack[sp-1] = aw
			case ASYNC_WITH_EXIT_EXC:
				f.sp = sp
				var aw Value
				aw, err = asyncWithExit(t, stack[sp-3], stack[sp-1].(*Exception))
				vm.frame = f
				if err != nil {
					break
				}
				stack[sp] = aw
				sp++
			case ASSERT_FAIL:
				if in.Arg == 1 {
					sp--
					err = NewException(AssertionErrorType, stack[sp])
					stack[sp] = nil
				} else {
					err = NewException(AssertionErrorType)
				}
			case GET_AITER:
				f.sp = sp
				var v Value
				v, err = getAIter(t, stack[sp-1])
				if err != nil {
					break
				}
				stack[sp-1] = v
			case GET_ANEXT:
				f.sp = sp
				var v Value
				v, err = getANext(t, stack[sp-1])
				if err != nil {
					break
				}
				stack[sp] = v
				sp++
			case END_ASYNC_FOR:
				exc := stack[sp-1].(*Exception)
				if exc.Class.IsSubtypeOf(StopAsyncIterationType) {
					stack[sp-1], stack[sp-2] = nil, nil
					sp -= 2
					break
				}
				stack[sp-1], stack[sp-2] = nil, nil
				sp -= 2
				err = exc
				reraise = true
			default:
				err = fmt.Errorf("py: bad opcode %v", in.Op)
			}
			continue
		}
	handle:
		// An exception unwinds to the innermost handler, frame by frame.
		{
			if err == ErrBlock {
				f.sp = sp
				if t.CanBlock() {
					return nil, execBlocked, nil
				}
				return nil, execReturned, fmt.Errorf("py: a builtin blocked on a thread that cannot block (line %d)", f.Line())
			}
			exc, ok := err.(*Exception)
			if !ok {
				f.sp = sp
				return nil, execReturned, err
			}
			err = nil
			if !reraise {
				t.prepareRaise(f, exc)
			}
			reraise = false
			for {
				if n := len(f.handlers); n > 0 {
					h := f.handlers[n-1]
					f.handlers = f.handlers[:n-1]
					clear(stack[h.depth:sp])
					sp = int(h.depth)
					stack[sp] = exc
					sp++
					f.pc = int(h.target)
					break
				}
				// the frame ends by exc
				if g := f.gen; g != nil && g.frame == f {
					exc = g.finishRaised(exc)
				}
				if f == base {
					f.sp = sp
					return nil, execReturned, exc
				}
				awaited := f.awaited
				vm.depth--
				done := f
				f = f.back
				t.releaseFrame(done)
				vm.frame = f
				code = f.code
				instrs = code.Instrs
				stack = f.stack
				sp = f.sp
				if awaited {
					sp--
					stack[sp] = nil
				}
				exc.addFrame(f.tracebackEntry())
			}
		}
	}
}

// nameError is CPython's NameError for an undefined global, with its name
// and the "Did you mean" suggestion.
func nameError(f *Frame, name string) *Exception {
	e := Errorf(NameErrorType, "name '%s' is not defined", name)
	e.Attrs = map[string]Value{"name": Str(name)}
	e.suggest = nameErrorSuggestion(f, name)
	return e
}

func unboundCell(c *Code, i int) error {
	name := c.Cells[i]
	if i >= len(c.Cells)-c.NumFree {
		return Errorf(NameErrorType, "cannot access free variable '%s' where it is not associated with a value in enclosing scope", name)
	}
	return Errorf(UnboundLocalErrorType, "cannot access local variable '%s' where it is not associated with a value", name)
}

// prepareRaise records where exc was raised and what it was raised while
// handling (its __context__).
func (t *Thread) prepareRaise(f *Frame, exc *Exception) {
	exc.addFrame(f.tracebackEntry())
	if ctx := handledException(f); ctx != nil && ctx != exc {
		// avoid cycles, as CPython does
		for c := ctx; c != nil; c = c.Context {
			if c.Context == exc {
				c.Context = nil
				break
			}
		}
		exc.Context = ctx
	}
}

// handledException is the exception being handled in f or its callers.
func handledException(f *Frame) *Exception {
	for ; f != nil; f = f.back {
		if f.exc != nil {
			return f.exc
		}
	}
	return nil
}

// doRaise implements raise, raise X and raise X from Y.
func (t *Thread) doRaise(f *Frame, args []Value) (error, bool) {
	if len(args) == 0 {
		if e := handledException(f); e != nil {
			return e, true
		}
		return Errorf(RuntimeErrorType, "No active exception to reraise"), false
	}
	exc, err := toException(t, args[0])
	if err != nil {
		return err, false
	}
	if len(args) == 2 {
		switch c := args[1].(type) {
		case NoneType:
			exc.Cause = nil
		case *Exception:
			exc.Cause = c
		case *Type:
			ce, err := toException(t, c)
			if err != nil {
				return err, false
			}
			exc.Cause = ce
		default:
			return Errorf(TypeErrorType, "exception causes must derive from BaseException"), false
		}
		exc.SuppressContext = true
	}
	return exc, false
}

func toException(t *Thread, v Value) (*Exception, error) {
	switch v := v.(type) {
	case *Exception:
		return v, nil
	case *Type:
		if v.IsException() {
			x, err := callType(t, v, nil, nil)
			if err != nil {
				return nil, err
			}
			if e, ok := x.(*Exception); ok {
				return e, nil
			}
		}
	}
	return nil, Errorf(TypeErrorType, "exceptions must derive from BaseException")
}

// excMatch reports whether exc matches an except clause's type (or tuple).
func excMatch(exc *Exception, typ Value) (bool, error) {
	switch ty := typ.(type) {
	case *Type:
		if !ty.IsException() {
			break
		}
		return exc.Class.IsSubtypeOf(ty), nil
	case Tuple:
		for _, x := range ty {
			ok, err := excMatch(exc, x)
			if err != nil || ok {
				return ok, err
			}
		}
		return false, nil
	}
	return false, Errorf(TypeErrorType, "catching classes that do not inherit from BaseException is not allowed")
}

// Is reports x is y with CPython's identities: singletons, small ints
// (-5..256), interned-like short strings, and pointers.
func Is(x, y Value) bool {
	switch a := x.(type) {
	case Int:
		b, ok := y.(Int)
		return ok && a == b && a >= -5 && a <= 256
	case Bool:
		b, ok := y.(Bool)
		return ok && a == b
	case NoneType:
		_, ok := y.(NoneType)
		return ok
	case EllipsisType:
		_, ok := y.(EllipsisType)
		return ok
	case Str:
		b, ok := y.(Str)
		return ok && a == b && (len(a) <= 1 || isIdentifier(string(a)))
	case Float, *BigInt, Bytes:
		return false
	case Tuple:
		b, ok := y.(Tuple)
		if !ok || len(a) != len(b) {
			return false
		}
		if len(a) == 0 {
			return true
		}
		return &a[0] == &b[0]
	}
	return identical(x, y)
}

func isIdentifier(s string) bool {
	for i, r := range s {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9') {
			return false
		}
	}
	return s != ""
}

func inplace(t *Thread, op BinOp, x, y Value) (Value, error) {
	if isUserObject(x) {
		return instanceInplace(t, op, x, y)
	}
	if l, ok := x.(*List); ok && op == OpAdd {
		items, err := toList(t, y)
		if err != nil {
			return nil, err
		}
		if len(l.Elems)+len(items) > maxSeqLen {
			return nil, memoryError()
		}
		if err := t.chargeElems(int64(len(items)), valueBytes); err != nil {
			return nil, err
		}
		l.Elems = append(l.Elems, items...)
		return l, nil
	}
	if s, ok := x.(*Set); ok {
		if o, ok := y.(*Set); ok {
			switch op {
			case OpOr:
				if err := s.Merge(t, o); err != nil {
					return nil, err
				}
				return s, nil
			case OpSub:
				for _, e := range o.Elems() {
					if _, err := s.Discard(t, e); err != nil {
						return nil, err
					}
				}
				return s, nil
			case OpAnd, OpXor:
				r, err := Binary(t, op, s, o)
				if err != nil {
					return nil, err
				}
				*s = *r.(*Set)
				return s, nil
			}
		}
	}
	if d, ok := x.(*Dict); ok && op == OpOr {
		if o, ok := y.(*Dict); ok {
			for _, it := range o.Items() {
				if err := d.SetItem(t, it[0], it[1]); err != nil {
					return nil, err
				}
			}
			return d, nil
		}
	}
	if l, ok := x.(*List); ok && op == OpMul {
		r, err := Binary(t, op, l, y)
		if err != nil {
			return nil, err
		}
		l.Elems = r.(*List).Elems
		return l, nil
	}
	v, err := Binary(t, op, x, y)
	if err != nil {
		if e, ok := err.(*Exception); ok && e.Class == TypeErrorType {
			msg := e.Message()
			prefix := "unsupported operand type(s) for " + op.String() + ":"
			if op == OpPow {
				prefix = "unsupported operand type(s) for ** or pow():"
			}
			if len(msg) >= len(prefix) && msg[:len(prefix)] == prefix {
				name := op.String() + "="
				if op == OpPow {
					name = "**="
				}
				return nil, Errorf(TypeErrorType, "unsupported operand type(s) for %s: '%s' and '%s'", name, typeName(x), typeName(y))
			}
		}
	}
	return v, err
}

func unpackIter(t *Thread, x Value, n int) ([]Value, error) {
	it, err := GetIter(t, x)
	if err != nil {
		return nil, Errorf(TypeErrorType, "cannot unpack non-iterable %s object", typeName(x))
	}
	var out []Value
	for {
		v, ok, err := nextInPlace(t, it)
		if err != nil {
			return nil, err
		}
		if !ok {
			return out, nil
		}
		out = append(out, v)
		if len(out) > n {
			return out, nil
		}
	}
}

func (t *Thread) importModule(name string) (Value, error) {
	if t.Host == nil {
		return nil, Errorf(ModuleNotFoundErrorType, "No module named '%s'", name)
	}
	return t.Host.Import(t, name)
}

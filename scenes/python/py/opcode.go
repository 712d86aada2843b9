package py

// Opcode is one bytecode instruction's operation. Each comment carries the
// stack picture: the operands consumed (left of the name, deepest first)
// and the results pushed (right of it).
type Opcode uint8

// The opcodes.
const (
	NOP                  Opcode = iota // - NOP -
	POP                                // x POP<stmt> -   (stmt 1: an expression statement's value)
	DUP                                // x DUP x x
	DUP2                               // x y DUP2 x y x y
	EXCH                               // x y EXCH y x
	ROT3                               // x y z ROT3 z x y
	CONST                              // - CONST<k> consts[k]
	NONE                               // - NONE None
	LOAD_FAST                          // - LOAD_FAST<i> locals[i]
	STORE_FAST                         // x STORE_FAST<i> -
	DELETE_FAST                        // - DELETE_FAST<i> -
	LOAD_DEREF                         // - LOAD_DEREF<i> cells[i].V
	STORE_DEREF                        // x STORE_DEREF<i> -
	DELETE_DEREF                       // - DELETE_DEREF<i> -
	LOAD_CLOSURE                       // - LOAD_CLOSURE<i> cells[i]
	LOAD_GLOBAL                        // - LOAD_GLOBAL<i> globals[i] (or the builtin of that name)
	STORE_GLOBAL                       // x STORE_GLOBAL<i> -
	DELETE_GLOBAL                      // - DELETE_GLOBAL<i> -
	LOAD_ATTR                          // x LOAD_ATTR<name> x.name
	STORE_ATTR                         // v x STORE_ATTR<name> -
	DELETE_ATTR                        // x DELETE_ATTR<name> -
	LOAD_METHOD                        // x LOAD_METHOD<name> meth x  (or: nil x.name)
	CALL_METHOD                        // meth self args... CALL_METHOD<n> result  (meth nil: self is the callable)
	CALL                               // fn args... CALL<n> result
	CALL_KW                            // fn args... kwnames CALL_KW<n> result  (n counts positional and keyword values)
	CALL_EX                            // fn args kwargs|nil CALL_EX result  (args a tuple, kwargs a dict)
	BINARY                             // x y BINARY<op> z
	INPLACE                            // x y INPLACE<op> z
	UNARY                              // x UNARY<op> y
	COMPARE                            // x y COMPARE<op> bool
	IS                                 // x y IS<neg> bool
	IN                                 // x y IN<neg> bool
	JUMP                               // - JUMP<addr> -
	POP_JUMP_IF_FALSE                  // x POP_JUMP_IF_FALSE<addr> -
	POP_JUMP_IF_TRUE                   // x POP_JUMP_IF_TRUE<addr> -
	JUMP_IF_FALSE_OR_POP               // x JUMP_IF_FALSE_OR_POP<addr> x (jumped) | - (fell through)
	JUMP_IF_TRUE_OR_POP                // x JUMP_IF_TRUE_OR_POP<addr> x (jumped) | - (fell through)
	GET_ITER                           // x GET_ITER iter
	FOR_ITER                           // iter FOR_ITER<addr> iter item  | (exhausted) - and jump
	BUILD_TUPLE                        // x1 ... xn BUILD_TUPLE<n> tuple
	BUILD_LIST                         // x1 ... xn BUILD_LIST<n> list
	BUILD_SET                          // x1 ... xn BUILD_SET<n> set
	BUILD_MAP                          // k1 v1 ... kn vn BUILD_MAP<n> dict
	LIST_APPEND                        // list ...(n-1 values) x LIST_APPEND<n> list ...
	SET_ADD                            // set ...(n-1 values) x SET_ADD<n> set ...
	MAP_ADD                            // dict ...(n-1 values) k v MAP_ADD<n> dict ...
	LIST_EXTEND                        // list iterable LIST_EXTEND list
	SET_UPDATE                         // set iterable SET_UPDATE set
	DICT_UPDATE                        // dict mapping DICT_UPDATE dict
	DICT_MERGE                         // dict mapping DICT_MERGE<fnpos> dict  (keyword arguments: duplicates are an error)
	LIST_TO_TUPLE                      // list LIST_TO_TUPLE tuple
	BUILD_SLICE                        // lo hi step BUILD_SLICE slice
	SUBSCR                             // x k SUBSCR x[k]
	STORE_SUBSCR                       // v x k STORE_SUBSCR -
	DELETE_SUBSCR                      // x k DELETE_SUBSCR -
	UNPACK_SEQUENCE                    // seq UNPACK_SEQUENCE<n> xn ... x1
	UNPACK_EX                          // seq UNPACK_EX<before | after<<8> x_last ... rest ... x1
	MAKE_FUNCTION                      // [defaults] [kwdefaults] [annotations] [closure] MAKE_FUNCTION<k<<4 | flags> fn
	RETURN_VALUE                       // x RETURN_VALUE -
	SET_RETVAL                         // x SET_RETVAL -    (the return value waits while finally blocks run)
	RETURN_RETVAL                      // - RETURN_RETVAL -
	YIELD_VALUE                        // x YIELD_VALUE sent
	GET_AWAITABLE                      // x GET_AWAITABLE<where> iter
	AWAIT                              // iter AWAIT result   (suspends the coroutine while iter yields)
	RAISE                              // [exc [cause]] RAISE<n> -
	RERAISE                            // exc RERAISE -
	SETUP_EXCEPT                       // - SETUP_EXCEPT<addr> -   (handler: stack cut to this depth, then exc pushed)
	SETUP_CLEANUP                      // x SETUP_CLEANUP<addr> x  (as SETUP_EXCEPT, but the depth excludes x)
	POP_BLOCK                          // - POP_BLOCK -
	PUSH_EXC_INFO                      // exc PUSH_EXC_INFO prev exc  (exc becomes the one being handled)
	POP_EXCEPT                         // prev POP_EXCEPT -           (prev is handled again)
	POP_EXCEPT_RERAISE                 // prev exc POP_EXCEPT_RERAISE -  (restore prev, re-raise exc)
	CHECK_EXC_MATCH                    // exc type CHECK_EXC_MATCH exc bool
	IMPORT_NAME                        // - IMPORT_NAME<name> module
	IMPORT_FROM                        // module IMPORT_FROM<name> module value
	FORMAT_VALUE                       // x [spec] FORMAT_VALUE<conv | hasSpec<<2> str
	BUILD_STRING                       // s1 ... sn BUILD_STRING<n> str
	WITH_ENTER                         // mgr WITH_ENTER mgr value
	WITH_EXIT                          // mgr WITH_EXIT -
	WITH_EXIT_EXC                      // mgr prev exc WITH_EXIT_EXC mgr prev exc suppress
	ASYNC_WITH_ENTER                   // mgr ASYNC_WITH_ENTER mgr awaitable
	ASYNC_WITH_EXIT                    // mgr ASYNC_WITH_EXIT awaitable
	ASYNC_WITH_EXIT_EXC                // mgr prev exc ASYNC_WITH_EXIT_EXC mgr prev exc awaitable
	ASSERT_FAIL                        // [msg] ASSERT_FAIL<n> -
	LOAD_NAME                          // - LOAD_NAME<name> value  (class bodies: the namespace, then globals and builtins)
	STORE_NAME                         // x STORE_NAME<name> -  (into the class namespace)
	DELETE_NAME                        // - DELETE_NAME<name> -
	GET_AITER                          // x GET_AITER aiter
	GET_ANEXT                          // aiter GET_ANEXT aiter awaitable
	END_ASYNC_FOR                      // aiter exc END_ASYNC_FOR -  (StopAsyncIteration ends the loop, others re-raise)
	GET_YIELD_FROM_ITER                // x GET_YIELD_FROM_ITER delegate
	YIELD_FROM                         // delegate YIELD_FROM result  (yields what the delegate yields until it returns)
	ARGS_TO_TUPLE                      // fn x ARGS_TO_TUPLE fn tuple(x)  (the one *x of a call)
	CHECK_EG_MATCH                     // rest type CHECK_EG_MATCH<addr> rest' match  | (no match) rest and jump
	PREP_RERAISE_STAR                  // orig list PREP_RERAISE_STAR exc|None
	MATCH_SEQ                          // subj MATCH_SEQ<size<<1 | star> subj bool  (a sequence of that length?)
	MATCH_MAP                          // subj MATCH_MAP<n> subj bool  (a mapping with at least n keys?)
	MATCH_KEYS                         // subj keys MATCH_KEYS subj keys values|None
	MATCH_REST                         // subj keys MATCH_REST dict  (the items whose keys are not in keys)
	MATCH_CLASS                        // subj cls names MATCH_CLASS<npos> attrs|None
	numOpcodes
)

var opcodeNames = [...]string{
	NOP: "NOP", POP: "POP", DUP: "DUP", DUP2: "DUP2", EXCH: "EXCH", ROT3: "ROT3",
	CONST: "CONST", NONE: "NONE", LOAD_FAST: "LOAD_FAST", STORE_FAST: "STORE_FAST",
	DELETE_FAST: "DELETE_FAST", LOAD_DEREF: "LOAD_DEREF", STORE_DEREF: "STORE_DEREF",
	DELETE_DEREF: "DELETE_DEREF", LOAD_CLOSURE: "LOAD_CLOSURE", LOAD_GLOBAL: "LOAD_GLOBAL",
	STORE_GLOBAL: "STORE_GLOBAL", DELETE_GLOBAL: "DELETE_GLOBAL", LOAD_ATTR: "LOAD_ATTR",
	STORE_ATTR: "STORE_ATTR", DELETE_ATTR: "DELETE_ATTR", LOAD_METHOD: "LOAD_METHOD",
	CALL_METHOD: "CALL_METHOD", CALL: "CALL", CALL_KW: "CALL_KW", CALL_EX: "CALL_EX",
	BINARY: "BINARY", INPLACE: "INPLACE", UNARY: "UNARY", COMPARE: "COMPARE", IS: "IS", IN: "IN",
	JUMP: "JUMP", POP_JUMP_IF_FALSE: "POP_JUMP_IF_FALSE", POP_JUMP_IF_TRUE: "POP_JUMP_IF_TRUE",
	JUMP_IF_FALSE_OR_POP: "JUMP_IF_FALSE_OR_POP", JUMP_IF_TRUE_OR_POP: "JUMP_IF_TRUE_OR_POP",
	GET_ITER: "GET_ITER", FOR_ITER: "FOR_ITER", BUILD_TUPLE: "BUILD_TUPLE", BUILD_LIST: "BUILD_LIST",
	BUILD_SET: "BUILD_SET", BUILD_MAP: "BUILD_MAP", LIST_APPEND: "LIST_APPEND", SET_ADD: "SET_ADD",
	MAP_ADD: "MAP_ADD", LIST_EXTEND: "LIST_EXTEND", SET_UPDATE: "SET_UPDATE", DICT_UPDATE: "DICT_UPDATE",
	DICT_MERGE: "DICT_MERGE", LIST_TO_TUPLE: "LIST_TO_TUPLE", BUILD_SLICE: "BUILD_SLICE",
	SUBSCR: "SUBSCR", STORE_SUBSCR: "STORE_SUBSCR", DELETE_SUBSCR: "DELETE_SUBSCR",
	UNPACK_SEQUENCE: "UNPACK_SEQUENCE", UNPACK_EX: "UNPACK_EX", MAKE_FUNCTION: "MAKE_FUNCTION",
	RETURN_VALUE: "RETURN_VALUE", SET_RETVAL: "SET_RETVAL", RETURN_RETVAL: "RETURN_RETVAL",
	YIELD_VALUE: "YIELD_VALUE", GET_AWAITABLE: "GET_AWAITABLE", AWAIT: "AWAIT", RAISE: "RAISE",
	RERAISE: "RERAISE", SETUP_EXCEPT: "SETUP_EXCEPT", SETUP_CLEANUP: "SETUP_CLEANUP",
	POP_BLOCK: "POP_BLOCK", PUSH_EXC_INFO: "PUSH_EXC_INFO", POP_EXCEPT: "POP_EXCEPT",
	POP_EXCEPT_RERAISE: "POP_EXCEPT_RERAISE", CHECK_EXC_MATCH: "CHECK_EXC_MATCH",
	IMPORT_NAME: "IMPORT_NAME", IMPORT_FROM: "IMPORT_FROM", FORMAT_VALUE: "FORMAT_VALUE",
	BUILD_STRING: "BUILD_STRING", WITH_ENTER: "WITH_ENTER", WITH_EXIT: "WITH_EXIT",
	WITH_EXIT_EXC: "WITH_EXIT_EXC", ASYNC_WITH_ENTER: "ASYNC_WITH_ENTER",
	ASYNC_WITH_EXIT: "ASYNC_WITH_EXIT", ASYNC_WITH_EXIT_EXC: "ASYNC_WITH_EXIT_EXC",
	ASSERT_FAIL: "ASSERT_FAIL", LOAD_NAME: "LOAD_NAME",
	STORE_NAME: "STORE_NAME", DELETE_NAME: "DELETE_NAME", GET_AITER: "GET_AITER",
	GET_ANEXT: "GET_ANEXT", END_ASYNC_FOR: "END_ASYNC_FOR", GET_YIELD_FROM_ITER: "GET_YIELD_FROM_ITER",
	YIELD_FROM: "YIELD_FROM", ARGS_TO_TUPLE: "ARGS_TO_TUPLE",
	CHECK_EG_MATCH: "CHECK_EG_MATCH", PREP_RERAISE_STAR: "PREP_RERAISE_STAR",
	MATCH_SEQ: "MATCH_SEQ", MATCH_MAP: "MATCH_MAP", MATCH_KEYS: "MATCH_KEYS", MATCH_REST: "MATCH_REST",
	MATCH_CLASS: "MATCH_CLASS",
}

// String returns the opcode's name.
func (op Opcode) String() string {
	if int(op) < len(opcodeNames) && opcodeNames[op] != "" {
		return opcodeNames[op]
	}
	return "OP?"
}

// Instr is one instruction: an opcode and its argument.
type Instr struct {
	Op  Opcode
	Arg int32
}

// Pos is an instruction's source range: 1-based line and column of its
// start and end (end 0 when unknown).
type Pos struct {
	Line, Col       int32
	EndLine, EndCol int32
}

// Code is a compiled function body (or the module body).
type Code struct {
	Name      string // "main", "<lambda>", "<listcomp>", "<module>"
	QualName  string // "outer.<locals>.inner"
	File      string
	FirstLine int
	Instrs    []Instr
	Pos       []Pos // position of each instruction
	Consts    []Value
	Names     []string // attribute, import and global names used by the *_ATTR, IMPORT_* ops

	// Locals are the slot names: the parameters first, in order (positional,
	// *args, keyword-only, **kwargs), then the other locals.
	Locals []string
	// Cells are the names of the cell variables this function creates,
	// followed by the free variables it receives (Code.FreeVars); LOAD_DEREF
	// indexes both.
	Cells    []string
	NumFree  int   // the last NumFree entries of Cells are free variables
	CellArgs []int // for each cell variable that is also a parameter: its local slot (or -1)

	NumPos     int // positional parameters (including positional-only)
	NumPosOnly int
	NumKwOnly  int
	VarArgs    bool
	VarKw      bool
	MaxStack   int

	Coroutine bool // async def
	Generator bool // contains yield

	// WriteOnly marks the local slots the body stores to but never reads
	// (nil when there are none): a coroutine object left only there dies
	// when the slot is rebound or the frame ends, and CPython then warns
	// that it was never awaited.
	WriteOnly []bool
}

// Params returns the number of parameter slots.
func (c *Code) Params() int {
	n := c.NumPos + c.NumKwOnly
	if c.VarArgs {
		n++
	}
	if c.VarKw {
		n++
	}
	return n
}

// Type returns the code type (a *Code sits in its parent's constants).
func (*Code) Type() *Type { return codeType }

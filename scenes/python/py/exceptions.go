package py

import (
	"fmt"
	"strings"
)

// The built-in exception classes, with CPython's hierarchy.
var (
	BaseExceptionType          = excType("BaseException", ObjectType)
	BaseExceptionGroupType     = excType("BaseExceptionGroup", BaseExceptionType)
	GeneratorExitType          = excType("GeneratorExit", BaseExceptionType)
	KeyboardInterruptType      = excType("KeyboardInterrupt", BaseExceptionType)
	SystemExitType             = excType("SystemExit", BaseExceptionType)
	ExceptionType              = excType("Exception", BaseExceptionType)
	ExceptionGroupType         = excType("ExceptionGroup", ExceptionType)
	ArithmeticErrorType        = excType("ArithmeticError", ExceptionType)
	OverflowErrorType          = excType("OverflowError", ArithmeticErrorType)
	ZeroDivisionErrorType      = excType("ZeroDivisionError", ArithmeticErrorType)
	AssertionErrorType         = excType("AssertionError", ExceptionType)
	AttributeErrorType         = excType("AttributeError", ExceptionType)
	ImportErrorType            = excType("ImportError", ExceptionType)
	ModuleNotFoundErrorType    = excType("ModuleNotFoundError", ImportErrorType)
	LookupErrorType            = excType("LookupError", ExceptionType)
	IndexErrorType             = excType("IndexError", LookupErrorType)
	KeyErrorType               = excType("KeyError", LookupErrorType)
	MemoryErrorType            = excType("MemoryError", ExceptionType)
	NameErrorType              = excType("NameError", ExceptionType)
	UnboundLocalErrorType      = excType("UnboundLocalError", NameErrorType)
	OSErrorType                = excType("OSError", ExceptionType)
	ConnectionErrorType        = excType("ConnectionError", OSErrorType)
	BrokenPipeErrorType        = excType("BrokenPipeError", ConnectionErrorType)
	ConnectionAbortedErrorType = excType("ConnectionAbortedError", ConnectionErrorType)
	ConnectionRefusedErrorType = excType("ConnectionRefusedError", ConnectionErrorType)
	ConnectionResetErrorType   = excType("ConnectionResetError", ConnectionErrorType)
	TimeoutErrorType           = excType("TimeoutError", OSErrorType)
	RuntimeErrorType           = excType("RuntimeError", ExceptionType)
	NotImplementedErrorType    = excType("NotImplementedError", RuntimeErrorType)
	RecursionErrorType         = excType("RecursionError", RuntimeErrorType)
	StopAsyncIterationType     = excType("StopAsyncIteration", ExceptionType)
	StopIterationType          = excType("StopIteration", ExceptionType)
	TypeErrorType              = excType("TypeError", ExceptionType)
	ValueErrorType             = excType("ValueError", ExceptionType)
	UnicodeErrorType           = excType("UnicodeError", ValueErrorType)
	UnicodeDecodeErrorType     = excType("UnicodeDecodeError", UnicodeErrorType)
	UnicodeEncodeErrorType     = excType("UnicodeEncodeError", UnicodeErrorType)
	SystemErrorType            = excType("SystemError", ExceptionType)
)

// Short names for the exception classes, as the brief and the host use them.
var (
	BaseException          = BaseExceptionType
	BaseExceptionGroup     = BaseExceptionGroupType
	GeneratorExit          = GeneratorExitType
	KeyboardInterrupt      = KeyboardInterruptType
	SystemExit             = SystemExitType
	ExceptionGroup         = ExceptionGroupType
	ArithmeticError        = ArithmeticErrorType
	ZeroDivisionError      = ZeroDivisionErrorType
	AssertionError         = AssertionErrorType
	AttributeError         = AttributeErrorType
	LookupError            = LookupErrorType
	IndexError             = IndexErrorType
	KeyError               = KeyErrorType
	MemoryError            = MemoryErrorType
	NameError              = NameErrorType
	UnboundLocalError      = UnboundLocalErrorType
	OSError                = OSErrorType
	ConnectionError        = ConnectionErrorType
	BrokenPipeError        = BrokenPipeErrorType
	ConnectionRefusedError = ConnectionRefusedErrorType
	ConnectionResetError   = ConnectionResetErrorType
	TimeoutError           = TimeoutErrorType
	RuntimeError           = RuntimeErrorType
	NotImplementedError    = NotImplementedErrorType
	RecursionError         = RecursionErrorType
	StopAsyncIteration     = StopAsyncIterationType
	StopIteration          = StopIterationType
	TypeError              = TypeErrorType
	ValueError             = ValueErrorType
)

// builtinExceptions lists the classes the builtins namespace exposes.
var builtinExceptions = []*Type{
	BaseExceptionType, BaseExceptionGroupType, GeneratorExitType, KeyboardInterruptType,
	SystemExitType, ExceptionType, ExceptionGroupType, ArithmeticErrorType, OverflowErrorType,
	ZeroDivisionErrorType, AssertionErrorType, AttributeErrorType, ImportErrorType,
	ModuleNotFoundErrorType, LookupErrorType, IndexErrorType, KeyErrorType, MemoryErrorType,
	NameErrorType, UnboundLocalErrorType, OSErrorType, ConnectionErrorType, BrokenPipeErrorType,
	ConnectionAbortedErrorType, ConnectionRefusedErrorType, ConnectionResetErrorType,
	TimeoutErrorType, RuntimeErrorType, NotImplementedErrorType, RecursionErrorType,
	StopAsyncIterationType, StopIterationType, TypeErrorType, ValueErrorType, UnicodeErrorType,
	UnicodeDecodeErrorType, UnicodeEncodeErrorType, SystemErrorType,
}

func excType(name string, base *Type) *Type {
	return &Type{Name: name, Module: "builtins", Base: base}
}

// NewExceptionType returns a new exception class (for the host's
// asyncio.CancelledError and friends). module is its __module__.
func NewExceptionType(name, module string, base *Type) *Type {
	return &Type{Name: name, Module: module, Base: base}
}

// IsException reports whether t is an exception class.
func (t *Type) IsException() bool { return t.IsSubtypeOf(BaseExceptionType) }

// NewException returns a new instance of the exception class cls.
func NewException(cls *Type, args ...Value) *Exception {
	return &Exception{Class: cls, Args: Tuple(args)}
}

// Errorf returns a new exception of class cls whose message is formatted.
func Errorf(cls *Type, format string, args ...any) *Exception {
	return NewException(cls, Str(fmt.Sprintf(format, args...)))
}

// NewExceptionGroup returns an ExceptionGroup (or BaseExceptionGroup, when
// some member is not an Exception) with message msg and members excs.
func NewExceptionGroup(msg string, excs []*Exception) *Exception {
	cls := ExceptionGroupType
	for _, e := range excs {
		if !e.Class.IsSubtypeOf(ExceptionType) {
			cls = BaseExceptionGroupType
		}
	}
	list := make([]Value, len(excs))
	for i, e := range excs {
		list[i] = e
	}
	return &Exception{Class: cls, Args: Tuple{Str(msg), NewList(list)}, Group: excs}
}

// Error returns the traceback's last line: "ValueError: boom".
func (e *Exception) Error() string {
	s := e.Message()
	if s == "" {
		return e.Class.QualifiedName()
	}
	return e.Class.QualifiedName() + ": " + s
}

// Message returns str(e).
func (e *Exception) Message() string {
	if e.Class.MRO != nil && e.Class.Lookup("__str__") != nil {
		s, err := instanceStr(scratchThread(), e)
		if err != nil {
			return "<exception str() failed>"
		}
		return s
	}
	return e.baseMessage()
}

// baseMessage is BaseException.__str__(e).
func (e *Exception) baseMessage() string {
	if e.Group != nil && len(e.Args) > 0 {
		m, _ := ToStr(nil, e.Args[0])
		n := len(e.Group)
		if n == 1 {
			return fmt.Sprintf("%s (1 sub-exception)", m)
		}
		return fmt.Sprintf("%s (%d sub-exceptions)", m, n)
	}
	if e.Class.IsSubtypeOf(OSErrorType) && (len(e.Args) == 2 || len(e.Args) == 3) {
		no, _ := ToStr(nil, e.Args[0])
		msg, _ := ToStr(nil, e.Args[1])
		s := fmt.Sprintf("[Errno %s] %s", no, msg)
		if len(e.Args) == 3 {
			fn, _ := Repr(nil, e.Args[2])
			s += ": " + fn
		}
		return s
	}
	switch len(e.Args) {
	case 0:
		return ""
	case 1:
		if e.Class.IsSubtypeOf(KeyErrorType) {
			s, _ := Repr(nil, e.Args[0])
			return s
		}
		s, _ := ToStr(nil, e.Args[0])
		return s
	}
	s, _ := Repr(nil, e.Args)
	return s
}

// ReprString returns repr(e): ValueError('boom').
func (e *Exception) ReprString() string {
	var b strings.Builder
	b.WriteString(e.Class.Name)
	b.WriteByte('(')
	for i, a := range e.Args {
		if i > 0 {
			b.WriteString(", ")
		}
		s, _ := Repr(nil, a)
		b.WriteString(s)
	}
	b.WriteByte(')')
	return b.String()
}

// Value returns StopIteration's value (args[0] or None).
func (e *Exception) Value() Value {
	if v, ok := e.Attrs["value"]; ok {
		return v
	}
	if len(e.Args) > 0 {
		return e.Args[0]
	}
	return None
}

// Attr returns an exception attribute.
func (e *Exception) Attr(t *Thread, name string) (Value, error) {
	switch name {
	case "args":
		return e.Args, nil
	case "__cause__":
		if e.Cause == nil {
			return None, nil
		}
		return e.Cause, nil
	case "__context__":
		if e.Context == nil {
			return None, nil
		}
		return e.Context, nil
	case "__suppress_context__":
		return Bool(e.SuppressContext), nil
	case "__traceback__":
		return None, nil
	case "__class__":
		return e.Class, nil
	}
	if v, ok := e.Attrs[name]; ok {
		return v, nil
	}
	if m := exceptionMethod(e, name); m != nil {
		return m, nil
	}
	if e.Group != nil {
		switch name {
		case "exceptions":
			t := make(Tuple, len(e.Group))
			for i, x := range e.Group {
				t[i] = x
			}
			return t, nil
		case "message":
			return e.Args[0], nil
		}
	}
	if name == "value" && e.Class.IsSubtypeOf(StopIterationType) {
		return e.Value(), nil
	}
	if name == "code" && e.Class.IsSubtypeOf(SystemExitType) {
		// SystemExit.code: None, the one argument, or the arguments
		switch len(e.Args) {
		case 0:
			return None, nil
		case 1:
			return e.Args[0], nil
		}
		return e.Args, nil
	}
	if e.Class.IsSubtypeOf(OSErrorType) {
		switch name {
		case "errno", "strerror", "filename":
			i := map[string]int{"errno": 0, "strerror": 1, "filename": 2}[name]
			if len(e.Args) >= 2 && len(e.Args) <= 3 && i < len(e.Args) {
				return e.Args[i], nil
			}
			return None, nil
		}
	}
	if e.Class.MRO != nil {
		return instanceAttr(t, e, e.Class, name, func(string) (Value, bool) { return nil, false })
	}
	if e.Class.Attrs != nil {
		if v, ok := e.Class.Attrs[name]; ok {
			return v, nil
		}
	}
	return nil, nil
}

// SetAttr sets an attribute on the exception.
func (e *Exception) SetAttr(t *Thread, name string, v Value) error {
	switch name {
	case "__cause__":
		if v == None {
			e.Cause = nil
		} else if x, ok := v.(*Exception); ok {
			e.Cause = x
		} else {
			return Errorf(TypeErrorType, "exception cause must be None or derive from BaseException")
		}
		e.SuppressContext = true
		return nil
	case "__context__":
		if v == None {
			e.Context = nil
		} else if x, ok := v.(*Exception); ok {
			e.Context = x
		}
		return nil
	case "args":
		tu, err := toTuple(t, v)
		if err != nil {
			return err
		}
		e.Args = tu
		return nil
	}
	if e.Attrs == nil {
		e.Attrs = map[string]Value{}
	}
	e.Attrs[name] = v
	return nil
}

// newExceptionFromType is the default constructor of exception classes.
func newExceptionFromType(t *Thread, cls *Type, args []Value, kw []Kwarg) (Value, error) {
	if len(kw) > 0 {
		return nil, Errorf(TypeErrorType, "%s() takes no keyword arguments", cls.Name)
	}
	if cls.IsSubtypeOf(BaseExceptionGroupType) {
		if len(args) != 2 {
			return nil, Errorf(TypeErrorType, "BaseExceptionGroup.__new__() takes exactly 2 arguments (%d given)", len(args))
		}
		msg, ok := args[0].(Str)
		if !ok {
			return nil, Errorf(TypeErrorType, "argument 1 must be str, not %s", args[0].Type().Name)
		}
		var excs []*Exception
		err := Iterate(t, args[1], func(v Value) error {
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
		g := NewExceptionGroup(string(msg), excs)
		if cls != ExceptionGroupType && cls != BaseExceptionGroupType {
			g.Class = cls
		} else if cls == ExceptionGroupType && g.Class != ExceptionGroupType {
			return nil, Errorf(TypeErrorType, "Cannot nest BaseExceptions in an ExceptionGroup")
		}
		g.Args = Tuple{args[0], args[1]}
		return g, nil
	}
	return &Exception{Class: cls, Args: append(Tuple(nil), args...)}, nil
}

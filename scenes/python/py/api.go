package py

// This file declares the interpreter's exported API that the host builds on.
// The declarations are the contract (see contract.go); the interpreter's
// author fills in the bodies and may add to them, but does not change these
// signatures without telling the host's author.

import "errors"

// ErrBlock, returned by a BuiltinFunc, suspends the calling thread (which
// must have CanBlock() true). The host later calls Thread.SetOutcome with the
// builtin call's result and runs the thread again with Thread.Run.
var ErrBlock = errors.New("py: thread blocked")

// Type is a Python type: the built-in types, exception classes, and the
// host's native types (Future, Task, Queue...).
type Type struct {
	Name   string // __name__: "int", "CancelledError", "Future"
	Module string // __module__: "builtins", "asyncio.exceptions", "asyncio.futures"
	Base   *Type  // the base class; nil only for object
	// CName, when set, is the name CPython's C type gives itself in error
	// messages ("datetime.timedelta" where __name__ is "timedelta").
	CName string
	// New, when set, makes the type callable: Type(args...) returns New's
	// value (for exception types the interpreter supplies a default).
	New BuiltinFunc
	// Attrs are class attributes read as Type.attr (rarely needed for
	// built-in types; a class's namespace).
	Attrs map[string]Value
	// Mixin is a second base class (ExceptionGroup is both an Exception and
	// a BaseExceptionGroup); nil for most types.
	Mixin *Type

	// The fields of classes made by class statements (NewClass); nil for
	// built-in and native types. Attrs is then the class namespace, with
	// its names in definition order in AttrNames.
	QualName  string  // __qualname__
	Bases     []*Type // __bases__
	MRO       []*Type // __mro__, the class first
	AttrNames []string
	// Members, when set, makes the class an enumeration (what enum.Enum's
	// metaclass gives it): iter(cls), len(cls), cls[name], x in cls and
	// repr(cls) read it. Nil for other types.
	Members *EnumMembers
}

// EnumMembers are the members of an enumeration class.
type EnumMembers struct {
	Order  []Value // the members, aliases left out, in definition order
	ByName *Dict   // name -> member, aliases included (__members__)
}

// QualifiedName is the name CPython prints on a traceback's last line:
// "ValueError" for builtins, "asyncio.exceptions.CancelledError" otherwise.
func (t *Type) QualifiedName() string {
	if t.MRO != nil && (t.Module == "__main__" || t.Module == "builtins") {
		// traceback.format_exception_only leaves out __main__
		return t.QualName
	}
	if t.Module == "" || t.Module == "builtins" {
		return t.Name
	}
	return t.Module + "." + t.Name
}

// IsSubtypeOf reports whether t is base or derives from it.
func (t *Type) IsSubtypeOf(base *Type) bool {
	if t.MRO != nil {
		for _, c := range t.MRO {
			if c == base {
				return true
			}
		}
		return false
	}
	for c := t; c != nil; c = c.Base {
		if c == base || c.Mixin != nil && c.Mixin.IsSubtypeOf(base) {
			return true
		}
	}
	return false
}

// TracebackEntry is one line of a traceback: where a frame was when the
// exception passed through it.
type TracebackEntry struct {
	File     string
	Line     int
	Col      int
	Function string // "<module>", "main", "worker"
	// EndLine and EndCol end the source range of the failing expression
	// (0 when unknown), for CPython 3.11's carets; EndCol is 1-based and
	// exclusive (the column just after the expression).
	EndLine int
	EndCol  int
}

// Exception is a Python exception instance. As a Go error it reads like the
// last line of CPython's traceback ("ValueError: boom").
type Exception struct {
	Class           *Type
	Args            Tuple
	Cause           *Exception // raise ... from cause
	Context         *Exception // the exception being handled when this was raised
	SuppressContext bool
	// tb holds the traceback innermost first: unwinding appends each
	// frame it leaves, in time linear in the depth (Traceback returns it
	// outermost first).
	tb []TracebackEntry
	// Group holds an ExceptionGroup's members (BaseExceptionGroup.exceptions);
	// Args[0] is then its message.
	Group []*Exception
	// Attrs holds extra attributes (StopIteration.value, ...).
	Attrs map[string]Value

	// suggest computes the "Did you mean" name of a NameError or
	// AttributeError (see TracebackLine).
	suggest func() string
}

// Tuple is a Python tuple.
type Tuple []Value

// Traceback returns the frames the exception passed through, outermost
// first, as CPython prints them.
func (e *Exception) Traceback() []TracebackEntry {
	out := make([]TracebackEntry, len(e.tb))
	for i, fr := range e.tb {
		out[len(out)-1-i] = fr
	}
	return out
}

// KeepTraceback returns a function that puts the exception's traceback
// back as it is now: contextlib's managers, after throwing the exception
// into a generator that let it through, restore the traceback it had (as
// CPython's __exit__ sets exc.__traceback__ back), so the frames it passed
// through inside the generator are not printed.
func (e *Exception) KeepTraceback() (restore func()) {
	n := len(e.tb)
	return func() {
		if len(e.tb) > n {
			e.tb = e.tb[:n]
		}
	}
}

// addFrame records that the exception passed through fr on its way out
// (fr becomes the outermost frame).
func (e *Exception) addFrame(fr TracebackEntry) { e.tb = append(e.tb, fr) }

// AddCaller records a frame of the host's that called the code the
// exception came from (asyncio's Handle._run), as its outermost frame.
func (e *Exception) AddCaller(fr TracebackEntry) { e.addFrame(fr) }

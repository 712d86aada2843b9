package resolve

import "sort"

// Builtins lists the builtin names scenes may use, sorted. A Binding of
// scope Universal has Index into this slice. __name__ and __file__ are
// here too: in a scene __name__ is always "__main__", and __file__ is the
// scene's file name as the engine was given it.
var Builtins = sortedStrings(
	// functions and types
	"abs", "aiter", "all", "anext", "any", "ascii", "bool", "bytes", "callable",
	"chr", "dict", "divmod", "enumerate", "filter", "float", "format", "frozenset",
	"getattr", "hasattr", "hex", "int", "isinstance", "issubclass", "iter", "len",
	"list", "map", "max", "min", "next", "ord", "pow", "print", "range", "repr",
	"reversed", "round", "set", "sorted", "str", "sum", "tuple", "type", "zip",
	"__name__", "__file__",
	// classes
	"classmethod", "delattr", "hash", "id", "object", "property", "setattr",
	"staticmethod", "super", "vars", "NotImplemented",
	// exceptions
	"ArithmeticError", "AssertionError", "AttributeError", "BaseException",
	"BaseExceptionGroup", "BrokenPipeError", "ConnectionAbortedError",
	"ConnectionError", "ConnectionRefusedError", "ConnectionResetError", "Exception",
	"ExceptionGroup", "GeneratorExit", "ImportError", "IndexError", "KeyError",
	"KeyboardInterrupt", "LookupError", "MemoryError", "ModuleNotFoundError",
	"NameError", "NotImplementedError", "OSError", "OverflowError", "RecursionError",
	"RuntimeError", "StopAsyncIteration", "StopIteration", "SystemError", "SystemExit",
	"TimeoutError", "TypeError", "UnboundLocalError", "UnicodeDecodeError",
	"UnicodeEncodeError", "UnicodeError", "ValueError", "ZeroDivisionError",
)

// cpythonBuiltins lists every builtin of CPython 3.11 that scenes do not
// support; calling one is refused statically.
var cpythonBuiltins = []string{
	"bin", "breakpoint", "bytearray",
	"compile", "complex", "copyright", "credits", "dir",
	"eval", "exec", "exit", "globals", "help",
	"input", "license", "locals", "memoryview", "oct", "open",
	"quit", "slice",
	"__import__", "__build_class__",
}

// RefusedBuiltins says, for the unsupported builtins a learner is likely
// to reach for, why a playground cannot have them and what to write
// instead; the others are simply "not supported in scenes".
var RefusedBuiltins = map[string]string{
	"open": "a playground has no files. Put the data in the scene itself " +
		"(lines = [\"first\", \"second\"]), and await asyncio.sleep(0.1) where reading it would take time",
	"input": "a playground has no keyboard input. Assign the answer instead: name = \"Ada\"",
	"exit":  "it is meant for the interactive prompt. To end the scene, use sys.exit() (import sys) or return from main()",
	"quit":  "it is meant for the interactive prompt. To end the scene, use sys.exit() (import sys) or return from main()",
	"breakpoint": "a playground has no debugger. Print what you want to see, " +
		"or step through the run in the playground's timeline",
	"eval": "scenes run only their own code. Write the expression itself",
	"exec": "scenes run only their own code. Write the statements themselves",
}

// UnsupportedBuiltins returns the builtins of CPython 3.11 that scenes do
// not support, sorted.
func UnsupportedBuiltins() []string {
	return sortedStrings(append([]string(nil), cpythonBuiltins...)...)
}

func sortedStrings(s ...string) []string {
	sort.Strings(s)
	return s
}

var (
	builtinIndex = func() map[string]int {
		m := make(map[string]int)
		for i, name := range Builtins {
			m[name] = i
		}
		return m
	}()
	unsupportedBuiltin = func() map[string]bool {
		m := make(map[string]bool)
		for _, name := range cpythonBuiltins {
			m[name] = true
		}
		return m
	}()
)

// IsBuiltin reports whether name is a builtin that scenes may use.
func IsBuiltin(name string) bool {
	_, ok := builtinIndex[name]
	return ok
}

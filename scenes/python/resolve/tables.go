package resolve

import "sort"

// Modules lists the modules a scene may import, by dotted name.
var Modules = []string{"asyncio", "time", "concurrent.futures", "fastapi", "httpx"}

// ModuleMembers lists, for each importable module, the attributes a scene
// may use (LANGUAGE.md). The runtime shares this table: a member listed
// here must exist at run time. "concurrent" is the package that
// "import concurrent.futures" binds; its only member is futures.
var ModuleMembers = map[string][]string{
	"asyncio": {
		"ALL_COMPLETED", "BoundedSemaphore", "CancelledError", "Condition", "Event",
		"FIRST_COMPLETED", "FIRST_EXCEPTION", "Future", "IncompleteReadError",
		"Handle", "InvalidStateError", "LifoQueue", "LimitOverrunError", "Lock",
		"PriorityQueue", "Queue", "QueueEmpty", "QueueFull", "Semaphore",
		"StreamReader", "StreamWriter", "Task", "TaskGroup", "TimeoutError",
		"TimerHandle", "all_tasks", "as_completed", "create_task", "current_task",
		"ensure_future", "gather", "get_event_loop", "get_running_loop", "iscoroutine",
		"isfuture", "open_connection", "run", "shield", "sleep", "start_server",
		"timeout", "timeout_at", "to_thread", "wait", "wait_for", "wrap_future",
	},
	"time": {"monotonic", "monotonic_ns", "perf_counter", "perf_counter_ns", "sleep", "time", "time_ns"},
	"concurrent.futures": {
		"ALL_COMPLETED", "BrokenExecutor", "CancelledError", "FIRST_COMPLETED",
		"FIRST_EXCEPTION", "Future", "InvalidStateError", "ThreadPoolExecutor",
		"TimeoutError", "as_completed", "wait",
	},
	"concurrent": {"futures"},
	"fastapi":    {"Depends", "FastAPI", "HTTPException"},
	"httpx":      {"ASGITransport", "AsyncClient"},
}

// Builtins lists the builtin names scenes may use, sorted. A Binding of
// scope Universal has Index into this slice. __name__ is here too: in a
// scene it is always "__main__".
var Builtins = sortedStrings(
	// functions and types
	"abs", "aiter", "all", "anext", "any", "ascii", "bool", "bytes", "callable",
	"chr", "dict", "divmod", "enumerate", "filter", "float", "format", "frozenset",
	"getattr", "hasattr", "hex", "int", "isinstance", "issubclass", "iter", "len",
	"list", "map", "max", "min", "next", "ord", "pow", "print", "range", "repr",
	"reversed", "round", "set", "sorted", "str", "sum", "tuple", "type", "zip",
	"__name__",
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
	"classmethod", "compile", "complex", "copyright", "credits", "delattr", "dir",
	"eval", "exec", "exit", "globals", "hash", "help", "id",
	"input", "license", "locals", "memoryview", "object", "oct", "open",
	"property", "quit", "setattr", "slice", "staticmethod", "super", "vars",
	"__import__", "__build_class__",
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
	memberSet = func() map[string]map[string]bool {
		m := make(map[string]map[string]bool)
		for mod, names := range ModuleMembers {
			m[mod] = make(map[string]bool)
			for _, n := range names {
				m[mod][n] = true
			}
		}
		return m
	}()
)

// IsBuiltin reports whether name is a builtin that scenes may use.
func IsBuiltin(name string) bool {
	_, ok := builtinIndex[name]
	return ok
}

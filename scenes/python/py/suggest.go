package py

import (
	"loopscope/scenes/python/suggest"
	"sort"
	"strings"
)

// scriptGlobals are the names a script's globals hold before its first line.
var scriptGlobals = []string{"__name__", "__doc__", "__package__", "__loader__", "__spec__",
	"__annotations__", "__builtins__", "__file__", "__cached__"}

// nameErrorSuggestion returns the suggestion for a NameError raised in f:
// its local variables first, then the module's bound globals, then the
// builtins, as CPython searches them.
func nameErrorSuggestion(f *Frame, name string) func() string {
	var locals []string
	if f.fn != nil && f.fn.Code.Name != "<module>" {
		for i, n := range f.code.Locals {
			if n == ".0" {
				continue
			}
			_ = i
			locals = append(locals, n)
		}
	}
	var globals []string
	if g := f.globals; g != nil {
		globals = append(globals, scriptGlobals...)
		for i, n := range g.names {
			if g.slots[i] != nil {
				globals = append(globals, n)
			}
		}
	}
	return func() string {
		if s := suggest.Closest(locals, name); s != "" {
			return s
		}
		if s := suggest.Closest(globals, name); s != "" {
			return s
		}
		return suggest.Closest(cpythonBuiltinNames, name)
	}
}

// Direr is implemented by native objects that can list their attributes
// (dir(obj)), for AttributeError suggestions.
type Direr interface {
	Value
	Dir() []string
}

// attrErrorSuggestion returns the suggestion for x.name failing.
func attrErrorSuggestion(x Value, name string) func() string {
	return func() string {
		var dir []string
		switch v := x.(type) {
		case *Module:
			for k := range v.Dict {
				dir = append(dir, k)
			}
			for k := range v.index {
				dir = append(dir, k)
			}
			dir = append(dir, "__name__", "__doc__", "__package__", "__loader__", "__spec__")
			sort.Strings(dir)
		case Direr:
			dir = append(dir, v.Dir()...)
			sort.Strings(dir)
		case *Exception:
			dir = cpythonDirs["exception"]
		default:
			dir = cpythonDirs[x.Type().Name]
		}
		if dir == nil {
			return ""
		}
		return suggest.Closest(dir, name)
	}
}

// attributeError returns CPython's AttributeError for x.name, with its
// suggestion.
func attributeError(x Value, name string, format string, args ...any) *Exception {
	e := Errorf(AttributeErrorType, format, args...)
	e.suggest = attrErrorSuggestion(x, name)
	e.Attrs = map[string]Value{"name": Str(name), "obj": x}
	return e
}

// suggestion returns the "Did you mean" name, computing it once.
func (e *Exception) suggestion() string {
	if e.suggest == nil {
		return ""
	}
	s := e.suggest()
	e.suggest = func() string { return s }
	return s
}

// TracebackLine returns the last line CPython prints for the uncaught
// exception: Error(), plus ". Did you mean: 'x'?" when CPython would offer
// a suggestion.
func (e *Exception) TracebackLine() string {
	line := e.Error()
	if s := e.suggestion(); s != "" && !strings.Contains(line, "\n") {
		line += ". Did you mean: '" + s + "'?"
	}
	return line
}

package py

import (
	"sort"
	"strings"
)

// CPython 3.11 appends ". Did you mean: 'x'?" to the last traceback line of
// a NameError or AttributeError when a similar name exists
// (Python/suggestions.c); these are its rules and constants.
const (
	suggestMaxItems  = 750
	suggestMaxString = 40
	suggestMoveCost  = 2
	suggestCaseCost  = 1
)

func substitutionCost(a, b byte) int {
	if a&31 != b&31 {
		return suggestMoveCost
	}
	if a == b {
		return 0
	}
	if 'A' <= a && a <= 'Z' {
		a += 'a' - 'A'
	}
	if 'A' <= b && b <= 'Z' {
		b += 'a' - 'A'
	}
	if a == b {
		return suggestCaseCost
	}
	return suggestMoveCost
}

// levenshtein is suggestions.c's levenshtein_distance (on UTF-8 bytes).
func levenshtein(a, b string, maxCost int) int {
	if a == b {
		return 0
	}
	for len(a) > 0 && len(b) > 0 && a[0] == b[0] {
		a, b = a[1:], b[1:]
	}
	for len(a) > 0 && len(b) > 0 && a[len(a)-1] == b[len(b)-1] {
		a, b = a[:len(a)-1], b[:len(b)-1]
	}
	if len(a) == 0 || len(b) == 0 {
		return (len(a) + len(b)) * suggestMoveCost
	}
	if len(a) > suggestMaxString || len(b) > suggestMaxString {
		return maxCost + 1
	}
	if len(b) < len(a) {
		a, b = b, a
	}
	if (len(b)-len(a))*suggestMoveCost > maxCost {
		return maxCost + 1
	}
	var buffer [suggestMaxString]int
	tmp := suggestMoveCost
	for i := 0; i < len(a); i++ {
		buffer[i] = tmp
		tmp += suggestMoveCost
	}
	result := 0
	for bi := 0; bi < len(b); bi++ {
		code := b[bi]
		distance := bi * suggestMoveCost
		result = distance
		minimum := int(^uint(0) >> 1)
		for i := 0; i < len(a); i++ {
			substitute := distance + substitutionCost(code, a[i])
			distance = buffer[i]
			insertDelete := min(result, distance) + suggestMoveCost
			result = min(insertDelete, substitute)
			buffer[i] = result
			if result < minimum {
				minimum = result
			}
		}
		if minimum > maxCost {
			return maxCost + 1
		}
	}
	return result
}

// calculateSuggestion picks the closest candidate to name, or "".
func calculateSuggestion(candidates []string, name string) string {
	if len(candidates) >= suggestMaxItems {
		return ""
	}
	best := int(^uint(0) >> 1)
	suggestion := ""
	found := false
	for _, item := range candidates {
		if item == name {
			continue
		}
		maxDistance := (len(name) + len(item) + 3) * suggestMoveCost / 6
		maxDistance = min(maxDistance, best-1)
		d := levenshtein(name, item, maxDistance)
		if d > maxDistance {
			continue
		}
		if !found || d < best {
			suggestion, best, found = item, d, true
		}
	}
	return suggestion
}

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
		if s := calculateSuggestion(locals, name); s != "" {
			return s
		}
		if s := calculateSuggestion(globals, name); s != "" {
			return s
		}
		return calculateSuggestion(cpythonBuiltinNames, name)
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
		return calculateSuggestion(dir, name)
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

// Package collections is Python's collections module for scenes: deque,
// defaultdict, Counter, OrderedDict and namedtuple, as CPython 3.11 has
// them (reprs, messages, ordering).
package collections

import "loopscope/scenes/python/py"

// Members lists the module's attributes a scene may use.
var Members = []string{"Counter", "OrderedDict", "defaultdict", "deque", "namedtuple"}

// New returns a fresh collections module.
func New() *py.Module {
	return py.NewModule("collections", map[string]py.Value{
		"Counter":     CounterType,
		"OrderedDict": OrderedDictType,
		"defaultdict": DefaultDictType,
		"deque":       DequeType,
		"namedtuple":  py.NewBuiltin("namedtuple", namedtuple),
	})
}

// Package collections is Python's collections module for scenes: deque,
// defaultdict, Counter, OrderedDict and namedtuple, as CPython 3.11 has
// them (reprs, messages, ordering).
package collections

import (
	"loopscope/scenes/python/modules"
	"loopscope/scenes/python/py"
)

// Spec is the module's entry in the registry.
var Spec = &modules.Spec{
	Name: "collections",
	Doc:  "Container types: a double-ended queue, dicts with defaults, counting and ordering, and tuples with named fields.",
	Members: []modules.Member{
		{Name: "Counter", Doc: "A dict that counts things: missing keys count 0; most_common, update, subtract, total, elements."},
		{Name: "OrderedDict", Doc: "A dict that can reorder its items: move_to_end, popitem(last=False)."},
		{Name: "defaultdict", Doc: "A dict that calls default_factory to make the value of a missing key."},
		{Name: "deque", Doc: "A double-ended queue (maxlen bounds it): append, appendleft, pop, popleft, extend, rotate."},
		{Name: "namedtuple", Doc: "Make a tuple class whose items are also attributes: defaults, _fields, _make, _asdict, _replace."},
	},
}

func init() {
	py.RegisterModule(Spec, func(py.Host) (py.Value, error) { return New(), nil })
}

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

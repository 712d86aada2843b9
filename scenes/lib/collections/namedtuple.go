package collections

import (
	"fmt"
	"strings"
	"unicode"

	"loopscope/scenes/lib/internal/args"
	"loopscope/scenes/python/py"
)

// NamedTupleClass is a class made by namedtuple(): its type (a subclass of
// tuple), its field names and the defaults of its trailing fields.
type NamedTupleClass struct {
	Type     *py.Type
	Fields   []string
	Defaults []py.Value // for the last len(Defaults) fields
}

// NamedTuple is an instance of a namedtuple class: a tuple whose items
// are also attributes.
type NamedTuple struct {
	Class *NamedTupleClass
	Items py.Tuple
}

// Type returns the namedtuple's class.
func (n *NamedTuple) Type() *py.Type { return n.Class.Type }

// NewNamedTupleClass returns a namedtuple class named name (in module mod,
// "__main__" for a scene's own) with the given fields, the last of which
// take defaults. The names must be valid (see namedtuple).
func NewNamedTupleClass(name, mod string, fields []string, defaults []py.Value) *NamedTupleClass {
	c := &NamedTupleClass{Fields: fields, Defaults: defaults}
	c.Type = &py.Type{Name: name, Module: mod, Base: py.TupleType}
	c.Type.New = func(t *py.Thread, _ py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
		return c.New(a, kw)
	}
	fs := make(py.Tuple, len(fields))
	for i, f := range fields {
		fs[i] = py.Str(f)
	}
	fd := py.NewDict()
	for i, d := range defaults {
		fd.SetStr(fields[len(fields)-len(defaults)+i], d)
	}
	c.Type.Attrs = map[string]py.Value{
		"_fields":         fs,
		"_field_defaults": fd,
		"_make": py.NewBuiltin(name+"._make", func(t *py.Thread, _ py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := args.Count("_make", a, 1, 1); err != nil {
				return nil, err
			}
			var items py.Tuple
			if err := py.Iterate(t, a[0], func(v py.Value) error {
				items = append(items, v)
				return nil
			}); err != nil {
				return nil, err
			}
			if len(items) != len(fields) {
				return nil, py.Errorf(py.TypeErrorType, "Expected %d arguments, got %d", len(fields), len(items))
			}
			return &NamedTuple{Class: c, Items: items}, nil
		}),
	}
	return c
}

// New makes an instance from a call's arguments, with the messages of the
// __new__ that CPython's namedtuple writes.
func (c *NamedTupleClass) New(a []py.Value, kw []py.Kwarg) (*NamedTuple, error) {
	items, err := args.Bind(c.Type.Name+".__new__", c.Fields, len(c.Defaults), a, kw)
	if err != nil {
		return nil, err
	}
	n := len(c.Fields)
	for i := range items {
		if items[i] == nil {
			items[i] = c.Defaults[i-(n-len(c.Defaults))]
		}
	}
	return &NamedTuple{Class: c, Items: items}, nil
}

func (c *NamedTupleClass) index(name string) int {
	for i, f := range c.Fields {
		if f == name {
			return i
		}
	}
	return -1
}

// Repr returns Point(x=1, y=2).
func (n *NamedTuple) Repr(t *py.Thread) (string, error) {
	var b strings.Builder
	b.WriteString(n.Class.Type.Name)
	b.WriteByte('(')
	for i, f := range n.Class.Fields {
		if i > 0 {
			b.WriteString(", ")
		}
		s, err := py.Repr(t, n.Items[i])
		if err != nil {
			return "", err
		}
		b.WriteString(f)
		b.WriteByte('=')
		b.WriteString(s)
	}
	b.WriteByte(')')
	return b.String(), nil
}

// Attr returns a field, or one of the methods namedtuples have.
func (n *NamedTuple) Attr(t *py.Thread, name string) (py.Value, error) {
	if i := n.Class.index(name); i >= 0 {
		return n.Items[i], nil
	}
	switch name {
	case "_asdict":
		return py.NewBuiltin(n.Class.Type.Name+"._asdict", func(t *py.Thread, _ py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := args.Count("_asdict", a, 0, 0); err != nil {
				return nil, err
			}
			d := py.NewDict()
			for i, f := range n.Class.Fields {
				d.SetStr(f, n.Items[i])
			}
			return d, nil
		}), nil
	case "_replace":
		return py.NewBuiltin(n.Class.Type.Name+"._replace", func(t *py.Thread, _ py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
			if len(a) > 0 {
				return nil, py.Errorf(py.TypeErrorType, "%s._replace() takes 1 positional argument but %d were given", n.Class.Type.Name, len(a)+1)
			}
			items := append(py.Tuple(nil), n.Items...)
			var bad []string
			for _, k := range kw {
				if i := n.Class.index(k.Name); i >= 0 {
					items[i] = k.Value
				} else {
					bad = append(bad, py.StrRepr(k.Name))
				}
			}
			if bad != nil {
				return nil, py.Errorf(py.ValueErrorType, "Got unexpected field names: [%s]", strings.Join(bad, ", "))
			}
			return &NamedTuple{Class: n.Class, Items: items}, nil
		}), nil
	case "count", "index":
		m, err := py.GetAttr(t, n.Items, name)
		return m, err
	}
	if v, ok := n.Class.Type.Attrs[name]; ok {
		return v, nil
	}
	return nil, nil
}

// SetAttr refuses: a namedtuple's fields are read-only.
func (n *NamedTuple) SetAttr(t *py.Thread, name string, v py.Value) error {
	if n.Class.index(name) >= 0 {
		return py.Errorf(py.AttributeErrorType, "can't set attribute")
	}
	return py.Errorf(py.AttributeErrorType, "'%s' object has no attribute '%s'", n.Class.Type.Name, name)
}

// Len returns the number of fields.
func (n *NamedTuple) Len() int { return len(n.Items) }

// Iter iterates over the items.
func (n *NamedTuple) Iter(t *py.Thread) (py.Iterator, error) { return py.GetIter(t, n.Items) }

// GetItem indexes or slices the items (a slice is a plain tuple).
func (n *NamedTuple) GetItem(t *py.Thread, k py.Value) (py.Value, error) {
	return py.GetItem(t, n.Items, k)
}

// Contains is the in operator.
func (n *NamedTuple) Contains(t *py.Thread, x py.Value) (bool, error) {
	return py.Contains(t, n.Items, x)
}

// Equal compares the items with another tuple's, as tuple.__eq__ does.
func (n *NamedTuple) Equal(t *py.Thread, b py.Value) (bool, error) {
	switch b := b.(type) {
	case *NamedTuple:
		return py.Equal(t, n.Items, b.Items)
	case py.Tuple:
		return py.Equal(t, n.Items, b)
	}
	return false, nil
}

// Hash is the hash of the tuple of its items.
func (n *NamedTuple) Hash() uint64 {
	h, err := py.Hash(nil, n.Items)
	if err != nil {
		return 0
	}
	return h
}

// BinaryOp concatenates with tuples, giving a plain tuple.
func (n *NamedTuple) BinaryOp(t *py.Thread, op py.BinOp, y py.Value, right bool) (py.Value, error) {
	if m, ok := y.(*NamedTuple); ok {
		y = m.Items
	}
	if right {
		return py.Binary(t, op, y, n.Items)
	}
	return py.Binary(t, op, n.Items, y)
}

// namedtuple is collections.namedtuple(typename, field_names, *,
// rename=False, defaults=None, module=None).
func namedtuple(t *py.Thread, _ py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
	if len(a) > 2 {
		return nil, py.Errorf(py.TypeErrorType, "namedtuple() takes 2 positional arguments but %d were given", len(a))
	}
	p, err := args.Parse("namedtuple", a, kw, []string{"typename", "field_names", "rename", "defaults", "module"}, 2)
	if err != nil {
		return nil, err
	}
	name, ok := p[0].(py.Str)
	if !ok {
		return nil, py.Errorf(py.TypeErrorType, "namedtuple() typename must be str, not %s", p[0].Type().Name)
	}
	var fields []string
	if s, ok := p[1].(py.Str); ok {
		fields = strings.Fields(strings.ReplaceAll(string(s), ",", " "))
	} else if err := py.Iterate(t, p[1], func(v py.Value) error {
		s, ok := v.(py.Str)
		if !ok {
			return py.Errorf(py.TypeErrorType, "Type names and field names must be strings")
		}
		fields = append(fields, string(s))
		return nil
	}); err != nil {
		return nil, err
	}
	if p[2] != nil && py.Truth(p[2]) {
		seen := map[string]bool{}
		for i, f := range fields {
			if !isIdentifier(f) || isKeyword(f) || strings.HasPrefix(f, "_") || seen[f] {
				fields[i] = fmt.Sprintf("_%d", i)
			}
			seen[fields[i]] = true
		}
	}
	for _, n := range append([]string{string(name)}, fields...) {
		if !isIdentifier(n) {
			return nil, py.Errorf(py.ValueErrorType, "Type names and field names must be valid identifiers: %s", py.StrRepr(n))
		}
		if isKeyword(n) {
			return nil, py.Errorf(py.ValueErrorType, "Type names and field names cannot be a keyword: %s", py.StrRepr(n))
		}
	}
	seen := map[string]bool{}
	for _, f := range fields {
		if strings.HasPrefix(f, "_") && (p[2] == nil || !py.Truth(p[2])) {
			return nil, py.Errorf(py.ValueErrorType, "Field names cannot start with an underscore: %s", py.StrRepr(f))
		}
		if seen[f] {
			return nil, py.Errorf(py.ValueErrorType, "Encountered duplicate field name: %s", py.StrRepr(f))
		}
		seen[f] = true
	}
	var defaults []py.Value
	if p[3] != nil && p[3] != py.None {
		if err := py.Iterate(t, p[3], func(v py.Value) error {
			defaults = append(defaults, v)
			return nil
		}); err != nil {
			return nil, err
		}
		if len(defaults) > len(fields) {
			return nil, py.Errorf(py.TypeErrorType, "Got more default values than field names")
		}
	}
	mod := "__main__"
	if p[4] != nil && p[4] != py.None {
		s, err := py.ToStr(t, p[4])
		if err != nil {
			return nil, err
		}
		mod = s
	}
	return NewNamedTupleClass(string(name), mod, fields, defaults).Type, nil
}

func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if r == '_' || unicode.IsLetter(r) || i > 0 && unicode.IsDigit(r) {
			continue
		}
		return false
	}
	return true
}

var keywords = map[string]bool{
	"False": true, "None": true, "True": true, "and": true, "as": true, "assert": true,
	"async": true, "await": true, "break": true, "class": true, "continue": true,
	"def": true, "del": true, "elif": true, "else": true, "except": true,
	"finally": true, "for": true, "from": true, "global": true, "if": true,
	"import": true, "in": true, "is": true, "lambda": true, "nonlocal": true,
	"not": true, "or": true, "pass": true, "raise": true, "return": true,
	"try": true, "while": true, "with": true, "yield": true,
}

func isKeyword(s string) bool { return keywords[s] }

// seqCmp compares two sequences as tuples do: by their first unequal
// items, else by length.
func seqCmp(t *py.Thread, a, b []py.Value) (int, error) {
	for i := 0; i < len(a) && i < len(b); i++ {
		eq, err := py.Equal(t, a[i], b[i])
		if err != nil {
			return 0, err
		}
		if eq {
			continue
		}
		lt, err := py.Compare(t, py.OpLT, a[i], b[i])
		if err != nil {
			return 0, err
		}
		if lt {
			return -1, nil
		}
		return 1, nil
	}
	switch {
	case len(a) < len(b):
		return -1, nil
	case len(a) > len(b):
		return 1, nil
	}
	return 0, nil
}

// Cmp orders a namedtuple against another or a tuple, as tuples order.
func (n *NamedTuple) Cmp(t *py.Thread, b py.Value) (int, bool, error) {
	var items py.Tuple
	switch b := b.(type) {
	case *NamedTuple:
		items = b.Items
	case py.Tuple:
		items = b
	default:
		return 0, false, nil
	}
	c, err := seqCmp(t, n.Items, items)
	return c, true, err
}

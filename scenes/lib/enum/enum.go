// Package enum is Python's enum module for scenes: Enum and IntEnum
// classes whose members are made when the class statement ends, auto()
// values, lookups by value (Color(1)) and by name (Color['RED']),
// iteration in definition order and CPython 3.11's reprs (<Color.RED: 1>)
// and strs (Color.RED; an IntEnum member prints as its value).
package enum

import (
	"loopscope/scenes/lib/internal/args"
	"loopscope/scenes/python/modules"
	"loopscope/scenes/python/py"
)

// Spec is the module's entry in the registry.
var Spec = &modules.Spec{
	Name: "enum",
	Doc:  "Enumerations: classes whose attributes are a fixed set of named members.",
	Members: []modules.Member{
		{Name: "Enum", Doc: "The base class of enumerations: members have .name and .value, Color(1) and Color['RED'] look them up, iteration lists them."},
		{Name: "IntEnum", Doc: "An Enum whose members compare, hash and compute like their int values (they are not int instances in scenes)."},
		{Name: "auto", Doc: "A member value chosen for you: 1, then one more than the last."},
	},
}

func init() {
	py.RegisterModule(Spec, func(py.Host) (py.Value, error) { return New() })
}

// New returns a fresh enum module with its own Enum and IntEnum classes.
func New() (*py.Module, error) {
	enum, intEnum, err := newBases()
	if err != nil {
		return nil, err
	}
	return py.NewModule("enum", map[string]py.Value{
		"Enum":    enum,
		"IntEnum": intEnum,
		"auto":    autoType,
	}), nil
}

var autoType = &py.Type{Name: "auto", Module: "enum", Base: py.ObjectType}

// auto is the placeholder auto() leaves in a class body.
type auto struct{}

func (auto) Type() *py.Type { return autoType }

// Repr is auto's repr before the class is made.
func (auto) Repr(t *py.Thread) (string, error) { return "auto(_auto_null)", nil }

func init() {
	autoType.New = func(t *py.Thread, _ py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
		if err := args.Count("auto", a, 0, 0); err != nil {
			return nil, err
		}
		return auto{}, nil
	}
}

func method(name string, fn py.BuiltinFunc) *py.NativeMethod {
	return &py.NativeMethod{Name: name, Fn: fn}
}

// field reads a member's _name_ or _value_.
func field(v py.Value, name string) py.Value {
	if o, ok := v.(*py.Instance); ok {
		if x, ok := o.Dict.GetStr(name); ok {
			return x
		}
	}
	return py.None
}

// newBases makes the classes Enum and IntEnum, with the methods that
// enum.py gives them.
func newBases() (enum, intEnum *py.Type, err error) {
	ns := py.NewDict()
	ns.SetStr("__init_subclass__", &py.ClassMethod{Fn: method("Enum.__init_subclass__", initSubclass)})
	ns.SetStr("__new__", &py.StaticMethod{Fn: method("Enum.__new__", lookupValue)})
	ns.SetStr("__repr__", method("Enum.__repr__", func(t *py.Thread, self py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
		v, err := py.Repr(t, field(self, "_value_"))
		if err != nil {
			return nil, err
		}
		name, _ := field(self, "_name_").(py.Str)
		return py.Str("<" + self.Type().Name + "." + string(name) + ": " + v + ">"), nil
	}))
	ns.SetStr("__str__", method("Enum.__str__", func(t *py.Thread, self py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
		name, _ := field(self, "_name_").(py.Str)
		return py.Str(self.Type().Name + "." + string(name)), nil
	}))
	ns.SetStr("__format__", method("Enum.__format__", func(t *py.Thread, self py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
		spec := ""
		if len(a) == 1 {
			if s, ok := a[0].(py.Str); ok {
				spec = string(s)
			}
		}
		s, err := py.ToStr(t, self)
		if err != nil {
			return nil, err
		}
		f, err := py.Format(t, py.Str(s), spec)
		return py.Str(f), err
	}))
	ns.SetStr("__hash__", method("Enum.__hash__", func(t *py.Thread, self py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
		h, err := py.Hash(t, field(self, "_name_"))
		return py.Int(int64(h)), err
	}))
	for _, name := range []string{"name", "value"} {
		key := "_" + name + "_"
		ns.SetStr(name, &py.Property{Get: method("Enum."+name, func(t *py.Thread, self py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
			return field(self, key), nil
		})})
	}
	if enum, err = py.NewClass("Enum", "Enum", "enum", nil, ns); err != nil {
		return nil, nil, err
	}
	enum.Members = &py.EnumMembers{ByName: py.NewDict()}

	ins := py.NewDict()
	value := func(v py.Value) py.Value {
		if v.Type().Members != nil {
			return field(v, "_value_")
		}
		return v
	}
	for _, c := range []struct {
		name string
		op   py.CompareOp
	}{{"__eq__", py.OpEQ}, {"__ne__", py.OpNE}, {"__lt__", py.OpLT}, {"__le__", py.OpLE}, {"__gt__", py.OpGT}, {"__ge__", py.OpGE}} {
		op := c.op
		ins.SetStr(c.name, method("IntEnum."+c.name, func(t *py.Thread, self py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := args.Count(c.name, a, 1, 1); err != nil {
				return nil, err
			}
			r, err := py.Compare(t, op, field(self, "_value_"), value(a[0]))
			return py.Bool(r), err
		}))
	}
	for _, b := range []struct {
		name  string
		op    py.BinOp
		right bool
	}{
		{"__add__", py.OpAdd, false}, {"__radd__", py.OpAdd, true}, {"__sub__", py.OpSub, false}, {"__rsub__", py.OpSub, true},
		{"__mul__", py.OpMul, false}, {"__rmul__", py.OpMul, true}, {"__floordiv__", py.OpFloorDiv, false},
		{"__truediv__", py.OpTrueDiv, false}, {"__mod__", py.OpMod, false},
	} {
		b := b
		ins.SetStr(b.name, method("IntEnum."+b.name, func(t *py.Thread, self py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := args.Count(b.name, a, 1, 1); err != nil {
				return nil, err
			}
			x, y := field(self, "_value_"), value(a[0])
			if b.right {
				x, y = y, x
			}
			return py.Binary(t, b.op, x, y)
		}))
	}
	ins.SetStr("__hash__", method("IntEnum.__hash__", func(t *py.Thread, self py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
		h, err := py.Hash(t, field(self, "_value_"))
		return py.Int(int64(h)), err
	}))
	ins.SetStr("__int__", method("IntEnum.__int__", func(t *py.Thread, self py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
		return field(self, "_value_"), nil
	}))
	ins.SetStr("__index__", method("IntEnum.__index__", func(t *py.Thread, self py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
		return field(self, "_value_"), nil
	}))
	ins.SetStr("__str__", method("IntEnum.__str__", func(t *py.Thread, self py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
		s, err := py.Repr(t, field(self, "_value_"))
		return py.Str(s), err
	}))
	ins.SetStr("__format__", method("IntEnum.__format__", func(t *py.Thread, self py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
		spec := ""
		if len(a) == 1 {
			if s, ok := a[0].(py.Str); ok {
				spec = string(s)
			}
		}
		f, err := py.Format(t, field(self, "_value_"), spec)
		return py.Str(f), err
	}))
	if intEnum, err = py.NewClass("IntEnum", "IntEnum", "enum", []*py.Type{enum}, ins); err != nil {
		return nil, nil, err
	}
	intEnum.Members = &py.EnumMembers{ByName: py.NewDict()}
	return enum, intEnum, nil
}

// isDescriptor reports whether a class attribute is a method or property
// rather than a member.
func isDescriptor(v py.Value) bool {
	switch v.(type) {
	case *py.Function, *py.NativeMethod, *py.StaticMethod, *py.ClassMethod, *py.Property, *py.Type, *py.Builtin:
		return true
	}
	return false
}

// nextValue is _generate_next_value_: one more than the last value (1 at
// first).
func nextValue(t *py.Thread, last []py.Value) py.Value {
	for i := len(last) - 1; i >= 0; i-- {
		if v, err := py.Binary(t, py.OpAdd, last[i], py.Int(1)); err == nil {
			return v
		}
	}
	return py.Int(1)
}

// initSubclass makes the members of a new enumeration class from its
// body's plain attributes, in definition order.
func initSubclass(t *py.Thread, clsV py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
	cls := clsV.(*py.Type)
	for _, b := range cls.MRO[1:] {
		if b.Members != nil && len(b.Members.Order) > 0 {
			return nil, py.Errorf(py.TypeErrorType, "<enum '%s'> cannot extend <enum '%s'>", cls.Name, b.Name)
		}
	}
	m := &py.EnumMembers{ByName: py.NewDict()}
	var values []py.Value
	for _, name := range cls.AttrNames {
		v, ok := cls.Attrs[name]
		if !ok || len(name) > 0 && name[0] == '_' || isDescriptor(v) {
			continue
		}
		if _, isAuto := v.(auto); isAuto {
			v = nextValue(t, values)
		}
		values = append(values, v)
		var member py.Value
		for _, old := range m.Order {
			eq, err := py.Equal(t, field(old, "_value_"), v)
			if err != nil {
				return nil, err
			}
			if eq {
				member = old // an alias
				break
			}
		}
		if member == nil {
			o := py.NewInstance(t, cls)
			o.Dict.SetStr("_value_", v)
			o.Dict.SetStr("_name_", py.Str(name))
			member = o
			m.Order = append(m.Order, o)
		}
		m.ByName.SetStr(name, member)
		cls.Attrs[name] = member
	}
	cls.Members = m
	cls.SetClassAttr("__members__", m.ByName)
	return py.None, nil
}

// lookupValue is Color(value): the member with that value.
func lookupValue(t *py.Thread, clsV py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
	cls, ok := clsV.(*py.Type)
	if !ok || cls.Members == nil {
		return nil, py.Errorf(py.TypeErrorType, "Enum.__new__() needs an enumeration class")
	}
	if len(a) != 1 || len(kw) > 0 {
		return nil, py.Errorf(py.TypeErrorType, "%s() takes exactly one argument: the value of a member (the functional API Enum('Name', ...) is not supported in scenes)", cls.Name)
	}
	v := a[0]
	for _, m := range cls.Members.Order {
		if m == v {
			return m, nil
		}
	}
	for _, m := range cls.Members.Order {
		eq, err := py.Equal(t, field(m, "_value_"), v)
		if err != nil {
			return nil, err
		}
		if eq {
			return m, nil
		}
	}
	r, err := py.Repr(t, v)
	if err != nil {
		return nil, err
	}
	q := cls.QualName
	if q == "" {
		q = cls.Name
	}
	return nil, py.Errorf(py.ValueErrorType, "%s is not a valid %s", r, q)
}

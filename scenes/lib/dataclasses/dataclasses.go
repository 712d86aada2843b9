// Package dataclasses is Python's dataclasses module for scenes: the
// @dataclass decorator writes __init__, __repr__, __eq__, the ordering
// methods, __hash__ and the frozen __setattr__ into a class as CPython
// 3.11's does (the same rules, reprs and messages), and field, fields,
// asdict, astuple, replace and is_dataclass work on the result.
package dataclasses

import (
	"strings"

	"loopscope/scenes/lib/collections"
	"loopscope/scenes/lib/internal/args"
	"loopscope/scenes/python/modules"
	"loopscope/scenes/python/py"
)

// Spec is the module's entry in the registry.
var Spec = &modules.Spec{
	Name: "dataclasses",
	Doc:  "Classes whose __init__, __repr__, __eq__ (and, on request, ordering, hashing and immutability) are written from their annotated fields.",
	Members: []modules.Member{
		{Name: "FrozenInstanceError", Doc: "Raised by assigning to a field of a frozen dataclass (an AttributeError)."},
		{Name: "MISSING", Doc: "The marker of a field without a default."},
		{Name: "asdict", Doc: "A dataclass instance as a dict of its fields, recursively."},
		{Name: "astuple", Doc: "A dataclass instance as a tuple of its fields, recursively."},
		{Name: "dataclass", Doc: "The decorator: @dataclass or @dataclass(order=True, frozen=True, ...)."},
		{Name: "field", Doc: "A field's settings: default, default_factory, init, repr, compare, hash, metadata."},
		{Name: "fields", Doc: "The Field objects of a dataclass or of its instance."},
		{Name: "is_dataclass", Doc: "Whether a class or instance is a dataclass."},
		{Name: "replace", Doc: "A copy of a dataclass instance with some fields changed."},
	},
}

func init() {
	py.RegisterModule(Spec, func(py.Host) (py.Value, error) { return New(), nil })
}

// New returns a fresh dataclasses module.
func New() *py.Module {
	return py.NewModule("dataclasses", map[string]py.Value{
		"FrozenInstanceError": FrozenInstanceError,
		"MISSING":             Missing,
		"asdict":              py.NewBuiltin("asdict", asdict),
		"astuple":             py.NewBuiltin("astuple", astuple),
		"dataclass":           py.NewBuiltin("dataclass", dataclass),
		"field":               py.NewBuiltin("field", field),
		"fields":              py.NewBuiltin("fields", fieldsOf),
		"is_dataclass":        py.NewBuiltin("is_dataclass", isDataclass),
		"replace":             py.NewBuiltin("replace", replace),
	})
}

// FrozenInstanceError is dataclasses.FrozenInstanceError.
var FrozenInstanceError = py.NewExceptionType("FrozenInstanceError", "dataclasses", py.AttributeErrorType)

var missingType = &py.Type{Name: "_MISSING_TYPE", Module: "dataclasses", Base: py.ObjectType}

type missing struct{}

func (missing) Type() *py.Type { return missingType }

// Missing is dataclasses.MISSING.
var Missing py.Value = missing{}

// FieldType is dataclasses.Field.
var FieldType = &py.Type{Name: "Field", Module: "dataclasses", Base: py.ObjectType}

// Field is one field of a dataclass.
type Field struct {
	Name     string
	Typ      py.Value
	Default  py.Value // Missing when none
	Factory  py.Value // Missing when none
	Init     bool
	InRepr   bool
	Compare  bool
	Hash     py.Value // None: follow Compare
	Metadata py.Value
}

// Type returns FieldType.
func (f *Field) Type() *py.Type { return FieldType }

// Attr returns the field's settings.
func (f *Field) Attr(t *py.Thread, name string) (py.Value, error) {
	switch name {
	case "name":
		if f.Name == "" {
			return py.None, nil
		}
		return py.Str(f.Name), nil
	case "type":
		if f.Typ == nil {
			return py.None, nil
		}
		return f.Typ, nil
	case "default":
		return f.Default, nil
	case "default_factory":
		return f.Factory, nil
	case "init":
		return py.Bool(f.Init), nil
	case "repr":
		return py.Bool(f.InRepr), nil
	case "compare":
		return py.Bool(f.Compare), nil
	case "hash":
		return f.Hash, nil
	case "metadata":
		return f.Metadata, nil
	}
	return nil, nil
}

// Repr returns Field(name='x',type=<class 'int'>,...) as CPython writes it.
func (f *Field) Repr(t *py.Thread) (string, error) {
	var b strings.Builder
	parts := []struct {
		k string
		v py.Value
	}{
		{"name", py.Str(f.Name)}, {"type", f.Typ}, {"default", f.Default}, {"default_factory", f.Factory},
		{"init", py.Bool(f.Init)}, {"repr", py.Bool(f.InRepr)}, {"hash", f.Hash}, {"compare", py.Bool(f.Compare)},
		{"metadata", f.Metadata}, {"kw_only", py.False},
	}
	b.WriteString("Field(")
	for i, p := range parts {
		if i > 0 {
			b.WriteByte(',')
		}
		v := p.v
		if v == nil {
			v = py.None
		}
		s, err := py.Repr(t, v)
		if err != nil {
			return "", err
		}
		b.WriteString(p.k + "=" + s)
	}
	b.WriteString(",_field_type=_FIELD)")
	return b.String(), nil
}

var emptyMetadata = py.NewDict()

func field(t *py.Thread, _ py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
	if len(a) > 0 {
		return nil, py.Errorf(py.TypeErrorType, "field() takes 0 positional arguments but %d were given", len(a))
	}
	p, err := args.Parse("field", nil, kw, []string{"default", "default_factory", "init", "repr", "hash", "compare", "metadata", "kw_only"}, 0)
	if err != nil {
		return nil, err
	}
	f := &Field{Default: Missing, Factory: Missing, Init: true, InRepr: true, Compare: true, Hash: py.None, Metadata: emptyMetadata}
	if p[0] != nil {
		f.Default = p[0]
	}
	if p[1] != nil {
		f.Factory = p[1]
	}
	if f.Default != Missing && f.Factory != Missing {
		return nil, py.Errorf(py.ValueErrorType, "cannot specify both default and default_factory")
	}
	for i, dst := range []*bool{&f.Init, &f.InRepr} {
		if p[2+i] != nil {
			*dst = py.Truth(p[2+i])
		}
	}
	if p[4] != nil {
		f.Hash = p[4]
	}
	if p[5] != nil {
		f.Compare = py.Truth(p[5])
	}
	if p[6] != nil && p[6] != py.None {
		f.Metadata = p[6]
	}
	return f, nil
}

// params are the decorator's arguments.
type params struct {
	init, repr, eq, order, unsafeHash, frozen, matchArgs bool
}

func dataclass(t *py.Thread, _ py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
	if len(a) > 1 {
		return nil, py.Errorf(py.TypeErrorType, "dataclass() takes from 0 to 1 positional arguments but %d were given", len(a))
	}
	p := params{init: true, repr: true, eq: true, matchArgs: true}
	for _, k := range kw {
		var dst *bool
		switch k.Name {
		case "init":
			dst = &p.init
		case "repr":
			dst = &p.repr
		case "eq":
			dst = &p.eq
		case "order":
			dst = &p.order
		case "unsafe_hash":
			dst = &p.unsafeHash
		case "frozen":
			dst = &p.frozen
		case "match_args":
			dst = &p.matchArgs
		case "kw_only", "slots", "weakref_slot":
			if py.Truth(k.Value) {
				return nil, py.Errorf(py.TypeErrorType, "dataclass(%s=True) is not supported in scenes", k.Name)
			}
			continue
		default:
			return nil, py.Errorf(py.TypeErrorType, "dataclass() got an unexpected keyword argument '%s'", k.Name)
		}
		*dst = py.Truth(k.Value)
	}
	if len(a) == 1 && a[0] != py.None {
		return process(t, a[0], p)
	}
	return py.NewBuiltin("wrap", func(t *py.Thread, _ py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
		if err := args.Count("wrap", a, 1, 1); err != nil {
			return nil, err
		}
		return process(t, a[0], p)
	}), nil
}

// dataFields returns the fields of a dataclass (nil, false if it is not one).
func dataFields(cls *py.Type) ([]*Field, bool) {
	if !cls.IsClass() {
		return nil, false
	}
	d, ok := cls.Lookup("__dataclass_fields__").(*py.Dict)
	if !ok {
		return nil, false
	}
	var out []*Field
	for _, it := range d.Items() {
		if f, ok := it[1].(*Field); ok {
			out = append(out, f)
		}
	}
	return out, true
}

func process(t *py.Thread, v py.Value, p params) (py.Value, error) {
	cls, ok := v.(*py.Type)
	if !ok || !cls.IsClass() {
		return nil, py.Errorf(py.TypeErrorType, "dataclass() should be called on a class defined in the scene, not %s", v.Type().Name)
	}
	if p.order && !p.eq {
		return nil, py.Errorf(py.ValueErrorType, "eq must be true if order is true")
	}
	var fields []*Field
	put := func(f *Field) {
		for i, g := range fields {
			if g.Name == f.Name {
				fields[i] = f
				return
			}
		}
		fields = append(fields, f)
	}
	for i := len(cls.MRO) - 1; i >= 1; i-- {
		if fs, ok := dataFields(cls.MRO[i]); ok {
			for _, f := range fs {
				put(f)
			}
		}
	}
	if ann, ok := cls.Attrs["__annotations__"].(*py.Dict); ok {
		for _, it := range ann.Items() {
			name, ok := it[0].(py.Str)
			if !ok {
				continue
			}
			var f *Field
			def, has := cls.Attrs[string(name)]
			if given, ok := def.(*Field); ok {
				f = given
			} else {
				f = &Field{Default: Missing, Factory: Missing, Init: true, InRepr: true, Compare: true, Hash: py.None, Metadata: emptyMetadata}
				if has {
					f.Default = def
				}
			}
			f.Name, f.Typ = string(name), it[1]
			if f.Default != Missing {
				if _, err := py.Hash(t, f.Default); err != nil {
					if e, ok := err.(*py.Exception); ok && e.Class == py.TypeErrorType {
						s, _ := py.Repr(t, f.Default.Type())
						return nil, py.Errorf(py.ValueErrorType, "mutable default %s for field %s is not allowed: use default_factory", s, f.Name)
					}
					return nil, err
				}
			}
			if _, ok := def.(*Field); ok {
				if f.Default == Missing {
					delete(cls.Attrs, f.Name)
				} else {
					cls.Attrs[f.Name] = f.Default
				}
			}
			put(f)
		}
	}
	fd := py.NewDict()
	for _, f := range fields {
		fd.SetStr(f.Name, f)
	}
	cls.SetClassAttr("__dataclass_fields__", fd)

	own := func(name string) bool { _, ok := cls.Attrs[name]; return ok }
	classHash, hasHash := cls.Attrs["__hash__"]
	_, hasEq := cls.Attrs["__eq__"]
	explicitHash := hasHash && !(classHash == py.None && hasEq)

	if p.init {
		seenDefault := false
		for _, f := range fields {
			if !f.Init {
				continue
			}
			if f.Default != Missing || f.Factory != Missing {
				seenDefault = true
			} else if seenDefault {
				return nil, py.Errorf(py.TypeErrorType, "non-default argument '%s' follows default argument", f.Name)
			}
		}
		if !own("__init__") {
			cls.SetClassAttr("__init__", initMethod(cls, fields, p.frozen))
		}
	}
	if p.repr && !own("__repr__") {
		cls.SetClassAttr("__repr__", reprMethod(cls, fields))
	}
	if p.eq && !own("__eq__") {
		cls.SetClassAttr("__eq__", compareMethod(cls, fields, "__eq__", py.OpEQ))
	}
	if p.order {
		for _, o := range []struct {
			name string
			op   py.CompareOp
		}{{"__lt__", py.OpLT}, {"__le__", py.OpLE}, {"__gt__", py.OpGT}, {"__ge__", py.OpGE}} {
			if own(o.name) {
				return nil, py.Errorf(py.TypeErrorType, "Cannot overwrite attribute %s in class %s. Consider using functools.total_ordering", o.name, cls.Name)
			}
			cls.SetClassAttr(o.name, compareMethod(cls, fields, o.name, o.op))
		}
	}
	if p.frozen {
		for _, name := range []string{"__setattr__", "__delattr__"} {
			if own(name) {
				return nil, py.Errorf(py.TypeErrorType, "Cannot overwrite attribute %s in class %s", name, cls.Name)
			}
		}
		cls.SetClassAttr("__setattr__", frozenMethod(cls, fields, "__setattr__", "assign to"))
		cls.SetClassAttr("__delattr__", frozenMethod(cls, fields, "__delattr__", "delete"))
	}
	switch {
	case p.unsafeHash:
		if explicitHash {
			return nil, py.Errorf(py.TypeErrorType, "Cannot overwrite attribute __hash__ in class %s", cls.Name)
		}
		cls.SetClassAttr("__hash__", hashMethod(cls, fields))
	case p.eq && p.frozen:
		if !explicitHash {
			cls.SetClassAttr("__hash__", hashMethod(cls, fields))
		}
	case p.eq:
		if !explicitHash {
			cls.SetClassAttr("__hash__", py.None)
		}
	}
	if p.matchArgs && !own("__match_args__") {
		var names py.Tuple
		for _, f := range fields {
			if f.Init {
				names = append(names, py.Str(f.Name))
			}
		}
		if names == nil {
			names = py.Tuple{}
		}
		cls.SetClassAttr("__match_args__", names)
	}
	return cls, nil
}

func qualName(cls *py.Type) string {
	if cls.QualName != "" {
		return cls.QualName
	}
	return cls.Name
}

// setRaw is object.__setattr__(self, name, v): past a frozen __setattr__.
func setRaw(t *py.Thread, obj py.Value, name string, v py.Value) error {
	if o, ok := obj.(*py.Instance); ok {
		o.Dict.SetStr(name, v)
		return nil
	}
	return py.SetAttr(t, obj, name, v)
}

func initMethod(cls *py.Type, fields []*Field, frozen bool) *py.NativeMethod {
	name := qualName(cls) + ".__init__"
	var params []string
	ndefaults := 0
	for _, f := range fields {
		if f.Init {
			params = append(params, f.Name)
			if f.Default != Missing || f.Factory != Missing {
				ndefaults++
			}
		}
	}
	return &py.NativeMethod{Name: name, Fn: func(t *py.Thread, self py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
		vals, err := args.Bind(name, params, ndefaults, a, kw)
		if err != nil {
			return nil, err
		}
		set := func(n string, v py.Value) error {
			if frozen {
				return setRaw(t, self, n, v)
			}
			return py.SetAttr(t, self, n, v)
		}
		i := 0
		for _, f := range fields {
			var v py.Value
			if f.Init {
				v = vals[i]
				i++
				if v == nil {
					if f.Factory != Missing {
						if v, err = t.Call(f.Factory, nil, nil); err != nil {
							return nil, err
						}
					} else {
						v = f.Default
					}
				}
			} else if f.Factory != Missing {
				if v, err = t.Call(f.Factory, nil, nil); err != nil {
					return nil, err
				}
			} else {
				continue
			}
			if err := set(f.Name, v); err != nil {
				return nil, err
			}
		}
		if post, err := py.GetAttr(t, self, "__post_init__"); err == nil {
			if _, err := t.Call(post, nil, nil); err != nil {
				return nil, err
			}
		}
		return py.None, nil
	}}
}

func reprMethod(cls *py.Type, fields []*Field) *py.NativeMethod {
	return &py.NativeMethod{Name: qualName(cls) + ".__repr__", Fn: func(t *py.Thread, self py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
		var b strings.Builder
		c := self.Type()
		b.WriteString(qualName(c))
		b.WriteByte('(')
		first := true
		for _, f := range fields {
			if !f.InRepr {
				continue
			}
			v, err := py.GetAttr(t, self, f.Name)
			if err != nil {
				return nil, err
			}
			s, err := py.Repr(t, v)
			if err != nil {
				return nil, err
			}
			if !first {
				b.WriteString(", ")
			}
			first = false
			b.WriteString(f.Name + "=" + s)
		}
		b.WriteByte(')')
		return py.Str(b.String()), nil
	}}
}

// fieldTuple returns the values of the fields that compare (or hash).
func fieldTuple(t *py.Thread, obj py.Value, fields []*Field, hash bool) (py.Tuple, error) {
	out := py.Tuple{}
	for _, f := range fields {
		use := f.Compare
		if hash && f.Hash != py.None {
			use = py.Truth(f.Hash)
		}
		if !use {
			continue
		}
		v, err := py.GetAttr(t, obj, f.Name)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

func compareMethod(cls *py.Type, fields []*Field, name string, op py.CompareOp) *py.NativeMethod {
	return &py.NativeMethod{Name: qualName(cls) + "." + name, Fn: func(t *py.Thread, self py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
		if err := args.Count(name, a, 1, 1); err != nil {
			return nil, err
		}
		other := a[0]
		if other.Type() != self.Type() {
			return py.NotImplemented, nil
		}
		x, err := fieldTuple(t, self, fields, false)
		if err != nil {
			return nil, err
		}
		y, err := fieldTuple(t, other, fields, false)
		if err != nil {
			return nil, err
		}
		r, err := py.Compare(t, op, x, y)
		return py.Bool(r), err
	}}
}

func hashMethod(cls *py.Type, fields []*Field) *py.NativeMethod {
	return &py.NativeMethod{Name: qualName(cls) + ".__hash__", Fn: func(t *py.Thread, self py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
		x, err := fieldTuple(t, self, fields, true)
		if err != nil {
			return nil, err
		}
		h, err := py.Hash(t, x)
		if err != nil {
			return nil, err
		}
		return py.Int(int64(h)), nil
	}}
}

func frozenMethod(cls *py.Type, fields []*Field, name, verb string) *py.NativeMethod {
	isField := func(n string) bool {
		for _, f := range fields {
			if f.Name == n {
				return true
			}
		}
		return false
	}
	return &py.NativeMethod{Name: qualName(cls) + "." + name, Fn: func(t *py.Thread, self py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
		if len(a) == 0 {
			return nil, py.Errorf(py.TypeErrorType, "%s() missing 1 required positional argument: 'name'", name)
		}
		n, _ := a[0].(py.Str)
		if self.Type() == cls || isField(string(n)) {
			return nil, py.NewException(FrozenInstanceError, py.Str("cannot "+verb+" field "+py.StrRepr(string(n))))
		}
		if name == "__setattr__" && len(a) == 2 {
			return py.None, setRaw(t, self, string(n), a[1])
		}
		if o, ok := self.(*py.Instance); ok {
			if _, found, _ := o.Dict.Delete(t, n); found {
				return py.None, nil
			}
		}
		return nil, py.Errorf(py.AttributeErrorType, "'%s' object has no attribute '%s'", self.Type().Name, string(n))
	}}
}

func fieldsOf(t *py.Thread, _ py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
	p, err := args.Parse("fields", a, kw, []string{"class_or_instance"}, 1)
	if err != nil {
		return nil, err
	}
	cls, ok := p[0].(*py.Type)
	if !ok {
		cls = p[0].Type()
	}
	fs, ok := dataFields(cls)
	if !ok {
		return nil, py.Errorf(py.TypeErrorType, "must be called with a dataclass type or instance")
	}
	out := py.Tuple{}
	for _, f := range fs {
		out = append(out, f)
	}
	return out, nil
}

func isDataclass(t *py.Thread, _ py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
	p, err := args.Parse("is_dataclass", a, kw, []string{"obj"}, 1)
	if err != nil {
		return nil, err
	}
	cls, ok := p[0].(*py.Type)
	if !ok {
		cls = p[0].Type()
	}
	_, is := dataFields(cls)
	return py.Bool(is), nil
}

// isInstance reports whether v is an instance (not a class) of a dataclass.
func isInstance(v py.Value) ([]*Field, bool) {
	if _, isType := v.(*py.Type); isType {
		return nil, false
	}
	return dataFields(v.Type())
}

// convert is asdict's and astuple's recursion (_asdict_inner).
func convert(t *py.Thread, v py.Value, asDict bool, factory py.Value) (py.Value, error) {
	if fs, ok := isInstance(v); ok {
		var items []py.Value
		for _, f := range fs {
			x, err := py.GetAttr(t, v, f.Name)
			if err != nil {
				return nil, err
			}
			c, err := convert(t, x, asDict, factory)
			if err != nil {
				return nil, err
			}
			if asDict {
				items = append(items, py.Tuple{py.Str(f.Name), c})
			} else {
				items = append(items, c)
			}
		}
		if factory != nil {
			return t.Call(factory, []py.Value{py.NewList(items)}, nil)
		}
		if asDict {
			d := py.NewDict()
			for _, it := range items {
				if err := d.SetItem(t, it.(py.Tuple)[0], it.(py.Tuple)[1]); err != nil {
					return nil, err
				}
			}
			return d, nil
		}
		return py.Tuple(items), nil
	}
	each := func(xs []py.Value) ([]py.Value, error) {
		out := make([]py.Value, len(xs))
		for i, x := range xs {
			c, err := convert(t, x, asDict, factory)
			if err != nil {
				return nil, err
			}
			out[i] = c
		}
		return out, nil
	}
	switch x := v.(type) {
	case *collections.NamedTuple:
		items, err := each(x.Items)
		if err != nil {
			return nil, err
		}
		return &collections.NamedTuple{Class: x.Class, Items: items}, nil
	case *py.List:
		items, err := each(x.Elems)
		if err != nil {
			return nil, err
		}
		return py.NewList(items), nil
	case py.Tuple:
		items, err := each(x)
		if err != nil {
			return nil, err
		}
		return py.Tuple(items), nil
	case *py.Dict:
		d := x.Copy()
		d.Class, d.Data = x.Class, x.Data
		for _, it := range x.Items() {
			k, err := convert(t, it[0], asDict, factory)
			if err != nil {
				return nil, err
			}
			val, err := convert(t, it[1], asDict, factory)
			if err != nil {
				return nil, err
			}
			if _, _, err := d.Delete(t, it[0]); err != nil {
				return nil, err
			}
			if err := d.SetItem(t, k, val); err != nil {
				return nil, err
			}
		}
		return d, nil
	}
	return v, nil
}

func asdictOrTuple(t *py.Thread, a []py.Value, kw []py.Kwarg, name string, asDict bool) (py.Value, error) {
	factoryName := "tuple_factory"
	if asDict {
		factoryName = "dict_factory"
	}
	p, err := args.Parse(name, a, kw, []string{"obj", factoryName}, 1)
	if err != nil {
		return nil, err
	}
	if _, ok := isInstance(p[0]); !ok {
		return nil, py.Errorf(py.TypeErrorType, "%s() should be called on dataclass instances", name)
	}
	return convert(t, p[0], asDict, p[1])
}

func asdict(t *py.Thread, _ py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
	return asdictOrTuple(t, a, kw, "asdict", true)
}

func astuple(t *py.Thread, _ py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
	return asdictOrTuple(t, a, kw, "astuple", false)
}

func replace(t *py.Thread, _ py.Value, a []py.Value, kw []py.Kwarg) (py.Value, error) {
	if len(a) != 1 {
		return nil, py.Errorf(py.TypeErrorType, "replace() takes 1 positional argument but %d were given", len(a))
	}
	obj := a[0]
	fs, ok := isInstance(obj)
	if !ok {
		return nil, py.Errorf(py.TypeErrorType, "replace() should be called on dataclass instances")
	}
	changes := map[string]bool{}
	for _, k := range kw {
		changes[k.Name] = true
	}
	var out []py.Kwarg
	for _, f := range fs {
		if !f.Init {
			if changes[f.Name] {
				return nil, py.Errorf(py.ValueErrorType, "field %s is declared with init=False, it cannot be specified with replace()", f.Name)
			}
			continue
		}
		if !changes[f.Name] {
			v, err := py.GetAttr(t, obj, f.Name)
			if err != nil {
				return nil, err
			}
			out = append(out, py.Kwarg{Name: f.Name, Value: v})
		}
	}
	out = append(out, kw...)
	return t.Call(obj.Type(), nil, out)
}
